"""What the committed record files (published.txt, translated.txt) share: one line per key,
with '#' comments and blank lines between, read into the lines by their key; written whole,
atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..data.problems import lines

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class RecordLine(Generic[K, V]):
    """One line of a record file: what it is about, what it records of it, and where."""

    key: K
    value: V
    line: int


@dataclass(frozen=True)
class RecordFile(Generic[K, V]):
    """A record file, read: the lines it could use, by their key."""

    file: str
    entries: Mapping[K, RecordLine[K, V]]


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line that records something, with its 1-based number (comments and blank lines
    are skipped)."""
    for number, raw in enumerate(lines(text), start=1):
        if raw.strip() and not raw.lstrip().startswith("#"):
            yield number, raw


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: a failure leaves the old file as it was."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)
