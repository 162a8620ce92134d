"""The one way an error suggests what was meant (soapguide.read.suggest): a close spelling, or a
name that holds the unknown one whole, as an id renamed upstream by adding words does."""

from __future__ import annotations

from soapguide.read.suggest import closest, did_you_mean

IDS = ["how-long-should-it-be", "long-distance", "what-if-they-call", "voicemail"]


def test_an_id_renamed_upstream_by_adding_words_is_suggested():
    assert closest("how-long", IDS) == ["how-long-should-it-be"]


def test_an_id_shortened_upstream_is_suggested():
    assert closest("voicemail-greeting", IDS) == ["voicemail"]


def test_a_name_held_inside_another_is_suggested():
    assert closest("they-call", IDS) == ["what-if-they-call"]


def test_a_misspelt_name_is_suggested():
    assert closest("voicemial", IDS) == ["voicemail"]


def test_a_misspelt_page_file_is_suggested():
    assert closest("checklst.md", ["checklist.md", "faq.md", "index.md"]) == ["checklist.md"]


def test_file_names_match_without_their_extension_and_case():
    assert closest("Logo.png", ["logo.svg", "banner.svg"]) == ["logo.svg"]
    assert closest("faq.md", ["index.md", "rules.md"]) == []  # '.md' alone is no likeness


def test_a_name_too_short_to_be_held_is_not_matched_inside_others():
    assert closest("if", IDS) == []


def test_names_that_begin_alike_come_before_names_that_hold_the_word():
    assert closest("call", ["a-call", "call-back"], limit=2) == ["call-back", "a-call"]


def test_nothing_alike_gives_no_suggestion():
    assert closest("zebra", IDS) == []
    assert did_you_mean("zebra", IDS) == ""


def test_the_suggestion_is_worded_once_for_one_or_more_names():
    assert did_you_mean("how-long", IDS) == "did you mean 'how-long-should-it-be'?"
    assert did_you_mean("cal", ["call", "o-call"], limit=2) == "did you mean 'call' or 'o-call'?"
