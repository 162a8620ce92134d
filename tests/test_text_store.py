"""A build keeps the HTML of the content text it converted (render/text_store.py), so the next
build converts only the texts that changed, and shows exactly what converting would show."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from soapguide.guide import load_guide
from soapguide.render.text import TextRenderer
from soapguide.render.text_store import STORE_FILE, ConvertedTexts, markdown_settings

from tests.content_errors.cases import FIXTURE_DATA
from tests.scenario import REPO

EXTENSIONS = ["abbr", "tables"]
TEXTS = ["A **bold** start.", "- one\n- two", "Call [the office](https://example.edu)."]


class Counting(TextRenderer):
    """A text renderer that notes each text it converts itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.converted: list[str] = []

    def _convert(self, source):
        self.converted.append(source)
        return super()._convert(source)


def renderer(root: Path, extensions=EXTENSIONS, enabled: bool = True) -> Counting:
    store = ConvertedTexts(root / STORE_FILE, markdown_settings(extensions, {}), enabled)
    return Counting(extensions, {}, store)


def build(root: Path, texts=TEXTS, **kwargs) -> tuple[Counting, list[str]]:
    """One "build": every text shown once, then the store saved."""
    text = renderer(root, **kwargs)
    shown = [str(text.block(t)) for t in texts]
    text.save()
    return text, shown


def test_a_second_build_of_the_same_texts_converts_none_and_shows_the_same(tmp_path):
    first, shown_first = build(tmp_path)
    second, shown_second = build(tmp_path)
    assert first.converted == TEXTS
    assert second.converted == []
    assert shown_second == shown_first == [str(TextRenderer(EXTENSIONS).block(t)) for t in TEXTS]


def test_only_a_changed_text_is_converted_again(tmp_path):
    build(tmp_path)
    changed = [*TEXTS[:2], "Call [the dean](https://example.edu/dean)."]
    again, shown = build(tmp_path, changed)
    assert again.converted == [changed[2]]
    assert shown[2] == str(TextRenderer(EXTENSIONS).block(changed[2]))


def test_other_markdown_settings_use_nothing_converted_with_the_old(tmp_path):
    build(tmp_path)
    other, _ = build(tmp_path, extensions=["abbr"])
    assert other.converted == TEXTS


def test_the_store_keeps_only_the_texts_the_last_build_showed(tmp_path):
    build(tmp_path)
    build(tmp_path, TEXTS[:1])
    stored = json.loads((tmp_path / STORE_FILE).read_text(encoding="utf-8"))
    assert list(stored["texts"]) == TEXTS[:1]


def test_a_store_turned_off_converts_everything_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAPGUIDE_CACHE", "off")
    build(tmp_path, enabled=None)
    again, _ = build(tmp_path, enabled=None)
    assert again.converted == TEXTS
    assert not (tmp_path / STORE_FILE).exists()


@pytest.mark.parametrize("written", ["not json {", '["a list"]', '{"key": 1}', ""])
def test_a_damaged_store_is_an_empty_one(tmp_path, written):
    (tmp_path / STORE_FILE).parent.mkdir(parents=True)
    (tmp_path / STORE_FILE).write_text(written, encoding="utf-8")
    text, shown = build(tmp_path)
    assert text.converted == TEXTS
    assert shown == [str(TextRenderer(EXTENSIONS).block(t)) for t in TEXTS]


def test_a_store_edited_by_hand_under_an_old_key_is_not_trusted(tmp_path):
    build(tmp_path)
    stored = json.loads((tmp_path / STORE_FILE).read_text(encoding="utf-8"))
    stored["key"] = "0" * 64
    stored["texts"][TEXTS[0]] = "<script>alert(1)</script>"
    (tmp_path / STORE_FILE).write_text(json.dumps(stored), encoding="utf-8")
    again, shown = build(tmp_path)
    assert TEXTS[0] in again.converted
    assert "<script>" not in shown[0]


def test_the_guide_renders_the_same_pages_from_the_store(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    pages = {
        "docs/faq.md": "# FAQ\n\n{{ faq() }}\n",
        "docs/myths.md": "# Myths\n\n{{ myths_table() }}\n",
    }

    def rendered() -> dict[str, str]:
        return load_guide(tmp_path / "data", tmp_path).render_pages(pages)

    first = rendered()
    assert (tmp_path / STORE_FILE).is_file()
    assert rendered() == first
