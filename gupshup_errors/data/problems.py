"""Located problems in the data file, and the one exception that carries them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_EXCERPT_WIDTH = 100


_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """The file's lines as editors and YAML number them (not as str.splitlines does)."""
    return _BREAK.split(text)


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = lines(text[:index])
    return len(before), len(before[-1]) + 1


@dataclass(frozen=True)
class Problem:
    """One mistake, with everything a person needs to find and fix it."""

    file: str
    line: int
    column: int
    message: str
    code: int | None = None
    field: str | None = None
    language: str | None = None
    hint: str | None = None
    excerpt: str | None = None
    """The text of the line, shown under the message with a caret at the column."""
    notes: tuple[str, ...] = ()
    """More lines to read before the fix, e.g. how a source text changed."""

    def __str__(self) -> str:
        where = [f"code {self.code}"] if self.code is not None else []
        if self.field:
            where.append(f"field '{self.field}'")
        if self.language:
            where.append(f"language '{self.language}'")
        context = f" [{', '.join(where)}]" if where else ""
        lines = [f"{self.file}:{self.line}:{self.column}:{context} {self.message}"]
        if self.excerpt is not None:
            lines.extend(_excerpt(self.excerpt, self.line, self.column))
        lines.extend(f"    {note}" for note in self.notes)
        if self.hint:
            lines.append(f"    fix: {self.hint}")
        return "\n".join(lines)


def _excerpt(text: str, line: int, column: int) -> list[str]:
    """The line with a caret under the column; a long line is cut around the column."""
    # One column per character, so that the caret lines up; nothing invisible or moving.
    text = "".join(
        " " if char == "\t" else "\ufffd" if unicodedata.category(char) == "Cc" else char
        for char in text
    )
    start = max(0, min(column - 1 - _EXCERPT_WIDTH // 2, len(text) - _EXCERPT_WIDTH))
    shown = text[start : start + _EXCERPT_WIDTH]
    caret = column - 1 - start
    if start > 0:
        shown, caret = "…" + shown, caret + 1
    if start + _EXCERPT_WIDTH < len(text):
        shown += "…"
    number = str(line)
    return [
        f"    {number} | {shown}".rstrip(),
        f"    {' ' * len(number)} | {' ' * caret}^",
    ]


class DataError(Exception):
    """The data file cannot be used; every problem found is listed."""

    def __init__(self, problems: Sequence[Problem], subject: str = "the error table data") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in {self.subject}:"]
        lines.extend(str(problem) for problem in self.problems)
        return "\n".join(lines)
