"""The filter box above the table: narrows as you type; without JavaScript, every row shows."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Page, expect

from gupshup_errors.data.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import BIG, CASE_TEXTS, VISIBLE_ROWS, Pages, visible_rows
from ..helpers.engines import Reading
from ..helpers.interface import interface


def _filter(page: Page, text: str) -> list[str]:
    page.fill("#gs-filter", text)
    page.wait_for_function(
        "text => document.querySelector('.gs-filter').dataset.applied === text", arg=text
    )
    return visible_rows(page)


CASES = [
    ("ru", "отключенного", ["1004"]),  # without the diaeresis, it finds the word with it
    ("ru", "ОТКЛЮЧЁННОГО", ["1004"]),  # any case
    ("ru", "сервера внутренняя", ["500"]),  # words in any order
    ("ru", "1002", ["1002"]),
    ("en", "TEMPLATE paused", ["4005"]),
    ("en", "  4005 ", ["4005"]),
]


@pytest.mark.parametrize(("language", "typed", "expected"), CASES)
def test_typing_narrows_the_rows(
    case_reading: Reading, language: str, typed: str, expected: list[str]
) -> None:
    tab = case_reading.reader(f"/{language}/")
    tab.type("#gs-filter", typed)
    tab.wait("return document.querySelector('.gs-filter').dataset.applied === arguments[0]", typed)
    # The full table may be put out of sight a frame after the answer is applied.
    rows = "const rows = (() => { %s })(); return rows.join() === arguments[0] && rows;"
    with contextlib.suppress(TimeoutError):
        tab.wait(rows % VISIBLE_ROWS, ",".join(expected), timeout=3)
    assert tab.run(VISIBLE_ROWS) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_matches_says_so_and_clearing_brings_every_row_back(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    page = pages.reader(f"/{language}/")
    expect(page.get_by_label(interface(language)["filter"], exact=True)).to_be_visible()
    message = page.locator(".gs-filter__empty")
    expect(message).to_be_hidden()
    assert _filter(page, "zzqx") == []
    expect(message).to_be_visible()
    expect(message).to_have_text(interface(language)["no match"].format(query="zzqx"))
    assert _filter(page, "") == [str(row.code) for row in table.codes]
    expect(message).to_be_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deep_link_to_a_filtered_out_row_clears_the_filter(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    page = pages.reader(f"/{language}/")
    first, last = table.codes[0].code, table.codes[-1].code
    assert _filter(page, str(first)) == [str(first)]
    page.evaluate(f"location.hash = '#{last}'")
    page.wait_for_function(f"document.getElementById('{last}').getClientRects().length > 0")
    assert page.input_value("#gs-filter") == ""
    assert len(visible_rows(page)) == len(table.codes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_every_row_shows_and_no_dead_controls(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    page = pages.open(f"/{language}/", java_script_enabled=False)
    assert visible_rows(page) == [str(row.code) for row in table.codes]
    expect(page.locator(".gs-filter")).to_be_hidden()
    assert page.locator("button.gs-copy").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_big_table_draws_a_limited_number_of_matches_and_says_so(
    case_pages: Pages, language: str
) -> None:
    page = case_pages.reader(f"/{language}/")
    shown = _filter(page, "common")
    assert shown == [str(10 + n) for n in range(200)]
    note = page.locator(".gs-filter__more")
    expect(note).to_be_visible()
    expect(note).to_have_text(interface(language)["more"].format(shown=200, total=BIG))
    # Code 449 is "common 439"; "common 449" is code 459: words match anywhere in a row.
    assert _filter(page, "common 449") == ["449", "459"]
    expect(note).to_be_hidden()
    assert len(_filter(page, "")) == BIG + len(CASE_TEXTS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_match_copies_the_link_to_its_row_and_keeps_ids_unique(
    pages: Pages, language: str
) -> None:
    page = pages.reader(f"/{language}/", permissions=["clipboard-read", "clipboard-write"])
    assert _filter(page, "1002") == ["1002"]
    assert page.locator('[id="1002"]').count() == 1  # the copy shown carries no id
    name = interface(language)["copy"].format(code=1002)
    page.get_by_role("button", name=name, exact=True).click()
    expect(page.locator(".gs-toast")).to_have_text(interface(language)["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == f"{pages.base_url}/{language}/#1002"
