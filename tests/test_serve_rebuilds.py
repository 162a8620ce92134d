"""`mkdocs serve` rebuilds when a content file in data/ is saved."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.scenario import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def test_editing_a_data_file_during_serve_rebuilds_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    url = f"http://127.0.0.1:{port}/faq/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        assert wait_for(lambda: fetch(url) is not None, 60), "mkdocs serve did not start"
        faq = project / "data" / "faq.yml"
        new_question = "Edited while serving, does the page rebuild?"
        faq.write_text(
            faq.read_text("utf-8").replace(
                "After SOAP, should I call every program that interviewed me?", new_question
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: new_question in (fetch(url) or ""), 30), (
            "the FAQ page did not change after data/faq.yml was edited\n"
            + (tmp_path / "serve.log").read_text()
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
