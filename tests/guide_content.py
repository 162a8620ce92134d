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
from soapguide.guide import Guide, guide_for, load_content
from soapguide.read.content import Content
from soapguide.render.review import ReviewStamp, review_stamp

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def site_content() -> Content:
    """Everything the site is built from, loaded and checked the way ``mkdocs build`` does."""
    return load_content(REPO / "data", REPO)


def site_guide(content: Content | None = None, today: dt.date | None = None) -> Guide:
    """A new guide for ``content`` (default: the site's), with the Markdown settings of
    mkdocs.yml, to render pages in-process as the build does (``guide.render_pages``)."""
    settings = check_content.markdown_settings(check_content.read_config(REPO))
    return guide_for(content or site_content(), *settings, today or frozen_today())


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
