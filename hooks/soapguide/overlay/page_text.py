"""Reading a page's Markdown the way MkDocs will: its headings and the anchors they get, its
links and the blocks they sit in; and the rule that an office's own pages hold Markdown only.
Plain text work, line by line, with no Markdown parser: pages are rendered by MkDocs later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify

from ..check.text_policy import html_in, unsafe_link_in
from ..read.errors import ContentError

FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
_EXPLICIT_ID = re.compile(r"(?:^|\s)#([\w-]+)")
LINK = re.compile(
    r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)"
    r"(?P<attrs>\{[^{}\n]*\})?"
)
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+")
ANCHOR = re.compile(r'\bid="([^"]+)"')
_CODE = re.compile(r"(`+).+?\1")
_INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")
# What Jinja reads (a macro call, a statement, a comment) and code spans: not Markdown text.
_NOT_MARKDOWN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|(`+).+?\1")
# The attributes an office page may give an element with attr_list's '{ … }': a class
# ('.md-button'), an id ('#where') and a tooltip ('title="…"'). Any other would let a page add
# an event handler ('onmouseover='), a link ('href=') or a style to the site's HTML.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_SAFE_CLASSES = re.compile(r"^[A-Za-z0-9_ -]*$")
# One attribute as attr_list's scanner reads it (its lexicon, in its order), for its column.
_ATTR_TOKEN = re.compile(r"""[^ =}]+=".*?"|[^ =}]+='.*?'|[^ =}]+=[^ =}]+|[^ =}]+""")
# An image as Python-Markdown reads one: '![alt](address)', '![alt][ref]', '![alt] [ref]',
# '![ref][]', or '![ref]' alone when the page defines '[ref]: address'. '\![' is text.
_IMAGE = re.compile(r"(?<!\\)!\[(?P<alt>(?:[^\[\]]|\[[^\]]*\])*)\](?P<then>\s*[(\[])?")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.MULTILINE)


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    line: int  # 1-based, in the text it was read from


def page_headings(markdown: str) -> list[Heading]:
    """The page's Markdown headings with the anchors MkDocs gives them (toc's slugify, an
    explicit ``{ #id }`` kept, repeats numbered ``_1``, ``_2``)."""
    headings: list[Heading] = []
    used: set[str] = set()
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        anchor = None
        attrs = _ATTRS.search(text)
        if attrs:
            explicit = _EXPLICIT_ID.search(attrs.group(1))
            anchor = explicit.group(1) if explicit else None
            text = text[: attrs.start()]
        if anchor is None:
            plain = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
            anchor = slugify(plain, "-")
            base, count = anchor, 0
            while anchor in used or not anchor:
                count += 1
                anchor = f"{base}_{count}"
        used.add(anchor)
        headings.append(Heading(len(match.group(1)), anchor, number))
    return headings


def markdown_only(display: str, text: str) -> list[ContentError]:
    """An office page may hold Markdown, never HTML, images or links to unsafe addresses."""
    errors = []
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            errors += _attribute_errors(display, number, line)  # '```{ .python onclick=… }'
            continue
        if in_fence:
            continue
        tag = html_in(line)
        if tag:
            errors.append(
                ContentError(
                    display,
                    number,
                    line.find(tag.split()[0]) + 1,
                    "",
                    f"HTML is not allowed in your pages (found '{tag}')",
                    "write Markdown: **bold**, *italic*, [link](https://…), lists with '- '",
                )
            )
        errors += _attribute_errors(display, number, line)
        link = unsafe_link_in(line)
        if link:
            errors.append(
                ContentError(
                    display,
                    number,
                    line.find(link[1]) + 1,
                    "",
                    f"a '{link[0]}:' link is not allowed; links may go to https://, mailto: or "
                    "tel: addresses, or to the guide's pages",
                    "link to a full https:// address or a page like checklist.md",
                )
            )
    return errors + image_errors(display, text)


def image_errors(display: str, text: str) -> list[ContentError]:
    """Each image in an office page. A picture from another site would be fetched from there
    by every reader's browser (the site promises it loads nothing from other sites), and the
    build publishes no pictures from office/pages/, so a page may show none, as notes may not."""
    prose = prose_outside_code(text)
    defined = {_label(m[1]) for m in _REFERENCE_DEFINITION.finditer(prose)}
    errors = []
    for match in _IMAGE.finditer(prose):
        if not match["then"] and _label(match["alt"]) not in defined:
            continue  # '![words]' with no '[words]: address' is shown as it is written
        line = prose.count("\n", 0, match.start()) + 1
        column = match.start() - (prose.rfind("\n", 0, match.start()) + 1) + 1
        errors.append(
            ContentError(
                display,
                line,
                column,
                "",
                "images are not supported in your pages (a picture from another site would let "
                "that site see every reader, and the site loads nothing from other sites)",
                "remove the image (the '![…]' and its address), or delete the '!' to make it "
                "a link to the picture: [text](https://…)",
            )
        )
    return errors


def prose_outside_code(text: str) -> str:
    """``text`` with code (fenced blocks, code spans) blanked out, lines and columns kept."""
    lines = []
    in_fence = False
    for line in text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        lines.append("" if in_fence else _CODE.sub(lambda m: " " * len(m[0]), line))
    return "\n".join(lines)


def _label(text: str) -> str:
    """A reference's label as Markdown matches it: capitals and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


def _attribute_errors(display: str, number: int, line: str) -> list[ContentError]:
    errors = []
    for column, written, name in unsafe_attributes_in(line):
        errors.append(
            ContentError(
                display,
                number,
                column,
                "",
                f"'{written}' would add the attribute '{name}' to the page's HTML; your pages "
                "may only give a heading, link or paragraph a class (.name), an id (#name) or "
                'a title (title="…")',
                f"delete '{written}' from the braces; for a button, write "
                "[text](page.md){ .md-button }; if the braces are meant as text, leave them out",
            )
        )
    return errors


def unsafe_attributes_in(line: str) -> list[tuple[int, str, str]]:
    """Each attribute that attr_list would read from a '{ … }' on ``line`` and that is not a
    class, an id or a title: (its 1-based column, as written, its name).

    Read with attr_list's own parser, from every '{' on the line to the line's last '}' (as
    attr_list reads it), so that every way of writing one is seen: '{: … }', quoted or not,
    in upper case, after a heading, a link, an image, emphasis or a code fence, or on a line
    of its own after a paragraph or a list item. A 'name=value' is reported wherever it is; a
    bare word ('{ hidden }') only where attr_list reads one (the '{' starts the line or
    follows a character with no space between), so that '{your name}' in a sentence is text."""
    prose = _NOT_MARKDOWN.sub(lambda m: "_" * len(m[0]), line)
    last = prose.rfind("}")
    found = []
    for start in (i for i, ch in enumerate(prose[:last]) if ch == "{"):
        offset = start + 1 + len(re.match(r":?[ ]*", prose[start + 1 :])[0])
        inside = prose[offset:last]
        attrs, _ = get_attrs_and_remainder(inside)
        tokens = [m for m in _ATTR_TOKEN.finditer(inside)][: len(attrs)]
        placed = not prose[:start].strip() or not prose[start - 1].isspace()
        for index, (key, value) in enumerate(attrs):
            if _allowed(key, value) or (value is None and not placed):
                continue
            token = tokens[index] if len(tokens) == len(attrs) else None
            column = offset + token.start() + 1 if token else start + 1
            found.append((column, token[0] if token else key, "class" if key == "." else key))
    return found


def _allowed(key: str, value: str | None) -> bool:
    name = key.lower()
    if name == "title":
        return True
    if name in (".", "id"):
        return value is not None and bool(_SAFE_NAME.match(value))
    if name == "class":
        return value is not None and bool(_SAFE_CLASSES.match(value))
    return False


def after_front_matter(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index
    return -1


def block_end(lines: list[str], start: int) -> int:
    """The end (exclusive) of the list item or paragraph that starts at ``start``."""
    item = LIST_ITEM.match(lines[start])
    indent = len(item.group("indent")) if item else -1
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if not line.strip() or _HEADING.match(line) or FENCE.match(line):
            break
        following = LIST_ITEM.match(line)
        if following and (item is None or len(following.group("indent")) <= indent):
            break
        end += 1
    return end


def only_links(block: str, item: re.Match[str] | None) -> bool:
    """Whether a block goes when all its links do: a list item (in the guide, a list of links
    to read next), or a paragraph that is nothing but a link (a button, say)."""
    return item is not None or not LINK.sub("", block).strip()
