"""Serve a folder over HTTP on 127.0.0.1 for the browser tests and benches, quietly."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _PagesHandler(_QuietHandler):
    """As GitHub Pages serves a project site: the folder under ``/<prefix>/``, and for any
    address it does not have, the site's 404.html with the status 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0missing")  # never a file
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve_directory(directory: Path, *, like_pages_under: str | None = None) -> Iterator[str]:
    """Serve ``directory`` on a free port; yields the base URL ending in '/'.

    The folder is read per request, so it may be built after the server starts (a build that
    must know its own address, e.g. for ``site_url``, can start the server first). With
    ``like_pages_under`` (e.g. "guide"), it is served as GitHub Pages serves a project site:
    under that path, with 404.html for any missing address; the base URL includes the path."""
    if like_pages_under is None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        under = ""
    else:
        under = like_pages_under.strip("/") + "/" if like_pages_under.strip("/") else ""
        pages = type("Pages", (_PagesHandler,), {"prefix": "/" + under})
        handler = functools.partial(pages, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="static-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{under}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
