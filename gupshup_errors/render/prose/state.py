"""Whether a page is translated into a language: translated, missing, or outdated (the record
of page translations, records/pages/review.py, says which)."""

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
