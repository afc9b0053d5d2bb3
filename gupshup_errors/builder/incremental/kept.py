"""What a whole build of the site gives back: the reading it was built from and, for the live
preview, what it rendered, so that the next edit rewrites only its part."""

from __future__ import annotations

from dataclasses import dataclass

from ...records.reading import Reading
from ..settings import Settings
from .language import LanguageParts


@dataclass(frozen=True)
class SiteBuilt:
    """A whole build of the site: its settings, the one reading every language was built
    from, and each language's rendered parts (kept by a preview build only)."""

    settings: Settings
    reading: Reading
    languages: tuple[LanguageParts, ...] = ()

    @property
    def names(self) -> list[str]:
        """The languages built, the source's first."""
        return list(self.settings.languages)
