"""The guide's content as the build loads it, and the date the tests count as today.

Tests of the guide check properties of whatever content there is, so they read it here and
never from data/*.yml directly: the build may change what data/ says before it reaches a page
(an office overlay replaces, adds, removes and hides items), and a test must expect what the
reader gets. When the build's loading changes, this module is the one place to follow it.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import check_content
from soapguide.guide import Guide, guide_for, load_content, load_office
from soapguide.overlay.changes import ContentChanges
from soapguide.overlay.office import Office
from soapguide.read.content import Content
from soapguide.render.review import ReviewStamp, review_stamp

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def _site() -> tuple[Content, Office | None, ContentChanges | None]:
    """data/, checked, with the office/ folder applied when the repository has one (a fork)."""
    return load_office(load_content(REPO / "data", REPO), REPO)


def site_content() -> Content:
    """Everything the site is built from, loaded and checked the way ``mkdocs build`` does:
    in a fork with an office/ folder, with the office's replaced, added and removed items."""
    return _site()[0]


def has_office() -> bool:
    """Whether this repository is a fork with an office/ folder (applied by every build)."""
    return _site()[1] is not None


def site_guide(content: Content | None = None, today: dt.date | None = None) -> Guide:
    """A new guide for ``content`` (default: the site's, with its office), with the Markdown
    settings of mkdocs.yml, to render pages in-process as the build does (``render_pages``)."""
    settings = check_content.markdown_settings(check_content.read_config(REPO))
    if content is not None:
        return guide_for(content, *settings, today or frozen_today())
    content, office, changes = _site()
    return guide_for(
        content, *settings, today or frozen_today(), overlay=office, changes=changes, root=REPO
    )


def hidden_pages() -> frozenset[str]:
    """The guide's pages the office hides (``myths.md``): the build leaves them out."""
    return site_guide().page_changes.hidden_pages if has_office() else frozenset()


def office_pages() -> list[str]:
    """The office's own pages (``advising.md``), built beside the guide's."""
    office = _site()[1]
    return [entry["file"] for entry in office.data.get("pages") or []] if office else []


@functools.cache
def hidden_ids() -> frozenset[str]:
    """The ids shown only on pages and sections the office hides (none upstream): the build
    leaves them off the site, so tests of what is shown leave them out too."""
    if not has_office():
        return frozenset()
    guide = site_guide()
    guide.render_pages(docs_pages())
    return frozenset(guide.renderer.hidden_ids)


def docs_pages() -> dict[str, str]:
    """Every page template in docs/, by the name errors give it (``docs/faq.md``)."""
    docs = REPO / "docs"
    return {
        f"docs/{path.relative_to(docs).as_posix()}": path.read_text(encoding="utf-8-sig")
        for path in sorted(docs.rglob("*.md"))
    }


def site_review() -> ReviewStamp:
    return review_stamp(site_content()["meta"])


def frozen_today() -> dt.date:
    """The day every test counts as today: the day the content was reviewed.

    The build (SOAPGUIDE_TODAY) and the browser's clock both stand on it, so the suite gives the
    same result on any real date; the review is current on it, as checks require reviewed_on to
    come before check_rules_after. Tests of a stale guide move the date themselves."""
    return site_review().reviewed_on


def browser_time(day: dt.date, at: dt.time = dt.time(12)) -> dt.datetime:
    """A moment of ``day`` in UTC, for Playwright's clock (the page compares UTC dates)."""
    return dt.datetime.combine(day, at, tzinfo=dt.UTC)
