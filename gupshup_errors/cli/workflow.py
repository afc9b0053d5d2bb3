"""GitHub Actions workflow annotations, so that a problem shows on the changed line of a pull
request. Printed beside the plain message (which stays for the terminal), only when
GITHUB_ACTIONS=true. Escaping follows GitHub's own toolkit (@actions/core, command.ts):
'%', CR and LF in the message; those and ':' and ',' in a property's value."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..data.problems import Problem
from ..text.i18n import CatalogProblem
from ..text.paths import shown


def enabled() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(message: str, properties: Sequence[tuple[str, object]]) -> str:
    """One `::error` workflow command; properties without a value are left out."""
    shown = ",".join(f"{name}={_property(str(value))}" for name, value in properties if value)
    return f"::error {shown}::{_data(message)}"


def _relative(file: str | Path) -> str:
    """The file as GitHub names it: relative to the checkout (the working directory)."""
    path = Path(file)
    return (shown(path) if path.is_absolute() else path).as_posix()


def _title(problem: Problem, subject: str) -> str:
    where = [f"code {problem.code}"] if problem.code is not None else []
    if problem.field:
        where.append(f"field '{problem.field}'")
    if problem.language:
        where.append(f"language '{problem.language}'")
    return subject + (f" ({', '.join(where)})" if where else "")


def for_data(problems: Iterable[Problem], subject: str = "error table data") -> list[str]:
    """An annotation for each problem, titled with what it is about (`subject`) and where."""
    return [
        command(
            problem.message + (f"\nfix: {problem.hint}" if problem.hint else ""),
            [
                ("file", _relative(problem.file)),
                ("line", problem.line),
                ("col", problem.column),
                ("title", _title(problem, subject)),
            ],
        )
        for problem in problems
    ]


def for_catalogs(problems: Iterable[CatalogProblem]) -> list[str]:
    return [
        command(
            problem.message,
            [
                ("file", _relative(problem.file) if problem.file else None),
                ("line", problem.line),
                ("title", "translation catalog"),
            ],
        )
        for problem in problems
    ]


def emit(lines: Iterable[str]) -> None:
    """Print the annotations on standard output, where the runner reads workflow commands."""
    if enabled():
        for line in lines:
            print(line, flush=True)
