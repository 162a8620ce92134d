"""The checks the build makes on the site as a whole, without MkDocs, so that ``make check``
runs every one of them: the office's changes to pages name pages and headings that exist, the
menu lists pages that exist, every page renders as the build renders it (twice: the second time
with links to items resolved to the pages that show them), and every link between pages goes to
a page the site has.

The MkDocs adapter runs :func:`check_site` before it builds and then serves the pages it
rendered; ``scripts/check_content.py`` runs the same function and stops there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .guide import Guide, page_uri
from .overlay.pages import PageRef
from .render.templating import PageError

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
OFFICE_PAGES = "office/pages/"


# MkDocs' own front matter pattern (mkdocs.utils.meta): what it strips before the page's hooks.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Site:
    """A checked site: for each shown page, in reading order, the Markdown MkDocs will hand
    its hooks (front matter removed) and that Markdown rendered; and the menu with the
    office's changes. An adapter can serve the rendered pages instead of rendering again."""

    pages: dict[str, tuple[str, str]]
    nav: Any

    def rendered(self, page_name: str, markdown: str) -> str | None:
        """The page as rendered by the check, if ``markdown`` is what the check rendered."""
        cached = self.pages.get(page_name)
        return cached[1] if cached is not None and cached[0] == markdown else None


def split_front_matter(source: str) -> tuple[str, str]:
    """``(padding, body)``: ``body`` is the page as MkDocs hands it to the hooks; ``padding``
    is a blank line for each line before it, so errors keep the file's line numbers."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return "", source
    body = source[match.end() :].lstrip("\n")
    return "\n" * source.count("\n", 0, len(source) - len(body)), body


def nav_pages(nav: Any) -> Iterator[str]:
    """Page files named in an MkDocs ``nav``, in order (external links left out)."""
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith(("mailto:", "tel:")):
            yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from nav_pages(entry)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def page_sources(guide: Guide, docs_dir: Path) -> dict[str, str]:
    """Every page's source by page name: docs/*.md, then the office's listed pages."""
    sources = {
        f"docs/{path.relative_to(docs_dir).as_posix()}": path.read_text(encoding="utf-8-sig")
        for path in sorted(docs_dir.rglob("*.md"))
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    }
    for page in guide.pages.local_pages:
        if page.file.is_file():
            sources[OFFICE_PAGES + page.uri] = page.file.read_text(encoding="utf-8-sig")
    return sources


def site_files(guide: Guide, docs_dir: Path) -> set[str]:
    """What the site will serve, by path from its root (the targets a link may have)."""
    files = {
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    }
    files -= guide.pages.hidden_pages
    files |= {page.uri for page in guide.pages.local_pages if page.file.is_file()}
    if guide.office and guide.office.logo_url:
        files.add(guide.office.logo_url)
    return files


def check_site(guide: Guide, docs_dir: Path, nav: Any, config_file: Path | None = None) -> Site:
    """Run every site-wide check; raise PageError listing every problem found."""
    sources = page_sources(guide, docs_dir)
    problems = [
        str(error)
        for error in guide.pages.check(
            {page_uri(name): source for name, source in sources.items()},
            None if nav is None else list(nav_pages(nav)),
        )
    ]
    site_nav = guide.pages.nav(nav)
    files = site_files(guide, docs_dir)
    if problems:  # the office names pages or headings that are not there: fix those first
        raise PageError(_report(problems))
    problems += _nav_problems(site_nav, files, config_file)
    order = {page: number for number, page in enumerate(nav_pages(site_nav))}
    names = sorted(sources, key=lambda name: (order.get(page_uri(name), len(order)), name))
    try:
        guide.render_pages({name: sources[name] for name in names})
    except PageError as error:
        raise PageError(_report([*problems, *str(error).split("\n")[1:]])) from None
    pages: dict[str, tuple[str, str]] = {}
    for name in names:
        if page_uri(name) in guide.pages.hidden_pages:
            continue
        padding, body = split_front_matter(sources[name])
        try:
            rendered = guide.render_page(padding + body, name)
        except PageError as error:
            problems.append(str(error))
            continue
        pages[name] = (body, rendered)
        problems += _link_problems(guide, name, rendered, sources[name], files)
    if problems:
        raise PageError(_report(problems))
    return Site(pages, site_nav)


def _report(problems: list[str]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    return "\n".join([f"The site has {count} {noun}; nothing was built.", *problems])


def _nav_problems(nav: Any, files: set[str], config_file: Path | None) -> list[str]:
    if nav is None:
        return []
    text = config_file.read_text("utf-8") if config_file and config_file.is_file() else ""
    name = config_file.name if config_file else "mkdocs.yml"
    problems = []
    for page in nav_pages(nav):
        if page not in files:
            line = _line_of(text, page)
            problems.append(
                f"{name}:{line}: nav: the menu lists '{page}', but there is no docs/{page}\n"
                f"    fix: restore docs/{page}, or take '{page}' out of nav: in {name}"
            )
    return problems


def _link_problems(
    guide: Guide, name: str, markdown: str, source: str, files: set[str]
) -> list[str]:
    """Links between pages that would break: to a page the site does not have, or (from an
    office's own page) to a page the office hides."""
    problems = []
    uri = page_uri(name)
    for target in _links(markdown):
        resolved = guide.pages.link_target(target, uri)
        if resolved is None:
            continue
        path, anchor = resolved
        line = _line_of(source, f"]({target}")
        if guide.pages.hides(path, anchor):
            ref = PageRef(path, None) if guide.pages.hides(path) else PageRef(path, anchor)
            where = guide.office.place(guide.pages.hidden[ref]) if guide.office else "office.yml"
            problems.append(
                f"{name}:{line}: the link to '{target}' goes to {ref}, which {where} hides\n"
                f"    fix: remove the link, or stop hiding {ref}"
            )
        elif path not in files and Path(path).suffix:
            close = [f for f in files if f.endswith(".md") and Path(f).name == Path(path).name]
            hint = f"did you mean '{close[0]}'?" if close else "check the page's file name"
            problems.append(
                f"{name}:{line}: the link to '{target}' goes to '{path}', which is not a page "
                f"or file of the site\n    fix: {hint}"
            )
    return problems


def _links(markdown: str) -> Iterator[str]:
    """The targets of the Markdown links in ``markdown``, outside code."""
    prose: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            prose.append("")
            continue
        prose.append("" if in_fence else line)
    for match in _LINK.finditer(_CODE_SPAN.sub("", "\n".join(prose))):
        yield match.group("target")


def _line_of(text: str, fragment: str) -> int | str:
    at = text.find(fragment)
    return text.count("\n", 0, at) + 1 if at >= 0 else "?"
