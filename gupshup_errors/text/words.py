"""Two versions of a text compared word by word, the changed words marked as the caller says."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

_WORD = re.compile(r"\w+|\s+|[^\w\s]")
"""A word, a run of spaces, or one other character: what a change is counted in."""


def marked(
    was: str,
    now: str,
    removed: Callable[[str], str],
    added: Callable[[str], str],
    plain: Callable[[str], str] = str,
) -> tuple[str, str]:
    """The old and the new text, each run of words that is the same in both passed through
    `plain`, the removed ones through `removed` (in the old) and the added through `added`
    (in the new); `removed` and `added` get their words through `plain` first."""
    old, new = _WORD.findall(was), _WORD.findall(now)
    before: list[str] = []
    after: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, come = plain("".join(old[i1:i2])), plain("".join(new[j1:j2]))
        if tag == "equal":
            before.append(gone)
            after.append(come)
            continue
        if gone:
            before.append(removed(gone))
        if come:
            after.append(added(come))
    return "".join(before), "".join(after)
