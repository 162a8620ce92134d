"""Render each page's Markdown as a Jinja template with the guide's macros.

Jinja runs with autoescape (content can never inject markup) and StrictUndefined (a misspelt
macro or variable is an error naming the page and line, never an empty string in the site).
"""

from __future__ import annotations

import contextlib
import hashlib
import posixpath
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
)
from jinja2.runtime import Macro
from markupsafe import Markup

from ..check.text_policy import safe_url
from ..read.content import Content
from ..read.suggest import did_you_mean
from .assets import Bundle, UnknownBundleError, front_matter_bundles, merge
from .pages import PageSource, RenderedPage, split_front_matter
from .text import TextRenderer, fill_placeholders

# The render stage's own macros; later stages (printing, flow) add their template folders.
TEMPLATES = Path(__file__).parent / "templates"
# Where page sources live, by the name pages are rendered under: the guide's pages, and an
# advising office's own pages (soapguide.overlay). Both are served from the site's root.
PAGE_ROOTS = ("docs/", "office/pages/")
# What a page that calls them loads (assets.py): the macros of macros.html that place one of
# the guide's content sections, each on a page or two, bring their styles (content.css). The
# rest of macros.html (the rule, the script card, lists every kind of page shows) is styled by
# guide.css, which every page loads.
# SOAP's dates are a table with a class of its own, as the flow map is (tables.css).
TABLES_CSS = "assets/stylesheets/tables.css"
CONTENT_BUNDLES = {
    "content": Bundle(css=("assets/stylesheets/content.css",)),
    "tables": Bundle(css=(TABLES_CSS,)),
}
CONTENT_MACRO_BUNDLES = dict.fromkeys(
    (
        "answer_first",
        "can_and_cannot",
        "tone_examples",
        "phrasing",
        "checklist",
        "office_resources",
        "myths_table",
        "channel_list",
        "tailoring",
        "placeholder_list",
        # Pages place script cards of both phases at once (the flow, the print pages and the
        # builder show one phase per card, through their own macros).
        "all_script_cards",
        "script_card",
        "situations",
        "mistakes",
        "faq",
        "bottom_line",
        "source_note",
    ),
    "content",
) | {"soap_schedule": "tables"}
_BLANK_LINES = re.compile(r"\n\s*\n")
_ANCHOR = re.compile(r'\bid="([a-z0-9]+(?:-[a-z0-9]+)*)"')
# What item_href() writes while the pages are rendered; replaced by the real link once every
# page is rendered and it is known which page shows the item. Ids never contain "--".
_LINK = re.compile(r"#soapguide--([a-z0-9]+(?:-[a-z0-9]+)*)--")
# A link to the page that shows an anchor (page_href): the whole <a> element, so that it can be
# dropped when no page shows the anchor (a fork hid that page).
_PAGE_LINK = re.compile(
    r'<a\b[^>]*\bhref="soapguide-page--([a-z0-9]+(?:-[a-z0-9]+)*)--([^"]*)"[^>]*>.*?</a>', re.S
)


class PageError(Exception):
    """A page template could not be rendered; the message names the page and line."""


def _compact(html: str) -> Markup:
    """Macro HTML as one raw-HTML block: no leading indentation (Markdown would read it as
    code) and no blank lines (Markdown would end the HTML block there)."""
    lines = (line.strip() for line in str(html).splitlines())
    return Markup("\n".join(line for line in lines if line))


def _as_block(macro: Macro, note: Callable[[str], None]) -> Callable[..., Markup]:
    def call(*args: Any, **kwargs: Any) -> Markup:
        note(macro.name)
        return _compact(macro(*args, **kwargs))

    call.__name__ = macro.name
    return call


class ItemLookupError(LookupError):
    pass


class CompiledMacros(FileSystemBytecodeCache):
    """The macro files and the pages, compiled, kept between builds: compiling them costs more
    than all the rest of our setup. Jinja keeps them per user in the system temp folder and
    recompiles a file whose source changed; the key also covers the environment's settings,
    filters and Jinja's version, which change the compiled code without changing the source.
    A build keeps them under its project instead (``directory``: .cache/soapguide/jinja), with
    the build's other caches."""

    def __init__(self, env: Environment, directory: Path | None = None):
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory) if directory is not None else None)
        settings = (
            jinja2.__version__,
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.undefined.__name__,
            sorted(env.filters),
            sorted(env.tests),
        )
        self.fingerprint = repr(settings)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.fingerprint}|{name}|{filename}".encode()).hexdigest()


class GuideRenderer:
    """One Jinja environment per build, holding the content and the macros.

    Every ``*.html`` file in the template folders is a macro file; each public macro becomes a
    global that pages call by name. Macro names must therefore be unique across the files.

    Each page is rendered once per build (render_page_once); links to items on other pages are
    filled in afterwards (resolve_links), when every page has been seen. ``macro_bundles``
    names the asset bundle (see assets.py) the HTML of each macro file, or of one macro, needs.
    """

    def __init__(
        self,
        content: Content,
        text: TextRenderer,
        extra_globals: Mapping[str, Any] | None = None,
        extra_filters: Mapping[str, Callable[..., Any]] | None = None,
        directory_urls: bool = True,
        template_dirs: Sequence[Path] = (),
        bundles: Mapping[str, Bundle] | None = None,
        macro_bundles: Mapping[str, str] | None = None,
        removed: Mapping[str, str] | None = None,
        compiled_dir: Path | None = None,
        keep_compiled: bool = True,
    ):
        """``compiled_dir``: where compiled templates are kept (None: the system temp folder);
        ``keep_compiled`` False compiles every template every time."""
        self.content = content
        self.text = text
        self.directory_urls = directory_urls
        self.bundles = dict(bundles or {})
        # Keys: a macro file ("print.html": each of its macros) or a macro name (that macro).
        self.macro_bundles = dict(macro_bundles or {})
        self._bundle_of: dict[str, str] = {}
        # Where each item id is shown: the first page (in reading order) with an element of
        # that id. Filled by collect_anchors() once every page is rendered.
        self.anchors: dict[str, str] | None = None
        # Ids shown only on pages or sections an office hides: links to them are left out.
        self.hidden_ids: set[str] = set()
        # The ids each page asked linked() about (a page that asked about an id found hidden
        # later is rendered again: see Guide.render_pages).
        self.asked: dict[str, set[str]] = {}
        # Ids an office removed, and where (office/office.yml:12), for a clearer lookup error.
        self.removed: Mapping[str, str] = removed or {}
        self._page: str | None = None
        self._template: Template | None = None
        self._called: set[str] = set()
        # The page line of each item_href() call on the page being rendered, for errors.
        self._link_lines: dict[str, int | str] = {}
        self._items: dict[str, dict[str, Any]] = {}
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
        # Without a private folder to keep them in, the templates are compiled every time.
        if keep_compiled:
            with contextlib.suppress(RuntimeError, OSError):
                self.env.bytecode_cache = CompiledMacros(self.env, compiled_dir)
        self.env.globals.update(
            data={name: content[name] for name in content.documents},
            item=self.item,
            item_href=self.item_href,
            page_href=self.page_href,
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
                    self.macros[name] = _as_block(value, self._called.add)
                    bundle = self.macro_bundles.get(name, self.macro_bundles.get(macro_file))
                    if bundle:
                        self._bundle_of[name] = bundle
        self.env.globals.update(self.macros)

    def item(self, file: str, item_id: str) -> Any:
        """The item with ``item_id`` in ``data/<file>.yml``; a clear error if there is none."""
        if file not in self.content:
            raise ItemLookupError(f"there is no data file data/{file}.yml")
        if file not in self._items:  # an index, so that a lookup costs the same at any size
            items = self.content.items_with_ids(file)
            self._items[file] = {str(item["id"]): item for _, item in reversed(list(items))}
        if item_id in self._items[file]:
            return self._items[file][item_id]
        if item_id in self.removed:
            raise ItemLookupError(
                f"the item '{item_id}' of data/{file}.yml is removed ({self.removed[item_id]}) "
                "but this page still shows it — keep the item, or hide this page or section "
                "(hide: in office.yml)"
            )
        known = sorted(self.content.ids(file))
        suggestion = did_you_mean(item_id, known)
        hint = f" — {suggestion}" if suggestion else ""
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
        ids = [str(item_id) for item_id in item_ids]
        self.asked.setdefault(self._page or "", set()).update(ids)
        return [item_id for item_id in ids if item_id not in self.hidden_ids]

    def asked_about_hidden(self) -> set[str]:
        """Pages that asked linked() about an id now known to be hidden."""
        return {page for page, ids in self.asked.items() if ids & self.hidden_ids}

    def item_href(self, item_id: str) -> str:
        """A link to the item's anchor on the page that shows it. Written as a marker that
        resolve_links() replaces, since the page that shows an item may not be rendered yet."""
        self._link_lines.setdefault(str(item_id), self._call_line())
        return f"#soapguide--{item_id}--"

    def _call_line(self) -> int | str:
        """The line of the page being rendered that is running now (for error messages)."""
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self._page and self._template is not None:
                return self._template.get_corresponding_lineno(frame.f_lineno)
            frame = frame.f_back
        return "?"

    def resolve_links(self, page: RenderedPage, link_lines: Mapping[str, int | str]) -> str:
        """``page.markdown`` with each item link pointing at the page that shows the item.
        Before any anchors are collected, a link is just '#id' (the item on the same page)."""
        self._page = page.name

        def link(match: re.Match[str]) -> str:
            item_id = match.group(1)
            try:
                return self._href(item_id)
            except ItemLookupError as error:
                line = link_lines.get(item_id, "?")
                raise PageError(f"{page.name}:{line}: {error}") from None

        def page_link(match: re.Match[str]) -> str:
            target = self.page_href_now(match.group(1))
            if target is None:
                return ""
            return match.group(0).replace(f"soapguide-page--{match.group(1)}--", target, 1)

        return _PAGE_LINK.sub(page_link, _LINK.sub(link, page.markdown))

    def _href(self, item_id: str) -> str:
        if self.anchors is None:
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
        return f"{self._relative_url(page)}#{item_id}"

    def page_href(self, anchor_id: str) -> str:
        """A link from the page being rendered to the page that shows ``anchor_id``, without
        the fragment. Written as a marker that resolve_links() replaces once every page is
        rendered; the whole link is dropped there when no page shows the anchor, so a page
        that a fork hides leaves no broken link behind."""
        return f"soapguide-page--{anchor_id}--"

    def page_href_now(self, anchor_id: str) -> str | None:
        """The relative URL of the page showing ``anchor_id`` from the page being resolved."""
        page = (self.anchors or {}).get(anchor_id)
        if page is None:
            return None
        return self._relative_url(page) or "./"

    def _relative_url(self, page: str) -> str:
        here = self.page_url(self._page or "docs/index.md")
        target = self.page_url(page)
        if not self.directory_urls:
            return posixpath.relpath(target, posixpath.dirname(here) or ".")
        relative = posixpath.relpath(target or ".", here.rstrip("/") or ".")
        return "" if relative == "." else relative + "/"

    def page_url(self, page_name: str) -> str:
        """The site URL (relative to the site root) of ``docs/<name>.md`` (or an office's
        ``office/pages/<name>.md``)."""
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
        """Render one page's Markdown body (no front matter), links resolved with the anchors
        known so far; raise PageError naming page and line."""
        page, link_lines = self.render_page_once(source, page_name, front_matter=False)
        return self.resolve_links(page, link_lines)

    def render_page_once(
        self,
        text: str,
        page_name: str,
        extra_bundles: Iterable[str] = (),
        front_matter: bool = True,
    ) -> tuple[RenderedPage, dict[str, int | str]]:
        """Render a page file's text (front matter and all, unless ``front_matter`` is False)
        with its item links still markers; return the page and the line of each link, for
        resolve_links(). Lines in errors are lines of the file."""
        source = split_front_matter(text) if front_matter else PageSource({}, text, 1)
        skipped = source.first_line - 1
        self._page = page_name
        self._called.clear()
        self._link_lines = {}
        try:
            # The body, moved down to its place in the file, so that Jinja's lines are the file's.
            padded = "\n" * skipped + source.body
            code = self._compiled(padded, page_name)
            self._template = self.env.template_class.from_code(
                self.env, code, self.env.make_globals(None)
            )
            markdown = self._template.render()
            pad = "\n" * skipped
            markdown = markdown[skipped:] if markdown.startswith(pad) else markdown.lstrip("\n")
        except TemplateError as error:
            raise PageError(self._describe(error, page_name)) from error
        except ItemLookupError as error:
            raise PageError(f"{page_name}:{_template_line(error, page_name)}: {error}") from error
        finally:
            self._template = None
        try:
            named = front_matter_bundles(source.meta.get("assets"))
            bundles = {self._bundle_of[m] for m in self._called if m in self._bundle_of}
            assets = merge([*bundles, *named, *extra_bundles], self.bundles)
        except UnknownBundleError as error:
            raise PageError(f"{page_name}:{_meta_line(text, 'assets')}: {error}") from None
        return RenderedPage(page_name, source.body, markdown, assets), dict(self._link_lines)

    def _compiled(self, source: str, page_name: str) -> Any:
        """The page's template code, kept between builds with the macros' (CompiledMacros):
        a page whose source is unchanged is not compiled again."""
        cache = self.env.bytecode_cache
        if cache is None:
            return self.env.compile(source, name=page_name, filename=page_name)
        bucket = cache.get_bucket(self.env, page_name, page_name, source)
        if bucket.code is None:
            bucket.code = self.env.compile(source, name=page_name, filename=page_name)
            cache.set_bucket(bucket)
        return bucket.code

    def _describe(self, error: TemplateError, page_name: str) -> str:
        line = getattr(error, "lineno", None) or _template_line(error, page_name)
        message = str(error.message if hasattr(error, "message") else error)
        hint = ""
        undefined = re.match(r"'([^']+)' is undefined", message)
        if undefined:
            suggestion = did_you_mean(undefined.group(1), self.env.globals)
            hint = (
                f" — {suggestion}"
                if suggestion
                else (" — check the spelling; the macros are: " + ", ".join(sorted(self.macros)))
            )
        return f"{page_name}:{line}: {message}{hint}"


def _meta_line(text: str, key: str) -> int | str:
    """The line of ``key:`` in a page's front matter."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return "?"


def _template_line(error: BaseException, page_name: str) -> int | str:
    """The page line the error happened on, from Jinja's rewritten traceback."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == page_name:
            return frame.lineno or "?"
    return "?"
