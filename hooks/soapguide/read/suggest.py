"""The one way an error suggests what was meant: "did you mean 'how-long-should-it-be'?".

A name is suggested when it is spelt almost the same (difflib's close matches), and also when
one name holds the other whole: an id renamed upstream by adding words ('how-long' became
'how-long-should-it-be'), or shortened, is too far apart for a spelling match, yet it is the
name an office meant. File names are compared without their extension ('how.md' holds no
'.md' in common with anything that counts).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# A name shorter than this is too short to count as held in another ('a' is in most ids).
_MIN_HELD = 3


def closest(word: str, choices: Iterable[str], limit: int = 1, cutoff: float = 0.6) -> list[str]:
    """Up to ``limit`` of ``choices`` most like ``word``, best first: names that begin with it
    or that it begins with, then names that hold it or that it holds, then close spellings.
    ``cutoff``: how alike (0 to 1) a spelling must be to count."""
    names = sorted(dict.fromkeys(str(choice) for choice in choices))
    found = [name for name in _held(word, names) if name != word]
    found += difflib.get_close_matches(word, names, n=limit, cutoff=cutoff)
    return list(dict.fromkeys(found))[:limit]


def did_you_mean(word: str, choices: Iterable[str], limit: int = 1, cutoff: float = 0.6) -> str:
    """ "did you mean 'a'?" (or "'a' or 'b'" with ``limit`` 2) for the closest choices, else ""."""
    close = closest(word, choices, limit, cutoff)
    return "did you mean " + " or ".join(f"'{name}'" for name in close) + "?" if close else ""


def _held(word: str, names: list[str]) -> list[str]:
    """Names that hold ``word`` whole or are held in it, beginnings first, nearest length
    first."""
    core = _core(word)
    ranked = []
    for name in names:
        other = _core(name)
        shorter, longer = sorted((core, other), key=len)
        if len(shorter) < _MIN_HELD or shorter not in longer:
            continue
        starts = longer.startswith(shorter)
        ranked.append((not starts, abs(len(other) - len(core)), name))
    return [name for *_, name in sorted(ranked)]


def _core(name: str) -> str:
    """``name`` compared without case and without a file extension ('Checklist.md' ->
    'checklist')."""
    stem, dot, extension = name.casefold().rpartition(".")
    return stem if dot and stem and extension.isalpha() and len(extension) <= 4 else name.casefold()
