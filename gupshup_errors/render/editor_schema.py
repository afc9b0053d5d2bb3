"""The data file's JSON Schema, generated from the model, so that editors check while typing.

Draft-07, the draft every editor's YAML support reads. The schema helps; the loader decides:
what JSON Schema cannot say (unique codes, their order, the published record) only the
checks catch. Everything is written out in place, without `$ref`: yaml-language-server
shows the first description along a `$ref` chain on hover, so a shared definition would
give every field the same words. `patternErrorMessage` and `errorMessage` are the keywords
it (and VS Code's JSON support) shows instead of a raw regular expression.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, Field, fields
from typing import Any

from ..data.model import ErrorCode, ErrorTable, Texts
from ..text import inline

FILE_NAME = "errors.yml.schema.json"

Json = dict[str, "Json"] | list["Json"] | str | int | bool | None

# Text: no blanks at either end, no control characters but the line break, no line separators.
_TEXT = r"^(?!\s)(?![\s\S]*\s$)[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+$"
_MAX_CODE = 999_999_999
_TEXT_WORDS = {
    "patternErrorMessage": "a text must not be empty, or start or end with a space, "
    "and holds no invisible control characters",
    "errorMessage": "write the text after the colon, in double quotes if it holds ': ' "
    "or starts with a symbol",
}
_LINK_WORDS = (
    "a link goes to https://, http://, mailto: or a code in the table (#1002); "
    "write it as [text](address)"
)
_SECTION_DOCS = {"table": "The table's heading and its link."}


def _fields(model: type) -> tuple[Field[Any], ...]:
    return fields(model)


def _object(properties: dict[str, Json], required: Sequence[str], doc: str) -> dict[str, Json]:
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _text(doc: str, item: Field[Any] | None = None) -> dict[str, Json]:
    metadata: Mapping[str, object] = item.metadata if item is not None else {}
    if "pattern" in metadata:
        return {
            "type": "string",
            "pattern": f"^{metadata['pattern']}$",
            "description": doc,
            "patternErrorMessage": "use lowercase letters, digits and single dashes, "
            "e.g. gupshup-whatsapp-api",
        }
    found: dict[str, Json] = {"type": "string", "pattern": _TEXT, "description": doc}
    if metadata.get("formatted"):
        # A second pattern (no unsafe link anywhere) with its own words; a `not` would be
        # reported only as "Matches a schema that is not allowed."
        safe = f"^(?![\\s\\S]*{inline.UNSAFE_LINK})"
        found["allOf"] = [{"pattern": safe, "patternErrorMessage": _LINK_WORDS}]
    return {**found, **_TEXT_WORDS}


def _value(item: Field[Any], hint: object, languages: Sequence[str]) -> dict[str, Json]:
    """A field's schema, by its type; its own description, so that hover shows it."""
    doc = str(item.metadata["doc"])
    if hint is bool:
        return {"type": "boolean", "description": doc, "errorMessage": "write true or false"}
    if hint is int:
        return {
            "type": "integer",
            "minimum": 1,
            "maximum": _MAX_CODE,
            "description": doc,
            "errorMessage": "a code is a whole number from 1 to 999999999, without quotes",
        }
    if typing.get_origin(hint) is Mapping:
        texts: dict[str, Json] = {
            language: _text(f"{doc.rstrip('.')}; this one in '{language}'.")
            for language in languages
        }
        return _object(texts, languages, doc)
    return _text(doc, item)


def _properties(
    model: type, languages: Sequence[str], section: str | None = None
) -> tuple[dict[str, Json], list[str]]:
    hints = typing.get_type_hints(model)
    properties: dict[str, Json] = {}
    required: list[str] = []
    for item in _fields(model):
        hint = hints[item.name]
        if item.metadata.get("section") != section or typing.get_origin(hint) is tuple:
            continue  # another section's, or the list of entries (see schema)
        if typing.get_origin(hint) is Mapping and _is_record(hint):
            continue  # spread into one block per language, see _entry
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = typing.get_args(hint)[0]  # optional: its default says so
        properties[item.name] = _value(item, hint, languages)
        if item.default is MISSING and item.default_factory is MISSING:
            required.append(item.name)
    return properties, required


def _is_record(hint: object) -> bool:
    inner = typing.get_args(hint)[-1]
    return isinstance(inner, type) and hasattr(inner, "__dataclass_fields__")


def _entry(languages: Sequence[str]) -> dict[str, Json]:
    own, required = _properties(ErrorCode, languages)
    texts, texts_required = _properties(Texts, languages)
    doc = next(str(item.metadata["doc"]) for item in _fields(ErrorCode) if item.name == "texts")
    blocks: dict[str, Json] = {
        language: _object(texts, texts_required, f"{doc.rstrip('.')}: '{language}'.")
        for language in languages
    }
    return _object({**own, **blocks}, [*required, *languages], "One error code.")


def schema(languages: Sequence[str]) -> Json:
    """The JSON Schema of the data file for a site built in `languages`."""
    top: dict[str, Json] = {}
    required: list[str] = []
    sections = dict.fromkeys(
        str(item.metadata["section"]) for item in _fields(ErrorTable) if "section" in item.metadata
    )
    for section in sections:
        properties, inner = _properties(ErrorTable, languages, section)
        top[section] = _object(properties, inner, _SECTION_DOCS[section])
        required.append(section)
    for item in _fields(ErrorTable):
        if typing.get_origin(typing.get_type_hints(ErrorTable)[item.name]) is tuple:
            top[item.name] = {
                "type": "array",
                "description": str(item.metadata["doc"]),
                "items": _entry(languages),
            }
            required.append(item.name)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": "Generated from gupshup_errors/model.py by `make schema`; do not edit.",
        "title": "Gupshup WhatsApp API error table (data/errors.yml)",
        **_object(top, required, "The error table the site is built from."),
    }


def render(languages: Sequence[str]) -> str:
    """The schema as the committed file holds it."""
    return json.dumps(schema(languages), ensure_ascii=False, indent=2) + "\n"
