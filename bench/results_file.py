"""bench/RESULTS.md, section by section: a script that measures one thing rewrites its own
section ("## <heading>" up to the next "## ") and leaves every other section as it was."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(heading: str, text: str, results: Path = RESULTS) -> None:
    """Put ``text`` (which starts with ``## <heading>``) in place of that section, or at the
    end of the file when it has none yet."""
    current = results.read_text("utf-8")
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(current):
        current = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    results.write_text(current.rstrip("\n") + "\n", "utf-8")
