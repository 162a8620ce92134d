"""Render each page's Markdown as a Jinja template with the guide's macros.

Jinja runs with autoescape (content can never inject markup) and StrictUndefined (a misspelt
macro or variable is an error naming the page and line, never an empty string in the site).
"""

from __future__ import annotations

import difflib
import posixpath
import re
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.runtime import Macro
from markupsafe import Markup

from ..check.text_policy import safe_url
from ..read.content import Content
from .text import TextRenderer, fill_placeholders

# The render stage's own macros; later stages (printing, flow) add their template folders.
TEMPLATES = Path(__file__).parent / "templates"
# Where page sources live, by the name pages are rendered under: the guide's pages, and an
# advising office's own pages (soapguide.overlay). Both are served from the site's root.
PAGE_ROOTS = ("docs/", "office/pages/")
_BLANK_LINES = re.compile(r"\n\s*\n")
_ANCHOR = re.compile(r'\bid="([a-z0-9]+(?:-[a-z0-9]+)*)"')


class PageError(Exception):
    """A page template could not be rendered; the message names the page and line."""


def _compact(html: str) -> Markup:
    """Macro HTML as one raw-HTML block: no leading indentation (Markdown would read it as
    code) and no blank lines (Markdown would end the HTML block there)."""
    lines = (line.strip() for line in str(html).splitlines())
    return Markup("\n".join(line for line in lines if line))


def _as_block(macro: Macro) -> Callable[..., Markup]:
    def call(*args: Any, **kwargs: Any) -> Markup:
        return _compact(macro(*args, **kwargs))

    call.__name__ = macro.name
    return call


class ItemLookupError(LookupError):
    pass


class GuideRenderer:
    """One Jinja environment per build, holding the content and the macros.

    Every ``*.html`` file in the template folders is a macro file; each public macro becomes a
    global that pages call by name. Macro names must therefore be unique across the files.
    """

    def __init__(
        self,
        content: Content,
        text: TextRenderer,
        extra_globals: Mapping[str, Any] | None = None,
        extra_filters: Mapping[str, Callable[..., Any]] | None = None,
        directory_urls: bool = True,
        template_dirs: Sequence[Path] = (),
        removed: Mapping[str, str] | None = None,
    ):
        self.content = content
        self.text = text
        self.directory_urls = directory_urls
        # Where each item id is shown: the first page (in reading order) with an element of
        # that id. Filled by collect_anchors() after a first rendering of every page.
        self.anchors: dict[str, str] = {}
        # Ids shown only on pages or sections an office hides: links to them are left out.
        self.hidden_ids: set[str] = set()
        # Ids an office removed, and where (office/office.yml:12), for a clearer lookup error.
        self.removed: Mapping[str, str] = removed or {}
        self._page: str | None = None
        self.env = Environment(
            loader=FileSystemLoader([TEMPLATES, *template_dirs]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=text.block,
            mdi=text.inline,
            script=self.script_text,
            url=safe_url,
            linked=self.linked,
        )
        self.env.filters.update(extra_filters or {})
        self.env.globals.update(
            data={name: content[name] for name in content.documents},
            item=self.item,
            item_href=self.item_href,
            **(extra_globals or {}),
        )
        self.macros: dict[str, Callable[..., Markup]] = {}
        macro_files = {
            path.name for folder in (TEMPLATES, *template_dirs) for path in folder.glob("*.html")
        }
        for macro_file in sorted(macro_files):
            module = self.env.get_template(macro_file).module
            for name in dir(module):
                value = getattr(module, name)
                if isinstance(value, Macro) and not name.startswith("_"):
                    self.macros[name] = _as_block(value)
        self.env.globals.update(self.macros)

    def item(self, file: str, item_id: str) -> Any:
        """The item with ``item_id`` in ``data/<file>.yml``; a clear error if there is none."""
        if file not in self.content:
            raise ItemLookupError(f"there is no data file data/{file}.yml")
        for _, item in self.content.items_with_ids(file):
            if item["id"] == item_id:
                return item
        if item_id in self.removed:
            raise ItemLookupError(
                f"the item '{item_id}' of data/{file}.yml is removed ({self.removed[item_id]}) "
                "but this page still shows it — keep the item, or hide this page or section "
                "(hide: in office.yml)"
            )
        known = sorted(self.content.ids(file))
        close = difflib.get_close_matches(item_id, known, n=1)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        raise ItemLookupError(f"no item with id '{item_id}' in data/{file}.yml{hint}")

    def collect_anchors(self, rendered: Mapping[str, str], hidden: Iterable[str] = ()) -> None:
        """Remember which page shows each id, from every page's rendered source: the first
        page, in the order given (the adapter gives them in reading order), that has it.
        ``hidden``: rendered text an office hides (pages, sections); ids found only there are
        left out of links rather than reported as shown nowhere."""
        anchors: dict[str, str] = {}
        for page_name in rendered:
            for anchor in _ANCHOR.findall(rendered[page_name]):
                anchors.setdefault(anchor, page_name)
        self.anchors = anchors
        self.hidden_ids = {
            anchor for text in hidden for anchor in _ANCHOR.findall(text) if anchor not in anchors
        }

    def linked(self, item_ids: Iterable[str]) -> list[str]:
        """The ids that can be linked to: all but those shown only where an office hides."""
        return [item_id for item_id in item_ids if item_id not in self.hidden_ids]

    def item_href(self, item_id: str) -> str:
        """A link from the page being rendered to the item's anchor on the page that shows it.
        Before the anchors are collected (the first, checking render) it is just '#id'."""
        if not self.anchors:
            return f"#{item_id}"
        page = self.anchors.get(item_id)
        if page is None:
            raise ItemLookupError(
                f"no page shows the item '{item_id}', so the link to it would be broken — "
                "show the item on a page (restore the page or the macro that shows it), or "
                "remove the link"
            )
        if page == self._page:
            return f"#{item_id}"
        here = self.page_url(self._page or "docs/index.md")
        target = self.page_url(page)
        if not self.directory_urls:
            return f"{posixpath.relpath(target, posixpath.dirname(here) or '.')}#{item_id}"
        relative = posixpath.relpath(target or ".", here.rstrip("/") or ".")
        return f"{'' if relative == '.' else relative + '/'}#{item_id}"

    def page_url(self, page_name: str) -> str:
        """The site URL (relative to the site root) of ``docs/<name>.md``."""
        name = page_name
        for root in PAGE_ROOTS:
            name = name.removeprefix(root)
        name = name.removesuffix(".md")
        if not self.directory_urls:
            return f"{name}.html"
        if name == "index" or name.endswith("/index"):
            return name.removesuffix("index")
        return f"{name}/"

    def script_text(self, text: object) -> Markup:
        labels = {p["name"]: p["label"] for p in self.content["scripts"]["placeholders"]}
        return fill_placeholders(self.text.inline(text), labels)

    def render_page(self, source: str, page_name: str) -> str:
        """Render one page's Markdown source; raise PageError naming page and line."""
        self._page = page_name
        try:
            code = self.env.compile(source, name=page_name, filename=page_name)
            template = self.env.template_class.from_code(
                self.env, code, self.env.make_globals(None)
            )
            return template.render()
        except TemplateError as error:
            raise PageError(self._describe(error, page_name)) from error
        except ItemLookupError as error:
            raise PageError(f"{page_name}:{_template_line(error, page_name)}: {error}") from error

    def _describe(self, error: TemplateError, page_name: str) -> str:
        line = getattr(error, "lineno", None) or _template_line(error, page_name)
        message = str(error.message if hasattr(error, "message") else error)
        hint = ""
        undefined = re.match(r"'([^']+)' is undefined", message)
        if undefined:
            close = difflib.get_close_matches(undefined.group(1), list(self.env.globals), n=1)
            hint = (
                f" — did you mean '{close[0]}'?"
                if close
                else (" — check the spelling; the macros are: " + ", ".join(sorted(self.macros)))
            )
        return f"{page_name}:{line}: {message}{hint}"


def _template_line(error: BaseException, page_name: str) -> int | str:
    """The page line the error happened on, from Jinja's rewritten traceback."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == page_name:
            return frame.lineno or "?"
    return "?"
