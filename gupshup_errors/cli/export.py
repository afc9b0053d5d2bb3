"""export and changes: the table, a translator's PO file and the record of changes, written to
standard output as UTF-8."""

from __future__ import annotations

import sys
from datetime import date

from ..builder.settings import Settings
from ..records import dates, updates
from ..records.pages import commands as pages
from ..records.sources import Sources
from ..render import history as history_text
from ..render.export import document, formatted


def write_export(settings: Settings, fmt: str, language: str | None) -> int:
    """Write the table in `fmt` to standard output, in one language or every one."""
    languages = [language] if language else list(settings.languages)
    files = Sources.of(settings)
    located = files.located()
    table = located.table
    review = files.review(table)
    status = files.status(review, files.history(table))
    if fmt == "po" and language is not None:
        date, url = dates.build_date(settings.config_file, settings.data_file), settings.site_url
        text = updates.export_po(
            files, located, review, language, url, date, pages.PageFiles.named_by(settings)
        )
    else:
        doc = document(table, languages, settings.site_url, status)
        text = formatted(doc, fmt, settings.catalogs)
    # Bytes, so that the output is UTF-8 whatever the terminal's locale says.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def list_changes(settings: Settings, since: date, language: str) -> int:
    """Print the record's entries since `since`, newest first, in `language`."""
    files = Sources.of(settings)
    table = files.table()
    history = files.history(table)
    text = history_text.since(history, table, since, language, settings.site_url, settings.catalogs)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0
