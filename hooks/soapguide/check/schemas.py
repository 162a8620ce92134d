"""The JSON Schemas in ``schemas/``: which data files exist, and what each must contain.

``schemas/<stem>.schema.json`` describes ``data/<stem>.yml``, and nothing else is needed to add a
data file: a schema makes its data file required, and a data file without a schema is an error.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..read.errors import ContentError
from ..read.suggest import closest
from ..read.yaml_source import YamlDocument
from .schema_messages import SchemaMessages

SUFFIX = ".schema.json"
# Schemas that describe something other than a data file: office.schema.json is for an advising
# office's office/office.yml (read by the overlay stage; absent upstream).
NOT_DATA_SCHEMAS = frozenset({"office"})


def schema_paths(schemas_dir: Path) -> Iterator[tuple[str, Path]]:
    """``(stem, path)`` for every data file's schema, in name order."""
    for path in sorted(schemas_dir.glob(f"*{SUFFIX}")):
        stem = path.name.removesuffix(SUFFIX)
        if stem not in NOT_DATA_SCHEMAS:
            yield stem, path


def load_schemas(schemas_dir: Path, root: Path) -> tuple[dict[str, Any], list[ContentError]]:
    """Every schema that is valid JSON, by data-file stem.

    The schemas are not checked against the JSON Schema meta-schema here (that takes longer
    than the rest of the check together); the test suite does it, and ``schema_errors`` reports
    a schema that turns out to be broken.
    """
    schemas: dict[str, Any] = {}
    errors: list[ContentError] = []
    for stem, path in schema_paths(schemas_dir):
        try:
            schemas[stem] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            errors.append(
                ContentError(
                    display_path(path, root),
                    error.lineno,
                    error.colno,
                    "",
                    f"not valid JSON: {error.msg}",
                    "compare it with another file in schemas/",
                )
            )
    return schemas, errors


def check_data_files(
    data_dir: Path, root: Path, schemas_dir: Path, present: set[str]
) -> list[ContentError]:
    """Every data file has a schema, and every schema has its data file."""
    described = {stem for stem, _ in schema_paths(schemas_dir)}
    expected = ", ".join(f"{stem}.yml" for stem in sorted(described))
    errors: list[ContentError] = []
    for stem in sorted(present - described):
        close = closest(stem, described - present)
        hint = (
            f"did you mean {close[0]}.yml? Rename the file"
            if close
            else f"rename it to one of those, or describe it in schemas/{stem}{SUFFIX} "
            "(README.md, 'Adding a data file')"
        )
        errors.append(
            ContentError(
                display_path(data_dir / f"{stem}.yml", root),
                1,
                1,
                "",
                f"unknown data file '{stem}.yml'; expected one of: {expected}",
                hint,
            )
        )
    misnamed = {path.stem for path in data_dir.glob("*.yaml")}
    for stem in sorted(described - present - misnamed):
        errors.append(
            ContentError(
                display_path(data_dir / f"{stem}.yml", root),
                1,
                1,
                "",
                "the data file is missing; the guide needs it",
                f"restore data/{stem}.yml (schemas/{stem}{SUFFIX} describes what goes in it)",
            )
        )
    for path in sorted(data_dir.glob("*.yaml")):
        errors.append(
            ContentError(
                display_path(path, root),
                1,
                1,
                "",
                f"data files end in .yml, found '{path.name}'",
                f"rename it to {path.stem}.yml",
            )
        )
    return errors


def schema_errors(document: YamlDocument, schema: Any, schema_file: str) -> list[ContentError]:
    """Every way ``document`` breaks ``schema``, in the author's words.

    jsonschema is imported here, not at the top: a build whose content passed before skips the
    schemas (check/cache.py) and so never pays for importing it."""
    from jsonschema import Draft202012Validator as Validator

    try:
        validator = Validator(schema, format_checker=Validator.FORMAT_CHECKER)
        errors = list(validator.iter_errors(as_json(document.data)))
    except Exception as error:  # a broken schema (bad type name, $ref, pattern): no traceback
        return [_broken_schema(schema, error, schema_file)]
    return SchemaMessages(document).translate(errors)


def _broken_schema(schema: Any, error: Exception, schema_file: str) -> ContentError:
    """Describe a schema that cannot be used, in the meta-schema's words when it has some."""
    from jsonschema import Draft202012Validator as Validator
    from jsonschema.exceptions import SchemaError

    try:
        Validator.check_schema(schema)
    except SchemaError as invalid:
        error = invalid
    where = "/".join(str(part) for part in getattr(error, "absolute_path", ()))
    return ContentError(
        schema_file,
        1,
        1,
        where,
        f"not a valid JSON Schema: {getattr(error, 'message', error)}",
        "fix the schema (tests/test_schemas.py checks every schema)",
    )


def as_json(value: Any) -> Any:
    """YAML data as JSON Schema sees it: dates become the YYYY-MM-DD text an author wrote."""
    if isinstance(value, dict):
        return {key: as_json(child) for key, child in value.items()}
    if isinstance(value, list):
        return [as_json(child) for child in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def display_path(path: Path, root: Path) -> str:
    """``data/faq.yml`` for a file under ``root``; the full path otherwise."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
