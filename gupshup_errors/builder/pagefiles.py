"""Many small pages written: the code pages, 20,000 files at 10,000 codes.

Each page gets a folder of its own. Making each folder and file relative to one open folder
(`dir_fd`) instead of by path was measured to buy nothing (`scripts/bench --speedups`,
2026-12-07: 1.00 at 2,000 codes and 0.97 at 10,000), so it was removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CodePage:
    """One code's page in one language."""

    anchor: str
    html: bytes
    """UTF-8."""


def write(site: Path, code_pages: Iterable[CodePage]) -> None:
    """Each page to `site`/<code>/index.html; neither may exist yet."""
    for page in code_pages:
        folder = site / page.anchor
        folder.mkdir()
        with (folder / "index.html").open("xb") as file:
            file.write(page.html)
