"""A build of content that passed every check before skips the checks (check/cache.py), and
never at the price of a missed error: any change to the data files or the schemas checks
everything again. Run on copies of the fixture content (tests/fixtures/content)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from soapguide import guide as guide_module
from soapguide.check.cache import CACHE_FILE, CheckCache, fingerprint
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import FIXTURE_DATA
from tests.scenario import REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    return tmp_path


@pytest.fixture
def checks_run(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each run of the checks, by the data folder they checked."""
    runs: list[Path] = []
    validate = guide_module.validate

    def counted(content, data_dir, *args, **kwargs):
        runs.append(data_dir)
        return validate(content, data_dir, *args, **kwargs)

    monkeypatch.setattr(guide_module, "validate", counted)
    return runs


def load(project: Path, enabled: bool = True):
    cache = CheckCache(project, enabled=enabled)
    return guide_module.load_content(project / "data", project, cache=cache)


def break_a_file(project: Path) -> None:
    path = next(iter(sorted((project / "data").glob("*.yml"))))
    path.write_text(path.read_text(encoding="utf-8") + "\nnot_a_key_the_schema_knows: 1\n")


def test_content_that_passed_is_not_checked_again(project, checks_run):
    load(project)
    load(project)
    assert len(checks_run) == 1
    assert (project / CACHE_FILE).is_file()


def test_a_changed_data_file_is_checked_again_and_its_error_reported(project, checks_run):
    load(project)
    break_a_file(project)
    with pytest.raises(ContentErrors):
        load(project)
    assert len(checks_run) == 2


def test_content_that_failed_is_never_remembered(project, checks_run):
    break_a_file(project)
    for _ in range(2):
        with pytest.raises(ContentErrors):
            load(project)
    assert len(checks_run) == 2 and not (project / CACHE_FILE).exists()


def test_a_changed_schema_checks_everything_again(project, checks_run):
    load(project)
    schema = next(iter(sorted((project / "schemas").glob("*.schema.json"))))
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load(project)
    assert len(checks_run) == 2


def test_a_new_file_in_the_data_folder_checks_everything_again(project, checks_run):
    load(project)
    (project / "data" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(ContentErrors):  # data files end in .yml
        load(project)


def test_switched_off_every_load_checks_everything(project, checks_run):
    load(project, enabled=False)
    load(project, enabled=False)
    assert len(checks_run) == 2 and not (project / CACHE_FILE).exists()


def test_the_switch_is_an_environment_variable(project, monkeypatch):
    monkeypatch.setenv("SOAPGUIDE_CACHE", "off")
    assert not CheckCache(project).enabled
    monkeypatch.setenv("SOAPGUIDE_CACHE", "on")
    assert CheckCache(project).enabled


def test_a_cache_folder_that_cannot_be_written_only_means_checking_again(project, checks_run):
    (project / ".cache").write_text("a file where the folder would go", encoding="utf-8")
    load(project)
    load(project)
    assert len(checks_run) == 2


def test_the_fingerprint_is_the_same_however_the_paths_are_spelled(project, monkeypatch):
    files = sorted((project / "data").iterdir())
    monkeypatch.chdir(project)
    relative = [path.relative_to(project) for path in files]
    assert fingerprint(files) == fingerprint(relative)


def test_the_fingerprint_changes_with_any_byte_of_an_input(project):
    files = sorted((project / "data").iterdir())
    before = fingerprint(files)
    files[0].write_bytes(files[0].read_bytes() + b" ")
    assert fingerprint(files) != before


# --- an office/ folder on top of data/ (a fork) ----------------------------------------------


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    from tests.office.support import checked_project

    return checked_project(tmp_path / "fork")


@pytest.fixture
def office_reads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each read of the office, whether it was taken as checked before."""
    reads: list[bool] = []
    read_office = guide_module.read_office

    def noted(*args, **kwargs):
        reads.append(bool(args[4] if len(args) > 4 else kwargs.get("checked", False)))
        return read_office(*args, **kwargs)

    monkeypatch.setattr(guide_module, "read_office", noted)
    return reads


def load_fork(fork: Path):
    return guide_module.load_guide(fork / "data", fork)


def test_an_office_that_passed_is_applied_but_not_checked_again(fork, office_reads):
    first = load_fork(fork)
    again = load_fork(fork)
    assert office_reads == [False, True]
    assert again.content.documents.keys() == first.content.documents.keys()
    for name, document in first.content.documents.items():
        assert again.content[name] == document.data, name
    assert again.changes == first.changes


def test_a_changed_office_file_is_checked_again_and_its_error_reported(fork, office_reads):
    load_fork(fork)
    office_file = fork / "office" / "office.yml"
    office_file.write_text(
        office_file.read_text(encoding="utf-8") + "\nnot_a_key_the_schema_knows: 1\n"
    )
    with pytest.raises(ContentErrors, match="not_a_key_the_schema_knows"):
        load_fork(fork)
    assert office_reads == [False, False]


def test_a_changed_data_file_checks_the_office_again(fork, office_reads):
    load_fork(fork)
    data_file = next(iter(sorted((fork / "data").glob("*.yml"))))
    data_file.write_text(data_file.read_text(encoding="utf-8") + "\n# a comment\n")
    load_fork(fork)
    assert office_reads == [False, False]


def test_with_the_caches_off_the_office_is_checked_every_time(fork, office_reads, monkeypatch):
    monkeypatch.setenv("SOAPGUIDE_CACHE", "off")
    load_fork(fork)
    load_fork(fork)
    assert office_reads == [False, False]
