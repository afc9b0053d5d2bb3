"""The dated record of changes (data/changes.txt): read it, hold the data to it, add to it.

Each entry is a dated line saying what happened (a code added, retired, its source text
changed, a translation brought up to date) and, indented under it, one line per code and text
it touches. An added code keeps its source texts and a change both the old and the new text,
so the history needs no git. Commands append entries; nothing is ever edited or removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..data.model import TEXT_FIELDS, Dates, ErrorCode, ErrorTable, Kind, code_fields, kind
from ..data.problems import DataError, Problem, lines
from ..data.syntax import read_file

ADDED, CHANGED, RETIRED, TRANSLATED = "added", "changed", "retired", "translated"
KINDS = (ADDED, CHANGED, RETIRED, TRANSLATED)
WAS, NOW = "was", "now"
HEADER = """\
# What changed in the table, and when: one entry per change, oldest first. An entry is a
# dated line ('<date> added|changed|retired|translated') and, under it, the codes it touches.
# Written by `make published`, `make translated` and `gupshup-errors import`; never by hand.
# Never edit or delete an entry: readers' history (the site's "What changed", its feeds) is
# made from it.
"""
CREATE = "run `make published` to create it from the data file, and commit it"
_HEAD = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2}) (?P<kind>[a-z]+)")
_ITEM = re.compile(
    r"(?P<code>[0-9]+)(?: (?P<field>[a-z_]+))?(?: (?P<extra>[a-z_]+))?(?:: (?P<json>.*))?"
)


SOURCE_FIELDS = TEXT_FIELDS + tuple(
    item.name for item in code_fields() if kind(item) is Kind.PROVIDER
)
"""The texts of a code whose change is a change of its meaning: the source language's
translated texts and the provider's own, as the model declares them."""


@dataclass(frozen=True)
class Item:
    """What an entry says of one code: a text (added, changed), a translation (translated)."""

    code: int
    field: str | None = None
    language: str | None = None
    was: str | None = None
    now: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Change:
    """One entry of the record: its date, what happened, and the codes it touches."""

    date: date
    kind: str
    items: tuple[Item, ...]
    line: int = 0
    number: int = 0
    """1-based place in the record: stable, as entries are only ever appended."""

    @property
    def codes(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(item.code for item in self.items))


@dataclass(frozen=True)
class Record:
    """The record file, read: its entries, oldest first."""

    file: str
    changes: tuple[Change, ...]


def line_problem(
    file: str, line: int, message: str, hint: str, raw: str, code: int | None = None
) -> Problem:
    column = len(raw) - len(raw.lstrip()) + 1
    return Problem(file, line, column, message, code=code, hint=hint, excerpt=raw)


def _restore(file: str) -> str:
    return (
        "the record is written by commands, never by hand: restore it with git "
        f"(`git checkout -- {file}`)"
    )


def _text(raw: str | None) -> tuple[bool, str | None]:
    """A JSON-encoded text (or null), and whether it could be read."""
    if raw is None:
        return False, None
    try:
        value = json.loads(raw)
    except ValueError:
        return False, None
    return (value is None or isinstance(value, str)), value


def _item(kind_: str, raw: str, number: int, languages: Sequence[str]) -> Item | str:
    """One indented line of an entry of `kind_`, or what it should look like."""
    match = _ITEM.fullmatch(raw.strip())
    shapes = {
        ADDED: "'<code> <field>: \"<text>\"'",
        CHANGED: "'<code> <field> was: \"<text>\"' or '<code> <field> now: \"<text>\"'",
        RETIRED: "'<code>'",
        TRANSLATED: "'<code> <field> <language>'",
    }
    wrong = f"this line of a '{kind_}' entry is not {shapes[kind_]}"
    if match is None:
        return wrong
    code, field, extra, text = (
        int(match["code"]),
        match["field"],
        match["extra"],
        match["json"],
    )
    if kind_ == RETIRED:
        return Item(code, line=number) if field is None and text is None else wrong
    if field not in SOURCE_FIELDS:
        return f"unknown field '{field}' (the fields are {', '.join(SOURCE_FIELDS)})"
    if kind_ == TRANSLATED:
        if extra not in languages[1:] or text is not None:
            return f"{wrong}; the language is one of {', '.join(languages[1:])}"
        return Item(code, field, extra, line=number)
    readable, value = _text(text)
    if not readable:
        return f'{wrong}, the text in JSON ("..." or null)'
    if kind_ == ADDED and extra is None and value is not None:
        return Item(code, field, now=value, line=number)
    if kind_ == CHANGED and extra in (WAS, NOW):
        return (
            Item(code, field, was=value, line=number)
            if extra == WAS
            else Item(code, field, now=value, line=number)
        )
    return wrong


def _pairs(items: list[Item]) -> list[Item] | None:
    """A changed entry's was/now lines as one item per text; None when they do not pair."""
    paired: list[Item] = []
    for index in range(0, len(items), 2):
        was, now = items[index], items[index + 1] if index + 1 < len(items) else None
        if now is None or (was.code, was.field) != (now.code, now.field):
            return None
        paired.append(Item(was.code, was.field, was=was.was, now=now.now, line=was.line))
    return paired


def parse(text: str, file: str, languages: Sequence[str]) -> tuple[Record, list[Problem]]:
    """Read the record's text; every line it cannot use is a located problem."""
    changes: list[Change] = []
    problems: list[Problem] = []
    head: tuple[date, str, int, str] | None = None
    items: list[Item] = []

    def close() -> None:
        if head is None:
            return
        when, what, line, raw = head
        found = _pairs(items) if what == CHANGED else items
        if not items or found is None:
            said = "touches no code" if not items else "does not pair each 'was' with a 'now'"
            problems.append(line_problem(file, line, f"this entry {said}", _restore(file), raw))
            return
        changes.append(Change(when, what, tuple(found), line, len(changes) + 1))

    for number, raw in enumerate(lines(text), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            close()
            head, items = None, []
            match = _HEAD.fullmatch(raw.rstrip())
            when = _date(match["date"]) if match else None
            if match is None or when is None or match["kind"] not in KINDS:
                message = f"'{raw.strip()}' is not '<YYYY-MM-DD> {'|'.join(KINDS)}'"
                problems.append(line_problem(file, number, message, _restore(file), raw))
                head = (date.min, "", number, raw)  # its lines are skipped with it
                continue
            head = (when, match["kind"], number, raw)
            continue
        if head is None or not head[1]:
            if head is None:
                message = "this line belongs to no entry: an entry starts with its date"
                problems.append(line_problem(file, number, message, _restore(file), raw))
            continue
        found = _item(head[1], raw, number, languages)
        if isinstance(found, str):
            problems.append(line_problem(file, number, found, _restore(file), raw))
            head = (head[0], "", head[2], head[3])
            continue
        items.append(found)
    close()
    return Record(file, tuple(changes)), problems


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def source_texts(row: ErrorCode, source: str) -> dict[str, str | None]:
    """A code's texts in the source language and the provider's, by field."""
    found: dict[str, str | None] = {}
    for name in SOURCE_FIELDS:
        holder: object = row.texts[source] if name in TEXT_FIELDS else row
        found[name] = getattr(holder, name, None)
    return found


@dataclass(frozen=True)
class Known:
    """What the record knows of every code: its last recorded texts, and whether retired."""

    texts: Mapping[int, Mapping[str, str | None]]
    retired: frozenset[int]


def known(record: Record) -> Known:
    texts: dict[int, dict[str, str | None]] = {}
    retired: set[int] = set()
    for change in record.changes:
        for item in change.items:
            if change.kind == ADDED or change.kind == CHANGED:
                texts.setdefault(item.code, {})[item.field or ""] = item.now
            elif change.kind == RETIRED:
                retired.add(item.code)
    return Known(texts, frozenset(retired))


def pending(record: Record | None, table: ErrorTable, source: str, when: date) -> list[Change]:
    """The entries that bring the record up to date with the data: new codes, retirements and
    changed source texts."""
    seen = known(record) if record else Known({}, frozenset())
    added: list[Item] = []
    changed: list[Item] = []
    retired: list[Item] = []
    for row in table.codes:
        texts = source_texts(row, source)
        before = seen.texts.get(row.code)
        if before is None:
            added += [Item(row.code, name, now=text) for name, text in texts.items() if text]
        else:
            changed += [
                Item(row.code, name, was=before.get(name), now=text)
                for name, text in texts.items()
                if before.get(name) != text
            ]
        if row.retired and row.code not in seen.retired:
            retired.append(Item(row.code))
    kinds = ((ADDED, added), (CHANGED, changed), (RETIRED, retired))
    return [Change(when, what, tuple(items)) for what, items in kinds if items]


def translations(keys: Collection[tuple[int | None, str, str]], when: date) -> list[Change]:
    """The entry saying that these translations (code, field, language) were brought up to
    date; the table's title (code None) is no code, and is left out."""
    items = [Item(code, field, language) for code, field, language in keys if code is not None]
    order = {name: index for index, name in enumerate(TEXT_FIELDS)}
    items.sort(key=lambda item: (item.code, item.language or "", order.get(item.field or "", 0)))
    return [Change(when, TRANSLATED, tuple(items))] if items else []


def _quoted(text: str | None) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(changes: Sequence[Change]) -> str:
    """The record's text for `changes` (appended to the file as it is)."""
    out: list[str] = []
    for change in changes:
        out.append(f"{change.date.isoformat()} {change.kind}")
        for item in change.items:
            if change.kind == ADDED:
                out.append(f"  {item.code} {item.field}: {_quoted(item.now)}")
            elif change.kind == CHANGED:
                out.append(f"  {item.code} {item.field} {WAS}: {_quoted(item.was)}")
                out.append(f"  {item.code} {item.field} {NOW}: {_quoted(item.now)}")
            elif change.kind == TRANSLATED:
                out.append(f"  {item.code} {item.field} {item.language}")
            else:
                out.append(f"  {item.code}")
    return "".join(f"{line}\n" for line in out)


def appended(before: str | None, changes: Sequence[Change]) -> str:
    """The record file's new text: what it had, then `changes`."""
    text = HEADER if before is None else before
    if text and not text.endswith("\n"):
        text += "\n"
    return text + render(changes)


def dates(record: Record) -> dict[int, Dates]:
    """Per code: when it was added, and when its meaning last changed (a source text, or its
    retirement)."""
    found: dict[int, Dates] = {}
    for change in record.changes:
        for code in change.codes:
            if change.kind == ADDED:
                found[code] = Dates(change.date, found.get(code, Dates()).changed)
            elif change.kind in (CHANGED, RETIRED):
                found[code] = Dates(found.get(code, Dates()).added, change.date)
    return found


def read(path: Path, languages: Sequence[str]) -> tuple[Record | None, list[Problem]]:
    """The record at `path`, or None and why not."""
    text, problems = read_file(path)
    if text is None:
        return None, [
            Problem(problem.file, problem.line, problem.column, problem.message, hint=CREATE)
            for problem in problems
        ]
    record, problems = parse(text, str(path), languages)
    return (None if problems else record), problems


def require(path: Path, languages: Sequence[str]) -> Record | None:
    """The record at `path` for a command that adds to it: None when there is none yet; a
    record that cannot be read raises DataError."""
    if not path.exists():
        return None
    record, problems = read(path, languages)
    if record is None:
        raise DataError(problems)
    return record
