"""YAML -> model, with every problem collected and located (file:line:column).

The walk (walk.py) reads each mapping as spec.py describes it; the checks across rows
(checks.py) run once every entry is read; this module reads files and hands out results.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ParamSpec

import yaml

from . import checks, heap, readers, spec, syntax
from .located import Entry, Hold, Located, Positions, Span, Where
from .model import ErrorTable
from .problems import DataError, Problem, lines
from .readers import Slip
from .walk import Walker, table

P = ParamSpec("P")


def _walk(
    walker: Walker, root: yaml.Node | None, others: Collection[str] = ()
) -> ErrorTable | None:
    """The whole document: its mappings, then the checks across rows (`others`: codes of
    the table that a part of the file read alone does not hold, which links may go to)."""
    if root is None:
        empty = "the file is empty" if not walker.source.strip() else "the file has only comments"
        hint = "it needs the 'table:' and 'codes:' sections"
        walker.problem(Where(), Slip(1, 1, empty, hint))
        return None
    values = walker.walk(root, root, Where(), spec.document())
    if walker.codes is not None:
        label, items = walker.codes.label, walker.codes.node
        section = values.get("table", (None, None))[1] if values else None
        anchor = section.get("anchor") if isinstance(section, dict) else None
        for where, slip in (
            *checks.languages_nowhere(label, items, walker.languages),
            *checks.codes(items),
            *checks.links(walker.links, items, anchor, others),
        ):
            walker.problem(where, slip)
    return table(values) if values is not None and not walker.problems else None


def _positions(walker: Walker) -> Positions:
    items = walker.codes.node.value if walker.codes else []
    entries = {
        number: Span.of(item) for item in items if (number := readers.code_of(item)) is not None
    }
    texts = {
        (code, field, language): span
        for (code, field, language), span in walker.spans.items()
        if code is not None and field is not None
    }
    title = {
        language: span
        for (code, field, language), span in walker.spans.items()
        if code is None and field == "title" and language is not None
    }
    return Positions(texts, entries, title)


def _with_excerpts(problems: Sequence[Problem], file: str, text: str) -> list[Problem]:
    source = lines(text)
    return [
        replace(problem, excerpt=source[problem.line - 1])
        if problem.file == file
        and problem.excerpt is None
        and 0 < problem.line <= len(source)
        and source[problem.line - 1].strip()
        else problem
        for problem in problems
    ]


@dataclass(frozen=True)
class _Read:
    """What one reading of the data file's text found, before the published record is consulted."""

    table: ErrorTable | None
    syntax_problems: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    entries: tuple[Entry, ...] | None  # None when the codes could not all be read
    positions: Positions


# Keyed by the file's whole text: a build reads the same file once per language.
@functools.lru_cache(maxsize=4)
def _read_text(text: str, file: str, languages: tuple[str, ...]) -> _Read:
    with heap.collector_paused():  # see heap.py: 10,000 codes read in 1.1-1.3 s, not 2.4 s
        return _read_tree(text, file, languages)


def _read_tree(text: str, file: str, languages: tuple[str, ...]) -> _Read:
    root, problems = syntax.compose(text, file, languages, spec.field_names())
    walker = Walker(file, text, languages)
    found = _walk(walker, root) if not problems else None
    entries = walker.records()
    return _Read(found, tuple(problems), tuple(walker.problems), entries, _positions(walker))


def parse_located(
    text: str, file: str, languages: Sequence[str], hold: Hold | None = None
) -> Located:
    """Read the data file's text into a table and where each text, entry and title is
    written, or raise DataError listing every problem.

    With `hold`, the entries are held to a record kept beside the data too (a published code
    without an entry, a retired one given back to an error: see records/published.py)."""
    read = _read_text(text, file, tuple(languages))
    problems = list(read.problems)
    if hold is not None and read.entries is not None:
        problems += hold(read.entries, file)
    problems = [*read.syntax_problems, *sorted(problems, key=lambda p: (p.line, p.column))]
    if problems or read.table is None:
        raise DataError(_with_excerpts(problems, file, text))
    return Located(read.table, read.positions, read.entries or ())


def parse_part(
    text: str, file: str, languages: Sequence[str], others: Collection[str]
) -> Located | None:
    """A part of the data file (its head and some of its entries, as the live preview reads
    again after an edit) read as `parse_located` reads the whole, its '#code' links allowed to
    go to the codes `others` too; None on any problem, which only the whole file can place."""
    root, problems = syntax.compose(text, file, languages, spec.field_names())
    if problems:
        return None
    walker = Walker(file, text, tuple(languages))
    found = _walk(walker, root, others)
    entries = walker.records()
    if found is None or walker.problems or entries is None:
        return None
    return Located(found, _positions(walker), entries)


def load_located(
    path: Path,
    languages: Sequence[str],
    hold: Hold | None = None,
    earlier: Sequence[Problem] = (),
) -> Located:
    """Load the data file at `path` for the given built languages, held to a record by `hold`
    when one is given; with where each text, entry and title is written (a source map, for
    tools that point at a text or rewrite its lines). `earlier` are the problems found in the
    record before: they are reported after the data's own."""
    text, problems = syntax.read_file(path)
    problems += earlier
    if text is None:
        raise DataError(problems)
    try:
        located = parse_located(text, str(path), languages, hold)
    except DataError as error:
        raise DataError([*error.problems, *problems]) from None
    if problems:
        raise DataError(problems)
    return located


def table_only(located: Callable[P, Located], name: str) -> Callable[P, ErrorTable]:
    """The same reading with the same parameters, giving the table alone: what builds and
    commands need."""

    def table(*args: P.args, **kwargs: P.kwargs) -> ErrorTable:
        return located(*args, **kwargs).table

    table.__name__ = table.__qualname__ = name
    table.__doc__ = f"`{located.__name__}`, giving the table alone."
    return table


parse = table_only(parse_located, "parse")
load = table_only(load_located, "load")
