"""Every page says when the content was reviewed; a stale guide asks readers to check the rules."""

from __future__ import annotations

import datetime as dt

import yaml

from tests.scenario import REPO, build, copy_project

META = yaml.safe_load((REPO / "data" / "meta.yml").read_text("utf-8"))


def page_html(built_site, page: str) -> str:
    return (built_site / page / "index.html").read_text("utf-8")


def test_every_page_shows_the_review_date_and_match_year(built_site, site_pages):
    reviewed: dt.date = META["reviewed_on"]
    for page in site_pages:
        html = page_html(built_site, page)
        assert f'<time datetime="{reviewed.isoformat()}">' in html, page or "home"
        assert f"for the {META['match_year']} Main Residency Match" in html, page or "home"


def test_banner_is_hidden_while_the_review_is_current(built_site):
    html = page_html(built_site, "")
    start = html.index('class="stale-banner')
    tag = html[start : html.index(">", start)]
    assert f'data-check-rules-after="{META["check_rules_after"].isoformat()}"' in tag
    assert " hidden" in tag


def test_banner_is_shown_in_the_html_when_built_after_the_date(tmp_path):
    project = copy_project(tmp_path / "project")
    meta = project / "data" / "meta.yml"
    text = (
        meta.read_text("utf-8")
        .replace(
            f"check_rules_after: {META['check_rules_after'].isoformat()}",
            "check_rules_after: 2020-03-01",
        )
        .replace(f"reviewed_on: {META['reviewed_on'].isoformat()}", "reviewed_on: 2020-01-01")
    )
    meta.write_text(text, encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site" / "index.html").read_text("utf-8")
    start = html.index('class="stale-banner')
    assert " hidden" not in html[start : html.index(">", start)]


def test_banner_appears_in_the_browser_once_the_date_has_passed(browser, site_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        after = META["check_rules_after"] + dt.timedelta(days=1)
        page.clock.install(time=dt.datetime.combine(after, dt.time(12), tzinfo=dt.UTC))
        page.goto(site_server)
        banner = page.locator(".stale-banner")
        assert banner.is_visible()
        assert "Check the current rules" in banner.inner_text()
    finally:
        context.close()


def test_banner_stays_hidden_in_the_browser_before_the_date(page, site_server):
    page.goto(site_server)
    assert not page.locator(".stale-banner").is_visible()
