"""A docs/ page as the engine sees it: front matter apart from the Markdown body, and the result
of rendering it once per build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .assets import PageAssets

# The YAML front matter block MkDocs reads (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
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


@dataclass(frozen=True)
class RenderedPage:
    """One page rendered: ``source`` is the body it was rendered from, ``markdown`` the result
    (plain Markdown and HTML, the macros' output in place) and ``assets`` what it must load."""

    name: str
    source: str
    markdown: str
    assets: PageAssets = field(default_factory=PageAssets)
