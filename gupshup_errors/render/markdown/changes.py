"""The "What changed" page's Markdown twin (/<lang>/changes/index.md), from the record's
views as the page shows them (render/history.py). Pure."""

from __future__ import annotations

from collections.abc import Sequence

from ...text import i18n, urls
from ..history import FEED, Line, View
from ..history import title as history_title
from ..pages import localized
from . import escape as md
from .twins import Reader, document, heading


def twin(reader: Reader, views: Sequence[View]) -> str:
    """The twin of the "What changed" page (/<lang>/changes/index.md), newest first; a changed
    text shows its old and new words in the source language."""
    _ = reader.gettext
    source = reader.status.source or reader.languages[0]
    titles = (
        localized(reader.language, reader.catalogs)
        .get_template("changes.html.j2")
        .make_module({"source": source, "source_name": ""})
    )
    base = urls.language_url(reader.root_url, reader.language)
    intro = md.literal(
        _(
            "Every change to the table, newest first: codes added and retired, changes of "
            "their meaning, and translations brought up to date."
        )
    )
    feed = md.link(_("Subscribe to the feed (Atom)"), f"{base}{FEED}")
    blocks = [
        "# " + md.literal(_("What changed")),
        reader.language_line("changes/"),
        " · ".join([f"{intro} {feed}", md.link(_("The full table"), reader.twin())]),
    ]
    if reader.forge is not None:
        blocks.append(md.link(_("The record this page is made from"), reader.forge.changes()))
    for view in views:
        said = history_title(view, titles)
        blocks.append(heading(2, f"{view.day}: {said}"))
        blocks.append("\n".join(_change_line(reader, line, source) for line in view.lines))
    if not views:
        blocks.append(md.literal(_("Nothing has changed yet.")))
    return document(blocks)


def _change_line(reader: Reader, line: Line, source: str) -> str:
    _ = reader.gettext
    item = f"- {md.link(str(line.code), reader.code_twin(str(line.code)))} {md.one_line(line.name)}"
    if line.was is not None:
        name = i18n.language_name_in(source, reader.language)
        item += (
            f": {md.literal(line.field, line_start=False)} ({md.literal(name, line_start=False)})"
        )
        for words, text in ((_("Was"), line.was), (_("Now"), line.now or "")):
            said = md.literal(text, line_start=False).replace("\n", "\n    ")
            item += f"\n  - {md.literal(words, line_start=False)}: {said}"
    elif line.language:
        item += f": {md.literal(f'{line.field}, {line.language}', line_start=False)}"
    return item
