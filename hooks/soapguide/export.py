"""Export the guide as plain Markdown that any site generator can build (``make export``).

Material reaches end of life in 2027; this folder is where a second adapter starts, and what
``make bench`` builds with plain Material (no hooks, no overrides) as the floor our build is
measured against. It holds:

- ``docs/``: every page rendered (the macros' output in place, links between pages resolved),
  its front matter kept, plus ``assets:`` naming the bundles the page needs;
- the other files of ``docs/`` (stylesheets, scripts, images), copied as they are;
- ``mkdocs.yml``: the project's settings without the hooks and the theme overrides, with every
  bundle's stylesheets and scripts listed site-wide (a plain build cannot load them per page;
  every print stylesheet keeps its rules inside ``@media print``, so it stays paper-only).

With an advising office (office/), the export is the office's site: its site name, menu, logo
and colour stylesheet, its own pages, and none of the pages it hides.

What the export leaves out, because it lives in the theme overrides, not in the pages: the
review stamp under every page, the "check the current rules" banner and per-page asset links.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from .guide import BUNDLES, OFFICE_BUNDLE, SITE_BUNDLE, Guide, page_uri
from .overlay.colour import BRAND_STYLESHEET
from .render.pages import split_front_matter

# Settings that belong to our MkDocs adapter, not to the pages.
_ADAPTER_SETTINGS = ("hooks", "watch")


@dataclass(frozen=True)
class Export:
    folder: Path
    pages: tuple[str, ...]
    config: dict[str, Any]


def export_site(
    guide: Guide,
    sources: Mapping[str, str],
    docs_dir: Path,
    out: Path,
    config: Mapping[str, Any],
) -> Export:
    """Render ``sources`` (``{"docs/<path>": file text}``, in reading order; an office's own
    pages as ``office/pages/<file>``) with ``guide`` and write the export to ``out`` (emptied
    first). ``config`` is the project's mkdocs.yml."""
    guide.render_pages(sources)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(docs_dir, out / "docs", ignore=shutil.ignore_patterns("*.md", "__pycache__"))
    exported = []
    for name, text in sources.items():
        page = guide.pages.get(name)
        if page is None:  # a page the office hides
            continue
        exported.append(name)
        meta = dict(split_front_matter(text).meta)
        if "description" in meta:  # Material writes it into an attribute unescaped
            meta["description"] = str(escape(str(meta["description"])))
        meta.pop("assets", None)
        if page.assets.bundles:
            meta["assets"] = list(page.assets.bundles)
        target = out / "docs" / page_uri(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        target.write_text(f"---\n{head}---\n\n{page.markdown}", encoding="utf-8")
    plain = plain_config(config, office=bool(guide.office))
    _office_look(guide, out, plain)
    (out / "mkdocs.yml").write_text(
        "# Exported by `make export` (hooks/soapguide/export.py): the guide's pages already\n"
        "# rendered, for plain MkDocs + Material or any generator that reads mkdocs.yml.\n"
        + yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    return Export(out, tuple(exported), plain)


def _office_look(guide: Guide, out: Path, plain: dict[str, Any]) -> None:
    """The office's site name, menu, logo and brand colour in the export (nothing upstream)."""
    overlay = guide.overlay
    if overlay is None:
        return
    plain["site_name"] = guide.site_name
    if plain.get("nav") is not None:
        plain["nav"] = guide.page_changes.nav(plain["nav"])
    if overlay.logo_file is not None and overlay.logo_url:
        target = out / "docs" / overlay.logo_url
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(overlay.logo_file, target)
        plain["theme"] = {**plain["theme"], "logo": overlay.logo_url, "favicon": overlay.logo_url}
    css = guide.brand_css()
    if css:
        (out / "docs" / BRAND_STYLESHEET).write_text(css, encoding="utf-8")
        plain["extra_css"] = [*plain["extra_css"], BRAND_STYLESHEET]


def plain_config(config: Mapping[str, Any], office: bool = False) -> dict[str, Any]:
    """The project's settings for a plain build: no hooks, no theme overrides, every asset
    (the office's stylesheet too when there is an office)."""
    plain = {key: value for key, value in config.items() if key not in _ADAPTER_SETTINGS}
    plain["docs_dir"] = "docs"
    plain.pop("site_dir", None)
    theme = dict(plain.get("theme") or {})
    theme.pop("custom_dir", None)
    plain["theme"] = theme
    bundles = [SITE_BUNDLE, *([OFFICE_BUNDLE] if office else []), *BUNDLES.values()]
    css = [*(config.get("extra_css") or [])]
    css += [path for bundle in bundles for path in (*bundle.css, *bundle.print_css)]
    scripts = [path for bundle in bundles for path in bundle.js]
    plain["extra_css"] = list(dict.fromkeys(css))
    plain["extra_javascript"] = [
        *(config.get("extra_javascript") or []),
        *({"path": path, "defer": True} for path in dict.fromkeys(scripts)),
    ]
    return plain
