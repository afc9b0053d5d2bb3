"""The Russian texts are the seed table's, word for word, in the data and on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from gupshup_errors.data.model import ErrorTable

from .helpers.page import row_texts

SEED = Path(__file__).parent / "data" / "seed.md"


def seed_rows() -> list[tuple[int, str, str]]:
    """(code, name, action) for each row of the provider's table, as the seed has them."""
    soup = BeautifulSoup(SEED.read_text("utf-8"), "html.parser")
    rows = []
    for tr in soup.select("table tbody tr"):
        code, name, action = (td.get_text().strip() for td in tr.find_all("td"))
        rows.append((int(code), name, action))
    return rows


def test_seed_has_the_seventeen_codes() -> None:
    codes = [code for code, _, _ in seed_rows()]
    assert codes == [500, *range(1001, 1009), 1010, 1011, 1012, *range(4001, 4006)]


def test_data_holds_the_seed_russian_texts(table: ErrorTable) -> None:
    # Every code of the seed, with the seed's Russian words; other codes may come after it.
    data = {row.code: (row.texts["ru"].name, row.texts["ru"].action) for row in table.codes}
    assert {code: data.get(code) for code, _, _ in seed_rows()} == {
        code: (name, action) for code, name, action in seed_rows()
    }


def test_russian_heading_is_the_seed_heading(table: ErrorTable) -> None:
    soup = BeautifulSoup(SEED.read_text("utf-8"), "html.parser")
    anchor = soup.find("a", id=True)
    assert anchor is not None
    assert table.anchor == anchor["id"] == "gupshup-whatsapp-api"
    assert table.title["ru"] == "Gupshup WhatsApp API — Полная таблица ошибок"
    assert "### Gupshup WhatsApp API — Полная таблица ошибок" in SEED.read_text("utf-8")


def test_russian_page_shows_the_seed_texts(page: Callable[[str], BeautifulSoup]) -> None:
    soup = page("ru/index.html")
    for code, name, action in seed_rows():
        row = soup.find(id=str(code))
        assert isinstance(row, Tag)
        assert row_texts(row)[1:] == [name, action]


@pytest.mark.parametrize("title", ["Коды ошибок и их значения"])
def test_russian_page_title_is_the_seed_title(
    page: Callable[[str], BeautifulSoup], title: str
) -> None:
    assert f"# {title}" in SEED.read_text("utf-8")
    h1 = page("ru/index.html").find("h1")
    assert h1 is not None and h1.get_text(strip=True) == title
