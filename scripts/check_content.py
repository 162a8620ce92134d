"""Check data/, the office overlay (office/, when present) and every page without building the
site (`make check`, also run in CI).

Prints "data/: N files OK" and "docs/: N pages OK" (and a line for the office) and exits 0, or
prints every problem (worded for a check: it builds nothing) and exits 1. It runs the same
engine, schemas, Markdown settings and site-wide checks (soapguide.site: every page rendered as
the build renders it, the menu, links between pages) as `mkdocs build`, but not MkDocs itself:
loading MkDocs' configuration (theme, plugins) would take longer than the whole check. The one
check it leaves to the build is the PDFs' fit on paper, which needs Chromium.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from soapguide.guide import load_guide  # noqa: E402
from soapguide.read.errors import ContentErrors  # noqa: E402
from soapguide.render.templating import PageError  # noqa: E402
from soapguide.site import check_site  # noqa: E402

# MkDocs always puts these first in the Markdown extension list.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: ``!!python/name:`` is imported and ``!ENV`` read from the environment
    as MkDocs does (pyyaml-env-tag, MkDocs' own dependency); other tags (``!relative``) are
    read as their plain value."""


def _python_name(loader: ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _plain(loader: ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
ConfigLoader.add_multi_constructor("!", _plain)
ConfigLoader.add_constructor("!ENV", construct_env_tag)


def read_config(root: Path) -> dict[str, Any]:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), ConfigLoader) or {}


def markdown_settings(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The extension names and their options, in the order MkDocs gives them to Markdown."""
    names, options = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if settings:
            options[name] = settings
    return names, options


def check(root: Path) -> tuple[bool, str]:
    """(passed, report) for the project at ``root``."""
    config = read_config(root)
    extensions, options = markdown_settings(config)
    try:
        guide = load_guide(
            root / "data",
            root,
            extensions,
            options,
            directory_urls=config.get("use_directory_urls", True),
        )
    except ContentErrors as error:
        return False, error.report(building=False)
    docs = root / config.get("docs_dir", "docs")
    try:
        site = check_site(guide, docs, config.get("nav"), root / "mkdocs.yml", building=False)
    except PageError as error:
        return False, str(error)
    guide_pages = [name for name in site.pages if name.startswith("docs/")]
    lines = [
        f"data/: {len(guide.content.documents)} files OK",
        f"docs/: {len(guide_pages)} pages OK",
    ]
    if guide.overlay is not None:
        own = len(site.pages) - len(guide_pages)
        lines.append(
            f"{guide.overlay.display_folder}/: {guide.overlay.name}, {guide.site_name} "
            f"({own} page{'s' if own != 1 else ''} of its own) OK"
        )
    return True, "\n".join(lines)


def main() -> int:
    passed, report = check(ROOT)
    print(report, file=sys.stdout if passed else sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
