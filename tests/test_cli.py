"""The commands as a maintainer runs them: exit status and messages, on good and broken data."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.data.model import ErrorTable

from .helpers import REPO, SAMPLE_LANGUAGES, make, run


def test_check_passes_on_the_committed_data(table: ErrorTable) -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert f"{len(table.codes)} codes" in result.stdout


def test_check_names_file_line_code_and_field(project: Path) -> None:
    data = project / "data" / "errors.yml"
    text = data.read_text("utf-8")
    broken = text.replace("      action: Номер получателя не зарегистрирован в WhatsApp.\n", "")
    data.write_text(broken, "utf-8")
    lines = broken.splitlines()
    line = lines.index("    ru:", lines.index("  - code: 1002")) + 1  # the 'ru:' line under it
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
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == sorted(SAMPLE_LANGUAGES)
    assert (site / "index.html").is_file()


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder`: its bytes and its modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


MISTAKES = {
    "data": ("data/errors.yml", "      action: Contact the Gupshup team.",
             "      acton: Contact the Gupshup team.", "unknown field 'acton'"),
    "a page that fails the strict build": ("docs/extra.md", "", "[gone](missing.md)\n",
                                           "Aborted with 1 warnings in strict mode"),
}  # fmt: skip


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_failed_make_site_leaves_the_previous_site_untouched(project: Path, mistake: str) -> None:
    built = make("site", cwd=project)
    assert built.returncode == 0, built.stderr
    before = _snapshot(project / "site")
    assert all(f"{language}/index.html" in before for language in SAMPLE_LANGUAGES)

    path, old, new, message = MISTAKES[mistake]
    target = project / path
    text = target.read_text("utf-8") if target.exists() else ""
    target.write_text(text.replace(old, new, 1) if old else new, "utf-8")
    failed = make("site", cwd=project)
    assert failed.returncode != 0
    assert message in failed.stderr
    assert "Traceback" not in failed.stderr
    assert _snapshot(project / "site") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site")]
    assert leftovers == []


@pytest.mark.parametrize(
    ("target", "command"),
    [("check", "-m gupshup_errors check"), ("site", "-m gupshup_errors build --site-dir site"),
     ("serve", "-m gupshup_errors serve"), ("published", "-m gupshup_errors published"),
     ("schema", "-m gupshup_errors schema")],
)  # fmt: skip
def test_make_targets_run_the_commands_that_check(target: str, command: str) -> None:
    dry = make("--dry-run", target, cwd=REPO)
    assert dry.returncode == 0, dry.stderr
    assert command in dry.stdout
