"""Edit -> preview for every kind of save a maintainer makes: seconds from the save until every
served page it touches holds the change, with `make serve`'s server running on the project.

The saves follow one another in the same project, each with a fresh token, as a maintainer's
would: a text inside an entry, a new code, a code retired, a code's order fixed (after a save
that broke it), the table's title, a guide page, its translation, a new page, that page
removed, and the records `make published` and `make translated` write beside the data (timed
from the command's start: the preview may rebuild before the command has ended). The
server's peak memory is read from /proc before it stops.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gupshup_errors.builder import settings
from gupshup_errors.records.dates import today
from gupshup_errors.records.pages.commands import PageFiles, confirm
from gupshup_errors.text.writer import writing
from tests.helpers import LANGUAGES, document, fetch, preview, wait_for

from .builds import ENV

SOURCE, TARGET = LANGUAGES[0], LANGUAGES[1]
KINDS = (
    "text in an entry",
    "new code",
    "code retired",
    "order fixed",
    "title",
    "guide page",
    "its translation",
    "new page",
    "page removed",
    "make published",
    "make translated",
)
GUIDE = "# {title}\n\n## {heading}\n\nA paragraph: {token}.\n"


@dataclass
class SaveFigures:
    """Seconds from each save until the served pages held it, by kind; the server's peak
    memory; seconds from the stopping signal until it had ended."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    server_peak_mib: float | None = None
    stop_seconds: float | None = None


def _page(name: str, language: str) -> str:
    return f"docs/{name}.md" if language == SOURCE else f"docs/{name}.{language}.md"


def with_pages(project: Path) -> None:
    """A guide page in every language, its translations recorded as current."""
    for language in LANGUAGES:
        text = GUIDE.format(title="Guide", heading="Codes", token=f"start {language}")
        (project / _page("guide", language)).write_text(text, "utf-8")
    with writing() as out:
        confirm(PageFiles.named_by(settings.read(project / "mkdocs.yml")), [], [], out)


def _holds(url: str, *tokens: str) -> Callable[[], bool]:
    return lambda: all(token in fetch(url, 60) for token in tokens)


def _gone(url: str) -> bool:
    try:
        fetch(url, 60)
    except urllib.error.HTTPError as error:
        return error.code == 404
    return False


def _row(url: str, code: int) -> str:
    page = fetch(url, 60)
    start = page.find(f'<tr id="{code}"')
    return page[start : page.find("</tr>", start)] if start >= 0 else ""


def _command(project: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gupshup_errors", *args],
        cwd=project, env=ENV, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"gupshup-errors {' '.join(args)} failed:\n{done.stderr[-2000:]}")


class Saves:
    """The project's state as the saves leave it, and each save with what shows it."""

    def __init__(self, project: Path, rows: list[dict[str, Any]], url: str) -> None:
        self.project, self.url = project, url
        self.rows = [dict(row) for row in rows]
        self.data = project / "data" / "errors.yml"
        self.retired = 0
        self.pages = 0
        self.saved_at = 0.0
        """When the save's last write began: the clock starts there."""
        self.titled = ""
        """What the title saves added to the first language's title, kept by later saves."""

    def _dump(self, rows: list[dict[str, Any]]) -> str:
        text = document(rows)
        head = yaml.safe_load(text[: text.index("\ncodes:")])
        title = head["table"]["title"][SOURCE]
        return text.replace(title, f"{title}{self.titled}", 1) if self.titled else text

    def _write(self, text: str, path: Path | None = None) -> None:
        self.saved_at = time.perf_counter()
        (path or self.data).write_text(text, "utf-8")

    def _edited(self, at: int, token: str) -> None:
        row = self.rows[at]
        self.rows[at] = {**row, SOURCE: {**row[SOURCE], "action": token}}

    def save(self, kind: str, token: str) -> Callable[[], bool]:
        """Make the save of `kind`; what holds once it is served."""
        first, code_url = self.url + f"/{SOURCE}/", self.url + f"/{SOURCE}/{{}}/"
        if kind == "text in an entry":
            self._edited(0, token)
            self._write(self._dump(self.rows))
            code = self.rows[0]["code"]
            return lambda: _holds(first, token)() and _holds(code_url.format(code), token)()
        if kind == "new code":
            code = self.rows[-1]["code"] + 3
            texts = {lang: {"name": f"{token} {lang}", "action": "New."} for lang in LANGUAGES}
            self.rows.append({"code": code, **texts})
            self._write(self._dump(self.rows))
            return lambda: _holds(first, token)() and _holds(code_url.format(code), token)()
        if kind == "code retired":
            self.retired += 1
            at = self.retired
            self.rows[at] = {**self.rows[at], "retired": True}
            self._write(self._dump(self.rows))
            code = self.rows[at]["code"]
            return lambda: 'class="gs-retired"' in _row(first, code)
        if kind == "order fixed":
            self._edited(0, token)
            broken = [self.rows[1], self.rows[0], *self.rows[2:]]
            self._write(self._dump(broken))
            time.sleep(1.0)  # the preview reports the broken order and keeps the last site
            self._write(self._dump(self.rows))
            return _holds(code_url.format(self.rows[0]["code"]), token)
        if kind == "title":
            self.titled += f" {token}"
            self._write(self._dump(self.rows))
            return _holds(first, token)
        if kind in ("guide page", "its translation"):
            language = SOURCE if kind == "guide page" else TARGET
            text = GUIDE.format(title="Guide", heading="Codes", token=token)
            self._write(text, self.project / _page("guide", language))
            return _holds(self.url + f"/{language}/guide/", token)
        if kind == "new page":
            self.pages += 1
            page = self.project / _page(f"extra-{self.pages}", SOURCE)
            self._write(GUIDE.format(title="Extra", heading="More", token=token), page)
            return _holds(self.url + f"/{SOURCE}/extra-{self.pages}/", token)
        if kind == "page removed":
            self.saved_at = time.perf_counter()
            (self.project / _page(f"extra-{self.pages}", SOURCE)).unlink()
            return lambda: _gone(self.url + f"/{SOURCE}/extra-{self.pages}/")
        self.saved_at = time.perf_counter()
        if kind == "make published":
            _command(self.project, "published", "--date", today().isoformat())
            return self._newest_entry_shown()
        assert kind == "make translated"
        _command(self.project, "translated", "--date", today().isoformat())
        code = self.rows[0]["code"]
        return lambda: "gs-outdated-note" not in _row(self.url + f"/{TARGET}/", code)

    def _newest_entry_shown(self) -> Callable[[], bool]:
        record = (self.project / "data" / "changes.txt").read_text("utf-8")
        entries = sum(1 for line in record.splitlines() if line[:1].isdigit())
        return _holds(self.url + f"/{SOURCE}/changes/", f'id="change-{entries}"')


def _server_peak_mib() -> float | None:
    """The peak resident memory of this process' `serve` child (VmHWM)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("PPid", "0").strip()) == os.getpid() and b"serve" in command:
            return int(fields["VmHWM"].split()[0]) / 1024
    return None


def every_save(project: Path, rows: list[dict[str, Any]], samples: int) -> SaveFigures:
    """`samples` rounds of every kind of save, in KINDS' order."""
    figures = SaveFigures({kind: [] for kind in KINDS})
    kept = {path: path.read_bytes() for path in (project / "data").iterdir() if path.is_file()}
    docs = set((project / "docs").rglob("*.md"))
    with_pages(project)
    with preview(project, limit=300) as url:
        saves = Saves(project, rows, url)
        for sample in range(samples):
            for kind in KINDS:
                time.sleep(1.0)  # let the previous rebuild settle
                token = f"bench-{sample}-{KINDS.index(kind)}-{time.time_ns()}"
                shown = saves.save(kind, token)
                wait_for(shown, f"{kind} to show", 300, 0.01)
                figures.seconds[kind].append(time.perf_counter() - saves.saved_at)
        time.sleep(1.0)
        figures.server_peak_mib = _server_peak_mib()
        stopping = time.perf_counter()
    figures.stop_seconds = time.perf_counter() - stopping
    for path, content in kept.items():  # the project as it was, for the jobs after this one
        path.write_bytes(content)
    for page in set((project / "docs").rglob("*.md")) - docs:
        page.unlink()
    return figures
