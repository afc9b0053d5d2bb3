"""The "What changed" page's Markdown twin (/<lang>/changes/index.md), from the record's
views as the page shows them (render/history.py). Pure."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2.environment import TemplateModule

from ...text import i18n, urls
from ..history import FEED, Line, View, split_by_page, template_module
from ..history import title as history_title
from . import escape as md
from .twins import TWIN, Reader, document, heading


def years(twins: dict[str, str]) -> list[int]:
    """The years that have a "What changed" page, newest first, from the pages' twins."""
    return sorted((int(path.split("/")[1]) for path in twins if path.count("/") == 2), reverse=True)


def twins(reader: Reader, views: Sequence[View]) -> dict[str, str]:
    """The twin of each "What changed" page, by its path in the language's folder, as the
    pages split the record (render/history.py): the newest entries at changes/index.md, every
    year's at changes/<year>/index.md."""
    source = reader.status.source or reader.languages[0]
    titles = template_module(reader.language, reader.catalogs, source)
    split = split_by_page(views)
    years = [year for year, _ in split if year is not None]
    return {
        f"changes/{'' if year is None else f'{year}/'}{TWIN}": _twin(
            reader, titles, source, shown, year, years
        )
        for year, shown in split
    }


def _twin(
    reader: Reader,
    titles: TemplateModule,
    source: str,
    views: Sequence[View],
    year: int | None,
    years: list[int],
) -> str:
    """One "What changed" page's twin, newest first, with the page's title and introduction; a
    changed text shows its old and new words in the source language."""
    _ = reader.gettext
    base = urls.language_url(reader.root_url, reader.language)
    path = "changes/" if year is None else f"changes/{year}/"
    if year is None:
        title = _("What changed")
        intro = _(
            "The latest changes to the table, newest first: codes added and retired, changes "
            "of their meaning, and translations brought up to date. Every change is on its "
            "year's page."
        )
    else:
        title = _("What changed in %(year)s") % {"year": year}
        intro = _(
            "Every change to the table in %(year)s, newest first: codes added and retired, "
            "changes of their meaning, and translations brought up to date."
        ) % {"year": year}
    feed = md.link(_("Subscribe to the feed (Atom)"), f"{base}{FEED}")
    blocks = [
        "# " + md.literal(title),
        reader.language_line(path),
        " · ".join([f"{md.literal(intro)} {feed}", md.link(_("The full table"), reader.twin())]),
    ]
    if years:
        by_year = [md.link(str(each), reader.twin(f"changes/{each}/")) for each in years]
        blocks.append(f"{md.literal(_('Changes by year'))}: {' · '.join(by_year)}")
    if reader.forge is not None:
        blocks.append(md.link(_("The record this page is made from"), reader.forge.changes()))
    for view in views:
        said = history_title(view, titles)
        blocks.append(heading(2, f"{view.day}: {said}"))
        if view.first:  # the table's first publication: one line, as the page says it
            blocks.append(md.link(_("The full table"), reader.twin()))
            continue
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
