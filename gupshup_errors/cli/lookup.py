"""lookup: a code's texts and links for a person at a terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..builder.settings import Settings
from ..records.reading import read
from ..records.sources import Sources
from ..render.lookup import described
from ..text import urls
from ..text.suggest import similar


def lookup(settings: Settings, codes: Sequence[int], language: str) -> int:
    """Print each code's name, API message, action, row link and page; an unknown code is an
    error."""
    reading = read(Sources.of(settings))
    table, outdated = reading.table, reading.review.status
    status = 0
    for number in codes:
        row = table.find(number)
        if row is None:
            close = similar(number, (row.code for row in table.codes))
            hint = f"; did you mean {' or '.join(map(str, close))}?" if close else ""
            print(
                f"error: there is no code {number} in {settings.data_file}{hint}\n"
                f"    every code: {urls.language_url(settings.site_url, language)}",
                file=sys.stderr,
            )
            status = 1
            continue
        lines = described(row, language)
        if outdated.row(row.code, language):
            original = urls.anchor_url(settings.site_url, outdated.source, row.anchor)
            lines += (
                f"\n  may be out of date: the '{outdated.source}' text changed after this "
                f"translation was made; the original: {original}"
            )
        url = urls.anchor_url(settings.site_url, language, row.anchor)
        page = urls.code_page_url(settings.site_url, language, row.anchor)
        print(f"{lines}\n  {url}\n  {page}")
    return status
