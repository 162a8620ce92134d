"""The checks the build makes on the site as a whole, without MkDocs, so that ``make check``
runs every one of them: the office's changes to pages name pages and headings that exist, the
menu lists pages that exist, every page renders as the build renders it (twice: the second time
with links to items resolved to the pages that show them), and every link between pages goes to
a page the site has.

The MkDocs adapter runs :func:`check_site` before it builds and then serves the pages it
rendered (``Guide.page``); ``scripts/check_content.py`` runs the same function and stops there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .guide import Guide, is_guide_page, page_uri
from .overlay.page_text import prose_outside_code
from .overlay.pages import PageRef
from .read.suggest import did_you_mean
from .render.pages import front_matter_errors
from .render.templating import PageError
from .sources import page_sources, reading_order

_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
OFFICE_PAGES = "office/pages/"


@dataclass(frozen=True)
class Site:
    """A checked site: each shown page's final Markdown by page name, in reading order, and
    the menu with the office's changes."""

    pages: dict[str, str]
    nav: Any


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


def all_page_sources(guide: Guide, docs_dir: Path, nav: Any = None) -> dict[str, str]:
    """Every page's source by page name, in reading order (``nav``, then by name): docs/*.md
    and the office's listed pages."""
    sources = page_sources(docs_dir)
    for page in guide.page_changes.local_pages:
        if page.file.is_file():
            sources[OFFICE_PAGES + page.uri] = page.file.read_text(encoding="utf-8-sig")
    order = reading_order(nav)
    return dict(
        sorted(
            sources.items(), key=lambda item: (order.get(page_uri(item[0]), len(order)), item[0])
        )
    )


def site_files(guide: Guide, docs_dir: Path) -> set[str]:
    """What the site will serve, by path from its root (the targets a link may have)."""
    files = {
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    }
    files -= guide.page_changes.hidden_pages
    files |= {page.uri for page in guide.page_changes.local_pages if page.file.is_file()}
    if guide.overlay and guide.overlay.logo_url:
        files.add(guide.overlay.logo_url)
    return files


def check_site(
    guide: Guide,
    docs_dir: Path,
    nav: Any,
    config_file: Path | None = None,
    building: bool = True,
) -> Site:
    """Run every site-wide check; raise PageError listing every problem found (worded for a
    build, or with ``building=False`` for a check that builds nothing)."""
    sources = all_page_sources(guide, docs_dir, guide.page_changes.nav(nav))
    problems = [
        str(error)
        for error in guide.page_changes.check(
            {page_uri(name): source for name, source in sources.items()},
            None if nav is None else list(nav_pages(nav)),
            guide.renderer.macros,
            guide_pages=[page_uri(name) for name in sources if is_guide_page(name)],
        )
    ]
    site_nav = guide.page_changes.nav(nav)
    files = site_files(guide, docs_dir)
    hidden_pages = guide.page_changes.hidden_pages
    problems += [
        str(error)
        for name, text in sources.items()
        if page_uri(name) not in hidden_pages
        for error in front_matter_errors(name, text)
    ]
    if problems:  # the office names pages or headings that are not there: fix those first
        raise PageError(_report(problems, building))
    problems += _nav_problems(site_nav, files, config_file)
    shown = {name: text for name, text in sources.items() if page_uri(name) not in hidden_pages}
    for name, text in shown.items():  # links as written: found even if a page fails to render
        problems += _link_problems(guide, name, text, text, files)
    try:
        rendered = guide.render_pages(sources, building)
    except PageError as error:
        raise PageError(_report([*problems, *str(error).split("\n")[1:]], building)) from None
    for name, markdown in rendered.items():  # and any link a macro wrote
        problems += _link_problems(guide, name, markdown, sources[name], files, skip=shown[name])
    if problems:
        raise PageError(_report(problems, building))
    return Site(rendered, site_nav)


def _report(problems: list[str], building: bool = True) -> str:
    """Every problem under one head line, worded as ContentErrors.report words the content's
    ("The guide's content has 1 problem; nothing was built.")."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    outcome = "; nothing was built." if building else " to fix before the site can be built."
    return "\n".join([f"The guide's pages have {count} {noun}{outcome}", *problems])


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
    guide: Guide, name: str, markdown: str, source: str, files: set[str], skip: str = ""
) -> list[str]:
    """Links between pages that would break: to a page the site does not have, or (from an
    office's own page) to a page the office hides. A guide page's links to what an office
    hides are taken out as it renders, so they break nothing. Links also in ``skip`` (the
    page as written, already checked) are left out."""
    problems = []
    uri = page_uri(name)
    already = set(_links(skip)) if skip else set()
    for target in dict.fromkeys(_links(markdown)):
        resolved = guide.page_changes.link_target(target, uri)
        if resolved is None or target in already:
            continue
        path, anchor = resolved
        line = _line_of(source, f"]({target}")
        if guide.page_changes.hides(path, anchor):
            if is_guide_page(name):
                continue
            ref = PageRef(path, None) if guide.page_changes.hides(path) else PageRef(path, anchor)
            overlay = guide.overlay
            where = overlay.place(guide.page_changes.hidden[ref]) if overlay else "office.yml"
            problems.append(
                f"{name}:{line}: the link to '{target}' goes to {ref}, which {where} hides\n"
                f"    fix: remove the link, or stop hiding {ref}"
            )
        elif path not in files and Path(path).suffix:
            hint = _page_suggestion(path, files) or "check the page's file name"
            problems.append(
                f"{name}:{line}: the link to '{target}' goes to '{path}', which is not a page "
                f"or file of the site\n    fix: {hint}"
            )
    return problems


def _page_suggestion(path: str, files: set[str]) -> str:
    """For a link to a page the site does not have: "did you mean 'checklist.md'?" naming
    the page of that name in another folder, else the page whose name is closest."""
    pages = sorted(f for f in files if f.endswith(".md"))
    same_name = [page for page in pages if Path(page).name == Path(path).name]
    return f"did you mean '{same_name[0]}'?" if same_name else did_you_mean(path, pages)


def _links(markdown: str) -> Iterator[str]:
    """The targets of the Markdown links in ``markdown``, outside code."""
    for match in _LINK.finditer(prose_outside_code(markdown)):
        yield match.group("target")


def _line_of(text: str, fragment: str) -> int | str:
    at = text.find(fragment)
    return text.count("\n", 0, at) + 1 if at >= 0 else "?"
