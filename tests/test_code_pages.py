"""Every code's own page (/<lang>/<code>/) as crawlers, chat apps and static hosts see it: no
JavaScript, only the HTML and the status codes."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.config import load_config

from gupshup_errors.builder.site import build_into
from gupshup_errors.data.load import parse
from gupshup_errors.data.model import ErrorCode, ErrorTable
from gupshup_errors.render.pages import site_name
from gupshup_errors.text import urls
from gupshup_errors.text.inline import to_plain

from .helpers import CONFIG, LANGUAGES, Hosting, make_project, serve
from .helpers.cli import run
from .helpers.page import assert_scripted_before_styles

Page = Callable[[str], BeautifulSoup]
SITE_URL = urls.root(load_config(str(CONFIG)).site_url)
SUB_PATH_URL = "https://someone.github.io/errors/"


def _meta(soup: BeautifulSoup, **attrs: str) -> list[str]:
    return [str(tag["content"]) for tag in soup.find_all("meta", attrs=attrs)]


def _plain(text: str) -> str:
    return " ".join(to_plain(text).split())


def assert_code_page(soup: BeautifulSoup, table: ErrorTable, row: ErrorCode, language: str,
                     site_url: str) -> None:  # fmt: skip
    """What a crawler (no JavaScript) must find on `row`'s page in `language`."""
    own = f"{site_url}{language}/{row.code}/"
    texts = row.texts[language]
    name, action = _plain(texts.name), _plain(texts.action)
    assert soup.html is not None and soup.html["lang"] == language
    # The head is the code's own: title, description, Open Graph, canonical, hreflang.
    title = soup.title.get_text() if soup.title else ""
    assert str(row.code) in title and name in title and title.endswith(site_name(language))
    assert _meta(soup, name="description") == [action]
    assert _meta(soup, property="og:description") == [action]
    (og_title,) = _meta(soup, property="og:title")
    assert str(row.code) in og_title and name in og_title
    assert _meta(soup, property="og:url") == [own]
    assert [str(link["href"]) for link in soup.select("head link[rel=canonical]")] == [own]
    hreflang = {
        str(link["hreflang"]): str(link["href"])
        for link in soup.select("head link[rel=alternate][hreflang]")
    }
    assert hreflang == {
        **{lang: f"{site_url}{lang}/{row.code}/" for lang in LANGUAGES},
        "x-default": f"{site_url}{LANGUAGES[0]}/{row.code}/",
    }
    # The body shows the code, its name, the API's message and the action.
    h1 = soup.find("h1")
    assert h1 is not None and str(row.code) in h1.get_text() and name in h1.get_text()
    facts = soup.select(".gs-code-page__facts dd")
    shown = [" ".join(dd.get_text().split()) for dd in facts]
    expected = [str(row.code), name, *([row.message] if row.message else []), action]
    assert shown == expected
    message = soup.select_one(".gs-code-page__facts samp")
    assert (message.get_text() if message else None) == row.message
    if message is not None:
        assert message["lang"] == "en"
    notes = soup.select(".gs-code-page .gs-retired-note")
    assert len(notes) == (1 if row.retired else 0)
    # Links: the row in the full table, the neighbours, every language's same page.
    page = soup.select_one(".gs-code-page")
    assert isinstance(page, Tag)
    row_link = page.select_one("a.gs-code-page__row")
    assert row_link is not None
    assert urljoin(own, str(row_link["href"])) == f"{site_url}{language}/#{row.code}"
    assert page.select_one("button.gs-copy-page") is not None
    index = table.codes.index(row)
    neighbours = {
        "prev": table.codes[index - 1] if index else None,
        "next": table.codes[index + 1] if index + 1 < len(table.codes) else None,
    }
    for rel, neighbour in neighbours.items():
        found = page.select(f"a[rel={rel}]")
        if neighbour is None:
            assert found == []
        else:
            assert [urljoin(own, str(a["href"])) for a in found] == [
                f"{site_url}{language}/{neighbour.code}/"
            ]
    selector = {str(a["hreflang"]): str(a["href"]) for a in soup.select("a.md-select__link")}
    base = urlsplit(site_url).path
    assert selector == {lang: f"{base}{lang}/{row.code}/" for lang in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_its_own_page(page: Page, table: ErrorTable, language: str) -> None:
    for row in table.codes:
        assert_code_page(page(f"{language}/{row.code}/index.html"), table, row, language, SITE_URL)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_page_starts_scripted_and_loads_the_minified_assets(
    site: Path, page: Page, table: ErrorTable, language: str
) -> None:
    folder = site / language / str(table.codes[0].code)
    soup = page(f"{language}/{table.codes[0].code}/index.html")
    head = soup.select_one("head")
    assert head is not None
    # As on the table's page: `js` before the first paint.
    assert_scripted_before_styles(head)
    # The site's own stylesheet and script, reached from the code's folder: the built (minified)
    # files, which keep no comment of the sources in docs/.
    links = [str(tag["href"]) for tag in head.select('link[rel="stylesheet"][href]')]
    links += [str(tag["src"]) for tag in soup.select("script[src]")]
    for name in ("errors.css", "errors.js"):
        [href] = [link for link in links if urlsplit(link).path.endswith(f"assets/{name}")]
        built = (folder / urlsplit(href).path).resolve()
        assert built.is_file(), href
        source = (CONFIG.parent / "docs" / "assets" / name).read_text("utf-8")
        text = built.read_text("utf-8")
        assert "/*" in source or "// " in source
        assert "/*" not in text and "\n// " not in text and len(text) < len(source)


def test_the_shell_is_not_published(site: Path) -> None:
    leftovers = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if "slot" in path.name or (path.is_file() and b"-slot" in path.read_bytes())
    ]
    assert leftovers == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_code_pages_add_no_search_results(site: Path, table: ErrorTable,
                                              language: str) -> None:  # fmt: skip
    index = json.loads((site / language / "search" / "search_index.json").read_text("utf-8"))
    # The table page's documents (the pages of docs/ have their own, at their addresses).
    locations = [
        doc["location"] for doc in index["docs"] if doc["location"].partition("#")[0] == ""
    ]
    # The table's page, its heading, and one document per code at its row: nothing else.
    assert locations == ["", f"#{table.anchor}", *[f"#{row.code}" for row in table.codes]]
    tags = {doc["location"]: doc.get("tags") for doc in index["docs"]}
    assert all(tags[f"#{row.code}"] == ([row.message] if row.message else None)
               for row in table.codes)  # fmt: skip


# --- A project of its own: a retired code, a code without a message, a sub-path ---------------


def _fixture_codes() -> list[dict[str, Any]]:
    def texts(word: str) -> dict[str, dict[str, str]]:
        return {
            lang: {"name": f"{word} {lang}", "action": f"Do {word} in {lang}, see [200](#200)."}
            for lang in LANGUAGES
        }

    return [
        {"code": 100, "message": "Alpha Mapped Failure", **texts("Alpha")},
        {"code": 200, "retired": True, **texts("Beta")},
        {"code": 300, "message": "Gamma `not code` [not](a link)", **texts("Gamma")},
    ]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ErrorTable]]:
    """A three-code site built for a sub-path, as GitHub Pages publishes a repository."""
    root = tmp_path_factory.mktemp("small")
    project = make_project(root / "project", codes=_fixture_codes())
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SUB_PATH_URL)
        build_into(project / "mkdocs.yml", root / "site")
    data = (project / "data" / "errors.yml").read_text("utf-8")
    yield root / "site", parse(data, "data/errors.yml", LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_retired_and_message_less_codes_keep_full_pages_under_a_sub_path(
    small: tuple[Path, ErrorTable], language: str
) -> None:
    site, table = small
    for row in table.codes:
        html = (site / language / str(row.code) / "index.html").read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert_code_page(soup, table, row, language, SUB_PATH_URL)
        # Links inside the site are relative or under the sub-path, never at the host's root.
        for tag in soup.find_all(["a", "link", "script"]):
            target = str(tag.get("href") or tag.get("src") or "")
            if target.startswith("/"):
                assert target.startswith("/errors/"), target
    # A link to a row in a text leads from the code's page to that row in the table.
    soup = BeautifulSoup((site / language / "100" / "index.html").read_text("utf-8"), "html.parser")
    links = [str(a["href"]) for a in soup.select(".gs-code-page__facts dd a")]
    assert links == ["../#200"]


def test_the_message_is_shown_as_written(small: tuple[Path, ErrorTable]) -> None:
    site, _ = small
    for language in LANGUAGES:
        for page, holder in ((f"{language}/index.html", '[id="300"]'),
                             (f"{language}/300/index.html", ".gs-code-page")):  # fmt: skip
            soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
            (samp,) = soup.select(f"{holder} samp")
            assert samp.get_text() == "Gamma `not code` [not](a link)"
            assert samp.find(True) is None


# --- What a static host answers -------------------------------------------------------------


def _status(url: str, path: str) -> tuple[int, str | None, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    finally:
        connection.close()


def test_a_static_host_serves_each_code_page_and_redirects_its_folder(
    small: tuple[Path, ErrorTable],
) -> None:
    site, table = small
    with serve(site, Hosting(prefix="/errors/")) as served:
        for language in LANGUAGES:
            for row in table.codes:
                status, _, body = _status(served.url, f"/errors/{language}/{row.code}/")
                assert status == 200
                assert b'<link rel="canonical"' in body
                # The folder without its slash: the host's own redirect, before any 404.
                status, location, _ = _status(served.url, f"/errors/{language}/{row.code}")
                assert (status, location) == (301, f"/errors/{language}/{row.code}/")
        # The old forms are not files: the host answers with the site's 404 page, whose script
        # sends readers on (tests/browser/test_code_pages.py follows it in Chromium).
        not_found = (site / "404.html").read_bytes()
        for old in ("/errors/100", "/errors/en/100.html", "/errors/en/old-page"):
            assert _status(served.url, old)[0::2] == (404, not_found)


@pytest.mark.parametrize("page", ["300/index.md", "300.md", "300"])
def test_a_file_of_the_docs_where_a_code_page_goes_stops_the_build(
    tmp_path: Path, page: str
) -> None:
    project = make_project(
        tmp_path / "project", codes=_fixture_codes(), files={f"docs/{page}": "x"}
    )
    built = run("build", "--site-dir", "site", cwd=project)
    assert built.returncode == 1, built.stderr
    assert f"docs/{page} would be written to 300" in built.stderr
    assert "where the page of code 300 goes" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (project / "site").exists(), "nothing is half-written"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_page_carries_its_texts_and_scripts_without_padding(
    site: Path, table: ErrorTable, language: str
) -> None:
    """Bytes in every one of thousands of pages that readers gain nothing from: Material's
    config with its texts escaped (6 bytes a Cyrillic letter), our inline script indented."""
    html = (site / language / str(table.codes[0].code) / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    config = soup.select_one('script[id="__config"]')
    assert config is not None and config.string is not None
    translations = json.loads(config.string)["translations"]
    assert translations and all(f'"{text}"' in html for text in translations.values())
    partial = CONFIG.parent / "gupshup_errors" / "theme" / "partials" / "on-demand.html"
    source = partial.read_text("utf-8")
    script = source[source.index("<script>") + len("<script>") : source.index("</script>")]
    inline = [tag.string or "" for tag in soup.select("script:not([src]):not([type])")]
    [held] = [text for text in inline if "XMLHttpRequest" in text]
    assert "\n  " in script and "\n  " not in held and len(held) < len(script)
