"""Build-time checks that the decision flow in data/flow.yml is sound, as a graph.

Every reference resolves (next question, outcome, script ids, guide item ids), each answer leads
to exactly one place, there are no loops, every question and outcome can be reached from the
start, and no path asks more than MAX_QUESTIONS questions. Each problem is a ContentError with
the file, line and ids involved, and a fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..read.errors import ContentError
from ..read.yaml_source import DataPath, format_path
from .model import Flow, Option, build_flow

if TYPE_CHECKING:
    from ..read.content import Content

FLOW_FILE = "flow"
MAX_QUESTIONS = 8


def check_flow(content: Content) -> list[ContentError]:
    """Every problem with the flow's graph, or [] when there is no data/flow.yml."""
    if FLOW_FILE not in content:
        return []
    flow = build_flow(content.documents[FLOW_FILE])
    scripts = (
        {
            str(s["id"])
            for s in content["scripts"].get("scripts", [])
            if isinstance(s, dict) and "id" in s
        }
        if "scripts" in content
        else set()
    )
    guide_ids = set().union(*(content.ids(name) for name in content.documents if name != FLOW_FILE))
    checker = _Checker(flow)
    checker.references(
        scripts if "scripts" in content else None, guide_ids if content.complete else None
    )
    if not checker.errors_in_graph:
        checker.cycles()
        if not checker.errors_in_graph:
            checker.reachability()
            checker.longest_path()
    return checker.errors


def _close(name: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{match[0]}'? " if match else ""


class _Checker:
    def __init__(self, flow: Flow):
        self.flow = flow
        self.errors: list[ContentError] = []
        self.errors_in_graph = False
        document = flow.document
        self.file = document.display_name if document else "data/flow.yml"

    def error(self, path: DataPath, message: str, hint: str, graph: bool = True) -> None:
        line, column = self.flow.line_of(path)
        self.errors.append(ContentError(self.file, line, column, format_path(path), message, hint))
        self.errors_in_graph |= graph

    # --- references -------------------------------------------------------------------------

    def references(self, scripts: set[str] | None, guide_ids: set[str] | None) -> None:
        """Check every reference; ``None`` for a set that is unknown because a data file it
        comes from failed its own checks (already reported), so nothing is blamed on the flow."""
        flow = self.flow
        if flow.start not in flow.questions:
            self.error(
                ("start",),
                f"the start question '{flow.start}' is not one of the questions",
                f"{_close(flow.start, flow.questions)}set start: to the id of the first question",
            )
        for question in flow.questions.values():
            if not question.options:
                self.error(
                    (*question.path, "id"),
                    f"question '{question.id}' has no answers, so the flow stops there",
                    "give it at least two options, each with next: or outcome:",
                )
            seen: dict[str, int] = {}
            for option in question.options:
                self.option(question.id, option)
                line = self.flow.line_of(option.path)[0]
                key = option.label.casefold()
                if key in seen:
                    self.error(
                        (*option.path, "label"),
                        f"question '{question.id}' offers the answer '{option.label}' twice "
                        f"(first on line {seen[key]})",
                        "give each answer its own wording, or delete one of them",
                    )
                seen.setdefault(key, line)
        for outcome in flow.outcomes.values():
            for index, script in enumerate(outcome.scripts):
                if scripts is not None and script not in scripts:
                    self.error(
                        (*outcome.path, "scripts", index),
                        f"outcome '{outcome.id}' links to script '{script}', which is not in "
                        "data/scripts.yml",
                        f"{_close(script, scripts)}use the id of one of the scripts in "
                        "data/scripts.yml",
                        graph=False,
                    )
            for index, item in enumerate(outcome.see):
                if guide_ids is not None and item not in guide_ids:
                    self.error(
                        (*outcome.path, "see", index),
                        f"outcome '{outcome.id}' refers to '{item}', which is not the id of "
                        "any item in data/",
                        f"{_close(item, guide_ids)}use the id of a criterion, situation, FAQ "
                        "or other guide item",
                        graph=False,
                    )

    def option(self, question_id: str, option: Option) -> None:
        flow = self.flow
        where = f"an answer to '{question_id}' ('{option.label}')"
        if option.next is not None and option.outcome is not None:
            self.error(
                option.path,
                f"{where} has both next: and outcome:, so it leads to two places",
                "keep next: to ask another question, or outcome: to end the flow, not both",
            )
        elif option.next is None and option.outcome is None:
            self.error(
                option.path,
                f"{where} has neither next: nor outcome:, so it leads nowhere",
                "add next: <question id> or outcome: <outcome id>",
            )
        elif option.next is not None and option.next not in flow.questions:
            also = (
                " (that is an outcome: write outcome: instead)"
                if (option.next in flow.outcomes)
                else ""
            )
            self.error(
                (*option.path, "next"),
                f"{where} leads to question '{option.next}', which does not exist{also}",
                f"{_close(option.next, flow.questions)}use the id of one of the questions",
            )
        elif option.outcome is not None and option.outcome not in flow.outcomes:
            also = (
                " (that is a question: write next: instead)"
                if (option.outcome in flow.questions)
                else ""
            )
            self.error(
                (*option.path, "outcome"),
                f"{where} leads to outcome '{option.outcome}', which does not exist{also}",
                f"{_close(option.outcome, flow.outcomes)}use the id of one of the outcomes",
            )

    # --- shape of the graph (only once every reference resolves) -----------------------------

    def cycles(self) -> None:
        """Report each answer that leads back to a question already on the way to it."""
        state: dict[str, str] = {}  # "open" while on the current path, "done" afterwards

        def visit(question_id: str, trail: list[str]) -> None:
            state[question_id] = "open"
            for option in self.flow.questions[question_id].options:
                target = option.next
                if target is None:
                    continue
                if state.get(target) == "open":
                    loop = [*trail[trail.index(target) :], question_id, target]
                    self.error(
                        (*option.path, "next"),
                        f"the answer '{option.label}' leads back to '{target}', making a loop: "
                        + " → ".join(loop),
                        "point it at a later question or at an outcome; the flow must always "
                        "move forward",
                    )
                elif target not in state:
                    visit(target, [*trail, question_id])
            state[question_id] = "done"

        for question_id in self.flow.questions:
            if question_id not in state:
                visit(question_id, [])

    def reachability(self) -> None:
        flow = self.flow
        reached: set[str] = set()
        outcomes: set[str] = set()
        queue = [flow.start]
        while queue:
            current = queue.pop()
            if current in reached:
                continue
            reached.add(current)
            for option in flow.questions[current].options:
                if option.next:
                    queue.append(option.next)
                if option.outcome:
                    outcomes.add(option.outcome)
        for question in flow.questions.values():
            if question.id not in reached:
                self.error(
                    (*question.path, "id"),
                    f"question '{question.id}' can never be asked: no answer on the way from "
                    f"'{flow.start}' leads to it",
                    "point an answer's next: at it, or delete the question",
                )
        for outcome in flow.outcomes.values():
            if outcome.id not in outcomes:
                self.error(
                    (*outcome.path, "id"),
                    f"outcome '{outcome.id}' can never be shown: no answer on the way from "
                    f"'{flow.start}' leads to it",
                    "point an answer's outcome: at it, or delete the outcome",
                )

    def longest_path(self) -> None:
        flow = self.flow
        longest: dict[str, list[str]] = {}

        def chain(question_id: str) -> list[str]:
            if question_id not in longest:
                nexts = [o.next for o in flow.questions[question_id].options if o.next]
                tail = max((chain(n) for n in nexts), key=len, default=[])
                longest[question_id] = [question_id, *tail]
            return longest[question_id]

        path = chain(flow.start)
        if len(path) > MAX_QUESTIONS:
            last = flow.questions[path[MAX_QUESTIONS]]
            self.error(
                (*last.path, "id"),
                f"a path asks {len(path)} questions, more than {MAX_QUESTIONS}: "
                + " → ".join(path),
                "shorten the flow: merge questions, or end some answers with an outcome sooner",
            )
