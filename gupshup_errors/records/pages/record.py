"""The page translation record (data/translated-pages.txt): which source block each block of a
page's translation was made from, one line per block, read and written as translated.txt is."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, TypeAlias

from ...data.problems import Problem
from ..recordfile import RecordFile, RecordLine, content_lines, escape, unescape

FILE_NAME = "translated-pages.txt"
HEADER = """\
# Which source block each page translation was made from: '<page> <language> <block>: <source>'.
# <page> is the source page under docs/ (its translation is <page> with '.<language>.md'),
# <block> the number of a heading, paragraph, list item, table cell or code block in it, counted
# from the top, and <source> that block's text when the translation was made or confirmed; a
# block whose source text changed since (not only its spaces or line breaks) is reported as
# possibly out of date. Written by `make translated` and `gupshup-errors import`; not by hand.
"""
_LINE = re.compile(
    r"(?P<page>\S+\.md) (?P<language>[^\s:]+) (?P<block>[1-9][0-9]*): (?P<source>.*)"
)
CREATE = "run `make translated`, which records every page translation as made from its source"


class BlockKey(NamedTuple):
    """One block of a page's translation: the source page, the language, the block's number."""

    page: str
    """The source page, relative to the docs folder, with '/' ('guide.md', 'howto/serve.md')."""
    language: str
    block: int
    """1-based, counted in the source page as it was when the translation was recorded."""

    def label(self) -> str:
        return f"{self.page} {self.language} {self.block}"


Entry: TypeAlias = RecordLine[BlockKey, str]
Record: TypeAlias = RecordFile[BlockKey, str]


def path(translated_file: Path) -> Path:
    """Where the page record is: beside the table's translation record."""
    return translated_file.with_name(FILE_NAME)


def _problem(file: str, line: int, message: str, hint: str, raw: str) -> Problem:
    return Problem(file, line, 1, message, hint=hint, excerpt=raw)


def parse(content: str, file: str, languages: Sequence[str]) -> tuple[Record, list[Problem]]:
    """Read the record's text; every line it cannot use is a located problem."""
    entries: dict[BlockKey, Entry] = {}
    problems: list[Problem] = []
    restore = f"the record is written by commands: restore the line with git, or {CREATE}"
    for number, raw in content_lines(content):
        match = _LINE.fullmatch(raw)
        value = unescape(match.group("source")) if match else None
        if match is None or value is None:
            said = "this line is not '<page> <language> <block>: <source text>'"
            problems.append(_problem(file, number, said, restore, raw))
            continue
        key = BlockKey(match.group("page"), match.group("language"), int(match.group("block")))
        if key.language not in languages[1:]:
            said = f"'{key.language}' is not a language the site translates into "
            said += f"({', '.join(languages[1:]) or 'none'})"
            problems.append(_problem(file, number, said, "delete the line", raw))
        elif key in entries:
            said = f"'{key.label()}' is listed twice (first on line {entries[key].line})"
            problems.append(_problem(file, number, said, "delete one of the two lines", raw))
        else:
            entries[key] = Entry(key, value, number)
    return Record(file, entries), problems


def render(entries: Mapping[BlockKey, str]) -> str:
    """The record file's text, by page, language and block."""
    body = [f"{key.label()}: {escape(entries[key])}" for key in sorted(entries)]
    return HEADER + "".join(f"{line}\n" for line in body)


def blocks_of(record: Record, page: str, language: str) -> dict[int, str]:
    """What the record says of one page's translation: each block's source text, by number."""
    return {
        key.block: entry.value
        for key, entry in record.entries.items()
        if key.page == page and key.language == language
    }
