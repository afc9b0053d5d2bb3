"""The Markdown twins and the llms.txt files, read with tools nobody here wrote: markdown-it-py
(CommonMark) parses every twin, the link checker follows every link, and each twin is held
against the HTML page it stands beside."""

# ruff: noqa: RUF001 (the fixture's pages are Russian: their Cyrillic letters are meant)
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from gupshup_errors.builder.site import build_into
from gupshup_errors.render.markdown import escape as markdown
from gupshup_errors.text import i18n, inline, urls

from .helpers import edit, entries, make_project, run
from .helpers.interface import interface
from .helpers.linkcheck import check_site

LANGUAGES = ["ru", "en"]
SITE_URL = urls.root(None)
SPECIAL = "*stars* <script>x</script> & | _u_ \\ # 1. [no] ~~s~~"
"""Markdown and HTML in a text of the data: shown as written, never as markup."""


def _text(code: int, language: str, field: str) -> str:
    if code == 1002:
        return f"{SPECIAL} {field} {language}\n# second line\n- third"
    if code == 1003 and field == "action":
        return f"See `code` and [1002](#1002) and [docs](https://example.com/a). {language}"
    return f"{field} {code} {language}"


GUIDE = (
    "---\ntitle: Справка\n---\n\n# Справка\n\n"
    "См. [1002](index.md#1002) и [таблицу](index.md).\n\n## Поиск {#search}\n\nТекст.\n"
)
GUIDE_EN = (
    "---\ntitle: Help\n---\n\n# Help\n\n"
    "See [1002](index.md#1002) and [the table](index.md).\n\n## Search\n\nText.\n"
)
DEEP = "# Глубже\n\nНазад: [справка](../guide.md#search), код [1003](../index.md#1003).\n"
INTRO = "Введение: [1001](#1001).\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("twins") / "project"
    codes = entries([1001, 1002, 1003, 1004], LANGUAGES, _text, retired=[1004])
    codes[1]["message"] = "Not *Exist* <On> WhatsApp"
    made = make_project(
        where,
        languages=LANGUAGES,
        codes=codes,
        files={
            "docs/guide.md": GUIDE,
            "docs/guide.en.md": GUIDE_EN,
            "docs/deep/more.md": DEEP,
            "docs/index.md": INTRO,
        },
    )
    # A source text changed after its translation: the English one may be out of date.
    edit(made / "data" / "errors.yml", "action 1001 ru", "action 1001 ru, changed")
    return made


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("twins-site")
    build_into(project / "mkdocs.yml", out)
    return out


def _twins(site: Path) -> list[Path]:
    return sorted(site.rglob("index.md"))


def _rendered(text: str) -> BeautifulSoup:
    return BeautifulSoup(MarkdownIt("commonmark").render(text), "html.parser")


def _tokens(text: str) -> list[Token]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [*tokens, *(child for token in tokens for child in token.children or [])]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_html_page_names_its_twin_which_is_there(site: Path) -> None:
    pages = [
        page
        for language in LANGUAGES
        for page in (site / language).rglob("index.html")
        if "search" not in page.parts
    ]
    assert len(pages) >= 4 * len(LANGUAGES)
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        links = soup.select('link[rel="alternate"][type="text/markdown"]')
        assert len(links) == 1, page
        expected = SITE_URL + page.relative_to(site).as_posix().replace("index.html", "index.md")
        assert links[0]["href"] == expected
        assert (page.parent / "index.md").is_file()


def test_every_twin_is_commonmark_without_html_and_links_only_absolute(site: Path) -> None:
    twins = _twins(site)
    assert {twin.parent.name for twin in twins} >= {"1001", "1004", "changes", "guide", "more"}
    for twin in twins:
        tokens = _tokens(twin.read_text("utf-8"))
        assert tokens[0].type == "heading_open" and tokens[0].tag == "h1", twin
        kinds = {token.type for token in tokens}
        assert not kinds & {"html_block", "html_inline"}, twin
        hrefs = [str(token.attrGet("href")) for token in tokens if token.type == "link_open"]
        assert hrefs and all(href.startswith(("https://", "http://")) for href in hrefs), twin


def test_twin_links_resolve_in_the_built_site(site: Path) -> None:
    assert [str(broken) for broken in check_site(site, SITE_URL)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_s_twin_says_what_its_page_says(site: Path, language: str) -> None:
    for code in (1001, 1002, 1003, 1004):
        page = BeautifulSoup(
            (site / language / str(code) / "index.html").read_text("utf-8"), "html.parser"
        )
        twin = _rendered((site / language / str(code) / "index.md").read_text("utf-8"))
        said = _words(twin.get_text(" "))
        for fact in page.select(".gs-code-page__facts dd"):
            assert _words(fact.get_text(" ")) in said, (code, fact)
        assert _words(page.select_one("h1").get_text(" ")) == _words(twin.h1.get_text(" "))
        words = interface(language)
        assert (words["retired"] in said) is (code == 1004)
        assert (words["outdated"] in said) == bool(page.select(".gs-outdated-note"))
        assert i18n.language_name_in(language, language) in said


def test_data_stays_data(site: Path) -> None:
    twin = _rendered((site / "en" / "1002" / "index.md").read_text("utf-8"))
    assert twin.find("script") is None and twin.find("em") is None
    said = twin.get_text()
    assert SPECIAL in said and "\n# second line" in said.replace("\r", "")
    assert "Not *Exist* <On> WhatsApp" in said
    linked = _rendered((site / "en" / "1003" / "index.md").read_text("utf-8"))
    assert linked.find("a", href=f"{SITE_URL}en/1002/index.md") is not None
    assert linked.find("a", href="https://example.com/a") is not None
    assert linked.find("code", string="code") is not None


def test_the_pages_twins_carry_their_notes_and_lead_to_twins(site: Path) -> None:
    words = interface("en")
    missing = (site / "en" / "deep" / "more" / "index.md").read_text("utf-8")
    html = BeautifulSoup(
        (site / "en" / "deep" / "more" / "index.html").read_text("utf-8"), "html.parser"
    )
    note = _words(html.select_one(".gs-page-note").get_text(" "))
    assert note in _words(_rendered(missing).blockquote.get_text(" "))
    assert f"]({SITE_URL}en/1003/index.md)" in missing
    assert f"]({SITE_URL}en/guide/index.md#search)" in missing
    guide = (site / "en" / "guide" / "index.md").read_text("utf-8")
    assert "{#" not in guide and words["outdated"] not in guide
    assert f"[1002]({SITE_URL}en/1002/index.md)" in guide
    assert f"[the table]({SITE_URL}en/index.md)" in guide
    table = (site / "en" / "index.md").read_text("utf-8")
    assert f"[1001]({SITE_URL}en/1001/index.md)" in table  # the introduction's link


def _llms_sections(text: str) -> dict[str, list[str]]:
    """The llmstxt.org structure, checked on markdown-it's tokens: an H1, then a blockquote,
    then H2 sections whose lists hold only `[name](url)` links, each with its description."""
    tokens = MarkdownIt("commonmark").parse(text)
    assert [tokens[0].type, tokens[0].tag] == ["heading_open", "h1"]
    assert tokens[3].type == "blockquote_open"
    sections: dict[str, list[str]] = {}
    current = None
    for at, token in enumerate(tokens):
        if token.type == "heading_open":
            assert token.tag in ("h1", "h2")
            if token.tag == "h2":
                current = tokens[at + 1].content
                sections[current] = []
        if token.type == "list_item_open":
            assert current is not None, "a list before the first section"
            inline_token = tokens[at + 2]
            children = inline_token.children or []
            assert children[0].type == "link_open", inline_token.content
            sections[current].append(str(children[0].attrGet("href")))
    for line in text.splitlines():
        if line.startswith("- "):
            assert re.fullmatch(r"- \[.+\]\(https?://[^\s)]+\)(: .+)?", line), line
    return sections


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_s_llms_txt_lists_every_twin_of_it(site: Path, language: str) -> None:
    sections = _llms_sections((site / language / "llms.txt").read_text("utf-8"))
    listed = {href for hrefs in sections.values() for href in hrefs}
    twins = {
        SITE_URL + twin.relative_to(site).as_posix() for twin in (site / language).rglob("index.md")
    }
    assert twins <= listed
    assert f"{SITE_URL}{language}/llms-full.txt" in listed
    assert "Optional" in sections  # the other languages, which a tool may skip


def test_the_root_llms_txt_leads_to_every_language(site: Path) -> None:
    sections = _llms_sections((site / "llms.txt").read_text("utf-8"))
    listed = {href for hrefs in sections.values() for href in hrefs}
    for language in LANGUAGES:
        assert f"{SITE_URL}{language}/llms.txt" in listed
        assert f"{SITE_URL}{language}/index.md" in listed


@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_full_holds_the_table_and_every_page(site: Path, language: str) -> None:
    full = (site / language / "llms-full.txt").read_text("utf-8")
    assert (site / language / "index.md").read_text("utf-8") in full
    for page in ("guide", "deep/more"):
        assert (site / language / page / "index.md").read_text("utf-8") in full


def test_without_repo_url_no_page_links_to_its_source(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert 'rel="edit"' not in text and "gs-source" not in text, page


def _line(data: Path, code: int) -> int:
    lines = data.read_text("utf-8").splitlines()
    return next(at + 1 for at, line in enumerate(lines) if line.strip() == f"- code: {code}")


def test_with_repo_url_every_page_leads_to_the_line_it_is_made_from(
    project: Path, tmp_path: Path
) -> None:
    repo = "https://forge.example/team/errors"
    out = tmp_path / "site"
    result = run(
        "build", "--site-dir", str(out), cwd=project, env={"REPO_URL": repo, "REPO_BRANCH": "dev"}
    )
    assert result.returncode == 0, result.stderr
    blob = f"{repo}/blob/dev/"
    line = _line(project / "data" / "errors.yml", 1002)
    edit_titles = {"ru": "Редактировать страницу", "en": "Edit this page"}

    def edit_link(path: str) -> str:
        soup = BeautifulSoup((out / path / "index.html").read_text("utf-8"), "html.parser")
        found = soup.select('a[rel="edit"]')
        assert len(found) == 1, path
        assert found[0]["title"] == edit_titles[path.split("/")[0]]
        return str(found[0]["href"])

    for language in LANGUAGES:
        assert edit_link(f"{language}/1002") == f"{blob}data/errors.yml#L{line}"
        assert edit_link(language) == f"{blob}data/errors.yml"
        assert edit_link(f"{language}/changes") == f"{blob}data/changes.txt"
        assert edit_link(f"{language}/deep/more") == f"{blob}docs/deep/more.md"
        table = BeautifulSoup((out / language / "index.html").read_text("utf-8"), "html.parser")
        source = table.select_one('tr[id="1002"] a.gs-source')
        assert source is not None and source["href"] == f"{blob}data/errors.yml#L{line}"
        twin = (out / language / "1002" / "index.md").read_text("utf-8")
        assert f"]({blob}data/errors.yml#L{line})" in twin
    assert edit_link("ru/guide") == f"{blob}docs/guide.md"
    assert edit_link("en/guide") == f"{blob}docs/guide.en.md"


def test_a_repo_url_that_is_no_address_stops_the_build(project: Path, tmp_path: Path) -> None:
    result = run(
        "build", "--site-dir", str(tmp_path / "site"), cwd=project, env={"REPO_URL": "forge/team"}
    )
    assert result.returncode != 0
    assert (
        "repo_url" in result.stderr
        and "'forge/team' is not a repository's address" in result.stderr
    )
    assert "Traceback" not in result.stderr


_PIECES = st.sampled_from([*"ab *_`[]()<>&#!|~\\-+=.1)\n\té", "https://x.y/z", "#1002"])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=400)
@given(_TEXTS)
def test_any_text_reads_back_as_its_page_shows_it(text: str) -> None:
    """A text of the data, as a twin writes it, says in CommonMark what its HTML says."""
    as_markdown = _rendered(markdown.formatted(text, lambda fragment: f"{SITE_URL}{fragment}"))
    as_html = BeautifulSoup(f"<p>{inline.to_html(text)}</p>", "html.parser")
    for tag in as_html.select("code br"):  # a code span has no line breaks in CommonMark
        tag.replace_with(" ")
    for tag in as_html.find_all("br"):
        tag.replace_with("\n")
    for tag in as_markdown.find_all("br"):
        tag.replace_with("\n")
    assert as_markdown.find_all(["em", "strong", "h1", "ul", "ol", "blockquote", "pre"]) == []
    shown = [_words(line) for line in as_html.get_text().split("\n")]
    read = [_words(line) for line in as_markdown.get_text().strip("\n").split("\n")]
    assert [line for line in read if line] == [line for line in shown if line]
