"""What some tests need from the system: Java and Chromium (skipped where missing, failed in
CI), and a static file server on 127.0.0.1 (plain, or compressing and caching as GitHub Pages
does)."""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def require(found: bool, what: str, package: str) -> None:
    """Skip the test without `what`, saying how to install it; in CI (CI=true) fail instead."""
    if found:
        return
    message = (
        f"{what} is not installed; `make test` installs it when run as root, "
        f"otherwise: sudo apt-get install -y {package}"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


# What GitHub Pages compresses (text, not images), and the cache it allows every file.
_COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml")
CACHE_CONTROL = "max-age=600"


class _PagesHandler(_QuietHandler):
    """Serves as GitHub Pages does: gzip for text when the client accepts it, a short
    `Cache-Control`, ETag and Last-Modified with 304 answers, and /404.html for what is missing."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return None
        body = path.read_bytes()
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return None
        kind = self.guess_type(str(path))
        self.send_response(status)
        if kind.startswith(_COMPRESSED) or kind == "image/svg+xml":
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        self.end_headers()
        return _Body(body)


class _Body:
    """The answer's bytes, as SimpleHTTPRequestHandler copies them from a file."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a page while it loads drops the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(root: Path, *, github_pages: bool = False, port: int = 0) -> Iterator[str]:
    """`root` over HTTP on 127.0.0.1 (on a free port unless given), as any static file server
    would, or with `github_pages` as GitHub Pages serves it (gzip, a 10-minute cache, 404.html)."""
    handler = _PagesHandler if github_pages else _QuietHandler
    server = _Server(("127.0.0.1", port), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
