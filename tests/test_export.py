"""/errors.json and its schema on the built site, and the CSV and Markdown exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.config import load_config

from gupshup_errors.data.model import ErrorCode, ErrorTable, Texts
from gupshup_errors.render.export import document, formatted, markdown_cell
from gupshup_errors.text import urls

from .helpers import CONFIG, DATA, LANGUAGES
from .helpers.interface import interface
from .helpers.page import RETIRED_NOTE, row_texts

SITE_URL = urls.root(load_config(str(CONFIG)).site_url)


def _published(site: Path) -> tuple[dict[str, object], dict[str, object]]:
    doc = json.loads((site / "errors.json").read_text("utf-8"))
    schema = json.loads((site / "errors.schema.json").read_text("utf-8"))
    return doc, schema


def _validator(schema: dict[str, object]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_published_json_is_valid_against_the_published_schema(site: Path) -> None:
    doc, schema = _published(site)
    assert schema["$id"] == f"{SITE_URL}errors.schema.json"
    assert list(_validator(schema).iter_errors(doc)) == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda doc: doc.pop("schema_version"),
        lambda doc: doc.update(schema_version=2),
        lambda doc: doc["codes"][0].pop("url"),
        lambda doc: doc["codes"][0].update(code="1002"),
        lambda doc: doc["codes"][0]["texts"]["en"].pop("action"),
        lambda doc: doc["codes"][0]["texts"]["en"].update(name=""),
        lambda doc: doc["table"].update(extra=1),
    ],
    ids=["no version", "other version", "no url", "code as text", "no action", "empty name",
         "unknown field"],
)  # fmt: skip
def test_schema_rejects_a_document_that_breaks_it(site: Path, breakage: object) -> None:
    doc, schema = _published(site)
    assert callable(breakage)
    breakage(doc)
    assert list(_validator(schema).iter_errors(doc)) != []


def test_published_json_says_what_the_yaml_says(site: Path) -> None:
    doc, _ = _published(site)
    source = yaml.safe_load(DATA.read_text("utf-8"))  # read plainly, not through our loader
    assert doc["schema_version"] == 1
    assert doc["site_url"] == SITE_URL
    assert doc["languages"] == LANGUAGES
    assert doc["table"]["anchor"] == source["table"]["anchor"]
    assert doc["table"]["title"] == source["table"]["title"]
    expected = [
        {
            "code": entry["code"],
            "retired": entry.get("retired", False),
            "message": entry.get("message"),
            "texts": {lang: {"name": entry[lang]["name"], "action": entry[lang]["action"]}
                      for lang in LANGUAGES},
            "url": {lang: f"{SITE_URL}{lang}/#{entry['code']}" for lang in LANGUAGES},
            "page": {lang: f"{SITE_URL}{lang}/{entry['code']}/" for lang in LANGUAGES},
        }
        for entry in source["codes"]
    ]  # fmt: skip
    assert doc["codes"] == expected


def test_published_json_holds_one_code_per_line(site: Path) -> None:
    """Readable with grep and in a diff: each code's object is whole on a line of its own."""
    text = (site / "errors.json").read_text("utf-8")
    doc = json.loads(text)
    lines = [line.strip().removesuffix(",") for line in text.splitlines()]
    on_their_lines = [json.loads(line) for line in lines if line.startswith('{"code": ')]
    assert on_their_lines == doc["codes"]
    assert text.endswith("\n") and text.startswith('{\n  "schema_version": ')


def test_every_url_in_the_json_leads_to_its_row_with_its_texts(site: Path) -> None:
    doc, _ = _published(site)
    for code in doc["codes"]:
        for lang, url in code["url"].items():
            assert url.startswith(SITE_URL)
            page, _, anchor = url.removeprefix(SITE_URL).partition("#")
            soup = BeautifulSoup((site / page / "index.html").read_text("utf-8"), "html.parser")
            row = soup.find(id=anchor)
            assert row is not None, url
            assert isinstance(row, Tag)
            texts = code["texts"][lang]
            assert row_texts(row) == [str(code["code"]), texts["name"], texts["action"]]
            assert bool(row.select(RETIRED_NOTE)) == code["retired"]
            shown = row.select_one(".gs-message samp")
            assert (shown and shown.get_text()) == code["message"]


def test_every_page_in_the_json_is_the_code_s_own_page(site: Path) -> None:
    doc, _ = _published(site)
    for code in doc["codes"]:
        for lang, url in code["page"].items():
            assert url == f"{SITE_URL}{lang}/{code['code']}/"
            soup = BeautifulSoup(
                (site / url.removeprefix(SITE_URL) / "index.html").read_text("utf-8"),
                "html.parser",
            )
            assert soup.select_one("link[rel=canonical]")["href"] == url
            facts = soup.select(".gs-code-page__facts dd")
            assert facts[0].get_text() == str(code["code"])
            assert code["texts"][lang]["name"] in soup.title.get_text()


def test_csv_export_reads_back_as_the_yaml(table: ErrorTable) -> None:
    text = formatted(document(table, LANGUAGES, SITE_URL), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    source = yaml.safe_load(DATA.read_text("utf-8"))["codes"]
    assert [int(row["code"]) for row in rows] == [entry["code"] for entry in source]
    for row, entry in zip(rows, source, strict=True):
        for lang in LANGUAGES:
            assert row[f"name_{lang}"] == entry[lang]["name"]
            assert row[f"action_{lang}"] == entry[lang]["action"]
            assert row[f"url_{lang}"] == f"{SITE_URL}{lang}/#{entry['code']}"
            assert row[f"page_{lang}"] == f"{SITE_URL}{lang}/{entry['code']}/"
        assert row["message"] == entry.get("message", "")


TRICKY = "a | b *c* _d_ `e` [f](g) <b>h</b> &amp; \\ i"


def _table_cells(source: str) -> list[list[str]]:
    html = markdown.markdown(source, extensions=["tables"])
    soup = BeautifulSoup(html, "html.parser")
    return [[cell.get_text() for cell in tr.find_all(["td", "th"])] for tr in soup.find_all("tr")]


def test_markdown_cell_keeps_any_text_literal_in_one_cell() -> None:
    cells = _table_cells(f"| x | y |\n| --- | --- |\n| {markdown_cell(TRICKY)} | z |\n")
    assert cells[1] == [TRICKY, "z"]


def test_markdown_export_is_one_table_per_language_with_literal_texts() -> None:
    table = ErrorTable(
        "t",
        {lang: f"Title {lang} | *x*" for lang in LANGUAGES},
        (
            ErrorCode(
                7,
                {lang: Texts(f"{TRICKY} {lang}", "act\nion") for lang in LANGUAGES},
                message=TRICKY,
            ),
        ),
    )
    text = formatted(document(table, LANGUAGES, SITE_URL), "markdown")
    html = BeautifulSoup(markdown.markdown(text, extensions=["tables"]), "html.parser")
    assert [h.get_text() for h in html.find_all("h2")] == [
        f"Title {lang} | *x*" for lang in LANGUAGES
    ]
    tables = html.find_all("table")
    assert len(tables) == len(LANGUAGES)
    for lang, found in zip(LANGUAGES, tables, strict=True):
        row = found.find("tbody").find("tr")
        cells = [cell.get_text() for cell in row.find_all("td")]
        assert cells == ["7", f"{TRICKY} {lang}", TRICKY, "act ion"]
        links = [a["href"] for a in row.find_all("a")]
        assert links == [f"{SITE_URL}{lang}/#7", f"{SITE_URL}{lang}/7/"]
    for lang, found in zip(LANGUAGES, tables, strict=True):
        words = interface(lang)
        headers = [th.get_text() for th in found.find_all("th")]
        assert headers == [words["code"], words["error"], words["api message"], words["meaning"]]
