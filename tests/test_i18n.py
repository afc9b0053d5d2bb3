"""The catalogs: complete, current, plural-correct, and read fresh on every build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from gupshup_errors.data.model import ErrorCode, ErrorTable, Texts
from gupshup_errors.render.pages import render
from gupshup_errors.text import i18n

from .helpers import LANGUAGES, REPO


def test_catalogs_are_complete_and_current() -> None:
    assert i18n.catalog_problems(LANGUAGES) == []


def test_committed_template_matches_a_fresh_extraction(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "--quiet", "extract", "-F", "babel.cfg",
         "--no-location", "--omit-header", "-o", str(fresh), "."],
        cwd=REPO, check=True,
    )  # fmt: skip
    with fresh.open("rb") as new, i18n.TEMPLATE.open("rb") as committed:
        assert {m.id for m in read_po(new)} == {m.id for m in read_po(committed)}


def test_no_compiled_catalogs_in_the_package() -> None:
    assert list(i18n.LOCALES.rglob("*.mo")) == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 код"), (2, "2 кода"), (4, "4 кода"), (5, "5 кодов"), (11, "11 кодов"),
     (17, "17 кодов"), (21, "21 код"), (22, "22 кода"), (111, "111 кодов")],
)  # fmt: skip
def test_russian_count_uses_the_right_plural_form(count: int, expected: str) -> None:
    rows = tuple(
        ErrorCode(code, {lang: Texts("n", "a") for lang in LANGUAGES})
        for code in range(1, count + 1)
    )
    page = render(ErrorTable("t", {lang: "T" for lang in LANGUAGES}, rows), "ru")
    assert f'<p class="gs-count">{expected}</p>' in page


def test_english_count(table: ErrorTable) -> None:
    assert f'<p class="gs-count">{len(table.codes)} codes</p>' in render(table, "en")


def test_edited_catalog_shows_on_the_next_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: ErrorTable
) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales)
    monkeypatch.setattr(i18n, "LOCALES", locales)
    assert "Коды ошибок и их значения" in render(table, "ru")
    po = i18n.catalog_path("ru")
    po.write_text(po.read_text("utf-8").replace('"Коды ошибок и их значения"', '"Новый заголовок"'))
    assert "# Новый заголовок" in render(table, "ru")
    assert list(locales.rglob("*.mo")) == []


def test_language_names_come_from_babel() -> None:
    assert i18n.language_name("ru") == "Русский"
    assert i18n.language_name("en") == "English"
