"""Read one YAML file into plain data, remembering the line of every value.

PyYAML alone forgets where values came from and silently keeps the last of two duplicate keys.
Composing the node tree ourselves gives both: a location for every path in the data, and an
error for a repeated key. Syntax errors become one plain sentence with the line they are on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Location:
    line: int
    column: int


@dataclass
class YamlDocument:
    """The data of one file and where each part of it stands in the file."""

    display_name: str
    data: Any
    values: dict[DataPath, Location] = field(default_factory=dict)
    keys: dict[DataPath, Location] = field(default_factory=dict)

    def locate(self, path: DataPath) -> Location:
        """The location of ``path``, or of its nearest parent that has one."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Location(1, 1))

    def locate_key(self, path: DataPath) -> Location:
        """Where the key that introduces ``path`` is written (for unknown or misspelt keys)."""
        return self.keys.get(path) or self.locate(path)


def format_path(path: DataPath) -> str:
    """``('faq', 3, 'answer')`` -> ``faq[3].answer``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_FRIENDLY_SYNTAX = (
    (
        "found character '\\t'",
        "a tab is used for indentation; YAML needs spaces",
        "replace the tab at the start of this line with spaces (2 per level)",
    ),
    (
        "while scanning a quoted scalar",
        "a quotation mark is opened but never closed",
        "add the closing quotation mark at the end of the text that starts here",
    ),
    (
        "mapping values are not allowed here",
        "a colon appears where YAML does not expect one",
        "if the text contains ': ', put the whole text in quotes; otherwise check the indentation",
    ),
    (
        "could not find expected ':'",
        "a line is missing the colon after its key",
        "write it as 'key: value'",
    ),
    (
        "did not find expected key",
        "the indentation of this line does not match its neighbours",
        "line this key up with the other keys of the same item",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is not lined up with the items above it",
        "start every item of a list with '- ' at the same indentation",
    ),
    (
        "expected <block end>",
        "the indentation of this line does not match its neighbours",
        "line this line up with the lines of the same item",
    ),
    (
        "found undefined alias",
        "an '*' alias names an anchor that does not exist",
        "write the text out instead of using '*'",
    ),
)


def _syntax_error(display_name: str, error: yaml.MarkedYAMLError) -> ContentError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raw = f"{error.context or ''} {error.problem or ''}"
    for needle, message, hint in _FRIENDLY_SYNTAX:
        if needle in raw:
            if needle == "while scanning a quoted scalar" and error.context_mark:
                line, column = error.context_mark.line + 1, error.context_mark.column + 1
            return ContentError(display_name, line, column, "", f"not valid YAML: {message}", hint)
    problem = (error.problem or "the file cannot be read").strip()
    return ContentError(
        display_name,
        line,
        column,
        "",
        f"not valid YAML: {problem}",
        "compare this line with a working item above it (indentation, colons, quotes)",
    )


class _Builder:
    """Turn a composed node tree into plain data, recording locations and duplicate keys."""

    def __init__(self, display_name: str):
        self.document = YamlDocument(display_name, None)
        self.errors: list[ContentError] = []
        self._scalars = SafeConstructor()

    def build(self, node: Node, path: DataPath = ()) -> Any:
        self.document.values[path] = Location(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, index)) for index, child in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: ScalarNode) -> Any:
        return self._scalars.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, ScalarNode) else str(key_node)
            key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            child = (*path, key)
            if key in first_seen:
                self.errors.append(
                    ContentError(
                        self.document.display_name,
                        line,
                        key_node.start_mark.column + 1,
                        format_path(child),
                        f"the key '{key}' appears twice in the same item "
                        f"(first on line {first_seen[key]}); only one would be kept",
                        f"delete one of the two '{key}:' lines, or merge their text",
                    )
                )
                continue
            first_seen[key] = line
            self.document.keys[child] = Location(line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


def load_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[ContentError]]:
    """Read ``path``; return the document (None if unreadable) and every problem found."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            ContentError(
                display_name,
                line,
                1,
                "",
                "the file is not saved as UTF-8 text",
                "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
            )
        ]
    text = text.removeprefix("\ufeff")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(display_name, error)]
    if node is None:
        return None, [
            ContentError(
                display_name,
                1,
                1,
                "",
                "the file is empty",
                "restore its content (see the same file in the upstream repository)",
            )
        ]
    builder = _Builder(display_name)
    try:
        builder.document.data = builder.build(node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(display_name, error)]
    return builder.document, builder.errors
