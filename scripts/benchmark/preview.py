"""Edit -> preview: seconds from saving a change to data/errors.yml until the served table page
and the code's own page both hold it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tests.helpers import LANGUAGES, fetch, preview, wait_for

from . import data


def _shows(urls: Sequence[str], token: str) -> bool:
    return all(token in fetch(url, 60) for url in urls)


@dataclass
class PreviewFigures:
    """Seconds from each save until both pages held it, and from the stopping signal (SIGTERM)
    until the preview had ended."""

    edit_seconds: list[float] = field(default_factory=list)
    stop_seconds: float | None = None


def edit_to_preview(project: Path, rows: Sequence[dict[str, Any]], samples: int) -> PreviewFigures:
    source = project / "data" / "errors.yml"
    original = source.read_text("utf-8")
    # The edit is of the first row's action in the first language (data.edited).
    pages = [f"/{LANGUAGES[0]}/", f"/{LANGUAGES[0]}/{rows[0]['code']}/"]
    times = []
    with preview(project, limit=120) as url:
        for sample in range(samples):
            token = f"bench-edit-{sample}-{time.time_ns()}"
            changed = data.edited(rows, token)
            time.sleep(1.0)  # let the previous rebuild settle
            start = time.perf_counter()
            source.write_text(changed, "utf-8")
            wait_for(partial(_shows, [url + page for page in pages], token), "the edit", 120, 0.01)
            times.append(time.perf_counter() - start)
        time.sleep(1.0)  # the signal comes once the last edit is served, as a maintainer's would
        stopping = time.perf_counter()
    stop = time.perf_counter() - stopping  # `preview` sends SIGTERM and waits for the end
    source.write_text(original, "utf-8")
    return PreviewFigures(times, stop)
