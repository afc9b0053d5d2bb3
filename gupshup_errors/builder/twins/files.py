"""The Markdown twins and the llms.txt files of one language, written into its build.

What they say is render/markdown/'s and render/prose/twin.py's; this module
only knows where each file goes. A code's twin goes into its page's folder, in the job that
writes the page (the folder is made or moved there first).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ...data.located import Located
from ...data.model import ErrorTable
from ...render.forge import Forge
from ...render.history import PAGE as CHANGES_PAGE
from ...render.markdown import changes as changes_twin
from ...render.markdown import llms, twins
from ...render.prose.codelinks import TABLE_PAGE as INTRO
from ...render.prose.twin import Source, absolute, page_twin
from .. import codepages, pagefiles
from ..settings import Settings

TWIN = twins.TWIN


def forge(settings: Settings, located: Located) -> Forge | None:
    """Where the repository's files are on its forge, each code's line in the data file with
    them; None without REPO_URL."""
    if not settings.repo_url:
        return None
    top = settings.config_file.resolve().parent
    return Forge(
        repo_url=settings.repo_url,
        branch=settings.repo_branch,
        data_file=repository_path(top, settings.data_file),
        changes_file=repository_path(top, settings.changes_file),
        lines={code: span.line for code, span in located.positions.entries.items()},
    )


def repository_path(top: Path, file: Path) -> str:
    """A file's path in the repository, whose top is `top` (mkdocs.yml's folder)."""
    return Path(os.path.relpath(file.resolve(), top.resolve())).as_posix()


def edit_url(forge: Forge | None, src_uri: str, read_from: Path | None, top: Path) -> str | None:
    """Where Material's edit button on a page leads: the file the page is made from (a code's
    page: its slot, filled with the line of each code's entry); None: no button."""
    if forge is None:
        return None
    if src_uri == INTRO:
        return forge.data()
    if src_uri == CHANGES_PAGE:
        return forge.changes()
    if src_uri == codepages.SHELL_URI:
        return str(codepages.SOURCE_SLOT)
    return forge.file(repository_path(top, read_from)) if read_from is not None else None


def write_codes(
    site: Path, reader: twins.Reader, table: ErrorTable, indexes: Iterable[int] | None = None
) -> None:
    """Each code's twin into its page's folder, unless it already holds these bytes."""
    for anchor, content in twins.code_twins(reader, table, indexes):
        pagefiles.rewritten(site / anchor / TWIN, content)


def made(
    reader: twins.Reader, sources: Sequence[Source], intro: str, changes: dict[str, str]
) -> twins.Made:
    """What the language's twins are made from besides the table: its pages (`sources`), the
    introduction's Markdown as written, and the "What changed" pages' twins."""
    addresses = {source.src_uri: source.path for source in sources}
    return twins.Made(
        intro=absolute(reader, intro, INTRO, addresses),
        listed=tuple(twins.Listed(item.title, item.path, item.description) for item in sources),
        pages={f"{item.path}{TWIN}": page_twin(reader, item, addresses) for item in sources},
        changes=changes,
    )


def table_files(
    reader: twins.Reader, table: ErrorTable, parts: twins.Made, redo: Iterable[int] | None = None
) -> tuple[dict[str, str], twins.Made]:
    """The files that list every code: the table's twin, llms.txt and llms-full.txt; and
    `parts` with each code's section and line in them. With `redo`, only the codes at those
    indexes are made again (the preview's quick rebuild), the others taken from `parts`."""
    if redo is None:
        sections = [twins.code_section(reader, row) for row in table.codes]
        items = [llms.code_item(reader, row) for row in table.codes]
    else:
        sections, items = list(parts.sections), list(parts.items)
        for at in redo:
            sections[at] = twins.code_section(reader, table.codes[at])
            items[at] = llms.code_item(reader, table.codes[at])
    table_twin = twins.table_twin(reader, table, parts.intro, parts.listed, sections)
    files = {
        TWIN: table_twin,
        llms.LLMS: llms.language_index(
            reader, table, parts.listed, items, changes_twin.years(parts.changes)
        ),
        llms.FULL: llms.full(table_twin, list(parts.pages.values())),
    }
    return files, replace(parts, sections=tuple(sections), items=tuple(items))


def language_files(
    reader: twins.Reader, table: ErrorTable, parts: twins.Made
) -> tuple[dict[str, str], twins.Made]:
    """Every twin of the language but the codes', and its llms.txt and llms-full.txt, by their
    path in the language's folder; and `parts` with what the preview needs to remake them."""
    listing, made = table_files(reader, table, parts)
    return {**parts.changes, **parts.pages, **listing}, made


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
