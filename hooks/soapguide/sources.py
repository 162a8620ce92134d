"""The docs/ page files, read in reading order: the order of the site's navigation, then any
page it leaves out, by name. Links to a guide item go to the first page in this order that
shows it (the guide's own page rather than, say, a print page), so every adapter and the
exporter must read the pages in the same order."""

from __future__ import annotations

from pathlib import Path


def reading_order(nav: object) -> dict[str, int]:
    """Page files (relative to docs/) in the order a nav (MkDocs' ``nav`` setting) lists them."""
    order: dict[str, int] = {}

    def walk(entry: object) -> None:
        if isinstance(entry, str):
            order.setdefault(entry, len(order))
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(nav)
    return order


def page_sources(docs_dir: Path, nav: object = None) -> dict[str, str]:
    """Every ``*.md`` under ``docs_dir`` as ``{"docs/<path>": file text}``, in reading order."""
    order = reading_order(nav)

    def place(path: Path) -> tuple[int, str]:
        name = path.relative_to(docs_dir).as_posix()
        return order.get(name, len(order)), name

    return {
        f"docs/{path.relative_to(docs_dir).as_posix()}": path.read_text(encoding="utf-8-sig")
        for path in sorted(docs_dir.rglob("*.md"), key=place)
    }
