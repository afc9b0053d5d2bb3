"""`make quick` runs every test but those that drive a browser, run Java (the Nu HTML Checker)
or run `make system-packages`: what it leaves out is exactly those, told apart here by what
their code does rather than by their marks."""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import REPO, make

_COLLECT = ["--collect-only", "-q", "-p", "no:cacheprovider"]


@functools.cache
def _functions(path: Path) -> dict[str, str]:
    """Every function of a test module by name, with its source."""
    text = path.read_text("utf-8")
    return {
        node.name: ast.get_source_segment(text, node) or ""
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef)
    }


def _needs_more_than_python(test: str) -> bool:
    """Whether a test, by its id, drives a browser, runs Java or runs make system-packages."""
    file, *_, name = test.split("[", 1)[0].split("::")
    if file.startswith("tests/browser/") or file == "tests/test_system_packages.py":
        return True
    source = _functions(REPO / file)[name]
    return "browser: Browser" in source or "nu_errors(" in source


def test_quick_leaves_out_exactly_the_browsers_java_and_system_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every = subprocess.run(
        [sys.executable, "-m", "pytest", *_COLLECT], cwd=REPO, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    monkeypatch.setenv("PYTEST_ADDOPTS", " ".join(_COLLECT))
    quick = make("quick", cwd=REPO)
    assert every.returncode == quick.returncode == 0, every.stderr + quick.stderr
    tests, kept = (
        {line for line in run.stdout.splitlines() if "::" in line} for run in (every, quick)
    )
    assert kept < tests
    assert sorted(test for test in tests - kept if not _needs_more_than_python(test)) == []
    assert sorted(test for test in kept if _needs_more_than_python(test)) == []
