"""Many small pages written: the code pages, 20,000 files at 10,000 codes.

Each page gets a folder of its own. Making and deleting thousands of folders is what a
repeated build paid for most on a disk that discards freed blocks (scripts/benchmark/disk.py),
so a build may take the folders of an earlier one (`kept`): each is moved in whole, and its
page rewritten only where its bytes changed.

Making each folder and file relative to one open folder (`dir_fd`) was measured to buy nothing
(`scripts/bench --speedups`, 2026-12-07: 1.00 at 2,000 codes and 0.97 at 10,000) and removed.
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


INDEX = "index.html"


def write(site: Path, code_pages: Iterable[CodePage], kept: Path | None = None) -> None:
    """Each page to `site`/<code>/index.html, where nothing may be yet; the code's folder is
    moved in from `kept` (an earlier build's language folder) where it is there."""
    for page in code_pages:
        folder = site / page.anchor
        if kept is not None and _moved(kept / page.anchor, folder):
            rewritten(folder / INDEX, page.html)
            continue
        folder.mkdir()
        with (folder / INDEX).open("xb") as file:
            file.write(page.html)


def _moved(old: Path, new: Path) -> bool:
    try:
        old.rename(new)
    except FileNotFoundError:
        return False
    return True


def rewritten(index: Path, html: bytes) -> None:
    """The file written unless it already holds these bytes (the folder is not served yet)."""
    try:
        if index.read_bytes() == html:
            return
    except OSError:
        pass
    index.write_bytes(html)
