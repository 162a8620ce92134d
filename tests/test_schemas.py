"""Every data file has a valid JSON Schema that editors find, and the schemas are strict and
explained: each object closed and each key described (the hover help authors read). The same
holds for schemas/office.schema.json, which describes an advising office's office/office.yml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from soapguide.check.schema_messages import PATTERNS, PLAIN_KEYWORD
from soapguide.check.schemas import schema_errors
from soapguide.read.yaml_source import Location, YamlDocument

from tests.scenario import REPO

SCHEMAS = sorted((REPO / "schemas").glob("*.schema.json"))
OFFICE_SCHEMA = REPO / "schemas" / "office.schema.json"
DATA_SCHEMAS = [schema for schema in SCHEMAS if schema != OFFICE_SCHEMA]
DATA_FILES = sorted((REPO / "data").glob("*.yml"))


def stem(schema: Path) -> str:
    return schema.name.removesuffix(".schema.json")


def load(schema: Path) -> dict:
    return json.loads(schema.read_text(encoding="utf-8"))


def subschemas(schema: object, keep, path: str = "#"):
    """Every subschema ``keep`` accepts, with a JSON-pointer-like path."""
    if isinstance(schema, dict):
        if keep(schema):
            yield path, schema
        for key, value in schema.items():
            yield from subschemas(value, keep, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from subschemas(value, keep, f"{path}/{index}")


def objects(schema: object):
    """Every subschema that describes an object, with its path."""
    return subschemas(schema, lambda sub: sub.get("type") == "object")


def test_every_data_file_has_a_schema_and_every_schema_a_data_file():
    assert DATA_SCHEMAS, "no schemas in schemas/"
    assert [stem(schema) for schema in DATA_SCHEMAS] == [path.stem for path in DATA_FILES]


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_schema_is_valid_json_schema_2020_12(schema: Path):
    document = load(schema)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_every_object_is_closed_and_names_its_required_keys(schema: Path):
    for path, subschema in objects(load(schema)):
        assert subschema.get("additionalProperties") is False, f"{schema.name} {path}"
        # An object of optional keys says how many it needs instead (office contacts: >= 1).
        assert subschema.get("required") or subschema.get("minProperties"), (
            f"{schema.name} {path}: no required keys"
        )
        unknown = set(subschema.get("required", [])) - set(subschema.get("properties", {}))
        assert not unknown, f"{schema.name} {path}: required but not described: {unknown}"


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_every_key_has_a_description_for_hover_help(schema: Path):
    for path, subschema in objects(load(schema)):
        for key, prop in subschema.get("properties", {}).items():
            assert prop.get("description", "").strip(), f"{schema.name} {path}/{key}"


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_every_text_must_be_more_than_spaces(schema: Path):
    for path, subschema in objects(load(schema)):
        for key, prop in subschema.get("properties", {}).items():
            if prop.get("type") == "string":
                constrained = {"pattern", "enum", "format"} & set(prop)
                assert constrained, f"{schema.name} {path}/{key}: any text, even spaces, passes"
                if "minLength" in prop:
                    assert prop["pattern"] == "\\S", f"{schema.name} {path}/{key}"


def patterned(schema: object):
    """Every subschema with a ``pattern`` (not a property named 'pattern'), with its path."""
    return subschemas(schema, lambda sub: isinstance(sub.get("pattern"), str))


def examples(words: str) -> list[str]:
    """The examples a pattern's words end with: 'like "#1d4e89"' or 'like a or b'."""
    return [example.strip('"') for example in words.rsplit(" like ", 1)[1].split(" or ")]


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_every_pattern_says_in_words_what_it_expects_with_an_example_that_passes(schema: Path):
    """A pattern the messages do not know by heart carries its own words: what it expects, with
    an example (which must pass it: the words and the rule agree), and the fix."""
    for path, subschema in patterned(load(schema)):
        if subschema["pattern"] in PATTERNS and PLAIN_KEYWORD not in subschema:
            continue
        words = subschema.get(PLAIN_KEYWORD, "")
        assert " like " in words, f"{schema.name} {path}: no {PLAIN_KEYWORD} with an example"
        assert subschema.get("patternErrorMessage", "").strip(), f"{schema.name} {path}: no fix"
        for example in examples(words):
            assert re.search(subschema["pattern"], example), f"{schema.name} {path}: {example}"


def failing_value(pattern: str) -> str:
    return next(value for value in (" ", "no good", "x") if not re.search(pattern, value))


@pytest.mark.parametrize("schema", SCHEMAS, ids=stem)
def test_no_pattern_error_shows_the_pattern(schema: Path):
    """An office's staff read 'expected a colour written as # and 3 or 6 hex digits', never
    'expected text matching ^#(?:[0-9a-fA-F]{3}){1,2}$'."""
    for path, subschema in patterned(load(schema)):
        one_key = {"type": "object", "properties": {"value": subschema}}
        document = YamlDocument("x.yml", {"value": failing_value(subschema["pattern"])})
        document.values[("value",)] = Location(1, 8)
        [error] = schema_errors(document, one_key, schema.name)
        assert subschema["pattern"] not in str(error), f"{schema.name} {path}: {error}"
        assert "matching" not in str(error) and error.hint, f"{schema.name} {path}: {error}"


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_names_its_schema_on_line_1(data_file: Path):
    first = data_file.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{data_file.stem}.schema.json"
    assert (data_file.parent / ".." / "schemas" / f"{data_file.stem}.schema.json").is_file()


def test_vscode_maps_every_schema_to_its_data_file():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        **{f"schemas/{schema.name}": f"data/{stem(schema)}.yml" for schema in DATA_SCHEMAS},
        "schemas/office.schema.json": ["office/office.yml", "examples/office/office.yml"],
    }


def test_vscode_recommends_the_yaml_extension_that_reads_the_schemas():
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
