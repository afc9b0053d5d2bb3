"""Links to one code: deep links, the copy-link buttons, the language selector, the root page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gupshup_errors.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import DESKTOP, PHONE, Pages, box, header_bottom, row
from ..helpers.interface import interface


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_deep_link_shows_the_row_below_the_header_highlighted(
    pages: Pages, table: ErrorTable, language: str, viewport: dict[str, int]
) -> None:
    middle, other = table.codes[len(table.codes) // 2], table.codes[0]
    page = pages.reader(f"/{language}/#{middle.code}", viewport=viewport)
    target = box(page, row(middle.code))
    assert page.evaluate("scrollY") > 0, "the page did not scroll to the row"
    assert target.top >= header_bottom(page), "the row is under the sticky header"
    assert target.bottom <= viewport["height"]
    style = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow]"
    highlighted = page.eval_on_selector(row(middle.code), style)
    plain = page.eval_on_selector(row(other.code), style)
    assert highlighted[0] != plain[0] and highlighted[1] != "none"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_a_code_further_down_keeps_it_in_view(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    last = table.codes[-1].code
    page = pages.reader(f"/{language}/", viewport=PHONE)
    page.click(f"{row(last)} a.gs-code")
    page.wait_for_url(f"**/{language}/#{last}")
    target = box(page, row(last))
    assert header_bottom(page) <= target.top and target.bottom <= PHONE["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_button_copies_the_rows_absolute_link_and_says_so(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    page = pages.reader(f"/{language}/", permissions=["clipboard-read", "clipboard-write"])
    assert page.locator("#gs-table button.gs-copy").count() == len(table.codes)
    name = interface(language)["copy"].format(code=1002)
    page.get_by_role("button", name=name, exact=True).click()
    toast = page.locator(".gs-toast")
    expect(toast).to_have_text(interface(language)["copied"])
    expect(toast).to_have_class("gs-toast gs-toast--visible")
    assert page.evaluate("navigator.clipboard.readText()") == f"{pages.base_url}/{language}/#1002"


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_button_works_from_the_keyboard(pages: Pages, language: str) -> None:
    page = pages.reader(f"/{language}/", permissions=["clipboard-read", "clipboard-write"])
    page.focus(f"{row(1003)} a.gs-code")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == interface(language)["copy"].format(code=1003)
    page.keyboard.press("Enter")
    expect(page.locator(".gs-toast")).to_have_text(interface(language)["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == f"{pages.base_url}/{language}/#1003"


def _switch(pages: Pages, start: str, to: str, code: int) -> str:
    page = pages.reader(f"/{start}/#{code}")
    page.hover(".md-select")
    page.click(f'a.md-select__link[hreflang="{to}"]')
    page.wait_for_url(f"**/{to}/**")
    page.wait_for_load_state()
    return page.url


@pytest.mark.parametrize("start", LANGUAGES)
def test_language_selector_keeps_the_code(pages: Pages, start: str) -> None:
    for to in LANGUAGES:
        if to != start:
            assert _switch(pages, start, to, 1002) == f"{pages.base_url}/{to}/#1002"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_selector_follows_the_code_the_reader_moved_to(
    pages: Pages, language: str
) -> None:
    other = next(code for code in LANGUAGES if code != language)
    page = pages.reader(f"/{language}/")
    page.click(f"{row(1005)} a.gs-code")
    page.hover(".md-select")
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_url(f"{pages.base_url}/{other}/#1005")
    assert box(page, row(1005)).top >= header_bottom(page)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en-US", "en"), ("ru-RU", "ru"), ("de-DE", LANGUAGES[0])],
)
def test_root_sends_the_reader_to_their_language_with_the_code(
    pages: Pages, locale: str, expected: str
) -> None:
    page = pages.open("/#1002", locale=locale)
    page.wait_for_url(f"{pages.base_url}/{expected}/#1002")
    page.wait_for_selector("#gs-table[data-ready]", state="attached")
    assert page.evaluate("document.documentElement.lang") == expected
    assert box(page, row(1002)).top >= header_bottom(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_when_the_browser_refuses_to_copy_the_link_goes_to_the_address_bar(
    pages: Pages, language: str
) -> None:
    refuse = """
        navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
        document.execCommand = () => false;
    """
    page = pages.reader(f"/{language}/", before=refuse)
    button = page.get_by_role("button", name=interface(language)["copy"].format(code=1006))
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".gs-toast")).to_have_text(interface(language)["failed"])
    assert page.url == f"{pages.base_url}/{language}/#1006"
    assert page.evaluate("document.activeElement.closest('tr').id") == "1006"
