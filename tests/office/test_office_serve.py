"""`mkdocs serve` rebuilds when an office edits its office/ folder, as it does for data/."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.office.support import fork_project
from tests.test_serve_rebuilds import fetch, free_port, wait_for


def test_editing_office_yml_during_serve_rebuilds_the_site(tmp_path):
    project = fork_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        assert wait_for(lambda: fetch(url) is not None, 90), "mkdocs serve did not start"
        office_yml = project / "office" / "office.yml"
        text = office_yml.read_text("utf-8")
        old = next(line for line in text.splitlines() if line.startswith("site_name: "))
        office_yml.write_text(text.replace(old, "site_name: Renamed While Serving"), "utf-8")
        assert wait_for(lambda: "Renamed While Serving" in (fetch(url) or ""), 60), (
            "the site did not change after office/office.yml was edited\n"
            + (tmp_path / "serve.log").read_text()
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
