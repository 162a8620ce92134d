"""The "Should I call?" page in Chromium: every answer clicked once, every outcome shown in each
phase that reaches it (with that phase's scripts), one path by keyboard alone, the URL as the
state (back/forward, reload, shared links), the no-JavaScript fallback, axe, focus and
announcements, narrow screens, no layout shift, and no request to any other host.

Everything is found from data/flow.yml and data/scripts.yml: no answer labels, question ids or
option numbers are written here. Every path is proved in-process by the table of paths
(test_flow_paths.py); here the browser walks each answer once and shows each outcome once per
phase, which covers every branch of the page's script.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import LOCAL_HOSTS
from soapguide.flow.model import FlowPath, Question
from soapguide.render.scripts import card_id, phase_text, script_phases

from tests import flow_walk, shared_builds
from tests.axe_palettes import violations
from tests.flow_walk import CONTENT, FLOW, number, query, route_to

pytestmark = pytest.mark.browser

PAGE = flow_walk.PAGE
SCRIPTS = {s["id"]: s for s in CONTENT["scripts"]["scripts"]}
PHASE_LABELS = {p: v["label"] for p, v in CONTENT["scripts"]["phases"].items()}


# --- The flow as data: routes (tests/flow_walk.py) and the URLs that encode them -------------


def first_path(verdict: str) -> FlowPath:
    return next(p for p in FLOW.paths() if p.outcome.verdict == verdict)


CALL = first_path("call")
WITH_SCRIPTS = route_to(next(o for o in FLOW.outcomes.values() if o.scripts).id)
START: Question = FLOW.questions[FLOW.start]


def expected_cards(path: FlowPath) -> list[tuple[str, str, list[str]]]:
    """(script id, title, the words it says) for each script of the path's outcome, in the
    version for the path's phase."""
    cards = []
    for script_id in path.outcome.scripts:
        script = SCRIPTS[script_id]
        phase = path.phase if script_phases(script)[0] else None
        words = [phase_text(line, phase) for line in script["lines"]]
        cards.append((script_id, script["title"], words))
    return cards


# --- Page helpers -----------------------------------------------------------------------------


@pytest.fixture
def flow_page(tab, site_server: str):
    page = tab()
    page.goto(site_server + PAGE)
    page.wait_for_selector("#flow.flow--js")
    return page


def heading(page) -> str:
    return page.locator("#flow-heading").inner_text()


def answer(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue", exact=True).click()


def open_at(page, site_server: str, steps) -> None:
    page.goto(site_server + PAGE + query(steps))
    page.wait_for_selector("#flow.flow--js")


def blanks_as_labels(text: str) -> str:
    labels = {p["name"]: p["label"] for p in CONTENT["scripts"]["placeholders"]}
    for name, label in labels.items():
        text = text.replace("{" + name + "}", label)
    return text


# --- Every answer, once ------------------------------------------------------------------------


def test_every_answer_clicked_once_lands_where_the_data_says(flow_page) -> None:
    """Depth first over questions, each question's answers expanded once: click the answer and
    Continue, check the heading it lands on, then go back with the browser's Back. Clicks are
    real mouse clicks, each where Playwright sees the element itself (not under the sticky
    header)."""
    page = flow_page
    expanded: set[str] = set()
    clicked = 0

    def walk(question: Question) -> None:
        nonlocal clicked
        expanded.add(question.id)
        for position, option in enumerate(question.options, start=1):
            assert heading(page) == question.text
            page.locator(f"#flow-answer-{position}").click()
            page.locator("#flow-form [type=submit]").click()
            clicked += 1
            if option.outcome:
                outcome = FLOW.outcomes[option.outcome]
                assert outcome.title in heading(page), (option.label, heading(page))
                assert outcome.verdict_label in heading(page)
            elif option.next not in expanded:
                walk(FLOW.questions[option.next])
            else:
                assert heading(page) == FLOW.questions[option.next].text
            page.go_back()

    walk(START)
    assert clicked == sum(len(q.options) for q in FLOW.questions.values())


# --- Every outcome, in each phase that reaches it, with that phase's scripts -------------------

OUTCOME_CASES = flow_walk.OUTCOME_PHASES


@pytest.fixture(scope="session")
def phone_walk(request: pytest.FixtureRequest) -> dict[str, dict]:
    """Every outcome's state, shown once per run in one load of the page (tests/flow_walk.py)."""
    return flow_walk.phone_walk(request)


@pytest.mark.parametrize(("outcome_id", "phase"), OUTCOME_CASES, ids=lambda v: v)
def test_each_outcome_shows_its_verdict_answers_and_the_scripts_for_the_readers_phase(
    phone_walk, outcome_id: str, phase: str
) -> None:
    path = route_to(outcome_id, phase)
    shown = phone_walk[query(path.steps)]
    assert path.outcome.title in shown["heading"]
    assert path.outcome.verdict_label in shown["heading"]
    assert shown["answers"] == [s.option.label for s in path.steps], "the answers that led here"
    cards = expected_cards(path)
    assert [c["title"] for c in shown["cards"]] == [title for _, title, _ in cards]
    other = "during" if phase == "after" else "after"
    for card, (script_id, title, words) in zip(shown["cards"], cards, strict=True):
        for line in words:
            assert blanks_as_labels(line) in card["text"], (title, line)
        script = SCRIPTS[script_id]
        if script_phases(script)[0]:
            assert PHASE_LABELS[phase] in card["kind"], "the card says which phase it is for"
            for line in script["lines"]:
                if other in line and line[other] != line[phase]:
                    words_of_other = blanks_as_labels(line[other])
                    assert words_of_other not in card["text"], f"{title}: {other} words shown"


# --- Keyboard, errors, focus -------------------------------------------------------------------


def test_one_path_to_a_call_by_keyboard_alone(flow_page) -> None:
    page = flow_page
    for _ in range(80):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "flow-answer":
            break
    else:
        pytest.fail("Tab never reached the first answer")
    for index, step in enumerate(CALL.steps):
        if index:  # focus is on the new question's heading; Tab enters the answers
            assert page.evaluate("document.activeElement.id") == "flow-heading"
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        for _ in range(number(step) - 1):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Continue"
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "flow-heading"
    assert CALL.outcome.title in heading(page)
    assert page.url.endswith(query(CALL.steps))


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


def test_each_new_question_gets_focus_and_is_announced(flow_page) -> None:
    option = next(o for o in START.options if o.next)
    answer(flow_page, option.label)
    text = FLOW.questions[option.next].text
    assert flow_page.evaluate("document.activeElement.id") == "flow-heading"
    assert heading(flow_page) == text
    live = flow_page.locator("#flow-status")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == f"Next question: {text}"


# --- The URL is the state ----------------------------------------------------------------------


def test_back_and_forward_and_reload_keep_the_state(flow_page) -> None:
    page = flow_page
    path = CALL
    *questions, last = path.steps
    for step in questions[:2]:
        answer(page, step.option.label)
    assert heading(page) == questions[2].question.text
    page.go_back()
    assert heading(page) == questions[1].question.text
    assert page.get_by_label(questions[1].option.label, exact=True).is_checked()
    page.go_back()
    assert heading(page) == START.text
    page.go_forward()
    page.go_forward()
    assert heading(page) == questions[2].question.text
    for step in [*questions[2:], last]:
        answer(page, step.option.label)
    page.reload()
    page.wait_for_selector("#flow.flow--js")
    assert path.outcome.title in heading(page)


def test_a_shared_link_opens_at_the_same_step(tab, site_server: str) -> None:
    page = tab()
    prefix = WITH_SCRIPTS.steps[:2]
    open_at(page, site_server, prefix)
    assert heading(page) == WITH_SCRIPTS.steps[2].question.text
    open_at(page, site_server, WITH_SCRIPTS.steps)
    assert WITH_SCRIPTS.outcome.title in heading(page)
    titles = page.locator(".flow-result .script-card__title").all_inner_texts()
    assert titles == [title for _, title, _ in expected_cards(WITH_SCRIPTS)]


def test_a_link_that_no_longer_fits_the_flow_stops_at_the_last_valid_answer(
    tab, site_server: str
) -> None:
    page = tab()
    first = CALL.steps[0]
    page.goto(site_server + PAGE + f"{query([first])},q-nonsense:3")
    assert heading(page) == CALL.steps[1].question.text
    page.goto(site_server + PAGE + f"?a={START.id}:{len(START.options) + 1}")
    assert heading(page) == START.text
    page.goto(site_server + PAGE + "?a=%E0%A4%A")  # not even valid percent-encoding
    page.wait_for_selector("#flow.flow--js")
    answer(page, first.option.label)
    assert heading(page) == CALL.steps[1].question.text


def test_change_goes_back_to_that_question_with_the_answer_selected(tab, site_server) -> None:
    page = tab()
    open_at(page, site_server, CALL.steps)
    target = CALL.steps[2]
    page.get_by_role("link", name=f"Change your answer to: {target.question.text}").click()
    assert heading(page) == target.question.text
    assert page.get_by_label(target.option.label, exact=True).is_checked()
    assert page.url.endswith(query(CALL.steps[:2]))


def test_start_over_returns_to_the_first_question(tab, site_server: str) -> None:
    page = tab()
    open_at(page, site_server, CALL.steps)
    page.get_by_role("link", name="Start over").click()
    assert heading(page) == START.text
    assert urlsplit(page.url).query == ""
    # Start over is for another program: no earlier answer may be pre-selected, or Continue
    # alone would walk the old answers ("it contacted me first") to the old verdict.
    for step in CALL.steps:
        assert page.locator("#flow-step input:checked").count() == 0, step.question.id
        number = step.question.options.index(step.option) + 1
        page.locator(f"#flow-answer-{number}").check()
        page.locator("#flow-form [type=submit]").click()


# --- Without JavaScript ------------------------------------------------------------------------


def test_without_javascript_the_whole_flow_is_on_the_page(browser, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        assert not page.locator("#flow-app").is_visible()
        for question in FLOW.questions.values():
            item = page.locator(f"#{question.id}")
            assert item.is_visible() and question.text in item.inner_text()
            for option in question.options:
                assert option.label in item.inner_text()
            if question.schedule:
                assert item.locator("[data-flow-schedule]").is_visible()
        for outcome in FLOW.outcomes.values():
            item = page.locator(f"#{outcome.id}")
            assert item.is_visible() and outcome.title in item.inner_text()
        for script_id in FLOW.used_scripts():
            script = SCRIPTS[script_id]
            for phase in script_phases(script):
                card = page.locator(f"#flow-card-{card_id(script, phase)}")
                assert card.is_visible(), (script_id, phase)
                if phase:
                    assert PHASE_LABELS[phase] in card.text_content()
    finally:
        context.close()


# --- Accessibility, privacy, small screens, layout shift ---------------------------------------


def no_violations(page) -> None:
    found = violations(page)
    assert found == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]


AXE_STATES = {
    "first-question": "",
    "outcome-with-scripts": query(WITH_SCRIPTS.steps),
    "outcome-with-schedule": query(
        route_to(next(o.id for o in FLOW.outcomes.values() if o.schedule)).steps
    ),
}


@pytest.fixture(scope="session")
def axe_walk(request: pytest.FixtureRequest):
    """``axe_walk(scheme)``: axe's violations in each of AXE_STATES, by name: the page loaded
    once at the first question, the other states shown in it as Back and Forward show them
    (tests/flow_walk.py); made once per run and scheme, shared by the workers."""

    def walk(page, base: str) -> dict[str, list]:
        flow_walk.open_flow(page, base)
        found = {}
        for name, state in AXE_STATES.items():
            flow_walk.visit(page, state)
            found[name] = violations(page)
        return found

    def get(scheme: str) -> dict[str, list]:
        return shared_builds.walked_once(request, f"flow-axe-{scheme}", walk, color_scheme=scheme)

    return get


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(AXE_STATES))
def test_axe_finds_no_violations(axe_walk, state: str, scheme: str) -> None:
    violations = axe_walk(scheme)[state]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_flow_map(tab, site_server: str, scheme: str) -> None:
    page = tab(color_scheme=scheme)
    page.goto(site_server + "flow-map/", wait_until="load")
    page.locator(".flow-map__paths summary").click()  # the path list, opened
    no_violations(page)


def test_axe_finds_no_violations_in_the_error_state(flow_page) -> None:
    flow_page.get_by_role("button", name="Continue", exact=True).click()
    no_violations(flow_page)


def test_axe_finds_no_violations_in_the_no_javascript_fallback(flow_page) -> None:
    """axe itself needs script, so the fallback is shown the way a browser without script
    shows it: the interactive part hidden, the static flow visible."""
    flow_page.add_style_tag(
        content=".flow-app { display: none !important; }"
        " .flow-fallback { display: block !important; }"
    )
    assert flow_page.locator("#flow-fallback").is_visible()
    no_violations(flow_page)


def test_answering_makes_no_request_at_all(browser, site_server: str) -> None:
    """The page loads only from 127.0.0.1, and answering questions sends nothing anywhere."""
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_server + PAGE, wait_until="networkidle")
        assert {urlsplit(u).hostname for u in requests} <= LOCAL_HOSTS, requests
        loaded = len(requests)
        for step in CALL.steps[:3]:
            answer(page, step.option.label)
        page.go_back()
        page.wait_for_timeout(300)
        # Chromium itself asks for the favicon again when the URL changes, and Material's search
        # loads its worker and index from this site when it gets round to it: neither is the
        # flow. Anything else would be.
        favicon = page.evaluate("document.querySelector('link[rel=icon]').href")
        own = ("/search/search_index.json", "/assets/javascripts/workers/")
        later = [u for u in requests[loaded:] if u != favicon and not any(p in u for p in own)]
        assert later == []
        assert {urlsplit(u).hostname for u in requests} <= LOCAL_HOSTS, requests
    finally:
        context.close()


@pytest.mark.parametrize("steps", [(), CALL.steps], ids=["question", "outcome"])
def test_works_on_a_320px_wide_screen(tab, site_server: str, steps) -> None:
    page = tab(viewport={"width": 320, "height": 640})
    page.goto(site_server + PAGE + query(steps))
    page.wait_for_selector("#flow.flow--js")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    role, name = ("link", "Start over") if steps else ("button", "Continue")
    box = page.get_by_role(role, name=name)
    assert box.bounding_box()["width"] <= 320


# --- The rule first ----------------------------------------------------------------------------

RULE_FACTS = """() => {
  const rule = document.querySelector(".rule-first"), flow = document.getElementById("flow");
  const shown = (el) => !!el && el.getClientRects().length > 0;
  const part = (selector) => rule && rule.querySelector(selector);
  return {
    rule: shown(rule),
    aboveTheFlow: !!rule && !!flow
      && !!(rule.compareDocumentPosition(flow) & Node.DOCUMENT_POSITION_FOLLOWING),
    top: rule ? rule.getBoundingClientRect().top + scrollY : null,
    source: shown(part(".rule-source")),
    ends: { there: !!part(".rule-ends"), shown: shown(part(".rule-ends")) },
  };
}"""


@pytest.mark.parametrize("scripting", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_rule_its_source_and_when_it_ends_come_first_on_the_first_phone_screen(
    tab, site_server: str, scripting: bool
) -> None:
    page = tab(viewport=flow_walk.PHONE, java_script_enabled=scripting)
    page.goto(site_server + PAGE)
    if scripting:
        page.wait_for_selector("#flow.flow--js")
    facts = page.evaluate(RULE_FACTS)
    assert facts["rule"] and facts["aboveTheFlow"], facts
    assert facts["top"] < flow_walk.PHONE["height"], facts
    assert facts["source"], "the rule's source is not shown"
    assert facts["ends"]["shown"] == facts["ends"]["there"], "when the rule ends is not shown"


def test_after_an_answer_the_rule_s_sentence_stays_above_the_step(flow_page) -> None:
    page = flow_page
    page.locator("#flow-answer-1").check()
    page.locator("#flow-form [type=submit]").click()
    page.wait_for_function("document.querySelector('#flow-heading:focus')")
    facts = page.evaluate(RULE_FACTS)
    assert facts["rule"] and facts["aboveTheFlow"], facts
    rule_bottom = page.evaluate(
        "document.querySelector('.rule-first').getBoundingClientRect().bottom"
    )
    assert rule_bottom <= page.locator("#flow-heading").bounding_box()["y"]
    assert not facts["source"] and not facts["ends"]["shown"], "dates and source fold away"


def test_after_an_answer_on_a_phone_the_flows_back_is_the_only_back(tab, site_server) -> None:
    """Material's "Back to top" (feature navigation.top) would float beside the flow's Back once
    an answer scrolls the page: the flow page has none, not even out of sight in the tab order."""
    page = tab(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_server + PAGE)
    page.wait_for_selector("#flow.flow--js")
    answer(page, START.options[0].label)
    page.mouse.wheel(0, 600)
    page.mouse.wheel(0, -300)  # scrolling up is what brings Material's button out
    page.wait_for_timeout(300)
    backs = page.get_by_role("link", name="Back").or_(page.get_by_role("button", name="Back"))
    shown = [b.inner_text().strip() for b in backs.all() if b.is_visible()]
    assert shown == ["Back"], f"the Back controls shown: {shown}"
    top = page.locator("[data-md-component=top]")
    assert top.count() == 0 or not top.evaluate("e => e.getClientRects().length"), (
        "Material's Back to top is drawn (and can be focused) on the flow page"
    )


def test_the_first_question_is_on_the_page_before_the_script_runs(browser, site_server) -> None:
    """No layout shift: the server renders the first question, the script takes it over."""
    context = browser.new_context()
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
