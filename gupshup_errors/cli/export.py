"""export and changes: the table, a translator's PO file and the record of changes, written to
standard output as UTF-8."""

from __future__ import annotations

import sys
from datetime import date

from ..builder.settings import Settings
from ..records import updates
from ..records.pages import commands as pages
from ..records.reading import read
from ..records.sources import Sources
from ..render import history as history_text
from ..render.export import document, formatted


def write_export(settings: Settings, fmt: str, language: str | None) -> int:
    """Write the table in `fmt` to standard output, in one language or every one."""
    languages = [language] if language else list(settings.languages)
    reading = read(Sources.of(settings))
    if fmt == "po" and language is not None:
        text = updates.export_po(
            reading.sources,
            reading.located,
            reading.review,
            language,
            settings.site_url,
            reading.date,
            pages.PageFiles.named_by(settings),
        )
    else:
        doc = document(reading.table, languages, settings.site_url, reading.status)
        text = formatted(doc, fmt, settings.catalogs)
    # Bytes, so that the output is UTF-8 whatever the terminal's locale says.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def list_changes(settings: Settings, since: date, language: str) -> int:
    """Print the record's entries since `since`, newest first, in `language`."""
    reading = read(Sources.of(settings))
    text = history_text.since(
        reading.history, reading.table, since, language, settings.site_url, settings.catalogs
    )
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0
