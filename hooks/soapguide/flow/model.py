"""The "Should I call?" decision flow as a graph: questions, their options, and outcomes.

Built from ``data/flow.yml``. Building is lenient (a malformed part is skipped, never a crash);
``flow_checks`` reports what is wrong with file and line. Every path from the start question to
an outcome can be listed, for the pinned table of paths in the tests and for the flow map.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..read.yaml_source import DataPath, YamlDocument

VERDICTS = {
    "call": "Call",
    "email": "Email instead",
    "dont-call": "Don't call",
    "stop": "Stop contacting",
}

# The answers that set the reader's phase. Not sure counts as during: the strict rules apply
# until the reader has confirmed that SOAP is over. Not started yet counts as during too: the
# reader is getting ready for it. A path with no such answer is during as well.
PHASE_OF_FACT = {
    "soap-under-way": "during",
    "soap-under-way-ineligible": "during",
    "soap-not-started": "during",
    "soap-unsure": "during",
    "soap-over": "after",
}
DEFAULT_PHASE = "during"
PHASE_NAMES = {"during": "during SOAP", "after": "after SOAP"}


@dataclass(frozen=True)
class Option:
    label: str
    next: str | None
    outcome: str | None
    path: DataPath
    fact: str | None = None

    @property
    def phase(self) -> str | None:
        """The phase this answer puts the reader in, if it is a phase answer."""
        return PHASE_OF_FACT.get(self.fact or "")

    @property
    def target(self) -> str | None:
        """The question or outcome this option leads to (None if it names neither)."""
        return self.next or self.outcome


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str
    options: tuple[Option, ...]
    path: DataPath
    schedule: bool = False


@dataclass(frozen=True)
class Outcome:
    id: str
    verdict: str
    title: str
    explanation: str
    next_steps: tuple[str, ...]
    scripts: tuple[str, ...]
    see: tuple[str, ...]
    path: DataPath
    schedule: bool = False

    @property
    def verdict_label(self) -> str:
        return VERDICTS.get(self.verdict, self.verdict)


@dataclass(frozen=True)
class Step:
    question: Question
    option: Option


@dataclass(frozen=True)
class FlowPath:
    """One way through the flow: the answers given, in order, and the outcome they lead to."""

    steps: tuple[Step, ...]
    outcome: Outcome

    @property
    def facts(self) -> set[str]:
        return {step.option.fact for step in self.steps if step.option.fact}

    @property
    def phase_step(self) -> int | None:
        """The index of the answer that set the phase (the last one, if several did)."""
        indexes = [i for i, step in enumerate(self.steps) if step.option.phase]
        return indexes[-1] if indexes else None

    @property
    def phase(self) -> str:
        """``during`` or ``after``: the phase the reader's answers put them in."""
        index = self.phase_step
        return (
            self.steps[index].option.phase or DEFAULT_PHASE if index is not None else DEFAULT_PHASE
        )


@dataclass
class Flow:
    title: str
    intro: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    document: YamlDocument | None = field(default=None, repr=False)

    def line_of(self, path: DataPath) -> tuple[int, int]:
        if self.document is None:
            return 1, 1
        location = self.document.locate(path)
        return location.line, location.column

    def paths(self) -> list[FlowPath]:
        """Every path from the start question to an outcome, in the order the options are
        written. Assumes the flow passed its checks (no cycles, every reference resolves)."""
        return list(self._paths_from(self.start, ()))

    def _paths_from(self, question_id: str, steps: tuple[Step, ...]) -> Iterator[FlowPath]:
        question = self.questions[question_id]
        for option in question.options:
            taken = (*steps, Step(question, option))
            if option.outcome is not None:
                yield FlowPath(taken, self.outcomes[option.outcome])
            elif option.next is not None:
                yield from self._paths_from(option.next, taken)

    def ordered_questions(self) -> list[Question]:
        """Questions in the order the flow map draws them: depth first from the start question,
        answers in written order; then any question that cannot be reached, in file order."""
        order: dict[str, None] = {}

        def visit(question_id: str) -> None:
            if question_id in order or question_id not in self.questions:
                return
            order[question_id] = None
            for option in self.questions[question_id].options:
                if option.next:
                    visit(option.next)

        visit(self.start)
        order.update(dict.fromkeys(self.questions))
        return [self.questions[qid] for qid in order]

    def outcome_phases(self) -> dict[str, list[str]]:
        """For each outcome, the phases in which some path reaches it (during first)."""
        reached: dict[str, set[str]] = {o: set() for o in self.outcomes}
        for path in self.paths():
            reached[path.outcome.id].add(path.phase)
        return {o: [p for p in PHASE_NAMES if p in phases] for o, phases in reached.items()}

    def used_scripts(self) -> list[str]:
        """Every script id some outcome links to, once each, in the order first linked."""
        return list(dict.fromkeys(s for o in self.outcomes.values() for s in o.scripts))

    def as_json_data(self) -> dict[str, Any]:
        """What the page's script needs to ask the questions; outcomes are pre-rendered HTML."""
        return {
            "start": self.start,
            "questions": {
                q.id: {
                    "text": q.text,
                    "hint": q.hint,
                    "schedule": q.schedule,
                    "options": [_option_json(o) for o in q.options],
                }
                for q in self.questions.values()
            },
            "outcomes": {
                o.id: {
                    "verdict": o.verdict,
                    "verdictLabel": o.verdict_label,
                    "title": o.title,
                    "scripts": list(o.scripts),
                    "schedule": o.schedule,
                }
                for o in self.outcomes.values()
            },
        }


def _option_json(option: Option) -> dict[str, Any]:
    data: dict[str, Any] = {"label": option.label}
    data.update({"next": option.next} if option.next else {"outcome": option.outcome})
    if option.phase:
        data["phase"] = option.phase
    return data


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _option(raw: Any, path: DataPath) -> Option | None:
    if not isinstance(raw, Mapping):
        return None
    nxt, out, fact = raw.get("next"), raw.get("outcome"), raw.get("fact")
    return Option(
        label=_text(raw.get("label")),
        next=str(nxt) if nxt is not None else None,
        outcome=str(out) if out is not None else None,
        path=path,
        fact=str(fact) if fact is not None else None,
    )


def build_flow(document: YamlDocument) -> Flow:
    """The flow in ``document`` (data/flow.yml), skipping parts that are not mappings."""
    data = document.data if isinstance(document.data, Mapping) else {}
    questions: dict[str, Question] = {}
    for index, raw in enumerate(_list(data.get("questions"))):
        if not isinstance(raw, Mapping) or "id" not in raw:
            continue
        path: DataPath = ("questions", index)
        options = tuple(
            option
            for position, raw_option in enumerate(_list(raw.get("options")))
            if (option := _option(raw_option, (*path, "options", position))) is not None
        )
        question = Question(
            str(raw["id"]),
            _text(raw.get("text")),
            _text(raw.get("hint")),
            options,
            path,
            schedule=raw.get("schedule") is True,
        )
        questions.setdefault(question.id, question)
    outcomes: dict[str, Outcome] = {}
    for index, raw in enumerate(_list(data.get("outcomes"))):
        if not isinstance(raw, Mapping) or "id" not in raw:
            continue
        steps = tuple(_text(s) for s in _list(raw.get("next_steps")))
        outcome = Outcome(
            id=str(raw["id"]),
            verdict=_text(raw.get("verdict")),
            title=_text(raw.get("title")),
            explanation=_text(raw.get("explanation")),
            next_steps=steps,
            scripts=_ids(raw.get("scripts")),
            see=_ids(raw.get("see")),
            path=("outcomes", index),
            schedule=raw.get("schedule") is True,
        )
        outcomes.setdefault(outcome.id, outcome)
    return Flow(
        title=_text(data.get("title")),
        intro=_text(data.get("intro")),
        start=_text(data.get("start")),
        questions=questions,
        outcomes=outcomes,
        document=document,
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def paths_table(flow: Flow) -> str:
    """Every path and its outcome as a plain-text table a person can review in a diff: first a
    count per outcome, then each path, one answer per line."""
    paths = flow.paths()
    counts = {outcome_id: 0 for outcome_id in flow.outcomes}
    for path in paths:
        counts[path.outcome.id] += 1
    width = max(len(q) for q in flow.questions)
    lines = [
        f"# Every path through the flow: {len(paths)} paths, {len(flow.outcomes)} outcomes.",
        "# Regenerate after a reviewed change: UPDATE_GOLDEN=1 pytest tests/test_flow_paths.py",
        "",
        "Outcomes (paths that end there):",
    ]
    for outcome in flow.outcomes.values():
        lines.append(f"  {counts[outcome.id]:4d}  {outcome.id} [{outcome.verdict}] {outcome.title}")
    for number, path in enumerate(paths, start=1):
        phase = PHASE_NAMES[path.phase]
        lines += ["", f"Path {number} -> {path.outcome.id} [{path.outcome.verdict}] ({phase})"]
        lines += [
            f"  {s.question.id:<{width}}  {s.option.label}"
            + (f"  [{s.option.fact}]" if s.option.fact else "")
            for s in path.steps
        ]
    return "\n".join(lines) + "\n"
