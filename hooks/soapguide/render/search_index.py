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

import re

ATTRIBUTE = "data-search-exclude"
# Elements that never have an end tag (a marked one must not wait for one).
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)
# Elements whose content is text, not markup: a "</div>" in a script is not an end tag.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
# A comment, or a start or end tag: its name, then its attributes (quoted values may hold ">").
_TAG = re.compile(
    r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.DOTALL
)
_MARK = re.compile(rf"(?:^|\s){ATTRIBUTE}(?=[\s=/]|$)")


def searchable(html: str) -> str:
    """``html`` without the elements marked ``data-search-exclude`` (a marked element ends
    at the end tag that closes it; one never closed takes the rest of the page with it, which
    only shortens the index).

    One pass over the tags, copying the text between cuts as it stands: a marked element ends
    where the open elements of its own tag are all closed (only those: an element of another
    tag left unclosed inside it, a <p> or an <li>, cannot throw the count off)."""
    if ATTRIBUTE not in html:
        return html
    kept: list[str] = []
    copied_to = 0  # html[:copied_to] is dealt with: kept, or cut
    marked_tag, depth = "", 0
    position = 0
    while (tag := _TAG.search(html, position)) is not None:
        position = tag.end()
        closing, name, attributes = tag.group(1), (tag.group(2) or "").lower(), tag.group(3)
        if not name:  # a comment
            continue
        if not closing and name in _RAW_TEXT:  # skip to its end tag: its text has no tags
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
            position = end.end() if end else len(html)
        if depth:
            if name == marked_tag:
                depth += -1 if closing else 1
                if not depth:
                    copied_to = position
            continue
        if closing or not _MARK.search(attributes or ""):
            continue
        kept.append(html[copied_to : tag.start()])
        copied_to = position
        ends_here = name in _VOID or name in _RAW_TEXT or attributes.rstrip().endswith("/")
        if not ends_here:  # a raw-text element was skipped to its end above
            marked_tag, depth = name, 1
    if depth:  # never closed: the rest of the page goes
        return "".join(kept)
    kept.append(html[copied_to:])
    return "".join(kept)
