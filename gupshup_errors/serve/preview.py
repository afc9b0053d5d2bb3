"""Live preview of every language: rebuild on change, keep the last good site on a mistake."""

from __future__ import annotations

import contextlib
import html
import logging
import re
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..builder.plugin import inputs
from ..builder.settings import read
from ..data.problems import DataError
from ..fences.mkdocs import HookedServer
from ..text import i18n, urls

log = logging.getLogger("gupshup_errors.serve")

_OVERLAY = """<div id="gs-build-error" role="alert" lang="{language}" dir="{direction}"
style="position:fixed;inset:0;z-index:10000;overflow:auto;background:rgba(20,20,20,.94);
color:#fff;padding:2rem;font:14px/1.5 monospace">
<h1 style="color:#ff8a80;font:bold 20px sans-serif;margin:0 0 1rem">{title}</h1>
<p style="font-family:sans-serif">{advice}</p>
<pre style="white-space:pre-wrap" lang="en" dir="ltr">{message}</pre></div>"""
_LANG = re.compile(rb'<html[^>]*\slang="([A-Za-z_-]+)"')


def overlay(message: str, language: str | None, catalogs: i18n.Catalogs = i18n.PACKAGE) -> str:
    """The error shown over a preview page, its frame in the page's language; the message
    itself is the checks' own English, as the terminal prints it."""
    _: Callable[[str], str] = str  # a page without a language, or one without a catalog
    direction = "ltr"
    if language:
        with contextlib.suppress(OSError, i18n.MissingCatalogError):
            _ = i18n.translations(language, catalogs).gettext
            direction = i18n.direction(language)
    return _OVERLAY.format(
        language=html.escape(language or "en"),
        direction=direction,
        title=html.escape(_("The last change was not built")),
        advice=html.escape(
            _(
                "The site below is the last good build. Fix the problem and save: "
                "this page reloads by itself."
            )
        ),
        message=html.escape(message),
    )


class PreviewServer(HookedServer):
    """MkDocs' live-reload server, showing the current build error over every page."""

    error: str | None = None
    catalogs: i18n.Catalogs = i18n.PACKAGE

    def decorate(self, content: bytes) -> bytes:
        if self.error is None:
            return content
        found = _LANG.search(content)
        language = found.group(1).decode() if found else None
        shown = overlay(self.error, language, self.catalogs).encode()
        return content.replace(b"</body>", shown + b"</body>", 1)

    def error_page(self, code: int) -> bytes:
        body = b"<!doctype html><html><body><p>Not found.</p></body></html>"
        if code == 404 and self.error is not None:
            return self.with_reload_script(body)
        return body


Build = Callable[[Path], object]
"""Builds the whole site into the given folder, all or nothing (cli hands in build_site)."""


def _builder(build: Build, live: Path, server: Callable[[], PreviewServer]) -> Callable[[], None]:
    def rebuild() -> None:
        # Never raise: an exception here leaves MkDocs' server stalling every request.
        try:
            build(live)
        except Exception as error:
            message = error.report() if isinstance(error, DataError) else f"{error}"
            log.error("Build failed; still serving the last good site.\n%s", message)
            server().error = message
        else:
            server().error = None

    return rebuild


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _stop_on_termination() -> None:
    """Stopped by a process manager (SIGTERM) or a closed terminal (SIGHUP), the preview ends
    as it does on Ctrl-C, deleting its built site: at 10,000 codes that is 400 MB a run."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)


def serve(config_file: Path, build: Build, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve every language at http://host:port/<path of SITE_URL>/; rebuild on every change
    with `build`, which builds the site of `config_file` into the folder it is given."""
    workdir = Path(tempfile.mkdtemp(prefix="gupshup-errors-serve-"))
    _stop_on_termination()
    try:
        _serve_from(config_file, build, workdir / "site", host, port)
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _serve_from(config_file: Path, build: Build, live: Path, host: str, port: int) -> None:
    holder: list[PreviewServer] = []
    rebuild = _builder(build, live, lambda: holder[0])
    # Served under SITE_URL's path, as it will be published (e.g. /<repo>/ on GitHub Pages).
    # The watched trees are small, so polling often costs little and keeps edit-to-preview short.
    settings = read(config_file)
    mount_path = urls.base_path(settings.site_url)
    server = PreviewServer(
        builder=rebuild,
        host=host,
        port=port,
        root=str(live),
        mount_path=mount_path,
        polling_interval=0.1,
    )
    server.catalogs = settings.catalogs
    holder.append(server)
    server.error_handler = server.error_page
    # The same inputs a bare `mkdocs serve` watches (the plugin adds its inputs).
    for path in (config_file, settings.docs_dir, *inputs(settings)):
        if path.exists():
            server.watch(str(path))
    rebuild()
    try:
        server.serve()  # type: ignore[no-untyped-call]
    finally:
        server.shutdown()
