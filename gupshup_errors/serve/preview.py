"""Live preview of every language: rebuild on change (only what an edit of the data changed,
where it can), keep the last good site on a mistake, stop cleanly on any signal."""

from __future__ import annotations

import contextlib
import html
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..builder.incremental.kept import SiteBuilt
from ..builder.incremental.update import PreviewState, update
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


Fingerprint = frozenset[tuple[str, int, int]]


class Build(Protocol):
    """Builds the whole site into the folder it is given, all or nothing, and gives back what
    it read and rendered (cli hands in build_site, in its preview mode)."""

    def __call__(self, site_dir: Path, /) -> SiteBuilt: ...


def fingerprint(paths: Iterable[Path], leave_out: Path) -> Fingerprint:
    """Every file under `paths` but `leave_out`, with its modification time and size: when
    this is unchanged, an edit was of `leave_out` alone."""
    found: set[tuple[str, int, int]] = set()
    for path in paths:
        files = (
            [path]
            if path.is_file()
            else [Path(top, name) for top, _, names in os.walk(path) for name in names]
        )
        for file in files:
            if file != leave_out:
                try:
                    stat = file.stat()
                except OSError:  # gone since it was listed
                    continue
                found.add((str(file), stat.st_mtime_ns, stat.st_size))
    return frozenset(found)


@dataclass
class Rebuilder:
    """Rebuilds the preview's site in `live`; raises what a whole build raises, and then
    keeps the last good site and what it was built from."""

    build: Build
    live: Path
    watched: list[Path]
    data_file: Path
    state: PreviewState | None = None
    inputs: Fingerprint = frozenset()
    """The other inputs, as the last whole build read them."""

    def __call__(self) -> None:
        now = fingerprint(self.watched, self.data_file)
        if self.state is not None and now == self.inputs:
            try:
                updated = update(self.state, self.live)
            except Exception:  # a whole build is always right: never let this stop the preview
                log.warning("The quick rebuild failed; building everything.", exc_info=True)
                updated = None
            if updated is not None:
                self.state = updated
                return
        built = self.build(self.live)
        self.inputs = now
        self.state = PreviewState.of(built, self.live)


def _builder(rebuild: Rebuilder, server: Callable[[], PreviewServer]) -> Callable[[], None]:
    def builder() -> None:
        # Never raise: an exception here leaves MkDocs' server stalling every request.
        try:
            rebuild()
        except Exception as error:
            message = error.report() if isinstance(error, DataError) else f"{error}"
            log.error("Build failed; still serving the last good site.\n%s", message)
            server().error = message
        else:
            server().error = None

    return builder


_STOPPING = ("SIGINT", "SIGTERM", "SIGHUP")


def _interrupt(signum: int, frame: object) -> None:
    # Once: a second signal must not cut short the clean-up that the first one started.
    _ignore_signals()
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _ignore_signals() -> None:
    for name in _STOPPING:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


def _stop_on_signals() -> None:
    """Stopped by Ctrl-C (SIGINT), a process manager (SIGTERM) or a closed terminal (SIGHUP),
    the preview ends at once and deletes its built site: at 10,000 codes that is 400 MB a run."""
    for name in _STOPPING:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)


def serve(config_file: Path, build: Build, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve every language at http://host:port/<path of SITE_URL>/; rebuild on every change
    with `build`, which builds the site of `config_file` into the folder it is given.

    Stopped by a signal, the process ends here, within a second: freeing what the preview
    holds at 10,000 codes takes the interpreter longer than that, and there is nothing left
    to save."""
    _stop_on_signals()
    workdir: Path | None = None
    stopped = False
    try:
        workdir = Path(tempfile.mkdtemp(prefix="gupshup-errors-serve-"))
        _serve_from(config_file, build, workdir / "site", host, port)
    except KeyboardInterrupt:
        log.info("Shutting down...")
        stopped = True
    finally:
        _ignore_signals()
        if workdir is not None and not stopped:
            shutil.rmtree(workdir, ignore_errors=True)
    if stopped:
        if workdir is not None:
            remove(workdir)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def remove(folder: Path, seconds: float = 0.4) -> None:
    """Delete `folder`; what is left after `seconds` (a site of 10,000 codes is 40,000 files,
    10 s to delete on a slow disk) a process of its own deletes once the preview has ended.

    The deleting thread is left behind at the end: only for a process about to end."""
    deleting = threading.Thread(
        target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, daemon=True
    )
    deleting.start()
    deleting.join(seconds)
    if deleting.is_alive():
        code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
        subprocess.Popen(
            [sys.executable, "-c", code, str(folder)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip


def _serve_from(config_file: Path, build: Build, live: Path, host: str, port: int) -> None:
    holder: list[PreviewServer] = []
    # Served under SITE_URL's path, as it will be published (e.g. /<repo>/ on GitHub Pages).
    # The watched trees are small, so polling often costs little and keeps edit-to-preview short.
    settings = read(config_file)
    # The same inputs a bare `mkdocs serve` watches (the plugin adds its inputs).
    watched = [
        path for path in (config_file, settings.docs_dir, *inputs(settings)) if path.exists()
    ]
    rebuild = _builder(Rebuilder(build, live, watched, settings.data_file), lambda: holder[0])
    mount_path = urls.base_path(settings.site_url)
    server = PreviewServer(
        builder=rebuild,
        host=host,
        port=port,
        root=str(live),
        mount_path=mount_path,
        polling_interval=0.1,
    )
    server.wait_after_a_change(0.03)  # edit -> preview on the real table: 0.21 -> 0.12-0.18 s
    server.catalogs = settings.catalogs
    holder.append(server)
    server.error_handler = server.error_page
    for path in watched:
        server.watch(str(path))
    try:
        rebuild()
        server.serve()  # type: ignore[no-untyped-call]
    finally:
        server.shutdown()
