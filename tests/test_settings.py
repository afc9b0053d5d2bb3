"""Real broken mkdocs.yml files: the exact message naming the setting, at check and build time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO
from .test_cli import run

SETTINGS = Path(__file__).parent / "settings"
CASES = sorted(SETTINGS.glob("*.yml"))


def _project(case: Path, workdir: Path) -> Path:
    """A project whose mkdocs.yml is `case`, over a small table in ru, en and de."""
    root = workdir / case.stem
    shutil.copytree(SETTINGS / "data", root / "data")
    (root / "docs").mkdir()
    shutil.copy(case, root / "mkdocs.yml")
    return root


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
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "Plugin 'gupshup-errors' option 'languages': 'xx' is not a language Babel knows"
        in result.stderr
    )


def test_every_expected_file_belongs_to_a_case() -> None:
    assert {path.stem for path in SETTINGS.glob("*.expected")} == {case.stem for case in CASES}
