"""The table for machines and other documents: JSON (the site's /errors.json), CSV, Markdown.

Pure functions of the model: the site build and the command line call the same ones, so the
published file and `gupshup-errors export` never disagree.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date
from typing import NotRequired, TypedDict

from ..data.model import (
    Dates,
    ErrorCode,
    ErrorTable,
    Kind,
    Status,
    code_fields,
    kind,
    label,
)
from ..data.model import translated_fields as texts_fields
from ..text import i18n, urls
from . import document_schema
from .document_schema import SCHEMA_VERSION

JSON_NAME = "errors.json"
# Published as /errors.schema.json (public links to it keep working); in the package its name
# says which file it describes, unlike the data file's editor schema.
SCHEMA_NAME = "errors.schema.json"
FORMATS = ("json", "csv", "markdown")

Value = str | int | bool | None
"""A code's own field, as JSON holds it."""
TextsDoc = dict[str, str | bool]
"""A code's translated texts in one language (an optional one only when given), and
"outdated": true when the source text changed after this translation was made."""


class TableDoc(TypedDict):
    anchor: str
    title: dict[str, str]
    url: dict[str, str]
    outdated: NotRequired[list[str]]
    """The languages whose title may be out of date, when there are any."""


class CodeDoc(TypedDict):
    own: dict[str, Value]
    """The code's own fields (model.code_fields), published beside `texts`."""
    texts: dict[str, TextsDoc]
    url: dict[str, str]
    page: dict[str, str]
    added: str | None
    """When the code was added (YYYY-MM-DD), from data/changes.txt."""
    changed: str | None
    """When its meaning last changed: a source text, or its retirement."""


class ErrorsDoc(TypedDict):
    schema_version: int
    site_url: str
    languages: list[str]
    table: TableDoc
    codes: list[CodeDoc]


def _texts(row: ErrorCode, language: str, status: Status) -> TextsDoc:
    given = row.texts[language]
    texts: TextsDoc = {
        item.name: text
        for item in texts_fields()
        if (text := getattr(given, item.name)) is not None
    }
    if status.row(row.code, language):
        texts["outdated"] = True
    return texts


def _published(code: CodeDoc) -> dict[str, object]:
    """A code as /errors.json holds it: its own fields, then its texts and links."""
    return {
        **code["own"],
        "added": code["added"],
        "changed": code["changed"],
        "texts": code["texts"],
        "url": code["url"],
        "page": code["page"],
    }


def document(
    table: ErrorTable,
    languages: Sequence[str],
    site_url: str | None,
    status: Status | None = None,
) -> ErrorsDoc:
    """Every code in every language, with the links to its row and to its own page; a
    translation that may be out of date (see translated.py) is marked."""
    status = status or Status()

    def links(anchor: str) -> dict[str, str]:
        return {lang: urls.anchor_url(site_url, lang, anchor) for lang in languages}

    heading: TableDoc = {
        "anchor": table.anchor,
        "title": {lang: table.title[lang] for lang in languages},
        "url": links(table.anchor),
    }
    outdated = [lang for lang in languages if status.title(lang)]
    if outdated:
        heading["outdated"] = outdated
    return {
        "schema_version": SCHEMA_VERSION,
        "site_url": urls.root(site_url),
        "languages": list(languages),
        "table": heading,
        "codes": [
            {
                "own": {item.name: getattr(row, item.name) for item in code_fields()},
                "texts": {lang: _texts(row, lang, status) for lang in languages},
                "url": links(row.anchor),
                "page": {
                    lang: urls.code_page_url(site_url, lang, row.anchor) for lang in languages
                },
                "added": _iso(status.dates.get(row.code, Dates()).added),
                "changed": _iso(status.dates.get(row.code, Dates()).changed),
            }
            for row in table.codes
        ],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def to_json(doc: ErrorsDoc) -> str:
    """Readable and stable (the same data gives the same bytes): the head indented, then one
    code per line, which `grep` and a diff read well.

    `indent=` would lay out every code over some twenty lines, and it makes `json` use its
    Python encoder instead of its C one: 0.75 s of a 10,000-code build, against 0.05 s."""
    head = {key: value for key, value in doc.items() if key != "codes"}
    # With codes put last and empty, the head's last two lines are '  "codes": []' and '}'.
    lines = json.dumps({**head, "codes": []}, ensure_ascii=False, indent=2).splitlines()
    codes = ",\n".join(code_line(code) for code in doc["codes"])
    return "\n".join([*lines[:-2], CODES_LINE, codes, "  ]", "}", ""])


CODES_LINE = '  "codes": ['
"""The line of /errors.json after which come the codes, one a line."""


def code_line(code: CodeDoc) -> str:
    """One code's line in /errors.json, without the comma that separates it from the next."""
    return f"    {json.dumps(_published(code), ensure_ascii=False)}"


def schema_text(site_url: str | None) -> str:
    """The JSON Schema of /errors.json, with its `$id` at the place the site publishes it."""
    schema = document_schema.schema(f"{urls.root(site_url)}{SCHEMA_NAME}")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Value | None) -> str | int:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def to_csv(doc: ErrorsDoc) -> str:
    """One row per code: its own fields, then its texts, row link and page per language
    (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    languages = doc["languages"]
    own = [item.name for item in code_fields()]
    texts = [item.name for item in texts_fields()]
    writer.writerow(
        own + [f"{field}_{lang}" for lang in languages for field in (*texts, "url", "page")]
    )
    for code in doc["codes"]:
        cells = [_cell(code["own"][name]) for name in own]
        for lang in languages:
            given = code["texts"][lang]
            cells += [_cell(given.get(name)) for name in texts]
            cells += [code["url"][lang], code["page"][lang]]
        writer.writerow(cells)
    return buffer.getvalue()


# Backslash escapes work in CommonMark and Python-Markdown alike for these; `<`, `>` and `&`
# become entities because Python-Markdown keeps a backslash before them.
_ESCAPE = re.compile(r"([\\`*_\[\]|])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_cell(text: str) -> str:
    """Text that stays one literal table cell in Markdown: no markup, no column breaks."""
    text = "".join(_ENTITIES.get(char, char) for char in " ".join(text.split()))
    return _ESCAPE.sub(r"\\\1", text)


def to_markdown(doc: ErrorsDoc, catalogs: i18n.Catalogs = i18n.PACKAGE) -> str:
    """One section per language, headed by the table's title. Its columns, each headed by its
    field's label: the code (linked to its row), the first translated text (linked to the
    code's page), the provider's texts, then the other translated texts."""
    first, *others = texts_fields()
    provider = [item for item in code_fields() if kind(item) is Kind.PROVIDER]
    number = next(item for item in code_fields() if kind(item) is Kind.NUMBER)
    columns = [number, first, *provider, *others]
    sections = []
    for lang in doc["languages"]:
        gettext = i18n.translations(lang, catalogs).gettext
        lines = [
            f"## {markdown_cell(doc['table']['title'][lang])}",
            "",
            "| " + " | ".join(gettext(label(item)) for item in columns) + " |",
            "| ---: |" + " --- |" * (len(columns) - 1),
        ]
        for code in doc["codes"]:
            texts = code["texts"][lang]
            link = f"[{code['own'][number.name]}]({code['url'][lang]})"
            name = f"[{markdown_cell(str(texts[first.name]))}]({code['page'][lang]})"
            cells = [markdown_cell(str(code["own"][item.name] or "")) for item in provider]
            cells += [markdown_cell(str(texts.get(item.name, ""))) for item in others]
            lines.append(f"| {' | '.join([link, name, *cells])} |")
        sections.append("\n".join(lines) + "\n")
    return "\n".join(sections)


def formatted(doc: ErrorsDoc, fmt: str, catalogs: i18n.Catalogs = i18n.PACKAGE) -> str:
    """The document (see `document`) in one of FORMATS."""
    if fmt == "json":
        return to_json(doc)
    if fmt == "csv":
        return to_csv(doc)
    if fmt == "markdown":
        return to_markdown(doc, catalogs)
    raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
