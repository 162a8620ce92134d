"""Turn one jsonschema error into sentences an author can act on, placed at the right YAML line.

jsonschema says ``None is not of type 'string'``; an author needs ``answer: expected text, found
nothing`` on the line of ``answer:``, and a fix. Unknown keys are reported on the key's own line
with a did-you-mean; missing keys on the line of the item that lacks them; wrong values on the
value's line (or the key's line when the value is empty).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..read.errors import ContentError
from ..read.suggest import closest
from ..read.yaml_source import DataPath, YamlDocument, format_path

if TYPE_CHECKING:  # imported only where it is used (check/schemas.py)
    from jsonschema import ValidationError

KINDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of 'key: value' lines",
    "null": "nothing",
}
ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
TEXT_PATTERN = "\\S"
# The patterns every schema copies (README, 'Adding a data file'), in words: pattern -> (what
# was expected, how to fix it). Any other pattern carries its words next to it in the schema:
# PLAIN_KEYWORD for what it expects, with an example, and patternErrorMessage (which editors
# show too) for the fix. tests/test_schemas.py holds every schema to that.
PATTERNS = {
    ID_PATTERN: (
        "an id made of lowercase letters, digits and single hyphens",
        "write it like 'call-when-invited' (no spaces, capitals or underscores)",
    ),
    TEXT_PATTERN: ("text", "write the text, or remove this line if the item does not need it"),
    "^[a-z][a-z0-9_]*$": (
        "a name made of lowercase letters, digits and underscores",
        "write it like 'applicant_name' (no spaces, capitals or hyphens)",
    ),
}
PLAIN_KEYWORD = "patternExpected"
# Word processors and phones turn "…" into “…”: YAML keeps those as part of the text.
CURLY_QUOTES = "“”„‘’‚«»"
# For one value, report only the first of these problems (an empty text breaks minLength and
# pattern at once; the author needs one message).
VALUE_KEYWORDS = (
    "type",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "enum",
    "minimum",
    "maximum",
)


def describe(value: Any) -> str:
    """What the author wrote, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value '{str(value).lower()}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    text = str(value)
    if not text:
        return "nothing"
    if not text.strip():
        return "only spaces"
    return f"'{text[:57]}...'" if len(text) > 60 else f"'{text}'"


def value_at(data: Any, path: DataPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _key_name(path: DataPath) -> str | None:
    return path[-1] if path and isinstance(path[-1], str) else None


def _close(word: str, choices: Iterable[str]) -> str | None:
    matches = closest(word, choices)
    return matches[0] if matches else None


class SchemaMessages:
    """Translate every jsonschema error of one document into ContentErrors."""

    def __init__(self, document: YamlDocument):
        self.document = document

    def translate(self, errors: Iterable[ValidationError]) -> list[ContentError]:
        result: list[ContentError] = []
        seen_values: set[DataPath] = set()
        suggested: set[DataPath] = set()  # missing keys already named by a did-you-mean
        ordered = sorted(errors, key=_priority)
        for error in ordered:
            if error.validator == "additionalProperties":
                result += self._unknown_keys(error, suggested)
        for error in ordered:
            path = tuple(error.absolute_path)
            if error.validator == "additionalProperties":
                continue
            if error.validator == "required":
                result += self._missing_keys(error, path, suggested)
                continue
            if error.validator in VALUE_KEYWORDS:
                if path in seen_values:
                    continue
                seen_values.add(path)
            result.append(self._value_error(error, path))
        return result

    def _error(self, path: DataPath, message: str, hint: str, at_key: bool = False) -> ContentError:
        return self.document.error(path, message, hint, at_key=at_key)

    def _unknown_keys(self, error: ValidationError, suggested: set[DataPath]) -> list[ContentError]:
        path = tuple(error.absolute_path)
        allowed = list(error.schema.get("properties", {}))
        problems = []
        for key in error.instance:
            if key in allowed:
                continue
            close = _close(str(key), [k for k in allowed if k not in error.instance])
            listing = ", ".join(allowed)
            if close:
                suggested.add((*path, close))
                message = f"unknown key '{key}' — did you mean '{close}'?"
                hint = f"rename '{key}' to '{close}' (the keys allowed here are: {listing})"
            else:
                message = f"unknown key '{key}'; expected one of: {listing}"
                hint = f"remove '{key}:', or rename it to one of the keys allowed here"
            problems.append(self._error((*path, key), message, hint, at_key=True))
        return problems

    def _missing_keys(
        self, error: ValidationError, path: DataPath, suggested: set[DataPath]
    ) -> list[ContentError]:
        problems = []
        properties = error.schema.get("properties", {})
        for key in error.validator_value:
            if key in error.instance or (*path, key) in suggested:
                continue
            description = properties.get(key, {}).get("description", "").split(". ")[0]
            what = f" ({description.rstrip('.')})" if description else ""
            if not path:
                place = "the file"
            elif isinstance(path[-1], int):
                place = "each item of this list"
            else:
                place = f"'{path[-1]}'"
            location = self.document.locate(path)
            problems.append(
                ContentError(
                    self.document.display_name,
                    location.line,
                    location.column,
                    format_path((*path, key)),
                    f"missing key '{key}': {place} needs one",
                    f"add '{key}:'{what}, lined up with the other keys",
                )
            )
        return problems

    def _value_error(self, error: ValidationError, path: DataPath) -> ContentError:
        value = value_at(self.document.data, path)
        empty = value is None or (isinstance(value, str) and not value.strip())
        found = describe(value)
        key = _key_name(path)
        keyword = error.validator
        schema = error.schema
        if keyword == "type":
            expected = _kinds(error.validator_value)
            return self._error(
                path, f"expected {expected}, found {found}", _type_hint(error, value, key), empty
            )
        if keyword == "minLength":
            return self._error(path, f"expected text, found {found}", _text_hint(key), True)
        if keyword == "maxLength":
            limit = error.validator_value
            return self._error(
                path,
                f"expected at most {limit} characters, found {len(str(value))}",
                f"shorten it to {limit} characters or fewer",
            )
        if keyword == "minProperties":
            listing = ", ".join(schema.get("properties", {}))
            return self._error(
                path,
                f"expected at least {error.validator_value} of: {listing}; found none",
                f"add at least one of {listing} under '{key}:'" if key else f"add one of {listing}",
                True,
            )
        if keyword == "uniqueItems":
            return self._error(
                path,
                "the same entry is listed twice",
                f"delete the repeated entry under '{key}:'" if key else "delete the repeat",
            )
        if keyword == "minItems":
            where = f"under '{key}:'" if key else "here"
            return self._error(
                path,
                f"expected at least one item, found {found}",
                f"list the items {where}, each on its own line starting with '- '",
                True,
            )
        if keyword == "pattern":
            expected, hint = _pattern_words(schema, key)
            if _in_curly_quotes(value, error.validator_value):
                found += " in curly quotes"
                hint = (
                    'replace the curly quotes (“ ”) with straight ones ("…"): YAML keeps curly '
                    "quotes as part of the text"
                )
            elif _passes_without_spaces(value, error.validator_value):
                found += " with a space at its start or end"
                hint = "delete the space inside the quotes"
            then = "; found" if " like " in expected else ", found"  # after an example
            return self._error(path, f"expected {expected}{then} {found}", hint, empty)
        if keyword == "enum":
            choices = [str(choice) for choice in error.validator_value]
            close = _close(str(value), choices)
            hint = f"did you mean '{close}'?" if close else f"write one of: {', '.join(choices)}"
            return self._error(
                path, f"expected one of {', '.join(choices)}, found {found}", hint, empty
            )
        if keyword == "format" and error.validator_value == "date":
            return self._error(
                path,
                f"expected a date written as YYYY-MM-DD, found {found}",
                "write the date as year-month-day, like 2026-11-25, and check that the day exists",
                empty,
            )
        if keyword == "oneOf":
            forms = " or ".join(_form(sub) for sub in error.validator_value)
            return self._error(
                path,
                f"expected {forms}, found {found}",
                schema.get("description", "compare it with the other items in this file"),
                empty,
            )
        if keyword in ("minimum", "maximum"):
            low, high = schema.get("minimum"), schema.get("maximum")
            between = f"between {low} and {high}" if low is not None and high is not None else ""
            return self._error(
                path,
                f"expected a number {between or keyword + ' ' + str(error.validator_value)}, "
                f"found {found}",
                schema.get("description", "check the number"),
            )
        return self._error(path, error.message, schema.get("description", ""))


def _pattern_words(schema: dict[str, Any], key: str | None) -> tuple[str, str]:
    """What a ``pattern`` expects and how to write it, in words (never the pattern itself)."""
    fix = schema.get("patternErrorMessage", "compare it with the other items in this file")
    if PLAIN_KEYWORD in schema:
        return schema[PLAIN_KEYWORD], fix
    expected, hint = PATTERNS.get(schema["pattern"], ("a different form of text", fix))
    return expected, _text_hint(key) if schema["pattern"] == TEXT_PATTERN else hint


def _in_curly_quotes(value: Any, pattern: str) -> bool:
    """Whether ``value`` would pass had its curly quotes been straight ones (YAML's quotes)."""
    if not isinstance(value, str) or not value or value[0] not in CURLY_QUOTES:
        return False
    return re.search(pattern, value.strip(CURLY_QUOTES)) is not None


def _passes_without_spaces(value: Any, pattern: str) -> bool:
    """Whether ``value`` would pass without the spaces at its ends (kept inside quotes)."""
    if not isinstance(value, str) or value == value.strip() or not value.strip():
        return False
    return re.search(pattern, value.strip()) is not None


def _priority(error: ValidationError) -> tuple[int, list[Any]]:
    keyword = str(error.validator)
    rank = VALUE_KEYWORDS.index(keyword) if keyword in VALUE_KEYWORDS else -1
    return rank, [str(part) for part in error.absolute_path]


def _form(schema: dict[str, Any]) -> str:
    """One alternative of a ``oneOf``, in words: the keys it needs, or its kind of value."""
    if "required" in schema:
        return " and ".join(f"'{key}:'" for key in schema["required"])
    kind = schema.get("type")
    if kind == "object" and schema.get("required"):
        keys = ", ".join(f"'{key}:'" for key in schema["required"])
        return f"a group of {keys} lines"
    return _kinds(kind) if kind else "another form"


def _kinds(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join(KINDS.get(name, name) for name in names)


def _text_hint(key: str | None) -> str:
    if key:
        return (
            f"write the text after '{key}:' (for long text, write '{key}: >-' and the text "
            "indented on the lines below)"
        )
    return "write the text after the '- '"


def _type_hint(error: ValidationError, value: Any, key: str | None) -> str:
    expected = error.validator_value
    label = f"'{key}:'" if key else "the '- '"
    if expected == "string":
        if isinstance(value, bool | int | float | dt.date):
            return "put the whole text in double quotes, so it is read as text"
        if isinstance(value, list | dict):
            return (
                f"write the text right after {label} with no '- ' or 'key:' lines under it "
                f"(for long text, '{key or ''}: >-' and the text indented on the next lines)"
            )
        return _text_hint(key)
    if expected == "array":
        return f"list the items under {label}, each on its own line starting with '- '"
    if expected == "object":
        if not error.absolute_path:
            return "the file is a list of 'key: value' lines; restore it from the upstream copy"
        if key is None:
            return "each item of this list is a group of 'key: value' lines, like the items above"
        return f"write the 'key: value' lines indented under {label}"
    if expected == "integer":
        return "write a whole number without quotes, like 2027"
    return f"write {_kinds(expected)} here"
