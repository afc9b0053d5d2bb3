"""What the committed record files (published.txt, translated.txt, translated-pages.txt)
share: one line per key, with '#' comments and blank lines between, read into the lines by their
key; texts kept on one line, and the changed words between two marked (written whole, by
writer.py)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..data.problems import Problem, lines
from ..text import words

_ESCAPE = re.compile(r"\\(.?)")
_ESCAPES = {"n": "\n", "\\": "\\"}
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


def unescape(raw: str) -> str | None:
    """A recorded text read back ('\\n' a line break, '\\\\' a backslash); None when a
    backslash is neither."""
    if "\\" not in raw:
        return raw
    bad = [m for m in _ESCAPE.finditer(raw) if m.group(1) not in _ESCAPES]
    return None if bad else _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], raw)


def escape(value: str) -> str:
    """A text as a record line holds it: on one line."""
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def marked(was: str, now: str) -> tuple[str, str]:
    """The two texts with the changed words marked: [-removed-] in the old, {+added+} in the new
    (the marks of `git diff --word-diff`)."""
    before, after = words.marked(was, now, lambda gone: f"[-{gone}-]", lambda come: f"{{+{come}+}}")
    return escape(before), escape(after)


def read(path: Path, creates: str) -> tuple[str | None, list[Problem]]:
    """A record file's text, or why it cannot be read; a missing one names the command that
    `creates` it."""
    try:
        return path.read_text("utf-8"), []
    except FileNotFoundError:
        message, hint = "the file does not exist", f"{creates}, and commit it"
    except UnicodeDecodeError as error:
        message = f"byte {error.start} of the file is not UTF-8 text"
        hint = "restore the file with git: commands write it, as UTF-8"
    except OSError as error:
        message, hint = f"the file cannot be read: {error.strerror}", "check its permissions"
    return None, [Problem(str(path), 1, 1, message, hint=hint)]
