"""The builder reads the scripts from data, whatever their shape: the blanks each script (and
each of its phase versions) uses are found in every text it holds, so a new field or a new phase
needs no code change. Fixture content, not the guide's own."""

from __future__ import annotations

import json

from soapguide.builder.model import blanks_in, phase_ids, script_choices, versions_of

SCRIPTS = {
    "phases": {"before": {"label": "Before"}, "later": {"label": "Later"}},
    "scripts": [
        {
            "id": "plain",
            "title": "Plain",
            "channel": "call",
            "audience": "any",
            "when": "Any time.",
            "lines": [
                {"step": "a", "text": "Hi {name}, this is {me}."},
                {"step": "b", "text": "Thanks, {name}."},
            ],
        },
        {
            "id": "phased",
            "title": "Phased",
            "channel": "email",
            "audience": "any",
            "when": {"before": "Before it ends.", "later": "After it ends."},
            "lines": [
                {"step": "a", "text": "Subject: from {me}"},
                {"step": "b", "before": "Thanks for {meeting}.", "later": "Thanks, {title}."},
                # A field no code knows about: its blanks still count.
                {"step": "c", "text": "Bye.", "postscript": "PS: {extra}"},
            ],
        },
    ],
}


def test_the_phases_are_the_keys_the_data_lists() -> None:
    assert phase_ids(SCRIPTS) == ("before", "later")
    assert phase_ids({"scripts": []}) == ()


def test_a_script_with_a_text_under_a_phase_key_has_a_version_per_phase() -> None:
    plain, phased = SCRIPTS["scripts"]
    assert versions_of(plain, ("before", "later")) == (None,)
    assert versions_of(phased, ("before", "later")) == ("before", "later")
    assert versions_of(phased, ()) == (None,)


def test_each_version_uses_the_blanks_of_its_own_texts_in_order() -> None:
    phased = SCRIPTS["scripts"][1]
    phases = ("before", "later")
    assert blanks_in(phased, "before", phases) == ["me", "meeting", "extra"]
    assert blanks_in(phased, "later", phases) == ["me", "title", "extra"]
    assert blanks_in(SCRIPTS["scripts"][0]) == ["name", "me"]


def test_the_page_data_lists_every_script_with_its_blanks_by_version() -> None:
    choices = {choice.id: choice for choice in script_choices(SCRIPTS)}
    assert choices["plain"].blanks == {"": ("name", "me")}
    assert choices["phased"].blanks == {
        "before": ("me", "meeting", "extra"),
        "later": ("me", "title", "extra"),
    }
    json.dumps({c.id: c.blanks for c in choices.values()})  # what the page embeds


def test_malformed_scripts_are_skipped_not_a_crash() -> None:
    assert script_choices({"scripts": [None, "text", {"title": "no id"}]}) == ()
    assert script_choices(None) == ()
