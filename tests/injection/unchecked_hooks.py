"""Test-only MkDocs hooks: the real adapter, with data/ loaded WITHOUT validation.

The injection tests build a site from hostile data that the validator would reject, to prove
that rendering alone (Markdown, the nh3 sanitizer, Jinja autoescape, the |url filter) keeps it
inert. The real site never uses this file: mkdocs.yml names hooks/mkdocs_hooks.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file from the root of a project copy; the engine is in its hooks/ folder.
sys.path.insert(0, str(Path(__file__).resolve().parent / "hooks"))

import mkdocs_hooks  # noqa: E402
from soapguide.guide import guide_for  # noqa: E402
from soapguide.read.content import Content  # noqa: E402
from soapguide.read.yaml_source import load_yaml  # noqa: E402


def unchecked_content(data_dir: Path) -> Content:
    documents = {}
    for path in sorted(data_dir.glob("*.yml")):
        document, problems = load_yaml(path, path.name)
        assert document is not None and not problems, problems
        documents[path.stem] = document
    return Content(documents)


# Every other hook of the real adapter, as it is (MkDocs looks them up by name), except the
# PDF downloads: printed from the same HTML pages these tests check, and the long hostile text
# would not fit on the cards.
globals().update(
    {
        name: getattr(mkdocs_hooks, name)
        for name in dir(mkdocs_hooks)
        if name.startswith("on_") and name != "on_post_build"
    }
)


def on_config(config):
    root = Path(config.config_file_path).parent
    today = mkdocs_hooks._today()  # SOAPGUIDE_TODAY, as the real adapter reads it
    guide = guide_for(
        unchecked_content(root / "data"), config.markdown_extensions, config.mdx_configs, today
    )
    mkdocs_hooks._state["guide"] = guide
    mkdocs_hooks.theme_settings(config, guide, today)
    return config
