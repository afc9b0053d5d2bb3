"""The real built site, parsed: every code, every language, anchors, languages and links."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel import Locale
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from gupshup_errors.data.model import ErrorTable

from .helpers import CONFIG, LANGUAGES
from .helpers.interface import LUNR, interface
from .helpers.page import RETIRED_NOTE, row_texts

Page = Callable[[str], BeautifulSoup]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_one_row_with_its_texts(
    page: Page, table: ErrorTable, language: str
) -> None:
    soup = page(f"{language}/index.html")
    for row in table.codes:
        found = soup.find_all(id=str(row.code))
        assert len(found) == 1, f"{language}: id {row.code} appears {len(found)} times"
        texts = row.texts[language]
        assert row_texts(found[0]) == [str(row.code), texts.name, texts.action]
        assert bool(found[0].select(RETIRED_NOTE)) == row.retired
        link = found[0].select_one("td a.gs-name")
        assert link is not None and link.get_text() == texts.name
        assert link["href"] == f"{row.code}/"  # the code's own page, beside the table
        message = found[0].select_one("td .gs-message samp")
        if row.message is None:
            assert message is None
        else:
            assert message is not None and message.get_text() == row.message
            assert message["lang"] == "en"  # the API's words, whatever the page's language


@pytest.mark.parametrize("language", LANGUAGES)
def test_rows_follow_the_data_order(page: Page, table: ErrorTable, language: str) -> None:
    rows = page(f"{language}/index.html").select("table.gs-table tbody tr")
    assert [tr["id"] for tr in rows] == [str(row.code) for row in table.codes]


@pytest.mark.parametrize("language", LANGUAGES)
def test_ids_are_unique_and_the_heading_has_its_anchor(
    page: Page, table: ErrorTable, language: str
) -> None:
    soup = page(f"{language}/index.html")
    ids = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    heading = soup.find(id=table.anchor)
    assert heading is not None and heading.name == "h2"
    assert heading.get_text(strip=True).rstrip("¶") == table.title[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_in_its_language(page: Page, site: Path, language: str) -> None:
    soup = page(f"{language}/index.html")
    assert soup.html is not None and soup.html["lang"] == language
    search = json.loads((site / language / "search" / "search_index.json").read_text("utf-8"))
    # lunr's stemmer for the language where lunr has one; where it has none (Ukrainian, say)
    # Material's search runs in English, and the browser tests find codes all the same.
    stemmed = (LUNR / f"lunr.{language}.min.js").is_file() or language == "en"
    assert search["config"]["lang"] == [language if stemmed else "en"]
    not_found = page(f"{language}/404.html")
    assert not_found.html is not None and not_found.html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_is_in_the_page_language(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    placeholder = soup.select_one("input.md-search__input")
    headers = [th.get_text(strip=True) for th in soup.select("table.gs-table thead th")]
    h1 = soup.find("h1")
    assert placeholder is not None and h1 is not None
    seen = {
        "search": placeholder["placeholder"],
        "title": h1.get_text(strip=True),
        "headers": headers,
    }
    words = interface(language)
    assert seen == {
        "search": words["search"],
        "title": words["title"],
        "headers": [words["code"], words["error"], words["meaning"]],
    }
    others = [page(f"{other}/index.html").find("h1") for other in LANGUAGES if other != language]
    assert all(
        other is not None and other.get_text(strip=True) != seen["title"] for other in others
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_sitemap(site: Path, language: str) -> None:
    sitemap = (site / language / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(urlsplit(loc).path.startswith(f"/{language}/") for loc in locations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_selector_links_every_language_by_babel_name(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    links = {a["hreflang"]: a for a in soup.select("a.md-select__link[hreflang]")}
    assert sorted(links) == sorted(LANGUAGES)
    for code, link in links.items():
        assert link["href"] == f"/{code}/"
        assert (
            link.get_text(strip=True).lower() == Locale.parse(code).get_display_name(code).lower()
        )


def test_root_page_links_every_language_and_keeps_the_fragment(page: Page) -> None:
    soup = page("index.html")
    links = {a["hreflang"]: a["href"] for a in soup.select("body a[hreflang]")}
    assert links == {code: f"/{code}/" for code in LANGUAGES}
    script = soup.find("script")
    assert script is not None and "location.hash" in script.get_text()


def _references(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.find_all(True):
        for attribute in ("href", "src", "srcset", "action", "data", "poster", "content"):
            value = tag.get(attribute)
            if isinstance(value, str) and re.match(r"^(https?:)?//", value):
                found.append(value)
    for style in soup.find_all("style"):
        found += re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", style.get_text())
    return found


def test_no_page_references_another_host(site: Path) -> None:
    own = {urlsplit(load_config(str(CONFIG)).site_url or "").netloc}  # SITE_URL's host
    foreign = []
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        foreign += [
            f"{path.relative_to(site)}: {url}"
            for url in _references(soup)
            if urlsplit(url).netloc not in own
        ]
    for path in sorted(site.rglob("*.css")):
        urls = re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", path.read_text("utf-8"))
        urls += re.findall(r"@import\s+['\"]?((?:https?:)?//[^'\";]+)", path.read_text("utf-8"))
        foreign += [f"{path.relative_to(site)}: {url}" for url in urls]
    assert foreign == []
