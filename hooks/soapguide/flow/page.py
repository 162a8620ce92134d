"""What the flow's macros (templates/flow.html) need beyond plain data: the flow as JSON safe to
embed in a page, readable names for linked guide items, card HTML with its ids prefixed, and the
flow as a tree for the advisors' map."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..read.content import Content
from .model import Flow, Option, Question

# Which field of a guide item names it best, in order of preference.
_NAME_FIELDS = (
    "title",
    "question",
    "criterion",
    "situation",
    "myth",
    "step",
    "text",
    "advice",
    "example",
)
_TAG = re.compile(r"<[^>]+>")
_ID_ATTRS = re.compile(r'\b(id|aria-labelledby|aria-describedby|for|href)="(#?)([^"]+)"')


def embed_json(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` element: ``<``, ``>`` and ``&`` are
    escaped as ``\\u003c`` etc., so no text in the content can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def prefix_ids(markup: str, prefix: str) -> Markup:
    """The same HTML with every id (and every reference to an id) prefixed, so a copy of a
    card can sit on a page that may also show the original."""

    def prefixed(match: re.Match[str]) -> str:
        name, hash_, value = match.groups()
        if name == "href" and not hash_:
            return match.group(0)  # a link elsewhere: only links within the page change
        return f'{name}="{hash_}{prefix}{value}"'

    return Markup(_ID_ATTRS.sub(prefixed, str(markup)))


def plain_text(markup: str) -> str:
    """Rendered inline HTML as plain text (for link text and summaries)."""
    return html.unescape(_TAG.sub("", str(markup))).strip()


def item_name(content: Content, item_id: str) -> str:
    """A readable name for the guide item with ``item_id`` (its title, question or text)."""
    item = content.first_items().get(item_id)
    if item is None:
        raise LookupError(f"no item with id '{item_id}' in data/")
    return _name_of(item)


def _name_of(item: Mapping[str, Any]) -> str:
    for field in _NAME_FIELDS:
        if isinstance(item.get(field), str):
            return item[field].strip()
    return str(item["id"])


@dataclass(frozen=True)
class MapNode:
    """One answer in the advisors' tree: where it leads, and whether that question's branches
    are drawn here (the first time it appears) or only referred to (every later time)."""

    option: Option
    question: Question | None
    children: tuple[MapNode, ...]
    repeat: bool


def flow_tree(flow: Flow) -> tuple[Question, tuple[MapNode, ...]]:
    """The flow drawn as a tree from its start question. A question reached a second time is
    not drawn again; its node says where it was first drawn."""
    drawn: set[str] = {flow.start}

    def branches(question: Question) -> tuple[MapNode, ...]:
        nodes = []
        for option in question.options:
            target = flow.questions.get(option.next or "")
            if target is None:
                nodes.append(MapNode(option, None, (), False))
            elif target.id in drawn:
                nodes.append(MapNode(option, target, (), True))
            else:
                drawn.add(target.id)
                nodes.append(MapNode(option, target, branches(target), False))
        return tuple(nodes)

    start = flow.questions[flow.start]
    return start, branches(start)


def question_numbers(flow: Flow) -> Mapping[str, int]:
    """Question ids numbered in reading order (1 for the start question)."""
    return {q.id: number for number, q in enumerate(flow.ordered_questions(), start=1)}
