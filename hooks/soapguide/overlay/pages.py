"""An office's changes to the guide's pages: hidden pages and sections, local notes, local pages
in the menu, and links to hidden things taken out of every page.

A page is named by its file in docs/ (``myths.md``); a section by its page and the anchor of its
heading (``what-to-say.md#voicemail-rules``: what the address bar shows after clicking the ¶
next to the heading). A hidden section is its heading and everything under it, up to the next
heading of the same or a higher level. All of this works on a page's Markdown after its macros
have run, so it needs nothing from the pages themselves.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..check.text_policy import link_scheme
from ..read.errors import ContentError
from ..read.suggest import closest, did_you_mean
from ..read.yaml_source import DataPath, format_path
from .menu import insert, without
from .office import Office
from .page_template import template_errors
from .page_text import (
    ANCHOR,
    FENCE,
    LINK,
    LIST_ITEM,
    Heading,
    after_front_matter,
    block_end,
    markdown_only,
    only_links,
    page_headings,
)

PAGES_FOLDER = "pages"
HOME = "index.md"
# Pages an office may not hide: the home page, and the rule that the guide puts first.
UNHIDEABLE = {HOME: "the home page", "rules.md": "the NRMP contact rule's page"}
# A file name an office page may have: the pattern of pages[].file in schemas/office.schema.json.
PAGE_FILE = re.compile(r"^[a-z0-9][a-z0-9_-]*\.md$")


@dataclass(frozen=True)
class PageRef:
    """A page (``myths.md``) or a section of one (``what-to-say.md#voicemail-rules``)."""

    page: str
    section: str | None

    @classmethod
    def parse(cls, text: str) -> PageRef:
        page, _, section = str(text).partition("#")
        return cls(page, section or None)

    def __str__(self) -> str:
        return f"{self.page}#{self.section}" if self.section else self.page


@dataclass(frozen=True)
class LocalPage:
    """One of the office's own pages (``office/pages/<file>``) and its place in the menu."""

    file: Path
    uri: str  # its name in the site, like a page in docs/ ('advising.md')
    display: str  # 'office/pages/advising.md'
    title: str | None
    after: str | None
    before: str | None
    path: DataPath  # its entry in office.yml


@dataclass
class PageChanges:
    """The office's changes to pages; empty (changing nothing) when there is no office."""

    office: Office | None = None
    note_html: Callable[[str], str] = str
    hidden: dict[PageRef, DataPath] = field(default_factory=dict)
    notes: dict[PageRef, list[tuple[int, str]]] = field(default_factory=dict)
    local_pages: list[LocalPage] = field(default_factory=list)
    _note_blocks: dict[int, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_office(
        cls, office: Office | None, note_html: Callable[[str], str], root: Path
    ) -> PageChanges:
        changes = cls(office, note_html)
        if office is None:
            return changes
        for index, text in enumerate(office.data.get("hide") or []):
            changes.hidden.setdefault(PageRef.parse(text), ("hide", index))
        for index, note in enumerate(office.data.get("notes") or []):
            changes.notes.setdefault(PageRef.parse(note["at"]), []).append(
                (index, str(note["text"]))
            )
        folder = office.folder / PAGES_FOLDER
        for index, entry in enumerate(office.data.get("pages") or []):
            path = folder / entry["file"]
            changes.local_pages.append(
                LocalPage(
                    path,
                    str(entry["file"]),
                    _display(path, root),
                    entry.get("title"),
                    entry.get("after"),
                    entry.get("before"),
                    ("pages", index),
                )
            )
        return changes

    @functools.cached_property
    def _pages_changed(self) -> frozenset[str]:
        """Pages with a hidden section or a note (the others only lose links)."""
        return frozenset(
            ref.page for ref in (*self.hidden, *self.notes) if ref.section or ref in self.notes
        )

    @functools.cached_property
    def _link_words(self) -> tuple[str, ...]:
        """Text every link to something hidden contains: its file name, or '#' and anchor."""
        words = {posixpath.basename(ref.page) for ref in self.hidden}
        words |= {f"#{ref.section}" for ref in self.hidden if ref.section}
        return tuple(sorted(words))

    # --- what is hidden ----------------------------------------------------------------------

    @property
    def hidden_pages(self) -> frozenset[str]:
        return frozenset(ref.page for ref in self.hidden if ref.section is None)

    def hides(self, page: str, section: str | None = None) -> bool:
        return PageRef(page, None) in self.hidden or (
            section is not None and PageRef(page, section) in self.hidden
        )

    # --- checks ------------------------------------------------------------------------------

    def check(
        self,
        sources: Mapping[str, str],
        nav_pages: Iterable[str] | None,
        macros: Collection[str] = (),
        guide_pages: Iterable[str] | None = None,
    ) -> list[ContentError]:
        """Every hide, note and local page names something that exists; the local pages are
        there, listed, take no guide page's place, and are written in Markdown only, calling
        nothing but ``macros`` (the guide's). ``sources``: every page's Markdown by its name in
        the site (``myths.md``), the office's own pages included; ``guide_pages``: the names of
        the guide's own pages (docs/), needed when an office page has one of their names, as
        ``sources`` then holds only one of the two."""
        if self.office is None:
            return []
        errors: list[ContentError] = []
        local = {page.uri for page in self.local_pages}
        guide_pages = sorted(set(sources) - local if guide_pages is None else set(guide_pages))
        headings = {name: page_headings(text) for name, text in sources.items()}
        for ref, path in self.hidden.items():
            errors += self._check_ref(ref, path, guide_pages, headings, "hide")
            if ref.section is None and ref.page in UNHIDEABLE:
                errors.append(
                    self._error(
                        path,
                        f"{UNHIDEABLE[ref.page]} ({ref.page}) cannot be hidden",
                        "add a note to it instead (notes: with at: " + ref.page + ")",
                    )
                )
        for ref, notes in self.notes.items():
            for index, _ in notes:
                path = ("notes", index, "at")
                problems = self._check_ref(ref, path, sorted(sources), headings, "notes")
                errors += problems
                if not problems and self._hidden_by(ref) is not None:
                    errors.append(
                        self._error(
                            path,
                            f"the note is for {ref}, which is hidden "
                            f"({self.office.place(self._hidden_by(ref))})",
                            "move the note to a page that is shown, or stop hiding that one",
                        )
                    )
        errors += self._check_local_pages(guide_pages, nav_pages, macros)
        return errors

    def _hidden_by(self, ref: PageRef) -> DataPath | None:
        return self.hidden.get(PageRef(ref.page, None)) or (
            self.hidden.get(ref) if ref.section else None
        )

    def _check_ref(
        self,
        ref: PageRef,
        path: DataPath,
        pages: list[str],
        headings: Mapping[str, list[Heading]],
        key: str,
    ) -> list[ContentError]:
        if ref.page not in pages:
            return [
                self._error(
                    path,
                    f"there is no page '{ref.page}'",
                    did_you_mean(ref.page, pages, cutoff=0.5)
                    or "write a page's file name as listed in the guide's menu, for example "
                    f"'faq.md' (the pages are: {', '.join(pages)})",
                )
            ]
        if ref.section is None:
            return []
        anchors = [h.anchor for h in headings.get(ref.page, []) if h.level >= 2]
        if ref.section not in anchors:
            close = closest(ref.section, anchors, cutoff=0.5)
            listed = ", ".join(f"#{a}" for a in anchors) or "none"
            return [
                self._error(
                    path,
                    f"the page '{ref.page}' has no heading '#{ref.section}' (its headings: "
                    f"{listed})",
                    f"did you mean '{ref.page}#{close[0]}'?"
                    if close
                    else "open the page on the site, click the ¶ next to the heading and copy "
                    "what follows # in the address bar",
                )
            ]
        return []

    def _check_local_pages(
        self, guide_pages: list[str], nav_pages: Iterable[str] | None, macros: Collection[str]
    ) -> list[ContentError]:
        assert self.office is not None
        errors: list[ContentError] = []
        folder = self.office.folder / PAGES_FOLDER
        present = (
            sorted(p.name for p in folder.iterdir() if p.suffix.lower() == ".md")
            if folder.is_dir()
            else []
        )
        listed = [page.uri for page in self.local_pages]
        in_menu = set(guide_pages if nav_pages is None else nav_pages) - self.hidden_pages
        placed: list[str] = []
        taken = {_published_as(name): name for name in guide_pages}
        for page in self.local_pages:
            if not page.file.is_file():
                errors.append(
                    self._error(
                        (*page.path, "file"),
                        f"the page '{page.uri}' is listed but there is no "
                        f"{self.office.display_folder}/{PAGES_FOLDER}/{page.uri}",
                        did_you_mean(page.uri, present, cutoff=0.5)
                        or f"add the file to {self.office.display_folder}/{PAGES_FOLDER}/ "
                        "(on GitHub: Add file > Create new file); if you do not need the page, "
                        "delete this entry (its - file: line and the lines under it)",
                    )
                )
            elif _published_as(page.uri) in taken:
                errors.append(self._replaces_a_guide_page(page, taken))
            elif listed.count(page.uri) > 1 and page.uri in placed:
                errors.append(
                    self._error((*page.path, "file"), f"'{page.uri}' is listed twice", "list once")
                )
            for key in ("after", "before"):
                target = getattr(page, key)
                if target is None:
                    continue
                if page.after and page.before and key == "before":
                    errors.append(
                        self._error(
                            (*page.path, key),
                            "a page goes after: one page or before: another, not both",
                            "keep one of the two",
                        )
                    )
                elif target in self.hidden_pages:
                    hidden_at = self.office.place(self.hidden[PageRef(target, None)])
                    errors.append(
                        self._error(
                            (*page.path, key),
                            f"'{target}' is hidden ({hidden_at}), so the menu has no place "
                            "next to it",
                            "put the page next to a page that is shown",
                        )
                    )
                elif target not in in_menu and target not in placed:
                    choices = sorted(in_menu | set(placed))
                    errors.append(
                        self._error(
                            (*page.path, key),
                            f"'{target}' is not a page in the menu",
                            did_you_mean(target, choices, cutoff=0.5)
                            or "write a page's file name, like checklist.md",
                        )
                    )
            placed.append(page.uri)
        for name in present:
            if name not in listed:
                errors.append(self._unlisted(name, taken))
        for page in self.local_pages:
            if page.file.is_file():
                text = page.file.read_text("utf-8-sig")
                errors += self._blank(page, text) or (
                    markdown_only(page.display, text) + template_errors(page.display, text, macros)
                )
        return errors

    def _replaces_a_guide_page(self, page: LocalPage, taken: Mapping[str, str]) -> ContentError:
        """An office page published where a guide page is (same name, or the same but for
        capitals): the build would put it in the guide page's place, without a word."""
        assert self.office is not None
        guide_page = taken[_published_as(page.uri)]
        what = f" ({UNHIDEABLE[guide_page]})" if guide_page in UNHIDEABLE else ""
        return self._error(
            (*page.path, "file"),
            f"{page.display} has the same name as the guide's page {guide_page}{what}, so it "
            "would replace it",
            f"rename the file (for example to {self._free_name(page.uri, taken)}) and its "
            f"'- file: {page.uri}' entry under pages:",
        )

    def _unlisted(self, name: str, taken: Mapping[str, str]) -> ContentError:
        """A page in the office's folder that office.yml does not list; if its file name
        could not be listed as it is, the fix renames it first."""
        assert self.office is not None
        valid = PAGE_FILE.match(name) and _published_as(name) not in taken
        new_name = name if valid else self._free_name(name, taken)
        fix = f"add '- file: {new_name}' under pages: in office.yml, or delete the file"
        if not valid:
            fix = (
                f"rename the file to {new_name} (a page's file name has only lowercase letters, "
                "digits and hyphens, ends in .md and is not the name of a guide page), then " + fix
            )
        return ContentError(
            f"{self.office.display_folder}/{PAGES_FOLDER}/{name}",
            1,
            1,
            "",
            f"the page is not listed in {self.office.document.display_name}, so it would not "
            "be in the menu",
            fix,
        )

    def _free_name(self, name: str, taken: Mapping[str, str]) -> str:
        """A valid page file name like ``name`` that no guide page has: 'Talk to us.md' ->
        'talk-to-us.md'; 'faq.md' -> 'riverside-faq.md' (the office's short name first)."""
        assert self.office is not None
        stem = _slug(name.removesuffix(Path(name).suffix)) or "page"
        if PAGE_FILE.match(f"{stem}.md") and _published_as(f"{stem}.md") not in taken:
            return f"{stem}.md"
        prefix = _slug(self.office.short_name.split()[0]) if self.office.short_name else ""
        for first in (prefix, "our", "office"):
            candidate = f"{first}-{stem}.md"
            if first and _published_as(candidate) not in taken:
                return candidate
        return f"office-page-{stem}.md"

    def _blank(self, page: LocalPage, text: str) -> list[ContentError]:
        """An office page with nothing but front matter and blank lines: it would be
        published as an empty page."""
        lines = text.split("\n")
        body_starts = after_front_matter(lines) + 1
        if any(line.strip() for line in lines[body_starts:]):
            return []
        assert self.office is not None
        return [
            ContentError(
                page.display,
                min(body_starts + 1, len(lines)),
                1,
                "",
                "the page is empty, so it would be published as a blank page",
                f"write the page: a title line (# {page.title or 'Your title'}) and your text "
                f"under it; or, if you do not need the page, delete the file and its "
                f"'- file: {page.uri}' entry under pages: in {self.office.document.display_name}",
            )
        ]

    def _error(self, path: DataPath, message: str, hint: str) -> ContentError:
        assert self.office is not None
        document = self.office.document
        location = document.locate(path)
        return ContentError(
            document.display_name, location.line, location.column, format_path(path), message, hint
        )

    # --- pages -------------------------------------------------------------------------------

    def apply(self, markdown: str, page: str, strip: bool = True) -> tuple[str, set[str]]:
        """A page's Markdown (after its macros ran) with hidden sections out, notes in and
        (``strip``) links to hidden things gone; and the ids of the items in its hidden
        sections."""
        if self.office is None:
            return markdown, set()
        if page not in self._pages_changed:
            return (self.strip_links(markdown, page) if strip else markdown), set()
        lines = markdown.split("\n")
        hidden_ids: set[str] = set()
        headings = page_headings(markdown)
        drop: set[int] = set()
        for number, heading in enumerate(headings):
            if not self.hides(page, heading.anchor) or heading.level < 2:
                continue
            end = next(
                (h.line - 1 for h in headings[number + 1 :] if h.level <= heading.level),
                len(lines),
            )
            section = range(heading.line - 1, end)
            drop.update(section)
            hidden_ids.update(ANCHOR.findall("\n".join(lines[i] for i in section)))
        inserts = self._note_inserts(page, headings, lines)
        kept: list[str] = []
        for index, line in enumerate(lines):
            if index in drop:
                continue
            kept.append(line)
            kept.extend(inserts.get(index, ()))
        if -1 in inserts:
            kept = [*inserts[-1], *kept]
        text = "\n".join(kept)
        return (self.strip_links(text, page) if strip else text), hidden_ids

    def _note_inserts(
        self, page: str, headings: list[Heading], lines: list[str]
    ) -> dict[int, list[str]]:
        """Lines to insert after a line index (-1: at the top) for this page's notes."""
        inserts: dict[int, list[str]] = {}
        for ref, notes in self.notes.items():
            if ref.page != page:
                continue
            if ref.section is None:
                title = next((h for h in headings if h.level == 1), None)
                after = title.line - 1 if title else after_front_matter(lines)
            else:
                heading = next((h for h in headings if h.anchor == ref.section), None)
                if heading is None:
                    continue
                after = heading.line - 1
            for index, text in notes:
                inserts.setdefault(after, []).extend(["", self.note_block(index, text), ""])
        return inserts

    def note_block(self, index: int, text: str) -> str:
        if index in self._note_blocks:
            return self._note_blocks[index]
        assert self.office is not None
        label = escape(f"A note from {self.office.short_name}")
        body = str(self.note_html(text)).strip()
        html = (
            f'<div class="admonition note office-note" role="note" '
            f'aria-labelledby="office-note-{index}">\n'
            f'<p class="admonition-title" id="office-note-{index}">{label}</p>\n'
            f"{body}\n</div>"
        )
        # One raw HTML block: no blank lines inside it.
        block = "\n".join(line for line in html.split("\n") if line.strip())
        self._note_blocks[index] = block
        return block

    def link_target(self, target: str, page: str) -> tuple[str, str | None] | None:
        """The page (and anchor) a relative link from ``page`` goes to; None for others."""
        if target.startswith("#") and len(target) > 1:
            return page, target[1:]
        if link_scheme(target) or target.startswith(("#", "/", "\\")) or "://" in target:
            return None
        path, _, anchor = target.partition("#")
        path = path.split("?")[0]
        if not path:
            return None
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        return resolved, anchor or None

    def link_hidden(self, target: str, page: str) -> bool:
        resolved = self.link_target(target, page)
        return resolved is not None and self.hides(*resolved)

    def strip_links(self, markdown: str, page: str) -> str:
        """Links to hidden pages and sections out of ``markdown``: a list item or a paragraph
        that is nothing but such links goes; any other such link becomes its plain text."""
        if not self.hidden or not any(word in markdown for word in self._link_words):
            return markdown
        lines = markdown.split("\n")
        out: list[str] = []
        index = 0
        in_fence = False
        while index < len(lines):
            line = lines[index]
            if FENCE.match(line):
                in_fence = not in_fence
            if in_fence or not LINK.search(line):
                out.append(line)
                index += 1
                continue
            end = block_end(lines, index)
            block = "\n".join(lines[index:end])
            links = list(LINK.finditer(block))
            hidden = [m for m in links if self.link_hidden(m.group("target"), page)]
            if hidden and len(hidden) == len(links) and only_links(block, LIST_ITEM.match(line)):
                index = end  # the whole item or paragraph was links to hidden pages
                continue
            unwrapped = LINK.sub(
                lambda m: m.group("text") if self.link_hidden(m.group("target"), page) else m[0],
                block,
            )
            out.extend(unwrapped.split("\n"))
            index = end
        return "\n".join(out)

    # --- the menu ----------------------------------------------------------------------------

    def nav(self, nav: Any) -> Any:
        """MkDocs' ``nav`` without hidden pages (and sections left empty), with local pages."""
        if nav is None or self.office is None:
            return nav
        result = without(nav, self.hidden_pages)
        for page in self.local_pages:
            entry: Any = {page.title: page.uri} if page.title else page.uri
            anchor = page.after or page.before
            if not (anchor and insert(result, anchor, entry, after=bool(page.after))):
                result.append(entry)
        return result


def _published_as(page: str) -> str:
    """Where the site publishes a page, ignoring capitals (a Mac's or Windows' files do):
    'faq.md' and 'FAQ/index.md' are both 'faq'; 'index.md' is ''."""
    stem = page.removesuffix(Path(page).suffix)
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem.casefold()


def _slug(text: str) -> str:
    """``text`` in lowercase letters, digits and hyphens: 'Talk to us' -> 'talk-to-us'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _display(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
