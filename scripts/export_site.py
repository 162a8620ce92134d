"""Write the guide as plain Markdown any site generator can build (`make export`).

Usage: python scripts/export_site.py [OUT]   (default: export/)

The pages come out rendered (macros' output in place), with the assets and a plain mkdocs.yml:
`mkdocs build -f OUT/mkdocs.yml` builds it with Material alone, no hooks. See
hooks/soapguide/export.py for what it holds and what it leaves out.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from check_content import markdown_settings, read_config  # noqa: E402
from soapguide.export import Export, export_site  # noqa: E402
from soapguide.guide import load_guide  # noqa: E402
from soapguide.read.errors import ContentErrors  # noqa: E402
from soapguide.render.templating import PageError  # noqa: E402
from soapguide.site import all_page_sources  # noqa: E402


def export(root: Path, out: Path) -> Export:
    """Load, check and render the project at ``root`` into ``out``; raises ContentErrors or
    PageError (with every problem) when it cannot."""
    config = read_config(root)
    guide = load_guide(root / "data", root, *markdown_settings(config))
    docs = root / config.get("docs_dir", "docs")
    sources = all_page_sources(guide, docs, guide.page_changes.nav(config.get("nav")))
    return export_site(guide, sources, docs, out, config)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "export"
    try:
        done = export(ROOT, out.resolve())
    except ContentErrors as error:
        print(error.report(), file=sys.stderr)
        return 1
    except PageError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Exported {len(done.pages)} pages to {done.folder}")
    print(f"Build it with plain MkDocs + Material: mkdocs build -f {done.folder}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
