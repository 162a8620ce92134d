"""Regenerate the item fields listed in schemas/office.schema.json from the data schemas.

    .venv/bin/python scripts/office_schema.py          # exit 1 and say so if it is out of date
    .venv/bin/python scripts/office_schema.py --write  # rewrite it

The build never depends on this file being current (it derives the fields itself); editors do,
for completion and hover help. tests/test_office_schema.py fails while it is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from soapguide.check.schemas import load_schemas  # noqa: E402
from soapguide.overlay.schema import with_item_fields  # noqa: E402

OFFICE_SCHEMA = ROOT / "schemas" / "office.schema.json"


def expected_text(root: Path = ROOT) -> str:
    schemas, _ = load_schemas(root / "schemas", root)
    office = json.loads((root / "schemas" / "office.schema.json").read_text("utf-8"))
    return json.dumps(with_item_fields(office, schemas), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    expected = expected_text()
    if OFFICE_SCHEMA.read_text("utf-8") == expected:
        print("schemas/office.schema.json is up to date")
        return 0
    if "--write" in argv:
        OFFICE_SCHEMA.write_text(expected, "utf-8")
        print("schemas/office.schema.json rewritten")
        return 0
    print(
        "schemas/office.schema.json is out of date: run "
        ".venv/bin/python scripts/office_schema.py --write",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
