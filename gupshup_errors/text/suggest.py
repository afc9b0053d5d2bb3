"""The codes a mistyped code may have meant: one slip away (a digit changed, added, dropped or
two neighbours swapped), nearest in value first."""

from __future__ import annotations

from collections.abc import Iterable


def slips(typed: str, meant: str) -> int:
    """Edits from one string to the other, a swap of two neighbours counting as one."""
    rows = len(typed) + 1
    cols = len(meant) + 1
    d = [[max(i, j) if i * j == 0 else 0 for j in range(cols)] for i in range(rows)]
    for i in range(1, rows):
        for j in range(1, cols):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (typed[i - 1] != meant[j - 1])
            )
            if i > 1 and j > 1 and typed[i - 1] == meant[j - 2] and typed[i - 2] == meant[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def similar(code: int, known: Iterable[int], limit: int = 3) -> list[int]:
    """Up to `limit` known codes one slip away from `code`."""
    near = [other for other in known if slips(str(code), str(other)) == 1]
    return sorted(near, key=lambda other: abs(other - code))[:limit]
