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
from pathlib import Path
from typing import NotRequired, TypedDict

from ..data.model import ErrorCode, ErrorTable, Status
from ..text import i18n, urls

# Bump when a field is removed or changes meaning; adding a field keeps the version.
SCHEMA_VERSION = 1
JSON_NAME = "errors.json"
# Published as /errors.schema.json (public links to it keep working); in the package its name
# says which file it describes, unlike the data file's editor schema.
SCHEMA_NAME = "errors.schema.json"
SCHEMA = Path(__file__).parent.parent / "errors.json.schema.json"
FORMATS = ("json", "csv", "markdown")


class TextsDoc(TypedDict):
    name: str
    action: str
    outdated: NotRequired[bool]
    """Present (true) when the source text changed after this translation was made."""


class TableDoc(TypedDict):
    anchor: str
    title: dict[str, str]
    url: dict[str, str]
    outdated: NotRequired[list[str]]
    """The languages whose title may be out of date, when there are any."""


class CodeDoc(TypedDict):
    code: int
    retired: bool
    message: str | None
    texts: dict[str, TextsDoc]
    url: dict[str, str]
    page: dict[str, str]


class ErrorsDoc(TypedDict):
    schema_version: int
    site_url: str
    languages: list[str]
    table: TableDoc
    codes: list[CodeDoc]


def _texts(row: ErrorCode, language: str, status: Status) -> TextsDoc:
    texts: TextsDoc = {"name": row.texts[language].name, "action": row.texts[language].action}
    if status.row(row.code, language):
        texts["outdated"] = True
    return texts


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
                "code": row.code,
                "retired": row.retired,
                "message": row.message,
                "texts": {lang: _texts(row, lang, status) for lang in languages},
                "url": links(row.anchor),
                "page": {
                    lang: urls.code_page_url(site_url, lang, row.anchor) for lang in languages
                },
            }
            for row in table.codes
        ],
    }


def to_json(doc: ErrorsDoc) -> str:
    """Readable and stable (the same data gives the same bytes): the head indented, then one
    code per line, which `grep` and a diff read well.

    `indent=` would lay out every code over some twenty lines, and it makes `json` use its
    Python encoder instead of its C one: 0.75 s of a 10,000-code build, against 0.05 s."""
    head = {key: value for key, value in doc.items() if key != "codes"}
    # With codes put last and empty, the head's last two lines are '  "codes": []' and '}'.
    lines = json.dumps({**head, "codes": []}, ensure_ascii=False, indent=2).splitlines()
    codes = ",\n".join(f"    {json.dumps(code, ensure_ascii=False)}" for code in doc["codes"])
    return "\n".join([*lines[:-2], '  "codes": [', codes, "  ]", "}", ""])


def schema_text(site_url: str | None) -> str:
    """The committed JSON Schema, with its `$id` at the place the site publishes it."""
    schema = json.loads(SCHEMA.read_text("utf-8"))
    schema["$id"] = f"{urls.root(site_url)}{SCHEMA_NAME}"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def to_csv(doc: ErrorsDoc) -> str:
    """One row per code; name, action, row link and page per language (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    languages = doc["languages"]
    writer.writerow(
        ["code", "retired", "message"]
        + [f"{field}_{lang}" for lang in languages for field in ("name", "action", "url", "page")]
    )
    for code in doc["codes"]:
        cells: list[str | int] = [
            code["code"],
            "true" if code["retired"] else "false",
            code["message"] or "",
        ]
        for lang in languages:
            texts = code["texts"][lang]
            cells += [texts["name"], texts["action"], code["url"][lang], code["page"][lang]]
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
    """One section per language, headed by the table's title, with the page's column headers."""
    sections = []
    for lang in doc["languages"]:
        gettext = i18n.translations(lang, catalogs).gettext
        lines = [
            f"## {markdown_cell(doc['table']['title'][lang])}",
            "",
            f"| {gettext('Code')} | {gettext('Error')} | {gettext('API message')} "
            f"| {gettext('Meaning / action')} |",
            "| ---: | --- | --- | --- |",
        ]
        for code in doc["codes"]:
            texts = code["texts"][lang]
            link = f"[{code['code']}]({code['url'][lang]})"
            name = f"[{markdown_cell(texts['name'])}]({code['page'][lang]})"
            message = markdown_cell(code["message"] or "")
            lines.append(f"| {link} | {name} | {message} | {markdown_cell(texts['action'])} |")
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
