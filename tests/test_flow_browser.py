"""The "Should I call?" page in Chromium: every path by clicking, one by keyboard alone, the URL
as the state (back/forward, reload, shared links), the no-JavaScript fallback, axe, focus and
announcements, narrow screens, no layout shift, and no request to any other host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import LOCAL_HOSTS, block_other_hosts
from soapguide.flow.model import Flow, build_flow
from soapguide.guide import load_content

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PAGE = "should-i-call/"
CALL_COORDINATOR = "?a=q-rule:1,q-situation:2,q-purpose:1,q-channel:2,q-voicemail:2,q-whom:2"


CONTENT = load_content(REPO / "data", REPO)


@pytest.fixture(scope="module")
def flow() -> Flow:
    return build_flow(CONTENT.documents["flow"])


def item_title(script_id: str) -> str:
    return next(s["title"] for s in CONTENT["scripts"]["scripts"] if s["id"] == script_id)


@pytest.fixture
def flow_page(page, site_server: str):
    page.goto(site_server + PAGE)
    page.wait_for_selector("#flow.flow--js")
    return page


def heading(page) -> str:
    return page.locator("#flow-heading").inner_text()


def answer(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue", exact=True).click()


SHOWN = """() => ({
  heading: document.getElementById("flow-heading").textContent,
  answers: [...document.querySelectorAll(".flow-summary dd:not(.flow-summary__change)")]
    .map((dd) => dd.textContent),
  cards: [...document.querySelectorAll(".flow-result .script-card__title")]
    .map((h) => h.textContent),
})"""


def test_every_path_walked_by_clicking_ends_at_its_outcome(flow_page, flow: Flow) -> None:
    """Depth first: click each answer in turn and Continue, check where it lands, then step
    back with the page's own Back link (on a question) or the last Change link (on an
    outcome). Clicks are real mouse clicks; force=True only skips Playwright's slow waiting,
    and every step checks the heading it lands on."""
    page = flow_page
    reached: list[str] = []

    def click(selector: str) -> None:
        page.locator(selector).click(force=True)

    def walk(question_id: str, labels: list[str]) -> None:
        question = flow.questions[question_id]
        for number, option in enumerate(question.options, start=1):
            assert heading(page) == question.text, labels
            click(f"#flow-answer-{number}")
            click("#flow-form [type=submit]")
            taken = [*labels, option.label]
            if option.outcome:
                outcome = flow.outcomes[option.outcome]
                shown = page.evaluate(SHOWN)
                assert outcome.title in shown["heading"], (taken, shown["heading"])
                assert outcome.verdict_label in shown["heading"], taken
                assert shown["answers"] == taken, "the answers that led here are listed"
                assert shown["cards"] == [item_title(s) for s in outcome.scripts], taken
                reached.append(option.outcome)
                click(".flow-summary__row:last-child .flow-summary__change a")
            else:
                walk(option.next, taken)
                click("#flow-form .flow-back")

    walk(flow.start, [])
    assert len(reached) == len(flow.paths())
    assert set(reached) == set(flow.outcomes)


def test_one_path_by_keyboard_alone(flow_page, flow: Flow) -> None:
    page = flow_page
    for _ in range(60):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "flow-answer":
            break
    else:
        pytest.fail("Tab never reached the first answer")
    choices = [1, 2, 1, 2, 2, 2]  # to the coordinator call
    for number, choice in enumerate(choices):
        if number:  # focus is on the new question's heading; Tab enters the answers
            assert page.evaluate("document.activeElement.id") == "flow-heading"
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        for _ in range(choice - 1):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Continue"
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "flow-heading"
    assert flow.outcomes["o-call-coordinator"].title in heading(page)
    assert page.url.endswith(CALL_COORDINATOR)


def test_continue_without_an_answer_shows_an_error_summary(flow_page) -> None:
    page = flow_page
    page.get_by_role("button", name="Continue", exact=True).click()
    summary = page.locator(".flow-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert "There is a problem" in summary.inner_text()
    assert page.evaluate("document.activeElement.className") == "flow-error-summary"
    described = page.locator("fieldset").get_attribute("aria-describedby")
    assert "flow-error" in described.split()
    summary.get_by_role("link", name="Select an answer").click()
    assert page.evaluate("document.activeElement.id") == "flow-answer-1"


def test_each_new_question_gets_focus_and_is_announced(flow_page, flow: Flow) -> None:
    answer(flow_page, "Yes, the program contacted me first")
    text = flow.questions["q-situation"].text
    assert flow_page.evaluate("document.activeElement.id") == "flow-heading"
    assert heading(flow_page) == text
    live = flow_page.locator("#flow-status")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == f"Next question: {text}"


def test_back_and_forward_and_reload_keep_the_state(flow_page, flow: Flow) -> None:
    page = flow_page
    answer(page, "Yes, the program contacted me first")
    answer(page, "Several programs are showing interest in me")
    assert heading(page) == flow.questions["q-exclusive"].text
    page.go_back()
    assert heading(page) == flow.questions["q-situation"].text
    assert page.get_by_label("Several programs are showing interest in me").is_checked()
    page.go_back()
    assert heading(page) == flow.questions["q-rule"].text
    page.go_forward()
    page.go_forward()
    assert heading(page) == flow.questions["q-exclusive"].text
    answer(page, "Yes, I'd tell them they are my top choice")
    page.reload()
    page.wait_for_selector("#flow.flow--js")
    assert flow.outcomes["o-no-exclusive-promises"].title in heading(page)


def test_a_shared_link_opens_at_the_same_step(page, site_server: str, flow: Flow) -> None:
    page.goto(site_server + PAGE + "?a=q-rule:1,q-situation:4")
    assert heading(page) == flow.questions["q-reachable"].text
    page.goto(site_server + PAGE + CALL_COORDINATOR)
    assert flow.outcomes["o-call-coordinator"].title in heading(page)
    assert page.locator(".flow-result .script-card__title").all_inner_texts() == [
        "Calling a program coordinator",
        "Leaving a voicemail",
    ]


def test_a_link_that_no_longer_fits_the_flow_stops_at_the_last_valid_answer(
    page, site_server: str, flow: Flow
) -> None:
    page.goto(site_server + PAGE + "?a=q-rule:1,q-nonsense:3")
    assert heading(page) == flow.questions["q-situation"].text
    page.goto(site_server + PAGE + "?a=q-rule:9")
    assert heading(page) == flow.questions["q-rule"].text
    page.goto(site_server + PAGE + "?a=%E0%A4%A")  # not even valid percent-encoding
    page.wait_for_selector("#flow.flow--js")
    answer(page, "Yes, the program contacted me first")
    assert heading(page) == flow.questions["q-situation"].text


def test_change_goes_back_to_that_question_with_the_answer_selected(page, site_server, flow):
    page.goto(site_server + PAGE + CALL_COORDINATOR)
    page.get_by_role(
        "link", name=f"Change your answer to: {flow.questions['q-purpose'].text}"
    ).click()
    assert heading(page) == flow.questions["q-purpose"].text
    assert page.get_by_label("The program invited me to follow up").is_checked()
    assert page.url.endswith("?a=q-rule:1,q-situation:2")


def test_start_over_returns_to_the_first_question(page, site_server: str, flow: Flow) -> None:
    page.goto(site_server + PAGE + CALL_COORDINATOR)
    page.get_by_role("link", name="Start over").click()
    assert heading(page) == flow.questions[flow.start].text
    assert urlsplit(page.url).query == ""


def test_without_javascript_the_whole_flow_is_on_the_page(browser, site_server, flow) -> None:
    context = browser.new_context(java_script_enabled=False)
    block_other_hosts(context)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        assert not page.locator("#flow-app").is_visible()
        for question in flow.questions.values():
            item = page.locator(f"#{question.id}")
            assert item.is_visible() and question.text in item.inner_text()
            for option in question.options:
                assert option.label in item.inner_text()
        for outcome in flow.outcomes.values():
            item = page.locator(f"#{outcome.id}")
            assert item.is_visible() and outcome.title in item.inner_text()
        for script in flow.used_scripts():
            assert page.locator(f"#flow-card-{script}").is_visible()
    finally:
        context.close()


AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "query", ["", CALL_COORDINATOR], ids=["first-question", "outcome-with-scripts"]
)
def test_axe_finds_no_violations(browser, site_server: str, query: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    block_other_hosts(context)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE + query, wait_until="networkidle")
        page.wait_for_selector("#flow.flow--js")
        violations = AXE.run(page).response["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_flow_map(browser, site_server: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    block_other_hosts(context)
    try:
        page = context.new_page()
        page.goto(site_server + "flow-map/", wait_until="networkidle")
        page.locator(".flow-map__paths summary").click()  # the path list, opened
        violations = AXE.run(page).response["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    finally:
        context.close()


def test_axe_finds_no_violations_in_the_error_state(flow_page) -> None:
    flow_page.get_by_role("button", name="Continue", exact=True).click()
    violations = AXE.run(flow_page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_answering_makes_no_request_at_all(browser, site_server: str) -> None:
    """The page loads only from 127.0.0.1, and answering questions sends nothing anywhere."""
    context = browser.new_context()
    block_other_hosts(context)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_server + PAGE, wait_until="networkidle")
        assert {urlsplit(u).hostname for u in requests} <= LOCAL_HOSTS, requests
        loaded = len(requests)
        for label in [
            "Yes, the program contacted me first",
            "I'm unmatched and still interviewing",
        ]:
            answer(page, label)
        answer(page, "Not yet, or not all of it")
        page.go_back()
        page.wait_for_timeout(300)
        # Chromium itself asks for the favicon again when the URL changes; that is not the page.
        favicon = page.evaluate("document.querySelector('link[rel=icon]').href")
        assert [u for u in requests[loaded:] if u != favicon] == []
    finally:
        context.close()


@pytest.mark.parametrize("query", ["", CALL_COORDINATOR], ids=["question", "outcome"])
def test_works_on_a_320px_wide_screen(browser, site_server: str, query: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    block_other_hosts(context)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE + query)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        role, name = ("link", "Start over") if query else ("button", "Continue")
        box = page.get_by_role(role, name=name)
        assert box.bounding_box()["width"] <= 320
    finally:
        context.close()


def test_the_first_question_is_on_the_page_before_the_script_runs(browser, site_server) -> None:
    """No layout shift: the server renders the first question, the script takes it over."""
    context = browser.new_context()
    block_other_hosts(context)
    try:
        page = context.new_page()
        page.add_init_script(
            "window.__shifts = 0; new PerformanceObserver(function (list) {"
            " list.getEntries().forEach(function (e) { window.__shifts += e.value; });"
            "}).observe({type: 'layout-shift', buffered: true});"
        )
        page.route("**/flow.js", lambda route: route.abort())
        page.goto(site_server + PAGE)
        assert page.locator("#flow-heading").is_visible()
        assert not page.locator("#flow-fallback").is_visible()
        page.unroute("**/flow.js")
        page.goto(site_server + PAGE, wait_until="networkidle")
        page.wait_for_selector("#flow.flow--js")
        assert page.evaluate("window.__shifts") == 0
    finally:
        context.close()


def test_axe_finds_no_violations_in_the_no_javascript_fallback(flow_page) -> None:
    """axe itself needs script, so the fallback is shown the way a browser without script
    shows it: the interactive part hidden, the static flow visible."""
    flow_page.add_style_tag(
        content=".flow-app { display: none !important; }"
        " .flow-fallback { display: block !important; }"
    )
    assert flow_page.locator("#flow-fallback").is_visible()
    violations = AXE.run(flow_page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
