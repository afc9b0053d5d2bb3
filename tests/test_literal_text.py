"""Text from the data reaches the built pages as that text: never markup, whatever it holds."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from playwright.sync_api import Browser

from gupshup_errors.builder.site import build_into
from gupshup_errors.data.load import parse
from gupshup_errors.data.model import ErrorTable
from gupshup_errors.data.problems import DataError
from gupshup_errors.render.pages import TABLE_SLOT, render_page

from .helpers import CONFIG, LANGUAGES, document, entries, make_project, serve


@dataclass(frozen=True)
class Written:
    """A text as written in the data, and what a reader must see of it."""

    source: str
    visible: str
    codes: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()

    def __add__(self, other: Written) -> Written:
        return Written(
            self.source + other.source,
            self.visible + other.visible,
            self.codes + other.codes,
            self.links + other.links,
        )


# Anything a person can type, line breaks included; only the three characters that make the
# inline format are kept for the code and link parts, and invisible controls are refused by
# the checks (tests/broken has them).
_ANY = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")) | st.just("\n")
_PLAIN = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="`[]")
_ADDRESS = st.characters(exclude_categories=("Cs", "Cc", "Z"), exclude_characters="()")
plain = st.text(_PLAIN | st.just("\n"), min_size=1).map(lambda text: Written(text, text))
code = st.text(_ANY.filter(lambda char: char != "`"), min_size=1).map(
    lambda text: Written(f"`{text}`", text, codes=(text,))
)
address = st.one_of(
    st.sampled_from(["#500", "#gupshup-whatsapp-api", "mailto:team@example.com"]),
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(["https", "http"]),
        st.text(_ADDRESS.filter(lambda char: char != "/"), min_size=1),
        st.text(_ADDRESS),
    ).filter(lambda url: not any(char.isspace() for char in url)),
)
label = st.text(_ANY.filter(lambda char: char not in "[]"), min_size=1).filter(str.strip)
link = st.builds(
    lambda text, href: Written(f"[{text}]({href})", text, links=((text, href),)), label, address
)
written = st.lists(st.one_of(plain, plain, code, link), min_size=1, max_size=5).map(
    lambda parts: functools.reduce(Written.__add__, parts)
)

HOSTILE = [
    Written(text, text)
    for text in (
        "<script>window.pwned = 1</script>",
        '<img src="x" onerror="window.pwned = 2">',
        "| a | b |\n|---|---|\n*bold* _it_ **x** ~~s~~ <b>b</b>",
        "# not a heading {: #id .class } {{ jinja }} {% raw %} <!-- c --> &amp; &lt;",
        "first line\n\n    indented line",
        "Ёлка, ёж и всё ещё 🙂👍🏽 👨‍👩‍👧",
        "Unrecognised" + "parameter" * 30,
    )
] + [
    Written(
        "`<b>x</b>` and [the guide](https://example.com/?a=1&b=<2>)",
        "<b>x</b> and the guide",
        codes=("<b>x</b>",),
        links=(("the guide", "https://example.com/?a=1&b=<2>"),),
    )
]


def holding(texts: list[str]) -> list[dict[str, Any]]:
    """Data entries holding each text as the API message, name and action of its own code,
    from 500."""
    found = entries(range(500, 500 + len(texts)), LANGUAGES, lambda code, _, __: texts[code - 500])
    return [{**entry, "message": texts[entry["code"] - 500]} for entry in found]


def data(texts: list[str]) -> str:
    """A data file holding `texts` (see `holding`)."""
    return document(holding(texts))


def row_cells(soup: BeautifulSoup, code: int) -> list[tuple[Tag, bool]]:
    """The row's name (inside the link to the code's page, so without links of its own) and
    action, each with whether its links are kept."""
    row = soup.find(id=str(code))
    assert isinstance(row, Tag), f"no row {code}"
    name = row.select_one("td a.gs-name")
    assert isinstance(name, Tag), f"row {code} does not link to its page"
    return [(name, False), (row.find_all("td")[-1], True)]


def page_cells(site: Path, language: str, code: int) -> list[tuple[Tag, bool]]:
    """The name and action on the code's own page (the definitions after the code)."""
    soup = BeautifulSoup(
        (site / language / str(code) / "index.html").read_text("utf-8"), "html.parser"
    )
    facts = soup.select(".gs-code-page__facts dd")
    return [(facts[1], True), (facts[-1], True)]


def assert_message_as_written(soup: BeautifulSoup, code: int, source: str) -> None:
    """The API's message is plain text: even backticks and brackets are shown as typed."""
    row = soup.find(id=str(code))
    assert isinstance(row, Tag)
    message = row.select_one(".gs-message samp")
    assert message is not None and message.find(True) is None
    assert message.get_text() == source


def assert_shown_as_written(cell: Tag, text: Written, links: bool = True, base: str = "") -> None:
    assert {tag.name for tag in cell.find_all(True)} <= {"a", "code", "br"}
    # Only an address, and the direction that isolates code and links in right-to-left text.
    assert all(set(tag.attrs) <= {"href", "dir"} for tag in cell.find_all(True))
    assert all(code.get("dir") == "ltr" for code in cell.find_all("code"))
    for br in cell.find_all("br"):
        br.replace_with("\n")
    assert tuple(tag.get_text() for tag in cell.find_all("code")) == text.codes
    # A row link (#500) from a code's page goes to the row in the table (../#500).
    expected = tuple(
        (label, f"{base}{href}" if href.startswith("#") else href) for label, href in text.links
    )
    assert tuple((a.get_text(), a["href"]) for a in cell.find_all("a")) == (
        expected if links else ()
    )
    assert cell.get_text() == text.visible


@functools.cache
def _config() -> MkDocsConfig:
    return load_config(str(CONFIG))


def page_html(table: ErrorTable, language: str) -> BeautifulSoup:
    """The page's content as production makes it: the page's Markdown through MkDocs' own
    rendering with our configuration, then the table put into its slot in the HTML."""
    source = render_page(table, language)
    config = _config()
    file = File("index.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = source.markdown
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.content is not None and TABLE_SLOT in page.content
    return BeautifulSoup(page.content.replace(TABLE_SLOT, source.table, 1), "html.parser")


@settings(max_examples=150)
@given(written)
def test_text_through_the_markdown_pipeline(text: Written) -> None:
    assume(text.source == text.source.strip())
    table = parse(data([text.source]), "data/errors.yml", LANGUAGES)
    for language in LANGUAGES:
        for cell, links in row_cells(page_html(table, language), 500):
            assert_shown_as_written(cell, text, links)


@settings(max_examples=150)
@given(st.text(min_size=1))
def test_any_text_is_refused_or_shown(text: str) -> None:
    try:
        table = parse(data([text]), "data/errors.yml", LANGUAGES)
    except DataError:
        return  # refused, with a located problem (the fuzz tests hold it to that)
    for cell, _ in row_cells(page_html(table, LANGUAGES[0]), 500):
        assert {tag.name for tag in cell.find_all(True)} <= {"a", "code", "br"}
        if "`" not in text and "](" not in text:
            for br in cell.find_all("br"):
                br.replace_with("\n")
            assert cell.get_text() == text


def assert_built_as_written(site: Path, language: str, texts: list[Written]) -> BeautifulSoup:
    """Each text (see `holding`) as written in the language's table and on its code's own
    page, the message as typed; the table's page, parsed."""
    soup = BeautifulSoup((site / language / "index.html").read_text("utf-8"), "html.parser")
    for code, text in enumerate(texts, start=500):
        for cell, links in row_cells(soup, code):
            assert_shown_as_written(cell, text, links)
        assert_message_as_written(soup, code, text.source)
        for cell, links in page_cells(site, language, code):
            assert_shown_as_written(cell, text, links, base="../")
    return soup


def build(texts: list[str], out: Path) -> Path:
    """The real site, built by MkDocs from a project whose data holds `texts`."""
    project = make_project(out / "project", codes=holding(texts))
    build_into(project / "mkdocs.yml", out / "site")
    return out / "site"


@settings(max_examples=3)
@given(st.lists(written, min_size=1, max_size=6))
@example(HOSTILE)
def test_text_reaches_the_built_site(tmp_path_factory: pytest.TempPathFactory,
                                     texts: list[Written]) -> None:  # fmt: skip
    assume(all(text.source == text.source.strip() for text in texts))
    site = build([text.source for text in texts], tmp_path_factory.mktemp("built"))
    for language in LANGUAGES:
        assert_built_as_written(site, language, texts)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build([text.source for text in HOSTILE], tmp_path_factory.mktemp("hostile"))


def test_hostile_texts_are_shown_as_written(hostile_site: Path) -> None:
    for language in LANGUAGES:
        soup = assert_built_as_written(hostile_site, language, HOSTILE)
        assert "window.pwned" not in "".join(s.get_text() for s in soup.find_all("script"))
        assert not soup.select("img[onerror], [onerror]")


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as served:
        yield served.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_a_browser_nothing_runs_and_long_words_wrap(
    browser: Browser, hostile_url: str, language: str
) -> None:
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{hostile_url}/{language}/#506", wait_until="load")
        page.wait_for_selector('[id="506"]')
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert dialogs == []
        # The 300-letter word wraps inside its cell: nothing is wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        cell = page.locator('[id="506"] td').last.bounding_box()
        assert cell is not None and cell["x"] + cell["width"] <= 360
        # A line break in the data is a line break on the page.
        assert page.locator('[id="504"] td').last.inner_text().startswith("first line\n")
    finally:
        page.close()
