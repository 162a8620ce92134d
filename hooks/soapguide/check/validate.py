"""Validate loaded content: the set of data files; each file against its schema and the
per-file checks; then the cross-file checks on the files that passed their schema."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..read.errors import ContentError
from .checks import CROSS_CHECKS, FILE_CHECKS, CrossCheck
from .schedule_checks import check_schedule
from .schemas import SUFFIX, check_data_files, display_path, load_schemas, schema_errors

if TYPE_CHECKING:
    from ..read.content import Content


def validate(
    content: Content,
    data_dir: Path,
    root: Path,
    schemas_dir: Path,
    later_checks: Sequence[CrossCheck] = (),
) -> list[ContentError]:
    """Every problem in ``content`` (files that could not be read are already reported).

    ``later_checks`` are cross-file checks that later stages own (the flow's graph check): they
    run after this stage's own, on the same files.
    """
    schemas, errors = load_schemas(schemas_dir, root)
    present = {path.stem for path in data_dir.glob("*.yml")}
    errors += check_data_files(data_dir, root, schemas_dir, present)
    passed = {}
    for name, document in content.documents.items():
        for file_check in FILE_CHECKS:
            errors += file_check(document)
        if name not in schemas:
            continue
        schema_file = display_path(schemas_dir / f"{name}{SUFFIX}", root)
        problems = schema_errors(document, schemas[name], schema_file)
        errors += problems
        if not problems:
            passed[name] = document
    checked = dataclasses.replace(content, documents=passed, complete=set(passed) >= set(schemas))
    for check in (*CROSS_CHECKS, check_schedule, *later_checks):
        errors += check(checked)
    return errors
