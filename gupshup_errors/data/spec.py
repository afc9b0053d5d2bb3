"""The data file's shape, read off the model's own fields: which keys each mapping holds,
what reads each one, which are required, and how a missing one is explained.

The file follows the model with two twists, both declared in a field's metadata:
`section` groups table fields under a heading key ('table:'), and a per-language mapping
of records (`Mapping[str, Texts]`) is spread into its entry as one key per language.
A new field is a model change: its type picks its reader, its default makes it optional.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, Field, dataclass, field, fields
from functools import cache
from typing import Any

from .model import ErrorCode, ErrorTable, Texts

SECTION = "section"
"""Metadata: the heading key a table field sits under in the file."""
FORMATTED = "formatted"
"""Metadata: the text may hold inline code and links."""
SPECIAL: Mapping[tuple[type, str], str] = {(ErrorTable, "anchor"): "anchor"}
"""Fields whose reader is not the one their type implies."""


@dataclass(frozen=True)
class Key:
    """One key a mapping in the file may hold."""

    name: str
    kind: str
    """'value' (one reader), 'languages' (a text per language), 'section', 'list' or 'record'
    (a nested mapping of the `model` class)."""
    required: bool
    read: str | None = None
    """The name of the reader of a 'value' (readers.BY_NAME): 'flag', 'code', 'text'..."""
    model: type | None = None
    language: bool = False
    """The key is a language: problems about it name the language, not a field."""
    what: str = ""
    """A 'languages' key as messages name it, e.g. "the table's title"."""


@dataclass(frozen=True)
class Shape:
    """A mapping of the file: its keys, and how its own mistakes are explained."""

    what: str
    """The mapping as messages name it, e.g. "the 'ru' block"."""
    hint: str
    """How to write it, when it is not a mapping."""
    keys: tuple[Key, ...]
    missing: Callable[[Key], tuple[str, str]]
    """What is missing and how to add it, for a required key."""
    at_label: bool = False
    """A missing key is shown at the mapping's own key rather than at its first line."""
    misplaced: Mapping[str, str] = field(default_factory=dict)
    """Hints for keys that belong elsewhere, by name."""

    def key(self, name: str) -> Key | None:
        return next((key for key in self.keys if key.name == name), None)


@cache
def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model)


def _fields(model: type) -> tuple[Field[Any], ...]:
    return fields(model)


def _is_language_map(hint: object) -> bool:
    return typing.get_origin(hint) is Mapping and typing.get_args(hint)[0] is str


def _record(hint: object) -> type | None:
    """The model class a per-language mapping or a list holds, if any."""
    args = typing.get_args(hint)
    inner = args[-1] if typing.get_origin(hint) is Mapping else args[0] if args else None
    return inner if isinstance(inner, type) and hasattr(inner, "__dataclass_fields__") else None


def _reader(model: type, item: Field[Any], hint: object) -> str:
    if (model, item.name) in SPECIAL:
        return SPECIAL[model, item.name]
    plain = hint if typing.get_origin(hint) is not types.UnionType else typing.get_args(hint)[0]
    if plain is bool:
        return "flag"
    if plain is int:
        return "code"
    return "formatted" if item.metadata.get(FORMATTED) else "text"


def _key(model: type, item: Field[Any]) -> Key:
    hint = _hints(model)[item.name]
    required = item.default is MISSING and item.default_factory is MISSING
    if _is_language_map(hint):
        record = _record(hint)
        if record is not None:
            return Key(item.name, "record", required, model=record)
        section = item.metadata.get(SECTION)
        what = f"the {section}'s {item.name}" if section else f"'{item.name}'"
        return Key(item.name, "languages", required, what=what)
    if typing.get_origin(hint) is tuple:
        return Key(item.name, "list", required, model=_record(hint))
    return Key(item.name, "value", required, _reader(model, item, hint))


@cache
def _plain(model: type, section: str | None = None) -> tuple[Key, ...]:
    """The model's fields that are keys of their own (not spread, in `section`)."""
    keys = (_key(model, item) for item in _fields(model) if item.metadata.get(SECTION) == section)
    return tuple(key for key in keys if key.kind != "record")


def spread_name(model: type) -> str:
    """The model's field that the file spreads into one key per language."""
    key = _spread(model)
    assert key is not None
    return key.name


@cache
def _spread(model: type) -> Key | None:
    return next(
        (key for item in _fields(model) if (key := _key(model, item)).kind == "record"), None
    )


@cache
def _sections() -> tuple[str, ...]:
    found = (item.metadata.get(SECTION) for item in _fields(ErrorTable))
    return tuple(dict.fromkeys(name for name in found if name))


@cache
def document() -> Shape:
    keys = (
        *(Key(name, "section", True) for name in _sections()),
        *_plain(ErrorTable),
    )
    misplaced = {
        **{
            key.name: f"'{key.name}:' goes under '{section}:', indented two spaces"
            for section in _sections()
            for key in _plain(ErrorTable, section)
        },
        "code": "entries go in the 'codes:' list: write '  - code: <number>' under 'codes:'",
    }
    return Shape(
        "the file",
        "start the file with the 'table:' and 'codes:' sections, each at the line start",
        keys,
        lambda key: (f"the '{key.name}:' section", f"add a '{key.name}:' section"),
        misplaced=misplaced,
    )


@cache
def section(name: str) -> Shape:
    keys = _plain(ErrorTable, name)
    fields_ = " and ".join(f"'{key.name}:'" for key in keys)
    return Shape(
        f"'{name}'",
        f"put {fields_} under '{name}:', indented two spaces",
        keys,
        lambda key: (f"'{name}: {key.name}'", f"add '{key.name}:' under '{name}:'"),
    )


@cache
def languages(what: str, languages: tuple[str, ...]) -> Shape:
    """A text in every built language, e.g. the table's title."""
    keys = tuple(Key(language, "value", True, "text", language=True) for language in languages)
    return Shape(
        what,
        f"write one line per language under it, e.g. '{languages[0]}: ...'",
        keys,
        lambda key: (
            f"the '{key.name}' text of {what}",
            f"add a line '{key.name}: …' under it, in that language",
        ),
        at_label=True,
    )


def _required(model: type) -> str:
    return " and ".join(f"'{key.name}:'" for key in _plain(model) if key.required)


def entry(index: int, languages: Sequence[str], absent: Sequence[str]) -> Shape:
    """One entry of 'codes': its own fields, then a block per built language.

    A language no entry has at all (`absent`) was reported once for the whole list.
    """
    spread = _spread(ErrorCode)
    assert spread is not None and spread.model is not None
    record = spread.model
    blocks = tuple(
        Key(language, "record", language not in absent, model=record, language=True)
        for language in languages
    )
    first = _plain(ErrorCode)[0].name
    what = f"entry #{index + 1} of 'codes'"
    names = " or ".join(f"'{language}:'" for language in languages)
    misplaced = {
        key.name: f"'{key.name}:' goes inside a language block: indent it two more "
        f"spaces, under {names}"
        for key in _plain(record)
    }
    return Shape(
        what,
        f"write '- {first}: <number>', then a block for each language under it",
        (*_plain(ErrorCode), *blocks),
        lambda key: (
            (f"the '{key.name}' block", f"add '{key.name}:' with {_required(record)} under it")
            if key.language
            else (f"'{key.name}' of {what}", f"add a '{key.name}: <number>' line")
        ),
        misplaced=misplaced,
    )


@cache
def record(model: type, language: str) -> Shape:
    """One language's block of an entry, e.g. its name and action."""
    block = f"the '{language}' block"
    return Shape(
        block,
        f"put {_required(model)} under '{language}:', indented two more spaces",
        _plain(model),
        lambda key: (f"'{key.name}'", f"add the line '{key.name}: ...' to the '{language}' block"),
        at_label=True,
    )


def field_names() -> frozenset[str]:
    """Every field name the file may hold, for locating what the YAML parser cannot read."""
    models = (ErrorTable, ErrorCode, Texts)
    return frozenset({*_sections(), *(key.name for model in models for key in _plain_all(model))})


def _plain_all(model: type) -> tuple[Key, ...]:
    sections = (None, *_sections()) if model is ErrorTable else (None,)
    return tuple(key for name in sections for key in _plain(model, name))


__all__ = ["Key", "Shape", "document", "entry", "field_names", "languages", "record", "section"]
