"""What a whole build keeps for the live preview, so that the next edit rewrites only its part."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ...data.located import Located
from ...data.model import Status
from ...fences.material import SearchIndex
from ...records import changes
from ...records.translated import Review
from ...render.twins import Made
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
class SiteParts:
    """The one reading of the data that every language was built from."""

    settings: Settings
    data: bytes | None
    """The data file's bytes that were read; None when it changed during the reading."""
    located: Located
    review: Review
    history: changes.Record
    status: Status
    date: datetime
    require_recorded: bool


@dataclass
class Kept:
    """Filled by a whole build that is given one (builder/site.py and the plugin)."""

    site: SiteParts | None = None
    languages: list[LanguageParts] = field(default_factory=list)
