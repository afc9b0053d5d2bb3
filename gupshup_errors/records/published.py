"""The record of published codes (data/published.txt): read it, hold the data to it, update it.

A code that was ever on the site keeps its entry, because people link to it. The record is a
committed file, so a fresh clone and CI know every published code without any history.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeAlias

from ..data.located import Entry, Hold
from ..data.model import ErrorTable
from ..data.problems import Problem
from ..data.syntax import read_file
from .recordfile import RecordFile, RecordLine, content_lines

RETIRED = "retired"
_LINE = re.compile(r"(?P<code>[1-9][0-9]{0,8})(?:[ ]+(?P<retired>retired))?")
HEADER = """\
# Every error code the site has published, one per line; 'retired' marks a retired one.
# People link to these codes, so the checks fail when one of them loses its entry in
# errors.yml, or when a retired number is given to an error again.
# `make published` adds new codes and retirements. Never delete a line.
"""


Record: TypeAlias = RecordLine[int, bool]
"""One published code, as the record file lists it: the code, and whether it is retired."""
Published: TypeAlias = RecordFile[int, bool]
"""Every published code, from the record file."""


def parse(text: str, file: str) -> tuple[Published, list[Problem]]:
    """Read the record file's text; lines it cannot read are problems, the rest is kept."""
    records: dict[int, Record] = {}
    problems: list[Problem] = []
    for number, raw in content_lines(text):
        line = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        match = _LINE.fullmatch(line)
        if match is None:
            problems.append(
                Problem(
                    file,
                    number,
                    column,
                    f"'{line}' is not a published code",
                    hint=f"write the code alone on the line, or the code and ' {RETIRED}'",
                    excerpt=raw,
                )
            )
            continue
        code = int(match.group("code"))
        if code in records:
            problems.append(
                Problem(
                    file,
                    number,
                    column,
                    f"code {code} is listed twice (first on line {records[code].line})",
                    code=code,
                    hint="remove one of the two lines",
                    excerpt=raw,
                )
            )
            continue
        records[code] = Record(code, match.group("retired") is not None, number)
    return Published(file, records), problems


def _place(entries: Sequence[Entry], code: int) -> tuple[Entry | None, str]:
    """The entry a missing code's entry belongs next to, and how to say where."""
    later = [entry for entry in entries if entry.code > code]
    if later:
        after = min(later, key=lambda entry: entry.code)
        return after, f"above the entry for {after.code}"
    before = max(entries, key=lambda entry: entry.code, default=None)
    return before, f"below the entry for {before.code}" if before else "under 'codes:'"


def check(
    published: Published, entries: Sequence[Entry], data_file: str, *, require_recorded: bool
) -> list[Problem]:
    """Every way the data breaks a published code; with `require_recorded`, also every new
    code or retirement the record does not list yet (builds that publish need it listed)."""
    problems = _broken(published, entries, data_file)
    return problems + _unrecorded(published, entries, data_file) if require_recorded else problems


def _broken(published: Published, entries: Sequence[Entry], data_file: str) -> list[Problem]:
    """Each published code the data dropped, and each retired one it brought back."""
    problems: list[Problem] = []
    by_code = {entry.code: entry for entry in entries}
    for record in published.entries.values():
        code, retired = record.key, record.value
        entry = by_code.get(code)
        source = f"{published.file} line {record.line}"
        if entry is None:
            near, where = _place(entries, code)
            problems.append(
                Problem(
                    data_file,
                    near.line if near else 1,
                    near.column if near else 1,
                    f"code {code} was published ({source}) but has no entry: "
                    f"links to #{code} would break",
                    code=code,
                    hint=f"put the entry for {code} back, {where}; add 'retired: true' "
                    "to it if the API no longer returns the code",
                )
            )
        elif retired and entry.retired is False:
            problems.append(
                Problem(
                    data_file,
                    entry.line,
                    entry.column,
                    f"code {code} was retired ({source}); a retired number is never "
                    "given to an error again",
                    code=code,
                    field="retired",
                    hint="keep 'retired: true' on this entry, and give a new error a new number",
                )
            )
    return problems


def _unrecorded(published: Published, entries: Sequence[Entry], data_file: str) -> list[Problem]:
    """Each new code and new retirement in the data that the record does not list yet."""
    problems: list[Problem] = []
    for entry in entries:
        known = published.entries.get(entry.code)
        if known is None or (entry.retired and not known.value):
            what = "new code" if known is None else "retirement of code"
            problems.append(
                Problem(
                    data_file,
                    entry.line,
                    entry.column,
                    f"the {what} {entry.code} is not in {published.file} yet",
                    code=entry.code,
                    field=None if known is None else "retired",
                    hint=f"run `make published` (or add the line '{entry.code}"
                    + (f" {RETIRED}" if entry.retired else "")
                    + f"' to {published.file}), and commit it with this change",
                )
            )
    return problems


def render(record: Published | None, table: ErrorTable) -> str:
    """The record file's new text: every code it had and every code of the table, each
    retired once it was retired anywhere. Nothing is ever dropped."""
    retired: dict[int, bool] = {}
    if record is not None:
        retired.update((code, known.value) for code, known in record.entries.items())
    for row in table.codes:
        retired[row.code] = retired.get(row.code, False) or row.retired
    lines = [f"{code} {RETIRED}" if retired[code] else str(code) for code in sorted(retired)]
    return HEADER + "\n".join(lines) + "\n"


def hold(record: Published, *, require_recorded: bool) -> Hold:
    """The check that holds a reading of the data to `record` (see `check`)."""
    return partial(_hold, record, require_recorded)


def _hold(
    record: Published, require_recorded: bool, entries: Sequence[Entry], data_file: str
) -> list[Problem]:
    return check(record, entries, data_file, require_recorded=require_recorded)


def read(path: Path) -> tuple[Published | None, list[Problem]]:
    """The record file at `path`, or None and why not; a record with unreadable lines is
    None too, as it would make every comparison with it suspect."""
    text, problems = read_file(path)
    if text is None:
        hint = "run `make published` to create it from the data file, and commit it"
        return None, [replace(problem, hint=hint) for problem in problems]
    known, problems = parse(text, str(path))
    return (None if problems else known), problems
