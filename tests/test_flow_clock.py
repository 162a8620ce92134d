"""The device-clock line under "Is SOAP still under way?": in Chromium, with the clock set by
Playwright (page.clock), it says what this device's clock means against SOAP's dates, in ET,
before, during and after SOAP, on the last day when the closing time is not known, and for a
past year's schedule; and it never picks the answer for the reader.

The schedule is the guide's own (data/schedule.yml, whatever it holds) and, for the cases it may
not have (dates confirmed, with or without a closing time), schedules written here, embedded in
the served page the way the build embeds them (soapguide.render.schedule_text.clock_data).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import freeze_clock
from soapguide.flow.model import build_flow
from soapguide.flow.page import embed_json
from soapguide.guide import load_content
from soapguide.render.schedule_text import clock_data

from tests.flow_walk import visit

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PAGE = "should-i-call/"
ET = ZoneInfo("America/New_York")
CONTENT = load_content(REPO / "data", REPO)
FLOW = build_flow(CONTENT.documents["flow"])
REAL = clock_data(CONTENT["schedule"], CONTENT["meta"]["match_year"])
UNSURE = next(  # the outcome for "not sure whether SOAP is over", found by its fact
    o.outcome for q in FLOW.questions.values() for o in q.options if o.fact == "soap-unsure"
)
DATA_ISLAND = re.compile(r'(<script type="application/json" id="flow-data">)(.*?)(</script>)', re.S)


def schedule(starts: str, ends: str, end_time: str | None, year: int) -> dict:
    """A schedule for one Match with every date confirmed."""
    checked = {"source": "https://www.nrmp.org/", "checked_on": dt.date(2026, 1, 1)}
    ends_at = {"date": dt.date.fromisoformat(ends), **checked}
    if end_time:
        ends_at["time"] = end_time
    return {
        "time_zone": "ET",
        "matches": [
            {
                "match_year": year,
                "match_week": {
                    "starts": dt.date.fromisoformat(starts),
                    "ends": dt.date.fromisoformat(starts) + dt.timedelta(days=4),
                    **checked,
                },
                "soap_starts": {"date": dt.date.fromisoformat(starts), "time": "10:00", **checked},
                "soap_ends": ends_at,
            }
        ],
    }


WITH_TIME = clock_data(schedule("2031-03-17", "2031-03-20", "17:00", 2031), 2031)
WITHOUT_TIME = clock_data(schedule("2031-03-17", "2031-03-20", None, 2031), 2031)


def at(text: str) -> dt.datetime:
    """A wall-clock time in ET, as an aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=ET)


def now_text(moment: dt.datetime) -> str:
    local = moment.astimezone(ET)
    hour = local.hour % 12 or 12
    period = "a.m." if local.hour < 12 else "p.m."
    return f"{local:%A}, {local:%B} {local.day}, {local.year}, {hour}:{local:%M} {period}"


def serve_with(page, clock: dict | None) -> None:
    """Serve the flow page with ``clock`` embedded in place of the build's."""
    if clock is None:
        return

    def swap(route) -> None:
        response = route.fetch()
        body = response.text()
        match = DATA_ISLAND.search(body)
        data = json.loads(match.group(2))
        data[0]["clock"] = clock
        body = body[: match.start(2)] + str(embed_json(data)) + body[match.end(2) :]
        route.fulfill(response=response, body=body)

    page.route(f"**/{PAGE}", swap)
    page.route(f"**/{PAGE}?*", swap)


def expected(page, case: str, clock: dict, moment: dt.datetime) -> str:
    template = page.locator("#flow-step [data-flow-clock]").get_attribute(f"data-{case}")
    assert template, f"the page has no text for the case '{case}'"
    values = {
        "now": now_text(moment),
        "year": str(clock["matchYear"]),
        "start": clock["startText"],
        "end": clock["endText"],
    }
    return re.sub(r"\{(now|year|start|end)\}", lambda m: values[m.group(1)], template)


def line_at(page, site_server: str, clock: dict | None, moment: dt.datetime, query: str = ""):
    page.clock.set_fixed_time(moment)
    serve_with(page, clock)
    page.goto(site_server + PAGE + query)
    page.wait_for_selector("#flow.flow--js")
    return page.locator("#flow-step [data-flow-clock]").inner_text()


def moment_of(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, ET)


CASES = [
    # The guide's own schedule, confirmed or not.
    ("own-before", None, lambda c: moment_of(c["start"]) - dt.timedelta(days=30), "before"),
    ("own-during", None, lambda c: moment_of(c["start"]) + dt.timedelta(hours=5), "during"),
    ("own-after", None, lambda c: moment_of(c["end"]) + dt.timedelta(days=2), "after"),
    ("own-past-year", None, lambda c: at(f"{c['matchYear'] + 1}-03-20T12:00"), "past-year"),
    # Confirmed, with a closing time: the boundaries to the minute.
    ("before", WITH_TIME, lambda c: at("2031-03-17T09:59"), "before"),
    ("during", WITH_TIME, lambda c: at("2031-03-20T16:59"), "during"),
    ("after", WITH_TIME, lambda c: at("2031-03-20T17:00"), "after"),
    ("past-year", WITH_TIME, lambda c: at("2032-01-02T12:00"), "past-year"),
    # Confirmed day, no closing time: the whole last day counts as SOAP.
    ("open-end", WITHOUT_TIME, lambda c: at("2031-03-18T12:00"), "during-open-end"),
    ("last-day-evening", WITHOUT_TIME, lambda c: at("2031-03-20T21:30"), "during-last-day"),
    ("after-last-day", WITHOUT_TIME, lambda c: at("2031-03-21T00:05"), "after"),
]


def case_name(case: str, clock: dict) -> str:
    """The own schedule's cases depend on whether its dates are confirmed."""
    if case in ("before", "after", "during") and not clock["confirmed"]:
        return f"{case}-unconfirmed"
    if case == "during" and clock["confirmed"] and not clock["timeKnown"]:
        return "during-open-end"
    return case


@pytest.fixture(scope="module")
def page_with_schedule(browser, site_server, frozen_today):
    """``page_with_schedule(clock)``: the flow page served with ``clock`` (None: the build's
    own), loaded once per schedule for the module's cases, each in its own context."""
    pages: dict[str, object] = {}
    try:

        def get(clock: dict | None):
            key = json.dumps(clock, sort_keys=True)
            if key not in pages:
                context = browser.new_context()
                freeze_clock(context, frozen_today)
                page = pages[key] = context.new_page()
                serve_with(page, clock)
                page.goto(site_server + PAGE)
                page.wait_for_selector("#flow.flow--js")
            return pages[key]

        yield get
    finally:
        for page in pages.values():
            page.context.close()


@pytest.mark.parametrize(("name", "clock", "when", "case"), CASES, ids=[c[0] for c in CASES])
def test_the_clock_line_says_where_this_device_s_clock_stands(
    page_with_schedule, name, clock, when, case
) -> None:
    """The device's clock is set to the case's moment, then the first question is shown again
    the way Back and Forward show it: its clock line is drawn anew from that clock."""
    clock = clock or REAL
    assert clock, "data/schedule.yml has no schedule for the guide's Match"
    moment = when(clock)
    page = page_with_schedule(None if clock is REAL else clock)
    page.clock.set_fixed_time(moment)
    visit(page, "")
    shown = page.locator("#flow-step [data-flow-clock]").inner_text()
    assert shown == expected(page, case_name(case, clock), clock, moment)


def test_the_line_never_answers_for_the_reader(page, site_server) -> None:
    moment = at("2031-03-18T12:00")
    line_at(page, site_server, WITH_TIME, moment)
    assert page.locator("#flow-step input:checked").count() == 0
    assert "?" not in page.url


def test_not_sure_shows_the_schedule_and_the_line_too(page, site_server) -> None:
    first = FLOW.questions[FLOW.start]
    number = next(i for i, o in enumerate(first.options, 1) if o.outcome == UNSURE)
    moment = at("2031-03-20T16:00")
    shown = page.locator(".flow-result [data-flow-clock]")
    page.clock.set_fixed_time(moment)
    serve_with(page, WITH_TIME)
    page.goto(site_server + PAGE + f"?a={first.id}:{number}")
    page.wait_for_selector("#flow.flow--js")
    assert FLOW.outcomes[UNSURE].title in page.locator("#flow-heading").inner_text()
    assert shown.inner_text() == expected(page, "during", WITH_TIME, moment)
    assert page.locator(".flow-result [data-flow-schedule] a").count() == 1


def test_the_clock_data_is_the_schedule_in_milliseconds_et() -> None:
    start = dt.datetime(2031, 3, 17, 10, tzinfo=ET)
    end = dt.datetime(2031, 3, 20, 17, tzinfo=ET)
    assert WITH_TIME["start"] == start.timestamp() * 1000
    assert WITH_TIME["end"] == end.timestamp() * 1000
    assert WITH_TIME["endText"] == "Thursday, March 20, 2031 at 5:00 p.m. ET"
    midnight = dt.datetime(2031, 3, 21, tzinfo=ET)
    assert WITHOUT_TIME["end"] == midnight.timestamp() * 1000, "no time: the whole day counts"
    assert WITHOUT_TIME["endText"] == "Thursday, March 20, 2031"
