"""The commands as a maintainer runs them: exit status and messages, on good and broken data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gupshup_errors", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_check_passes_on_the_committed_data() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "17 codes" in result.stdout


def test_check_names_file_line_code_and_field(project: Path) -> None:
    data = project / "data" / "errors.yml"
    text = data.read_text("utf-8")
    broken = text.replace("      action: Номер получателя не зарегистрирован в WhatsApp.\n", "")
    data.write_text(broken, "utf-8")
    line = broken.splitlines().index("  - code: 1002") + 2  # the 'ru:' line under it
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"data/errors.yml:{line}:5: [code 1002, field 'action', language 'ru']" in result.stderr


def test_failed_build_writes_nothing(project: Path) -> None:
    data = project / "data" / "errors.yml"
    data.write_text(data.read_text("utf-8").replace("  - code: 1003", "  - code: 1002"), "utf-8")
    result = run("build", cwd=project)
    assert result.returncode == 1
    assert "code 1002 appears twice" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in project.iterdir()) == ["data", "docs", "mkdocs.yml"]


def test_build_writes_every_language(project: Path) -> None:
    result = run("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["en", "ru"]
    assert (site / "index.html").is_file()
