"""Reading the built table page as a reader does."""

from __future__ import annotations

import copy

from bs4 import Tag

RETIRED_NOTE = ".gs-retired-note"


def row_texts(row: Tag) -> list[str]:
    """The texts of a row's cells (code, name, action) as the data has them: without a retired
    code's note and the space before it (tests/test_published.py checks the note)."""
    texts = []
    for cell in row.find_all(["th", "td"]):
        cell = copy.copy(cell)
        notes = cell.select(RETIRED_NOTE)
        for note in notes:
            note.decompose()
        text = cell.get_text()
        texts.append(text.removesuffix(" ") if notes else text)
    return texts
