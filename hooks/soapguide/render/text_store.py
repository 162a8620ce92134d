"""Content text converted by earlier builds, kept so that a build converts only new text.

Converting content text (render/text.py: Markdown with the site's extensions, then the
sanitizer) is a pure function of the text, the Markdown settings, the engine's code and the
Markdown, PyMdown Extensions and nh3 installs. Converting a few hundred short texts is the
largest part of rendering the pages (bench/RESULTS.md, build cost), and a build after an edit
(``mkdocs serve``, CI after a one-line change) converts nearly all the same texts again.

The store is one JSON file, ``.cache/soapguide/texts.json`` under the project: a key made of
all those inputs, and the HTML of each text the last build showed. A different key (another
setting, engine or install) means nothing in the file is used. Each build writes back only the
texts it used, so the file never grows with texts that are gone. A file that cannot be read is
an empty store; SOAPGUIDE_CACHE=off turns the store off (check/cache.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..check.cache import CACHE_FOLDER, caches_on, fingerprint, write_whole

STORE_FILE = CACHE_FOLDER / "texts.json"
# What converts the text besides the engine's own code (found without importing them).
INSTALLS = ("markdown", "pymdownx", "nh3")


class ConvertedTexts:
    """The HTML of each text an earlier build converted with the same ``settings``."""

    def __init__(self, file: Path, settings: str, enabled: bool | None = None) -> None:
        self.file = file
        self.enabled = caches_on() if enabled is None else enabled
        # Without the store no key is needed, and the engine's source is not read for one.
        self.key = (
            hashlib.sha256(f"{fingerprint((), INSTALLS)}|{settings}".encode()).hexdigest()
            if self.enabled
            else ""
        )
        self._earlier = self._read() if self.enabled else {}
        self._used: dict[str, str] = {}
        self._changed = False

    @classmethod
    def under(cls, root: Path, extensions: list[Any], configs: Mapping[str, Any]) -> ConvertedTexts:
        """The store of the project at ``root``, for text converted with these extensions."""
        return cls(root / STORE_FILE, markdown_settings(extensions, configs))

    def get(self, source: str) -> str | None:
        html = self._earlier.get(source)
        if html is not None:
            self._used[source] = html
        return html

    def add(self, source: str, html: str) -> None:
        self._used[source] = html
        self._changed = True

    def save(self) -> None:
        """Keep the texts this build used, when they differ from what the file holds."""
        if self.enabled and (self._changed or self._used.keys() != self._earlier.keys()):
            write_whole(self.file, json.dumps({"key": self.key, "texts": self._used}))
            self._earlier, self._changed = dict(self._used), False

    def _read(self) -> dict[str, str]:
        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("key") != self.key:
            return {}
        texts = stored.get("texts")
        if not isinstance(texts, dict):
            return {}
        return {k: v for k, v in texts.items() if isinstance(k, str) and isinstance(v, str)}


def markdown_settings(extensions: list[Any], configs: Mapping[str, Any]) -> str:
    """The Markdown settings as stable text: extension names, or an extension object's class
    and its configuration; callables by their qualified name. Anything else is written with
    repr(), which may differ per process: the store is then never used, never wrong."""

    def stable(value: Any) -> Any:
        if callable(value) and hasattr(value, "__qualname__"):
            return f"{value.__module__}.{value.__qualname__}"
        get_configs = getattr(value, "getConfigs", None)
        if callable(get_configs):
            kind = type(value)
            return [f"{kind.__module__}.{kind.__qualname__}", get_configs()]
        return repr(value)

    return json.dumps([list(extensions), dict(configs)], sort_keys=True, default=stable)
