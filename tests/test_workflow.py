"""Problems as GitHub Actions annotations, so that they show on the changed line of a pull
request: through the real command, on a broken data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.cli import workflow
from gupshup_errors.text.i18n import CatalogProblem

from .helpers import run


def broken(project: Path) -> int:
    """Misspell the first 'action:' as 'act%on:'; the line it is on."""
    data = project / "data" / "errors.yml"
    lines = data.read_text("utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("      action:"))
    lines[line - 1] = lines[line - 1].replace("action:", "act%on:")
    data.write_text("\n".join(lines), "utf-8")
    return line


def test_check_annotates_each_problem_on_its_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = broken(project)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("check", cwd=project)
    assert result.returncode == 1
    # '%' and the line break before the fix escaped in the message; ',' also in the title.
    assert (
        f"::error file=data/errors.yml,line={line},col=7,"
        "title=error table data (code 500%2C field 'act%25on'%2C language 'ru')"
        "::unknown field 'act%25on'%0Afix: did you mean 'action'?"
    ) in result.stdout.splitlines()
    assert f"data/errors.yml:{line}:7: [code 500, field 'act%on', language 'ru']" in result.stderr


def test_a_failed_build_annotates_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = broken(project)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("build", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 1
    assert f"::error file=data/errors.yml,line={line},col=7," in result.stdout


def test_no_annotations_outside_github_actions(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr


def test_catalog_problems_and_escaping_follow_githubs_toolkit() -> None:
    # @actions/core: '%' -> %25, CR -> %0D, LF -> %0A; in properties also ':' -> %3A, ',' -> %2C.
    problem = CatalogProblem("'50%: a, b' is\r\nnot translated", Path("po/x:y,z.po"), 12)
    assert workflow.for_catalogs([problem]) == [
        "::error file=po/x%3Ay%2Cz.po,line=12,title=translation catalog"
        "::'50%25: a, b' is%0D%0Anot translated"
    ]
    assert workflow.for_catalogs([CatalogProblem("language 'xx' is not a locale Babel knows")]) == [
        "::error title=translation catalog::language 'xx' is not a locale Babel knows"
    ]
