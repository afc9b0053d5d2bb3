"""The cyclic garbage collector around the reading of the data (heap.py): paused while the
file is read, and left as it was found by every reading and every build, good or bad."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from gupshup_errors.builder.site import SiteError, build_into
from gupshup_errors.data import load
from gupshup_errors.data.problems import DataError

from .helpers import LANGUAGES, document, entries


def _file(tmp_path: Path) -> str:
    """A file name no other test reads: readings are cached by text and name, and a cached
    one would not read at all."""
    return str(tmp_path / "errors.yml")


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every cyclic collection that starts while the test runs."""
    started: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield started
    finally:
        gc.callbacks.remove(record)


def test_reading_a_large_file_runs_no_cyclic_collection(
    collections: list[int], tmp_path: Path
) -> None:
    # Enough values that the collector, left on, runs many times over the growing tree.
    text = document(entries(range(100, 2100)))
    gc.collect()
    collections.clear()
    table = load.parse(text, _file(tmp_path), LANGUAGES)
    assert len(table.codes) == 2000
    # Left on, the collector starts hundreds of times here; back on after the reading, the
    # objects made meanwhile may start one.
    assert len(collections) <= 1
    assert gc.isenabled()


def test_a_reading_that_fails_leaves_the_collector_on(tmp_path: Path) -> None:
    text = document(entries([100, 200])).replace("code: 200", "code: 100")
    with pytest.raises(DataError):
        load.parse(text, _file(tmp_path), LANGUAGES)
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off(tmp_path: Path) -> None:
    gc.disable()
    try:
        load.parse(document(entries([100])), _file(tmp_path), LANGUAGES)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_leaves_nothing_frozen(project: Path) -> None:
    build_into(project / "mkdocs.yml", project.parent / "site")
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_build_that_fails_midway_leaves_nothing_frozen(project: Path) -> None:
    # A page of the docs where code 1002's page goes stops the build inside MkDocs.
    (project / "docs" / "1002.md").write_text("# Not a code page\n", "utf-8")
    with pytest.raises(SiteError, match="where the page of code 1002 goes"):
        build_into(project / "mkdocs.yml", project.parent / "site")
    assert gc.get_freeze_count() == 0
