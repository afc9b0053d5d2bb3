"""Paths: where a site's sources are, as the layers below the builder are told, and how
messages name a file (relative to the working folder when inside it, so that a maintainer can
paste the path, or the command holding it, as it is)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


def shown(path: Path) -> Path:
    """The path as messages name it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class SitePaths(Protocol):
    """Where the settings say the sources of a build are (builder/settings.py's Settings)."""

    @property
    def config_file(self) -> Path: ...
    @property
    def docs_dir(self) -> Path: ...
    @property
    def data_file(self) -> Path: ...
    @property
    def published_file(self) -> Path: ...
    @property
    def translated_file(self) -> Path: ...
    @property
    def changes_file(self) -> Path: ...
    @property
    def languages(self) -> tuple[str, ...]: ...
