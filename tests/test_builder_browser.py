""" "Make your script" in Chromium. Everything is parametrized from data/: every script and
phase fills, the speaking time is words ÷ rate with its warning, every tone pattern flags its
example and passes its near miss, the checklist ticks itself, the email opens and copies, the
card prints on one 4 × 6 page; and nothing typed leaves the page, lands in the address, or is
stored unless the reader asks."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import freeze_clock
from soapguide.builder.model import build_builder, texts_in
from soapguide.builder.safe_regex import compile_pattern, normalise
from soapguide.flow.model import build_flow
from soapguide.guide import load_content
from soapguide.render.assets import COMBINED, combined_parts
from soapguide.render.schedule_text import after_soap_window, clock_data, schedule_view

from tests.axe_palettes import COLOUR_RULES, in_both_palettes, violations
from tests.print_support import CARD_SIZE_IN, inches_to_points, read_pdf, same_size, squash
from tests.test_builder_regex import ACCEPTED

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PAGE = "make-your-script/"
CONTENT = load_content(REPO / "data", REPO)
BUILDER = build_builder(CONTENT)
PLACEHOLDERS = {p["name"]: p for p in CONTENT["scripts"]["placeholders"]}
PHASES = CONTENT["scripts"].get("phases", {})
VERSIONS = [(s, v) for s in BUILDER.scripts for v in s.versions]
TIMED = [(s, v) for s, v in VERSIONS if s.channel in BUILDER.timed_channels]
EMAILS = [(s, v) for s, v in VERSIONS if s.channel in BUILDER.email_channels]
LISTED = [(s, v) for s, v in VERSIONS if s.channel in BUILDER.checklist_channels]


# ---- The page and its links, as built -------------------------------------------------------

# builder.js, and builder.css alone or in the file that ships the page's stylesheets as one.
SCRIPT_SRC = re.compile(
    r'<(?:script|link)[^>]+(?:src|href)="([^"]*builder[^"/]*\.(?:js|css)[^"]*)"'
)


def shipped_names(src: str) -> set[str]:
    """The names of our files a link brings: a combined stylesheet's parts, else the file."""
    name = Path(src.split("?")[0]).name
    if f"/{COMBINED}" in f"/{src.split('?')[0]}":
        return {Path(part).name for part in combined_parts(COMBINED + name)}
    return {name}


def test_the_builder_s_script_and_styles_load_on_its_page_only(built_site: Path) -> None:
    carrying = sorted(
        html.parent.relative_to(built_site).as_posix() + "/"
        for html in built_site.rglob("*.html")
        if SCRIPT_SRC.search(html.read_text("utf-8"))
    )
    assert carrying == [PAGE]
    html = (built_site / PAGE / "index.html").read_text("utf-8")
    shipped = set().union(*(shipped_names(src) for src in SCRIPT_SRC.findall(html)))
    assert {name for name in shipped if name.startswith("builder")} == {"builder.js", "builder.css"}
    assert re.search(r'<script src="[^"]*builder\.js" defer>', html)


def test_every_script_card_links_to_the_builder_with_its_script(built_site: Path) -> None:
    html = (built_site / "what-to-say" / "index.html").read_text("utf-8")
    for script in BUILDER.scripts:
        assert f'href="../{PAGE}?script={script.id}' in html, script.id
    cards = (built_site / "print" / "script-cards" / "index.html").read_text("utf-8")
    for script, phase in VERSIONS:
        query = f"?script={script.id}" + (f"&amp;phase={phase}" if phase else "")
        assert f'href="../../{PAGE}{query}"' in cards, (script.id, phase)


def test_the_builder_is_in_the_nav(built_site: Path) -> None:
    html = (built_site / "index.html").read_text("utf-8")
    assert re.search(rf'<a href="{PAGE}" class="md-nav__link">', html)


def version_id(version) -> str:
    script, phase = version
    return f"{script.id}-{phase}" if phase else script.id


def blanks(version) -> tuple[str, ...]:
    script, phase = version
    return script.blanks[phase or ""]


def value_for(blank: str) -> str:
    """A value to type: distinct per blank, no braces, as long as a real answer (or as the
    field allows)."""
    value = f"Sample {PLACEHOLDERS[blank]['label'].lower()} {len(blank)}"
    if len(value) > int(BUILDER.field_settings(blank)["max_length"]):
        value = f"{blank[:3].upper()}{len(blank)}"
    return value


def spoken_words(text: str) -> int:
    """The count data/builder.yml describes: each word once, each digit as a word."""
    return sum(bool(re.search(r"[^\W\d_]", w)) + sum(c.isdigit() for c in w) for w in text.split())


def open_builder(page, base: str, version=None) -> None:
    query = ""
    if version is not None:
        script, phase = version
        query = f"?script={script.id}" + (f"&phase={phase}" if phase else "")
    page.goto(base + PAGE + query)
    page.wait_for_selector("#script-builder.builder--js")


def show(page, version) -> None:
    """Start over on ``version`` in a builder already open, as a reader does: Forget (every
    field and box cleared), then the script and its phase."""
    script, phase = version
    page.click("#builder-forget")
    page.click(f"#builder-script-{script.id}")
    if phase:
        page.click(f"#builder-phase-{phase}")


@pytest.fixture(scope="module")
def _open_builder(browser, site_server: str, frozen_today) -> Iterator[object]:
    """The builder, loaded once per worker for the module (``builder``)."""
    context = browser.new_context()
    freeze_clock(context, frozen_today)
    page = context.new_page()
    open_builder(page, site_server)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def builder(_open_builder, site_server: str) -> Iterator[object]:
    """The builder page the module's tests share: loading it is the costly part, so a test
    that only reads, clicks and types in it uses this one and ``show``s its script instead of
    reloading (the rules of conftest's ``tab``: no listeners, routes, clock, permissions or
    viewport; nothing ticked to remember). A test may open another address in it; the next
    test finds the builder again, and no print media."""
    page = _open_builder
    if (
        urlsplit(page.url).path != urlsplit(site_server + PAGE).path
        or not page.locator("#script-builder.builder--js").count()
    ):
        open_builder(page, site_server)
    try:
        yield page
    finally:
        page.emulate_media(media="null")


def fill(page, version, values: dict[str, str] | None = None) -> dict[str, str]:
    typed = {blank: (values or {}).get(blank, value_for(blank)) for blank in blanks(version)}
    for blank, value in typed.items():
        page.fill(f"#builder-field-{blank}", value)
    return typed


def overflow(page, version) -> str:
    """Fill the script's roomiest blank to its maximum length with digits (each one a spoken
    word), past any limit. Returns the value."""
    field = page.locator(f"#builder-field-{roomiest(version)}")
    value = ("1234567890" * 40)[: int(field.get_attribute("maxlength"))]
    field.fill(value)
    return value


def roomiest(version) -> str:
    return max(blanks(version), key=lambda b: int(BUILDER.field_settings(b)["max_length"]))


PREVIEW = ".builder-card:not([hidden])"


def preview_lines(page) -> list[str]:
    return page.locator(f"{PREVIEW} li[data-step] .script-card__text").all_inner_texts()


def out(page, name: str) -> str:
    return page.locator(f'[data-out="{name}"]').inner_text()


# ---- The form comes from data --------------------------------------------------------------


def test_one_choice_per_script_in_data_order(builder) -> None:
    page = builder
    labels = page.locator(".builder-choice:not([data-phased]) .builder-radio label")
    titles = [s["title"] for s in CONTENT["scripts"]["scripts"]]
    assert [t.split("\n")[0].strip() for t in labels.all_inner_texts()] == titles


@pytest.mark.parametrize("version", VERSIONS, ids=version_id)
def test_the_form_has_a_labelled_hinted_field_per_blank_the_script_uses(builder, version) -> None:
    page = builder
    show(page, version)
    shown = page.locator(".builder-field:not([hidden])")
    assert [shown.nth(i).get_attribute("data-blank") for i in range(shown.count())] == [
        b for b in PLACEHOLDERS if b in blanks(version)
    ]
    for blank in blanks(version):
        field = page.locator(f"#builder-field-{blank}")
        label = page.locator(f'label[for="builder-field-{blank}"]')
        assert label.inner_text() == PLACEHOLDERS[blank]["label"]
        hint = page.locator(f"#builder-field-{blank}-hint")
        assert normalise(PLACEHOLDERS[blank]["hint"]) in normalise(hint.inner_text())
        assert f"builder-field-{blank}-hint" in field.get_attribute("aria-describedby").split()


@pytest.mark.parametrize("version", VERSIONS, ids=version_id)
def test_every_script_fills_with_every_value_and_no_braces_left(
    builder, site_server: str, version
) -> None:
    """Opened at the address a script card links to, which chooses the script and phase."""
    page = builder
    open_builder(page, site_server, version)
    script, phase = version
    assert page.is_checked(f"#builder-script-{script.id}")
    if phase:
        assert page.is_checked(f"#builder-phase-{phase}")
    typed = fill(page, version)
    text = page.locator(PREVIEW).inner_text()
    assert "{" not in text and "}" not in text
    for value in typed.values():
        assert value in text


def first_blank_in_preview(page, value: str):
    """The first script's first blank in the preview, after filling it with ``value`` (and the
    others with their usual values); with the blank's name."""
    version = VERSIONS[0]
    show(page, version)
    first = blanks(version)[0]
    fill(page, version, {first: value})
    return page.locator(f'{PREVIEW} .blank[data-placeholder="{first}"]').first, first


def test_an_empty_blank_stays_a_visible_labelled_gap(builder) -> None:
    gap, first = first_blank_in_preview(builder, "")
    assert gap.is_visible()
    assert gap.inner_text() == PLACEHOLDERS[first]["label"]
    assert "blank--filled" not in (gap.get_attribute("class") or "")
    box = gap.bounding_box()
    assert box and box["width"] > 20


def test_a_filled_blank_reads_as_plain_text_with_no_box(builder) -> None:
    filled, _ = first_blank_in_preview(builder, "Dana Reyes")
    assert filled.inner_text() == "Dana Reyes"
    assert "blank--filled" in (filled.get_attribute("class") or "")
    borders = filled.evaluate(
        "e => ['top', 'right', 'bottom', 'left'].map("
        "side => getComputedStyle(e).getPropertyValue(`border-${side}-width`))"
    )
    assert borders == ["0px"] * 4


# ---- Speaking time ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", TIMED, ids=version_id)
def test_the_estimate_is_the_words_divided_by_the_rate(builder, version) -> None:
    page = builder
    show(page, version)
    fill(page, version)
    words = sum(spoken_words(line) for line in preview_lines(page))
    assert int(out(page, "words")) == words
    assert int(out(page, "seconds")) == math.ceil(words * 60 / BUILDER.words_per_minute)


@pytest.mark.parametrize("version", TIMED, ids=version_id)
def test_over_the_limit_a_warning_names_the_longest_line(builder, version) -> None:
    page = builder
    show(page, version)
    fill(page, version)
    assert page.locator("#builder-over").is_hidden()
    assert int(out(page, "seconds")) <= BUILDER.limit_seconds
    long_value = overflow(page, version)
    assert int(out(page, "seconds")) > BUILDER.limit_seconds
    assert page.locator("#builder-over").is_visible()
    assert long_value in out(page, "longest")


def test_a_written_script_shows_no_speaking_time(builder) -> None:
    page = builder
    if not EMAILS:
        pytest.skip("no email script in data/")
    show(page, EMAILS[0])
    assert page.locator("[data-timed]").is_hidden()


# ---- Tone check ------------------------------------------------------------------------------


def _long_field_version():
    long_blanks = [b for b, s in BUILDER.fields.items() if s.get("type") == "long"]
    for version in VERSIONS:
        for blank in blanks(version):
            if blank in long_blanks:
                return version, blank
    version = VERSIONS[0]
    return version, blanks(version)[0]


@pytest.mark.parametrize("check", BUILDER.tone_checks, ids=lambda c: c.id)
def test_each_pattern_flags_its_example_and_passes_its_near_miss(builder, check) -> None:
    page = builder
    version, blank = _long_field_version()
    show(page, version)
    flags = page.locator(f"#builder-field-{blank}-flags")
    page.fill(f"#builder-field-{blank}", check.flagged)
    flag = flags.locator(f'[data-tone="{check.id}"]')
    assert flag.is_visible()
    assert check.looks_for in flag.inner_text()
    assert flag.locator("a").get_attribute("href").endswith(f"#{check.flags}")
    page.fill(f"#builder-field-{blank}", check.not_flagged)
    assert flags.locator(f'[data-tone="{check.id}"]').count() == 0


def test_the_guide_s_own_wording_gets_no_flag(builder) -> None:
    """Typed into every field: the strong phrases, the good tone examples and every script
    line. None of it may be flagged."""
    page = builder
    phrasing, tone = CONTENT["scripts"]["phrasing"], CONTENT["tone"]
    neutral = [p["text"] for p in phrasing["strong"]] + [t["example"] for t in tone["good"]]
    for script in CONTENT["scripts"]["scripts"]:
        for line in script["lines"]:
            neutral += [v for k, v in line.items() if k != "step" and isinstance(v, str)]
    neutral = [re.sub(r"\{[a-z_]+\}", "", re.sub(r"[*_]", "", t)) for t in neutral]
    version, blank = _long_field_version()
    show(page, version)
    for text in neutral:
        page.fill(f"#builder-field-{blank}", text)
        assert page.locator(".builder-flag").count() == 0, text


def test_python_and_the_browser_read_every_pattern_alike(builder) -> None:
    """The build checks patterns with Python's re; the page runs them as JavaScript RegExp."""
    page = builder
    samples = [t for c in BUILDER.tone_checks for t in (c.flagged, c.not_flagged)]
    samples += ["I'M NOT THE BEST", "colour 12 abc-def", "a.b (maybe) #1 choice", "x" * 50]
    patterns = ACCEPTED + [c.pattern for c in BUILDER.tone_checks]
    results = page.evaluate(
        """([patterns, samples]) => patterns.map((p) => samples.map((s) =>
            new RegExp(p, "i").test(s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')
              .replace(/\\s+/g, " ").trim())))""",
        [patterns, samples],
    )
    expected = [[bool(compile_pattern(p).search(normalise(s))) for s in samples] for p in patterns]
    assert results == expected


# ---- Voicemail checklist -------------------------------------------------------------------


def state_of(page, rule: str) -> str:
    return page.locator(f'[data-rule="{rule}"] .builder-checklist__state').inner_text()


@pytest.mark.parametrize("version", LISTED, ids=version_id)
def test_the_voicemail_checklist_ticks_itself_from_the_form(builder, version) -> None:
    page = builder
    show(page, version)
    assert page.locator(".builder-voicemail").is_visible()
    for entry in BUILDER.checklist:
        if entry.kind == "filled":
            field = f"#builder-field-{entry.blank}"
            page.fill(field, "")
            assert state_of(page, entry.rule) == "Not yet"
            if entry.min_words > 1:
                page.fill(field, "One")
                assert state_of(page, entry.rule) == "Not yet"
            page.fill(field, " ".join(["Word"] * max(entry.min_words, 1)))
            assert state_of(page, entry.rule) == "Done"
        elif entry.kind == "confirm":
            assert state_of(page, entry.rule) == "Not yet"
            page.check(f"#builder-confirm-{entry.rule}")
            assert state_of(page, entry.rule) == "Done"
        elif entry.kind == "time":
            assert state_of(page, entry.rule) == "Done"
            overflow(page, version)
            assert state_of(page, entry.rule) == "Not yet"


# ---- Email -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", EMAILS, ids=version_id)
def test_an_email_gets_a_subject_a_body_a_count_and_a_mailto_link(builder, version) -> None:
    page = builder
    show(page, version)
    typed = fill(page, version)
    lines = preview_lines(page)
    subject_line = next(line for line in lines if line.startswith(BUILDER.subject_prefix))
    subject = subject_line[len(BUILDER.subject_prefix) :].strip()
    body = page.evaluate("document.querySelector('[data-out=body]').textContent")
    assert out(page, "subject") == subject
    assert subject_line not in body
    for line in lines:
        if line != subject_line:
            assert normalise(line) in body
    assert int(out(page, "count")) == len(body)
    href = page.get_attribute("#builder-mailto", "href")
    query = parse_qs(urlsplit(href).query)
    assert href.startswith("mailto:?")
    assert query["subject"] == [subject] and query["body"] == [body]
    assert all(value in subject + body for value in typed.values())


# ---- Copy --------------------------------------------------------------------------------------


@pytest.fixture
def clipboard_page(browser, site_server: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_copy_puts_the_filled_script_on_the_clipboard(clipboard_page, site_server: str) -> None:
    page, version = clipboard_page, TIMED[0]
    open_builder(page, site_server, version)
    fill(page, version)
    page.click("[data-copy=script]")
    # A locator, not wait_for_function: polling a predicate evaluates it, which the CSP forbids.
    page.locator("#builder-feedback").filter(has_text=re.compile(r"\S")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(preview_lines(page))


def test_copy_falls_back_to_a_selected_text_box_when_the_clipboard_is_refused(
    page, site_server: str
) -> None:
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));"
    )
    version = TIMED[0]
    open_builder(page, site_server, version)
    fill(page, version)
    page.click("[data-copy=script]")
    area = page.locator("#builder-copy-area")
    area.wait_for(state="visible")
    assert area.input_value() == "\n".join(preview_lines(page))
    assert page.evaluate("document.activeElement.id") == "builder-copy-area"
    assert page.locator("#builder-feedback").inner_text()


# ---- Privacy -----------------------------------------------------------------------------------


def test_no_request_leaves_the_page_while_typing_copying_printing_or_emailing(
    clipboard_page, site_server: str
) -> None:
    page = clipboard_page
    open_builder(page, site_server, TIMED[0])
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.focus(f"#builder-field-{blanks(TIMED[0])[0]}")
    page.keyboard.type("Jordan Lee, 555 201 3344, I'll do anything")
    page.click("[data-copy=script]")
    page.evaluate("window.print = () => window.dispatchEvent(new Event('beforeprint'))")
    page.click("#builder-print")
    if EMAILS:
        page.click(f"#builder-script-{EMAILS[0][0].id}")
        fill(page, EMAILS[0])
        page.click("[data-copy=body]")
        page.click("#builder-mailto")
    page.wait_for_timeout(500)
    # Chromium itself asks for the favicon again when the address changes (the script choice
    # is kept in it); that is not the page. The email link hands a mailto: address to the
    # reader's email app, which is no request to any server.
    favicon = page.evaluate("document.querySelector('link[rel=icon]').href")
    sent = [u for u in requests if urlsplit(u).scheme != "mailto" and u != favicon]
    assert sent == []
    if EMAILS:
        assert [u for u in requests if u.startswith("mailto:")], "the email link did not open"
    assert urlsplit(page.url).path.endswith("/" + PAGE)


def test_nothing_is_stored_unless_remember_is_ticked_and_forget_clears_it(
    page, site_server: str
) -> None:
    version = LISTED[0] if LISTED else VERSIONS[0]
    open_builder(page, site_server, version)
    typed = fill(page, version)
    # Material keeps the reader's palette (light or dark) under "<site path>.__palette": the
    # theme's own setting, never anything typed. Everything else must be empty.
    storage = """() => Object.fromEntries(Object.entries(localStorage)
        .filter(([key]) => !key.endsWith(".__palette")))"""
    assert page.evaluate(storage) == {}
    everything = page.evaluate("() => JSON.stringify(localStorage)")
    assert not [v for v in typed.values() if v in everything]
    page.check("#builder-remember")
    saved = page.evaluate(storage)
    assert len(saved) == 1 and all(v in next(iter(saved.values())) for v in typed.values())
    page.reload()
    page.wait_for_selector("#script-builder.builder--js")
    assert page.is_checked("#builder-remember")
    for blank, value in typed.items():
        assert page.input_value(f"#builder-field-{blank}") == value
    page.click("#builder-forget")
    assert page.evaluate(storage) == {}
    assert not page.is_checked("#builder-remember")
    assert all(page.input_value(f"#builder-field-{b}") == "" for b in typed)
    page.reload()
    page.wait_for_selector("#script-builder.builder--js")
    assert all(page.input_value(f"#builder-field-{b}") == "" for b in typed)


def test_unticking_remember_removes_what_was_stored(page, site_server: str) -> None:
    open_builder(page, site_server, VERSIONS[0])
    fill(page, VERSIONS[0])
    page.check("#builder-remember")
    assert page.evaluate("localStorage.getItem('soapguide-builder')")
    page.uncheck("#builder-remember")
    assert page.evaluate("localStorage.getItem('soapguide-builder')") is None


def test_the_address_never_carries_a_typed_value(page, site_server: str) -> None:
    typed: dict[str, str] = {}
    open_builder(page, site_server)
    for version in VERSIONS:
        script, phase = version
        page.click(f"#builder-script-{script.id}")
        if phase:
            page.click(f"#builder-phase-{phase}")
        typed.update(fill(page, version))
        page.keyboard.press("Enter")  # a submit must not put the form in the address
        address = unquote(page.evaluate("location.href")).replace("+", " ")
        assert not [v for v in typed.values() if v in address], address
        if script != VERSIONS[0][0]:  # the first is chosen already: no change, no new address
            assert f"script={script.id}" in address
    history = page.evaluate("history.length")
    assert history <= 2


# ---- Linked from the flow ---------------------------------------------------------------------


FLOW = build_flow(CONTENT.documents["flow"])


def _a_path_to_each_outcome_with_scripts() -> dict[str, object]:
    """One path (the first in the flow's order) to each call or email outcome with scripts.
    The outcomes take the phases in turn, after and during, wherever a path in that phase
    reaches them: the builder opens in "during" by itself, so only paths in "after" show that
    the link carries the reader's phase, and paths in "during" that it carries no other."""
    by_phase: dict[str, dict[str, object]] = {}
    for path in FLOW.paths():
        if path.outcome.scripts and path.outcome.verdict in ("call", "email"):
            by_phase.setdefault(path.outcome.id, {}).setdefault(path.phase, path)
    chosen = {}
    for turn, (outcome, paths) in enumerate(sorted(by_phase.items())):
        wanted = ("after", "during")[turn % 2]
        chosen[outcome] = paths.get(wanted) or next(iter(paths.values()))
    return chosen


WITH_SCRIPTS = _a_path_to_each_outcome_with_scripts()


@pytest.mark.parametrize("outcome", sorted(WITH_SCRIPTS))
def test_a_call_or_email_outcome_opens_the_builder_with_its_script(
    builder, site_server: str, outcome: str
) -> None:
    page = builder
    path = WITH_SCRIPTS[outcome]
    page.goto(site_server + "should-i-call/")
    page.wait_for_selector("#flow.flow--js")
    for step in path.steps:
        number = step.question.options.index(step.option) + 1
        page.locator(f"#flow-answer-{number}").check()
        page.locator("#flow-form [type=submit]").click()
    links = page.locator(".flow-result .script-card__make a")
    assert links.count() == len(path.outcome.scripts)
    href = links.first.get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    links.first.click()
    page.wait_for_selector("#script-builder.builder--js")
    script = query["script"][0]
    assert script == path.outcome.scripts[0]
    assert page.is_checked(f"#builder-script-{script}")
    versions = next(s.versions for s in BUILDER.scripts if s.id == script)
    if versions != (None,):  # the card for the reader's phase, and the builder in that phase
        assert query["phase"] == [path.phase]
        assert page.is_checked(f"#builder-phase-{path.phase}")


# ---- Print -------------------------------------------------------------------------------------


def longest_answer(blank: str, length: int) -> str:
    """The blank's usual value (``value_for``), run on to ``length`` characters: a field at its
    maximum length that still carries a value the card can be searched for."""
    return (f"{value_for(blank)} " + "Long answer " * 40)[:length]


@pytest.mark.parametrize("version", VERSIONS, ids=version_id)
def test_the_built_card_prints_on_one_4x6_page_even_with_the_longest_answers(
    builder, version
) -> None:
    """Every field at its maximum length (max_length in data/builder.yml): one page, 4 × 6, with
    the script's title and every answer whole on it. One print serves both checks: a card that
    holds the longest answers holds shorter ones."""
    page = builder
    show(page, version)
    typed = {}
    for blank in blanks(version):
        field = page.locator(f"#builder-field-{blank}")
        typed[blank] = longest_answer(blank, int(field.get_attribute("maxlength")))
        field.fill(typed[blank])
    page.emulate_media(media="print")
    pdf = read_pdf(page.pdf(prefer_css_page_size=True))
    assert len(pdf.pages) == 1, [p[:80] for p in pdf.pages]
    assert same_size(pdf.sizes[0], inches_to_points(CARD_SIZE_IN)), pdf.sizes[0]
    for value in typed.values():
        assert squash(value) in squash(pdf.pages[0])
    assert script_title(version) in pdf.pages[0]


def script_title(version) -> str:
    return version[0].title.split()[0]


# ---- Without JavaScript ----------------------------------------------------------------------


def test_without_javascript_the_scripts_show_with_blanks_and_a_note(browser, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + PAGE)
    assert page.locator(".builder-nojs").is_visible()
    assert page.locator("#builder-form").is_hidden()
    cards = page.locator(".builder-card")
    assert cards.count() == len(VERSIONS)
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    text = page.locator(".builder-cards").inner_text()
    assert "{" not in text
    assert PLACEHOLDERS[blanks(VERSIONS[0])[0]]["label"] in text
    context.close()


def test_axe_finds_no_violations_in_the_no_javascript_page(page, site_server: str) -> None:
    """axe itself needs script, so the page is shown as a browser without script shows it:
    builder.js never runs, and the note the scripting media query hides is shown."""
    page.route("**/builder.js", lambda route: route.abort())
    page.goto(site_server + PAGE)
    page.add_style_tag(content=".md-typeset .builder-nojs { display: block !important; }")
    assert page.locator(".builder-nojs").is_visible()
    assert page.locator(".builder-card").first.is_visible()
    found = violations(page)
    assert found == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]


# ---- Accessibility -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def warned_builder(browser, site_server: str, frozen_today) -> Iterator[Callable[[str], object]]:
    """``warned_builder(scheme)``: a builder loaded once per worker in that colour scheme, its
    clock installed before the load (the pause before the live region speaks is run on, not
    waited for); the axe tests ``show`` each script in it instead of loading it again."""
    pages: dict[str, object] = {}

    def get(scheme: str):
        if scheme not in pages:
            context = browser.new_context(color_scheme=scheme)
            freeze_clock(context, frozen_today)
            page = context.new_page()
            page.clock.install()
            open_builder(page, site_server)
            pages[scheme] = page
        return pages[scheme]

    try:
        yield get
    finally:
        for page in pages.values():
            page.context.close()


def show_every_warning(page, version) -> None:
    """Start over on ``version`` (the live region falls silent), then show its warnings: over
    the time limit, a tone flag, and the live region saying so after its pause."""
    show(page, version)
    status = page.locator("#builder-status")
    page.clock.run_for(1700)  # the live region speaks (here: nothing) after a pause
    assert status.inner_text().strip() == "", "the live region still speaks of a former script"
    fill(page, version)
    overflow(page, version)
    rest = [b for b in blanks(version) if b != roomiest(version)]
    other = max(rest, key=lambda b: int(BUILDER.field_settings(b)["max_length"]))
    page.fill(f"#builder-field-{other}", BUILDER.tone_checks[0].flagged)
    page.clock.run_for(1700)  # the live region speaks after a pause
    assert status.inner_text().strip(), "the live region said nothing"
    if version[0].channel in BUILDER.timed_channels:
        assert page.locator("#builder-over").is_visible()
    assert page.locator(".builder-flag").count() >= 1


AXE_VIEWS = [TIMED[0]] + LISTED[:1] + EMAILS[:1]


def axe_violations(page, options=None) -> list:
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations(page, options)]


@pytest.mark.parametrize("version", AXE_VIEWS, ids=version_id)
def test_no_axe_violations_with_warnings_shown(warned_builder, version) -> None:
    page = warned_builder("light")
    show_every_warning(page, version)
    assert axe_violations(page) == []


@pytest.mark.parametrize("version", AXE_VIEWS, ids=version_id)
def test_no_colour_violations_with_warnings_shown_in_the_dark_palette(
    warned_builder, version
) -> None:
    """The dark palette changes colours only, here: axe's colour rules are the ones to run."""
    page = warned_builder("dark")
    show_every_warning(page, version)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(page, COLOUR_RULES) == []


def test_warnings_are_announced_after_a_pause_not_on_every_keystroke(
    page, site_server: str
) -> None:
    """The page's clock stands still while the reader types (a slow machine cannot make a pause
    out of a slow keystroke), then runs on past the pause."""
    version = TIMED[0]
    page.clock.install()
    open_builder(page, site_server, version)
    page.evaluate(
        """() => { window.__said = [];
        new MutationObserver(() => window.__said.push(
            document.getElementById("builder-status").textContent))
        .observe(document.getElementById("builder-status"), {childList: true, subtree: true,
                                                             characterData: true}); }"""
    )
    status = page.locator("#builder-status")
    assert status.get_attribute("role") == "status"
    page.focus(f"#builder-field-{blanks(version)[-1]}")
    page.clock.pause_at(page.evaluate("Date.now()") + 1)
    page.keyboard.type(BUILDER.tone_checks[0].flagged + " " + "12345 " * 12, delay=5)
    assert page.evaluate("window.__said") == []
    page.clock.run_for(1700)
    said = page.evaluate("window.__said")
    assert len(said) == 1 and "flagged" in said[0] and str(BUILDER.limit_seconds) in said[0]


def test_it_works_from_the_keyboard_alone(builder) -> None:
    page = builder
    show(page, (BUILDER.scripts[0], BUILDER.scripts[0].versions[0]))
    first, second = BUILDER.scripts[0], BUILDER.scripts[1]
    page.focus(f"#builder-script-{first.id}")
    page.keyboard.press("ArrowDown")
    assert page.is_checked(f"#builder-script-{second.id}")
    assert f"script={second.id}" in page.url
    version = (second, second.versions[0])
    field = f"builder-field-{blanks(version)[0]}"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == field:
            break
    assert page.evaluate("document.activeElement.id") == field
    page.keyboard.type("Keyboard Person")
    assert "Keyboard Person" in page.locator(PREVIEW).inner_text()


TOUCH_TARGETS = ".builder-radio label, .builder-confirm label, .builder-input, .builder-button"
# Each shown element's start and box, read in one call (as Playwright's is_visible and
# bounding_box see them: a box with area, not visibility: hidden).
SHOWN_BOXES = """selector => [...document.querySelectorAll(selector)]
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden")
  .map(([e, r]) => [e.outerHTML.slice(0, 80), {width: r.width, height: r.height}])"""


STATUS_REGIONS = """() => [...document.querySelectorAll(
  '#script-builder [role=status], #script-builder [aria-live]')].map(region => {
    region.textContent = "";
    return {id: region.id, rendered: getComputedStyle(region).display !== "none"
      && !region.hidden && region.checkVisibility({visibilityProperty: true})};
  })"""


def test_its_status_regions_are_rendered_while_empty(builder) -> None:
    """Many screen readers announce a status region's message only if the region was in the
    page before it: an empty region takes no room but is never display: none or hidden."""
    regions = builder.evaluate(STATUS_REGIONS)
    assert regions, "the builder has no status region"
    assert all(region["rendered"] for region in regions), regions


def test_every_control_is_at_least_44px_on_a_phone(browser, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    open_builder(page, site_server)
    for version in [TIMED[0]] + EMAILS[:1] + LISTED[:1]:
        show(page, version)
        shown = page.evaluate(SHOWN_BOXES, TOUCH_TARGETS)
        assert shown, version_id(version)
        for html, box in shown:
            assert box["height"] >= 44 and box["width"] >= 44, (html, box)
    context.close()


# ---- Natural input: a title or a full stop typed along with the value --------------------------

SCRIPT_DATA = {s["id"]: s for s in CONTENT["scripts"]["scripts"]}
# A title written before a blank in a script ("Dr. {director_last_name}"), and the ways a reader
# may type it into the blank.
TITLE_BEFORE = re.compile(r"\b(Dr|Doctor)(\.?)\s+\{([a-z0-9_]+)\}")
TYPED_TITLES = ("Dr. ", "Dr ", "dr. ", "Doctor ", "DOCTOR ")
# A closing mark written right after a blank ("... {specific_detail}.").
MARK_AFTER = re.compile(r"\{([a-z0-9_]+)\}([.,;:!?])")


def texts_of(version) -> list[str]:
    """The script texts a reader of ``version`` sees (the other phase's left out)."""
    script, phase = version
    return list(texts_in(SCRIPT_DATA[script.id], set(PHASES) - {phase} if phase else ()))


def first_per(pattern: re.Pattern, key: Callable) -> list[tuple]:
    """(version, match) for the first place in the scripts each ``key(match)`` occurs."""
    found: dict[object, tuple] = {}
    for version in VERSIONS:
        for text in texts_of(version):
            for match in pattern.finditer(text):
                found.setdefault(key(match), (version, match))
    return list(found.values())


TITLED = first_per(TITLE_BEFORE, lambda m: m.group(3))
MARKED = first_per(MARK_AFTER, lambda m: m.group(2))


def line_with(page, blank: str) -> str:
    return page.locator(
        f'{PREVIEW} li[data-step] .script-card__text:has(.blank[data-placeholder="{blank}"])'
    ).first.inner_text()


@pytest.mark.parametrize(
    ("version", "match"), TITLED, ids=[f"{version_id(v)}-{m.group(3)}" for v, m in TITLED]
)
def test_a_title_the_script_puts_before_a_blank_is_not_doubled(builder, version, match) -> None:
    page = builder
    show(page, version)
    title, blank = match.group(1) + match.group(2), match.group(3)
    for typed in TYPED_TITLES:
        fill(page, version, {blank: typed + "Patel"})
        line = line_with(page, blank)
        assert f"{title} Patel" in line, (typed, line)
        assert not re.search(r"\b(dr|doctor)\b\.?\s+(dr|doctor)\b", line, re.I), (typed, line)
    fill(page, version, {blank: "Drake"})  # a name that starts like a title keeps its letters
    assert f"{title} Drake" in line_with(page, blank)


@pytest.mark.parametrize(
    ("version", "match"),
    MARKED,
    ids=[f"{version_id(v)}-{m.group(1)}{m.group(2)}" for v, m in MARKED],
)
def test_a_closing_mark_the_script_puts_after_a_blank_is_not_doubled(
    builder, version, match
) -> None:
    page = builder
    show(page, version)
    blank, mark = match.group(1), match.group(2)
    fill(page, version, {blank: "strong inpatient teaching."})
    line = line_with(page, blank)
    assert f"strong inpatient teaching{mark}" in line, line
    assert f"strong inpatient teaching.{mark}" not in line, line


def test_what_is_copied_is_fitted_as_the_preview_is(clipboard_page, site_server: str) -> None:
    version, titled = TITLED[0]
    marked = next(
        m
        for t in texts_of(version)
        for m in MARK_AFTER.finditer(t)
        if m.group(1) != titled.group(3)
    )
    page = clipboard_page
    open_builder(page, site_server, version)
    fill(page, version, {titled.group(3): "Dr. Patel", marked.group(1): "strong teaching."})
    page.click("[data-copy=script]")
    page.locator("#builder-feedback").filter(has_text=re.compile(r"\S")).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "\n".join(preview_lines(page))
    assert "Dr. Dr." not in copied and f"teaching.{marked.group(2)}" not in copied


# ---- The blanks still empty, named when the script leaves the page -----------------------------


def in_a_sentence(label: str) -> str:
    """A blank's label as a message names it: "your AAMC ID" for "Your AAMC ID"."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def still_to_fill(*names: str) -> str:
    return "Still to fill: " + ", ".join(in_a_sentence(PLACEHOLDERS[n]["label"]) for n in names)


def feedback(page) -> str:
    return page.locator("#builder-feedback").inner_text().strip()


def test_copying_names_the_blanks_still_empty(clipboard_page, site_server: str) -> None:
    page, version = clipboard_page, max(TIMED, key=lambda v: len(blanks(v)))
    open_builder(page, site_server, version)
    *given, left, last = blanks(version)
    fill(page, version, {left: "", last: ""})
    page.click("[data-copy=script]")
    expect = f"Copied. {still_to_fill(left, last)}."
    page.locator("#builder-feedback").filter(has_text=expect).wait_for()
    assert page.locator("#builder-feedback").get_attribute("role") == "status"
    fill(page, version)
    page.click("[data-copy=script]")
    page.locator("#builder-feedback").filter(has_text=re.compile(r"^Copied\.$")).wait_for()


@pytest.mark.skipif(not EMAILS, reason="no email script in data/scripts.yml")
def test_an_email_s_copy_open_and_print_name_the_blanks_still_empty(
    clipboard_page, site_server: str
) -> None:
    page, version = clipboard_page, EMAILS[0]
    open_builder(page, site_server, version)
    fill(page, version, dict.fromkeys(blanks(version), ""))
    subject = page.locator(f"{PREVIEW} li[data-step] .script-card__text").filter(
        has_text=re.compile("^" + re.escape(BUILDER.subject_prefix))
    )
    in_subject = subject.locator(".blank").evaluate_all("bs => bs.map(b => b.dataset.placeholder)")
    in_body = body_blanks(page)
    page.click("[data-copy=subject]")
    page.locator("#builder-feedback").filter(has_text=still_to_fill(*in_subject)).wait_for()
    page.click("[data-copy=body]")
    page.locator("#builder-feedback").filter(has_text=still_to_fill(*in_body)).wait_for()
    page.click("#builder-mailto")
    assert feedback(page).endswith(still_to_fill(*blanks(version)) + ".")
    page.evaluate("window.print = () => {}")
    page.click("#builder-print")
    assert feedback(page).endswith(still_to_fill(*blanks(version)) + ".")


def body_blanks(page) -> list[str]:
    """The blanks in the email's lines but its subject, in order, once each."""
    lines = page.locator(f"{PREVIEW} li[data-step] .script-card__text").filter(
        has_not_text=re.compile("^" + re.escape(BUILDER.subject_prefix))
    )
    names = lines.locator(".blank").evaluate_all("bs => bs.map(b => b.dataset.placeholder)")
    return list(dict.fromkeys(names))


# ---- The phase the device's clock points to ----------------------------------------------------

MATCH_YEAR = CONTENT["meta"]["match_year"]
CLOCK = clock_data(CONTENT["schedule"], MATCH_YEAR)
AFTER_SOAP = after_soap_window(CONTENT["schedule"], MATCH_YEAR)
SOAP = schedule_view(CONTENT["schedule"], MATCH_YEAR)["current"]
PHASED = next(s for s in BUILDER.scripts if "after" in s.versions)


def et_moment(ms: int, later: dt.timedelta = dt.timedelta(0)) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC) + later


# When the device's clock reads each moment (from data/schedule.yml), the phase the builder
# opens on with none asked for: after SOAP from the moment it has certainly ended (the flow's
# clock line: the end of its last day, ET, when no closing time is given) to the end of its
# Match year, ET; during SOAP before that (the reader prepares for it) and in a later year (the
# dates need checking, and the flow names no phase then either).
CLOCK_CASES = [
    ("a-month-before-soap", lambda: et_moment(CLOCK["start"], -dt.timedelta(days=30)), "during"),
    ("soap-under-way", lambda: et_moment(CLOCK["start"], dt.timedelta(hours=5)), "during"),
    (
        "a-minute-before-it-ends",
        lambda: et_moment(AFTER_SOAP[0], -dt.timedelta(minutes=1)),
        "during",
    ),
    ("as-it-ends", lambda: et_moment(AFTER_SOAP[0]), "after"),
    ("days-after", lambda: et_moment(AFTER_SOAP[0], dt.timedelta(days=4)), "after"),
    (
        "the-year-s-last-minute-et",
        lambda: et_moment(AFTER_SOAP[1], -dt.timedelta(minutes=1)),
        "after",
    ),
    ("a-later-year-et", lambda: et_moment(AFTER_SOAP[1]), "during"),
]
DAYS_AFTER = CLOCK_CASES[4][1]


@pytest.fixture(scope="module")
def _clocked(browser) -> Iterator[object]:
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def clocked(_clocked, site_server: str) -> Callable[..., object]:
    """``clocked(moment, query="")``: the builder opened at ``query`` with the device's clock
    standing at ``moment``, in a tab of its own (nothing remembered from an earlier test)."""
    page = _clocked

    def open_at(moment: dt.datetime, query: str = ""):
        page.goto(site_server + "404.html")
        page.evaluate("localStorage.clear()")
        page.clock.set_fixed_time(moment)
        page.goto(site_server + PAGE + query)
        page.wait_for_selector("#script-builder.builder--js")
        return page

    return open_at


def note(page):
    return page.locator("#builder-phase-note")


@pytest.mark.parametrize(
    ("moment", "phase"), [c[1:] for c in CLOCK_CASES], ids=[c[0] for c in CLOCK_CASES]
)
def test_with_no_phase_asked_for_the_builder_opens_on_the_one_the_clock_points_to(
    clocked, moment, phase
) -> None:
    page = clocked(moment(), f"?script={PHASED.id}")
    assert page.is_checked(f"#builder-phase-{phase}")
    assert page.locator(PREVIEW).get_attribute("data-phase") == phase
    assert note(page).inner_text() == "" and not note(page).is_visible()
    assert "phase=" not in page.url
    page = clocked(moment())  # no address at all
    assert page.is_checked(f"#builder-phase-{phase}")


def test_a_link_to_during_soap_after_it_ended_is_kept_with_a_notice(clocked) -> None:
    page = clocked(DAYS_AFTER(), f"?script={PHASED.id}&phase=during")
    assert page.is_checked("#builder-phase-during")
    shown = note(page)
    assert shown.is_visible() and shown.get_attribute("role") == "status"
    text = shown.inner_text()
    assert f"SOAP for the {MATCH_YEAR} Match" in text and SOAP["soap_ends"]["text"] in text
    assert f"the {PHASES['after']['label']} version may fit you" in text
    assert ("not yet confirmed" in text) is not SOAP["confirmed"]
    page.click("#builder-phase-after")
    assert shown.inner_text() == "" and not shown.is_visible()
    page.click("#builder-phase-during")
    assert shown.inner_text() == text


def test_the_notice_is_said_once_not_on_every_keystroke(clocked) -> None:
    page = clocked(DAYS_AFTER(), f"?script={PHASED.id}&phase=during")
    page.evaluate(
        """() => { window.__said = 0; new MutationObserver(() => window.__said++)
        .observe(document.getElementById("builder-phase-note"),
                 {childList: true, subtree: true, characterData: true}); }"""
    )
    page.focus(f"#builder-field-{PHASED.blanks['during'][0]}")
    page.keyboard.type("Jordan Lee")
    other = next(s for s in BUILDER.scripts if s.id != PHASED.id and "during" in s.versions)
    page.click(f"#builder-script-{other.id}")  # the phase stays During SOAP: nothing new to say
    assert page.evaluate("window.__said") == 0
    assert note(page).is_visible()


def test_a_remembered_phase_wins_over_the_clock(clocked) -> None:
    """Remembered on this device, then opened from a link that names the script only (as a card
    of a script with one version for both phases links) and with no address at all."""
    page = clocked(DAYS_AFTER(), f"?script={PHASED.id}")
    page.click("#builder-phase-during")
    page.check("#builder-remember")
    for query in (f"?script={PHASED.id}", ""):
        page.goto(page.url.split("?")[0] + query)
        page.wait_for_selector("#script-builder.builder--js")
        assert page.is_checked("#builder-phase-during"), query
        assert note(page).is_visible(), query


def test_axe_finds_no_violations_with_the_notice_shown(clocked) -> None:
    page = clocked(DAYS_AFTER(), f"?script={PHASED.id}&phase=during")
    assert note(page).is_visible()
    found = in_both_palettes(page)
    assert found == {"light": [], "dark": []}, {
        s: [(v["id"], [n["target"] for n in v["nodes"]]) for v in vs] for s, vs in found.items()
    }
