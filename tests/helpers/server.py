"""The one static server, which answers as GitHub Pages does: the site may sit under a prefix
(`/<repo>/`), a folder without its slash is redirected to it, and a missing address gets the
site's root 404.html with status 404.

Options go in `Hosting`, and `PagesHandler` reads them; add one there (say, gzip or response
headers) rather than another server.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Hosting:
    """How the site is hosted."""

    prefix: str = "/"
    """Where the site sits on the host, e.g. "/repo/" as at https://<user>.github.io/<repo>/."""
    head_script: str | None = None
    """JavaScript put first into every HTML page's <head>, before the page's own (the browser
    tests' error recorder, tests/helpers/engines/record-errors.js); the files stay as built."""
    compress: bool = False
    """Gzip text (HTML, CSS, JS, JSON, XML, SVG) for clients that accept it, as GitHub Pages
    does; with an ETag, and 304 for a client that already has the file."""
    cache_control: str | None = None
    """The Cache-Control header of every answer ("max-age=600" on GitHub Pages)."""


# As GitHub Pages serves a site: compressed, and cached for ten minutes.
GITHUB_PAGES = Hosting(compress=True, cache_control="max-age=600")
_TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


@dataclass
class Served:
    """A running server: its address and every path asked of it, in order."""

    port: int
    hosting: Hosting
    requested: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The site's address without a trailing slash, e.g. http://127.0.0.1:4321/repo."""
        return f"http://127.0.0.1:{self.port}{self.hosting.prefix.rstrip('/')}"

    @property
    def root(self) -> str:
        """The site's root, e.g. http://127.0.0.1:4321/repo/ (what SITE_URL would be)."""
        return f"{self.url}/"


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under the prefix only; anything missing gets the root 404.html."""

    served: ClassVar[Served]

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        prefix = self.served.hosting.prefix
        if not local.startswith(prefix):
            return str(Path(self.directory) / "\0outside")  # never a file
        return super().translate_path("/" + local.removeprefix(prefix))

    def send_head(self) -> Any:
        self.served.requested.append(urlsplit(self.path).path)
        hosting = self.served.hosting
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (hosting.compress or hosting.cache_control or hosting.head_script):
            return super().send_head()  # plain answers as before
        if not path.is_file():
            return super().send_head()  # redirects, 404s and plain answers as before
        if path.name == "index.html" and not urlsplit(self.path).path.endswith("/"):
            return super().send_head()  # the redirect to the folder's slash
        return self._send_file(path, hosting)

    def _send_file(self, path: Path, hosting: Hosting) -> _Body | None:
        body = path.read_bytes()
        if hosting.head_script is not None and path.suffix == ".html":
            tag = f"<script>{hosting.head_script}</script>".encode()
            body = re.sub(rb"<head[^>]*>", lambda head: head[0] + tag, body, count=1)
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        kind = self.guess_type(str(path))
        if hosting.compress and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            body = b""
        else:
            self.send_response(200)
            self.send_header("Content-Type", kind)
        if hosting.compress:
            self.send_header("ETag", etag)
            if kind.startswith(_TEXT):
                self.send_header("Vary", "Accept-Encoding")
                if body and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body, compresslevel=6, mtime=0)
                    self.send_header("Content-Encoding", "gzip")
        if hosting.cache_control:
            self.send_header("Cache-Control", hosting.cache_control)
        mtime = path.stat().st_mtime
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

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
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the output quiet


class _Body:
    """An answer's bytes, read the way SimpleHTTPRequestHandler copies a file."""

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
def serve(root: Path, hosting: Hosting = Hosting()) -> Iterator[Served]:
    """`root` over HTTP on 127.0.0.1, on a free port. The port is taken before anything is
    asked of `root`, so a site can be built for the address it is served at (SITE_URL =
    `served.root`) inside the `with`."""
    handler: type[PagesHandler] = type("Handler", (PagesHandler,), {})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(root)))
    served = Served(int(server.server_address[1]), hosting)
    handler.served = served
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
