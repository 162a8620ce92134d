"""Small HTML readers for the tests: the text of every element that has an id."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TextById(HTMLParser):
    """One pass over a page: for each element with an id, the text inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: dict[str, list[str]] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id")
        if element_id is not None:
            self.ids.append(element_id)
            self.texts.setdefault(element_id, [])
        if tag not in VOID:
            self.stack.append((tag, element_id))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        for _, element_id in self.stack:
            if element_id is not None:
                self.texts[element_id].append(data)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts_by_id(html: str) -> dict[str, str]:
    """Visible text inside each element with an id, whitespace folded."""
    parser = _TextById()
    parser.feed(html)
    return {key: normalise("".join(parts)) for key, parts in parser.texts.items()}


def all_ids(html: str) -> list[str]:
    parser = _TextById()
    parser.feed(html)
    return parser.ids
