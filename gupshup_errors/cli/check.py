"""check: validate the data, the records, the pages' translations and the catalogs, and print
every problem (and, with --format json, the pages' states)."""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import UTC, datetime

from ..builder.settings import Settings
from ..data.located import Located
from ..data.problems import DataError
from ..records import audit, changes
from ..records.pages import commands as pages
from ..records.pages.review import Overview
from ..records.sources import Sources
from ..text import i18n
from . import workflow
from .report import reported


def check(settings: Settings, fmt: str = "text") -> int:
    """Validate the data, the published record, the pages' translations and the catalogs;
    print every problem. With `fmt` 'json', standard output gets only the pages' states as
    JSON, and the report goes to standard error."""
    if fmt == "json":
        with contextlib.redirect_stdout(sys.stderr):
            status, overview = _check(settings)
        document = overview.document(_pages(settings).where.docs) if overview else {}
        sys.stdout.buffer.write(json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n")
        sys.stdout.flush()
        return status
    return _check(settings)[0]


def _pages(settings: Settings) -> pages.PageFiles:
    """The guide pages and their translation record."""
    return pages.PageFiles.named_by(settings)


def _check(settings: Settings) -> tuple[int, Overview | None]:
    """What `check` runs: the exit status, and the pages' states when they could be read."""
    failed = False
    try:
        located = Sources.of(settings).located()
    except DataError as error:
        failed = not reported(error)
    else:
        table = located.table
        failed = not _translations_current(settings, located)
        failed = not _changes_recorded(settings, located) or failed
        if not failed:
            languages = ", ".join(settings.languages)
            print(f"{settings.data_file}: {len(table.codes)} codes in {languages}: OK")
    overview = _pages_current(settings)
    failed = failed or overview is None or bool(overview.problems())
    catalog_problems = i18n.catalog_problems(settings.languages, settings.catalogs)
    for problem in catalog_problems:
        print(problem, file=sys.stderr)
    workflow.emit(workflow.for_catalogs(catalog_problems))
    if not catalog_problems:
        print(f"catalogs for {', '.join(settings.languages)}: complete")
    return (1 if failed or catalog_problems else 0), overview


def _pages_current(settings: Settings) -> Overview | None:
    """Print every page's state in every language, and every page translation that may be
    out of date, has no record or no source; None when the pages cannot be read."""
    files = _pages(settings)
    try:
        overview = files.overview()
    except DataError as error:
        reported(error, "guide pages")
        return None
    docs = files.where.docs
    for page in overview.pages:
        states = [
            f"{item.language} {item.state}" for item in overview.translations if item.page == page
        ]
        print(f"{docs}/{page}: {', '.join(states) or 'no translation language'}")
    if not overview.pages:
        print(f"{docs}/: no pages")
    reported(DataError(overview.problems(), "the pages' translations"), "page translation")
    return overview


def _translations_current(settings: Settings, located: Located) -> bool:
    """Print every translation that may be out of date (or why the record is unusable)."""
    files = Sources.of(settings)
    try:
        review = files.review(located.table)
    except DataError as error:
        return reported(error)
    return reported(DataError(files.outdated(review, located)))


def _changes_recorded(settings: Settings, located: Located) -> bool:
    """Print every problem of the record of changes: a broken entry, or a change of the data
    it does not say yet."""
    files = Sources.of(settings)
    record, problems = changes.read(files.changes, files.languages)
    if record is not None:
        problems = audit.check(
            record,
            located.table,
            files.published_codes(),
            files.data_text(located),
            datetime.now(UTC).date(),  # the clock, not SOURCE_DATE_EPOCH: a future is real
        )
    return reported(DataError(problems))
