"""The data file read again after an edit, parsing only the entries whose lines changed.

A whole reading of 10,000 codes takes over a second; an edit usually touches one entry. The
two texts are compared byte for byte, the entries that hold the changed bytes are parsed on
their own (under the file's unchanged head), and the rest is kept from the previous reading.
Whenever that might differ from what a whole reading gives (the head changed, a code was
added, removed or renumbered, any problem at all), the answer is None: read the whole file,
which also places every problem.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import spec
from .load import parse_part
from .located import Hold, Located, Positions, Span
from .model import ErrorTable


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
    """Indexes into the table's codes."""


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
    if not starts or first < starts[0] or b"\r" in data:
        return None
    low = bisect.bisect_right(starts, first) - 1
    high = bisect.bisect_right(starts, max(first, old_end - 1)) - 1
    shift = len(data) - len(previous.data)
    old_block_end = starts[high + 1] if high + 1 < len(starts) else len(previous.data)
    block = data[starts[low] : old_block_end + shift]
    dash = None
    if high + 1 < len(starts):
        end = data.find(b"\n", old_block_end + shift)
        after = data[old_block_end + shift : end if end != -1 else len(data)]
        dash = len(after) - len(after.lstrip(b" ")) + 1
    part = _read_part(previous, block, file, languages, low, high, dash)
    if part is None:
        return None
    return _merged(previous, data, part, low, high, hold, file, languages)


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
    others = [row.anchor for row in table.codes]
    located = parse_part(text, file, languages, others)
    was = table.codes[low : high + 1]
    if (
        located is None
        or located.table.anchor != table.anchor
        or located.table.title != table.title
        or [row.code for row in located.table.codes] != [row.code for row in was]
    ):
        return None
    # The part's lines are the head's, then the block's: move the block's to the file's.
    lines = previous.data.count(b"\n", 0, previous.starts[low]) - head.count(b"\n")
    offset = previous.starts[low] - len(head)
    moved = _moved(located.positions, {row.code for row in was}, lines)
    if dash is not None:
        moved = _ending(moved, was[-1].code, dash)
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
    codes = (*rows[:low], *edited.table.codes, *rows[high + 1 :])
    located = Located(
        ErrorTable(old.table.anchor, old.table.title, codes),
        _positions(old.positions, edited.positions, after, lines, languages),
        entries,
    )
    starts = (
        *previous.starts[:low],
        *part.starts,
        *(start + shift for start in previous.starts[high + 1 :]),
    )
    changed = tuple(
        low + index for index, row in enumerate(edited.table.codes) if row != rows[low + index]
    )
    return Reread(Snapshot(data, located, starts), changed)


def _end(reading: Snapshot, high: int) -> int:
    return reading.starts[high + 1] if high + 1 < len(reading.starts) else len(reading.data)


def _positions(
    old: Positions, edited: Positions, after: set[int], lines: int, languages: Sequence[str]
) -> Positions:
    """The old source map with the edited entries' spans, and those after them moved."""
    codes = set(edited.entries)
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
