"""What the site's search indexes of a page: the page without the copies it shows.

The flow, the builder, the print pages and the flow map repeat what the guide's pages say
(every script, every outcome). Indexed, they make search answer with four copies of one script,
and they make the index, which Material fetches on every first visit, half again as large. The
templates mark each copy with ``data-search-exclude``; :func:`searchable` is the page without
the marked elements, for the index only (the adapter hands it to the search, then puts the
whole page back).

Material's search honours the attribute itself, but its parser compares elements by tag name,
so the first ``</div>`` inside a marked ``<div>`` ends the exclusion, and text under a heading
nested in a marked element goes back to the section above: removing the marked elements before
the search sees the page is what works.
"""

from __future__ import annotations

from html.parser import HTMLParser

ATTRIBUTE = "data-search-exclude"
# Elements that never have an end tag (the parser must not wait for one).
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)


class _Cutter(HTMLParser):
    """Copies the HTML it is fed, but for the elements marked with ATTRIBUTE (and all in them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.kept: list[str] = []
        # > 0: inside a marked element; counts the open elements of its tag (only those: an
        # element of another tag left unclosed, a <p> or an <li>, cannot throw the count off).
        self.depth = 0
        self.marked_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag == self.marked_tag
        elif any(name == ATTRIBUTE for name, _ in attrs):
            if tag not in _VOID:  # a void element has no end tag to wait for
                self.depth, self.marked_tag = 1, tag
        else:
            self.kept.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.depth and not any(name == ATTRIBUTE for name, _ in attrs):
            self.kept.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= tag == self.marked_tag
        else:
            self.kept.append(f"</{tag}>")

    def _keep(self, text: str) -> None:
        if not self.depth:
            self.kept.append(text)

    def handle_data(self, data: str) -> None:
        self._keep(data)

    def handle_entityref(self, name: str) -> None:
        self._keep(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._keep(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._keep(f"<!--{data}-->")


def searchable(html: str) -> str:
    """``html`` without the elements marked ``data-search-exclude`` (a marked element ends
    at the end tag that closes it; one never closed takes the rest of the page with it, which
    only shortens the index)."""
    if ATTRIBUTE not in html:
        return html
    cutter = _Cutter()
    cutter.feed(html)
    cutter.close()
    return "".join(cutter.kept)
