"""What an author may write in a text field: Markdown, never HTML, links to safe addresses only.

The validator rejects the rest with a message; ``text.sanitize`` still cleans whatever reaches
the page (defence in depth), but silently dropping an author's words is worse than telling them.
"""

from __future__ import annotations

import html
import re

# The link schemes content may use; render/text.py's sanitizer keeps the same list.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# A tag name right after '<' (optionally '/'), then a space, '/', '>' or the end of the text:
# '<b>', '</p>', '<svg/onload=…>', '<img src=x onerror=…'. Autolinks ('<https://…>') and prose
# ('a < b', '<3') do not match.
_HTML = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^<>]*(?:>|$)|<!--|<!\[CDATA\[|<\?")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")


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
            destination = match.group(1)
            if destination and not destination.startswith("#") and not link_scheme(destination):
                return destination
    return None


def link_scheme(destination: str) -> str | None:
    """``'JaVa&#115;cript:alert(1)'`` -> ``'javascript'``; relative links have none."""
    cleaned = _INVISIBLE.sub("", html.unescape(destination)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def image_in(text: str) -> bool:
    return bool(_IMAGE.search(_CODE_SPAN.sub("", text)))


def safe_url(url: object) -> str:
    """``url`` for an ``href`` if it is relative or http(s)/mailto/tel; ``#`` otherwise, so a
    ``javascript:`` address that got past the schema still never reaches a link."""
    text = str(url)
    scheme = link_scheme(text)
    return text if scheme is None or scheme in SAFE_SCHEMES else "#"
