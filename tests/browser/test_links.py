"""Links to one code: deep links, the copy-link buttons, the language selector, the root page."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale
from babel.core import get_global
from playwright.sync_api import expect

from gupshup_errors.data.model import ErrorTable
from gupshup_errors.render.prose.headings import headings, source_ids

from ..helpers import LANGUAGES, REPO, engines, pixels
from ..helpers.browser import PHONE, Box, Pages, box, header_bottom, row
from ..helpers.engines import Reading, Tab, Viewport
from ..helpers.interface import interface


@pytest.mark.parametrize("viewport", [engines.DESKTOP, engines.PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_deep_link_shows_the_row_below_the_header_highlighted(
    reading: Reading, table: ErrorTable, language: str, viewport: Viewport, artifacts: Path
) -> None:
    middle = len(table.codes) // 2
    code, before = table.codes[middle].code, table.codes[middle - 1].code
    tab = reading.reader(f"/{language}/#{code}", viewport=viewport)
    tab.run("document.getAnimations().forEach(a => a.finish())")  # the arrival's fade, ended
    target, header = tab.box(row(code)), tab.box("header.md-header")
    assert tab.run("return scrollY") > 0, "the page did not scroll to the row"
    assert target.top >= header.bottom, "the row is under the sticky header"
    assert target.bottom <= viewport.height
    png = tab.screenshot()
    (artifacts / f"{tab.engine}-{language}-{viewport.width}px-{code}.png").write_bytes(png)
    _assert_highlighted(tab, png, row(code), row(before))


def _assert_highlighted(tab: Tab, png: bytes, target: str, plain: str) -> None:
    """On the screenshot, the target row has an accent bar down its starting edge and a tint
    that the row above it (partly visible above it, below the header) has not."""
    image = pixels.decoded(png)
    scale = image.width / tab.run("return innerWidth")
    row_box = pixels.scaled(tab.box(target), scale)
    header = tab.box("header.md-header").bottom * scale
    above = pixels.scaled(tab.box(plain), scale)
    above = Box(max(above.top, header), above.bottom, above.left, above.right)
    assert above.bottom - above.top >= 4 * scale, "the row above is not in view to compare with"
    accent = pixels.parse(
        tab.run(
            "const probe = document.createElement('i');"
            " probe.style.color = 'var(--md-accent-fg-color)';"
            " document.querySelector(arguments[0]).append(probe);"
            " const colour = getComputedStyle(probe).color; probe.remove(); return colour;",
            target,
        )
    )
    # One CSS pixel in from the edge where the line starts: the left, or the right when the
    # language is written right to left.
    rtl = tab.run("return getComputedStyle(document.querySelector(arguments[0])).direction", target)
    edge = row_box.right - 2 * scale if rtl == "rtl" else row_box.left + scale
    bar = pixels.column(image, edge, row_box.top + 3 * scale, row_box.bottom - 3 * scale)
    assert all(pixels.near(colour, accent) for colour in bar), (
        f"{tab.engine}: no accent bar ({accent}) down the row's edge: {sorted(set(bar))[:5]}"
    )
    no_bar = pixels.column(image, edge, above.top + scale, above.bottom - scale)
    assert not any(pixels.near(colour, accent) for colour in no_bar), "the plain row has a bar"
    inside = Box(row_box.top, row_box.bottom, row_box.left + 12 * scale, row_box.right - 12 * scale)
    outside = Box(above.top, above.bottom, above.left + 12 * scale, above.right - 12 * scale)
    tint, background = pixels.most_common(image, inside), pixels.most_common(image, outside)
    assert not pixels.near(tint, background, tolerance=12), (
        f"{tab.engine}: the row's background {tint} is not tinted ({background} around it)"
    )


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
    reading: Reading, table: ErrorTable, linked_code: int, language: str
) -> None:
    tab = reading.reader(f"/{language}/")
    buttons = tab.run("return document.querySelectorAll('#gs-table button.gs-copy').length")
    assert buttons == len(table.codes)
    button = f"{row(linked_code)} button.gs-copy"
    name = tab.run("return document.querySelector(arguments[0]).ariaLabel", button)
    assert name == interface(language)["copy"].format(code=linked_code)
    tab.click(button)
    tab.wait(
        "const toast = document.querySelector('.gs-toast');"
        " return toast.className === 'gs-toast gs-toast--visible'"
        " && toast.textContent.trim() === arguments[0];",
        interface(language)["copied"],
    )
    assert tab.copied() == f"{reading.base_url}/{language}/#{linked_code}"


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


@pytest.mark.skipif(len(LANGUAGES) < 2, reason="the site has one language")
@pytest.mark.parametrize("start", LANGUAGES)
def test_language_selector_keeps_the_code(reading: Reading, linked_code: int, start: str) -> None:
    to = LANGUAGES[(LANGUAGES.index(start) + 1) % len(LANGUAGES)]
    tab = reading.reader(f"/{start}/#{linked_code}")
    tab.hover(".md-select")
    tab.click(f'a.md-select__link[hreflang="{to}"]')
    tab.wait_for_url(f"{reading.base_url}/{to}/#{linked_code}")
    assert tab.run("return document.documentElement.lang") == to


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


def _browser_locales() -> list[tuple[str, str]]:
    """A browser locale for each of the site's languages (ru -> ru-RU), and one for a language
    it lacks, with the language each should land on."""
    likely = get_global("likely_subtags")
    lacking = next(code for code in ("de", "fr", "ja", "it") if code not in LANGUAGES)
    return [
        (f"{code}-{Locale.parse(likely[code]).territory}", expected)
        for code, expected in [*((code, code) for code in LANGUAGES), (lacking, LANGUAGES[0])]
    ]


@pytest.mark.parametrize(("locale", "expected"), _browser_locales())
def test_root_sends_the_reader_to_their_language_with_the_code(
    reading: Reading, linked_code: int, locale: str, expected: str
) -> None:
    tab = reading.open(f"/#{linked_code}", locale=locale)
    tab.wait_for_url(f"{reading.base_url}/{expected}/#{linked_code}")
    reading.ready(tab)
    assert tab.run("return navigator.languages[0]") == locale
    assert tab.run("return document.documentElement.lang") == expected
    assert tab.box(row(linked_code)).top >= tab.box("header.md-header").bottom


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


def _guide_heading() -> str:
    """The id of the second heading of the repository's guide (docs/guide.md)."""
    text = (REPO / "docs" / "guide.md").read_text("utf-8")
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return source_ids(headings(body))[1]


@pytest.mark.skipif(len(LANGUAGES) < 2, reason="the site has one language")
@pytest.mark.parametrize("start", LANGUAGES)
def test_language_selector_keeps_a_pages_heading(reading: Reading, start: str) -> None:
    to = LANGUAGES[(LANGUAGES.index(start) + 1) % len(LANGUAGES)]
    heading = _guide_heading()
    tab = reading.open(f"/{start}/guide/#{heading}")
    tab.wait("return !!document.querySelector('a.md-select__link[data-gs-href]')")
    tab.hover(".md-select")
    tab.click(f'a.md-select__link[hreflang="{to}"]')
    tab.wait(
        "return location.pathname.endsWith(arguments[0])"
        " && decodeURIComponent(location.hash) === arguments[1]",
        f"/{to}/guide/",
        f"#{heading}",
    )
    assert tab.run("return document.documentElement.lang") == to
