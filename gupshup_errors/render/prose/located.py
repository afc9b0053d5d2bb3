"""A mistake in a page stops its build: located problems (the data layer's), about a page."""

from __future__ import annotations

from collections.abc import Sequence

from ...data.problems import DataError, Problem


class PageError(DataError):
    """One or more problems that stop a page from being built."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems, "the pages")
