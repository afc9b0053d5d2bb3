"""An outdated translation in Chromium: its row's note, the note's link, and axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..helpers import SAMPLE_LANGUAGES, SOURCE_EDIT, edit, sample_project
from ..helpers.browser import Pages, axe_violations, built_and_served, row
from ..helpers.interface import interface

SOURCE, *TARGETS = SAMPLE_LANGUAGES
OLD, NEW = SOURCE_EDIT


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's site: the sample's after the source text of 1002's action changed, served
    (so `pages` opens it)."""
    root = sample_project(tmp_path_factory.mktemp("outdated") / "project")
    edit(root / "data" / "errors.yml", OLD, NEW)
    with built_and_served(root / "mkdocs.yml", root / "site") as url:
        yield url


@pytest.mark.parametrize("language", TARGETS)
def test_the_outdated_row_shows_its_note_and_links_to_the_source(
    pages: Pages, language: str, artifacts: Path
) -> None:
    page = pages.reader(f"/{language}/#1002")
    note = page.locator(f"{row(1002)} .gs-outdated-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(interface(language)["outdated"])
    assert page.locator(".gs-outdated-note").count() == 1
    page.locator(row(1002)).screenshot(path=artifacts / f"{language}-outdated-row.png")
    note.get_by_role("link").click()
    page.wait_for_url(f"**/{SOURCE}/#1002")
    expect(page.locator(row(1002))).to_be_in_viewport()
    assert page.evaluate("document.documentElement.lang") == SOURCE
    assert page.locator(f"{row(1002)}:target").count() == 1


@pytest.mark.parametrize("language", TARGETS)
def test_axe_finds_no_violations_on_a_page_with_an_outdated_row(
    pages: Pages, language: str, scheme: str
) -> None:
    page = pages.reader(f"/{language}/#1002", color_scheme=scheme)
    expect(page.locator(f"{row(1002)} .gs-outdated-note")).to_be_visible()
    assert axe_violations(page) == []
