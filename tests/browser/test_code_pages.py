"""A code's own page in Chromium (the old addresses that lead to it: test_subpath.py), and the
API's messages found by search and by the filter on every language's site."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from gupshup_errors.data.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import PHONE, Pages, axe_violations, visible_rows
from ..helpers.interface import interface


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_selector_leads_to_the_same_code_s_page(pages: Pages, language: str) -> None:
    for other in LANGUAGES:
        if other == language:
            continue
        page = pages.open(f"/{language}/1002/")
        page.hover(".md-select")
        page.click(f'a.md-select__link[hreflang="{other}"]')
        page.wait_for_url(f"{pages.base_url}/{other}/1002/")
        assert page.evaluate("document.documentElement.lang") == other
        expect(page.locator("h1")).to_contain_text("1002")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_copy_button_copies_the_page_s_address(pages: Pages, language: str) -> None:
    page = pages.open(f"/{language}/1003/", permissions=["clipboard-read", "clipboard-write"])
    button = page.locator("button.gs-copy-page")
    expect(button).to_be_visible()  # shown for pages that run scripts; see the test without
    expect(button).to_have_text(interface(language)["copy page"])
    button.click()
    expect(page.locator(".gs-toast")).to_have_text(interface(language)["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == f"{pages.base_url}/{language}/1003/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_has_no_dead_copy_button(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    code = table.codes[0].code
    page = pages.open(f"/{language}/{code}/", java_script_enabled=False)
    expect(page.locator("h1")).to_contain_text(str(code))
    expect(page.locator("button.gs-copy-page")).to_be_hidden()
    expect(page.locator("a.gs-code-page__row")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_from_the_page_to_the_row_and_to_the_neighbours(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    middle = table.codes[len(table.codes) // 2]
    after = table.codes[len(table.codes) // 2 + 1]
    page = pages.open(f"/{language}/{middle.code}/")
    page.click("a[rel=next]")
    page.wait_for_url(f"{pages.base_url}/{language}/{after.code}/")
    page.click("a.gs-code-page__row")
    page.wait_for_url(f"{pages.base_url}/{language}/#{after.code}")
    page.wait_for_selector(".gs-filter", state="visible")
    assert page.evaluate("document.querySelector(':target').id") == str(after.code)
    # And from the row's name back to the code's page.
    page.click(f'tr[id="{after.code}"] a.gs-name')
    page.wait_for_url(f"{pages.base_url}/{language}/{after.code}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_on_a_code_page(
    pages: Pages, table: ErrorTable, language: str, scheme: str
) -> None:
    retired = next((row for row in table.codes if row.retired), table.codes[1])
    for code in {table.codes[1].code, retired.code}:
        page = pages.open(f"/{language}/{code}/", color_scheme=scheme)
        expect(page.locator("button.gs-copy-page")).to_be_visible()
        assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_page_and_the_table_do_not_scroll_sideways(
    pages: Pages, language: str
) -> None:
    for path in (f"/{language}/1008/", f"/{language}/"):
        page = pages.open(path, viewport=PHONE)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The API's message sits under the name: the table keeps its three columns.
    columns = page.eval_on_selector('tr[id="1008"]', "tr => tr.cells.length")
    assert columns == 3


# --- The API's messages, found first -------------------------------------------------------


def _search(page: Page, typed: str) -> list[str]:
    """The codes Material's search lists for `typed`, in its order."""
    page.click("input.md-search__input")  # opens the search (once; later clicks keep it open)
    # The previous results go first, so that the ones read below are this query's.
    page.fill("input.md-search__input", "")
    page.keyboard.press("End")
    page.wait_for_function("!document.querySelector('a.md-search-result__link')")
    page.keyboard.insert_text(typed)
    page.keyboard.press("End")
    page.wait_for_function(
        """typed => {
            const meta = document.querySelector(".md-search-result__meta");
            return document.querySelector("input.md-search__input").value === typed
                && document.querySelectorAll("a.md-search-result__link").length > 0
                && meta && !/Initializing|Инициализация/.test(meta.textContent);
        }""",
        arg=typed,
    )
    hashes: list[str] = page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.map(a => new URL(a.href).hash)"
    )
    return [found[1:] for found in hashes if re.fullmatch(r"#\d+", found)]


def _filter(page: Page, typed: str) -> list[str]:
    """The codes of the rows the filter leaves for `typed`, in the table's order."""
    page.fill("#gs-filter", typed)
    page.wait_for_selector(f'.gs-filter[data-applied="{typed}"]', state="attached")
    return visible_rows(page)


def _queries(table: ErrorTable) -> list[tuple[str, str]]:
    """Each documented message, and the distinctive words the issue names, with their code."""
    found = [(row.message, str(row.code)) for row in table.codes if row.message]
    words = {"mapped": "1001", "proxied": "1008"}
    return found + [(word, code) for word, code in words.items() if table.find(int(code))]


@pytest.mark.parametrize("finder", [_search, _filter], ids=["search", "filter"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_the_filter_show_the_code_of_each_api_message_first(
    pages: Pages, table: ErrorTable, language: str, finder: Callable[[Page, str], list[str]]
) -> None:
    page = pages.reader(f"/{language}/")
    missed = {}
    for typed, code in _queries(table):
        found = finder(page, typed)
        if not found or found[0] != code:
            missed[typed] = found[:3]
    assert missed == {}
