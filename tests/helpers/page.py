"""Reading the built table page as a reader does."""

from __future__ import annotations

import copy

from bs4 import Tag

RETIRED_NOTE = ".gs-retired-note"
API_MESSAGE = ".gs-message"
"""The API's own message, shown under a code's name."""
DATES = ".gs-dates"
"""When the code was added and last changed, under its name (tests/test_changes.py)."""


def row_texts(row: Tag) -> list[str]:
    """The texts of a row's cells (code, name, action) as the data has them: without a retired
    code's note or its dates and the space before them (tests/test_published.py and
    tests/test_changes.py check them), nor the
    API's message under the name (tests/test_site.py checks it)."""
    texts = []
    for cell in row.find_all(["th", "td"]):
        cell = copy.copy(cell)
        for message in cell.select(API_MESSAGE):
            message.decompose()
        notes = cell.select(RETIRED_NOTE) + cell.select(DATES)
        for note in notes:
            note.decompose()
        text = cell.get_text()
        texts.append(text.rstrip(" ") if notes else text)
    return texts


def assert_scripted_before_styles(head: Tag) -> None:
    """The page's head swaps `no-js` for `js` before any stylesheet (theme/main.html), so that
    errors.css styles for `js` (the filter box in place) from the first paint."""
    first = head.find(["script", "link"], attrs={"rel": None, "src": None})
    stylesheet = head.select_one('link[rel="stylesheet"]')
    assert first is not None and stylesheet is not None
    assert 'classList.replace("no-js", "js")' in first.get_text()
    assert first.sourceline is not None and stylesheet.sourceline is not None
    assert first.sourceline < stylesheet.sourceline
