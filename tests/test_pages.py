"""The pages of docs/ in every language: a fixture project with a translated page, a nested page
not translated yet and an introduction to the table, built for real and its HTML parsed."""

# ruff: noqa: RUF001 (the fixture's pages are Russian: their Cyrillic letters are meant)
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from gupshup_errors.builder.site import build_into
from gupshup_errors.records.pages.tree import sort_out
from gupshup_errors.render.prose.codelinks import code_of
from gupshup_errors.render.prose.headings import headings, slug, source_ids
from gupshup_errors.text import urls

from .helpers import entries, make_project, run
from .helpers.languages import language_project
from .helpers.linkcheck import check_site

LANGUAGES = ["ru", "en"]
"""The fixture's languages, whatever the repository builds: its pages are written in them."""
SITE_URL = urls.root(None)

GUIDE = """---
title: Как пользоваться
---

# Как пользоваться справочником

У каждого кода своя ссылка: [1002](index.md#1002), и у снятого тоже: [1004](index.md#1004).

## Ссылки на коды

Текст.

## Поиск {#search}

```
# не заголовок
```
"""
GUIDE_EN = """---
title: How to use it
---

# How to use this reference

Every code has its link: [1002](index.md#1002), a retired one too: [1004](index.md#1004).

## Links to codes

Text.

## Search

More.
"""
NESTED = "# Вложенная страница\n\n## Раздел\n\nСм. [код 1003](../index.md#1003).\n"
INTRO = "Вступление к таблице.\n\n## Для начала\n\nСм. [1002](#1002).\n"
INTRO_EN = "An introduction to the table.\n\n## To begin with\n\nSee [1002](#1002).\n"


def project(where: Path, **files: str) -> Path:
    """A project with the fixture's pages (and `files`, by path under docs/, on top)."""
    pages = {"guide.md": GUIDE, "guide.en.md": GUIDE_EN, "more/nested.md": NESTED}
    pages |= {"index.md": INTRO, "index.en.md": INTRO_EN} | files
    root = make_project(
        where,
        languages=LANGUAGES,
        codes=entries([1002, 1003, 1004], LANGUAGES, retired=[1004]),
        files={f"docs/{path}": text for path, text in pages.items() if text},
    )
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    build_into(project(root / "project"), root / "site")
    return root / "site"


def parsed(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative / "index.html").read_text("utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article")
    assert found is not None
    return found


def heading_ids(soup: BeautifulSoup) -> list[str]:
    return [str(tag["id"]) for tag in article(soup).find_all(["h1", "h2", "h3"])]


def test_a_translation_is_published_at_its_sources_address(site: Path) -> None:
    english = parsed(site, "en/guide")
    assert english.html is not None and english.html["lang"] == "en"
    assert "How to use this reference" in article(english).get_text()
    assert not article(english).select(".gs-page-note, [lang]")
    russian = parsed(site, "ru/guide")
    assert "Как пользоваться справочником" in article(russian).get_text()
    for language in LANGUAGES:  # the translation's file is never a page of its own
        assert not (site / language / "guide.en").exists()
        assert not (site / language / "index.en").exists()


def test_an_untranslated_page_shows_the_source_marked_and_a_note(site: Path) -> None:
    page = parsed(site, "en/more/nested")
    assert page.html is not None and page.html["lang"] == "en"
    note = article(page).select_one(".gs-page-note")
    assert note is not None
    assert "This page is not translated into English yet." in note.get_text()
    link = note.find("a")
    assert isinstance(link, Tag) and link["hreflang"] == "ru"
    target = (site / "en/more/nested" / str(link["href"]) / "index.html").resolve()
    assert target == (site / "ru/more/nested/index.html").resolve()
    wrapper = article(page).select_one("div[lang]")
    assert wrapper is not None and (wrapper["lang"], wrapper["dir"]) == ("ru", "ltr")
    assert "Вложенная страница" in wrapper.get_text()
    source = parsed(site, "ru/more/nested")
    assert not article(source).select(".gs-page-note, div[lang]")


def test_an_untranslated_page_is_not_in_its_languages_sitemap_or_search(site: Path) -> None:
    def locations(language: str) -> list[str]:
        index = json.loads((site / language / "search/search_index.json").read_text("utf-8"))
        return [doc["location"] for doc in index["docs"]]

    assert f"{SITE_URL}en/more/nested/" not in (site / "en/sitemap.xml").read_text("utf-8")
    assert f"{SITE_URL}ru/more/nested/" in (site / "ru/sitemap.xml").read_text("utf-8")
    assert f"{SITE_URL}en/guide/" in (site / "en/sitemap.xml").read_text("utf-8")
    assert not [place for place in locations("en") if place.startswith("more/")]
    assert "more/nested/#раздел" in locations("ru")
    # A result opens the page at the heading that matched: the same id as on the page.
    assert "guide/#ссылки-на-коды" in locations("en")


def hreflang(soup: BeautifulSoup) -> dict[str, str]:
    return {
        str(link["hreflang"]): str(link["href"])
        for link in soup.find_all("link", rel="alternate", hreflang=True)
        if link["hreflang"] != "x-default"
    }


def test_hreflang_joins_only_real_translations(site: Path) -> None:
    both = {language: f"{SITE_URL}{language}/guide/" for language in LANGUAGES}
    assert hreflang(parsed(site, "en/guide")) == both
    assert hreflang(parsed(site, "ru/guide")) == both
    assert hreflang(parsed(site, "ru/more/nested")) == {"ru": f"{SITE_URL}ru/more/nested/"}
    assert hreflang(parsed(site, "en/more/nested")) == {}


def test_the_language_switch_leads_to_the_same_page(site: Path) -> None:
    links = parsed(site, "en/more/nested").select("a.md-select__link")
    assert [link["href"] for link in links] == [f"/{lang}/more/nested/" for lang in LANGUAGES]


def nav(soup: BeautifulSoup) -> list[str]:
    return [
        link.get_text(" ", strip=True)
        for link in soup.select("nav.md-nav--primary > ul > li > a.md-nav__link")
    ]


def test_navigation_lists_every_page_in_its_language_the_table_first(site: Path) -> None:
    english = nav(parsed(site, "en/guide"))
    assert english[0] == "Error codes and what they mean"
    assert "How to use it" in english and "Как пользоваться" not in english
    russian = nav(parsed(site, "ru/guide"))
    assert russian[0] == "Коды ошибок и их значения"
    assert "Как пользоваться" in russian


def test_a_nav_in_mkdocs_yml_takes_each_languages_titles(tmp_path: Path) -> None:
    config = project(tmp_path / "project")
    text = config.read_text("utf-8")
    config.write_text(f"{text}\nnav:\n  - guide.md\n  - index.md\n  - more/nested.md\n", "utf-8")
    build_into(config, tmp_path / "site")
    assert nav(parsed(tmp_path / "site", "en/guide"))[:2] == [
        "How to use it",
        "Error codes and what they mean",
    ]
    assert nav(parsed(tmp_path / "site", "ru/guide"))[0] == "Как пользоваться"


def test_headings_keep_the_sources_ids_in_every_language(site: Path) -> None:
    ids = ["как-пользоваться-справочником", "ссылки-на-коды", "search"]
    assert heading_ids(parsed(site, "ru/guide")) == ids
    assert heading_ids(parsed(site, "en/guide")) == ids
    assert heading_ids(parsed(site, "en/more/nested")) == ["вложенная-страница", "раздел"]


def test_links_to_codes_lead_to_each_languages_row(site: Path) -> None:
    for language in LANGUAGES:
        table = parsed(site, language)
        for page in ("guide", "more/nested"):
            for link in article(parsed(site, f"{language}/{page}")).select("a[href*='#']"):
                address, _, code = str(link["href"]).partition("#")
                assert (site / language / page / address).resolve() == (site / language)
                assert table.find(id=code) is not None, f"{language}/{page}: no row {code}"


def test_the_introduction_goes_above_the_table(site: Path) -> None:
    english = article(parsed(site, "en"))
    assert "An introduction to the table." in english.get_text()
    assert not english.select(".gs-page-note, div[lang]")
    html = str(english)  # the introduction's heading keeps the source's id, above the table
    assert 0 < html.index('id="для-начала"') < html.index('class="gs-table')


def test_an_untranslated_introduction_is_marked(tmp_path: Path) -> None:
    build_into(project(tmp_path / "project", **{"index.en.md": ""}), tmp_path / "site")
    english = article(parsed(tmp_path / "site", "en"))
    wrapper = english.select_one("div[lang='ru']")
    assert wrapper is not None and "Вступление к таблице." in wrapper.get_text()
    assert english.select_one(".gs-page-note") is not None


def test_every_link_and_fragment_of_every_page_resolves(site: Path) -> None:
    assert [str(broken) for broken in check_site(site, SITE_URL)] == []


def test_no_false_anchor_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        build_into(project(tmp_path / "project"), tmp_path / "site")
    assert "does not contain an anchor" not in caplog.text


def test_an_unknown_code_stops_the_build_at_its_line(tmp_path: Path) -> None:
    guide = GUIDE.replace("index.md#1002", "index.md#1020")
    config = project(tmp_path / "project", **{"guide.md": guide})
    result = run("build", "--site-dir", str(tmp_path / "site"), cwd=config.parent)
    assert result.returncode == 1
    assert (
        "docs/guide.md:7:1: link 'index.md#1020': no code 1020\n    fix: did you mean 1002?"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_translation_whose_headings_differ_stops_the_build(tmp_path: Path) -> None:
    english = GUIDE_EN.replace("## Search", "### Search")
    config = project(tmp_path / "project", **{"guide.en.md": english})
    result = run("build", "--site-dir", str(tmp_path / "site"), cwd=config.parent)
    assert result.returncode == 1
    assert "docs/guide.en.md:13:1: heading 'Search' is level 3" in result.stderr


def test_an_outdated_translation_says_so(tmp_path: Path) -> None:
    config = project(tmp_path / "project")  # its translations recorded as current
    source = config.parent / "docs" / "guide.md"
    source.write_text(source.read_text("utf-8").replace("Текст.", "Новый текст."), "utf-8")
    build_into(config, tmp_path / "site")
    page = parsed(tmp_path / "site", "en/guide")
    note = article(page).select_one(".gs-page-note")
    assert note is not None and "This translation may be out of date." in note.get_text()
    link = note.find("a")
    assert isinstance(link, Tag) and link["href"] == "../../ru/guide/"
    assert not article(page).select("div[lang]")  # the words are English: nothing to mark
    assert hreflang(page) == {language: f"{SITE_URL}{language}/guide/" for language in LANGUAGES}
    assert not article(parsed(tmp_path / "site", "ru/guide")).select(".gs-page-note")


def test_a_translation_nothing_recorded_may_be_out_of_date(tmp_path: Path) -> None:
    config = project(tmp_path / "project")
    (config.parent / "data" / "translated-pages.txt").unlink()
    build_into(config, tmp_path / "site")
    note = article(parsed(tmp_path / "site", "en/guide")).select_one(".gs-page-note")
    assert note is not None and "This translation may be out of date." in note.get_text()


def test_a_right_to_left_language_has_its_direction_on_html(tmp_path: Path) -> None:
    config = language_project(tmp_path / "project", ["ar", "en"])
    (config.parent / "docs" / "guide.md").write_text("# دليل\n\n## قسم\n", "utf-8")
    build_into(config, tmp_path / "site")
    for relative in ("ar", "ar/guide", "en/guide", "en"):
        soup = parsed(tmp_path / "site", relative)
        assert soup.html is not None
        assert soup.html["dir"] == ("rtl" if relative.startswith("ar") else "ltr")
    wrapper = article(parsed(tmp_path / "site", "en/guide")).select_one("div[lang]")
    assert wrapper is not None and (wrapper["lang"], wrapper["dir"]) == ("ar", "rtl")
    assert heading_ids(parsed(tmp_path / "site", "en/guide")) == ["دليل", "قسم"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Как читать код", "как-читать-код"), ("Ёлка: ё и е!", "ёлка-ё-и-е"),
     ("What's `/errors.json`?", "whats-errorsjson"), ("…", "section")],
)  # fmt: skip
def test_a_slug_is_readable_in_its_own_script(heading: str, expected: str) -> None:
    assert slug(heading) == expected


def test_headings_are_found_as_markdown_reads_them() -> None:
    text = (
        "Заголовок\n=========\n\n```\n# не заголовок\n```\n\n"
        "## Раз ##\n\n## Раз {#own .x}\n\n## Раз\n"
    )
    found = headings(text)
    assert [(h.level, h.text, h.line, h.explicit) for h in found] == [
        (1, "Заголовок", 0, None),
        (2, "Раз", 7, None),
        (2, "Раз", 9, "own"),
        (2, "Раз", 11, None),
    ]
    assert source_ids(found) == ["заголовок", "раз", "own", "раз-2"]


def test_a_site_without_pages_builds_as_before(tmp_path: Path) -> None:
    config = project(tmp_path / "project", **{"guide.md": "", "guide.en.md": ""})
    for name in ("guide.md", "guide.en.md", "more/nested.md", "index.md", "index.en.md"):
        (config.parent / "docs" / name).unlink(missing_ok=True)
    build_into(config, tmp_path / "site")
    assert (tmp_path / "site/en/index.html").is_file()
    assert not (tmp_path / "site/en/guide").exists()
    assert "gs-page-note" not in (tmp_path / "site/en/index.html").read_text("utf-8")


def test_a_translation_whose_source_is_gone_is_not_published(tmp_path: Path) -> None:
    config = project(tmp_path / "project", **{"gone.en.md": "# Gone\n\nIts source was renamed.\n"})
    build_into(config, tmp_path / "site")
    for language in LANGUAGES:
        assert not list((tmp_path / "site" / language).glob("gone*"))
        assert "gone" not in (tmp_path / "site" / language / "sitemap.xml").read_text("utf-8")


def test_the_table_page_links_every_page_under_its_title(site: Path) -> None:
    def links(language: str) -> list[tuple[str, str, str | None]]:
        found = article(parsed(site, language)).select(".gs-changes-link a")
        return [(a.get_text(), str(a["href"]), a.get("lang")) for a in found[1:]]

    assert links("en") == [
        ("How to use it", "guide/", None),
        ("Вложенная страница", "more/nested/", "ru"),  # not translated: marked as Russian
    ]
    assert links("ru") == [("Как пользоваться", "guide/", None),
                           ("Вложенная страница", "more/nested/", None)]  # fmt: skip


def test_a_page_that_is_not_utf8_stops_the_build_at_its_file(tmp_path: Path) -> None:
    config = project(tmp_path / "project")
    (config.parent / "docs" / "guide.en.md").write_bytes("# Page\n\nÿ\n".encode("latin-1"))
    result = run("build", "--site-dir", str(tmp_path / "site"), cwd=config.parent)
    assert result.returncode == 1
    assert "docs/guide.en.md:1:1: byte 8 of the page is not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_translation_into_a_language_not_built_is_not_published(tmp_path: Path) -> None:
    config = project(tmp_path / "project", **{"guide.de.md": "# Anleitung\n"})
    build_into(config, tmp_path / "site")
    for language in LANGUAGES:
        assert not list((tmp_path / "site" / language).glob("guide.*"))
        assert "Anleitung" not in (tmp_path / "site" / language / "index.html").read_text("utf-8")


def test_files_are_sorted_into_pages_and_translations() -> None:
    tree = sort_out(
        ["index.md", "guide.md", "guide.en.md", "a/b.md", "a/b.en.md", "gone.en.md",
         "guide.de.md", "assets/errors.css", "v1.2.md"],
        ["ru", "en"],
    )  # fmt: skip
    assert tree.sources == ["index.md", "guide.md", "a/b.md", "v1.2.md"]
    assert tree.translations == {("guide.md", "en"): "guide.en.md", ("a/b.md", "en"): "a/b.en.md"}
    assert tree.orphans == ["gone.en.md"]
    assert tree.unbuilt == ["guide.de.md"]
    assert tree.written_in("guide.md", ["ru", "en"]) == ["ru", "en"]
    assert tree.written_in("v1.2.md", ["ru", "en"]) == ["ru"]


@pytest.mark.parametrize(
    ("href", "page", "code"),
    [("index.md#1002", "guide.md", "1002"), ("../index.md#1002", "a/b.md", "1002"),
     ("#1002", "index.md", "1002"), ("#1002", "guide.md", None), ("index.md", "guide.md", None),
     ("https://example.org/index.md#1002", "guide.md", None), ("../index.md#x", "a/b.md", "x")],
)  # fmt: skip
def test_a_link_to_the_tables_page_names_its_fragment(
    href: str, page: str, code: str | None
) -> None:
    assert code_of(href, page) == code


def test_every_page_s_state_is_published_as_check_reports_it(tmp_path: Path) -> None:
    config = project(tmp_path / "project")
    source = config.parent / "docs" / "guide.md"
    source.write_text(source.read_text("utf-8").replace("Текст.", "Новый текст."), "utf-8")
    build_into(config, tmp_path / "site")
    published = json.loads((tmp_path / "site" / "pages.json").read_text("utf-8"))
    states = {
        page["page"]: {language: found["state"] for language, found in page["translations"].items()}
        for page in published["pages"]
    }
    english = LANGUAGES[1]
    assert states == {
        "docs/guide.md": {english: "outdated"},
        "docs/index.md": {english: "translated"},
        "docs/more/nested.md": {english: "missing"},
    }
    reported = json.loads(run("check", "--format", "json", cwd=config.parent).stdout)
    outdated = reported["pages"][0]["translations"][english]
    assert outdated.pop("problems")  # words for whoever runs check, not published
    assert reported == published
