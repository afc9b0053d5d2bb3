"""/errors.json and its schema on the built site, and the CSV and Markdown exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
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

from .helpers import CONFIG, DATA, LANGUAGES, edit, entries, make_project, run
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


def test_published_json_is_valid_against_the_document_schema(site: Path) -> None:
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
    history = ("added", "changed")  # from data/changes.txt: tests/test_changes.py
    assert [
        {k: v for k, v in code.items() if k not in history} for code in doc["codes"]
    ] == expected
    assert all(code["added"] for code in doc["codes"])


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


# A field added to the model as a maintainer would: declared once in model.py, shown on the
# page by one template. Every machine output must carry it without any other change.
NEW_FIELD = """
    cause: str | None = field(
        default=None,
        metadata=_field(Kind.TRANSLATED, N_("Cause"), "Why the API returns the error."),
    )
"""
SHOWN = "{{ texts.action | inline }}"
CAUSES = {"ru": "Номер не зарегистрирован", "en": "The number is not registered"}


def _with_new_field(where: Path) -> Path:
    """A copy of the package with `cause` declared in model.py and shown by the table's
    template; PYTHONPATH=<the result> runs it."""
    package = Path(__import__("gupshup_errors").__file__).parent
    copy = where / "gupshup_errors"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    model = copy / "data" / "model.py"
    anchor = "\n\n\n@dataclass(frozen=True)\nclass ErrorCode:"
    edit(model, anchor, NEW_FIELD.rstrip("\n") + anchor)
    template = copy / "templates" / "table-row.html.j2"
    edit(template, SHOWN, SHOWN + '{% if texts.cause %} <span class="gs-cause">'
         "{{ texts.cause | inline }}</span>{% endif %}")  # fmt: skip
    code_page = copy / "templates" / "code-page.html.j2"
    edit(code_page, "<dd>{{ texts.action }}</dd>", '<dd>{{ texts.action }}</dd>\n'
         '<dt>Cause</dt><dd class="gs-cause">{{ texts.cause }}</dd>')  # fmt: skip
    return where


def test_a_field_declared_in_the_model_reaches_every_output(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(_with_new_field(tmp_path / "package"))}
    codes = entries([1002, 1003], ["ru", "en"])
    for language, text in CAUSES.items():
        codes[0][language]["cause"] = text
    project = make_project(tmp_path / "project", languages=["ru", "en"], codes=codes, translated="")

    def command(*args: str) -> str:
        result = run(*args, cwd=project, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    loaded = "from gupshup_errors.data.load import load; import sys, pathlib; "
    loaded += "print(load(pathlib.Path(sys.argv[1]), ['ru', 'en']).find(1002).texts['en'].cause)"
    table = run("data/errors.yml", cwd=project, env=env, program=(sys.executable, "-c", loaded))
    assert table.stdout == f"{CAUSES['en']}\n", table.stderr
    command("translated")
    assert f"1002 cause en: {CAUSES['ru']}\n" in (project / "data/translated.txt").read_text()
    command("check")
    command("schema")
    editor = json.loads((project / "data/errors.yml.schema.json").read_text("utf-8"))
    block = editor["properties"]["codes"]["items"]["properties"]["en"]
    assert "cause" in block["properties"] and "cause" not in block["required"]
    command("build", "--site-dir", "site")
    doc, schema = _published(project / "site")
    assert [code["texts"]["en"].get("cause") for code in doc["codes"]] == [CAUSES["en"], None]
    assert "cause" in schema["$defs"]["code"]["properties"]["texts"]["additionalProperties"][
        "properties"
    ]  # fmt: skip
    assert list(_validator(schema).iter_errors(doc)) == []
    rows = list(csv.DictReader(io.StringIO(command("export", "--format", "csv"))))
    assert [row["cause_ru"] for row in rows] == [CAUSES["ru"], ""]
    markdown_text = command("export", "--format", "markdown", "--lang", "en")
    assert "| Cause |" in markdown_text and f"| {CAUSES['en']} |" in markdown_text
    po = command("export", "--format", "po", "--lang", "en")
    assert f'msgctxt "1002/cause"\nmsgid "{CAUSES["ru"]}"\nmsgstr "{CAUSES["en"]}"' in po
    assert f"Cause: {CAUSES['en']}" in command("lookup", "1002", "--lang", "en")
    index = json.loads((project / "site/ru/search/search_index.json").read_text("utf-8"))
    assert any(CAUSES["ru"] in item["text"] for item in index["docs"])
    page = BeautifulSoup((project / "site/ru/index.html").read_text("utf-8"), "html.parser")
    assert [cell.get_text() for cell in page.select(".gs-cause")] == [CAUSES["ru"]]
    for code, cause in (("1002", CAUSES["en"]), ("1003", "")):
        own = BeautifulSoup((project / f"site/en/{code}/index.html").read_text(), "html.parser")
        assert [item.get_text() for item in own.select(".gs-cause")] == [cause]


def test_an_imported_optional_text_the_block_lacks_is_a_located_refusal(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(_with_new_field(tmp_path / "package"))}
    codes = entries([1002], ["ru", "en"])
    codes[0]["ru"]["cause"] = CAUSES["ru"]  # the source has it; the translation's block not yet
    project = make_project(tmp_path / "project", languages=["ru", "en"], codes=codes, translated="")
    exported = run("export", "--format", "po", "--lang", "en", cwd=project, env=env)
    assert exported.returncode == 0, exported.stderr
    empty = f'msgctxt "1002/cause"\nmsgid "{CAUSES["ru"]}"\nmsgstr ""'
    assert empty in exported.stdout
    po = project / "en.po"
    translated = exported.stdout.replace(empty, empty[:-2] + f'"{CAUSES["en"]}"')
    po.write_text(translated.replace("#, fuzzy\n", ""), "utf-8")  # as the translator leaves it
    line = po.read_text("utf-8").splitlines().index('msgctxt "1002/cause"') + 2  # its msgid
    before = (project / "data/errors.yml").read_bytes()
    result = run("import", "en.po", cwd=project, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"en.po:{line}:" in result.stderr
    assert "no 'cause:' line in its 'en' block" in result.stderr
    assert (project / "data/errors.yml").read_bytes() == before
