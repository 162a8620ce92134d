"""The fixture content the engine's tests break copies of is complete and valid: every case of
the corpus then starts from content with no problem but its own."""

from __future__ import annotations

from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import FIXTURE_DATA
from tests.scenario import REPO


def test_the_fixture_has_every_data_file_the_guide_has():
    fixture = sorted(path.name for path in FIXTURE_DATA.glob("*.yml"))
    guide = sorted(path.name for path in (REPO / "data").glob("*.yml"))
    assert fixture == guide, (
        f"tests/fixtures/content/data has {fixture}, data/ has {guide}: add (or remove) the same "
        "files there (see tests/fixtures/content/README.md)"
    )


def test_the_fixture_content_passes_every_check():
    try:
        load_content(FIXTURE_DATA, FIXTURE_DATA.parent, REPO / "schemas")
    except ContentErrors as errors:
        raise AssertionError(
            "tests/fixtures/content/data no longer passes the content checks; bring it up to "
            "date with the format of data/ (see tests/fixtures/content/README.md):\n"
            + errors.report()
        ) from None
