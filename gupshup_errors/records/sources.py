"""The data file and the records kept beside it, read together as the commands and builds need.

Its paths come from the settings (mkdocs.yml); what it reads, and how the records hold the
data, is this layer's own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..data import load
from ..data.located import DataText, Located
from ..data.model import ErrorTable, Status
from ..data.problems import DataError, Problem
from ..text.paths import SitePaths
from . import audit, published, translated
from . import changes as record_of_changes
from .pages.record import path as pages_record
from .translated import Review

log = logging.getLogger("gupshup_errors.site")


@dataclass(frozen=True)
class Sources:
    """Where the data, its records and the pages are, and the languages the site builds."""

    data: Path
    published: Path
    translated: Path
    languages: tuple[str, ...]
    """The first is the source language."""
    changes: Path
    docs: Path
    """The pages' folder (docs_dir)."""
    config: Path
    """mkdocs.yml: its folder is where the build's date is taken from."""

    @classmethod
    def of(cls, paths: SitePaths) -> Sources:
        """The sources the settings name."""
        return cls(
            data=paths.data_file,
            published=paths.published_file,
            translated=paths.translated_file,
            languages=paths.languages,
            changes=paths.changes_file,
            docs=paths.docs_dir,
            config=paths.config_file,
        )

    def located(self, *, require_recorded: bool = True) -> Located:
        """The data checked against the published record, with where each text is written
        (a source map); raises DataError.

        `require_recorded=False` (the live preview) lets new codes show before they are in
        the record."""
        return load_located(
            self.data, self.languages, self.published, require_recorded=require_recorded
        )

    def table(self, *, require_recorded: bool = True) -> ErrorTable:
        """The data as `located` reads it, without the source map."""
        return self.located(require_recorded=require_recorded).table

    def review(self, table: ErrorTable) -> Review:
        """The translation record held to the table; raises DataError when it is unusable.

        Codes not yet in the published record are new: their translations were written with
        them, and `make published` records them."""
        known = self.published_codes()
        new = [row.code for row in table.codes if row.code not in known]
        return translated.review(self.translated, table, self.languages, str(self.data), new)

    def outdated(self, review: Review, located: Located) -> list[Problem]:
        """Each translation the review found outdated, at its line in the data file."""
        if not review.stale:
            return []
        return review.problems(self.data_text(located))

    def data_text(self, located: Located) -> DataText:
        """The data file's text as `located` was read from it, to place problems in it."""
        text = self.data.read_text("utf-8")
        return DataText(str(self.data), text, located.positions, self.languages[0])

    def history(self, table: ErrorTable) -> record_of_changes.Record:
        """The record of changes for a build: empty when there is none yet (`check` says so);
        raises DataError when it cannot be read or names codes the data does not have."""
        if not self.changes.exists():
            return record_of_changes.Record(str(self.changes), ())
        record, problems = record_of_changes.read(self.changes, self.languages)
        if record is not None:
            problems = audit.unknown_codes(record, table)
        if record is None or problems:
            raise DataError(problems)
        return record

    def status(self, review: Review, history: record_of_changes.Record) -> Status:
        """What the pages show beside the texts: outdated translations, and each code's dates."""
        return replace(review.status, dates=record_of_changes.dates(history))

    def published_codes(self) -> set[int]:
        """The codes the published record lists (none when it cannot be read)."""
        if not self.published.exists():
            return set()
        return set(published.parse(self.published.read_text("utf-8"), "")[0].entries)

    def watched(self) -> list[Path]:
        """The data and its records, for the live preview. A record not made yet is watched
        through its folder, so that its creation counts."""
        kept = (self.published, self.translated, self.changes, pages_record(self.translated))
        records = [record if record.exists() else record.parent for record in kept]
        return [self.data, *records]


def warn_outdated(problems: list[Problem]) -> None:
    """Outdated translations never stop a build (their rows carry a note), but whoever builds
    is told, in the terminal of `make site` and of the preview (`outdated` finds them)."""
    if problems:
        count = len(problems)
        log.warning(
            "%d %s may be out of date; the site shows a note on %s:\n%s",
            count,
            "translation" if count == 1 else "translations",
            "its row" if count == 1 else "their rows",
            "\n".join(map(str, problems)),
        )


def parse_located(
    text: str,
    file: str,
    languages: Sequence[str],
    record: published.Published | None,
    *,
    require_recorded: bool = False,
) -> Located:
    """The data file's text read as `load.parse_located` reads it, held to `record`."""
    held = published.hold(record, require_recorded=require_recorded) if record is not None else None
    return load.parse_located(text, file, languages, held)


def load_located(
    path: Path, languages: Sequence[str], record: Path, *, require_recorded: bool = False
) -> Located:
    """The data file at `path`, held to the record of published codes at `record`: a
    published code without an entry, or a retired one given back to an error, is a problem
    too; with `require_recorded`, so is a new code the record does not list yet."""
    known, problems = published.read(record)
    held = published.hold(known, require_recorded=require_recorded) if known is not None else None
    return load.load_located(path, languages, held, problems)


parse_table = load.table_only(parse_located, "parse_table")
load_table = load.table_only(load_located, "load_table")
