"""Serve a built site on 127.0.0.1 the way GitHub Pages does: gzip for text, ETags, no logs.

Lighthouse and the page-weight bench load pages from here, so what they measure is what a
reader on GitHub Pages downloads. Files are compressed once (gzip level 6, as most servers do)
and kept in memory. Run on its own: ``python bench/gzip_server.py SITE_DIR [PORT]``.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
GZIP_LEVEL = 6


@lru_cache(maxsize=4096)
def _encoded(path: Path, mtime: float) -> tuple[bytes, bytes]:
    """(raw, gzip) bytes of a file; keyed on mtime so a rebuilt site is served fresh."""
    raw = path.read_bytes()
    return raw, gzip.compress(raw, compresslevel=GZIP_LEVEL, mtime=0)


def gzip_size(path: Path) -> int:
    """The bytes this server sends for ``path`` (gzip for text types, raw otherwise)."""
    raw, packed = _encoded(path, path.stat().st_mtime)
    return len(packed) if path.suffix in COMPRESSIBLE else len(raw)


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _target(self) -> Path | None:
            relative = unquote(urlsplit(self.path).path).lstrip("/")
            target = (root / relative).resolve()
            if root not in (target, *target.parents):
                return None
            return target if target.exists() else None

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._respond(with_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(with_body=False)

        def _respond(self, with_body: bool) -> None:
            target = self._target()
            if target is None:
                missing = root / "404.html"
                body = missing.read_bytes() if missing.is_file() else b"Not found"
                self._send(404, "text/html; charset=utf-8", body, None, with_body)
                return
            path = urlsplit(self.path).path
            if target.is_dir() and not path.endswith("/"):
                # /page -> /page/ (as GitHub Pages does), so relative links resolve.
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if target.is_dir():
                target = target / "index.html"
                if not target.is_file():
                    self._send(404, "text/plain", b"Not found", None, with_body)
                    return
            raw, packed = _encoded(target, target.stat().st_mtime)
            etag = '"' + hashlib.sha1(raw).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in {"application/javascript", "application/json"}:
                kind += "; charset=utf-8"
            use_gzip = target.suffix in COMPRESSIBLE and "gzip" in self.headers.get(
                "Accept-Encoding", ""
            )
            self._send(200, kind, packed if use_gzip else raw, etag, with_body, use_gzip)

        def _send(
            self,
            status: int,
            kind: str,
            body: bytes,
            etag: str | None,
            with_body: bool,
            gzipped: bool = False,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            if with_body:
                self.wfile.write(body)

    return Handler


@contextmanager
def serve_gzipped(site: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port unless given); yields the base URL with '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site.resolve()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="gzip-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


if __name__ == "__main__":
    site_dir = Path(sys.argv[1])
    with serve_gzipped(site_dir, int(sys.argv[2]) if len(sys.argv) > 2 else 8000) as base:
        print(f"Serving {site_dir} gzipped at {base} (Ctrl-C to stop)")
        threading.Event().wait()
