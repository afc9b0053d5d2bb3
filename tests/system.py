"""What some tests need from the system: Java and Chromium (skipped where missing, failed in
CI), and a static file server on 127.0.0.1."""

from __future__ import annotations

import os
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


@contextmanager
def served(root: Path) -> Iterator[str]:
    """`root` over HTTP on 127.0.0.1, on a free port, as any static file server would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _PagesHandler(_QuietHandler):
    """As GitHub Pages answers: the site under a prefix, the root 404.html for what is missing."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        local = path.split("?", 1)[0].split("#", 1)[0]
        if not local.startswith(self.prefix):
            return str(Path(self.directory) / "\0outside")
        return super().translate_path("/" + local.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served_as_pages(root: Path, prefix: str = "/") -> Iterator[str]:
    """`root` at `prefix` on 127.0.0.1, answering as GitHub Pages does; the host's address."""
    handler = type("Handler", (_PagesHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
