"""What a whole build of the site gives back: the reading it was built from and, for the live
preview, what it rendered, so that the next edit rewrites only its part."""

from __future__ import annotations

from dataclasses import dataclass

from ...fences.material import SearchIndex
from ...records.reading import Reading
from ...render.markdown.twins import Made
from ..codepages import Shell
from ..settings import Settings


@dataclass(frozen=True)
class LanguageParts:
    """What MkDocs and Material rendered for one language, and what was made from it."""

    language: str
    shell: Shell
    """The code pages' shell."""
    page: str
    """The table page as Material rendered it, the table's slot still in it."""
    table: str
    """The table's HTML, as the slot got it."""
    index: SearchIndex | None
    """The search index as written (None: the site has no search)."""
    twins: Made | None = None
    """What its table's twin and llms files are made from besides the table."""


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
