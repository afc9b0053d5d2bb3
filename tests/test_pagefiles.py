"""Code pages are written as given, one folder each, never over a file that is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.builder import pagefiles
from gupshup_errors.builder.pagefiles import CodePage

PAGES = [CodePage("1002", "<p>Номер 1002</p>".encode()), CodePage("4001", b"<p>4001</p>")]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_each_page_is_its_folders_index(tmp_path: Path) -> None:
    pagefiles.write(tmp_path, PAGES)
    assert _tree(tmp_path) == {f"{page.anchor}/index.html": page.html for page in PAGES}


def test_a_page_that_is_there_already_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "4001").mkdir()
    (tmp_path / "4001" / "index.html").write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        pagefiles.write(tmp_path, PAGES)
    assert (tmp_path / "4001" / "index.html").read_bytes() == b"mine"
