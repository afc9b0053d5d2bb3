"""A corpus of broken data files, each beside the exact message `check` prints for it.

`make expected` (python -m tests.broken) rewrites the .expected files after an intended
message change; read the diff before committing it.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from gupshup_errors.cli import main as cli

from ..helpers import make_project

CORPUS = Path(__file__).parent
RECORD = CORPUS / "published.txt"
TRANSLATED = CORPUS / "translated.txt"
LANGUAGES = ("ru", "en")
"""The corpus' own languages, whatever the repository's site builds: the messages name them."""


def cases() -> list[Path]:
    return sorted(CORPUS.glob("*.yml"))


def expected(case: Path) -> Path:
    return case.with_suffix(".expected")


def project(case: Path, workdir: Path) -> Path:
    """A project building the corpus' languages whose data file is `case`, with its own
    records (published, translated) or the shared ones."""
    record = case.with_name(f"{case.stem}.published.txt")
    own = record if record.exists() else RECORD
    translations = case.with_name(f"{case.stem}.translated.txt")
    return make_project(
        workdir / case.stem,
        languages=LANGUAGES,
        data=case,
        record=own,
        translated=translations if translations.exists() else TRANSLATED,
    )


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
