"""A docs/ page as the engine sees it: front matter apart from the Markdown body, and the result
of rendering it once per build."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..read.errors import ContentError
from ..read.yaml_source import embedded_yaml_errors
from .assets import PageAssets

# The YAML front matter block MkDocs reads (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# A front matter block opened but not closed: MkDocs shows all of it as text.
_OPENED = re.compile(r"^-{3}[ \t]*\n")
_KEY = re.compile(r"^(?P<key>[^\s:#][^:]*?)\s*:(?:\s|$)")
# What a page's front matter may set: the page's title and description, the parts of the page
# the theme hides (Material's ``hide``) and the asset bundles it loads (assets.py).
PAGE_KEYS = ("title", "description", "hide", "assets")
# The same safe YAML, parsed by libyaml when PyYAML has it (about ten times faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class PageSource:
    """A page file split as MkDocs splits it: ``body`` is what ``on_page_markdown`` receives,
    and it starts on line ``first_line`` of the file (so errors can name file lines)."""

    meta: dict[str, Any]
    body: str
    first_line: int


def split_front_matter(text: str) -> PageSource:
    match = _FRONT_MATTER.match(text)
    if not match:
        return PageSource({}, text, 1)
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return PageSource({}, text, 1)
    if not isinstance(meta, dict):
        return PageSource({}, text, 1)
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    skipped = text[: len(text) - len(body)]
    return PageSource(meta, body, skipped.count("\n") + 1)


def front_matter_errors(display: str, text: str) -> list[ContentError]:
    """What is wrong with the front matter of the page ``text`` (the file ``display``): not
    closed, not valid YAML, not 'key: value' lines, or a key no page has. MkDocs itself shows
    a front matter block it cannot read as part of the page, without a word."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if not _OPENED.match(text):
            return []
        return [
            ContentError(
                display,
                1,
                1,
                "",
                "the front matter (the lines under the '---' at the top) has no closing '---', "
                "so the page would show it as text",
                "add a line with only '---' after the last line of the front matter "
                "(title:, description:)",
            )
        ]
    block = match.group(1)
    errors = embedded_yaml_errors(display, block, 2)
    if errors:
        return [_with_key(error, text) for error in errors]
    meta = yaml.load(block, Loader=_SAFE_LOADER)
    if not isinstance(meta, dict):
        return [
            ContentError(
                display,
                2,
                1,
                "",
                "the front matter is not 'key: value' lines, so the page would show it as text",
                "write each line as 'key: value', like 'title: Talk to us'",
            )
        ]
    return [_unknown_key(display, text, str(key)) for key in meta if key not in PAGE_KEYS]


def _key_line(text: str, key: str) -> int:
    lines = text.split("\n")
    return next(
        (number for number, line in enumerate(lines[1:], start=2) if _key_of(line) == key), 2
    )


def _key_of(line: str) -> str | None:
    match = _KEY.match(line)
    return match.group("key") if match else None


def _with_key(error: ContentError, text: str) -> ContentError:
    """The error with the key of its line as its place (``description``), when it has one."""
    lines = text.split("\n")
    key = _key_of(lines[error.line - 1]) if error.line <= len(lines) else None
    return ContentError(error.file, error.line, error.column, key or "", error.message, error.hint)


def _unknown_key(display: str, text: str, key: str) -> ContentError:
    close = difflib.get_close_matches(key, PAGE_KEYS, n=1, cutoff=0.6)
    return ContentError(
        display,
        _key_line(text, key),
        1,
        key,
        f"unknown key '{key}' in the page's front matter (a page may have: "
        + ", ".join(PAGE_KEYS)
        + ")",
        f"did you mean '{close[0]}'?" if close else f"delete the line '{key}: …'",
    )


@dataclass(frozen=True)
class RenderedPage:
    """One page rendered: ``source`` is the body it was rendered from, ``markdown`` the result
    (plain Markdown and HTML, the macros' output in place) and ``assets`` what it must load."""

    name: str
    source: str
    markdown: str
    assets: PageAssets = field(default_factory=PageAssets)
