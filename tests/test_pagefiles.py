"""Code pages are written as given, one folder each, never over a file that is there, and a
repeated build takes an earlier one's folders without changing a byte of what it builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.builder import pagefiles
from gupshup_errors.builder.pagefiles import CodePage
from gupshup_errors.builder.site import build_site

from .helpers import sample_project

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


def test_a_kept_folder_is_moved_in_and_its_page_rewritten_only_where_it_changed(
    tmp_path: Path,
) -> None:
    kept, site = tmp_path / "kept", tmp_path / "site"
    site.mkdir()
    kept.mkdir()
    pagefiles.write(kept, [CodePage("1002", b"old"), CodePage("4001", b"<p>4001</p>")])
    (kept / "gone").mkdir()  # a code no longer in the table stays behind
    unchanged = (kept / "4001" / "index.html").stat().st_mtime_ns
    pagefiles.write(site, PAGES, kept)
    assert _tree(site) == {f"{page.anchor}/index.html": page.html for page in PAGES}
    assert (site / "4001" / "index.html").stat().st_mtime_ns == unchanged  # not written again
    assert sorted(path.name for path in kept.iterdir()) == ["gone"]


def test_a_site_built_again_from_its_spare_is_the_site_built_afresh(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "project") / "mkdocs.yml"
    site = tmp_path / "out" / "site"
    build_site(config, site)
    build_site(config, site)  # the first site is now the spare
    assert (tmp_path / "out" / ".site-spare").is_dir()
    data = config.parent / "data" / "errors.yml"
    data.write_text(data.read_text("utf-8").replace("Number", "The number", 1), "utf-8")
    build_site(config, site)  # from the spare, which has the first build's pages
    build_site(config, tmp_path / "fresh" / "site")
    assert _tree(site) == _tree(tmp_path / "fresh" / "site")
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [".site-spare", "site"]
