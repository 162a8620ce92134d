"""The README's commands on the machines authors have: any Python from 3.11 on, no browser for
`make serve` and `make check`, a busy port named in one line, and the browser found where it is.

Most tests here run `make` on a copy of the project with a PATH that holds only the tools setup
needs (no Python but the ones a test puts there, no browser)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from check_content import check
from pins_installed import missing
from soapguide.printing import browser_lookup

from tests.serve_support import fetch, free_port, running, wait_for

REPO = Path(__file__).resolve().parents[1]
# What the Makefile and scripts/setup.sh run, besides Python (checked by the tests below: a
# tool missing here fails them).
TOOLS = ("make", "bash", "sh", "env", "grep", "tr", "id", "dirname", "rm", "cat", "uname")


def tools_only_path(tmp_path: Path, extra: dict[str, str] | None = None) -> str:
    """A PATH of one folder: the TOOLS, and ``extra`` (name → target) such as a python3.13."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found, f"{tool} is not installed"
        (folder / tool).symlink_to(found)
    for name, target in (extra or {}).items():
        (folder / name).symlink_to(target)
    return str(folder)


def fresh_clone(tmp_path: Path) -> Path:
    """The repository's files as a clone has them (tracked and new, not ignored): no .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    clone = tmp_path / "clone"
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    return clone


def clean_env(path: str, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHON", "VIRTUAL_ENV", "PYTHONPATH", "CHROMIUM_PATH"}
        and not key.startswith("MAKE")  # MAKEFLAGS, MAKELEVEL when the suite runs in make test
    }
    return {**env, "PATH": path, **extra}


def make(clone: Path, env: dict[str, str], *args: str, timeout: float = 300):
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def ours_only(stderr: str) -> list[str]:
    """The lines of stderr that are not make's own closing "make: *** [...] Error 1"."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]


def with_this_venv(clone: Path) -> None:
    """Give the clone this test run's own .venv, instead of letting setup build one: only
    when it has every runtime pin (else setup would pip install into it)."""
    not_installed = missing(REPO / "requirements.txt")
    assert not not_installed, f"this venv lacks runtime pins, run `make setup`: {not_installed}"
    (clone / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)


# Which Python setup chooses (scripts/find_python.sh), with stub interpreters.


def stub_python(folder: Path, name: str, version: str | None) -> None:
    """A fake interpreter that reports ``version``, or fails like a pyenv shim (None)."""
    body = (
        f'echo "{version}"' if version else 'echo "pyenv: {name}: command not found" >&2; exit 127'
    )
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)


def find_python(tmp_path: Path, stubs: dict[str, str | None], **env: str):
    folder = tmp_path / "stubs"
    folder.mkdir(exist_ok=True)
    for name, version in stubs.items():
        stub_python(folder, name, version)
    return subprocess.run(
        [shutil.which("bash"), str(REPO / "scripts" / "find_python.sh")],
        env={"PATH": str(folder), **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    ("stubs", "chosen"),
    [
        ({"python3.12": "3.12", "python3": "3.10"}, "python3.12"),
        ({"python3.13": "3.13", "python3.12": "3.12", "python3.11": "3.11"}, "python3.13"),
        ({"python3.13": None, "python3.12": "3.12"}, "python3.12"),  # a shim of another version
        ({"python3": "3.13"}, "python3"),
        ({"python3": "3.14"}, "python3"),
        ({"python3.11": "3.11", "python3": "3.9"}, "python3.11"),
    ],
    ids=["3.12-no-3.11", "newest-first", "broken-shim", "python3", "newer-python3", "3.11"],
)
def test_setup_chooses_the_newest_supported_python(tmp_path, stubs, chosen):
    result = find_python(tmp_path, stubs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == chosen


def test_no_python_3_11_or_newer_is_one_line_saying_what_to_install(tmp_path):
    result = find_python(tmp_path, {"python3": "3.10", "python3.9": "3.9"})
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "No Python 3.11 or newer found" in result.stderr and "install" in result.stderr


def test_python_names_the_interpreter_and_a_too_old_one_is_refused(tmp_path):
    chosen = find_python(tmp_path, {"python3.13": "3.13", "mine": "3.12"}, PYTHON="mine")
    assert chosen.stdout.strip() == "mine"
    refused = find_python(tmp_path, {"python3.13": "3.13", "old": "3.10"}, PYTHON="old")
    assert refused.returncode == 1
    assert "PYTHON=old is Python 3.10" in refused.stderr


# make check from a fresh clone with Python 3.12 or 3.13 and no python3.11.


def newer_python() -> str | None:
    """A real Python 3.12 or 3.13 that can make a venv: this one, or one on the machine."""
    candidates = [sys.executable] if sys.version_info >= (3, 12) else []
    for version in ("3.13", "3.12"):
        candidates.append(shutil.which(f"python{version}") or "")
        pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
        candidates += sorted(map(str, pyenv_root.glob(f"versions/{version}*/bin/python{version}")))
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [candidate, "-c", "import sys, ensurepip, venv; print(sys.version_info >= (3, 12))"],
            capture_output=True,
            text=True,
        )
        if probe.stdout.strip() == "True":
            return candidate
    return None


@pytest.mark.long
def test_make_check_from_a_fresh_clone_with_python_3_12_or_3_13_only(tmp_path):
    python = newer_python()
    if python is None:
        pytest.skip("no Python 3.12 or 3.13 with venv on this machine")
    version = subprocess.run(
        [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    clone = fresh_clone(tmp_path)
    path = tools_only_path(tmp_path, {f"python{version}": python})
    result = make(clone, clean_env(path), "check", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout.splitlines()
    assert out[0].startswith(f"setup: [1/2] creating .venv with python{version} (Python {version}.")
    assert out[1].startswith("setup: [2/2] installing the packages pinned in requirements.txt")
    report = check(clone)[1].splitlines()  # after pip's own lines
    assert out[-len(report) :] == report
    installed = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
    ).stdout.lower()
    assert "mkdocs==" in installed and "pytest==" not in installed, "runtime set only"

    again = make(clone, clean_env(path), "check")
    assert again.returncode == 0
    assert again.stdout.splitlines()[:2] == [
        f"setup: [1/2] Python {version} in .venv",
        "setup: [2/2] packages of requirements.txt already installed",
    ]


# make serve: no browser needed; a port of one's choice; a busy port is one line.


def test_make_serve_starts_without_any_browser(tmp_path):
    clone = fresh_clone(tmp_path)
    with_this_venv(clone)
    port = free_port()
    env = clean_env(tools_only_path(tmp_path), CHROMIUM_PATH=str(tmp_path / "no-chromium"))
    with running(["make", "serve", f"PORT={port}"], clone, tmp_path / "serve.log", env):
        served = wait_for(lambda: "md-content" in (fetch(f"http://127.0.0.1:{port}/") or ""), 90)
        assert served, (tmp_path / "serve.log").read_text()
    log = (tmp_path / "serve.log").read_text()
    assert "browser" not in log and "chromium" not in log.lower()


def test_make_serve_on_a_busy_port_says_so_in_one_line(tmp_path):
    clone = fresh_clone(tmp_path)
    with_this_venv(clone)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = make(clone, clean_env(tools_only_path(tmp_path)), "serve", f"PORT={port}")
    assert result.returncode != 0
    ours = ours_only(result.stderr)
    assert ours == [
        f"make serve: port {port} is already in use (another `make serve`?); "
        f"stop it or use another port: make serve PORT={port + 1}"
    ]
    assert "Traceback" not in result.stdout + result.stderr


# make build and make test: the browser is looked for where it is.


def test_make_build_without_a_browser_is_one_line_and_pdfs_off_builds(tmp_path):
    clone = fresh_clone(tmp_path)
    with_this_venv(clone)
    env = clean_env(tools_only_path(tmp_path), CHROMIUM_PATH=str(tmp_path / "no-chromium"))
    failed = make(clone, env, "build")
    assert failed.returncode != 0
    ours = ours_only(failed.stderr)
    assert len(ours) == 1 and "is not an executable file" in ours[0], failed.stderr
    assert "SOAPGUIDE_PDFS=off" in ours[0]

    built = make(clone, {**env, "SOAPGUIDE_PDFS": "off"}, "build")
    assert built.returncode == 0, built.stderr
    assert (clone / "site" / "index.html").is_file()
    assert not (clone / "site" / "downloads").exists()


def test_the_browser_is_found_where_each_system_keeps_it():
    def lookup(platform, present, environ=None, which=None):
        return browser_lookup.find_chromium(
            environ or {},
            platform,
            is_executable=lambda path: path in present,
            which=which or (lambda name: None),
            home="/Users/ada",
        )

    chrome_mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    assert lookup("darwin", {chrome_mac}) == chrome_mac
    assert lookup("darwin", {"/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium"})
    assert lookup("linux", {"/usr/bin/chromium", "/usr/bin/google-chrome"}) == "/usr/bin/chromium"
    chrome = "/usr/bin/google-chrome-stable"
    assert (
        lookup("linux", {chrome}, which=lambda n: chrome if n == "google-chrome-stable" else None)
        == chrome
    )
    assert lookup("linux", {"/opt/google/chrome/chrome"}) == "/opt/google/chrome/chrome"
    assert lookup("linux", set()) is None
    # CHROMIUM_PATH is the only choice when set, even if another browser is there.
    assert lookup("linux", {"/usr/bin/chromium"}, {"CHROMIUM_PATH": "/x/chrome"}) is None
    assert lookup("linux", {"/x/chrome"}, {"CHROMIUM_PATH": "/x/chrome"}) == "/x/chrome"


def test_no_browser_is_one_line_naming_what_to_install():
    for platform in ("darwin", "linux"):
        message = browser_lookup.missing_message({}, platform)
        assert "\n" not in message and "SOAPGUIDE_PDFS=off" in message
    assert "/Applications" in browser_lookup.missing_message({}, "darwin")


def test_the_work_folders_are_never_committed_even_as_links():
    """A clone gets no .venv, site/ or .cache/ of anyone's: not as folders, and not as a
    symbolic link to one (a ``.venv/`` pattern ignores only a folder; a committed link to a
    folder outside the clone takes the place of the developer's own when they pull)."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    work = (".venv", "site", ".cache")
    assert [name for name in tracked if name.split("/")[0] in work] == []


def test_a_work_folder_made_a_link_is_ignored_too(tmp_path):
    """A clone whose .venv, site/ or .cache/ is a symbolic link (a second clone sharing a venv)
    shows none of them to `git add -A`."""
    repo = tmp_path / "clone"
    repo.mkdir()
    shutil.copy2(REPO / ".gitignore", repo / ".gitignore")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    for name in (".venv", "site", ".cache"):
        (repo / name).symlink_to(tmp_path)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert [line for line in status if line and ".gitignore" not in line] == []
