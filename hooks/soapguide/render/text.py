"""Render content text (Markdown) to HTML that cannot carry script into the page.

Authors write Markdown, never HTML. The text goes through the project's own Markdown settings,
then through nh3 (the Rust ``ammonia`` sanitizer), which keeps a short list of formatting tags,
drops every other tag, every event-handler attribute and every non-http(s)/mailto/tel URL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import markdown
import nh3
from markupsafe import Markup, escape

from ..check.text_policy import SAFE_SCHEMES

if TYPE_CHECKING:
    from .text_store import ConvertedTexts

ALLOWED_TAGS = {"a", "abbr", "b", "br", "code", "em", "i", "li", "ol", "p", "strong", "ul"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = set(SAFE_SCHEMES)
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# Extensions of the site's that act only on what content text never has, and are left out of
# it: raw HTML blocks (md_in_html parses every text as HTML to find them) and headings (toc). The
# sanitizer drops both kinds of output anyway; leaving them out makes each text about three
# times cheaper to convert (bench/RESULTS.md, build cost).
PAGE_ONLY_EXTENSIONS = frozenset({"md_in_html", "toc"})


def text_extensions(extensions: list[Any]) -> list[Any]:
    """The site's Markdown extensions without PAGE_ONLY_EXTENSIONS (named by their module, as
    in mkdocs.yml, or given as objects)."""

    def name(extension: Any) -> str:
        module = extension if isinstance(extension, str) else type(extension).__module__
        return module.rsplit(".", 1)[-1]

    return [extension for extension in extensions if name(extension) not in PAGE_ONLY_EXTENSIONS]


# Built once: nh3.clean() would rebuild these rules for every text.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
)


def sanitize(html: str) -> str:
    return _CLEANER.clean(html)


class TextRenderer:
    """Markdown -> safe HTML for content text, with the site's Markdown extensions. With a
    ``store``, text an earlier build converted is taken from it (render/text_store.py)."""

    def __init__(
        self,
        extensions: list[Any] | None = None,
        configs: Mapping[str, Any] | None = None,
        store: ConvertedTexts | None = None,
    ):
        chosen = text_extensions(list(extensions or []))
        names = {e for e in chosen if isinstance(e, str)}
        self._markdown = markdown.Markdown(
            extensions=chosen,
            extension_configs={k: v for k, v in dict(configs or {}).items() if k in names},
        )
        # The same text is shown on several pages (a script on its page, its print card and in
        # the flow): convert each text once per build.
        self._converted: dict[str, Markup] = {}
        self.store = store

    def block(self, text: object) -> Markup:
        """Paragraphs and lists."""
        source = str(text)
        html = self._converted.get(source)
        if html is None:
            stored = self.store.get(source) if self.store is not None else None
            html = Markup(stored) if stored is not None else self._convert(source)
            self._converted[source] = html
        return html

    def _convert(self, source: str) -> Markup:
        self._markdown.reset()
        html = Markup(sanitize(self._markdown.convert(source))).strip()
        if self.store is not None:
            self.store.add(source, str(html))
        return html

    def save(self) -> None:
        """Keep this build's conversions for the next (when there is a store)."""
        if self.store is not None:
            self.store.save()

    def inline(self, text: object) -> Markup:
        """One line of text, without the surrounding paragraph."""
        html = self.block(text)
        match = re.fullmatch(r"<p>(.*)</p>", str(html), flags=re.DOTALL)
        return Markup(match.group(1)) if match and "<p>" not in match.group(1) else html


def fill_placeholders(html: Markup, labels: Mapping[str, str]) -> Markup:
    """Turn ``{applicant_name}`` into a visible, labelled blank a reader (or a script) can fill."""

    def blank(match: re.Match[str]) -> str:
        name = match.group(1)
        label = labels.get(name, name.replace("_", " "))
        return str(
            Markup('<span class="blank" data-placeholder="{}">{}</span>').format(name, label)
        )

    return Markup(PLACEHOLDER.sub(blank, str(html)))


def plain(text: object) -> str:
    """Escape for attributes and other places where no Markdown is wanted."""
    return str(escape(str(text)))
