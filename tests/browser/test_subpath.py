"""The site hosted under a sub-path (like https://<user>.github.io/<repo>/), in real Chromium.

The site is built with SITE_URL=http://127.0.0.1:<port>/repo/ and served from that prefix by a
small static server that answers a missing address with the root 404.html, as GitHub Pages does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from ..helpers import CONFIG, LANGUAGES, Hosting, Served, run, serve
from ..helpers.interface import interface

PREFIX = "/repo/"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site built for, and served at, http://127.0.0.1:<port>/repo/ like GitHub Pages."""
    out = tmp_path_factory.mktemp("hosted") / "site"
    with serve(out, Hosting(prefix=PREFIX)) as served:
        built = run("-f", str(CONFIG), "build", "-d", str(out), env={"SITE_URL": served.root})
        assert built.returncode == 0, built.stderr
        yield served


def open_page(browser: Browser, locale: str = "en-US") -> Page:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    return context.new_page()


def _is_target(page: Page, anchor: str) -> bool:
    return bool(page.locator(f'[id="{anchor}"]').evaluate("row => row.matches(':target')"))


@pytest.mark.parametrize(("locale", "language"), [(f"{lang}-XX", lang) for lang in LANGUAGES])
def test_root_sends_the_reader_to_their_language_keeping_the_code(
    browser: Browser, hosted: Served, locale: str, language: str
) -> None:
    page = open_page(browser, locale)
    page.goto(f"{hosted.root}#1002")
    page.wait_for_url(f"{hosted.root}{language}/#1002")
    expect(page.locator('[id="1002"]')).to_be_in_viewport()
    assert _is_target(page, "1002")
    page.context.close()


def test_assets_load_from_under_the_prefix(browser: Browser, hosted: Served) -> None:
    page = open_page(browser)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    hosted.requested.clear()
    page.goto(f"{hosted.root}en/", wait_until="networkidle")
    # Material's script ran (it swaps no-js for js) and its stylesheet applies.
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)js(\s|$)"))
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    assert failed == []
    assert [path for path in hosted.requested if not path.startswith(PREFIX)] == []
    assert any(path.startswith(f"{PREFIX}en/assets/") for path in hosted.requested)
    page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_deep_link_to_a_code_shows_its_row(browser: Browser, hosted: Served, language: str) -> None:
    page = open_page(browser)
    response = page.goto(f"{hosted.root}{language}/#4003")
    assert response is not None and response.status == 200
    expect(page.locator('[id="4003"]')).to_be_in_viewport()
    assert _is_target(page, "4003")
    page.context.close()


# Also through another name for the host, as when the built site is previewed elsewhere than
# at its SITE_URL: Material's own switch then loses the #code.
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_language_switch_keeps_the_code(browser: Browser, hosted: Served, host: str) -> None:
    root = hosted.root.replace("127.0.0.1", host)
    source, target = LANGUAGES[-1], LANGUAGES[0]
    page = open_page(browser)
    page.goto(f"{root}{source}/#1002", wait_until="networkidle")
    page.locator(".md-header .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target}]").click()
    page.wait_for_url(f"{root}{target}/#1002")
    expect(page.locator("html")).to_have_attribute("lang", target)
    expect(page.locator('[id="1002"]')).to_be_in_viewport()
    page.context.close()


def test_search_finds_a_code_and_links_under_the_prefix(browser: Browser, hosted: Served) -> None:
    page = open_page(browser)
    page.goto(f"{hosted.root}en/", wait_until="networkidle")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("wallet")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    href = result.get_attribute("href")
    assert href is not None and href.startswith(f"{hosted.root}en/"), href
    result.click()
    page.wait_for_url(f"{hosted.root}en/**")
    page.context.close()


@pytest.mark.parametrize(
    ("path", "language"),
    [(f"{lang}/{('no/such/page', 'old.html')[n % 2]}", lang) for n, lang in enumerate(LANGUAGES)],
)
def test_missing_page_shows_the_404_in_its_language(
    browser: Browser, hosted: Served, path: str, language: str
) -> None:
    heading = interface(language)["not found"]
    page = open_page(browser)
    response = page.goto(hosted.root + path)
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    visible = page.locator("section[lang]:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("h1")).to_have_text(heading)
    visible.locator("a").click()
    page.wait_for_url(f"{hosted.root}{language}/")
    expect(page.locator('[id="1002"]')).to_be_attached()
    page.context.close()


@pytest.mark.parametrize(
    ("path", "locale", "target"),
    [("en/1002", "ru-RU", "en/1002/"), ("1003/", "ru-RU", "ru/1003/"),
     ("en/1004.html", "ru-RU", "en/1004/"), ("en/old-page.html#4001", "en-US", "en/#4001")],
)  # fmt: skip
def test_missing_address_naming_a_code_goes_to_its_page_or_row(
    browser: Browser, hosted: Served, path: str, locale: str, target: str
) -> None:
    # A code in the path gets the code's own page; a #code (a link to a row) stays a row.
    page = open_page(browser, locale)
    page.goto(hosted.root + path)
    page.wait_for_url(hosted.root + target)
    if "#" in target:
        anchor = target.rpartition("#")[2]
        expect(page.locator(f'[id="{anchor}"]')).to_be_in_viewport()
    else:
        expect(page.locator("h1")).to_contain_text(target.strip("/").rpartition("/")[2])
    page.context.close()


def test_missing_address_with_an_unknown_code_says_so(browser: Browser, hosted: Served) -> None:
    page = open_page(browser)
    response = page.goto(f"{hosted.root}en/9999")
    assert response is not None and response.status == 404
    expect(page.locator("section[lang=en] .gs-missing")).to_have_text(
        "The table has no error code 9999."
    )


def test_errors_json_is_served_with_links_under_the_prefix(
    browser: Browser, hosted: Served
) -> None:
    page = open_page(browser)
    response = page.request.get(f"{hosted.root}errors.json")
    assert response.ok
    doc = json.loads(response.text())
    assert doc["site_url"] == hosted.root
    assert all(url.startswith(hosted.root) for code in doc["codes"] for url in code["url"].values())
    page.context.close()
