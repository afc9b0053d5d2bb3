"""A corpus of broken data files, each beside the exact message `check` prints for it.

`make expected` (python -m tests.broken) rewrites the .expected files after an intended
message change; read the diff before committing it.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from gupshup_errors import cli

CORPUS = Path(__file__).parent
REPO = CORPUS.parents[1]
RECORD = CORPUS / "published.txt"
TRANSLATED = CORPUS / "translated.txt"


def cases() -> list[Path]:
    return sorted(CORPUS.glob("*.yml"))


def expected(case: Path) -> Path:
    return case.with_suffix(".expected")


def project(case: Path, workdir: Path) -> Path:
    """A project whose data file is `case`, with its own records (published, translated) or
    the shared ones."""
    root = workdir / case.stem
    (root / "data").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(case, root / "data" / "errors.yml")
    record = case.with_name(f"{case.stem}.published.txt")
    shutil.copy(record if record.exists() else RECORD, root / "data" / "published.txt")
    translated = case.with_name(f"{case.stem}.translated.txt")
    shutil.copy(translated if translated.exists() else TRANSLATED, root / "data" / "translated.txt")
    return root


def check(case: Path, workdir: Path) -> tuple[int, str]:
    """The exit status and the error output of `check` on `case`, as a maintainer sees them."""
    root = project(case, workdir)
    errors = io.StringIO()
    with (
        contextlib.chdir(root),
        contextlib.redirect_stderr(errors),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        status = cli.main(["check"])
    return status, errors.getvalue()
