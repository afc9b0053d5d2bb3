"""Phones, light and dark, print, accessibility; screenshots and PDFs for people to look at."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from babel import Locale
from playwright.sync_api import Page, expect

from gupshup_errors.data.model import ErrorTable
from gupshup_errors.records.pages.tree import sort_out

from ..helpers import LANGUAGES, REPO, engines
from ..helpers.browser import DESKTOP, Pages, axe_violations, visible_rows
from ..helpers.engines import Reading
from ..helpers.interface import interface


def _png_width(path: Path) -> int:
    width: int = struct.unpack(">I", path.read_bytes()[16:20])[0]  # IHDR: width, height
    return width


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_has_no_sideways_scroll_and_the_code_stays_beside_the_text(
    reading: Reading, table: ErrorTable, language: str, artifacts: Path
) -> None:
    tab = reading.reader(f"/{language}/", viewport=engines.PHONE)
    width = tab.run("return document.documentElement.clientWidth")
    assert tab.run("return document.documentElement.scrollWidth") <= width
    assert tab.box("#gs-table").right <= width
    tab.run("scrollTo(200, 0)")
    assert tab.run("return scrollX") == 0, "the page scrolls sideways"
    # The code column comes first: at the left, or at the right in a right-to-left language.
    rtl = Locale.parse(language).character_order == "right-to-left"
    not_beside = tab.run(
        "const [rtl, width] = arguments;"
        " return [...document.querySelectorAll('#gs-table tbody tr')].filter(r => {"
        " const code = r.cells[0].getBoundingClientRect();"
        " const name = r.cells[1].getBoundingClientRect();"
        " const beside = rtl ? code.right <= width && name.right <= code.left"
        " : code.left >= 0 && code.right <= name.left;"
        " return !(beside && code.top === name.top);"
        " }).map(r => r.id);",
        rtl,
        width,
    )
    assert not_beside == [], "these codes are not beside their text"
    rows = tab.run("return document.querySelectorAll('#gs-table tbody tr').length")
    assert rows == len(table.codes)
    (artifacts / f"{tab.engine}-{language}-phone.png").write_bytes(tab.screenshot())


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_screenshots(
    pages: Pages, table: ErrorTable, language: str, scheme: str, artifacts: Path
) -> None:
    page = pages.reader(f"/{language}/", color_scheme=scheme)
    shot = artifacts / f"{language}-desktop-{scheme}.png"
    page.screenshot(path=shot, full_page=True, animations="disabled")
    assert _png_width(shot) == DESKTOP["width"]
    # And as a reader arriving by a link to one code sees it (the sticky header at the top).
    middle = table.codes[len(table.codes) // 2].code
    page.evaluate(f"location.hash = '#{middle}'")
    page.wait_for_function(f"document.querySelector(':target')?.id === '{middle}'")
    page.screenshot(
        path=artifacts / f"{language}-desktop-{scheme}-{middle}.png", animations="disabled"
    )


def _scheme(page: Page) -> str | None:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _toggle(page: Page) -> str:
    """The name of the palette toggle the reader can see."""
    label = page.locator("form[data-md-component=palette] label:visible")
    expect(label).to_have_count(1)
    title = label.get_attribute("title")
    assert title is not None
    return title


@pytest.mark.parametrize("language", LANGUAGES)
def test_palette_toggle_switches_light_and_dark_and_is_named_in_the_page_language(
    pages: Pages, language: str
) -> None:
    page = pages.reader(f"/{language}/", color_scheme="light")
    assert _scheme(page) == "default"
    assert _toggle(page) == interface(language)["to dark"]
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert _toggle(page) == interface(language)["to light"]
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_system_dark_scheme_is_followed(pages: Pages, language: str) -> None:
    page = pages.reader(f"/{language}/", color_scheme="dark")
    assert _scheme(page) == "slate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_a_clean_table(
    pages: Pages, table: ErrorTable, language: str, artifacts: Path
) -> None:
    page = pages.reader(f"/{language}/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-search", ".gs-filter", ".md-footer", "button.gs-copy"):
        shown = page.eval_on_selector_all(
            chrome, "els => els.filter(el => el.getClientRects().length).length"
        )
        assert shown == 0, f"{chrome} is printed"
    assert visible_rows(page) == [str(entry.code) for entry in table.codes]
    expect(page.locator("#gs-table thead")).to_be_visible()
    pdf = artifacts / f"{language}-print.pdf"
    page.pdf(path=pdf, format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations(
    pages: Pages, linked_code: int, language: str, scheme: str
) -> None:
    page = pages.reader(f"/{language}/#{linked_code}", color_scheme=scheme)
    assert page.evaluate("document.documentElement.lang") == language
    assert axe_violations(page) == []


# Every page of docs/ (its source file; translations are published at the same address).
DOC_PAGES = sort_out(
    (path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs").rglob("*.md")),
    LANGUAGES,
).sources


@pytest.mark.parametrize("source", [uri for uri in DOC_PAGES if uri != "index.md"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_on_every_page_of_docs(
    pages: Pages, language: str, source: str, scheme: str
) -> None:
    address = source.removesuffix(".md").removesuffix("index")
    path = f"/{language}/{address.rstrip('/')}/" if address else f"/{language}/"
    page = pages.open(path, color_scheme=scheme)
    page.wait_for_function("document.documentElement.classList.contains('js')")
    assert page.evaluate("document.documentElement.lang") == language
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_on_the_not_found_page(pages: Pages, language: str) -> None:
    page = pages.open(f"/{language}/404.html")
    page.wait_for_selector(".md-search[aria-label]", state="attached")  # errors.js has run
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_with_the_filter_and_search_in_use(
    pages: Pages, language: str, scheme: str
) -> None:
    page = pages.reader(f"/{language}/", color_scheme=scheme)
    page.fill("#gs-filter", "zzqx")
    expect(page.locator(".gs-filter__empty")).to_be_visible()
    page.click("input.md-search__input")
    page.keyboard.insert_text("1002")
    page.keyboard.press("End")
    page.wait_for_selector("a.md-search-result__link")
    assert axe_violations(page) == []
