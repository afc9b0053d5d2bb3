"""Material's search finds codes by number and by words, inflected, and opens the code's row."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from gupshup_errors.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import Pages, box, header_bottom, row


def _search(page: Page, typed: str) -> list[str]:
    """Type into Material's search box; the fragments of the results it lists."""
    page.click("input.md-search__input")
    # The whole text at once, then one key: Material searches on keyup, which inserted (or
    # typed Cyrillic) text does not fire, so exactly one query runs, for the whole text.
    page.keyboard.insert_text(typed)
    page.keyboard.press("End")
    page.wait_for_selector("a.md-search-result__link")
    links: list[str] = page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.map(a => new URL(a.href).hash)"
    )
    return links


def _codes_saying(table: ErrorTable, language: str, pattern: str) -> set[str]:
    """The codes whose name or action in `language` has a word matching `pattern`."""
    word = re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
    return {
        f"#{entry.code}"
        for entry in table.codes
        if word.search(entry.texts[language].name) or word.search(entry.texts[language].action)
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_number_finds_the_code_and_opens_its_row(pages: Pages, language: str) -> None:
    page = pages.reader(f"/{language}/")
    assert "#1002" in _search(page, "1002")
    page.click('a.md-search-result__link[href$="#1002"]')
    page.wait_for_url(f"{pages.base_url}/{language}/#1002")
    page.wait_for_function("!document.getElementById('__search').checked")  # results closed
    target = box(page, row(1002))
    assert header_bottom(page) <= target.top and target.bottom <= page.viewport_size["height"]
    assert page.evaluate("document.querySelector(':target').id") == "1002"


@pytest.mark.skipif("ru" not in LANGUAGES, reason="the site is built without Russian")
def test_russian_inflections_find_the_other_forms(pages: Pages, table: ErrorTable) -> None:
    # «шаблона» must find rows that only ever say «шаблон» (lunr alone matches prefixes only).
    only_base_form = _codes_saying(table, "ru", "шаблон") - _codes_saying(table, "ru", "шаблона")
    assert only_base_form, "the data has no row saying only «шаблон»: pick another word"
    page = pages.reader("/ru/")
    found = _search(page, "шаблона")
    assert only_base_form <= set(found)
    assert page.locator(".md-search-result__terms").count() == 0, "a typed word shown missing"


@pytest.mark.skipif("ru" not in LANGUAGES, reason="the site is built without Russian")
def test_russian_search_treats_yo_as_ye(pages: Pages, table: ErrorTable) -> None:
    expected = _codes_saying(table, "ru", "отключённого")
    assert expected
    page = pages.reader("/ru/")
    assert expected <= set(_search(page, "отключенного"))


@pytest.mark.skipif("en" not in LANGUAGES, reason="the site is built without English")
def test_english_plural_finds_the_singular(pages: Pages, table: ErrorTable) -> None:
    expected = _codes_saying(table, "en", "template") - _codes_saying(table, "en", "templates")
    assert expected
    page = pages.reader("/en/")
    assert expected <= set(_search(page, "templates"))
