"""What an author may write in a text field: Markdown, never HTML, links to safe addresses only.

The validator rejects the rest with a message; ``text.sanitize`` still cleans whatever reaches
the page (defence in depth), but silently dropping an author's words is worse than telling them.
"""

from __future__ import annotations

import html
import re
import unicodedata

# The link schemes content may use; render/text.py's sanitizer keeps the same list.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# A tag name right after '<' (optionally '/'), then a space, '/', '>' or the end of the text:
# '<b>', '</p>', '<svg/onload=…>', '<img src=x onerror=…'. Autolinks ('<https://…>') and prose
# ('a < b', '<3') do not match.
_HTML = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^<>]*(?:>|$)|<!--|<!\[CDATA\[|<\?")
# A link's destination runs to its closing ')' or '>' (or the end of the line for a reference),
# across the tabs, newlines and other invisible characters that can split a scheme in two
# ('java<tab>script:'): a browser removes tabs and newlines from an address before reading it.
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\n>]+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Characters that show as nothing (or as a blank) in an editor: controls, format characters
# (zero-width spaces, soft hyphens, direction marks) and every kind of space.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def html_in(text: str) -> str | None:
    """The first piece of raw HTML in ``text`` (code spans are allowed to show tags)."""
    match = _HTML.search(_CODE_SPAN.sub("", text))
    return match.group(0).strip()[:40] if match else None


def unsafe_link_in(text: str) -> tuple[str, str] | None:
    """The first link to anything but http(s), mailto or tel: its scheme (``javascript``) and
    its address as written."""
    prose = _CODE_SPAN.sub("", text)
    for pattern in (_INLINE_LINK, _REFERENCE, _AUTOLINK):
        for match in pattern.finditer(prose):
            scheme = link_scheme(match.group(1))
            if scheme and scheme not in SAFE_SCHEMES:
                return scheme, match.group(1)
    return None


def relative_link_in(text: str) -> str | None:
    """The first link with no scheme that is not a '#fragment' (``rules.md``). Text from data/
    reaches the page as HTML that MkDocs does not rewrite, so such a link would be broken."""
    prose = _CODE_SPAN.sub("", text)
    for pattern in (_INLINE_LINK, _REFERENCE):
        for match in pattern.finditer(prose):
            destination = match.group(1).strip()
            if destination and not destination.startswith("#") and not link_scheme(destination):
                return destination.split()[0]  # without a "title"
    return None


def link_scheme(destination: str) -> str | None:
    """The scheme a browser could read in ``destination``, with every character that hides it
    taken out: ``'JaVa&#115;cript:'``, ``'java&#9;script:'``, ``'java<tab>script:'`` and
    ``'java&NewLine;script:'`` all give ``'javascript'``. Relative links have none."""
    match = _SCHEME.match(visible(html.unescape(destination)).lower())
    return match.group(1) if match else None


def scheme_is_hidden(destination: str) -> bool:
    """True when ``destination``'s scheme is written with entities or invisible characters,
    so that it does not read as the scheme it is (``java&#9;script:``)."""
    scheme = link_scheme(destination)
    return bool(scheme) and not destination.strip().lower().startswith(f"{scheme}:")


def visible_prefix(destination: str) -> str:
    """The start of ``destination`` up to its first hiding character (where an editor shows
    the text as written, for an error's column)."""
    for index, ch in enumerate(destination):
        if ch == "&" or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return destination[:index] or destination
    return destination


def visible(text: str) -> str:
    """``text`` without its controls, format characters and spaces."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE_CATEGORIES)


def image_in(text: str) -> bool:
    return bool(_IMAGE.search(_CODE_SPAN.sub("", text)))


def safe_url(url: object) -> str:
    """``url`` for an ``href`` if it is relative or http(s)/mailto/tel; ``#`` otherwise, so a
    ``javascript:`` address that got past the schema still never reaches a link."""
    text = str(url)
    scheme = link_scheme(text)
    return text if scheme is None or scheme in SAFE_SCHEMES else "#"
