"""The site hosted under a sub-path (like https://<user>.github.io/<repo>/), in real Chromium.

The site is built with SITE_URL=http://127.0.0.1:<port>/repo/ and served from that prefix by a
small static server that answers a missing address with the root 404.html, as GitHub Pages does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import CONFIG

PREFIX = "/repo/"


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; anything missing gets the root 404.html, status 404."""

    requested: list[str]

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if not local.startswith(PREFIX):
            return str(Path(self.directory) / "\0outside")  # never a file
        return super().translate_path("/" + local.removeprefix(PREFIX))

    def send_head(self) -> Any:
        self.requested.append(urlsplit(self.path).path)
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output quiet


@dataclass
class Hosted:
    url: str
    """The site's root, e.g. http://127.0.0.1:4321/repo/"""
    requested: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosted]:
    out = tmp_path_factory.mktemp("hosted") / "site"
    requested: list[str] = []
    handler = type("Handler", (PagesLikeHandler,), {"requested": requested})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(out)))
    site_url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    env = {**os.environ, "SITE_URL": site_url}
    result = subprocess.run(
        [sys.executable, "-m", "gupshup_errors", "-f", str(CONFIG), "build", "-d", str(out)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Hosted(site_url, requested)
    finally:
        server.shutdown()
        server.server_close()


def open_page(browser: Browser, locale: str = "en-US") -> Page:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    return context.new_page()


def _is_target(page: Page, anchor: str) -> bool:
    return bool(page.locator(f'[id="{anchor}"]').evaluate("row => row.matches(':target')"))


@pytest.mark.parametrize(("locale", "language"), [("en-US", "en"), ("ru-RU", "ru")])
def test_root_sends_the_reader_to_their_language_keeping_the_code(
    browser: Browser, hosted: Hosted, locale: str, language: str
) -> None:
    page = open_page(browser, locale)
    page.goto(f"{hosted.url}#1002")
    page.wait_for_url(f"{hosted.url}{language}/#1002")
    expect(page.locator('[id="1002"]')).to_be_in_viewport()
    assert _is_target(page, "1002")
    page.context.close()


def test_assets_load_from_under_the_prefix(browser: Browser, hosted: Hosted) -> None:
    page = open_page(browser)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    hosted.requested.clear()
    page.goto(f"{hosted.url}en/", wait_until="networkidle")
    # Material's script ran (it swaps no-js for js) and its stylesheet applies.
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)js(\s|$)"))
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    assert failed == []
    assert [path for path in hosted.requested if not path.startswith(PREFIX)] == []
    assert any(path.startswith(f"{PREFIX}en/assets/") for path in hosted.requested)
    page.context.close()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_deep_link_to_a_code_shows_its_row(browser: Browser, hosted: Hosted, language: str) -> None:
    page = open_page(browser)
    response = page.goto(f"{hosted.url}{language}/#4003")
    assert response is not None and response.status == 200
    expect(page.locator('[id="4003"]')).to_be_in_viewport()
    assert _is_target(page, "4003")
    page.context.close()


# Also through another name for the host, as when the built site is previewed elsewhere than
# at its SITE_URL: Material's own switch then loses the #code.
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_language_switch_keeps_the_code(browser: Browser, hosted: Hosted, host: str) -> None:
    root = hosted.url.replace("127.0.0.1", host)
    page = open_page(browser)
    page.goto(f"{root}en/#1002", wait_until="networkidle")
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=ru]").click()
    page.wait_for_url(f"{root}ru/#1002")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator('[id="1002"]')).to_be_in_viewport()
    page.context.close()


def test_search_finds_a_code_and_links_under_the_prefix(browser: Browser, hosted: Hosted) -> None:
    page = open_page(browser)
    page.goto(f"{hosted.url}en/", wait_until="networkidle")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("wallet")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    href = result.get_attribute("href")
    assert href is not None and href.startswith(f"{hosted.url}en/"), href
    result.click()
    page.wait_for_url(f"{hosted.url}en/**")
    page.context.close()


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("en/no/such/page", "en", "Page not found"), ("ru/old.html", "ru", "Страница не найдена")],
)
def test_missing_page_shows_the_404_in_its_language(
    browser: Browser, hosted: Hosted, path: str, language: str, heading: str
) -> None:
    page = open_page(browser)
    response = page.goto(hosted.url + path)
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    visible = page.locator("section[lang]:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("h1")).to_have_text(heading)
    visible.locator("a").click()
    page.wait_for_url(f"{hosted.url}{language}/")
    expect(page.locator('[id="1002"]')).to_be_attached()
    page.context.close()


@pytest.mark.parametrize(
    ("path", "locale", "target"),
    [("en/1002", "ru-RU", "en/#1002"), ("1003/", "ru-RU", "ru/#1003"),
     ("en/old-page.html#4001", "en-US", "en/#4001")],
)  # fmt: skip
def test_missing_address_naming_a_code_goes_to_its_row(
    browser: Browser, hosted: Hosted, path: str, locale: str, target: str
) -> None:
    page = open_page(browser, locale)
    page.goto(hosted.url + path)
    page.wait_for_url(hosted.url + target)
    anchor = target.rpartition("#")[2]
    expect(page.locator(f'[id="{anchor}"]')).to_be_in_viewport()
    page.context.close()


def test_missing_address_with_an_unknown_code_says_so(browser: Browser, hosted: Hosted) -> None:
    page = open_page(browser)
    response = page.goto(f"{hosted.url}en/9999")
    assert response is not None and response.status == 404
    expect(page.locator("section[lang=en] .gs-missing")).to_have_text(
        "The table has no error code 9999."
    )


def test_errors_json_is_served_with_links_under_the_prefix(
    browser: Browser, hosted: Hosted
) -> None:
    page = open_page(browser)
    response = page.request.get(f"{hosted.url}errors.json")
    assert response.ok
    doc = json.loads(response.text())
    assert doc["site_url"] == hosted.url
    assert all(url.startswith(hosted.url) for code in doc["codes"] for url in code["url"].values())
    page.context.close()
