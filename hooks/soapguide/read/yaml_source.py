"""Read one YAML file into plain data, remembering the line of every value.

PyYAML alone forgets where values came from and silently keeps the last of two duplicate keys.
Composing the node tree ourselves gives both: a location for every path in the data, and an
error for a repeated key. Syntax errors become one plain sentence with the line they are on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import ParserError
from yaml.scanner import ScannerError
from yaml.tokens import ScalarToken

from .errors import ContentError

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Location:
    line: int
    column: int


@dataclass
class YamlDocument:
    """The data of one file and where each part of it stands in the file."""

    display_name: str
    data: Any
    values: dict[DataPath, Location] = field(default_factory=dict)
    keys: dict[DataPath, Location] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def locate(self, path: DataPath) -> Location:
        """The location of ``path``, or of its nearest parent that has one."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Location(1, 1))

    def locate_key(self, path: DataPath) -> Location:
        """Where the key that introduces ``path`` is written (for unknown or misspelt keys)."""
        return self.keys.get(path) or self.locate(path)

    def locate_text(self, path: DataPath, fragment: str) -> Location:
        """Where ``fragment`` is written in the text at ``path``, which may span several lines
        (``answer: >-``); the text's own location when it cannot be found as written."""
        start = self.locate(path)
        later = [location.line for location in self.values.values() if location.line > start.line]
        for number in range(start.line, min(later, default=len(self.lines) + 1)):
            line = self.lines[number - 1] if number <= len(self.lines) else ""
            column = line.find(fragment, start.column - 1 if number == start.line else 0)
            if fragment and column >= 0:
                return Location(number, column + 1)
        return start

    def error(
        self,
        path: DataPath,
        message: str,
        hint: str = "",
        *,
        at_key: bool = False,
        fragment: str = "",
    ) -> ContentError:
        """A ContentError at the value ``path``: at its key when ``at_key`` (an unknown or
        misspelt key), at ``fragment`` within it when given and found as written."""
        if at_key:
            location = self.locate_key(path)
        elif fragment:
            location = self.locate_text(path, fragment)
        else:
            location = self.locate(path)
        return ContentError(
            self.display_name, location.line, location.column, format_path(path), message, hint
        )


def format_path(path: DataPath) -> str:
    """``('faq', 3, 'answer')`` -> ``faq[3].answer``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# The fix for an empty data file: upstream has the file with its content.
RESTORE_CONTENT = "restore its content (see the same file in the upstream repository)"

_FRIENDLY_SYNTAX = (
    (
        "found character '\\t'",
        "a tab is used for indentation; YAML needs spaces",
        "replace the tab at the start of this line with spaces (2 per level)",
    ),
    (
        "mapping values are not allowed here",
        "a colon appears where YAML does not expect one",
        "if the text contains ': ', put the whole text in quotes; otherwise check the indentation",
    ),
    (
        "could not find expected ':'",
        "a line is missing the colon after its key",
        "write it as 'key: value'",
    ),
    (
        "did not find expected key",
        "the indentation of this line does not match its neighbours",
        "line this key up with the other keys of the same item",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is not lined up with the items above it",
        "start every item of a list with '- ' at the same indentation",
    ),
    (
        "expected <block end>",
        "the indentation of this line does not match its neighbours",
        "line this line up with the lines of the same item",
    ),
    (
        "but found another document",
        "a line with '---' starts a second document; a data file has one",
        "delete the '---' line (and anything after it that does not belong to this file)",
    ),
    (
        "could not determine a constructor for the tag",
        "a value starts with '!', which YAML reads as a type tag",
        "put the whole text in quotes (\"…\"), or write it without the leading '!'",
    ),
    (
        "found undefined alias",
        "an '*' alias names an anchor that does not exist",
        "write the text out instead of using '*'",
    ),
)


_AT_CONTEXT = ("could not find expected ':'",)


# A value (after 'key: ' or '- ') may not start with these unquoted. Markdown often does:
# **bold**, [a link](…), `code`, ![image](…).
_VALUE_START = re.compile(
    r"^\s*(?:-\s+)?(?P<key>[\w-]+:\s+)?(?P<char>[\[\]{}*!&@`%|>?-])(?P<rest>.*)$"
)
_BLOCK_INDICATOR = re.compile(r"^[-+]?\d?\s*(?:#.*)?$")


def _special_start(mark: yaml.Mark | None) -> tuple[str, int] | None:
    """The character a plain text on the error's line starts with, if YAML gives it a meaning,
    and its column."""
    if mark is None or not isinstance(mark.buffer, str):
        return None
    lines = mark.buffer.rstrip("\0").split("\n")
    match = _VALUE_START.match(lines[mark.line]) if mark.line < len(lines) else None
    if not match:
        return None
    char, rest = match.group("char"), match.group("rest")
    if char in "|>" and _BLOCK_INDICATOR.match(rest):
        return None  # a block scalar ('>-'): fine here, the problem is elsewhere
    if char == "-" and not (match.group("key") and rest.startswith(" ")):
        return None  # '- item' on its own line is a list entry
    return char, match.start("char") + 1


# A line of a file that reads as structure, not as text: a comment, a list item or a key.
_STRUCTURE_LINE = re.compile(r"^\s*(?:#|- |-$|[\w-]+:(?:\s|$))")


def _quoted_before(mark: yaml.Mark) -> ScalarToken | None:
    """The last scalar read before ``mark``, if it is in quotes and ends on ``mark``'s line:
    the text after its closing quote is what YAML could not place."""
    text = mark.buffer.rstrip("\0")
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, ScalarToken):
                last = token
    except yaml.YAMLError:
        pass  # the scanner stops at the error too; the tokens before it are all there is
    if last is None or last.style not in ("'", '"') or last.end_mark.line != mark.line:
        return None
    return last


def _runs_over_structure(lines: list[str], first: int, last: int) -> bool:
    """Whether a quoted text from line index ``first`` to ``last`` takes in a line that reads
    as a comment, a list item or a key: text meant to span lines does not look like that."""
    return any(_STRUCTURE_LINE.match(lines[n]) for n in range(first + 1, last + 1))


def _never_closed(display_name: str, start: yaml.Mark, until: str) -> ContentError:
    return ContentError(
        display_name,
        start.line + 1,
        start.column + 1,
        "",
        f"not valid YAML: this quote is never closed{until}",
        "add the closing quote at the end of the text",
    )


def _quote_error(display_name: str, error: yaml.MarkedYAMLError) -> ContentError | None:
    """A quote that is never closed, or closed too early by a quote mark inside the text.

    YAML lets a quoted text run on over several lines, so an unclosed quote swallows the lines
    below it up to the next quote mark (often in a comment, far away) and the parser complains
    there, about indentation. Read the other way: when the text after a closing quote is what
    broke the file, the quote opened either on an earlier line and ran over comments, keys or
    list items (never closed), or on this line (closed early, by an apostrophe or a quote mark
    meant as part of the text). Only called for a file that does not parse: a quoted text over
    several lines in a valid file is never reported."""
    mark = error.problem_mark
    if not isinstance(error, ScannerError | ParserError) or mark is None:
        return None
    if not isinstance(mark.buffer, str):
        return None
    lines = mark.buffer.rstrip("\0").split("\n")
    context = error.context or ""
    if context.startswith("while scanning a") and context.endswith("quoted scalar"):
        return _inside_quotes(display_name, error, lines)
    token = _quoted_before(mark)
    if token is None:
        return None
    start, end = token.start_mark, token.end_mark
    if _runs_over_structure(lines, start.line, end.line):
        until = f" (YAML reads on to the next {token.style} it finds, on line {end.line + 1})"
        return _never_closed(display_name, start, until)
    if token.style == "'":
        message = "an apostrophe inside '…' ends the text early"
        hint = "write it twice ('') or put the text in double quotes (\"…\")"
    else:
        message = 'a quotation mark inside "…" ends the text early'
        hint = "write it as \\\" or put the text in single quotes ('…')"
    return ContentError(
        display_name, end.line + 1, end.column, "", f"not valid YAML: {message}", hint
    )


def _inside_quotes(
    display_name: str, error: yaml.MarkedYAMLError, lines: list[str]
) -> ContentError | None:
    """The scanner stopped inside a quoted text: at the end of the file or at a '---' (never
    closed), or at a backslash that starts no escape ("C:\\data", or a line swallowed by an
    unclosed quote above)."""
    start, mark = error.context_mark, error.problem_mark
    problem = error.problem or ""
    if start is None or mark is None:
        return None
    if "unexpected" in problem or _runs_over_structure(lines, start.line, mark.line):
        return _never_closed(display_name, start, "")
    if "escape" in problem:
        return ContentError(
            display_name,
            mark.line + 1,
            mark.column,
            "",
            'not valid YAML: inside "…" a backslash (\\) starts a special character',
            "write each backslash twice (\\\\), or put the text in single quotes ('…')",
        )
    return None


_BLOCK_HEADER = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+[|>][-+]?\d?\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _text_indent_above(mark: yaml.Mark) -> int | None:
    """When the line at ``mark`` (a line without a colon) reads as more of the text above it,
    indented less than that text: the indentation that text has. A multi-line text ends where
    a line is indented less, and YAML then takes the line for a key missing its colon."""
    if not isinstance(mark.buffer, str):
        return None
    lines = mark.buffer.rstrip("\0").split("\n")
    here = lines[mark.line] if mark.line < len(lines) else ""
    above = next((t for t in reversed(lines[: mark.line]) if t.strip()), None)
    if above is None or not here.strip() or here.lstrip().startswith(("#", "- ")):
        return None
    if _BLOCK_HEADER.match(above):  # 'text: >-' with nothing under it yet
        wanted = _indent(above) + (4 if above.lstrip().startswith("- ") else 2)
    elif _STRUCTURE_LINE.match(above):
        return None
    else:  # a line of text: of a '>-' block, or plain text running on
        wanted = _indent(above)
    return wanted if _indent(here) < wanted else None


def _syntax_error(display_name: str, error: yaml.MarkedYAMLError) -> ContentError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raw = f"{error.context or ''} {error.problem or ''}"
    quote = _quote_error(display_name, error)
    if quote:
        return quote
    wanted = (
        _text_indent_above(error.context_mark)
        if "could not find expected ':'" in raw and error.context_mark
        else None
    )
    if wanted is not None:
        return ContentError(
            display_name,
            error.context_mark.line + 1,
            error.context_mark.column + 1,
            "",
            "not valid YAML: this line reads as more of the text above it, but it is indented "
            "less than that text",
            f"indent it by {wanted} spaces, as the text above is (if it is meant as a new key, "
            "write it as 'key: value')",
        )
    special = _special_start(mark)
    if special:
        char, column = special
        return ContentError(
            display_name,
            line,
            column,
            "",
            f"not valid YAML: the text starts with '{char}', which YAML reads as markup",
            "put the whole text in quotes (\"…\"), or write '>-' after the colon and the text "
            "on the next line, indented",
        )
    for needle, message, hint in _FRIENDLY_SYNTAX:
        if needle in raw:
            if needle in _AT_CONTEXT and error.context_mark:  # where the key starts
                line, column = error.context_mark.line + 1, error.context_mark.column + 1
            return ContentError(display_name, line, column, "", f"not valid YAML: {message}", hint)
    problem = (error.problem or "the file cannot be read").strip()
    return ContentError(
        display_name,
        line,
        column,
        "",
        f"not valid YAML: {problem}",
        "compare this line with a working item above it (indentation, colons, quotes)",
    )


class _Builder:
    """Turn a composed node tree into plain data, recording locations and duplicate keys."""

    def __init__(self, display_name: str, lines: list[str] | None = None):
        self.document = YamlDocument(display_name, None)
        self.errors: list[ContentError] = []
        self._scalars = SafeConstructor()
        self._lines = lines or []
        self.document.lines = self._lines

    def build(self, node: Node, path: DataPath = ()) -> Any:
        self.document.values[path] = Location(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, index)) for index, child in enumerate(node.value)]
        value = self._scalar(node)
        if isinstance(value, str) and not node.style:  # plain (None, or "" from libyaml)
            self._check_cut_by_comment(node, path)
        elif value is None and node.value == "" and not node.style and path:
            # 'brand_colour: #7a1f2b' unquoted is no value and a comment: say so, not "found
            # nothing" with a hint about '>-'. ('key:  # a note' stays a plain empty value.)
            self._check_cut_by_comment(node, path, glued=True)
        return value

    def _check_cut_by_comment(self, node: ScalarNode, path: DataPath, glued: bool = False) -> None:
        """'Room #3' unquoted is the text 'Room' and a comment: say so rather than lose '#3'.
        ``glued``: only a '#' with text right after it (a colour, '#3'), not '# a comment'."""
        line = node.end_mark.line
        rest = self._lines[line][node.end_mark.column :] if line < len(self._lines) else ""
        comment = re.match(r"\s+(#\S.*)" if glued else r"\s+(#.*)", rest)
        if comment:
            self.errors.append(
                ContentError(
                    self.document.display_name,
                    line + 1,
                    node.end_mark.column + 1 + comment.start(1),
                    format_path(path),
                    f"the text stops before '{comment.group(1).split()[0]}': in YAML, a space "
                    "and '#' start a comment",
                    "put the whole text in double quotes, or remove the '#'",
                )
            )

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            return self._scalars.construct_object(node, deep=True)
        except ValueError:
            # Looks like a date but is none (2026-02-30): keep the text; the schema reports it.
            return node.value

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, ScalarNode) else str(key_node)
            key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            child = (*path, key)
            if key in first_seen:
                self.errors.append(
                    ContentError(
                        self.document.display_name,
                        line,
                        key_node.start_mark.column + 1,
                        format_path(child),
                        f"the key '{key}' appears twice in the same item "
                        f"(first on line {first_seen[key]}); only one would be kept",
                        f"delete one of the two '{key}:' lines, or merge their text",
                    )
                )
                continue
            first_seen[key] = line
            self.document.keys[child] = Location(line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> Node | None:
    """Compose with libyaml when PyYAML has it (ten times faster). Its error messages differ
    from the pure-Python parser's, which _FRIENDLY_SYNTAX knows, so errors come from that one."""
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


# Where an anchor ('&name') or an alias ('*name') could start: at the start of a line or after a
# space, '[', '{' or ','. Only files with such a spot are parsed a second time, event by event.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]", re.MULTILINE)
_MOST_ANCHOR_ERRORS = 10


def _anchors_and_aliases(display_name: str, text: str) -> list[ContentError]:
    """Every YAML anchor and alias in ``text`` (one error per line, the first ten lines).

    The guide's files never need them, they make a file hard to read in a web editor, and a
    few lines of nested aliases (the "billion laughs" pattern) expand to more data than any
    machine holds. They are found in the parser's events, before any node is built, so such a
    file fails in a moment instead of hanging the build."""
    if not _MAYBE_ANCHOR.search(text):
        return []
    found: dict[int, ContentError] = {}
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            name = getattr(event, "anchor", None)
            if name is None or event.start_mark.line + 1 in found:
                continue
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                message = (
                    f"'*{name}' is a YAML alias (a copy of the value marked '&{name}'); the "
                    "guide's files do not use anchors or aliases"
                )
                hint = (
                    f"write the text out in full here instead of '*{name}'; if the '*' is part "
                    "of your text (Markdown *italic* or **bold**), put the whole text in quotes"
                )
            else:
                message = (
                    f"'&{name}' is a YAML anchor (a name for this value, to copy it elsewhere "
                    "with '*'); the guide's files do not use anchors or aliases"
                )
                hint = (
                    f"delete '&{name}' and write the text out in full wherever it is needed; if "
                    "the '&' is part of your text, put the whole text in quotes"
                )
            found[line] = ContentError(display_name, line, column, "", message, hint)
    except yaml.YAMLError:
        pass  # not valid YAML: composing the file reports where and why
    errors = sorted(found.values())
    if len(errors) > _MOST_ANCHOR_ERRORS:
        rest = errors[_MOST_ANCHOR_ERRORS:]
        errors = errors[:_MOST_ANCHOR_ERRORS]
        errors.append(
            ContentError(
                display_name,
                rest[0].line,
                rest[0].column,
                "",
                f"and {len(rest)} more lines with YAML anchors or aliases (from here on)",
                "remove every '&name' and '*name' from this file",
            )
        )
    return errors


# Characters YAML does not accept in a file (YAML 1.1 "printable", inverted).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _control_character(display_name: str, text: str) -> ContentError:
    """An invisible control character, often pasted from a word processor or a PDF."""
    match = _NOT_PRINTABLE.search(text)
    at = match.start() if match else 0
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = f"U+{ord(match.group()):04X}" if match else "unknown"
    return ContentError(
        display_name,
        line,
        column,
        "",
        f"the file contains an invisible control character ({code}) that YAML does not allow",
        "delete it: retype the text around this spot (it often comes from copying text out of "
        "a word processor or a PDF)",
    )


def embedded_yaml_errors(display_name: str, text: str, first_line: int) -> list[ContentError]:
    """What is wrong with ``text`` as YAML, worded as for a data file, when it is part of
    another file (a page's front matter) that it starts on line ``first_line`` of. Read as
    MkDocs reads front matter (PyYAML's safe loader), so that what passes here MkDocs reads
    too; the error itself comes from the pure-Python parser, whose messages we know."""
    shift = first_line - 1
    try:
        errors = _anchors_and_aliases(display_name, text)
        if not errors:
            try:
                yaml.load(text, Loader=_FAST_LOADER)
            except yaml.MarkedYAMLError:
                yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        errors = [_syntax_error(display_name, error)]
    except yaml.reader.ReaderError:
        errors = [_control_character(display_name, text)]
    return [replace(error, line=error.line + shift) for error in errors]


def load_yaml(
    path: Path, display_name: str, when_empty: str = RESTORE_CONTENT
) -> tuple[YamlDocument | None, list[ContentError]]:
    """Read ``path``; return the document (None if unreadable) and every problem found.
    ``when_empty``: the fix for a file with nothing in it (or only comments)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            ContentError(
                display_name,
                line,
                1,
                "",
                "the file is not saved as UTF-8 text",
                "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
            )
        ]
    text = text.removeprefix("\ufeff")
    try:
        anchors = _anchors_and_aliases(display_name, text)
    except yaml.reader.ReaderError:
        return None, [_control_character(display_name, text)]
    if anchors:
        return None, anchors
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(display_name, error)]
    except yaml.reader.ReaderError:
        return None, [_control_character(display_name, text)]
    if node is None:
        return None, [
            ContentError(
                display_name,
                1,
                1,
                "",
                "the file is empty",
                when_empty,
            )
        ]
    builder = _Builder(display_name, text.splitlines())
    try:
        builder.document.data = builder.build(node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(display_name, error)]
    return builder.document, builder.errors
