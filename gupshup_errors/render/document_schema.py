"""The JSON Schema of /errors.json, generated from the model's declared fields.

Published as /errors.schema.json. Each of a code's fields is described by its kind (see
model.Kind): a translated text sits in `texts` per language, the others beside `code`.
"""

from __future__ import annotations

from dataclasses import MISSING, Field
from typing import Any

from ..data.model import Kind, code_fields, kind, public_doc, translated_fields

Json = dict[str, Any]

SCHEMA_VERSION = 1
"""Bumped when a field is removed or changes meaning; adding a field keeps the version."""

_TITLE = "Gupshup WhatsApp API error codes"
_DESCRIPTION = (
    "Every error code of the Gupshup WhatsApp API with its name and what to do, in every "
    "language of the reference site, the link to its row there and to its own page. "
    "Published as errors.json at the site's root."
)
_OUTDATED_TEXTS = (
    "Present, and true, when this translation may be out of date: the source language's text "
    "(the first language) changed after it was translated. The texts are still the current "
    "translation; the source language's texts say what is meant now."
)
_OUTDATED_TITLE = (
    "Present when the title's translation may be out of date in some languages: the source "
    "language's title changed after they were translated. Lists those languages."
)
_LANGUAGE: Json = {"$ref": "#/$defs/language"}
_BY_KIND: dict[Kind, Json] = {
    Kind.NUMBER: {"type": "integer", "minimum": 1},
    Kind.FLAG: {"type": "boolean"},
    Kind.PROVIDER: {"type": ["string", "null"], "minLength": 1},
}


def _per_language(description: str, value: Json) -> Json:
    return {
        **({"description": description} if description else {}),
        "type": "object",
        "propertyNames": _LANGUAGE,
        "additionalProperties": value,
        "minProperties": 1,
    }


def _own(item: Field[Any]) -> Json:
    """A code's own field (beside `code`), by its kind."""
    return {"description": public_doc(item), **_BY_KIND[kind(item)]}


def _texts() -> Json:
    """One language's translated texts."""
    properties: Json = {
        item.name: {"description": public_doc(item), "$ref": "#/$defs/text"}
        for item in translated_fields()
    }
    properties["outdated"] = {"description": _OUTDATED_TEXTS, "const": True}
    required = [item.name for item in translated_fields() if item.default is MISSING]
    return {
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def _code() -> Json:
    own = {item.name: _own(item) for item in code_fields()}
    texts = _per_language("What the code means, per language.", _texts())
    page = "The code's own page on the site, per language: a page with its own title and "
    page += "preview, for sharing and for search engines."
    added = "When the code was added to the table (YYYY-MM-DD), from the site's record of "
    added += "changes; null when the record does not say."
    changed = "When the code's meaning last changed (YYYY-MM-DD): a source text, or its "
    changed += "retirement; null when it never changed. The site's 'What changed' page and "
    changed += "feed say what changed."
    day = {"type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    return {
        "type": "object",
        "required": [*own, "added", "changed", "texts", "url", "page"],
        "additionalProperties": False,
        "properties": {
            **own,
            "added": {"description": added, **day},
            "changed": {"description": changed, **day},
            "texts": texts,
            "url": {"$ref": "#/$defs/perLanguageUrl"},
            "page": _per_language(page, _url("^https?://.+/$")),
        },
    }


def _url(pattern: str) -> Json:
    return {"type": "string", "format": "uri", "pattern": pattern}


def _defs() -> Json:
    return {
        "language": {"type": "string", "pattern": "^[a-z]{2,3}$"},
        "text": {"type": "string", "minLength": 1},
        "perLanguageText": _per_language("", {"$ref": "#/$defs/text"}),
        "perLanguageUrl": _per_language(
            "The link to the item on the site, per language.", _url("^https?://.+#.+$")
        ),
        "code": _code(),
    }


def _languages(description: str) -> Json:
    return {
        "description": description,
        "type": "array",
        "items": _LANGUAGE,
        "minItems": 1,
        "uniqueItems": True,
    }


def _table() -> Json:
    return {
        "description": "The table's heading on the site.",
        "type": "object",
        "required": ["anchor", "title", "url"],
        "additionalProperties": False,
        "properties": {
            "anchor": {
                "description": "The heading's id: the #fragment of a link to it.",
                "type": "string",
                "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
            },
            "title": {"$ref": "#/$defs/perLanguageText"},
            "url": {"$ref": "#/$defs/perLanguageUrl"},
            "outdated": _languages(_OUTDATED_TITLE),
        },
    }


def schema(schema_id: str) -> Json:
    """The JSON Schema of /errors.json, its `$id` the place the site publishes it at."""
    version = "Raised when a field is removed or changes meaning; new fields may appear "
    version += "without a change."
    codes = "Every code, in the order of the table (ascending). A published code is never "
    codes += "removed; one no longer in use is marked retired."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": _TITLE,
        "description": _DESCRIPTION,
        "type": "object",
        "required": ["schema_version", "site_url", "languages", "table", "codes"],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"description": version, "const": SCHEMA_VERSION},
            "site_url": {
                "description": "The root of the reference site, ending in a slash.",
                **_url("^https?://.+/$"),
            },
            "languages": _languages(
                "The languages of every text and link below, as ISO 639-1 codes; the first "
                "is the site's default."
            ),
            "table": _table(),
            "codes": {"description": codes, "type": "array", "items": {"$ref": "#/$defs/code"}},
        },
        "$defs": _defs(),
        "$id": schema_id,
    }
