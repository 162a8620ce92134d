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
from soapguide.flow.model import Flow, build_flow, paths_table
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


def test_a_reader_who_may_not_contact_the_program_is_told_so_first(flow: Flow) -> None:
    """The NRMP rule comes first: the first answer alone decides for anyone it forbids."""
    start = flow.questions[flow.start]
    assert start.id == "q-rule"
    ends = {o.label: o.outcome for o in start.options if o.outcome}
    assert ends["No, it has not contacted me, and SOAP is still under way"] == "o-rule-not-yet"
    assert flow.outcomes["o-rule-not-yet"].verdict == "dont-call"
    assert "I'm not sure" in ends


def test_only_paths_through_a_welcomed_call_end_with_call(flow: Flow) -> None:
    for path in flow.paths():
        if path.outcome.verdict == "call":
            labels = [s.option.label for s in path.steps]
            assert "They asked me to call, or the coordinator said calling is fine" in labels
            assert "No, not yet" in labels  # no voicemail left already
