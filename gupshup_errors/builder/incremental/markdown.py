"""One language's Markdown twins and llms files after an edit of the data, made by the
functions a whole build makes them with (builder/twins/files.py)."""

from __future__ import annotations

from dataclasses import replace

from ...records.reading import Reading
from ...render import history as changes_view
from ...render.markdown import changes as changes_twin
from ...render.markdown import twins
from ..settings import Settings
from ..twins import files as twinfiles
from .language import Edit, Language, page_indexes


def language_twins(
    language: Language,
    edit: Edit,
    redo: frozenset[int],
    now: Reading,
    renamed: bool,
    settings: Settings,
) -> tuple[dict[str, bytes], twins.Made | None]:
    """The twins the edit changes in `language`, by path under its folder, and what the next
    edit remakes them from. The twins of the codes in `redo` and of their neighbours; the
    table's twin and llms files (only the sections of `redo` made again, or all of them
    when codes came, went or moved, or the title changed); the "What changed" twins when
    `renamed` (a name they show changed)."""
    made = language.parts.twins
    structural = edit.reordered or edit.retitled
    if made is None or not (redo or structural or renamed):
        return {}, made
    table, name = edit.table, language.parts.language
    reader = twins.Reader(
        name, settings.languages, settings.site_url, settings.catalogs, edit.status, edit.forge
    )
    codes = twins.code_twins(reader, table, page_indexes(edit, redo))
    files = {f"{anchor}/{twins.TWIN}": content for anchor, content in codes}
    again = None if structural else [at for at, row in enumerate(table.codes) if row.code in redo]
    listed, made = twinfiles.table_files(reader, table, made, again)
    if renamed:
        views = changes_view.views(now.history, table, name, settings.catalogs)
        made = replace(made, changes=changes_twin.twins(reader, views))
        listed.update(made.changes)
    files.update((path, text.encode("utf-8")) for path, text in listed.items())
    return files, made
