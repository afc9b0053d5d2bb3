"""Languages beyond ru and en in Chromium: an Arabic page laid out right to left, with code and
links still readable inside it, and Ukrainian search without a stemmer. The fixture project
(tests/helpers/languages.py) is built in a temporary folder and served from 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ..helpers import pixels
from ..helpers.browser import (
    DESKTOP,
    PHONE,
    Box,
    Pages,
    axe_violations,
    box,
    built_and_served,
    row,
    search_results,
    visible_rows,
)
from ..helpers.languages import language_project


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's site, the fixture project's (so `pages` opens it)."""
    root = tmp_path_factory.mktemp("languages")
    config = language_project(root / "project")
    # A page in Arabic, the first language, not translated into the others.
    (config.parent / "docs" / "guide.md").write_text(GUIDE, "utf-8")
    with built_and_served(config, root / "site") as url:
        yield url


GUIDE = "# دليل الاستخدام\n\n## الرموز\n\nلكل رمز رابط: [1002](index.md#1002).\n"


def direction(page: Page, selector: str) -> str:
    found: str = page.eval_on_selector(selector, "el => getComputedStyle(el).direction")
    return found


def letters(page: Page, selector: str, text: str) -> list[float]:
    """The left edge of each letter of `text` inside the element, as the reader sees them."""
    found: list[float] = page.eval_on_selector(
        selector,
        """(el, text) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at === -1) continue;
            return [...text].map((_, i) => {
              const range = document.createRange();
              range.setStart(node, at + i);
              range.setEnd(node, at + i + 1);
              return range.getBoundingClientRect().left;
            });
          }
          return [];
        }""",
        text,
    )
    return found


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_untranslated_page_shows_its_note_and_reads_in_its_own_direction(
    pages: Pages, viewport: dict[str, int]
) -> None:
    page = pages.open("/en/guide/", viewport=viewport)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "en",
        "ltr",
    ]
    note = box(page, ".gs-page-note")
    assert page.is_visible(".gs-page-note")
    assert note.left >= 0 and note.right <= viewport["width"] and note.top < viewport["height"]
    assert direction(page, ".gs-page-note") == "ltr"
    assert direction(page, "article div[lang='ar']") == "rtl"
    assert right_to_left(letters(page, "article div[lang='ar'] h1", "دليل"))
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


def left_to_right(edges: list[float]) -> bool:
    return len(edges) > 1 and edges == sorted(edges) and edges[0] < edges[-1]


def right_to_left(edges: list[float]) -> bool:
    return len(edges) > 1 and edges == sorted(edges, reverse=True) and edges[0] > edges[-1]


def test_the_arabic_table_runs_right_to_left(pages: Pages) -> None:
    page = pages.reader("/ar/")
    assert direction(page, "#gs-table") == "rtl"
    table, code, name = (
        box(page, "#gs-table"),
        box(page, row(1002) + " th"),
        box(page, row(1002) + " td"),
    )
    # The code column is the first, so it stands at the right edge; the name is left of it.
    assert abs(code.right - table.right) < 2 and name.right <= code.left + 1
    # Each row's copy button follows its code, to the left of it.
    link, button = box(page, row(1002) + " a.gs-code"), box(page, row(1002) + " button.gs-copy")
    assert button.right <= link.left + 1
    assert right_to_left(letters(page, row(1002) + " td", "الرقم"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_arabic_page_fits_has_no_violations_and_is_pictured(
    pages: Pages, viewport: dict[str, int], artifacts: Path
) -> None:
    page = pages.reader("/ar/#1003", viewport=viewport)
    width = viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for code in (1002, 1003, 4001):
        number, name = box(page, f"{row(code)} > th"), box(page, f"{row(code)} > td")
        assert number.right <= width and name.right <= number.left, f"{code} is not beside"
    assert axe_violations(page) == []
    shot = artifacts / f"ar-fixture-{'desktop' if viewport == DESKTOP else 'phone'}.png"
    page.screenshot(path=shot, full_page=True, animations="disabled")


def test_the_arabic_filter_is_laid_out_and_works_right_to_left(pages: Pages) -> None:
    page = pages.reader("/ar/")
    label, field = box(page, ".gs-filter__label"), box(page, ".gs-filter__input")
    assert field.right <= label.left + 1, "the label comes first, at the right"
    assert direction(page, ".gs-filter__input") == "rtl"
    for typed, expected in (("4001", ["4001"]), ("القالب", ["1003"]), ("1003", ["1002", "1003"])):
        page.fill(".gs-filter__input", "")
        page.click(".gs-filter__input")
        page.keyboard.insert_text(typed)  # fires `input`, as typing does (Arabic: no keyup)
        page.wait_for_selector(f'.gs-filter[data-applied="{typed}"]', state="attached")
        assert visible_rows(page) == expected, typed  # 1002's action links to 1003


def test_code_numbers_and_links_stay_readable_in_arabic_text(pages: Pages) -> None:
    page = pages.reader("/ar/")
    code = f"{row(1003)} code"
    assert direction(page, code) == "ltr"
    assert page.eval_on_selector(code, "el => getComputedStyle(el).unicodeBidi") == "isolate"
    assert left_to_right(letters(page, code, "template_id"))
    # A link keeps its own words' direction; the code number inside Arabic text reads 1-0-0-3.
    guide = f'{row(1003)} a[href="https://example.com/templates/"]'
    assert right_to_left(letters(page, guide, "دليل"))
    assert left_to_right(letters(page, f'{row(1002)} td a[href="#1003"]', "1003"))
    # The number in the count sits at the start (right) of its Arabic sentence.
    number, count = letters(page, ".gs-count", "3"), box(page, ".gs-count")
    assert number and number[0] > count.left


def test_the_language_selector_runs_right_to_left(pages: Pages) -> None:
    page = pages.reader("/ar/#1003")
    page.hover(".md-select")
    selector = ".md-select__inner"
    expect(page.locator(selector)).to_be_visible()
    assert direction(page, selector) == "rtl"
    english = 'a.md-select__link[hreflang="en"]'
    assert direction(page, english) == "ltr" and direction(page, 'a[hreflang="ar"]') == "rtl"
    page.click(english)
    page.wait_for_url("**/en/#1003")
    assert page.eval_on_selector("body", "b => b.dir") == "ltr"
    page.hover(".md-select")
    assert direction(page, 'a.md-select__link[hreflang="ar"]') == "rtl"


def test_the_target_bar_and_the_confirmation_mirror(pages: Pages) -> None:
    page = pages.reader("/ar/#1002", permissions=["clipboard-read", "clipboard-write"])
    page.evaluate("document.getAnimations().forEach(a => a.finish())")  # the arrival's fade
    # On the pixels, not the computed style (WebKit computes a row's shadow it never paints):
    # the accent bar runs down the right edge, where the line starts, and not the left.
    image = pixels.decoded(page.screenshot())
    scale = image.width / page.evaluate("innerWidth")
    found = pixels.scaled(box(page, row(1002)), scale)
    accent = pixels.parse(
        page.eval_on_selector(
            row(1002),
            "r => { const i = document.createElement('i');"
            " i.style.color = 'var(--md-accent-fg-color)'; r.append(i);"
            " const c = getComputedStyle(i).color; i.remove(); return c; }",
        )
    )
    top, bottom = found.top + 3 * scale, found.bottom - 3 * scale
    right = pixels.column(image, found.right - 2 * scale, top, bottom)
    left = pixels.column(image, found.left + scale, top, bottom)
    assert all(pixels.near(colour, accent) for colour in right), sorted(set(right))[:5]
    assert not any(pixels.near(colour, accent) for colour in left), "a bar on the left edge too"
    # Nor between the code and the name (the code cell's far edge).
    cell = pixels.scaled(box(page, f"{row(1002)} > :first-child"), scale)
    inner = pixels.column(image, cell.left + scale, top, bottom)
    assert not any(pixels.near(colour, accent) for colour in inner), "a bar inside the row"
    page.click(f"{row(1002)} button.gs-copy")
    toast = page.locator(".gs-toast")
    expect(toast).to_have_text("تم نسخ الرابط")
    width = page.viewport_size["width"] if page.viewport_size else 0
    placed: Box = box(page, ".gs-toast")
    assert placed.right < width / 2, "the confirmation sits at the end (left) of the line"


@pytest.mark.parametrize(
    ("path", "locale", "language", "expected"),
    [
        ("/ar/9999", "en-US", "ar", "rtl"),  # the address's language
        ("/en/9999", "ar", "en", "ltr"),
        ("/9999", "ar", "ar", "rtl"),  # else the browser's
        ("/9999", "uk-UA", "uk", "ltr"),
    ],
)
def test_the_404_page_takes_its_language_direction(
    pages: Pages, path: str, locale: str, language: str, expected: str
) -> None:
    page = pages.open(path, locale=locale)  # a missing address: the host answers with 404.html
    section = f'body > section[lang="{language}"]'
    expect(page.locator(section)).to_be_visible()
    assert page.eval_on_selector("html", "h => [h.lang, h.dir]") == [language, expected]
    assert direction(page, f"{section} h1") == expected
    missing = f"{section} .gs-missing-code"
    expect(page.locator(missing)).to_have_text("9999")
    assert left_to_right(letters(page, missing, "9999"))


def test_the_root_page_lists_each_language_in_its_direction(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)  # the list, not the redirect
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        assert direction(page, "ul") == "rtl"  # the first language's
        assert direction(page, 'a[lang="ar"]') == "rtl" and direction(page, 'a[lang="en"]') == "ltr"
        arabic, english = box(page, 'li:has(a[lang="ar"])'), box(page, 'li:has(a[lang="en"])')
        assert abs(arabic.right - english.right) < 1, "the list is aligned right"
    finally:
        context.close()


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1003", "#1003"), ("шаблон", "#1003"), ("зареєстровано", "#1002"), ("перевищ", "#4001")],
)
def test_ukrainian_search_finds_codes_and_words_without_a_stemmer(
    pages: Pages, typed: str, code: str
) -> None:
    page = pages.reader("/uk/")
    assert code in search_results(page, typed)


@pytest.mark.parametrize(("typed", "code"), [("1003", "#1003"), ("القالب", "#1003")])
def test_arabic_search_finds_codes_and_words(pages: Pages, typed: str, code: str) -> None:
    page = pages.reader("/ar/")
    assert code in search_results(page, typed)
