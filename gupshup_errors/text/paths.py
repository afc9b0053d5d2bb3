"""How messages name a file: relative to the working folder when inside it, so that a
maintainer can paste the path (or the command holding it) as it is."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path) -> Path:
    """The path as messages name it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
