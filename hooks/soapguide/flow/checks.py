"""Build-time checks that the decision flow in data/flow.yml is sound, as a graph, and safe.

Every reference resolves (next question, outcome, script ids, guide item ids), each answer leads
to exactly one place, there are no loops, every question and outcome can be reached from the
start, and no path asks more than MAX_QUESTIONS questions. Then, on every path:

- the rule comes first: a path may end in "call" or "email" only if the reader said SOAP is
  over, or that the program contacted them first (answers marked with ``fact:``), and never
  during SOAP for a reader who said they are not eligible for it;
- the words fit the phase: nothing shown after the reader said SOAP is over (questions, the
  outcome, the scripts it links, in their after-SOAP words) assumes SOAP is still under way,
  and nothing shown during SOAP assumes it is over. Which scripts a path reaches is found from
  the data, never from a list of ids.

Each problem is a ContentError with the file, line and ids involved, and a fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..read.errors import ContentError
from ..read.suggest import did_you_mean
from ..read.yaml_source import DataPath, YamlDocument, format_path
from ..render.scripts import phase_texts
from .model import PHASE_NAMES, Flow, FlowPath, Option, build_flow

if TYPE_CHECKING:
    from ..read.content import Content

FLOW_FILE = "flow"
MAX_QUESTIONS = 8
CONTACT_VERDICTS = ("call", "email")
# An answer with one of these facts lets a path end in call or email...
MAY_CONTACT = {"soap-over", "contacted-first"}
# ...unless the path is during SOAP and has one of these: a reader who is not eligible for SOAP
# may not contact programs in the Match while it runs, even one that contacted them.
NEVER_CONTACT_DURING = {"soap-under-way-ineligible"}

# Words that assume a phase. Shown in the other phase, they are untrue.
ASSUMES = {
    # Shown after SOAP, these still assume it is under way.
    "after": tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (
            r"\bduring SOAP,? today\b",
            r"\btoday,? during SOAP\b",
            r"\bwith SOAP today\b",
            r"\bSOAP is (?:still )?(?:under ?way|running|on)\b",
            r"\bwhile SOAP (?:is|runs)\b",
            r"\bcontacted (?:you|me) first\b",
            r"\breached out first\b",
            r"\buntil SOAP (?:ends|is over|concludes)\b",
        )
    ),
    # Shown during SOAP, these state that it is over. Only plain statements: "until you know
    # SOAP is over" and "once SOAP has ended" are true during SOAP.
    "during": tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (
            r"\b(?:now that|since) SOAP (?:is over|has ended|has concluded)\b",
            r"\bSOAP is now over\b",
            r"\bSOAP has now (?:ended|concluded)\b",
        )
    ),
}


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
            if not checker.errors_in_graph:
                paths = flow.paths()
                checker.rule_first(paths)
                checker.words_fit_the_phase(paths, _scripts_document(content))
    return checker.errors


def _scripts_document(content: Content) -> YamlDocument | None:
    return content.documents.get("scripts") if "scripts" in content else None


def assumption_in(text: str, phase: str) -> str | None:
    """The words in ``text`` that would be untrue in ``phase``, if any."""
    for pattern in ASSUMES[phase]:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def _route(path: FlowPath) -> str:
    return " → ".join(step.option.label for step in path.steps) + f" ⇒ {path.outcome.id}"


def _close(name: str, known: Iterable[str]) -> str:
    suggestion = did_you_mean(name, known)
    return f"{suggestion} " if suggestion else ""


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

    # --- safety, on every path (only once the graph is sound) ----------------------------------

    def rule_first(self, paths: list[FlowPath]) -> None:
        """No path ends in call or email unless the reader may contact the program."""
        reported: set[str] = set()
        for path in paths:
            outcome = path.outcome
            if outcome.verdict not in CONTACT_VERDICTS or outcome.id in reported:
                continue
            barred = path.phase == "during" and path.facts & NEVER_CONTACT_DURING
            if path.facts & MAY_CONTACT and not barred:
                continue
            reported.add(outcome.id)
            if barred:
                self.error(
                    (*outcome.path, "verdict"),
                    f"outcome '{outcome.id}' says {outcome.verdict}, but a reader who is not "
                    "eligible for SOAP reaches it while SOAP is under way: " + _route(path),
                    "point the answer marked fact: soap-under-way-ineligible (and every answer "
                    "after it) at an outcome that says dont-call",
                    graph=False,
                )
                continue
            self.error(
                (*outcome.path, "verdict"),
                f"outcome '{outcome.id}' says {outcome.verdict}, but a path reaches it without "
                "the reader saying SOAP is over or that the program contacted them first: "
                + _route(path),
                "ask 'Is SOAP still under way?' and, during SOAP, 'Has this program contacted "
                "you first?' before any answer that can lead here, and mark those answers with "
                "fact: soap-over / fact: contacted-first",
                graph=False,
            )

    def words_fit_the_phase(self, paths: list[FlowPath], scripts: YamlDocument | None) -> None:
        """Nothing shown on a path assumes the other phase (see ASSUMES)."""
        by_id = _scripts_by_id(scripts)
        reported: set[tuple[str, DataPath]] = set()
        # The same texts are shown on many paths: each is searched once per phase.
        assumed: dict[tuple[str, str], str | None] = {}
        for path in paths:
            phase = path.phase
            for document, where, text, what in self._shown(path, by_id, scripts):
                if (text, phase) not in assumed:
                    assumed[text, phase] = assumption_in(text, phase)
                words = assumed[text, phase]
                key = (document.display_name if document else self.file, where)
                if words is None or key in reported:
                    continue
                reported.add(key)
                other = "still under way" if phase == "after" else "over"
                fix = (
                    "write it once per phase, as during: and after:, so each reader sees words "
                    "true on their day"
                    if document is scripts
                    else f"reword it so it is true {PHASE_NAMES[phase]} too, or give "
                    f"{PHASE_NAMES[phase]} paths their own question or outcome"
                )
                self._error_in(
                    document,
                    where,
                    f"{what} is shown {PHASE_NAMES[phase]} but assumes SOAP is {other} "
                    f"('{words}'); one path that shows it: {_route(path)}",
                    fix,
                    words,
                )

    def _shown(
        self, path: FlowPath, by_id: dict[str, tuple[int, Mapping[str, Any]]], scripts: Any
    ) -> Iterator[tuple[YamlDocument | None, DataPath, str, str]]:
        """Every text a reader is shown on ``path`` once their phase is set (or from the start
        when no answer sets it): the questions, the outcome, and its scripts' phase words."""
        first = (path.phase_step + 1) if path.phase_step is not None else 0
        flow_document = self.flow.document
        for step in path.steps[first:]:
            question = step.question
            yield (
                flow_document,
                (*question.path, "text"),
                question.text,
                f"question '{question.id}'",
            )
            if question.hint:
                yield (
                    flow_document,
                    (*question.path, "hint"),
                    question.hint,
                    (f"the hint of question '{question.id}'"),
                )
            for option in question.options:
                yield (
                    flow_document,
                    (*option.path, "label"),
                    option.label,
                    (f"an answer to question '{question.id}'"),
                )
        outcome = path.outcome
        what = f"outcome '{outcome.id}'"
        yield flow_document, (*outcome.path, "title"), outcome.title, what
        yield flow_document, (*outcome.path, "explanation"), outcome.explanation, what
        for index, step_text in enumerate(outcome.next_steps):
            yield flow_document, (*outcome.path, "next_steps", index), step_text, what
        for script_id in outcome.scripts:
            if script_id not in by_id:
                continue
            index, script = by_id[script_id]
            for where, text in phase_texts(script, path.phase):
                yield (
                    scripts,
                    ("scripts", index, *where),
                    text,
                    (f"script '{script_id}' (linked from outcome '{outcome.id}')"),
                )

    def _error_in(
        self,
        document: YamlDocument | None,
        where: DataPath,
        message: str,
        hint: str,
        fragment: str,
    ) -> None:
        if document is None or document is self.flow.document:
            line, column = self.flow.line_of(where)
            if self.flow.document is not None:
                found = self.flow.document.locate_text(where, fragment)
                line, column = found.line, found.column
            self.errors.append(
                ContentError(self.file, line, column, format_path(where), message, hint)
            )
            return
        found = document.locate_text(where, fragment)
        self.errors.append(
            ContentError(
                document.display_name, found.line, found.column, format_path(where), message, hint
            )
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


def _scripts_by_id(document: YamlDocument | None) -> dict[str, tuple[int, Mapping[str, Any]]]:
    data = document.data if document is not None else None
    scripts = data.get("scripts") if isinstance(data, Mapping) else None
    return {
        str(script["id"]): (index, script)
        for index, script in enumerate(scripts if isinstance(scripts, list) else [])
        if isinstance(script, Mapping) and "id" in script
    }
