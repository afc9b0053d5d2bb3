"""The data file read again after an edit, parsing only the entries whose lines changed.

A whole reading of 10,000 codes takes over a second; an edit usually touches one entry. The
two texts are compared byte for byte, the entries that hold the changed bytes are parsed on
their own (under the file's unchanged head), and the rest is kept from the previous reading.
Entries may be added, removed, renumbered or moved within the changed lines: the codes are
then held in ascending order across the whole table, and a removed code to no link. An edit
of the head (the title) that keeps its lines is read with the first entry under it. Whenever
that might differ from what a whole reading gives (any problem at all), the answer is None:
read the whole file, which also places every problem.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace

from . import spec
from .load import parse_part
from .located import Hold, Located, Positions, Span
from .model import ErrorCode, ErrorTable


@dataclass(frozen=True)
class Snapshot:
    """A reading of the data file that the next one can start from."""

    data: bytes
    """The file as read, UTF-8."""
    located: Located
    starts: tuple[int, ...]
    """Where each entry's first line starts in `data` (a byte offset), in the table's order."""


def snapshot(data: bytes, located: Located) -> Snapshot | None:
    """A whole reading of `data`, kept for the next edit; None when the file's line breaks
    are ones this module does not count as the parser does (a lone carriage return)."""
    if b"\r" in data or len(located.entries) != len(located.table.codes):
        return None
    line_starts = _line_starts(data)
    entries = located.positions.entries
    return Snapshot(
        data, located, tuple(line_starts[entries[row.code].line - 1] for row in located.table.codes)
    )


@dataclass(frozen=True)
class Reread:
    """A new reading, and which rows of the table differ from the previous one."""

    snapshot: Snapshot
    changed: tuple[int, ...]
    """Indexes into the new table's codes: the rows that are new or differ from the row of
    the same code before."""
    reordered: bool = False
    """The table's codes are not the same, in the same order, as before."""
    retitled: bool = False
    """The table's title changed."""


def _common_prefix(old: bytes, new: bytes) -> int:
    """How many bytes the two start with alike: compared in halving blocks, without copies."""
    a, b = memoryview(old), memoryview(new)
    size, at, block = min(len(a), len(b)), 0, 1 << 16
    while block:
        while at + block <= size and a[at : at + block] == b[at : at + block]:
            at += block
        block //= 2
    return at


def _changed_span(old: bytes, new: bytes) -> tuple[int, int] | None:
    """The changed bytes: the first that differs, and the end of the change in `old` (its
    common tail starts there); None when the two are equal."""
    if old == new:
        return None
    first = _common_prefix(old, new)
    limit = min(len(old), len(new)) - first
    tail = _common_prefix(old[::-1][:limit], new[::-1][:limit])
    return first, len(old) - tail


def reread(
    previous: Snapshot, data: bytes, file: str, languages: Sequence[str], hold: Hold | None
) -> Reread | None:
    """`data` read from `previous`, parsing only the entries the edit touched; None when
    unsure (see the module's docstring)."""
    span = _changed_span(previous.data, data)
    starts = previous.starts
    if span is None:
        return Reread(replace(previous, data=data), ())
    first, old_end = span
    if not starts or b"\r" in data:
        return None
    if first < starts[0]:
        return _head(previous, data, old_end, file, languages)
    low = bisect.bisect_right(starts, first) - 1
    high = bisect.bisect_right(starts, max(first, old_end - 1)) - 1
    part = _block(previous, data, file, languages, low, high)
    if part is None and low > 0:  # the entries removed, nothing left to read: read one more
        low -= 1
        part = _block(previous, data, file, languages, low, high)
    if part is None:
        return None
    return _merged(previous, data, part, low, high, hold, file, languages)


def _block(
    previous: Snapshot, data: bytes, file: str, languages: Sequence[str], low: int, high: int
) -> _Part | None:
    """The new text of the entries `low` to `high` read; None on any problem."""
    starts, shift = previous.starts, len(data) - len(previous.data)
    old_block_end = starts[high + 1] if high + 1 < len(starts) else len(previous.data)
    block = data[starts[low] : old_block_end + shift]
    dash = None
    if high + 1 < len(starts):
        end = data.find(b"\n", old_block_end + shift)
        after = data[old_block_end + shift : end if end != -1 else len(data)]
        dash = len(after) - len(after.lstrip(b" ")) + 1
    return _read_part(previous, block, file, languages, low, high, dash)


def _head(
    previous: Snapshot, data: bytes, old_end: int, file: str, languages: Sequence[str]
) -> Reread | None:
    """An edit within the file's head (the title) that keeps its lines: the new head read
    with the first entry under it, every entry kept where it was."""
    starts, shift = previous.starts, len(data) - len(previous.data)
    if old_end > starts[0]:
        return None
    head = data[: starts[0] + shift]
    if head.count(b"\n") != previous.data.count(b"\n", 0, starts[0]):
        return None
    end = starts[1] if len(starts) > 1 else len(previous.data)
    try:
        text = (head + data[starts[0] + shift : end + shift]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    old = previous.located
    others = [row.anchor for row in old.table.codes[1:]]
    part = parse_part(text, file, languages, others)
    if part is None or part.table.anchor != old.table.anchor:
        return None
    if part.table.codes != old.table.codes[:1]:
        return None
    title = part.table.title
    positions = Positions(old.positions.texts, old.positions.entries, part.positions.title)
    located = Located(ErrorTable(old.table.anchor, title, old.table.codes), positions, old.entries)
    moved = tuple(start + shift for start in starts)
    return Reread(Snapshot(data, located, moved), (), retitled=title != old.table.title)


@dataclass(frozen=True)
class _Part:
    located: Located
    """The head and the edited entries, at their lines in the new file."""
    starts: tuple[int, ...]
    """Where each edited entry starts in the new file."""


def _read_part(
    previous: Snapshot,
    block: bytes,
    file: str,
    languages: Sequence[str],
    low: int,
    high: int,
    dash: int | None,
) -> _Part | None:
    """The edited entries in `block`, read under the file's head; `dash`: the column of the
    next entry's '-', when another entry follows the block."""
    head = previous.data[: previous.starts[0]]
    try:
        text = (head + block).decode("utf-8")
    except UnicodeDecodeError:
        return None
    table = previous.located.table
    others = [row.anchor for at, row in enumerate(table.codes) if not low <= at <= high]
    located = parse_part(text, file, languages, others)
    if (
        located is None
        or not located.table.codes
        or located.table.anchor != table.anchor
        or located.table.title != table.title
    ):
        return None
    codes = [row.code for row in located.table.codes]
    # The part's lines are the head's, then the block's: move the block's to the file's.
    lines = previous.data.count(b"\n", 0, previous.starts[low]) - head.count(b"\n")
    offset = previous.starts[low] - len(head)
    moved = _moved(located.positions, set(codes), lines)
    if dash is not None:
        moved = _ending(moved, codes[-1], dash)
    entries = tuple(replace(entry, line=entry.line + lines) for entry in located.entries)
    line_starts = _line_starts(head + block)
    part_starts = tuple(
        line_starts[located.positions.entries[row.code].line - 1] + offset
        for row in located.table.codes
    )
    return _Part(Located(located.table, moved, entries), part_starts)


def _ending(positions: Positions, code: int, column: int) -> Positions:
    """The parser ends an entry where the next one's '-' is; read alone, the block's last
    entry ended at the end of the text, on the same line but at its first column."""
    span = positions.entries[code]
    entries = dict(positions.entries)
    entries[code] = Span(span.line, span.column, span.end_line, column)
    return Positions(positions.texts, entries, positions.title)


def _line_starts(data: bytes) -> list[int]:
    """Where each line of `data` starts."""
    found = [0]
    at = data.find(b"\n")
    while at != -1:
        found.append(at + 1)
        at = data.find(b"\n", at + 1)
    return found


def _moved(positions: Positions, codes: set[int], lines: int) -> Positions:
    """The spans of `codes` moved down by `lines` (the rest, the head's, as they are)."""
    texts = positions.texts.items()
    return Positions(
        {key: _down(span, lines) if key[0] in codes else span for key, span in texts},
        {code: _down(span, lines) for code, span in positions.entries.items() if code in codes},
        positions.title,
    )


def _merged(
    previous: Snapshot,
    data: bytes,
    part: _Part,
    low: int,
    high: int,
    hold: Hold | None,
    file: str,
    languages: Sequence[str],
) -> Reread | None:
    old = previous.located
    rows = old.table.codes
    edited = part.located
    codes = (*rows[:low], *edited.table.codes, *rows[high + 1 :])
    if not _fits(rows, low, high, edited.table.codes):
        return None
    shift = len(data) - len(previous.data)
    old_lines = previous.data.count(b"\n", previous.starts[low], _end(previous, high))
    new_lines = data.count(b"\n", part.starts[0], _end(previous, high) + shift)
    lines = new_lines - old_lines
    after = {row.code for row in rows[high + 1 :]} if lines else set()
    kept = old.entries[high + 1 :]
    if lines:
        kept = tuple(replace(entry, line=entry.line + lines) for entry in kept)
    entries = (*old.entries[:low], *edited.entries, *kept)
    if hold is not None and hold(entries, file):
        return None
    was = {row.code for row in rows[low : high + 1]}
    located = Located(
        ErrorTable(old.table.anchor, old.table.title, codes),
        _positions(old.positions, edited.positions, was, after, lines, languages),
        entries,
    )
    starts = (
        *previous.starts[:low],
        *part.starts,
        *(start + shift for start in previous.starts[high + 1 :]),
    )
    before = {row.code: row for row in rows[low : high + 1]}
    changed = tuple(
        low + index for index, row in enumerate(edited.table.codes) if before.get(row.code) != row
    )
    reordered = [row.code for row in edited.table.codes] != [
        row.code for row in rows[low : high + 1]
    ]
    return Reread(Snapshot(data, located, starts), changed, reordered)


def _fits(rows: Sequence[ErrorCode], low: int, high: int, edited: Sequence[ErrorCode]) -> bool:
    """The edited entries keep the table's codes ascending (so none repeats), and no other
    entry links to a code they removed: otherwise the whole reading places the problem."""
    if low > 0 and rows[low - 1].code >= edited[0].code:
        return False
    if high + 1 < len(rows) and edited[-1].code >= rows[high + 1].code:
        return False
    removed = {row.anchor for row in rows[low : high + 1]} - {row.anchor for row in edited}
    if not removed:
        return True
    outside = (*rows[:low], *rows[high + 1 :])
    return not any(
        f"(#{anchor})" in text
        for row in outside
        for texts in row.texts.values()
        for text in astuple(texts)
        if isinstance(text, str)
        for anchor in removed
    )


def _end(reading: Snapshot, high: int) -> int:
    return reading.starts[high + 1] if high + 1 < len(reading.starts) else len(reading.data)


def _positions(
    old: Positions,
    edited: Positions,
    was: set[int],
    after: set[int],
    lines: int,
    languages: Sequence[str],
) -> Positions:
    """The old source map with the edited entries' spans (`was`: the codes of the entries
    they replace), and those after them moved."""
    codes = set(edited.entries) | was
    if lines:
        texts = {
            key: _down(span, lines) if key[0] in after else span
            for key, span in old.texts.items()
            if key[0] not in codes
        }
        entries = {
            code: _down(span, lines) if code in after else span
            for code, span in old.entries.items()
            if code not in codes
        }
    else:  # the usual edit, within its lines: nothing moves, the edited entries are replaced
        texts, entries = dict(old.texts), dict(old.entries)
        for code in codes:
            for name in spec.field_names():
                for language in (None, *languages):
                    texts.pop((code, name, language), None)
    texts.update(edited.texts)
    entries.update(edited.entries)
    return Positions(texts, entries, old.title)


def _down(span: Span, lines: int) -> Span:
    return Span(span.line + lines, span.column, span.end_line + lines, span.end_column)
