"""What some tests need from the system: Java, Chromium, Firefox and WebKitGTK (skipped where
missing, failed in CI), and a static file server on 127.0.0.1."""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FIREFOX = Path(os.environ.get("FIREFOX", "/usr/bin/firefox-esr"))
WEBKIT_DRIVER = Path(os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver"))
XVFB = Path(os.environ.get("XVFB", "/usr/bin/Xvfb"))
LOCALE_SOURCES = Path(os.environ.get("LOCALE_SOURCES", "/usr/share/i18n/locales"))


def minibrowser() -> Path | None:
    """WebKitGTK's MiniBrowser (it comes with WebKitWebDriver), wherever the architecture put it."""
    found = sorted(Path("/usr/lib").glob("*/webkit2gtk-4.*/MiniBrowser"))
    return found[-1] if found else None


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
    head_script: str | None = None
    """JavaScript put at the top of every HTML page's <head>, before the page's own."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if self.head_script is None or path.suffix != ".html" or not path.is_file():
            return super().send_head()
        script = f"<script>{self.head_script}</script>".encode()
        body = re.sub(rb"<head[^>]*>", lambda m: m[0] + script, path.read_bytes(), count=1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(root: Path, *, head_script: str | None = None) -> Iterator[str]:
    """`root` over HTTP on 127.0.0.1, on a free port, as any static file server would;
    `head_script` goes first into every HTML page's <head> (to record the page's errors)."""
    handler = type("Handler", (_QuietHandler,), {"head_script": head_script})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
