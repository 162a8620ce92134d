"""How the build grows with content: the guide's lists made 1, 10 and 100 times longer.

Grown: FAQ questions, myths, scripts, and the flow (questions and outcomes). Copies of the real
items get new ids, so every check still passes; the flow's new questions hang from one more
answer to its first question, as a tree four answers wide (no path longer than the checks
allow) whose answers lead to the new outcomes. Each size is built (no PDFs) several times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.build_cost import probe
from bench.measure import Runs, run_many
from bench.sites import ENV, WORK, copy_project

FAN_OUT = 4


@dataclass(frozen=True)
class Size:
    factor: int
    items: dict[str, int]
    runs: Runs


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by several copies out in full each time: the guide refuses YAML
    anchors and aliases, which PyYAML would otherwise emit for the shared values."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(path: Path, data: dict) -> None:
    text = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def _copies(items: list[dict], factor: int, tag: str) -> list[dict]:
    """The items, then factor - 1 more copies of each with new ids."""
    extra = [{**item, "id": f"{item['id']}-{tag}{n}"} for n in range(1, factor) for item in items]
    return items + extra


def grow(data: Path, factor: int) -> dict[str, int]:
    """Make ``data/``'s lists ``factor`` times longer; return how many items each now has."""
    faq = _load(data / "faq.yml")
    faq["questions"] = _copies(faq["questions"], factor, "g")
    _dump(data / "faq.yml", faq)
    myths = _load(data / "myths.yml")
    myths["myths"] = _copies(myths["myths"], factor, "g")
    _dump(data / "myths.yml", myths)
    scripts = _load(data / "scripts.yml")
    scripts["scripts"] = _copies(scripts["scripts"], factor, "g")
    _dump(data / "scripts.yml", scripts)
    flow = _load(data / "flow.yml")
    _grow_flow(flow, factor)
    _dump(data / "flow.yml", flow)
    return {
        "FAQ questions": len(faq["questions"]),
        "myths": len(myths["myths"]),
        "scripts": len(scripts["scripts"]),
        "flow questions": len(flow["questions"]),
        "flow outcomes": len(flow["outcomes"]),
    }


def _grow_flow(flow: dict, factor: int) -> None:
    if factor <= 1:
        return
    base_outcomes = flow["outcomes"]
    n_questions = len(flow["questions"]) * (factor - 1)
    # The grown branch asks nothing about SOAP's phase or who made contact first, so the flow's
    # safety check allows only outcomes that make no contact there: copies of those.
    no_contact = [o for o in base_outcomes if o.get("verdict") not in ("call", "email")]
    outcomes = [
        {**no_contact[i % len(no_contact)], "id": f"o-grow-{i}"}
        for i in range(len(base_outcomes) * (factor - 1))
    ]
    questions = []
    next_outcome = 0
    for i in range(n_questions):
        options = []
        for branch in range(FAN_OUT):
            child = FAN_OUT * i + branch + 1
            option: dict = {"label": f"Answer {branch + 1}"}
            if child < n_questions:
                option["next"] = f"q-grow-{child}"
            else:
                option["outcome"] = outcomes[next_outcome % len(outcomes)]["id"]
                next_outcome += 1
            options.append(option)
        questions.append({"id": f"q-grow-{i}", "text": f"Grown question {i}?", "options": options})
    assert next_outcome >= len(outcomes), "the tree is too small to reach every outcome"
    start = next(q for q in flow["questions"] if q["id"] == flow["start"])
    start["options"].append({"label": "None of these (a grown branch)", "next": "q-grow-0"})
    flow["questions"] += questions
    flow["outcomes"] = base_outcomes + outcomes


def measure_growth(factors: Sequence[int], runs: int, work: Path = WORK) -> list[Size]:
    """Every check and conversion runs in every build (SOAPGUIDE_CACHE=off): growth is the
    cost of all the work."""
    repo = Path(__file__).resolve().parents[1]
    env = {**ENV, "SOAPGUIDE_CACHE": "off"}
    sizes = []
    for factor in factors:
        project = copy_project(work / f"grow-{factor}")
        items = grow(project / "data", factor)
        site = work / f"grow-{factor}-site"
        sizes.append(Size(factor, items, run_many(probe(project, site), repo, runs, env)))
    return sizes


def linear(sizes: Sequence[Size], cost) -> tuple[float, float, bool]:
    """(cost per 1x of content from the first size to the second, the same from the second
    to the last, whether growth is linear: the later slope at most 1.5 times the earlier)."""
    first, second, last = sizes[0], sizes[1], sizes[-1]
    early = (cost(second) - cost(first)) / (second.factor - first.factor)
    late = (cost(last) - cost(second)) / (last.factor - second.factor)
    return early, late, late <= 1.5 * max(early, 1e-9)
