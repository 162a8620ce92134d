"""Whether this Python already has every pin of a requirements file, so setup can skip pip.

    python scripts/pins_installed.py requirements.txt

Exit 0 when every ``name==version`` line that applies to this Python (its environment marker,
if any, holds) is installed at exactly that version; otherwise print how many are missing or
different and exit 1. Standard library only (it runs before anything is installed), and quick
(about 50 ms), so every `make` target can run it. A set that was installed includes every
smaller set it contains: the test set's venv satisfies the runtime set too.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^#\\]+?))?\s*(?:\\|#.*)?$")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> list[tuple[str, str, str | None]]:
    """(name, version, marker or None) for every pin line."""
    found = []
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            name, version, marker = match.groups()
            found.append((normalize(name), version, marker.strip() if marker else None))
    return found


def marker_holds(marker: str | None) -> bool:
    if marker is None:
        return True
    # pip is in every venv and vendors packaging's marker evaluation.
    from pip._vendor.packaging.markers import Marker

    return Marker(marker).evaluate()


def installed() -> dict[str, str]:
    versions: dict[str, str] = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name:
            versions.setdefault(normalize(name), distribution.version)
    return versions


def missing(requirements: Path) -> list[str]:
    have = installed()
    return [
        f"{name}=={version} (installed: {have.get(name, 'none')})"
        for name, version, marker in pins(requirements.read_text(encoding="utf-8"))
        if marker_holds(marker) and have.get(name) != version
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    requirements = Path(argv[1])
    if not pins(requirements.read_text(encoding="utf-8")):
        print(f"{requirements}: no pinned packages found", file=sys.stderr)
        return 2
    wrong = missing(requirements)
    if wrong:
        print(f"{len(wrong)} of the pins in {requirements} not installed, e.g. {wrong[0]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
