"""Make a thing once per test run and share it with every pytest-xdist worker.

A built site takes seconds; a test that only reads it should not pay for its own. ``once``
makes a folder the first time any worker asks for it, under a file lock in the folder all the
workers of this run share, and every later request (from any worker) gets the same folder.
What was made is read-only by convention: a test that wants to change it copies it first.

A failure is made once too: it is recorded, and every other test that needs the folder fails
with the same message instead of trying again.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this test run shares.

    Under xdist each worker's base temp folder is ``.../pytest-N/popen-gwK``: their parent is
    this run's. Without xdist, the session's own base temp folder is this run's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``<run folder>/shared/<name>``, filled by ``make(folder)`` the first time any
    worker asks for it in this run."""
    shared = run_folder(tmp_path_factory) / "shared"
    shared.mkdir(exist_ok=True)
    folder = shared / name
    done, failed = shared / f"{name}.done", shared / f"{name}.failed"
    with FileLock(shared / f"{name}.lock"):
        if failed.exists():
            pytest.fail(
                f"{name} could not be made earlier in this run:\n{failed.read_text('utf-8')}",
                pytrace=False,
            )
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except (Exception, pytest.fail.Exception) as error:
                failed.write_text(str(error) or type(error).__name__, encoding="utf-8")
                raise
            done.touch()
    return folder


def walked_once(
    request: pytest.FixtureRequest,
    name: str,
    walk: Callable[[Any, str], Any],
    **context_options: Any,
) -> Any:
    """What ``walk(page, base_url)`` returned (anything JSON holds), for a page of the run's
    browser in a new context (``context_options``, the clock on ``frozen_today``) on the built
    site's server: walked once per run by whichever worker asks first (``once``)."""
    from conftest import freeze_clock  # conftest imports this module

    def make(folder: Path) -> None:
        context = request.getfixturevalue("browser").new_context(**context_options)
        freeze_clock(context, request.getfixturevalue("frozen_today"))
        try:
            found = walk(context.new_page(), request.getfixturevalue("site_server"))
        finally:
            context.close()
        (folder / "walk.json").write_text(json.dumps(found), encoding="utf-8")

    folder = once(request.getfixturevalue("tmp_path_factory"), name, make)
    return json.loads((folder / "walk.json").read_text("utf-8"))
