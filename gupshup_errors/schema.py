"""The data file's JSON Schema, generated from the model, so that editors check while typing.

Draft-07, the draft every editor's YAML support reads. The schema helps; the loader decides:
what JSON Schema cannot say (unique codes, their order, the published record) only the
checks catch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import Field, fields

from . import inline
from .load import ANCHOR, ENTRY_FIELDS, TABLE_FIELDS, TEXT_FIELDS, TOP_FIELDS
from .model import ErrorCode, ErrorTable, Texts

FILE_NAME = "errors.schema.json"

Json = dict[str, "Json"] | list["Json"] | str | int | bool | None

# Text: no blanks at either end, no control characters but the line break, no line separators.
_TEXT = r"^(?!\s)(?![\s\S]*\s$)[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+$"
_MAX_CODE = 999_999_999


def _docs(model: type[object]) -> dict[str, str]:
    found: tuple[Field[object], ...] = fields(model)  # type: ignore[arg-type]
    return {item.name: str(item.metadata["doc"]) for item in found}


def _object(properties: dict[str, Json], required: Sequence[str], doc: str) -> dict[str, Json]:
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _ref(name: str, doc: str) -> Json:
    # In draft-07 a description beside a $ref is ignored; inside allOf it is shown.
    return {"description": doc, "allOf": [{"$ref": f"#/definitions/{name}"}]}


def schema(languages: Sequence[str]) -> Json:
    """The JSON Schema of the data file for a site built in `languages`."""
    table, entry, texts = _docs(ErrorTable), _docs(ErrorCode), _docs(Texts)
    per_language = {
        language: _ref("text", f"The table's heading in '{language}'.") for language in languages
    }
    table_fields: dict[str, Json] = {
        "anchor": {"type": "string", "pattern": f"^{ANCHOR}$", "description": table["anchor"]},
        "title": _object(per_language, languages, table["title"]),
    }
    entry_fields: dict[str, Json] = {
        "code": {
            "type": "integer",
            "minimum": 1,
            "maximum": _MAX_CODE,
            "description": entry["code"],
        },
        "retired": {"type": "boolean", "description": entry["retired"]},
        "message": _ref("text", entry["message"]),
    }
    assert tuple(table_fields) == TABLE_FIELDS and tuple(entry_fields) == ENTRY_FIELDS
    entry_fields.update((language, _ref("texts", entry["texts"])) for language in languages)
    text_fields: dict[str, Json] = {name: _ref("formatted", texts[name]) for name in TEXT_FIELDS}
    top: dict[str, Json] = {
        "table": _object(table_fields, TABLE_FIELDS, "The table's heading and its link."),
        "codes": {
            "type": "array",
            "description": table["codes"],
            "items": {"$ref": "#/definitions/entry"},
        },
    }
    assert tuple(top) == TOP_FIELDS
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": "Generated from gupshup_errors/model.py by `make schema`; do not edit.",
        "title": "Gupshup WhatsApp API error table (data/errors.yml)",
        **_object(top, TOP_FIELDS, "The error table the site is built from."),
        "definitions": {
            "entry": _object(entry_fields, ("code", *languages), "One error code."),
            "texts": _object(text_fields, TEXT_FIELDS, entry["texts"]),
            "text": {"type": "string", "pattern": _TEXT},
            "formatted": {
                "type": "string",
                "pattern": _TEXT,
                "not": {"pattern": inline.UNSAFE_LINK},
                "description": "Plain text; `code` and [text](https://…) links are formatting.",
            },
        },
    }


def render(languages: Sequence[str]) -> str:
    """The schema as the committed file holds it."""
    return json.dumps(schema(languages), ensure_ascii=False, indent=2) + "\n"
