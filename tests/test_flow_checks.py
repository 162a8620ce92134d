"""The build checks the decision flow as a graph and names the file, line and ids of each problem.

Each fixture in tests/flow_fixtures/ is a small flow with one problem: its header says the
message expected (``# expect: ...``) and the line just above the comment ``# ^ error`` is where
it must be reported. (A comment of its own line: an inline comment after a value is itself reported
to authors, since it silently cuts text short.) ``valid.yml`` has no problem and must pass.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from soapguide.flow.checks import check_flow
from soapguide.guide import Content, load_content, load_guide
from soapguide.read.errors import ContentErrors
from soapguide.read.yaml_source import load_yaml

from tests.scenario import build, copy_project

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "flow_fixtures"
SCHEMA = json.loads((REPO / "schemas" / "flow.schema.json").read_text("utf-8"))
BROKEN = sorted(p for p in FIXTURES.glob("*.yml") if p.stem != "valid")


@functools.cache
def real_content() -> Content:
    return load_content(REPO / "data", REPO)


def content_with_flow(flow_file: Path) -> Content:
    """The real guide content, with data/flow.yml replaced by ``flow_file``."""
    content = real_content()
    document, problems = load_yaml(flow_file, f"tests/flow_fixtures/{flow_file.name}")
    assert document is not None and not problems
    return Content({**content.documents, "flow": document})


def expectation(flow_file: Path) -> tuple[int, str]:
    lines = flow_file.read_text("utf-8").splitlines()
    message = next(line.removeprefix("# expect: ") for line in lines if line.startswith("# expect"))
    marked = [n - 1 for n, line in enumerate(lines, start=1) if line.strip() == "# ^ error"]
    assert len(marked) == 1, f"{flow_file.name}: mark exactly one line with '# ^ error' below it"
    return marked[0], message


def test_the_sound_fixture_has_no_problems() -> None:
    assert check_flow(content_with_flow(FIXTURES / "valid.yml")) == []


@pytest.mark.parametrize("flow_file", BROKEN, ids=[p.stem for p in BROKEN])
def test_each_broken_flow_is_reported_at_its_line_with_its_message(flow_file: Path) -> None:
    line, message = expectation(flow_file)
    errors = check_flow(content_with_flow(flow_file))
    assert [(e.file, e.line) for e in errors] == [(f"tests/flow_fixtures/{flow_file.name}", line)]
    assert message in errors[0].message, errors[0]
    assert errors[0].hint, "every problem comes with a fix"


def test_an_unresolved_reference_suggests_the_closest_id() -> None:
    (error,) = check_flow(content_with_flow(FIXTURES / "unknown_script.yml"))
    assert "did you mean 'program-director-call'?" in error.hint


def test_a_broken_flow_stops_the_build_with_every_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for source in (REPO / "data").glob("*.yml"):
        (data / source.name).write_bytes(source.read_bytes())
    (data / "flow.yml").write_bytes((FIXTURES / "cycle.yml").read_bytes())
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    with pytest.raises(ContentErrors) as raised:
        load_guide(data, tmp_path)
    report = raised.value.report()
    assert re.search(r"data/flow\.yml:21:\d+: questions\[1\]\.options\[1\]\.next: ", report)
    assert "making a loop: q-a → q-b → q-a" in report


def data_copy_with(tmp_path: Path, name: str, find: str, replace: str) -> tuple[Path, int]:
    """A copy of data/ and schemas/ under ``tmp_path`` with the first ``find`` in data/``name``
    replaced; and the line the replacement is on."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    text = (data / name).read_text("utf-8")
    assert find in text, f"{find!r} is not in data/{name}"
    (data / name).write_text(text.replace(find, replace, 1), "utf-8")
    return data, text[: text.index(find)].count("\n") + 1


def after_soap_words_of_a_script() -> tuple[str, str]:
    """One script line as written for after SOAP (found in the data, not by id), and the same
    line made to say 'today during SOAP'."""
    scripts = yaml.safe_load((REPO / "data" / "scripts.yml").read_text("utf-8"))["scripts"]
    words = next(line["after"] for s in scripts for line in s["lines"] if "after" in line)
    return f'after: "{words}"', 'after: "Thank you for your help today during SOAP."'


def test_a_script_that_says_during_soap_after_soap_stops_the_build_at_its_line(tmp_path) -> None:
    find, replace = after_soap_words_of_a_script()
    data, line = data_copy_with(tmp_path, "scripts.yml", find, replace)
    with pytest.raises(ContentErrors) as raised:
        load_guide(data, tmp_path)
    report = raised.value.report()
    assert re.search(
        rf"^data/scripts\.yml:{line}:\d+: scripts\[\d+\]\.lines\[\d+\]\.after: ", report, re.M
    )
    assert "is shown after SOAP but assumes SOAP is still under way ('today during SOAP')" in report
    assert "No, SOAP is over" in report or "⇒" in report  # names a path that shows it


def test_a_line_true_in_one_phase_only_written_once_stops_the_build(tmp_path) -> None:
    """A line that says "during SOAP today" as text: (for both phases) is caught wherever an
    after-SOAP path shows its script."""
    scripts = yaml.safe_load((REPO / "data" / "scripts.yml").read_text("utf-8"))["scripts"]
    words = next(line["text"] for s in scripts for line in s["lines"] if "text" in line)
    find = f'text: "{words}"'
    data, line = data_copy_with(
        tmp_path, "scripts.yml", find, 'text: "Thanks for today during SOAP."'
    )
    with pytest.raises(ContentErrors) as raised:
        load_guide(data, tmp_path)
    assert re.search(rf"^data/scripts\.yml:{line}:\d+: ", raised.value.report(), re.M)


def test_a_phase_word_in_the_flow_stops_mkdocs_build_with_file_and_line(tmp_path) -> None:
    """End to end: `mkdocs build --strict` fails before writing anything, naming file and line."""
    project = copy_project(tmp_path / "project")
    find, replace = after_soap_words_of_a_script()
    text = (project / "data" / "scripts.yml").read_text("utf-8")
    line = text[: text.index(find)].count("\n") + 1
    (project / "data" / "scripts.yml").write_text(text.replace(find, replace, 1), "utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"data/scripts.yml:{line}:" in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()


def test_the_guide_builds_with_the_real_flow() -> None:
    guide = load_guide(REPO / "data", REPO)
    assert "should_i_call" in guide.renderer.macros and "flow_map" in guide.renderer.macros


def test_the_flow_file_matches_its_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    data = yaml.safe_load((REPO / "data" / "flow.yml").read_text("utf-8"))
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_the_flow_file_names_its_schema_for_editors() -> None:
    first = (REPO / "data" / "flow.yml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/flow.schema.json"


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d["questions"][0]["options"][0].update(outcome="o-stop-accepted"), "oneOf"),
        (lambda d: d["questions"][0]["options"][0].pop("next"), "oneOf"),
        (lambda d: d["outcomes"][0].update(verdict="maybe"), "enum"),
        (lambda d: d["outcomes"][0].update(colour="red"), "additionalProperties"),
        (lambda d: d["questions"][0].update(id="rule"), "pattern"),
    ],
    ids=["both-next-and-outcome", "neither", "unknown-verdict", "unknown-key", "id-without-q"],
)
def test_the_schema_rejects_a_malformed_flow(change, complaint: str) -> None:
    data = yaml.safe_load((REPO / "data" / "flow.yml").read_text("utf-8"))
    change(data)
    validators = {e.validator for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)}
    assert complaint in validators


def test_every_schema_property_has_a_description_for_editors() -> None:
    def walk(node, where):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                has = "description" in prop or "$ref" in prop
                assert has, f"{where}.{name} has no description"
            for key, child in node.items():
                walk(child, f"{where}.{key}")

    walk(SCHEMA, "schema")
