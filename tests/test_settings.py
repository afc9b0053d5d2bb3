"""Real broken mkdocs.yml files: the exact message naming the setting, at check and build time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .helpers import REPO, make_project, run

SETTINGS = Path(__file__).parent / "settings"
CASES = sorted(SETTINGS.glob("*.yml"))


def _project(case: Path, workdir: Path) -> Path:
    """A project whose mkdocs.yml is `case`, over a small table in ru, en and de."""
    data = SETTINGS / "data"
    return make_project(
        workdir / case.stem,
        data=data / "errors.yml",
        record=data / "published.txt",
        translated=data / "translated.txt",
        config=lambda _: case.read_text("utf-8"),
    )


def _message(output: str) -> str:
    """The output with this checkout's folder left out, as a maintainer in it would read it."""
    return output.replace(f"{REPO}/", "")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_check_names_the_setting(case: Path, tmp_path: Path) -> None:
    result = run("check", cwd=_project(case, tmp_path))
    assert result.returncode == 1
    assert _message(result.stderr) == case.with_suffix(".expected").read_text("utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_build_says_the_same_and_writes_nothing(case: Path, tmp_path: Path) -> None:
    root = _project(case, tmp_path)
    result = run("build", cwd=root)
    assert result.returncode == 1
    expected = case.with_suffix(".expected").read_text("utf-8").removeprefix("error: ")
    assert _message(result.stderr) == f"error: {expected}"
    assert sorted(path.name for path in root.iterdir()) == ["data", "docs", "mkdocs.yml"]


def test_a_bare_mkdocs_build_names_the_option_too(tmp_path: Path) -> None:
    root = _project(SETTINGS / "unknown_language.yml", tmp_path)
    result = run("build", cwd=root, program=(sys.executable, "-m", "mkdocs"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "Plugin 'gupshup-errors' option 'languages': 'xx' is not a language Babel knows"
        in result.stderr
    )


def test_every_expected_file_belongs_to_a_case() -> None:
    assert {path.stem for path in SETTINGS.glob("*.expected")} == {case.stem for case in CASES}
