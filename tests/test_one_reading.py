"""A site build reads the data file once and builds every language and the root files from
that one reading, so a file saved mid-build cannot make /errors.json disagree with the pages."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gupshup_errors.builder.site import build_into
from gupshup_errors.text import i18n

_OPENED: list[Path] = []
_RECORDING: list[bool] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    # Python's audit hooks see every open() however it is made (pathlib, io, Babel).
    if _RECORDING and event == "open" and isinstance(args[0], str | Path):
        _OPENED.append(Path(args[0]).resolve())


sys.addaudithook(_audit)  # cannot be removed; it records only inside `opened()`


@pytest.fixture
def opened() -> Iterator[list[Path]]:
    _OPENED.clear()
    _RECORDING.append(True)
    try:
        yield _OPENED
    finally:
        _RECORDING.clear()


def test_a_build_opens_the_data_file_once(project: Path, opened: list[Path]) -> None:
    languages = build_into(project / "mkdocs.yml", project.parent / "site").names
    _RECORDING.clear()
    data = (project / "data" / "errors.yml").resolve()
    assert len(languages) > 1
    assert opened.count(data) == 1
    for language in languages:  # compiled at most once, and not again while unchanged
        assert opened.count(i18n.catalog_path(language).resolve()) <= 1
