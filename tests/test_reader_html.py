"""The reader's features as built into the HTML and the search index (no browser needed)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from gupshup_errors.builder import search, theme
from gupshup_errors.data.model import ErrorCode, ErrorTable, Texts
from gupshup_errors.fences import material

from .helpers import LANGUAGES
from .helpers.interface import interface
from .helpers.page import assert_scripted_before_styles

Page = Callable[[str], BeautifulSoup]


def _table(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("table#gs-table")
    assert found is not None
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_has_a_caption_and_scoped_headers(
    page: Page, table: ErrorTable, language: str
) -> None:
    found = _table(page(f"{language}/index.html"))
    caption = found.find("caption")
    assert caption is not None and caption.get_text(strip=True) == table.title[language]
    assert [th.get("scope") for th in found.select("thead th")] == ["col"] * 3
    row_headers = found.select("tbody tr > th")
    assert len(row_headers) == len(table.codes)
    assert all(th.get("scope") == "row" for th in row_headers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_is_labelled_and_in_place_before_scripts_run(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    box = soup.select_one(".gs-filter")
    # Not unhidden by a script (which moved the table down after the first paint): the page's
    # head swaps `no-js` for `js` before any stylesheet, and errors.css shows the box for `js`.
    assert box is not None and not box.has_attr("hidden")
    head = soup.select_one("head")
    assert head is not None
    assert_scripted_before_styles(head)
    field = box.select_one("input#gs-filter")
    label = box.select_one('label[for="gs-filter"]')
    assert field is not None and field.get("type") == "search"
    assert label is not None and label.get_text(strip=True)
    message = box.select_one(".gs-filter__empty")
    assert message is not None and "{query}" in str(message.get("data-message"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scripts_strings_are_rendered_in_the_page_language(page: Page, language: str) -> None:
    found = _table(page(f"{language}/index.html"))
    assert found["data-copy-label"] == interface(language)["copy"]
    assert found["data-copied"] and found["data-copy-failed"]
    others = [_table(page(f"{other}/index.html")) for other in LANGUAGES if other != language]
    assert all(other["data-copied"] != found["data-copied"] for other in others)


@pytest.mark.skipif("ru" not in LANGUAGES, reason="the site is built without Russian")
def test_russian_page_folds_yo_into_ye(page: Page) -> None:
    fold = json.loads(str(_table(page("ru/index.html"))["data-fold"]))
    assert fold == {"\N{CYRILLIC SMALL LETTER IO}": "\N{CYRILLIC SMALL LETTER IE}"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_palette_toggles_are_named_in_the_page_language(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    toggles = [interface(language)["to dark"], interface(language)["to light"]]
    labels = soup.select("form[data-md-component=palette] label")
    assert [label.get("title") for label in labels] == toggles
    inputs = soup.select("form[data-md-component=palette] input")
    assert [field.get("aria-label") for field in inputs] == toggles


def _index(site: Path, language: str) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(
        (site / language / "search" / "search_index.json").read_text("utf-8")
    )["docs"]
    return docs


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_has_one_document_per_code_at_its_row(
    site: Path, table: ErrorTable, language: str
) -> None:
    docs = _index(site, language)
    assert docs[0]["location"] == "", "the page's own document must come first"
    by_location = {doc["location"]: doc for doc in docs}
    assert len(by_location) == len(docs)
    for row in table.codes:
        doc = by_location[f"#{row.code}"]
        assert doc["title"] == f"{row.code} — {row.texts[language].name}"
        assert doc["text"] == row.texts[language].action
    assert by_location[f"#{table.anchor}"]["text"] == "", "the rows are indexed twice"


def _config(html: str) -> dict[str, object]:
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    config: dict[str, object] = json.loads(found.group(1))
    return config


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["index.html", "404.html"])
def test_pages_load_the_stemming_worker_which_loads_materials(
    site: Path, language: str, name: str
) -> None:
    url = _config((site / language / name).read_text("utf-8"))["search"]
    assert isinstance(url, str)
    resolved = urlsplit(urljoin(f"http://host/{language}/{name}", url)).path
    worker = site / resolved.lstrip("/")
    assert worker.name.startswith("search-stemmed.") and worker.exists()
    imported = re.search(r'importScripts\("([^"]+)"\)', worker.read_text("utf-8"))
    assert imported is not None and (worker.parent / imported.group(1)).exists()


def _row(code: int, name: str, action: str) -> ErrorCode:
    return ErrorCode(code, {"en": Texts(name, action)})


def test_code_documents_escape_markup() -> None:
    table = ErrorTable("t", {"en": "T"}, (_row(7, "<b>bold</b> & co", "use <i>"),))
    [doc] = search.code_documents(table, "en")
    assert doc == {
        "location": "#7",
        "title": "7 — &lt;b&gt;bold&lt;/b&gt; &amp; co",
        "text": "use &lt;i&gt;",
    }


def test_code_documents_show_formatted_text_as_a_reader_reads_it() -> None:
    row = _row(8, "Use `curl`", "See [the guide](https://example.com) and `code`.")
    [doc] = search.code_documents(ErrorTable("t", {"en": "T"}, (row,)), "en")
    assert (doc["title"], doc["text"]) == ("8 — Use curl", "See the guide and code.")


def test_an_index_of_an_unknown_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'docs' list"):
        material.read_index('{"config": {}}')
    with pytest.raises(ValueError, match="not a Material search document"):
        material.read_index('{"config": {}, "docs": [{"location": ""}]}')


def test_a_page_without_materials_config_is_left_alone() -> None:
    page = "<html><body><p>no config</p></body></html>"
    assert material.worker_url(page) is None
    assert search.use_worker(page, search.worker("search.x.js", "en")) == page


def test_each_toggle_is_named_after_the_option_it_selects() -> None:
    options = [
        {"media": "(prefers-color-scheme)", "toggle": {"icon": "a"}},
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "toggle": {"icon": "b"}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "toggle": {"icon": "c"}},
    ]
    named = theme.palette(options, "en")
    assert [option["toggle"] for option in named] == [
        {"icon": "a", "name": "Switch to light mode"},
        {"icon": "b", "name": "Switch to dark mode"},
        {"icon": "c", "name": "Switch to the system's color scheme"},
    ]
    assert options[0]["toggle"] == {"icon": "a"}, "the configured options were changed"


@pytest.mark.parametrize("language", LANGUAGES)
def test_our_script_does_not_hold_up_the_page(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    ours = [s for s in soup.select("script[src]") if "assets/errors" in str(s["src"])]
    assert ours and all(s.has_attr("defer") for s in ours)
