"""Translations cannot silently go stale: the record, the check, confirming, what readers see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from gupshup_errors.builder.site import build_site

from .helpers import LANGUAGES, NEW_ENTRY, SAMPLE_LANGUAGES, SOURCE_EDIT, edit, run

SOURCE, *TARGETS = SAMPLE_LANGUAGES  # the languages of the sample project (`project`)
OLD, NEW = SOURCE_EDIT


def record_lines(project: Path) -> list[str]:
    text = (project / "data" / "translated.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of `path` that starts with `text` (after indent)."""
    found = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]
    assert found, text
    return found[0]


def test_the_record_covers_every_code_field_translation_language_and_the_title(
    project: Path,
) -> None:
    document = yaml.safe_load((project / "data" / "errors.yml").read_text("utf-8"))
    expected = {f"title {lang}: {document['table']['title'][SOURCE]}" for lang in TARGETS}
    for entry in document["codes"]:
        for lang in TARGETS:
            for field in ("name", "action"):
                expected.add(f"{entry['code']} {field} {lang}: {entry[SOURCE][field]}")
    assert set(record_lines(project)) == expected
    assert run("check", cwd=project).returncode == 0


def test_a_changed_source_fails_check_at_the_translation_with_both_ways_out(
    project: Path,
) -> None:
    data = project / "data" / "errors.yml"
    edit(data, OLD, NEW)
    result = run("check", cwd=project)
    assert result.returncode == 1
    line = line_of(data, "The recipient's number is not registered on WhatsApp.")
    assert (
        f"data/errors.yml:{line}:15: [code 1002, field 'action', language 'en'] the translation "
        "may be out of date: the 'ru' text changed since it was translated\n"
    ) in result.stderr
    assert "    ru was: Номер получателя не зарегистрирован в WhatsApp.\n" in result.stderr
    assert (
        "    ru now: Номер получателя не зарегистрирован в WhatsApp{+ или недоступен+}.\n"
    ) in result.stderr
    assert "update the 'en' text, or, if it still holds, confirm it with " in result.stderr
    assert "`gupshup-errors translated 1002 --lang en`" in result.stderr


def test_an_edit_of_the_translation_alone_is_not_outdated(project: Path) -> None:
    edit(project / "data" / "errors.yml", "Contact the Gupshup team.", "Call the Gupshup team.")
    edit(
        project / "data" / "errors.yml",
        "en: Gupshup WhatsApp API — full error table",
        "en: Gupshup WhatsApp API — every error",
    )
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stderr


def test_confirming_one_code_records_its_current_source_and_nothing_else(project: Path) -> None:
    edit(project / "data" / "errors.yml", OLD, NEW)
    edit(project / "data" / "errors.yml", "Обратиться в команду Gupshup.", "Напишите в Gupshup.")
    before = record_lines(project)
    confirmed = run("translated", "1002", "--lang", "en", cwd=project)
    assert confirmed.returncode == 0, confirmed.stderr
    after = record_lines(project)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [
        (
            "1002 action en: Номер получателя не зарегистрирован в WhatsApp.",
            "1002 action en: Номер получателя не зарегистрирован в WhatsApp или недоступен.",
        )
    ]
    still = run("check", cwd=project)
    assert still.returncode == 1
    assert "[code 500, field 'action', language 'en']" in still.stderr
    assert "[code 1002," not in still.stderr
    assert run("translated", cwd=project).returncode == 0  # `make translated`: every one
    assert run("check", cwd=project).returncode == 0


def test_the_title_is_tracked_and_confirmed_by_name(project: Path) -> None:
    data = project / "data" / "errors.yml"
    edit(data, "ru: Gupshup WhatsApp API — Полная таблица ошибок", "ru: Коды ошибок Gupshup")
    result = run("check", cwd=project)
    line = line_of(data, "en: Gupshup WhatsApp API — full error table")
    assert f"data/errors.yml:{line}:9: [field 'title', language 'en'] the translation" in (
        result.stderr
    )
    assert "`gupshup-errors translated title --lang en`" in result.stderr
    assert run("translated", "title", cwd=project).returncode == 0
    assert run("check", cwd=project).returncode == 0


def test_a_missing_or_empty_translation_is_never_recorded(project: Path) -> None:
    record = project / "data" / "translated.txt"
    edit(project / "data" / "errors.yml", OLD, NEW)
    edit(
        project / "data" / "errors.yml",
        "      action: The recipient's number is not registered on WhatsApp.\n",
        '      action: ""\n',
    )
    before = record.read_bytes()
    result = run("translated", cwd=project)
    assert result.returncode == 1
    assert "[code 1002, field 'action', language 'en'] 'action' is empty" in result.stderr
    assert record.read_bytes() == before


def test_confirming_an_unknown_code_is_an_error(project: Path) -> None:
    before = (project / "data" / "translated.txt").read_bytes()
    result = run("translated", "9999", cwd=project)
    assert result.returncode == 1
    assert "there is no code 9999" in result.stderr
    assert (project / "data" / "translated.txt").read_bytes() == before


def test_a_new_code_needs_only_published(project: Path) -> None:
    last = '      action: "Sending failed: the template is paused."\n'
    edit(project / "data" / "errors.yml", last, last + NEW_ENTRY)
    assert run("published", cwd=project).returncode == 0
    assert {"4006 name en: Новая ошибка", "4006 action en: Новое действие."} <= set(
        record_lines(project)
    )
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stderr


def test_a_missing_record_names_the_command_that_creates_it(project: Path) -> None:
    (project / "data" / "translated.txt").unlink()
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert (
        "data/translated.txt:1:1: the file does not exist\n"
        "    fix: run `make translated` to create it: it records every translation as made "
        "from the current source text, and commit it\n"
    ) in result.stderr
    assert run("translated", cwd=project).returncode == 0
    assert run("check", cwd=project).returncode == 0


def test_lookup_says_a_translation_may_be_out_of_date(project: Path) -> None:
    edit(project / "data" / "errors.yml", OLD, NEW)
    english = run("lookup", "1002", "--lang", "en", cwd=project)
    assert english.returncode == 0, english.stderr
    assert (
        "  may be out of date: the 'ru' text changed after this translation was made; "
        "the original: http://127.0.0.1:8000/ru/#1002\n"
    ) in english.stdout
    assert "may be out of date" not in run("lookup", "1002", cwd=project).stdout
    assert "may be out of date" not in run("lookup", "500", "--lang", "en", cwd=project).stdout


@pytest.fixture
def outdated_site(project: Path) -> Path:
    """The project with the ru action of 1002 and the ru title changed, built as `make site`."""
    data = project / "data" / "errors.yml"
    edit(data, OLD, NEW)
    edit(data, "ru: Gupshup WhatsApp API — Полная таблица ошибок", "ru: Коды ошибок Gupshup")
    build_site(project / "mkdocs.yml", project / "site")
    return project / "site"


def _soup(site: Path, language: str) -> BeautifulSoup:
    return BeautifulSoup((site / language / "index.html").read_text("utf-8"), "html.parser")


def test_the_site_builds_and_the_outdated_row_carries_a_note_with_a_link_to_the_source(
    outdated_site: Path,
) -> None:
    soup = _soup(outdated_site, "en")
    notes = soup.select("tr .gs-outdated-note")
    assert [note.find_parent("tr")["id"] for note in notes] == ["1002"]
    note = notes[0]
    assert note.get_text(" ", strip=True) == (
        "This translation may be out of date. Read the original (Russian)"
    )
    link = note.find("a")
    assert link["href"] == "../ru/#1002"
    assert link["hreflang"] == "ru"
    # The link resolves to the row of the same code on the source language's page.
    assert _soup(outdated_site, "ru").find(id="1002") is not None
    heading_note = soup.find("h2").find_next_sibling("p", class_="gs-outdated-note")
    assert heading_note.find("a")["href"] == "../ru/#gupshup-whatsapp-api"
    assert _soup(outdated_site, "ru").select(".gs-outdated-note") == []


def test_the_outdated_code_page_carries_the_note_with_a_link_to_the_source_page(
    outdated_site: Path,
) -> None:
    source, *translations = SAMPLE_LANGUAGES
    for language in SAMPLE_LANGUAGES:
        for page in sorted((outdated_site / language).glob("[0-9]*/index.html")):
            soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
            notes = soup.select("article .gs-outdated-note")
            if language == source or page.parent.name != "1002":
                assert notes == [], page
                continue
            assert len(notes) == 1, page
            # Worded as the note on the code's row in the table.
            row_note = _soup(outdated_site, language).select_one("tr .gs-outdated-note")
            assert notes[0].get_text(" ", strip=True) == row_note.get_text(" ", strip=True)
            link = notes[0].find("a")
            assert link["href"] == f"../../{source}/1002/" and link["hreflang"] == source
            # It leads to the same code's page in the source language, which has no note.
            target = (page.parent / link["href"] / "index.html").resolve()
            assert target == (outdated_site / source / "1002" / "index.html").resolve()
            assert target.exists()
    assert translations, "the sample has a language to go out of date"


def test_errors_json_marks_the_outdated_texts_and_fits_its_schema(outdated_site: Path) -> None:
    doc = json.loads((outdated_site / "errors.json").read_text("utf-8"))
    schema = json.loads((outdated_site / "errors.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["schema_version"] == 1
    marked = {
        (code["code"], lang)
        for code in doc["codes"]
        for lang, texts in code["texts"].items()
        if texts.get("outdated") is True
    }
    assert marked == {(1002, "en")}
    assert doc["table"]["outdated"] == ["en"]


def test_the_schema_refuses_an_outdated_mark_that_is_not_true(outdated_site: Path) -> None:
    doc = json.loads((outdated_site / "errors.json").read_text("utf-8"))
    schema = json.loads((outdated_site / "errors.schema.json").read_text("utf-8"))
    doc["codes"][0]["texts"]["en"]["outdated"] = "yes"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_an_up_to_date_site_has_no_notes(site: Path) -> None:
    for language in LANGUAGES:
        assert _soup(site, language).select(".gs-outdated-note") == []
    doc = json.loads((site / "errors.json").read_text("utf-8"))
    assert "outdated" not in doc["table"]
    assert not any("outdated" in texts for c in doc["codes"] for texts in c["texts"].values())


def test_the_build_warns_about_outdated_translations_in_its_terminal(project: Path) -> None:
    edit(project / "data" / "errors.yml", OLD, NEW)
    result = run("build", "-d", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "1 translation may be out of date; the site shows a note on its row:" in result.stderr
    assert "[code 1002, field 'action', language 'en']" in result.stderr


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("1002 name en: Номер не существует в WhatsApp\n", "is listed twice"),
        ("hello\n", "this line is not '<code> <field> <language>: <source text>'"),
        ("9999 name en: x\n", "code 9999 has no entry in data/errors.yml"),
    ],
)
def test_a_bad_record_stops_the_build_with_a_located_error(
    project: Path, line: str, message: str
) -> None:
    record = project / "data" / "translated.txt"
    record.write_text(record.read_text("utf-8") + line, "utf-8")
    number = len(record.read_text("utf-8").splitlines())
    result = run("build", "-d", str(project / "site"), cwd=project)
    assert result.returncode == 1
    assert f"data/translated.txt:{number}:1:" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_the_committed_record_has_only_lines_the_command_writes(project: Path) -> None:
    record = project / "data" / "translated.txt"
    before = record.read_text("utf-8")
    assert run("translated", cwd=project).returncode == 0
    assert record.read_text("utf-8") == before
    assert all(re.fullmatch(r"(title|\d+ \w+) \w+: .+", line) for line in record_lines(project))


def test_a_source_with_line_breaks_and_backslashes_is_recorded_and_compared_exactly(
    project: Path,
) -> None:
    data = project / "data" / "errors.yml"
    edit(data, OLD, "      action: |-\n        Номер не найден.\n        Путь: C:\\temp\\n\n")
    assert run("check", cwd=project).returncode == 1
    assert run("translated", "1002", cwd=project).returncode == 0
    assert "1002 action en: Номер не найден.\\nПуть: C:\\\\temp\\\\n" in record_lines(project)  # noqa: RUF001
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stderr
    edit(data, "Путь: C:\\temp\\n", "Путь: C:\\temp\\m")
    changed = run("check", cwd=project)
    # Words and punctuation are compared one by one: only the changed letter is marked.
    assert "    ru was: Номер не найден.\\nПуть: C:\\\\temp\\\\[-n-]\n" in changed.stderr  # noqa: RUF001
    assert "    ru now: Номер не найден.\\nПуть: C:\\\\temp\\\\{+m+}\n" in changed.stderr  # noqa: RUF001


def test_published_without_a_translation_record_says_how_to_create_it(project: Path) -> None:
    (project / "data" / "translated.txt").unlink()
    last = '      action: "Sending failed: the template is paused."\n'
    edit(project / "data" / "errors.yml", last, last + NEW_ENTRY)
    result = run("published", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "data/translated.txt does not exist yet: run `make translated` to create it" in (
        result.stdout
    )
    assert not (project / "data" / "translated.txt").exists()


def test_a_record_that_is_not_text_is_a_clear_error(project: Path) -> None:
    (project / "data" / "translated.txt").write_bytes(b"title en: \xff\xfe\n")
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "data/translated.txt:1:1: byte 10 of the file is not UTF-8 text\n" in result.stderr
    assert "Traceback" not in result.stderr
