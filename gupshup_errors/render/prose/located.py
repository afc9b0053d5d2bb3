"""A mistake in a page, at its file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageProblem:
    """What is wrong, where: `line` counts from 1 in the file as written."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class PageError(Exception):
    """One or more problems that stop a page from being built."""

    def __init__(self, problems: list[PageProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
