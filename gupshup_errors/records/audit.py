"""The record of changes held to the data: broken entries (a code the data lacks, a date in the
future or out of order), lost ones, and changes of the data that the record does not say yet."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from ..data.located import DataText
from ..data.model import TEXT_FIELDS, ErrorTable
from ..data.problems import Problem, lines
from .changes import Change, Record, known, line_problem, source_texts


def check(
    record: Record, table: ErrorTable, published: Collection[int], data: DataText, now: date
) -> list[Problem]:
    """Every way the record is broken (an unknown code, a date in the future or out of order,
    a lost entry), and every change of the data it does not say yet."""
    return _broken(record, table, now) + _unrecorded(record, table, published, data)


def _broken(record: Record, table: ErrorTable, now: date) -> list[Problem]:
    """Each entry dated in the future or before the one above it, and each code an entry
    names that the data lacks, entry by entry."""
    problems: list[Problem] = []
    codes = {row.code for row in table.codes}
    source = lines(_read(record.file))
    last: Change | None = None
    for change in record.changes:
        problems += _misdated(record.file, change, last, now, source)
        problems += _unknown(record.file, change, codes, source)
        last = change
    return problems


def unknown_codes(record: Record, table: ErrorTable) -> list[Problem]:
    """Each code an entry names that the data lacks: what a build cannot show."""
    codes = {row.code for row in table.codes}
    source = lines(_read(record.file))
    return [
        problem
        for change in record.changes
        for problem in _unknown(record.file, change, codes, source)
    ]


def _misdated(
    file: str, change: Change, last: Change | None, now: date, source: Sequence[str]
) -> list[Problem]:
    raw = source[change.line - 1] if change.line <= len(source) else ""
    problems = []
    if change.date > now:
        message = f"{change.date.isoformat()} is in the future (today is {now.isoformat()})"
        hint = (
            "restore the entry with git; commands date entries today, or take "
            "`--date YYYY-MM-DD` (not later than today)"
        )
        problems.append(line_problem(file, change.line, message, hint, raw))
    if last is not None and change.date < last.date:
        message = (
            f"{change.date.isoformat()} is earlier than the entry before it "
            f"({last.date.isoformat()}, line {last.line}): entries are oldest first"
        )
        hint = "restore the record with git: commands only append entries, dated today"
        problems.append(line_problem(file, change.line, message, hint, raw))
    return problems


def _unknown(
    file: str, change: Change, codes: Collection[int], source: Sequence[str]
) -> list[Problem]:
    hint = (
        "restore the code's entry in the data file (a published code is never removed: add "
        "'retired: true' instead), or restore this record with git"
    )
    return [
        line_problem(
            file,
            item.line,
            f"code {item.code} has no entry in the data file",
            hint,
            source[item.line - 1] if item.line <= len(source) else "",
            item.code,
        )
        for item in change.items
        if item.code not in codes
    ]


def lost(record: Record, table: ErrorTable, published: Collection[int]) -> list[Problem]:
    """The codes the record names that the data lacks, and the published codes whose entry
    adding them is gone: recording anew would rewrite their history."""
    seen = known(record).texts
    problems = unknown_codes(record, table)
    for code in sorted(set(published) - set(seen)):
        if table.find(code) is not None:
            problems.append(
                Problem(
                    record.file,
                    1,
                    1,
                    f"code {code} was published but this record has no entry adding it: an "
                    "entry was deleted, and the code's history with it",
                    code=code,
                    hint=f"restore {record.file} with git (`git checkout -- {record.file}`); "
                    "entries are never deleted",
                )
            )
    return problems


def _read(file: str) -> str:
    try:
        return Path(file).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _unrecorded(
    record: Record, table: ErrorTable, published: Collection[int], place: DataText
) -> list[Problem]:
    """Each code, text and retirement of the data that the record does not say yet."""
    source = place.source
    seen = known(record)
    run = f"run `make published`, which records it in {record.file}, and commit it"
    problems: list[Problem] = []
    for row in table.codes:
        before = seen.texts.get(row.code)
        if before is None:
            problems.append(_no_entry(place, record.file, row.code, row.code in published, run))
            continue
        for name, text in source_texts(row, source).items():
            if before.get(name) != text:
                language = source if name in TEXT_FIELDS else None
                message = (
                    f"this text changed since {record.file} last recorded it: readers would "
                    "not see the change"
                )
                problems.append(place.problem(row.code, name, message, run, language))
        if row.retired and row.code not in seen.retired:
            message = f"the retirement of code {row.code} is not in {record.file} yet"
            problems.append(place.problem(row.code, "retired", message, run, None))
    return problems


def _no_entry(place: DataText, record_file: str, code: int, published: bool, run: str) -> Problem:
    """A code the record never added: a deleted entry if it was published, else a new code."""
    if published:
        message = (
            f"code {code} was published but {record_file} has no entry adding it: an entry "
            "was deleted, and the code's history with it"
        )
        hint = f"restore {record_file} with git (`git checkout -- {record_file}`); " + (
            "entries are never deleted"
        )
        return place.problem(code, None, message, hint, None)
    return place.problem(code, None, f"the new code {code} is not in {record_file} yet", run, None)
