"""Every page says when the content was reviewed; a stale guide asks readers to check the rules.

"Stale" starts the day after ``check_rules_after``: on that day itself the review still holds.
The build decides with its own date (SOAPGUIDE_TODAY when set, which the suite freezes to the
content's ``reviewed_on``), the reader's browser again with its clock, so a site that is never
rebuilt still warns. Nothing here reads the real clock: the suite passes on any date.
"""

from __future__ import annotations

import datetime as dt
import re

import mkdocs_hooks
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from soapguide.render.review import BuildDateError, ReviewStamp, build_date

from tests.guide_content import browser_time, site_review
from tests.scenario import REPO, build

DAY = dt.timedelta(days=1)

# Engine tests: a stamp of their own, not the guide's.
STAMP = ReviewStamp(
    reviewed_on=dt.date(2030, 11, 20), match_year=2031, check_rules_after=dt.date(2031, 3, 1)
)


def banner_tag(html: str) -> str:
    start = html.index('class="stale-banner')
    return html[start : html.index(">", start)]


# --- the engine: when the review goes stale ---------------------------------------------------


@pytest.mark.parametrize(
    ("today", "stale"),
    [
        (STAMP.reviewed_on, False),
        (STAMP.check_rules_after - DAY, False),
        (STAMP.check_rules_after, False),  # the last day the review holds
        (STAMP.check_rules_after + DAY, True),
        (STAMP.check_rules_after + 400 * DAY, True),
    ],
)
def test_the_review_goes_stale_the_day_after_check_rules_after(today, stale):
    assert STAMP.is_stale(today) is stale
    assert STAMP.as_template_data(today)["stale_at_build"] is stale


def test_the_stamp_gives_the_pages_its_dates_as_written_and_in_words():
    data = STAMP.as_template_data(STAMP.reviewed_on)
    assert data["reviewed_on"] == "2030-11-20"
    assert data["reviewed_on_text"] == "November 20, 2030"
    assert data["check_rules_after"] == "2031-03-01"
    assert data["match_year"] == 2031


# --- the build's date: SOAPGUIDE_TODAY ---------------------------------------------------------


@pytest.mark.parametrize("setting", [None, "", "  "])
def test_without_soapguide_today_the_build_uses_the_real_date(setting):
    assert build_date(setting, clock=lambda: dt.date(2031, 7, 4)) == dt.date(2031, 7, 4)


def test_soapguide_today_sets_the_build_date():
    assert build_date(" 2031-03-01 ", clock=lambda: dt.date(1999, 1, 1)) == dt.date(2031, 3, 1)


@pytest.mark.parametrize("setting", ["2031-02-30", "01/03/2031", "tomorrow"])
def test_a_soapguide_today_that_is_not_a_date_is_an_error(setting):
    expected = f"expected a date written as YYYY-MM-DD, found '{setting}'"
    with pytest.raises(BuildDateError, match=expected):
        build_date(setting)


@pytest.fixture(scope="module")
def mkdocs_config():
    return load_config(str(REPO / "mkdocs.yml"))


@pytest.mark.parametrize(("offset", "stale"), [(0, False), (1, True)])
def test_the_adapter_judges_the_stamp_on_soapguide_today(mkdocs_config, monkeypatch, offset, stale):
    """The boundary through the real adapter: on check_rules_after, and the day after."""
    review = site_review()
    monkeypatch.setenv("SOAPGUIDE_TODAY", (review.check_rules_after + offset * DAY).isoformat())
    data = mkdocs_hooks.on_config(mkdocs_config).extra["review"]
    assert data["stale_at_build"] is stale
    assert data["check_rules_after"] == review.check_rules_after.isoformat()


def test_the_adapter_names_a_bad_soapguide_today(mkdocs_config, monkeypatch):
    monkeypatch.setenv("SOAPGUIDE_TODAY", "2031-13-01")
    with pytest.raises(PluginError, match="SOAPGUIDE_TODAY: expected a date written as YYYY"):
        mkdocs_hooks.on_config(mkdocs_config)


# --- the built site ---------------------------------------------------------------------------


def test_every_page_shows_the_review_date_and_match_year(built_site, site_pages):
    review = site_review()
    for page in site_pages:
        html = (built_site / page / "index.html").read_text("utf-8")
        where = f"/{page}"
        assert f'<time datetime="{review.reviewed_on.isoformat()}">' in html, where
        assert f"for the {review.match_year} Main Residency Match" in html, where
        assert f'data-check-rules-after="{review.check_rules_after.isoformat()}"' in html, where


def test_the_suite_builds_on_its_frozen_date(built_site, frozen_today):
    """The shared site was built on ``frozen_today``, the day of the review: not stale."""
    assert frozen_today == site_review().reviewed_on
    assert re.search(r"\shidden\b", banner_tag((built_site / "index.html").read_text("utf-8")))


def test_banner_is_shown_in_the_html_when_built_after_the_date(tmp_path):
    after = site_review().check_rules_after + DAY
    result = build(REPO, tmp_path / "site", SOAPGUIDE_TODAY=after.isoformat())
    assert result.returncode == 0, result.stderr
    for html_file in (tmp_path / "site").rglob("index.html"):
        if "stale-banner" in (html := html_file.read_text("utf-8")):
            assert not re.search(r"\shidden\b", banner_tag(html)), html_file


# --- the reader's browser ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        ("the day of the review", False),
        ("the last second of check_rules_after (UTC)", False),
        ("the first second after it (UTC)", True),
    ],
)
def test_the_browser_shows_the_banner_from_the_day_after_the_date(
    new_page, site_server, moment, shown
):
    review = site_review()
    clock = {
        "the day of the review": browser_time(review.reviewed_on),
        "the last second of check_rules_after (UTC)": browser_time(
            review.check_rules_after, dt.time(23, 59, 59)
        ),
        "the first second after it (UTC)": browser_time(review.check_rules_after + DAY, dt.time(0)),
    }[moment]
    page = new_page()
    page.clock.set_fixed_time(clock)  # stands still: a slow load cannot cross midnight
    page.goto(site_server)
    banner = page.locator(".stale-banner")
    assert banner.is_visible() is shown, f"{moment} ({clock.isoformat()})"
    if shown:
        assert banner.get_attribute("aria-label") in banner.inner_text()
