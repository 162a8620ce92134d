"""The site's menu (MkDocs' ``nav``) with an office's changes: hidden pages out, sections
left empty out, the office's own pages in where it says."""

from __future__ import annotations

from typing import Any


def without(nav: list[Any], hidden: frozenset[str]) -> list[Any]:
    result: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if entry not in hidden:
                result.append(entry)
        elif isinstance(entry, dict):
            kept = {}
            for title, value in entry.items():
                if isinstance(value, list):
                    children = without(value, hidden)
                    if children:
                        kept[title] = children
                elif not (isinstance(value, str) and value in hidden):
                    kept[title] = value
            if kept:
                result.append(kept)
        else:
            result.append(entry)
    return result


def insert(nav: list[Any], anchor: str, entry: Any, after: bool) -> bool:
    for index, item in enumerate(nav):
        target = item if isinstance(item, str) else None
        if isinstance(item, dict) and len(item) == 1:
            value = next(iter(item.values()))
            if isinstance(value, str):
                target = value
            elif isinstance(value, list) and insert(value, anchor, entry, after):
                return True
        if target == anchor:
            nav.insert(index + 1 if after else index, entry)
            return True
    return False
