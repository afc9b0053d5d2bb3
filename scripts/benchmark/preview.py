"""Edit -> preview: seconds from saving a change until every served page it touches holds it,
for each kind of save a maintainer makes (`SAVES`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tests.helpers import LANGUAGES, document, fetch, preview, wait_for

from . import data

Rows = Sequence[dict[str, Any]]
Shown = list[tuple[str, str]]
"""The pages (paths under the site) and what each must hold once the save is served."""

GUIDE = "# Guide (ru)\n\nEvery code (ru).\n\n## Codes (ru)\n\n{text}\n"
GUIDE_EN = "# Help\n\nEvery code.\n\n## Codes\n\n{text}\n"


def _shows(url: str, shown: Shown) -> bool:
    return all(token in fetch(url + page, 60) for page, token in shown)


def _new_row(rows: Rows, code: int, token: str) -> dict[str, Any]:
    model = rows[0]
    return {"code": code, **{lang: {**model[lang], "name": token} for lang in LANGUAGES}}


def _text(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    (project / "data" / "errors.yml").write_text(data.edited(rows, token), "utf-8")
    return [(f"/{LANGUAGES[0]}/", token), (f"/{LANGUAGES[0]}/{rows[0]['code']}/", token)]


def _new_code(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    """A code added in the middle of the table (each sample's replaces the last one's)."""
    return _inserted(project, rows, len(rows) // 2 + sample, token)


def _inserted(project: Path, rows: Rows, after: int, token: str) -> Shown:
    """A new code right after the row at `after`, in the gap before the next code."""
    code = rows[after]["code"] + 1
    new = [*rows[: after + 1], _new_row(rows, code, token), *rows[after + 1 :]]
    (project / "data" / "errors.yml").write_text(document(new), "utf-8")
    return [(f"/{LANGUAGES[0]}/", token), (f"/{LANGUAGES[0]}/{code}/", token)]


def _retired(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    at = 1 + sample
    new = [*rows[:at], {**rows[at], "retired": True}, *rows[at + 1 :]]
    (project / "data" / "errors.yml").write_text(document(new), "utf-8")
    code = rows[at]["code"]
    return [
        (f"/{LANGUAGES[0]}/", f'<tr id="{code}" class="gs-retired">'),
        (f"/{LANGUAGES[0]}/{code}/", 'class="gs-retired-note"'),
    ]


def _misplaced(project: Path, rows: Rows, sample: int, token: str, url: str) -> None:
    """Before "a code's order fixed": a new code saved out of order (before the code it
    follows), which the preview refuses and shows as an error, to be put in its place by the
    timed save."""
    code = rows[sample]["code"] + 1
    wrong = [*rows[:sample], _new_row(rows, code, token), *rows[sample:]]
    (project / "data" / "errors.yml").write_text(document(wrong), "utf-8")
    wait_for(partial(_shows, url, [(f"/{LANGUAGES[0]}/", "gs-build-error")]), "the error", 300)


def _order_fixed(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    return _inserted(project, rows, sample, token)


def _title(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    text = document(rows).replace("full error table", token, 1)
    (project / "data" / "errors.yml").write_text(text, "utf-8")
    return [(f"/{LANGUAGES[1]}/", token)]


def _guide(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    (project / "docs" / "guide.md").write_text(GUIDE.format(text=token), "utf-8")
    return [(f"/{LANGUAGES[0]}/guide/", token)]


def _guide_translation(project: Path, rows: Rows, sample: int, token: str) -> Shown:
    (project / "docs" / "guide.en.md").write_text(GUIDE_EN.format(text=token), "utf-8")
    return [(f"/{LANGUAGES[1]}/guide/", token)]


Save = Callable[[Path, Rows, int, str], Shown]
SAVES: dict[str, Save] = {
    "a text inside an entry": _text,
    "a new code": _new_code,
    "a code retired": _retired,
    "a code's order fixed": _order_fixed,
    "the table's title": _title,
    "a guide page": _guide,
    "its translation": _guide_translation,
}


@dataclass
class PreviewFigures:
    """Seconds from each save until its pages held it, by kind of save, and from the stopping
    signal (SIGTERM) until the preview had ended."""

    edit_seconds: list[float] = field(default_factory=list)
    """The text inside an entry's (as before the kinds were measured)."""
    kinds: dict[str, list[float]] = field(default_factory=dict)
    stop_seconds: float | None = None


def edit_to_preview(
    project: Path, rows: Rows, samples: int, kinds: Sequence[str] = ("a text inside an entry",)
) -> PreviewFigures:
    source = project / "data" / "errors.yml"
    original = source.read_text("utf-8")
    for page, text in (("guide.md", GUIDE), ("guide.en.md", GUIDE_EN)):
        (project / "docs" / page).write_text(text.format(text="The start."), "utf-8")
    figures = PreviewFigures()
    with preview(project, limit=300) as url:
        for kind in kinds:
            save = SAVES[kind]
            times = figures.kinds.setdefault(kind, [])
            for sample in range(samples):
                token = f"bench-edit-{sample}-{time.time_ns()}"
                time.sleep(1.0)  # let the previous rebuild settle
                if kind == "a code's order fixed":
                    _misplaced(project, rows, sample, token, url)
                    time.sleep(0.5)
                start = time.perf_counter()
                shown = save(project, rows, sample, token)
                wait_for(partial(_shows, url, shown), kind, 300, 0.01)
                times.append(time.perf_counter() - start)
            source.write_text(original, "utf-8")
            wait_for(partial(_shows, url, [(f"/{LANGUAGES[0]}/", "gs-table")]), "restored", 300)
        time.sleep(1.0)  # the signal comes once the last edit is served, as a maintainer's would
        stopping = time.perf_counter()
    figures.stop_seconds = time.perf_counter() - stopping  # `preview` sends SIGTERM, waits
    figures.edit_seconds = figures.kinds.get("a text inside an entry", [])
    source.write_text(original, "utf-8")
    return figures
