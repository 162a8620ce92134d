"""Load every file in ``data/`` once per build into one read-only view of the guide's content."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentErrors
from .yaml_source import DataPath, YamlDocument, format_path, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Content:
    """All data files by name (``faq`` for ``data/faq.yml``), with their source locations."""

    documents: dict[str, YamlDocument]

    def __getitem__(self, name: str) -> Any:
        return self.documents[name].data

    def __contains__(self, name: object) -> bool:
        return name in self.documents

    def items_with_ids(self, name: str) -> Iterator[tuple[DataPath, Mapping[str, Any]]]:
        """Every mapping with an ``id`` anywhere in file ``name``, with its path."""
        yield from _walk_items(self.documents[name].data, ())

    def ids(self, name: str) -> set[str]:
        return {str(item["id"]) for _, item in self.items_with_ids(name)}


def _walk_items(value: Any, path: DataPath) -> Iterator[tuple[DataPath, Mapping[str, Any]]]:
    if isinstance(value, Mapping):
        if "id" in value and isinstance(path[-1:] and path[-1], int):
            yield path, value
        for key, child in value.items():
            yield from _walk_items(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk_items(child, (*path, index))


def load_content(data_dir: Path, root: Path) -> Content:
    """Read ``data_dir/*.yml``; raise ContentErrors listing every problem in every file."""
    documents: dict[str, YamlDocument] = {}
    errors: list[ContentError] = []
    for path in sorted(data_dir.glob("*.yml")):
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        document, problems = load_yaml(path, display)
        errors += problems
        if document is not None:
            documents[path.stem] = document
    content = Content(documents)
    errors += check_ids(content)
    if errors:
        raise ContentErrors(errors)
    return content


def check_ids(content: Content) -> list[ContentError]:
    """Ids must be slugs, unique across all of data/: each becomes an anchor on a page, and the
    flow, the print cards and office overlays refer to items by id alone."""
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for name, document in content.documents.items():
        for path, item in content.items_with_ids(name):
            item_id = item["id"]
            where = format_path((*path, "id"))
            location = document.locate((*path, "id"))
            if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
                errors.append(
                    ContentError(
                        document.display_name,
                        location.line,
                        location.column,
                        where,
                        f"expected an id made of lowercase letters, digits and single hyphens, "
                        f"found {item_id!r}",
                        "write it like 'call-when-invited' (no spaces, capitals or underscores)",
                    )
                )
                continue
            if item_id in seen:
                errors.append(
                    ContentError(
                        document.display_name,
                        location.line,
                        location.column,
                        where,
                        f"the id '{item_id}' is already used at {seen[item_id]}",
                        "give this item a different id; every id in data/ must be unique",
                    )
                )
                continue
            seen[item_id] = f"{document.display_name}:{location.line}"
    return errors
