"""An edit of the data file alone, applied to the built site: only the files it changes are
rewritten, each replaced whole, with the bytes a whole build would write.

What an edited row changes: its row in each language's table page, its code page and its
neighbours' (which show its name), its search document, its line of /errors.json, its name on
the "What changed" page and in its feed, and, when a source text changed, the outdated notes
of its translations. A code added, removed or moved changes the table page's count too, the
pages of the codes beside it, the sitemaps and the 404 page (which knows every code); a
removed code's folder is deleted. The Markdown twins follow: the codes' and their neighbours',
the table's, the llms files (all of /<lang>/llms.txt, /llms.txt and llms-full.txt made again
when codes came, went or moved, or the title changed), and the "What changed" twins when a
name they show changed. With REPO_URL, an edit that moves the entries' lines changes the links
to every later one and is left to a whole build, as is whatever else an edit may change (the
head of the file, the build's date): `update` then answers None and writes nothing.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ...data import reread
from ...data.located import Hold, Located
from ...data.model import ErrorTable
from ...records import published, translated
from ...records.dates import build_date
from ...records.reading import Reading
from ...records.sources import warn_outdated
from ...render import export
from ...render import history as changes_view
from ...render.pages import alternates, render_not_found
from ...render.root import root_llms
from ..settings import Settings
from ..twins import files as twinfiles
from .kept import SiteBuilt
from .language import Edit, Language
from .markdown import language_twins

log = logging.getLogger("gupshup_errors.serve")


@dataclass(frozen=True)
class PreviewState:
    """What the last build of the site read and rendered, for the next edit."""

    settings: Settings
    snapshot: reread.Snapshot
    reading: Reading
    hold: Hold | None
    known: frozenset[int]
    """The codes the published record lists: the others are new."""
    named: frozenset[int]
    """The codes the record of changes lists: its page and feed show their names."""
    languages: tuple[Language, ...]
    data_lines: tuple[str, ...]
    """/errors.json, by line."""

    @classmethod
    def of(cls, built: SiteBuilt, site: Path) -> PreviewState | None:
        """The state after a whole preview build; None if it cannot be one."""
        reading = built.reading
        if reading.data is None or not built.languages:
            return None
        snapshot = reread.snapshot(reading.data, reading.located)
        if snapshot is None:
            return None
        record, _ = published.read(reading.sources.published)
        hold = published.hold(record, require_recorded=reading.require_recorded) if record else None
        return cls(
            settings=built.settings,
            snapshot=snapshot,
            reading=reading,
            hold=hold,
            known=frozenset(reading.sources.published_codes()),
            named=frozenset(changes_view.listing(reading.history)),
            languages=tuple(Language.of(parts) for parts in built.languages),
            data_lines=tuple((site / export.JSON_NAME).read_text("utf-8").split("\n")),
        )


def update(state: PreviewState, site: Path) -> PreviewState | None:
    """Apply the edit of the data file to `site`; None (nothing written) when only a whole
    build can: see the module's docstring."""
    settings, was = state.settings, state.reading
    try:
        data = settings.data_file.read_bytes()
    except OSError:
        return None
    if _day(build_date(settings.config_file, settings.data_file)) != _day(was.date):
        return None  # the sitemaps' dates change
    languages = settings.languages
    again = reread.reread(state.snapshot, data, str(settings.data_file), languages, state.hold)
    reading = None if again is None else _reading(state, again, data)
    renamed = None if again is None or reading is None else _renamed(state, reading, site)
    if again is None or reading is None or renamed is None:
        return None
    table = reading.table
    forge = twinfiles.forge(settings, reading.located)
    if forge is not None and _lines(was.located) != forge.lines:
        return None  # every later entry's line moved: the links to them change
    flipped = was.status.outdated ^ reading.status.outdated
    if any(code is None for code, _ in flipped):
        return None  # the title's note is on the page MkDocs renders
    warn_outdated(reading.outdated())
    changed = frozenset(table.codes[at].code for at in again.changed)
    edit = Edit(
        was.table,
        table,
        reading.status,
        was.date,
        changed,
        again.reordered,
        again.retitled,
        forge,
    )
    files: dict[Path, bytes] = dict(renamed)
    done = []
    for language in state.languages:
        name = language.parts.language
        redo = changed | {code for code, lang in flipped if lang == name and code is not None}
        redone = language.redo(edit, frozenset(redo), settings)
        if redone is None:
            return None
        made, written = redone
        renamed_here = _names(was.table, name, state.named) != _names(table, name, state.named)
        twin_files, twin_parts = language_twins(
            language, edit, frozenset(redo), reading, renamed_here, settings
        )
        written.update(twin_files)
        done.append(replace(made, parts=replace(made.parts, twins=twin_parts)))
        files.update((site / name / path, content) for path, content in written.items())
    rows = changed | {code for code, _ in flipped if code is not None}
    lines = _data_lines(state.data_lines, edit, rows, settings)
    if lines != state.data_lines:
        files[site / export.JSON_NAME] = "\n".join(lines).encode("utf-8")
    if again.reordered or again.retitled:
        files[site / "404.html"] = _not_found(table, settings)
        llms_root = root_llms(
            table, languages, settings.site_url, settings.catalogs, reading.status
        )
        files[site / "llms.txt"] = llms_root.encode("utf-8")
    write(files, _removed(was.table, table, site, languages))
    log.info("Rewrote %d files: what the edit changed", len(files))
    return replace(
        state, snapshot=again.snapshot, reading=reading, languages=tuple(done), data_lines=lines
    )


def _reading(state: PreviewState, again: reread.Reread, data: bytes) -> Reading | None:
    """The reading after the edit: the data read again, its translations reviewed again
    (None when the record of translations names a code the edit removed)."""
    was, located = state.reading, again.snapshot.located
    table = located.table
    codes = {row.code for row in table.codes}
    if any(key.code is not None and key.code not in codes for key in was.review.record.entries):
        return None  # a whole reading reports it
    new_codes = codes - state.known
    review = translated.rereview(was.review, table, state.settings.languages, new_codes)
    status = replace(review.status, dates=was.status.dates)
    return replace(was, located=located, review=review, status=status, data=data)


def _not_found(table: ErrorTable, settings: Settings) -> bytes:
    """The site's 404 page, as the root files make it: it knows every code."""
    links = alternates(settings.site_url, settings.languages, settings.catalogs)
    return render_not_found(table, links, settings.site_url, settings.catalogs).encode("utf-8")


def _removed(old: ErrorTable, new: ErrorTable, site: Path, languages: Sequence[str]) -> list[Path]:
    """The folders of the pages of codes the edit removed, in every language."""
    kept = {row.anchor for row in new.codes}
    return [
        site / language / row.anchor
        for row in old.codes
        if row.anchor not in kept
        for language in languages
    ]


def _day(when: datetime) -> str:
    return when.strftime("%Y-%m-%d")


def _lines(located: Located) -> dict[int, int]:
    return {code: span.line for code, span in located.positions.entries.items()}


def _renamed(state: PreviewState, reading: Reading, site: Path) -> dict[Path, bytes] | None:
    """The "What changed" pages and feed of each language where an edited row the record
    lists changed its name; None when an entry is not where it was expected.

    The feed is made again, as the whole build makes it; on the pages (whose bodies go in
    after MkDocs renders them), each entry whose names changed is put in place of the old,
    both from the template: on its year's page, and on the newest entries' if it is one."""
    old, new = state.reading.table, reading.table
    settings, history = state.settings, state.reading.history
    source = settings.languages[0]
    files: dict[Path, bytes] = {}
    for language in settings.languages:
        if _names(old, language, state.named) == _names(new, language, state.named):
            continue
        was = changes_view.views(history, old, language, settings.catalogs)
        now = changes_view.views(history, new, language, settings.catalogs)
        edited: dict[str, list[tuple[changes_view.View, changes_view.View]]] = {}
        for at, (before, after) in enumerate(zip(was, now, strict=True)):
            if before != after:
                for file in changes_view.files_showing(before, at):
                    edited.setdefault(file, []).append((before, after))
        for file, pairs in sorted(edited.items()):
            page = site / language / file
            base = changes_view.table_base(file, settings.site_url, language)
            olds, news = (
                changes_view.entries_html(shown, language, source, settings.catalogs, base)
                for shown in ([b for b, _ in pairs], [a for _, a in pairs])
            )
            text = page.read_text("utf-8")
            for before_html, after_html in zip(olds, news, strict=True):
                if before_html not in text:
                    return None
                text = text.replace(before_html, after_html)
            files[page] = text.encode("utf-8")
        feed = changes_view.feed(now, language, source, settings.site_url, settings.catalogs)
        files[site / language / changes_view.FEED] = feed.encode("utf-8")
    return files


def _names(table: ErrorTable, language: str, codes: frozenset[int]) -> dict[int, str]:
    return {row.code: row.texts[language].name for row in table.codes if row.code in codes}


def _data_lines(
    lines: tuple[str, ...], edit: Edit, rows: frozenset[int], settings: Settings
) -> tuple[str, ...]:
    """/errors.json's lines with those of the codes in `rows` made again, and the codes'
    lines in the table's order."""
    if not rows and not edit.reordered and not edit.retitled:
        return lines
    first = lines.index(export.CODES_LINE) + 1
    if edit.retitled:  # the head, as the document of a table without codes begins
        heading = ErrorTable(edit.table.anchor, edit.table.title, ())
        empty = export.to_json(
            export.document(heading, settings.languages, settings.site_url, edit.status)
        ).split("\n")
        head = empty[: empty.index(export.CODES_LINE) + 1]
        lines, first = (*head, *lines[first:]), len(head)
    old, table = edit.before.codes, edit.table
    kept = {
        row.code: line.removesuffix(",")
        for row, line in zip(old, lines[first : first + len(old)], strict=True)
    }
    chosen = tuple(row for row in table.codes if row.code in rows)
    document = export.document(
        ErrorTable(table.anchor, table.title, chosen),
        settings.languages,
        settings.site_url,
        edit.status,
    )
    kept.update(
        (row.code, export.code_line(code))
        for row, code in zip(chosen, document["codes"], strict=True)
    )
    codes = [kept[row.code] for row in table.codes]
    return (
        *lines[:first],
        *(f"{line}," for line in codes[:-1]),
        *codes[-1:],
        *lines[first + len(old) :],
    )


def write(files: Mapping[Path, bytes], removed: Sequence[Path] = ()) -> None:
    """Each file replaced whole: a reader gets the old file or the new, never a part; the
    `removed` folders deleted."""
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.gupshup-new")
        temporary.write_bytes(content)
        temporary.replace(path)
