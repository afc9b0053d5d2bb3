"""The source map beside the table: where each text, entry and title is written, so that a
tool can name the line of a translation or rewrite exactly one text."""

from __future__ import annotations

import yaml

from gupshup_errors.data import problems
from gupshup_errors.data.load import load, load_located
from gupshup_errors.data.located import Span

from .helpers import DATA, LANGUAGES


def written(source: str, span: Span) -> str:
    """The text between a span's start and end, read back as YAML (plainly, not by us)."""
    lines = problems.lines(source)
    if span.line == span.end_line:
        piece = lines[span.line - 1][span.column - 1 : span.end_column - 1]
    else:
        middle = lines[span.line : span.end_line - 1]
        last = lines[span.end_line - 1][: span.end_column - 1]
        piece = "\n".join([lines[span.line - 1][span.column - 1 :], *middle, last])
    value = yaml.safe_load(piece)
    assert isinstance(value, str)
    return value


def test_every_text_is_where_the_map_says() -> None:
    source = DATA.read_text("utf-8")
    located = load_located(DATA, LANGUAGES)
    assert located.table == load(DATA, LANGUAGES)
    for row in located.table.codes:
        for language, texts in row.texts.items():
            assert written(source, located.positions.text(row.code, "name", language)) == (
                texts.name
            )
            assert written(source, located.positions.text(row.code, "action", language)) == (
                texts.action
            )


def test_every_entry_starts_at_its_code() -> None:
    lines = problems.lines(DATA.read_text("utf-8"))
    located = load_located(DATA, LANGUAGES)
    assert set(located.positions.entries) == {row.code for row in located.table.codes}
    for code, span in located.positions.entries.items():
        assert lines[span.line - 1][span.column - 1 :] == f"code: {code}"
        assert span.end_line > span.line


def test_the_title_of_each_language_is_located() -> None:
    source = DATA.read_text("utf-8")
    located = load_located(DATA, LANGUAGES)
    assert set(located.positions.title) == set(LANGUAGES)
    for language, span in located.positions.title.items():
        assert written(source, span) == located.table.title[language]
        assert problems.lines(source)[span.line - 1].lstrip().startswith(f"{language}:")
