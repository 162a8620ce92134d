"""Where a value shown on paper is written: ``data/scripts.yml:95`` for a script's line.

The print macros write it on each text as ``data-src``, so that the PDF step, when a card does
not fit, can name the texts to shorten by file and line instead of the card alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..read.content import Content
from ..read.yaml_source import DataPath, YamlDocument


class SourceIndex:
    """Find the file and line of any mapping in the content (by identity) and of its keys."""

    def __init__(self, content: Content):
        self._where: dict[int, tuple[YamlDocument, DataPath]] = {}
        for document in content.documents.values():
            self._walk(document, document.data, ())

    def _walk(self, document: YamlDocument, value: Any, path: DataPath) -> None:
        if isinstance(value, Mapping):
            self._where[id(value)] = (document, path)
            for key, child in value.items():
                self._walk(document, child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self._walk(document, child, (*path, index))

    def __call__(self, item: object, key: str | None = None) -> str:
        """``file:line`` of ``item[key]`` (or of ``item``); '' for a value not from a file."""
        found = self._where.get(id(item))
        if found is None:
            return ""
        document, path = found
        location = document.locate((*path, key) if key else path)
        return f"{document.display_name}:{location.line}"
