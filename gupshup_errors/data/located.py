"""Where things are in the data file: the address of a node in the model's terms, and the
source map a caller gets beside the table (`load.load_located`)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import yaml

from .model import ErrorTable
from .problems import Problem, lines


@dataclass(frozen=True)
class Entry:
    """What the published record needs of an entry in the data file: number, state, place."""

    code: int
    retired: bool | None
    """None when the entry's 'retired' value cannot be read (a problem of its own)."""
    line: int
    column: int


Hold = Callable[[Sequence[Entry], str], list[Problem]]
"""A check of the entries against a record kept beside the data (records/published.py):
given every entry's number, state and place, and the data file's name, its problems."""


@dataclass(frozen=True)
class Where:
    """Which code, field and language a node belongs to (and which entry, to keep apart
    entries whose code cannot be read)."""

    code: int | None = None
    field: str | None = None
    language: str | None = None
    entry: int | None = None

    # Written out rather than dataclasses.replace, which costs more than the rest of a read.
    def with_field(self, name: str | None) -> Where:
        return Where(self.code, name, self.language, self.entry)

    def with_language(self, name: str | None) -> Where:
        return Where(self.code, self.field, name, self.entry)


@dataclass(frozen=True)
class Span:
    """Where a value is written: 1-based line and column of its start and of its end (the
    column just past its last character)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return cls(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


@dataclass(frozen=True)
class RowLink:
    """A '#...' link in a text, checked once every code is known."""

    where: Where
    line: int
    column: int
    fragment: str


@dataclass(frozen=True)
class Positions:
    """Where each text, entry and title sits in the data file."""

    texts: Mapping[tuple[int, str, str | None], Span]
    """By (code, field, language); language None for a field that is not per language."""
    entries: Mapping[int, Span]
    """By code: the whole entry, from '- code:' to its last text."""
    title: Mapping[str, Span]
    """The table's heading, by language."""

    def text(self, code: int, field: str, language: str | None = None) -> Span:
        return self.texts[code, field, language]


@dataclass(frozen=True)
class Located:
    """A table and where its parts are written."""

    table: ErrorTable
    positions: Positions
    entries: tuple[Entry, ...] = ()
    """What the published record needs of each entry, in the file's order."""


@dataclass(frozen=True)
class DataText:
    """The data file as one reading saw it, for placing problems about its texts: its name,
    its text, the source map, and the source language."""

    file: str
    text: str
    positions: Positions | None
    """None when the file could not be read into a table (no source map)."""
    source: str
    """The source language."""

    @functools.cached_property
    def lines(self) -> list[str]:
        return lines(self.text)

    def excerpt(self, line: int) -> str | None:
        """The text of `line` (1-based), if the file has it."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None

    def problem(
        self, code: int, field: str | None, message: str, hint: str, language: str | None
    ) -> Problem:
        """A problem about a code's text at its line, else at its entry's, else at the top."""
        span = None
        if self.positions is not None:
            texts, entries = self.positions.texts, self.positions.entries
            span = texts.get((code, field, language)) if field is not None else None
            span = span or entries.get(code)
        line, column = (span.line, span.column) if span else (1, 1)
        return Problem(
            self.file,
            line,
            column,
            message,
            code=code,
            field=field,
            language=language,
            hint=hint,
            excerpt=self.excerpt(line) if span else None,
        )
