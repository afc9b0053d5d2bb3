"""Typed, frozen data: one error table, its codes, and their texts per language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Texts:
    """What one code says in one language."""

    name: str
    action: str


@dataclass(frozen=True)
class ErrorCode:
    """One row of the table."""

    code: int
    texts: Mapping[str, Texts]
    retired: bool = False

    @property
    def anchor(self) -> str:
        """The row's id, and so the fragment of every link to it."""
        return str(self.code)


@dataclass(frozen=True)
class ErrorTable:
    """The whole table: its heading and its rows, in the order of the data file."""

    anchor: str
    title: Mapping[str, str]
    codes: tuple[ErrorCode, ...]

    def find(self, code: int) -> ErrorCode | None:
        """The row for `code`, if the table has one."""
        return next((row for row in self.codes if row.code == code), None)
