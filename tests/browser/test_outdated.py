"""An outdated translation in Chromium: its row's note, the note's link, and axe."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from gupshup_errors.site import build_into

from ..conftest import CONFIG, LANGUAGES, REPO
from ..system import served
from ..test_translations import NEW, OLD
from .conftest import Pages
from .reader import row
from .test_layout import _violations

SOURCE, *TARGETS = LANGUAGES
NOTES = {"en": "This translation may be out of date."}


@pytest.fixture(scope="module")
def outdated_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project's site after the source text of 1002's action changed, served."""
    root = tmp_path_factory.mktemp("outdated")
    shutil.copy(CONFIG, root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "data", root / "data")
    data = root / "data" / "errors.yml"
    text = data.read_text("utf-8")
    assert OLD in text
    data.write_text(text.replace(OLD, NEW), "utf-8")
    build_into(root / "mkdocs.yml", root / "site")
    with served(root / "site") as url:
        yield url


@pytest.fixture
def outdated(browser: Browser, outdated_url: str) -> Iterator[Pages]:
    opened = Pages(browser, outdated_url)
    yield opened
    for context in opened.contexts:
        context.close()
    assert opened.errors == [], "the page raised JavaScript errors"


@pytest.mark.parametrize("language", [lang for lang in TARGETS if lang in NOTES])
def test_the_outdated_row_shows_its_note_and_links_to_the_source(
    outdated: Pages, language: str, artifacts: Path
) -> None:
    page = outdated.reader(f"/{language}/#1002")
    note = page.locator(f"{row(1002)} .gs-outdated-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(NOTES[language])
    assert page.locator(".gs-outdated-note").count() == 1
    page.locator(row(1002)).screenshot(path=artifacts / f"{language}-outdated-row.png")
    note.get_by_role("link").click()
    page.wait_for_url(f"**/{SOURCE}/#1002")
    expect(page.locator(row(1002))).to_be_in_viewport()
    assert page.evaluate("document.documentElement.lang") == SOURCE
    assert page.locator(f"{row(1002)}:target").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", TARGETS)
def test_axe_finds_no_violations_on_a_page_with_an_outdated_row(
    outdated: Pages, language: str, scheme: str
) -> None:
    page = outdated.reader(f"/{language}/#1002", color_scheme=scheme)
    expect(page.locator(f"{row(1002)} .gs-outdated-note")).to_be_visible()
    assert _violations(page) == []
