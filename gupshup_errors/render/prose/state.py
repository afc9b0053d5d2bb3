"""Whether a page is translated into a language: translated, missing, or outdated."""

from __future__ import annotations

import enum


class State(enum.Enum):
    """A page's state in one language."""

    TRANSLATED = "translated"
    """A translation the build publishes as it is."""
    MISSING = "missing"
    """No translation yet: the source is published in its place, marked as such."""
    OUTDATED = "outdated"
    """A translation made from an older source: published with a note."""


def translation_state(source: str, translation: str | None) -> State:
    """The state of `translation` (a page's Markdown, None when there is no file) of the
    source page `source`.

    The one place that decides it: the record of which source each translation was made from
    (issue 23, item 5) replaces this body; until then an existing translation is current."""
    del source  # read once the record of translations exists
    return State.MISSING if translation is None else State.TRANSLATED
