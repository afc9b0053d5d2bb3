"""Material's search finds codes by number and by words, inflected, and opens the code's row."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from ..helpers import LANGUAGES
from ..helpers.browser import (
    CASE_CODES,
    CASE_LANGUAGES,
    CASE_MESSAGES,
    CASE_TEXTS,
    Pages,
    row,
    search_results,
)
from ..helpers.engines import Reading


def _codes_saying(language: str, pattern: str) -> set[str]:
    """The codes of the cases' table whose name or action in `language` has a word matching
    `pattern`."""
    word = re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
    return {
        f"#{code}"
        for code, texts in CASE_TEXTS.items()
        if any(word.search(text) for text in texts[language])
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_number_finds_the_code_and_opens_its_row(
    reading: Reading, linked_code: int, language: str
) -> None:
    tab = reading.reader(f"/{language}/")
    tab.type("input.md-search__input", str(linked_code))
    result = f'a.md-search-result__link[href$="#{linked_code}"]'
    tab.wait("return !!document.querySelector(arguments[0])", result)
    tab.click(result)
    tab.wait_for_url(f"{reading.base_url}/{language}/#{linked_code}")
    tab.wait("return !document.getElementById('__search').checked")  # the results closed
    target, header = tab.box(row(linked_code)), tab.box("header.md-header")
    assert header.bottom <= target.top and target.bottom <= tab.run("return innerHeight")
    assert tab.run("return document.querySelector(':target').id") == str(linked_code)


@pytest.mark.parametrize("language", CASE_LANGUAGES)
def test_a_typed_code_comes_first_above_codes_holding_its_number(
    case_pages: Pages, language: str
) -> None:
    # A code that another code's API message holds (its tag alone would put that one first);
    # other codes start with it (100: 1002, 1004) and a name says it ("common 100").
    typed, holder = next(
        (word, code)
        for code, message in CASE_MESSAGES.items()
        for word in message.split()
        if word.isdigit() and int(word) in CASE_CODES
    )
    found = search_results(case_pages.reader(f"/{language}/"), typed)
    # Material lists the page itself first, then its sections: the codes, best first.
    codes = [fragment for fragment in found if fragment]
    assert codes[0] == f"#{typed}", codes[:5]
    assert f"#{holder}" in codes


def test_russian_inflections_find_the_other_forms(case_pages: Pages) -> None:
    # «шаблона» must find rows that only ever say «шаблон» (lunr alone matches prefixes only).
    only_base_form = _codes_saying("ru", "шаблон") - _codes_saying("ru", "шаблона")
    assert only_base_form, "the cases have no row saying only «шаблон»: pick another word"
    page = case_pages.reader("/ru/")
    found = search_results(page, "шаблона")
    assert only_base_form <= set(found)
    assert page.locator(".md-search-result__terms").count() == 0, "a typed word shown missing"


def test_russian_search_treats_yo_as_ye(case_pages: Pages) -> None:
    expected = _codes_saying("ru", "отключённого")
    assert expected
    page = case_pages.reader("/ru/")
    assert expected <= set(search_results(page, "отключенного"))


def test_english_plural_finds_the_singular(case_pages: Pages) -> None:
    expected = _codes_saying("en", "template") - _codes_saying("en", "templates")
    assert expected
    page = case_pages.reader("/en/")
    assert expected <= set(search_results(page, "templates"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_heading_of_a_page_is_found_and_the_result_opens_there(
    pages: Pages, site: Path, language: str
) -> None:
    index = json.loads((site / language / "search" / "search_index.json").read_text("utf-8"))
    sections = [doc for doc in index["docs"] if "/#" in doc["location"]]
    if not sections:
        pytest.skip(f"no page of docs/ is translated into {language}")
    section = sections[-1]
    page = pages.reader(f"/{language}/")
    search_results(page, html.unescape(section["title"]))
    found = page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.map(a => decodeURI(a.href))"
    )
    wanted = unquote(f"{pages.base_url}/{language}/{section['location']}")
    assert wanted in found
    page.locator("a.md-search-result__link").nth(found.index(wanted)).click()
    heading = unquote(section["location"].partition("#")[2])
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=heading)
    assert page.evaluate("id => !!document.getElementById(id)", heading)
