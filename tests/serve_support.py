"""Helpers for tests that run the preview server (`mkdocs serve` or `make serve`) for real."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text; also for an error status (the preview's 404 page); None if no answer."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(predicate: Callable[[], object], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@contextmanager
def running(
    command: Sequence[str], cwd: Path, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    """Run a server in the background, its output in ``log``; stopped (TERM) on exit."""
    with log.open("w") as out:
        server = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=env if env is not None else {**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # `make serve`'s mkdocs child stops with it
        )
        try:
            yield server
        finally:
            if server.poll() is None:
                os.killpg(server.pid, 15)
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, 9)
                    server.wait(timeout=5)


def mkdocs_serve(project: Path, port: int, log: Path):
    """`mkdocs serve` of ``project`` on 127.0.0.1:``port`` (a context manager)."""
    return running(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], project, log
    )
