"""Located problems in the data file, and the one exception that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake, with everything a person needs to find and fix it."""

    file: str
    line: int
    column: int
    message: str
    code: int | None = None
    field: str | None = None
    language: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = [f"code {self.code}"] if self.code is not None else []
        if self.field:
            where.append(f"field '{self.field}'")
        if self.language:
            where.append(f"language '{self.language}'")
        context = f" [{', '.join(where)}]" if where else ""
        text = f"{self.file}:{self.line}:{self.column}:{context} {self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


class DataError(Exception):
    """The data file cannot be used; every problem found is listed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the error table data:"]
        lines.extend(str(problem) for problem in self.problems)
        return "\n".join(lines)
