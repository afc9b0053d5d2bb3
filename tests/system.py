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
