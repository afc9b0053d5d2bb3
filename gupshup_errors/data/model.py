"""Typed, frozen data: one error table, its codes, and their texts per language.

Each field's `doc` is what the data file's JSON Schema says about it in an editor. The loader
and the schema read the data file's shape off these fields (see spec.py): a field's type
picks its reader, a default makes it optional, `section` puts it under a heading key and
`formatted` lets a text hold inline code and links.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

ANCHOR = r"[a-z][a-z0-9]*(-[a-z0-9]+)*"
"""What a link's fragment may be: lowercase letters, digits and single dashes."""
CODE = r"[1-9][0-9]{0,8}"
"""What a code may be: a whole number without leading zeros, at most nine digits."""


def _doc(text: str, **more: object) -> Mapping[str, object]:
    return {"doc": text, **more}


@dataclass(frozen=True)
class Texts:
    """What one code says in one language."""

    name: str = field(
        metadata=_doc("The error's short name, as the table's second column.", formatted=True)
    )
    action: str = field(
        metadata=_doc(
            "What the error means and what to do about it (the third column).", formatted=True
        )
    )


@dataclass(frozen=True)
class ErrorCode:
    """One row of the table."""

    code: int = field(metadata=_doc("The number the API returns; also the row's link, e.g. #1002."))
    texts: Mapping[str, Texts] = field(
        metadata=_doc("The code's name and action in one language the site builds.")
    )
    retired: bool = field(
        default=False,
        metadata=_doc(
            "true when the API no longer returns the code: its row and link stay, with a note."
        ),
    )
    message: str | None = field(
        default=None,
        metadata=_doc(
            "The error message the API itself returns, in English whatever the reader's "
            "language, e.g. 'Number Not Exist On WhatsApp'; shown as written."
        ),
    )

    @property
    def anchor(self) -> str:
        """The row's id, and so the fragment of every link to it."""
        return str(self.code)


@dataclass(frozen=True)
class ErrorTable:
    """The whole table: its heading and its rows, in the order of the data file."""

    anchor: str = field(
        metadata=_doc(
            "The table heading's link, e.g. #gupshup-whatsapp-api.",
            section="table",
            pattern=ANCHOR,
        )
    )
    title: Mapping[str, str] = field(
        metadata=_doc("The table's heading in each language.", section="table")
    )
    codes: tuple[ErrorCode, ...] = field(
        metadata=_doc("Every code, in ascending order; a published code is never removed.")
    )

    def find(self, code: int) -> ErrorCode | None:
        """The row for `code`, if the table has one."""
        return next((row for row in self.codes if row.code == code), None)


@dataclass(frozen=True)
class Status:
    """Which translations may be out of date: what the pages, the data and lookup show."""

    outdated: frozenset[tuple[int | None, str]] = frozenset()
    """Each (code, language) with a text that may be out of date; code None: the title."""
    source: str = ""
    """The source language, which the notes on outdated translations link to."""

    def title(self, language: str) -> bool:
        """Whether the table's title in `language` may be out of date."""
        return (None, language) in self.outdated

    def row(self, code: int, language: str) -> bool:
        """Whether any text of the code in `language` may be out of date."""
        return (code, language) in self.outdated
