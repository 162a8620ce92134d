"""What an office's own page may ask of the template engine: the guide's macros, called with
plain values (``{{ office_resources() }}``, ``{{ soap_schedule(level=3) }}``), and nothing else.

Pages are Jinja templates, rendered with the whole of Jinja before Markdown reads them. In an
office's page the rest of Jinja would get past every other check: ``{{ '…'|safe }}`` writes
raw HTML, ``{{ '{ onclick=… }' }}`` writes an attribute list, ``{{ ''.__class__ }}`` walks
Python's objects (and from there runs code on the machine that builds the site), and
``{% raw %}`` hides either from the check. So the page's template is read (not run) here,
and anything but a macro call with plain values is an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes

from ..read.errors import ContentError
from .page_text import after_front_matter

_STATEMENT = re.compile(r"\{%")
# A tag as written; comments too, so that a '{{' inside one is not taken for an expression.
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# A text value a macro may be given: an id or a word. Values can land inside an HTML tag
# (``<h{{ level }}>``), where autoescape leaves spaces and '=' as they are.
_PLAIN_TEXT = re.compile(r"^[A-Za-z0-9_-]*$")
_EXAMPLE = "{{ office_resources() }}"


def template_errors(display: str, text: str, macros: Collection[str]) -> list[ContentError]:
    """Every use of the template engine in an office page's ``text`` other than a call of one
    of ``macros`` with plain values (true, false, a number, an id)."""
    lines = text.split("\n")
    end = after_front_matter(lines)
    body = "\n".join([""] * (end + 1) + lines[end + 1 :])  # front matter is not a template
    errors = [
        _error(
            display,
            body,
            match.start(),
            _snippet(body, match.start()),
            "is a '{% … %}' tag, which pages of an office may not use",
        )
        for match in _STATEMENT.finditer(body)
    ]
    if errors:
        return errors
    try:
        template = Environment().parse(body)
    except TemplateSyntaxError:
        return []  # rendering the page reports it, with its line
    # Each expression, with the '{{ … }}' it is written in (they come in the same order).
    tags = [match for match in _TAG.finditer(body) if match[0].startswith("{{")]
    expressions = [
        node
        for output in template.body
        for node in (output.nodes if isinstance(output, nodes.Output) else [output])
        if not isinstance(node, nodes.TemplateData)
    ]
    for index, node in enumerate(expressions):
        problem = _problem(node, macros)
        if problem:
            tag = tags[index] if len(tags) == len(expressions) else None
            start = tag.start() if tag else _line_start(body, node.lineno)
            errors.append(_error(display, body, start, _snippet(body, start), problem))
    return errors


def _problem(node: nodes.Node, macros: Collection[str]) -> str | None:
    """Why ``node`` may not be in an office page, or None when it may."""
    if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
        return "is not a call of one of the guide's macros"
    name = node.node.name
    if name not in macros:
        close = difflib.get_close_matches(name, sorted(macros), n=1)
        return f"calls '{name}', which is not one of the guide's macros" + (
            f" (did you mean '{close[0]}'?)" if close else ""
        )
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        return f"gives '{name}' its values with '*'"
    values = [*node.args, *(keyword.value for keyword in node.kwargs)]
    if not all(isinstance(value, nodes.Const) and _plain(value.value) for value in values):
        return f"gives '{name}' a value other than true, false, a number or an id"
    return None


def _plain(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float):
        return True
    return isinstance(value, str) and bool(_PLAIN_TEXT.match(value))


def _line_start(text: str, line: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at


def _snippet(text: str, start: int) -> str:
    tag = _TAG.match(text, start)
    written = (tag[0] if tag else text[start:].split("\n")[0]).split("\n")[0]
    return written if len(written) <= 60 else written[:59] + "…"


def _error(display: str, text: str, start: int, snippet: str, problem: str) -> ContentError:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return ContentError(
        display,
        line,
        column,
        "",
        f"'{snippet}' {problem}; your pages may only call the guide's macros, like {_EXAMPLE}",
        f"delete '{snippet}', or write a macro call such as {_EXAMPLE} on a line of its own",
    )
