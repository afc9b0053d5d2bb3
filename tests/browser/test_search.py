"""Material's search finds codes by number and by words, inflected, and opens the code's row."""

from __future__ import annotations

import re

import pytest

from ..helpers import LANGUAGES
from ..helpers.browser import CASE_TEXTS, Pages, box, header_bottom, row, search_results


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
def test_a_code_number_finds_the_code_and_opens_its_row(pages: Pages, language: str) -> None:
    page = pages.reader(f"/{language}/")
    assert "#1002" in search_results(page, "1002")
    page.click('a.md-search-result__link[href$="#1002"]')
    page.wait_for_url(f"{pages.base_url}/{language}/#1002")
    page.wait_for_function("!document.getElementById('__search').checked")  # results closed
    target = box(page, row(1002))
    assert header_bottom(page) <= target.top and target.bottom <= page.viewport_size["height"]
    assert page.evaluate("document.querySelector(':target').id") == "1002"


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
