"""The one static server, which answers as GitHub Pages does: the site may sit under a prefix
(`/<repo>/`), a folder without its slash is redirected to it, and a missing address gets the
site's root 404.html with status 404.

Options go in `Hosting`, and `PagesHandler` reads them; add one there (say, gzip or response
headers) rather than another server.
"""

from __future__ import annotations

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
        return super().send_head()

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


@contextmanager
def serve(root: Path, hosting: Hosting = Hosting()) -> Iterator[Served]:
    """`root` over HTTP on 127.0.0.1, on a free port. The port is taken before anything is
    asked of `root`, so a site can be built for the address it is served at (SITE_URL =
    `served.root`) inside the `with`."""
    handler: type[PagesHandler] = type("Handler", (PagesHandler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
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
