"""A free port on 127.0.0.1, and waiting for something that happens in another process."""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Callable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 15) -> str:
    """The page at `url` as text; a hanging request fails rather than stalling the caller."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def wait_for(
    condition: Callable[[], bool], what: str, limit: float = 30, step: float = 0.2
) -> None:
    """Return once `condition()` holds (a refused connection counts as not yet); fail after
    `limit` seconds naming `what`."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(step)
    raise AssertionError(f"gave up waiting for {what}")
