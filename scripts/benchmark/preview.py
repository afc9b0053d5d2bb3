"""Edit -> preview: seconds from saving a change to data/errors.yml until the served page
holds it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from tests.helpers import LANGUAGES, fetch, preview, wait_for

from . import data


def _shows(url: str, token: str) -> bool:
    return token in fetch(url, 60)


def edit_to_preview(project: Path, rows: Sequence[dict[str, Any]], samples: int) -> list[float]:
    source = project / "data" / "errors.yml"
    original = source.read_text("utf-8")
    page = f"/{LANGUAGES[0]}/"
    times = []
    with preview(project, limit=120) as url:
        for sample in range(samples):
            token = f"bench-edit-{sample}-{time.time_ns()}"
            changed = data.edited(rows, token)
            time.sleep(1.0)  # let the previous rebuild settle
            start = time.perf_counter()
            source.write_text(changed, "utf-8")
            wait_for(partial(_shows, url + page, token), "the edit", 120, 0.01)
            times.append(time.perf_counter() - start)
        source.write_text(original, "utf-8")
    return times
