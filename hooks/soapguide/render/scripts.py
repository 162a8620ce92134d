"""Scripts in their phases: the words a reader sees during SOAP, or after it.

A script (data/scripts.yml) says when to use it (``when``) and what to say (``lines``). Either
may be one text, true in both phases, or one text per phase (``during:`` and ``after:``). A script
with any per-phase text has one version per phase; a script without has a single version, good
for both. The pages show the on-screen card with both versions of each such line, the flow shows
the version for the reader's phase, and the print page prints one card per version.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..check.checks import PHASES


def has_phases(script: Mapping[str, Any]) -> bool:
    """Whether any of the script's words differ between the phases."""
    return isinstance(script.get("when"), Mapping) or any(
        phase in line for line in script.get("lines", []) for phase in PHASES
    )


def script_phases(script: Mapping[str, Any]) -> list[str | None]:
    """The versions of a script: ``["during", "after"]``, or ``[None]`` for one version good in
    both phases."""
    return list(PHASES) if has_phases(script) else [None]


def phase_text(value: Any, phase: str | None) -> str:
    """The words of a ``when`` or a line for ``phase``. A line gives its ``text`` in both
    phases; with no phase asked for, a per-phase value gives its ``during`` words."""
    if isinstance(value, Mapping):
        if "text" in value:
            return str(value["text"])
        return str(value.get(phase or "during", ""))
    return str(value)


def card_id(script: Mapping[str, Any], phase: str | None) -> str:
    """The id of one version's card: the script id for the during (or only) version, so links
    to ``#voicemail`` keep working, and ``<id>-after`` for the after version."""
    return f"{script['id']}-after" if phase == "after" else str(script["id"])


def phase_texts(script: Mapping[str, Any], phase: str) -> Iterator[tuple[tuple[Any, ...], str]]:
    """``(path within the script, words)`` for everything the script says in ``phase``."""
    when = script.get("when")
    if isinstance(when, Mapping):
        yield ("when", phase), str(when.get(phase, ""))
    elif when is not None:
        yield ("when",), str(when)
    for index, line in enumerate(script.get("lines", [])):
        key = "text" if "text" in line else phase
        if key in line:
            yield ("lines", index, key), str(line[key])


def card_versions(scripts: list[Mapping[str, Any]]) -> list[tuple[Mapping[str, Any], str | None]]:
    """Every printed card, in print order: each script's during (or only) version, then the
    after version of every script that has one."""
    first = [(s, script_phases(s)[0]) for s in scripts]
    return first + [(s, "after") for s in scripts if has_phases(s)]
