"""Languages beyond ru and en: writing direction from Babel, a site's own catalogs, plural
forms, and search for a language lunr cannot stem. A fixture project in Arabic, Ukrainian
and English (tests/helpers/languages.py) is built for real and its HTML parsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.config import load_config

from gupshup_errors.builder import search
from gupshup_errors.builder.plugin import ErrorTablePlugin
from gupshup_errors.builder.settings import PLUGIN
from gupshup_errors.builder.site import build_into
from gupshup_errors.data.model import ErrorCode, ErrorTable, Texts
from gupshup_errors.fences import material
from gupshup_errors.render.pages import render
from gupshup_errors.serve.preview import overlay
from gupshup_errors.text import i18n

from .helpers import run
from .helpers.languages import FIXTURE_LANGUAGES, LOCALES, language_project

CATALOGS = i18n.Catalogs(LOCALES)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    build_into(language_project(root / "project", FIXTURE_LANGUAGES), root / "site")
    return root / "site"


def parsed(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"),
     ("ru", "ltr"), ("en", "ltr"), ("uk", "ltr"), ("zh", "ltr")],
)  # fmt: skip
def test_direction_comes_from_babel(language: str, expected: str) -> None:
    assert i18n.direction(language) == expected


@pytest.mark.parametrize(("language", "expected"), [("ar", "rtl"), ("uk", "ltr"), ("en", "ltr")])
def test_the_plugin_gives_material_the_direction(
    tmp_path: Path, language: str, expected: str
) -> None:
    # Material would otherwise guess from its own translations, and say "ltr" for a language
    # it has none for.
    config = load_config(str(language_project(tmp_path / "project", FIXTURE_LANGUAGES)))
    plugin = config.plugins[PLUGIN]
    assert isinstance(plugin, ErrorTablePlugin)
    plugin.config.language = language
    assert plugin.on_config(config).theme["direction"] == expected


@pytest.mark.parametrize(("language", "expected"), [("ar", "rtl"), ("uk", "ltr"), ("en", "ltr")])
def test_each_page_has_its_direction(fixture_site: Path, language: str, expected: str) -> None:
    for page in (f"{language}/index.html", f"{language}/404.html"):
        soup = parsed(fixture_site, page)
        assert soup.html is not None and soup.html["lang"] == language
        assert soup.body is not None and soup.body["dir"] == expected, page


def test_language_links_carry_their_own_direction(fixture_site: Path) -> None:
    expected = {"ar": "rtl", "uk": "ltr", "en": "ltr"}
    for page in ("ar/index.html", "en/index.html", "index.html"):
        soup = parsed(fixture_site, page)
        selector = ".md-select__link" if "/" in page else "li a"
        links = {str(a["lang"]): str(a["dir"]) for a in soup.select(selector)}
        assert links == expected, page


def test_root_and_404_start_in_the_first_language_and_its_direction(fixture_site: Path) -> None:
    for page in ("index.html", "404.html"):
        html = parsed(fixture_site, page).html
        assert html is not None and (html["lang"], html["dir"]) == ("ar", "rtl")
    sections = parsed(fixture_site, "404.html").select("body > section[lang]")
    assert {str(s["lang"]): str(s["dir"]) for s in sections} == {
        "ar": "rtl",
        "uk": "ltr",
        "en": "ltr",
    }
    for section in sections:
        missing = section.select_one(".gs-missing-code")
        assert missing is not None and missing["dir"] == "ltr"


def test_code_and_links_are_isolated_in_right_to_left_text(fixture_site: Path) -> None:
    row = parsed(fixture_site, "ar/index.html").find("tr", id="1003")
    assert isinstance(row, Tag)
    code = row.find("code")
    assert isinstance(code, Tag) and code.get_text() == "template_id" and code["dir"] == "ltr"
    link = row.find("a", href="https://example.com/templates/")
    assert isinstance(link, Tag) and link["dir"] == "auto"
    assert link.get_text() == "دليل القوالب"


def test_the_fixture_catalogs_are_read_from_locales_dir(fixture_site: Path) -> None:
    soup = parsed(fixture_site, "ar/index.html")
    assert [th.get_text() for th in soup.select("#gs-table thead th")] == [
        "الرمز",
        "الخطأ",
        "المعنى / الإجراء",
    ]
    # The site's own folder comes first, whether or not the package has the language too.
    assert CATALOGS.path("ar") == LOCALES / "ar" / "LC_MESSAGES" / "messages.po"
    assert i18n.catalog_problems(FIXTURE_LANGUAGES, CATALOGS) == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "لا توجد رموز"), (1, "رمز واحد"), (2, "رمزان"), (3, "3 رموز"), (10, "10 رموز"),
     (11, "11 رمزًا"), (99, "99 رمزًا"), (100, "100 رمز"), (102, "102 رمز"), (103, "103 رموز")],
)  # fmt: skip
def test_arabic_count_uses_all_six_plural_forms(count: int, expected: str) -> None:
    # Arabic (CLDR): zero, one, two, few (n % 100 in 3..10), many (11..99), other (100, 102).
    rows = tuple(ErrorCode(code, {"ar": Texts("n", "a")}) for code in range(1, count + 1))
    page = render(ErrorTable("t", {"ar": "T"}, rows), "ar", CATALOGS)
    assert f'<p class="gs-count">{expected}</p>' in page


def test_search_is_in_the_page_language_where_lunr_has_it(fixture_site: Path) -> None:
    index = json.loads((fixture_site / "ar" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["ar"]
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter"]  # as mkdocs.yml sets


def test_search_without_a_stemmer_keeps_the_words_whole(fixture_site: Path) -> None:
    # lunr has no Ukrainian: no English stemmer, stop words or trimmer on Ukrainian words.
    index = json.loads((fixture_site / "uk" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == []
    texts = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert texts["#1003"] == "1003 — Шаблон не схвалено"


def test_lunr_languages_are_read_from_material() -> None:
    # Fails loudly when Material moves or renames its lunr languages (tests/test_fences.py too).
    languages = material.lunr_languages()
    assert {"en", "ru", "ar", "de"} <= languages
    assert "uk" not in languages


@pytest.mark.parametrize(
    ("language", "pipeline", "expected"),
    [
        ("ru", ["stemmer", "stopWordFilter"], (["ru"], ["stemmer", "stopWordFilter"])),
        ("en", None, (["en"], None)),
        ("uk", ["stemmer", "stopWordFilter"], (["en"], [])),
        ("uk", None, (["en"], [])),
    ],
)
def test_search_language(
    language: str, pipeline: list[str] | None, expected: tuple[list[str], list[str] | None]
) -> None:
    assert search.search_language(language, pipeline, {"en", "ru"}) == expected


def test_a_missing_locales_dir_is_a_configuration_error(tmp_path: Path) -> None:
    config = language_project(tmp_path / "project", ["ar", "en"])
    config.write_text(config.read_text("utf-8").replace(str(LOCALES), "no-such-folder"))
    checked = run("check", cwd=config.parent)
    assert checked.returncode == 1
    assert "mkdocs.yml: plugins.gupshup-errors.locales_dir: " in checked.stderr
    assert "no-such-folder' isn't an existing directory" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_the_preview_error_speaks_a_fixture_language_in_its_direction() -> None:
    shown = BeautifulSoup(overlay("data/errors.yml:3:1: wrong", "ar", CATALOGS), "html.parser")
    frame = shown.select_one("#gs-build-error")
    assert frame is not None and (frame["lang"], frame["dir"]) == ("ar", "rtl")
    heading = frame.find("h1")
    assert heading is not None and heading.get_text(strip=True) == "لم يُبنَ التغيير الأخير"
    message = frame.find("pre")
    assert message is not None and (message["lang"], message["dir"]) == ("en", "ltr")
