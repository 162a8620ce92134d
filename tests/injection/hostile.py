"""Hostile content: every text field of every data file with script-carrying strings added."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.scenario import REPO, copy_project

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '"><svg onload=alert(1)>',
    "{{ 7*7 }}",
    '<a href="javascript:alert(1)">a</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<details open ontoggle=alert(1)>d</details>",
    '[y](<JaVa&#115;cript:alert(1)>){: onclick="alert(1)" }',
    "<javascript:alert(1)>",
)
# Keys whose values select things (ids, enums, step ids, placeholder names, flow references):
# kept, as the pages and the flow look items up by them. Every other string gets the hostile
# strings, inline and as paragraphs.
KEPT = {
    "id",
    "audience",
    "channel",
    "step",
    "name",
    "start",
    "next",
    "outcome",
    "verdict",
    "scripts",
    "see",
    # data/builder.yml: what its settings point at (blanks, rules, items, channels, field kinds)
    "channels",
    "rule",
    "filled",
    "blank",
    "type",
    "autocomplete",
    "flags",
    "instead",
}
SUFFIX = " " + " ".join(HOSTILE) + "\n\n" + "\n\n".join(HOSTILE)


def poison(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key not in KEPT:
        return "javascript:alert(1)" if key == "url" else value + SUFFIX
    return value


def hostile_data(destination: Path) -> Path:
    """A data/ folder like the real one, every text field hostile."""
    destination.mkdir(parents=True, exist_ok=True)
    for path in sorted((REPO / "data").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        (destination / path.name).write_text(
            yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return destination


def hostile_project(destination: Path) -> Path:
    """A copy of the project with hostile data, built with tests/injection/unchecked_hooks.py."""
    project = copy_project(destination)
    shutil.rmtree(project / "data")
    hostile_data(project / "data")
    shutil.copy2(Path(__file__).with_name("unchecked_hooks.py"), project / "unchecked_hooks.py")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/mkdocs_hooks.py\n" in text
    config.write_text(text.replace("  - hooks/mkdocs_hooks.py\n", "  - unchecked_hooks.py\n"))
    return project


class Markup(HTMLParser):
    """Every start tag with its attributes, for checks on rendered HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def event_handlers(self) -> list[str]:
        return [
            f"<{tag} {name}>"
            for tag, attrs in self.tags
            for name, _ in attrs
            if name.startswith("on")
        ]

    def script_urls(self) -> list[str]:
        return [
            f"<{tag} {name}={value}>"
            for tag, attrs in self.tags
            for name, value in attrs
            if name in {"href", "src", "action", "formaction"}
            and (value or "")
            .replace(" ", "")
            .lower()
            .startswith(("javascript:", "data:", "vbscript:"))
        ]

    def named(self, *names: str) -> list[str]:
        return [tag for tag, _ in self.tags if tag in names]
