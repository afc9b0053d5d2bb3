"""Many small pages written fast: the code pages, 20,000 files at 10,000 codes.

Creating the folders and files is most of what code pages cost, so each is made relative to
one open folder, with no Path per page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CodePage:
    """One code's page in one language."""

    anchor: str
    html: bytes
    """UTF-8."""


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write(site: Path, code_pages: Iterable[CodePage]) -> None:
    """Each page to `site`/<code>/index.html; neither may exist yet."""
    if os.open not in os.supports_dir_fd or os.mkdir not in os.supports_dir_fd:
        for page in code_pages:
            (site / page.anchor).mkdir()
            with (site / page.anchor / "index.html").open("xb") as file:
                file.write(page.html)
        return
    top = os.open(site, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for page in code_pages:
            os.mkdir(page.anchor, dir_fd=top)
            made = os.open(f"{page.anchor}/index.html", _NEW_FILE, 0o666, dir_fd=top)
            with os.fdopen(made, "wb") as file:
                file.write(page.html)
    finally:
        os.close(top)
