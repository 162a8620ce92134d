"""Read every file in ``data/`` once per build into one read-only view of the guide's content."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError
from .yaml_source import DataPath, YamlDocument, load_yaml


@dataclass
class Content:
    """All data files by name (``faq`` for ``data/faq.yml``), with their source locations."""

    documents: dict[str, YamlDocument]
    # False when some data file is missing, unreadable or failed its schema: a check that looks
    # an id up across all files cannot then tell a wrong id from one in a file left out.
    complete: bool = True
    _first_items: dict[str, Mapping[str, Any]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __getitem__(self, name: str) -> Any:
        return self.documents[name].data

    def __contains__(self, name: object) -> bool:
        return name in self.documents

    def items_with_ids(self, name: str) -> Iterator[tuple[DataPath, Mapping[str, Any]]]:
        """Every mapping with an ``id`` anywhere in file ``name``, with its path."""
        yield from _walk_items(self.documents[name].data, ())

    def first_items(self) -> dict[str, Mapping[str, Any]]:
        """Every item with an id in any file, by id: the first one with each id, files in
        order. Built once (the pages look items up by id thousands of times); the content is
        not changed after it is read."""
        if self._first_items is None:
            index: dict[str, Mapping[str, Any]] = {}
            for name in self.documents:
                for _, item in self.items_with_ids(name):
                    index.setdefault(str(item["id"]), item)
            self._first_items = index
        return self._first_items

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


def read_content(data_dir: Path, root: Path) -> tuple[Content, list[ContentError]]:
    """Read ``data_dir/*.yml``: the files that could be read, and a problem for each that could
    not. Checking what was read is the next stage's job (``soapguide.check``)."""
    documents: dict[str, YamlDocument] = {}
    errors: list[ContentError] = []
    for path in sorted(data_dir.glob("*.yml")):
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        document, problems = load_yaml(path, display)
        errors += problems
        if document is not None:
            documents[path.stem] = document
    return Content(documents), errors
