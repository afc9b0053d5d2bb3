"""Checks across the rows, once every entry is read: repeated codes, their order, '#code'
links that go nowhere, and built languages that no entry has."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import MISSING

import yaml

from . import readers
from .located import RowLink, Where
from .model import translated_fields
from .readers import Slip


def _required_texts() -> str:
    """The translated texts every language block needs, e.g. "'name:' and 'action:'"."""
    required = (item for item in translated_fields() if item.default is MISSING)
    return " and ".join(f"'{item.name}:'" for item in required)


def languages_nowhere(
    label: yaml.Node, node: yaml.SequenceNode, languages: Sequence[str]
) -> Iterator[tuple[Where, Slip]]:
    """Each built language that no entry has, once rather than once per entry."""
    for language in readers.nowhere(node, languages):
        yield (
            Where(field="codes", language=language),
            Slip.at(
                label,
                f"the site builds '{language}', but no entry has a block for it",
                f"add '{language}:' with {_required_texts()} to every entry, or remove "
                f"'{language}' from 'languages' in mkdocs.yml",
            ),
        )


def codes(node: yaml.SequenceNode) -> Iterator[tuple[Where, Slip]]:
    """A code given to two entries, and codes out of ascending order."""
    first_line: dict[int, int] = {}
    previous: int | None = None
    for item in node.value:
        number = readers.code_of(item)
        if number is None:
            continue
        where = Where(code=number, field="code")
        if number in first_line:
            yield (
                where,
                Slip.at(
                    item,
                    f"code {number} appears twice (first on line {first_line[number]})",
                    "each code has one entry: merge the two, or give a new error "
                    "a number no entry uses",
                ),
            )
            continue
        first_line[number] = item.start_mark.line + 1
        if previous is not None and number < previous:
            yield (
                where,
                Slip.at(
                    item,
                    f"code {number} comes after {previous}; "
                    "the codes are kept in ascending order, as the page lists them",
                    f"move the entry for {number} above the entry for {previous}",
                ),
            )
        previous = number


def links(
    found: Iterable[RowLink],
    node: yaml.SequenceNode,
    anchor: str | None,
    others: Iterable[str] = (),
) -> Iterator[tuple[Where, Slip]]:
    """'#...' links whose target is neither a code in the table nor the table's heading;
    `others` are codes the table has outside `node` (a part of the file read again)."""
    targets = {str(number) for item in node.value if (number := readers.code_of(item))}
    targets.update(others)
    for link in found:
        if link.fragment in targets or link.fragment == anchor:
            continue
        yield (
            link.where,
            Slip(
                link.line,
                link.column,
                f"the link goes to #{link.fragment}, but no row has that code",
                "link to a code in the table, e.g. [1002](#1002)",
            ),
        )
