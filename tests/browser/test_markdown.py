"""Copy as Markdown, in every engine readers use: a code's page and each row of the table copy
that code's Markdown twin, byte for byte what the site serves at /<lang>/<code>/index.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.data.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import row
from ..helpers.engines import Reading, Tab
from ..helpers.interface import interface


def _said(tab: Tab, words: str) -> None:
    tab.wait(
        "const toast = document.querySelector('.gs-toast');"
        " return toast.classList.contains('gs-toast--visible')"
        " && toast.textContent.trim() === arguments[0];",
        words,
    )


def _twin(site: Path, language: str, code: int) -> str:
    return (site / language / str(code) / "index.md").read_text("utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_s_page_copies_its_markdown(
    reading: Reading, site: Path, table: ErrorTable, language: str
) -> None:
    chosen = table.codes[-1]
    tab = reading.open(f"/{language}/{chosen.code}/")
    tab.wait("return !!document.querySelector('.gs-code-page[data-ready]')")
    button = "button.gs-copy-markdown"
    assert (
        tab.run("return document.querySelector(arguments[0]).textContent", button)
        == (interface(language)["copy markdown"])
    )
    tab.click(button)
    _said(tab, interface(language)["markdown copied"])
    copied = tab.copied()
    assert copied == _twin(site, language, chosen.code)
    assert copied.startswith("# ") and str(chosen.code) in copied.splitlines()[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_row_copies_its_code_s_markdown(
    reading: Reading, site: Path, linked_code: int, language: str
) -> None:
    tab = reading.reader(f"/{language}/")
    button = f"{row(linked_code)} button.gs-copy-md"
    name = tab.run("return document.querySelector(arguments[0]).ariaLabel", button)
    assert name == interface(language)["copy row markdown"].format(code=linked_code)
    tab.click(button)
    _said(tab, interface(language)["markdown copied"])
    assert tab.copied() == _twin(site, language, linked_code)
