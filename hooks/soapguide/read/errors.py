"""Content errors an author can act on: file, line, place in the data, what is wrong, the fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, reported as ``file:line:column: where: message``."""

    file: str
    line: int
    column: int
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}:{self.column}"
        text = (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )
        return f"{text}\n    fix: {self.hint}" if self.hint else text


class ContentErrors(Exception):
    """Every problem found in a run, sorted by file and line, raised once at the end."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self, building: bool = True) -> str:
        """Every error under one head line; ``building=False`` words it for a check that builds
        nothing (`make check`, the error page of `mkdocs serve`)."""
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        outcome = "; nothing was built." if building else " to fix before the site can be built."
        lines = [f"The guide's content has {count} {noun}{outcome}"]
        lines += [str(error) for error in self.errors]
        return "\n".join(lines)
