"""SOAP's schedule (data/schedule.yml): its dates must fit together and the review stamp must
cover them, each mistake reported at its file and line; the rule box, the rules page, the stale
banner and the pocket checklist say when the contact rule ends, with the date.

Edits are made to a copy of the real data, anchored on keys authors keep, so the tests hold
whatever dates the file holds next year.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from soapguide.guide import load_content, load_guide
from soapguide.read.errors import ContentErrors
from soapguide.read.schedule import eastern, read_schedules, schedule_for
from soapguide.render.schedule_text import after_soap_window, long_date, time_text

from tests.print_support import POCKET_CHECKLIST, print_to_pdf, shown, squash

REPO = Path(__file__).resolve().parents[1]
META = yaml.safe_load((REPO / "data" / "meta.yml").read_text("utf-8"))
RULES = yaml.safe_load((REPO / "data" / "rules.yml").read_text("utf-8"))
OWN = schedule_for(
    read_schedules(yaml.safe_load((REPO / "data" / "schedule.yml").read_text("utf-8"))),
    META["match_year"],
)


def test_eastern_time_matches_the_time_zone_database() -> None:
    """The build converts ET itself (no tz database needed); it agrees with zoneinfo on every
    hour around both daylight-saving changes, over several years."""
    zone = ZoneInfo("America/New_York")
    for year in (2026, 2027, 2028, 2031):
        for month, day in ((3, 1), (11, 1)):
            start = dt.datetime(year, month, day)
            for hours in range(0, 24 * 14):
                local = start + dt.timedelta(hours=hours)
                if _ambiguous_or_skipped(local, zone):
                    continue
                expected = local.replace(tzinfo=zone).timestamp()
                assert eastern(local.date(), local.time()).timestamp() == expected, local


def _ambiguous_or_skipped(local: dt.datetime, zone: ZoneInfo) -> bool:
    """A wall-clock time that happens twice (autumn) or not at all (spring)."""
    first, second = (local.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1))
    return first != second


def test_times_and_dates_read_as_the_nrmp_writes_them() -> None:
    assert long_date(dt.date(2026, 3, 19)) == "Thursday, March 19, 2026"
    assert time_text(dt.time(17)) == "5:00 p.m. ET"
    assert time_text(dt.time(12)) == "12:00 p.m. ET"
    assert time_text(dt.time(9, 30)) == "9:30 a.m. ET"


# --- Consistency, with file and line ----------------------------------------------------------


def copy_with(tmp_path: Path, name: str, find: str, replace: str, nth: int = 1) -> tuple[Path, int]:
    """data/ and schemas/ copied, the ``nth`` ``find`` in data/``name`` replaced; returns the data
    folder and the line of the replacement."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    text = (data / name).read_text("utf-8")
    at = -1
    for _ in range(nth):
        at = text.index(find, at + 1)
    (data / name).write_text(text[:at] + replace + text[at + len(find) :], "utf-8")
    return data, text[:at].count("\n") + 1


def report(data: Path) -> str:
    with pytest.raises(ContentErrors) as raised:
        load_content(data, data.parent, REPO / "schemas")
    return raised.value.report()


def own_block_value(key: str) -> str:
    """The text of ``key:`` as written inside the guide's own Match entry."""
    text = (REPO / "data" / "schedule.yml").read_text("utf-8")
    entry = text[text.index(f"match_year: {META['match_year']}") :]
    return re.search(rf"\n(\s+{key}: [^\n]+)", entry).group(1)


def one_match(ends: dict) -> dict:
    """A schedule of one Match, 2031, every date confirmed; SOAP ends as ``ends`` says."""
    checked = {"source": "https://www.nrmp.org/", "checked_on": dt.date(2031, 1, 5)}
    week = {"starts": dt.date(2031, 3, 17), "ends": dt.date(2031, 3, 21), **checked}
    return {
        "time_zone": "ET",
        "matches": [
            {
                "match_year": 2031,
                "match_week": week,
                "soap_starts": {"date": dt.date(2031, 3, 17), "time": "10:00", **checked},
                "soap_ends": {**ends, **checked},
            }
        ],
    }


@pytest.mark.parametrize(
    ("ends", "after_from"),
    [
        ({"date": dt.date(2031, 3, 20), "time": "17:00"}, dt.datetime(2031, 3, 20, 17)),
        ({"date": dt.date(2031, 3, 20)}, dt.datetime(2031, 3, 21)),  # the whole last day counts
    ],
    ids=["closing-time-given", "no-closing-time"],
)
def test_after_soap_runs_from_its_certain_end_to_the_end_of_its_year_in_eastern_time(
    ends, after_from
) -> None:
    """The builder starts in the after-SOAP phase within this window (the flow's clock line
    calls it "after"; in a later year it says the dates need checking)."""
    zone = ZoneInfo("America/New_York")
    window = after_soap_window(one_match(ends), 2031)
    expected = [after_from, dt.datetime(2032, 1, 1)]
    assert window == [int(t.replace(tzinfo=zone).timestamp() * 1000) for t in expected]
    assert after_soap_window(one_match(ends), 2030) is None  # no dates for that Match


def test_a_match_week_that_does_not_start_on_a_monday_is_reported(tmp_path) -> None:
    starts = OWN.match_week.starts
    find = f"starts: {starts.isoformat()}"
    data, line = copy_with(tmp_path, "schedule.yml", find, f"starts: {starts + dt.timedelta(1)}")
    assert re.search(
        rf"data/schedule\.yml:{line}:\d+: .*Match Week starts on a Monday", report(data)
    )


def test_soap_ending_on_another_day_than_the_thursday_is_reported(tmp_path) -> None:
    ends = OWN.soap_ends.date
    # The own Match's soap_ends date is the first "date: <that day>" after its soap_ends key.
    text = (REPO / "data" / "schedule.yml").read_text("utf-8")
    nth = text[: text.index("soap_ends:")].count(f"date: {ends.isoformat()}") + 1
    friday = ends + dt.timedelta(days=1)
    data, line = copy_with(tmp_path, "schedule.yml", f"date: {ends}", f"date: {friday}", nth)
    found = report(data)
    assert re.search(rf"data/schedule\.yml:{line}:\d+: .*SOAP ends on the Thursday", found)


def test_the_guides_own_match_must_be_in_the_schedule(tmp_path) -> None:
    year = META["match_year"]
    data, _ = copy_with(tmp_path, "meta.yml", f"match_year: {year}", f"match_year: {year + 5}")
    found = report(data)
    assert f"no schedule for the {year + 5} Match" in found
    assert re.search(r"data/schedule\.yml:\d+:\d+: matches: ", found)


def test_the_stale_banner_must_cover_the_dates(tmp_path) -> None:
    """check_rules_after later than SOAP's last day would leave past dates with no warning."""
    later = OWN.soap_ends.date + dt.timedelta(days=10)
    find = f"check_rules_after: {META['check_rules_after'].isoformat()}"
    data, line = copy_with(tmp_path, "meta.yml", find, f"check_rules_after: {later}")
    found = report(data)
    assert re.search(rf"data/meta\.yml:{line}:\d+: check_rules_after: after SOAP", found)


def test_a_date_both_checked_and_unconfirmed_is_reported(tmp_path) -> None:
    find = "      unconfirmed: >-"
    data, _ = copy_with(tmp_path, "schedule.yml", find, "      checked_on: 2020-01-01\n" + find)
    assert "expected 'checked_on:' or 'unconfirmed:'" in report(data)


def test_an_unquoted_time_is_reported_with_a_fix(tmp_path) -> None:
    find = "date: " + OWN.soap_starts.date.isoformat()
    data, _ = copy_with(tmp_path, "schedule.yml", find, find + "\n      time: 10:00")
    found = report(data)
    assert "time:" in found and "double quotes" in found


# --- Where readers see when the rule ends ------------------------------------------------------


def end_words() -> str:
    """How the pages name the day SOAP ends for the guide's Match."""
    return long_date(OWN.soap_ends.date)


def test_home_and_rules_pages_say_plainly_when_the_restriction_ends(built_site) -> None:
    for page in ("index.html", "rules/index.html"):
        html = (built_site / page).read_text("utf-8")
        ends = re.search(r'<p class="rule-ends" id="rule-ends">(.*?)</p>', html, re.S)
        assert ends, f"{page}: no sentence on when the rule ends"
        text = re.sub(r"<[^>]+>", "", ends.group(1))
        assert end_words() in text, page
        if not OWN.soap_ends.checked.confirmed:
            assert "not yet confirmed" in text, "an unconfirmed date is never stated as fact"


def test_the_rules_page_lists_every_date_with_the_nrmp_page_it_was_checked_against(built_site):
    html = (built_site / "rules" / "index.html").read_text("utf-8")
    table = html[html.index('id="soap-schedule"') :]
    for event in (OWN.soap_starts, OWN.soap_ends):
        assert long_date(event.date) in table
        assert f'href="{event.checked.source}"' in table


def test_the_agreement_is_cited_by_its_own_title(built_site) -> None:
    html = (built_site / "index.html").read_text("utf-8")
    title = f"{RULES['agreement_year']} {RULES['agreement']}"
    assert f"<cite>{title}</cite>" in html
    assert RULES["agreement_year"] == META["match_year"], "cite the agreement of the guide's Match"


def test_the_stale_banner_names_the_dates(built_site) -> None:
    html = (built_site / "index.html").read_text("utf-8")
    banner = html[html.index('class="stale-banner') :]
    banner = re.sub(r"\s+", " ", banner[: banner.index("</div>")])
    starts, ends = OWN.soap_starts.date, OWN.soap_ends.date
    assert f"{META['match_year']} Match" in banner
    assert f"SOAP {starts:%B} {starts.day} to " in banner  # e.g. "SOAP March 15 to 18, 2027"
    assert f"{ends.day}, {ends.year}" in banner
    assert ("expected" in banner) != OWN.confirmed  # an unconfirmed date never reads as fact


@pytest.mark.browser
def test_the_pocket_checklist_is_one_page_and_carries_the_rule_with_the_date(page, site_server):
    pdf = print_to_pdf(page, site_server + POCKET_CHECKLIST)
    assert len(pdf.pages) == 1
    text = squash(pdf.pages[0])
    assert squash(shown(RULES["pocket_line"]) + ", until SOAP ends on " + end_words()) in text


def test_the_guide_loads_with_the_real_schedule() -> None:
    guide = load_guide(REPO / "data", REPO)
    assert guide.review.soap_dates and str(META["match_year"]) in guide.review.soap_dates
