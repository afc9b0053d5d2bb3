"""No code is lost: the published record, retiring a code, and the retired row on the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from gupshup_errors.builder.site import build_into
from gupshup_errors.data.problems import DataError

from .helpers import LANGUAGES, NEW_ENTRY, entries, make_project, record_of, run
from .helpers.interface import interface


def edit(project: Path, old: str, new: str) -> None:
    data = project / "data" / "errors.yml"
    text = data.read_text("utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), "utf-8")


def record(project: Path) -> list[str]:
    text = (project / "data" / "published.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def add_4006(project: Path) -> None:
    data = project / "data" / "errors.yml"
    data.write_text(data.read_text("utf-8") + NEW_ENTRY.lstrip("\n"), "utf-8")


def retire(project: Path, code: int) -> None:
    edit(project, f"  - code: {code}\n", f"  - code: {code}\n    retired: true\n")


def test_the_committed_record_lists_every_code_of_the_data(repo_copy: Path) -> None:
    codes = yaml.safe_load((repo_copy / "data" / "errors.yml").read_text("utf-8"))["codes"]
    # Read plainly, not through the loader: each code once, its retirement marked.
    assert sorted(record(repo_copy)) == sorted(record_of(codes).splitlines())


def test_a_new_code_must_be_recorded_and_published_records_it(project: Path) -> None:
    add_4006(project)
    failed = run("check", cwd=project)
    assert failed.returncode == 1
    assert "the new code 4006 is not in data/published.txt yet" in failed.stderr
    recorded = run("published", cwd=project)
    assert recorded.returncode == 0, recorded.stderr
    assert record(project)[-2:] == ["4005", "4006"]
    assert run("check", cwd=project).returncode == 0
    assert "up to date" in run("published", cwd=project).stdout


def test_retiring_keeps_the_number_for_good(project: Path) -> None:
    retire(project, 1003)
    assert "the retirement of code 1003" in run("check", cwd=project).stderr
    assert run("published", cwd=project).returncode == 0
    assert "1003 retired" in record(project)
    assert run("check", cwd=project).returncode == 0

    edit(project, "    retired: true\n", "    retired: false\n")
    given_back = run("check", cwd=project)
    assert given_back.returncode == 1
    assert "code 1003 was retired (data/published.txt line" in given_back.stderr
    assert "a retired number is never given to an error again" in given_back.stderr


def test_removing_a_published_code_fails_and_published_refuses_to_drop_it(
    project: Path,
) -> None:
    data = project / "data" / "errors.yml"
    text = data.read_text("utf-8")
    start = text.index("  - code: 1003\n")
    data.write_text(text[:start] + text[text.index("  - code: 1004\n") :], "utf-8")
    before = (project / "data" / "published.txt").read_bytes()
    failed = run("check", cwd=project)
    assert failed.returncode == 1
    assert "code 1003 was published (data/published.txt line" in failed.stderr
    assert "put the entry for 1003 back, above the entry for 1004" in failed.stderr
    refused = run("published", cwd=project)
    assert refused.returncode == 1
    assert "code 1003 was published" in refused.stderr
    assert (project / "data" / "published.txt").read_bytes() == before


def test_a_missing_record_is_an_error_until_published_creates_it(project: Path) -> None:
    (project / "data" / "published.txt").unlink()
    failed = run("check", cwd=project)
    assert failed.returncode == 1
    assert "data/published.txt:1:1: the file does not exist" in failed.stderr
    assert "run `make published` to create it" in failed.stderr
    assert run("published", cwd=project).returncode == 0
    codes = re.findall(
        r"^  - code: (\d+)$", (project / "data" / "errors.yml").read_text("utf-8"), re.M
    )
    assert record(project) == codes
    assert run("check", cwd=project).returncode == 0


def test_the_preview_shows_a_new_code_before_it_is_recorded(project: Path) -> None:
    add_4006(project)
    out = project.parent / "preview"
    with pytest.raises(DataError, match="the new code 4006 is not in"):
        build_into(project / "mkdocs.yml", project.parent / "strict")
    build_into(project / "mkdocs.yml", out, strict=False, preview=True)
    soup = BeautifulSoup((out / "en" / "index.html").read_text("utf-8"), "html.parser")
    assert soup.find(id="4006") is not None


def test_the_preview_still_refuses_a_removed_code(project: Path) -> None:
    edit(project, "  - code: 1001\n", "  - code: 1009\n")
    with pytest.raises(DataError, match="code 1001 was published"):
        build_into(project / "mkdocs.yml", project.parent / "out", strict=False, preview=True)


def test_a_retired_row_keeps_its_anchor_and_says_so_in_every_language(tmp_path: Path) -> None:
    codes = entries([1002, 1003, 1004], retired=[1003])
    project = make_project(tmp_path / "project", codes=codes)  # the site's own languages
    out = project.parent / "site"
    build_into(project / "mkdocs.yml", out)
    for language in LANGUAGES:
        soup = BeautifulSoup((out / language / "index.html").read_text("utf-8"), "html.parser")
        row = soup.find(id="1003")
        assert row is not None and "gs-retired" in row.get("class", [])
        assert row.select_one("a.gs-code")["href"] == "#1003"  # type: ignore[index]
        note = row.select_one(".gs-retired-note")
        assert note is not None
        assert note.get_text() == interface(language)["retired"]
        others = soup.select("tr.gs-retired")
        assert [tr["id"] for tr in others] == ["1003"]
