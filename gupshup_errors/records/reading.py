"""The one reading of everything a build takes, made in one place (`read`): the site build, its
plugin, the live preview's quick rebuild and the commands all take it, as Sphinx's read,
write and incremental phases take one BuildEnvironment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..data.located import Located
from ..data.model import ErrorTable, Status
from ..data.problems import Problem
from . import changes
from .dates import build_date
from .pages.commands import PageFiles
from .pages.review import Overview
from .sources import Sources
from .translated import Review


@dataclass(frozen=True)
class Reading:
    """The data, its records and the pages as one build read them."""

    sources: Sources
    """Where each was read from."""
    located: Located
    """The data, held to the published record, with where each text is written."""
    review: Review
    """The record of translations held to the data: which translations may be out of date."""
    history: changes.Record
    """The record of changes (empty when there is none yet)."""
    status: Status
    """What the pages show beside the texts: outdated translations, each code's dates."""
    pages: Overview
    """Every page of docs/ in every language: translated, missing or outdated."""
    date: datetime
    """The build's date, from the sources (records/dates.py)."""
    require_recorded: bool
    """False for the live preview: new codes show before they are in the published record."""
    data: bytes | None = None
    """The data file's bytes as read, when asked for (the preview's quick rebuild starts from
    them); None too when the file changed while it was read."""

    @property
    def table(self) -> ErrorTable:
        return self.located.table

    def outdated(self) -> list[Problem]:
        """Each translation the review found outdated, at its line in the data file."""
        return self.sources.outdated(self.review, self.located)


def read(sources: Sources, *, require_recorded: bool = True, keep_data: bool = False) -> Reading:
    """Everything a build of `sources` reads, once; raises DataError on the first unusable
    source (the data, the record of translations, of changes, the pages), and
    SourceDateError on a bad SOURCE_DATE_EPOCH."""
    data = _bytes(sources) if keep_data else None
    located = sources.located(require_recorded=require_recorded)
    if data is not None and data != _bytes(sources):
        data = None  # changed while it was read: the next edit cannot start from it
    review = sources.review(located.table)
    history = sources.history(located.table)
    pages = PageFiles.of(sources.docs, sources.translated, sources.languages).overview()
    return Reading(
        sources=sources,
        located=located,
        review=review,
        history=history,
        status=sources.status(review, history),
        pages=pages,
        date=build_date(sources.config, sources.data),
        require_recorded=require_recorded,
        data=data,
    )


def _bytes(sources: Sources) -> bytes | None:
    try:
        return sources.data.read_bytes()
    except OSError:
        return None
