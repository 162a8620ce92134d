"""The parts of ``schemas/office.schema.json`` that follow from the data schemas.

A ``replace:`` or ``add:`` entry holds the fields of a guide item, spelt as in its data file. The
office schema lists every field any item may have (so an editor completes them and explains
each on hover), and the build checks an entry against the exact schema of the list it lands in.
``scripts/office_schema.py --write`` regenerates the listed fields after a data schema changes;
the build itself always uses fields freshly derived from the data schemas, so a new data field
is never rejected for want of a regenerated file.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ..read.yaml_source import DataPath

ID = {
    "type": "string",
    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "patternErrorMessage": (
        "Use lowercase letters, digits and single hyphens, like call-when-invited."
    ),
}
# Fields of a replace: or add: entry that are not item fields.
ENTRY_FIELDS: dict[str, dict[str, Any]] = {
    "replace": {
        "id": {
            **ID,
            "description": "The id of the item to change, as written in data/ (for example "
            "how-long in data/faq.yml).",
        },
    },
    "add": {
        "after": {
            **ID,
            "description": "Put the new item right after the item with this id, in the same list.",
        },
        "before": {
            **ID,
            "description": "Put the new item right before the item with this id, in the same list.",
        },
        "id": {
            **ID,
            "description": "The new item's id: lowercase letters, digits and single hyphens, "
            "unique across the guide. Flow outcomes start with o-, questions with q-.",
        },
    },
}
# Words about a field, not rules: fields that differ only in these are the same field.
_WORDS = ("patternExpected", "patternErrorMessage")
_NOT_COMPARED = ("description", "title", *_WORDS)
_TEXT = {"type": "string", "minLength": 1, "pattern": "\\S"}


def id_lists(schema: Any, path: DataPath = ()) -> list[tuple[DataPath, dict[str, Any]]]:
    """``(path of the list, schema of its items)`` for every list of items with ids; a path
    uses ``0`` for "any item" of an outer list."""
    found: list[tuple[DataPath, dict[str, Any]]] = []
    if not isinstance(schema, Mapping):
        return found
    if schema.get("type") == "array" and isinstance(schema.get("items"), Mapping):
        items = schema["items"]
        if "id" in items.get("properties", {}):
            found.append((path, items))
        found += id_lists(items, (*path, 0))
    for key, child in schema.get("properties", {}).items():
        found += id_lists(child, (*path, key))
    return found


def item_schema_at(schema: Any, list_path: DataPath) -> dict[str, Any] | None:
    """The schema of the items of the list at ``list_path`` (indices of outer lists ignored)."""
    node = schema
    for part in list_path:
        if not isinstance(node, Mapping):
            return None
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
    if isinstance(node, Mapping) and isinstance(node.get("items"), Mapping):
        return dict(node["items"])
    return None


def item_fields(data_schemas: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every field an item with an id may have, across all data schemas (``id`` apart): the
    field's own schema where all its uses agree, else only what they share."""
    uses: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for stem in sorted(data_schemas):
        for _, items in id_lists(data_schemas[stem]):
            for field, subschema in items.get("properties", {}).items():
                if field != "id":
                    uses.setdefault(field, []).append((stem, subschema))
    fields = {}
    for field in sorted(uses):
        stems = sorted({stem for stem, _ in uses[field]})
        shapes = [{k: v for k, v in s.items() if k not in _NOT_COMPARED} for _, s in uses[field]]
        first = uses[field][0][1]
        if all(shape == shapes[0] for shape in shapes):
            shape = copy.deepcopy(shapes[0])
        elif len({shape.get("type") for shape in shapes}) == 1 and shapes[0].get("type"):
            shape = dict(_TEXT) if shapes[0]["type"] == "string" else {"type": shapes[0]["type"]}
        else:
            shape = {}
        where = ", ".join(f"data/{stem}.yml" for stem in stems)
        descriptions = {s.get("description", "").strip() for _, s in uses[field]}
        description = (
            descriptions.pop()
            if len(descriptions) == 1
            else f"The item's '{field}', written as in its data file."
        )
        fields[field] = {"description": f"{description} (Items in {where}.)", **shape}
        if "pattern" in shape and shape["pattern"] == first.get("pattern"):
            fields[field].update({word: first[word] for word in _WORDS if word in first})
    return fields


def with_item_fields(office_schema: Any, data_schemas: Mapping[str, Any]) -> dict[str, Any]:
    """``office_schema`` with its replace: and add: entries listing the current item fields
    (a new schema: the parts it changes are copied, the rest shared and left as they are)."""
    fields = item_fields(data_schemas)
    properties = dict(office_schema["properties"])
    for key, own in ENTRY_FIELDS.items():
        entries = dict(properties[key])
        entries["items"] = {**entries["items"], "properties": {**own, **fields}}
        properties[key] = entries
    return {**office_schema, "properties": properties}
