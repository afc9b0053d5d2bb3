"""The translation record (data/translated.txt): which source text each translation was made
from, and the translations whose source has changed since.

The first language of the site is the source; every other language translates it. The record
holds, for every code, field and translation language (and the table's title), the source text
the translation was last made or confirmed from. A translation whose source text now differs is
outdated: the checks say so with the old and the new source, and the site shows a note on its
row. The record is committed, so a fresh clone knows without any history; commands write it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple, TypeAlias

from ..data.located import DataText
from ..data.model import TEXT_FIELDS, ErrorTable, Status
from ..data.problems import DataError, Problem
from . import yamledit
from .recordfile import RecordFile, RecordLine, content_lines
from .recordfile import escape as escape  # the record files' shared helpers, as before
from .recordfile import marked as marked
from .recordfile import read as read
from .recordfile import unescape as unescape

TITLE = "title"
FILE_NAME = "translated.txt"
HEADER = """\
# Which source text each translation was made from: '<code> <field> <language>: <source>'
# (and 'title <language>: <source>' for the table's title). When a source text changes,
# its translations are reported as possibly out of date until they are updated or confirmed.
# Written by `make translated`, `make published` and `gupshup-errors import`; not by hand.
"""
_LINE = re.compile(
    r"(?:(?P<code>[0-9]+) (?P<field>\S+)|(?P<title>" + TITLE + r")) (?P<language>[^\s:]+): "
    r"(?P<source>.*)"
)


class TextKey(NamedTuple):
    """One translated text: a code's field, or the table's title (code None), in a language."""

    code: int | None
    field: str
    language: str

    def label(self) -> str:
        where = TITLE if self.code is None else f"{self.code} {self.field}"
        return f"{where} {self.language}"

    def order(self) -> tuple[int, int, int, str, str]:
        """Title first, then by code, the fields in the data's order."""
        field = TEXT_FIELDS.index(self.field) if self.field in TEXT_FIELDS else len(TEXT_FIELDS)
        return (0 if self.code is None else 1, self.code or 0, field, self.field, self.language)


Entry: TypeAlias = RecordLine[TextKey, str]
"""One line of the record: a translation, and the source text it was made from."""
Record: TypeAlias = RecordFile[TextKey, str]
"""The record file, read."""


def sources(
    table: ErrorTable, languages: Sequence[str], fields: Sequence[str]
) -> dict[TextKey, str]:
    """The current source text of every translation of the table."""
    source, *targets = languages
    found: dict[TextKey, str] = {}
    for language in targets:
        found[TextKey(None, TITLE, language)] = table.title[source]
        for row in table.codes:
            for field in fields:
                text = getattr(row.texts[source], field)
                if text is not None:  # an optional text the source does not have
                    found[TextKey(row.code, field, language)] = text
    return found


def text(table: ErrorTable, key: TextKey) -> str | None:
    """The text of `key` in the table (the translation, in its language)."""
    if key.code is None:
        return table.title.get(key.language)
    row = table.find(key.code)
    texts = row.texts.get(key.language) if row else None
    return getattr(texts, key.field, None) if texts else None


def _line(
    raw: str,
    number: int,
    languages: Sequence[str],
    fields: Sequence[str],
    entries: Mapping[TextKey, Entry],
) -> Entry | tuple[str, str, TextKey | None]:
    """One line of the record, or what is wrong with it: (message, hint, key)."""
    match = _LINE.fullmatch(raw)
    value = unescape(match.group("source")) if match else None
    if match is None or (value is not None and not value.strip()):
        return (
            "this line is not '<code> <field> <language>: <source text>'",
            "the record is written by commands: restore the line with git, or delete it and "
            "run `make translated` once the translation is reviewed",
            None,
        )
    field = match.group("field") or TITLE
    code = int(match.group("code")) if match.group("code") else None
    key = TextKey(code, field, match.group("language"))
    if value is None:
        return (
            "a backslash here is not '\\n' (a line break) or '\\\\' (a backslash)",
            "restore the line with git, or delete it and run `make translated`",
            key,
        )
    if key in entries or key.language == languages[0] or key.language not in languages:
        return _wrong(key, languages, entries)
    if code is not None and field not in fields:
        close = difflib.get_close_matches(field, fields, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"the fields are {', '.join(fields)}"
        return f"unknown field '{field}'", hint, key
    return Entry(key, value, number)


def _wrong(
    key: TextKey, languages: Sequence[str], entries: Mapping[TextKey, Entry]
) -> tuple[str, str, TextKey | None]:
    """What is wrong with a line about a language that is no translation, or a repeat."""
    source = languages[0]
    if key.language == source:
        return (
            f"'{source}' is the source language: its texts are not translations",
            ("delete the line"),
            key,
        )
    if key.language not in languages:
        return (
            f"language '{key.language}' is not built by the site "
            f"(it builds {', '.join(languages)})",
            "delete the line, or add the language to 'languages' in mkdocs.yml",
            key,
        )
    return (
        f"'{key.label()}' is listed twice (first on line {entries[key].line})",
        "delete one of the two lines",
        key,
    )


def parse(
    content: str, file: str, languages: Sequence[str], fields: Sequence[str]
) -> tuple[Record, list[Problem]]:
    """Read the record's text; every line it cannot use is a located problem."""
    entries: dict[TextKey, Entry] = {}
    problems: list[Problem] = []
    for number, raw in content_lines(content):
        found = _line(raw, number, languages, fields, entries)
        if isinstance(found, RecordLine):
            entries[found.key] = found
            continue
        message, hint, key = found
        problems.append(problem_at(file, number, message, hint, key, excerpt=raw))
    return Record(file, entries), problems


def unknown_codes(record: Record, table: ErrorTable, data_file: str) -> list[Problem]:
    """Record lines about codes the data file has no entry for."""
    known = {row.code for row in table.codes}
    return [
        problem_at(
            record.file,
            entry.line,
            f"code {entry.key.code} has no entry in {data_file}",
            "delete the line (a published code keeps its entry in the data file)",
            entry.key,
            excerpt=f"{entry.key.label()}: {escape(entry.value)}",
        )
        for entry in record.entries.values()
        if entry.key.code is not None and entry.key.code not in known
    ]


@dataclass(frozen=True)
class Stale:
    """A translation that may no longer say what its source says."""

    key: TextKey
    was: str | None
    """The source text it was made from; None when the record does not say."""
    now: str


def stale(
    record: Record, current: Mapping[TextKey, str], new_codes: Collection[int]
) -> list[Stale]:
    """Every translation whose recorded source differs from the current one, or that has no
    record although its code was published before (a new code's texts are all fresh)."""
    found = []
    for key, now in current.items():
        entry = record.entries.get(key)
        if entry is None and key.code in new_codes:
            continue
        if entry is None or entry.value != now:
            found.append(Stale(key, entry.value if entry else None, now))
    return found


def render(entries: Mapping[TextKey, str]) -> str:
    """The record file's text."""
    body = [f"{key.label()}: {escape(entries[key])}" for key in sorted(entries, key=TextKey.order)]
    return HEADER + "".join(f"{line}\n" for line in body)


def confirmed(
    record: Record | None,
    current: Mapping[TextKey, str],
    chosen: Iterable[TextKey],
) -> dict[TextKey, str]:
    """The record's entries, with the current source recorded for every chosen translation."""
    entries = {key: entry.value for key, entry in (record.entries if record else {}).items()}
    entries.update((key, current[key]) for key in chosen if key in current)
    return entries


def problem(
    item: Stale,
    data_file: str,
    record_file: str,
    source_language: str,
    where: tuple[int, int],
) -> Problem:
    """The located report of one outdated translation, with both ways out."""
    key = item.key
    target = TITLE if key.code is None else str(key.code)
    command = f"`gupshup-errors translated {target} --lang {key.language}`"
    line, column = where
    if item.was is None:
        message = (
            f"{record_file} does not say which '{source_language}' text this translation "
            "was made from"
        )
        hint = f"check the translation against the '{source_language}' text, then record it "
        hint += f"with {command}"
        notes: tuple[str, ...] = (f"{source_language} now: {escape(item.now)}",)
    else:
        was, now = marked(item.was, item.now)
        message = (
            f"the translation may be out of date: the '{source_language}' text changed since "
            "it was translated"
        )
        hint = f"update the '{key.language}' text, or, if it still holds, confirm it with "
        hint += f"{command} (`make translated` confirms every translation)"
        notes = (f"{source_language} was: {was}", f"{source_language} now: {now}")
    return problem_at(data_file, line, message, hint, key, notes=notes, column=column)


CREATE = (
    "run `make translated` to create it: it records every translation as made from "
    "the current source text"
)


@dataclass(frozen=True)
class Review:
    """The record held to the data: what may be out of date, and where it is written."""

    record: Record
    current: Mapping[TextKey, str]
    stale: tuple[Stale, ...]
    source: str

    @property
    def status(self) -> Status:
        return Status(
            frozenset((item.key.code, item.key.language) for item in self.stale), self.source
        )

    def problems(self, data: DataText) -> list[Problem]:
        """Each outdated translation as a problem at the line of the translation (from the
        loader's source map), its line shown."""
        found = yamledit.places(data.positions) if data.positions is not None else {}
        problems = []
        for item in self.stale:
            spot = found.get(item.key)
            where = (spot.line, spot.column) if spot else (1, 1)
            report = problem(item, data.file, self.record.file, data.source, where)
            problems.append(replace(report, excerpt=data.excerpt(where[0]) if spot else None))
        return sorted(problems, key=lambda found: (found.line, found.column))


def review(
    path: Path,
    table: ErrorTable,
    languages: Sequence[str],
    data_file: str,
    new_codes: Collection[int] = (),
) -> Review:
    """Read the record at `path` and hold it to the table; a record that cannot be read, or
    that names codes the table does not have, raises DataError."""
    content, problems = read(path, CREATE)
    record = Record(str(path), {})
    if content is not None:
        record, problems = parse(content, str(path), languages, TEXT_FIELDS)
        problems += unknown_codes(record, table, data_file)
    if problems:
        raise DataError(problems)
    current = sources(table, languages, TEXT_FIELDS)
    return Review(record, current, tuple(stale(record, current, new_codes)), languages[0])


def rereview(
    previous: Review, table: ErrorTable, languages: Sequence[str], new_codes: Collection[int]
) -> Review:
    """The same record held to an edited table of the same codes (the live preview: the
    record file is unchanged, so it is not read again)."""
    current = sources(table, languages, TEXT_FIELDS)
    return Review(
        previous.record, current, tuple(stale(previous.record, current, new_codes)), languages[0]
    )


def problem_at(
    file: str,
    line: int,
    message: str,
    hint: str,
    key: TextKey | None,
    *,
    notes: tuple[str, ...] = (),
    excerpt: str | None = None,
    column: int = 1,
) -> Problem:
    """A problem about one translation (or the file, without a key) at a line, at its start
    unless `column` says where."""
    return Problem(
        file,
        line,
        column,
        message,
        code=key.code if key else None,
        field=key.field if key else None,
        language=key.language if key else None,
        hint=hint,
        notes=notes,
        excerpt=excerpt,
    )
