"""schemas/office.schema.json lists, for editors, every field a replace: or add: entry may
have: the fields of the guide's items, derived from the data schemas. It must be regenerated
when a data schema changes (the build itself always derives them afresh)."""

from __future__ import annotations

import json

from office_schema import OFFICE_SCHEMA, expected_text
from soapguide.check.schemas import load_schemas
from soapguide.overlay.schema import ENTRY_FIELDS, id_lists

from tests.scenario import REPO


def test_the_office_schema_lists_the_current_item_fields():
    assert OFFICE_SCHEMA.read_text("utf-8") == expected_text(), (
        "schemas/office.schema.json is out of date with the data schemas: run "
        ".venv/bin/python scripts/office_schema.py --write and review the diff"
    )


def test_every_field_of_every_item_can_be_replaced_or_added():
    schemas, _ = load_schemas(REPO / "schemas", REPO)
    office = json.loads(OFFICE_SCHEMA.read_text("utf-8"))
    for entry in ENTRY_FIELDS:
        listed = set(office["properties"][entry]["items"]["properties"])
        for stem, schema in schemas.items():
            for path, items in id_lists(schema):
                missing = set(items["properties"]) - listed
                assert not missing, f"{entry}: data/{stem}.yml {path}: {missing}"
