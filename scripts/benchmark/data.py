"""The synthetic tables: a project of ours with `size` codes, and the same content written by
hand as plain MkDocs + Material pages (the baseline)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import DATA, LANGUAGES, document, entries, make_project
from tests.helpers.interface import interface

FIRST = 100
STEP = 3


def codes(size: int) -> list[int]:
    return [FIRST + index * STEP for index in range(size)]


def _real_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load(DATA.read_text("utf-8"))["codes"]
    return rows


def _real_texts() -> list[dict[str, dict[str, str]]]:
    return [{lang: row[lang] for lang in LANGUAGES} for row in _real_rows()]


def table(size: int) -> list[dict[str, Any]]:
    """`size` entries with the real texts, cycled and numbered so that rows differ."""
    real = _real_texts()

    def text(code: int, language: str, field: str) -> str:
        index = (code - FIRST) // STEP
        model = real[index % len(real)][language][field]
        return f"{model} {code}" if field == "name" else f"{model} (#{index + 1})"

    # The API's messages too, where the real rows have them, numbered like the names.
    real_messages = [row.get("message") for row in _real_rows()]
    numbers = codes(size)
    messages = {
        code: f"{message} {code}"
        for index, code in enumerate(numbers)
        if (message := real_messages[index % len(real_messages)])
    }
    return entries(numbers, LANGUAGES, text, messages=messages)


def project(root: Path, size: int) -> Path:
    """A copy of the project's inputs with a synthetic table of `size` codes, all published."""
    return make_project(root, codes=table(size))


def edited(rows: Sequence[dict[str, Any]], token: str) -> str:
    """The data file of `rows` with the first row's action, in the first language, replaced."""
    first = {**rows[0], LANGUAGES[0]: {**rows[0][LANGUAGES[0]], "action": token}}
    return document([first, *rows[1:]])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _message(row: dict[str, Any]) -> str:
    """The API's message under the name, as a hand-written page would put it."""
    return f"<br>`{_cell(row['message'])}`" if row.get("message") else ""


def _page(language: str, rows: Sequence[dict[str, Any]]) -> str:
    """The table as a hand-written Markdown page in `language`."""
    words = interface(language)
    page = [
        f"# {words['title']}",
        "",
        f"## {words['site name']} {{ #gupshup-whatsapp-api }}",
        "",
        f"| {words['code']} | {words['error']} | {words['meaning']} |",
        "| --- | --- | --- |",
        *(
            f"| {row['code']} | {_cell(row[language]['name'])}{_message(row)} "
            f"| {_cell(row[language]['action'])} |"
            for row in rows
        ),
        "",
    ]
    return "\n".join(page)


def peer(root: Path, rows: Sequence[dict[str, Any]]) -> Path:
    """The same table as one mkdocs-static-i18n site (index.md, index.<lang>.md): the peer that
    writes the table alone, in one `mkdocs build`; its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for language in LANGUAGES:
        suffix = "" if language == LANGUAGES[0] else f".{language}"
        (docs / f"index{suffix}.md").write_text(_page(language, rows), "utf-8")
    return static_i18n(root, interface(LANGUAGES[0])["site name"])


def static_i18n(root: Path, site_name: str) -> Path:
    """mkdocs.yml for the pages under root/docs in mkdocs-static-i18n's suffix layout, with
    Material and its search, as our site has them."""
    languages = [
        {"locale": lang, "name": lang, "build": True, "default": lang == LANGUAGES[0]}
        for lang in LANGUAGES
    ]
    config = {
        "site_name": site_name,
        "site_url": "http://127.0.0.1:8000/",
        "site_dir": str(root / "site"),
        "theme": {"name": "material", "language": LANGUAGES[0], "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": languages}}],
        "markdown_extensions": ["attr_list", "tables"],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return path


def baseline(root: Path, rows: Sequence[dict[str, Any]]) -> list[Path]:
    """The same content as one plain Material site per language; their mkdocs.yml files."""
    configs = []
    for language in LANGUAGES:
        words = interface(language)
        docs = root / language / "docs"
        docs.mkdir(parents=True)
        (docs / "index.md").write_text(_page(language, rows), "utf-8")
        config = {
            "site_name": words["site name"],
            "site_url": f"http://127.0.0.1:8000/{language}/",
            "site_dir": str(root / "site" / language),
            "theme": {"name": "material", "language": language, "font": False},
            "plugins": ["search"],
            "markdown_extensions": ["attr_list", "tables"],
        }
        path = root / language / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        configs.append(path)
    return configs
