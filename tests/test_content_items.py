"""The content's items by id (read/content.py): what pages, the flow and the builder use to
name or show an item that another file points to."""

from __future__ import annotations

from pathlib import Path

from soapguide.read.content import read_content


def write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")


def test_every_item_with_an_id_in_any_file_is_found_by_its_id(tmp_path):
    write(tmp_path, "faq", "items:\n  - id: cost\n    question: What does it cost?\n")
    write(tmp_path, "myths", "myths:\n  - id: calls-win\n    myth: A call wins a place.\n")
    content, errors = read_content(tmp_path, tmp_path)
    assert errors == []
    items = content.first_items()
    assert items["cost"]["question"] == "What does it cost?"
    assert items["calls-win"]["myth"] == "A call wins a place."


def test_items_nested_in_other_items_are_found_too(tmp_path):
    write(tmp_path, "flow", "questions:\n  - id: q1\n    options:\n      - id: go\n")
    content, _ = read_content(tmp_path, tmp_path)
    assert set(content.first_items()) == {"q1", "go"}


def test_an_id_in_two_files_names_the_item_of_the_first_file(tmp_path):
    write(tmp_path, "a_first", "items:\n  - id: same\n    text: first\n")
    write(tmp_path, "b_second", "items:\n  - id: same\n    text: second\n")
    content, _ = read_content(tmp_path, tmp_path)
    assert content.first_items()["same"]["text"] == "first"


def test_a_mapping_that_is_not_a_list_item_is_not_an_item(tmp_path):
    write(tmp_path, "meta", "id: whole-file\nsite: {id: nested-mapping}\n")
    content, _ = read_content(tmp_path, tmp_path)
    assert content.first_items() == {}
