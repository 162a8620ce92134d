"""The flow's paths are pinned: a human-readable table of every path from the first question to
an outcome lives in tests/golden/flow_paths.txt (the GOV.UK Smart Answers practice). Any change
to the flow changes the table, so the change is reviewed as a diff before it is committed.

Regenerate the table only on purpose: ``UPDATE_GOLDEN=1 pytest tests/test_flow_paths.py``.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from soapguide.flow.checks import MAX_QUESTIONS, check_flow
from soapguide.flow.model import (
    PHASE_OF_FACT,
    Flow,
    FlowPath,
    Option,
    Outcome,
    Question,
    Step,
    build_flow,
    paths_table,
)
from soapguide.guide import load_content

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "flow_paths.txt"


@pytest.fixture(scope="module")
def flow() -> Flow:
    content = load_content(REPO / "data", REPO)
    assert check_flow(content) == []
    return build_flow(content.documents["flow"])


def test_the_paths_table_matches_the_pinned_table(flow: Flow) -> None:
    table = paths_table(flow)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(table, encoding="utf-8")
    pinned = GOLDEN.read_text(encoding="utf-8") if GOLDEN.exists() else ""
    diff = "".join(
        difflib.unified_diff(
            pinned.splitlines(keepends=True),
            table.splitlines(keepends=True),
            "tests/golden/flow_paths.txt (pinned)",
            "data/flow.yml (now)",
        )
    )
    assert not diff, (
        "The flow's paths changed. Review the diff; if the change is intended, run\n"
        "  UPDATE_GOLDEN=1 pytest tests/test_flow_paths.py\nand commit the new table.\n" + diff
    )


def test_every_path_starts_at_the_start_question_and_ends_at_an_outcome(flow: Flow) -> None:
    for path in flow.paths():
        assert path.steps[0].question.id == flow.start
        assert path.steps[-1].option.outcome == path.outcome.id
        for before, after in zip(path.steps, path.steps[1:], strict=False):
            assert before.option.next == after.question.id


def test_every_outcome_is_the_end_of_some_path(flow: Flow) -> None:
    assert {p.outcome.id for p in flow.paths()} == set(flow.outcomes)


def test_every_answer_of_every_question_is_taken_by_some_path(flow: Flow) -> None:
    taken = {(s.question.id, s.option.label) for p in flow.paths() for s in p.steps}
    offered = {(q.id, o.label) for q in flow.questions.values() for o in q.options}
    assert taken == offered


def test_no_path_asks_more_than_the_bound(flow: Flow) -> None:
    assert max(len(p.steps) for p in flow.paths()) <= MAX_QUESTIONS


# --- Safety, over the table of paths ---------------------------------------------------------
# Assertions over every path, found through the answers' facts (data/flow.yml), never through
# labels, ids or the order of today's questions.

PHASE_FACTS = {"soap-under-way", "soap-over", "soap-unsure"}
SITUATION_FACTS = {
    "accepted-elsewhere",
    "waiting-on-one-program",
    "several-programs-interested",
    "still-interviewing",
}
EXCLUSIVITY_FACTS = {"exclusive-claim", "no-exclusive-claim"}
CONTACT = {"call", "email"}
DONT_CONTACT = {"dont-call", "stop"}


def questions_asking(flow: Flow, facts: set[str]) -> set[str]:
    """The questions whose answers establish one of ``facts``."""
    found = {q.id for q in flow.questions.values() for o in q.options if o.fact in facts}
    assert found, f"no question establishes any of {sorted(facts)}"
    return found


def paths_with(flow: Flow, *facts: str) -> list[FlowPath]:
    chosen = [p for p in flow.paths() if set(facts) <= p.facts]
    assert chosen, f"no path establishes {facts}"
    return chosen


def test_the_first_question_asks_whether_soap_is_under_way(flow: Flow) -> None:
    facts = {o.fact for o in flow.questions[flow.start].options}
    assert PHASE_FACTS <= facts <= set(PHASE_OF_FACT), facts


def test_a_reader_before_soap_starts_is_in_the_during_phase_and_told_not_to_contact(
    flow: Flow,
) -> None:
    """Getting ready for SOAP is not a reason to contact a program: no call or email, and the
    words of the during phase (its rule applies from SOAP's start)."""
    for path in [p for p in flow.paths() if "soap-not-started" in p.facts]:
        assert path.phase == "during"
        assert path.outcome.verdict not in ("call", "email"), path.outcome.id


def test_during_soap_a_reader_not_eligible_for_it_is_told_not_to_contact(flow: Flow) -> None:
    for path in paths_with(flow, "soap-under-way-ineligible"):
        assert path.phase == "during"
        assert path.outcome.verdict in DONT_CONTACT, path.outcome.id


def test_during_soap_a_reader_not_contacted_first_is_told_not_to_contact(flow: Flow) -> None:
    for answer in ("not-contacted-first", "unsure-contacted-first"):
        for path in paths_with(flow, "soap-under-way", answer):
            assert path.outcome.verdict == "dont-call", (answer, path.outcome.id)


def test_not_sure_whether_soap_is_over_never_leads_to_contact(flow: Flow) -> None:
    for path in paths_with(flow, "soap-unsure"):
        assert path.phase == "during"
        if "contacted-first" not in path.facts:
            assert path.outcome.verdict in DONT_CONTACT, path.outcome.id


def test_during_soap_only_a_program_that_made_contact_first_may_be_contacted(flow: Flow) -> None:
    for path in flow.paths():
        if path.outcome.verdict in CONTACT:
            assert "soap-over" in path.facts or "contacted-first" in path.facts, path.outcome.id
            assert "soap-under-way-ineligible" not in path.facts, path.outcome.id


def test_every_post_soap_path_passes_the_situation_question(flow: Flow) -> None:
    situation = questions_asking(flow, SITUATION_FACTS)
    for path in paths_with(flow, "soap-over"):
        assert path.phase == "after"
        asked = {step.question.id for step in path.steps}
        assert asked & situation, [s.option.label for s in path.steps]


def test_every_situation_answer_is_offered_in_both_phases(flow: Flow) -> None:
    for phase_fact in ("soap-under-way", "soap-over"):
        reached = set().union(*(p.facts for p in paths_with(flow, phase_fact)))
        assert reached >= SITUATION_FACTS, (phase_fact, SITUATION_FACTS - reached)


def test_accepted_elsewhere_never_reaches_a_call_or_email(flow: Flow) -> None:
    for path in paths_with(flow, "accepted-elsewhere"):
        assert path.outcome.verdict in DONT_CONTACT, path.outcome.id


def test_several_interested_always_passes_the_exclusivity_question(flow: Flow) -> None:
    exclusivity = questions_asking(flow, EXCLUSIVITY_FACTS)
    for path in paths_with(flow, "several-programs-interested"):
        asked = {step.question.id for step in path.steps}
        assert asked & exclusivity, [s.option.label for s in path.steps]
    for path in paths_with(flow, "exclusive-claim"):
        assert path.outcome.verdict in DONT_CONTACT, path.outcome.id


def test_only_paths_through_a_welcomed_call_end_with_call(flow: Flow) -> None:
    for path in flow.paths():
        if path.outcome.verdict == "call":
            assert "call-welcomed" in path.facts
            assert "voicemail-already-left" not in path.facts


def test_a_path_s_phase_comes_from_its_last_phase_answer_and_not_sure_counts_as_during() -> None:
    def option(fact: str | None) -> Option:
        return Option("label", None, "o-x", (), fact)

    def path_of(*facts: str | None) -> FlowPath:
        question = Question("q-x", "?", "", (), ())
        outcome = Outcome("o-x", "dont-call", "t", "e", (), (), (), ())
        return FlowPath(tuple(Step(question, option(f)) for f in facts), outcome)

    assert path_of(None).phase == "during"
    assert path_of("soap-over", None).phase == "after"
    assert path_of("soap-unsure").phase == "during"
    assert path_of("soap-over", "soap-under-way").phase == "during"
