"""Typed, frozen data: one error table, its codes, and their texts per language.

Each field's `doc` is what the data file's JSON Schema says about it in an editor. The loader
and the schema read the data file's shape off these fields (see spec.py): a field's type
picks its reader, a default makes it optional, `section` puts it under a heading key and
`formatted` lets a text hold inline code and links.

A code's fields are declared here once, each with its `Kind` and its label (an interface
string, translated in the catalogs): the loader, the checks, the schemas, the exports, search,
`lookup` and the translation record follow `translated_fields()` and `code_fields()`. Only the
templates choose where a field is shown on a page.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from datetime import date
from typing import Any

ANCHOR = r"[a-z][a-z0-9]*(-[a-z0-9]+)*"
"""What a link's fragment may be: lowercase letters, digits and single dashes."""
CODE = r"[1-9][0-9]{0,8}"
"""What a code may be: a whole number without leading zeros, at most nine digits."""


class Kind(enum.Enum):
    """What a code's field holds, and so how every output treats it."""

    TRANSLATED = "translated"
    """A text in every language, translated from the source language's."""
    PROVIDER = "provider"
    """The provider's own text, in its language whatever the reader's, shown as written."""
    FLAG = "flag"
    """true or false."""
    NUMBER = "number"
    """A whole number."""


KIND = "kind"
"""Metadata: the field's `Kind`."""
LABEL = "label"
"""Metadata: the field's label, an English msgid of the interface catalogs."""
PUBLIC = "public"
"""Metadata: what /errors.json's schema says about the field, when not its `doc`."""
NOTE = "note"
"""Metadata: what `lookup` says of a flag that is set, when not its label."""


def N_(msgid: str) -> str:  # noqa: N802 (the name gettext's extractors look for)
    """Mark `msgid` for the catalogs (`make i18n`); it is translated where it is shown."""
    return msgid


def _doc(text: str, **more: object) -> Mapping[str, object]:
    return {"doc": text, **more}


def _field(kind: Kind, label: str, text: str, **more: object) -> Mapping[str, object]:
    """A code's field: its kind, its label and what the editor's schema says of it."""
    return _doc(text, **{KIND: kind, LABEL: label, **more})


@dataclass(frozen=True)
class Texts:
    """What one code says in one language."""

    name: str = field(
        metadata=_field(
            Kind.TRANSLATED,
            N_("Error"),
            "The error's short name, as the table's second column.",
            formatted=True,
            public="The error's name.",
        )
    )
    action: str = field(
        metadata=_field(
            Kind.TRANSLATED,
            N_("Meaning / action"),
            "What the error means and what to do about it (the third column).",
            formatted=True,
            public="What it means and what to do about it.",
        )
    )


@dataclass(frozen=True)
class ErrorCode:
    """One row of the table."""

    code: int = field(
        metadata=_field(
            Kind.NUMBER,
            N_("Code"),
            "The number the API returns; also the row's link, e.g. #1002.",
            public="The number the API returns.",
        )
    )
    texts: Mapping[str, Texts] = field(
        metadata=_doc("The code's name and action in one language the site builds.")
    )
    retired: bool = field(
        default=False,
        metadata=_field(
            Kind.FLAG,
            N_("Retired"),
            "true when the API no longer returns the code: its row and link stay, with a note.",
            public="True when the API no longer returns the code; it stays so that links keep "
            "working.",
            note="the API no longer returns this code",
        ),
    )
    message: str | None = field(
        default=None,
        metadata=_field(
            Kind.PROVIDER,
            N_("API message"),
            "The error message the API itself returns, in English whatever the reader's "
            "language, e.g. 'Number Not Exist On WhatsApp'; shown as written.",
            public="The error message the API itself returns for the code, as the provider "
            "writes it (in English, whatever the language); null when it is not known.",
        ),
    )

    @property
    def anchor(self) -> str:
        """The row's id, and so the fragment of every link to it."""
        return str(self.code)


def translated_fields() -> tuple[Field[Any], ...]:
    """A code's translated texts (`Texts`' fields), in their declared order."""
    return fields(Texts)


TEXT_FIELDS = tuple(item.name for item in translated_fields())
"""The names of a code's translated texts, in their declared order."""


def code_fields() -> tuple[Field[Any], ...]:
    """A code's own fields (flags, numbers, the provider's texts), in their declared order."""
    return tuple(item for item in fields(ErrorCode) if KIND in item.metadata)


def kind(item: Field[Any]) -> Kind:
    """The declared kind of a code's field."""
    found = item.metadata[KIND]
    assert isinstance(found, Kind)
    return found


def label(item: Field[Any]) -> str:
    """The declared label of a code's field: an English msgid, to translate where shown."""
    return str(item.metadata[LABEL])


def public_doc(item: Field[Any]) -> str:
    """What /errors.json's schema says about a code's field."""
    return str(item.metadata.get(PUBLIC, item.metadata["doc"]))


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
class Dates:
    """When a code was added, and when its meaning last changed (a source text, or its
    retirement), as the record of changes says; None where it does not say."""

    added: date | None = None
    changed: date | None = None


@dataclass(frozen=True)
class Status:
    """Which translations may be out of date: what the pages, the data and lookup show."""

    outdated: frozenset[tuple[int | None, str]] = frozenset()
    """Each (code, language) with a text that may be out of date; code None: the title."""
    source: str = ""
    """The source language, which the notes on outdated translations link to."""

    dates: Mapping[int, Dates] = field(default_factory=dict)
    """When each code was added and last changed, from the record of changes."""

    def title(self, language: str) -> bool:
        """Whether the table's title in `language` may be out of date."""
        return (None, language) in self.outdated

    def row(self, code: int, language: str) -> bool:
        """Whether any text of the code in `language` may be out of date."""
        return (code, language) in self.outdated
