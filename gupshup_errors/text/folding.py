"""Letters that readers of a language type interchangeably, for the filter and the search."""

from __future__ import annotations

from collections.abc import Mapping

# Russian writing mostly leaves out the diaeresis: «отключенного» means «отключённого».
_FOLDS: Mapping[str, Mapping[str, str]] = {
    "ru": {"\N{CYRILLIC SMALL LETTER IO}": "\N{CYRILLIC SMALL LETTER IE}"},
}


def fold_map(language: str) -> dict[str, str]:
    """Letter -> the letter it is matched as, for `language` (both lowercase)."""
    return dict(_FOLDS.get(language, {}))
