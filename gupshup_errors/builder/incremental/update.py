"""An edit of the data file alone, applied to the built site: only the files it changes are
rewritten, each replaced whole, with the bytes a whole build would write.

What an edited row changes: its row in each language's table page, its code page and its
neighbours' (which show its name), its search document, its line of /errors.json, its name on
the "What changed" page and in its feed, and, when a source text changed, the outdated notes
of its translations. Whatever else an edit may change (the head of the file, the set of codes,
the build's date) is left to a whole build: `update` then answers None and writes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ...data import reread
from ...data.located import Hold, Located
from ...data.model import ErrorTable, Status
from ...records import published, translated
from ...records.dates import build_date
from ...records.reading import Reading
from ...records.sources import warn_outdated
from ...render import export
from ...render import history as changes_view
from ...render.forge import Forge
from ...render.markdown import changes as changes_twin
from ...render.markdown import twins
from ...render.pages import render_rows, with_table
from .. import codepages, search
from ..settings import Settings
from ..twins import files as twinfiles
from .kept import LanguageParts, SiteBuilt

log = logging.getLogger("gupshup_errors.serve")


def _json(value: object) -> str:
    # As the plugin writes the search index: compact, the text as it is.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class _Language:
    """One language's parts, and its search index cut into its documents."""

    parts: LanguageParts
    head: str
    """The index's JSON up to its first document."""
    docs: tuple[str, ...]
    """Each document's JSON, the codes' last."""

    @classmethod
    def of(cls, parts: LanguageParts) -> _Language:
        if parts.index is None:
            return cls(parts, "", ())
        head = _json({"config": parts.index["config"], "docs": []})[: -len("]}")]
        return cls(parts, head, tuple(_json(doc) for doc in parts.index["docs"]))

    def index_text(self) -> str:
        return f"{self.head}{','.join(self.docs)}]}}"


@dataclass(frozen=True)
class PreviewState:
    """What the last build of the site read and rendered, for the next edit."""

    settings: Settings
    snapshot: reread.Snapshot
    reading: Reading
    hold: Hold | None
    new_codes: frozenset[int]
    named: frozenset[int]
    """The codes the record of changes lists: its page and feed show their names."""
    languages: tuple[_Language, ...]
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
        known = reading.sources.published_codes()
        return cls(
            settings=built.settings,
            snapshot=snapshot,
            reading=reading,
            hold=hold,
            new_codes=frozenset(row.code for row in reading.table.codes if row.code not in known),
            named=frozenset(changes_view.listing(reading.history)),
            languages=tuple(_Language.of(parts) for parts in built.languages),
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
    renamed = None if again is None else _renamed(state, again, site)
    if again is None or renamed is None:
        return None
    located = again.snapshot.located
    table = located.table
    forge = twinfiles.forge(settings, located)
    if forge is not None and _lines(was.located) != forge.lines:
        return None  # every later entry's line moved: the links to them change
    review = translated.rereview(was.review, table, languages, state.new_codes)
    status = replace(review.status, dates=was.status.dates)
    flipped = was.status.outdated ^ status.outdated
    if any(code is None for code, _ in flipped):
        return None  # the title's note is on the page MkDocs renders
    reading = replace(was, located=located, review=review, status=status, data=data)
    warn_outdated(reading.outdated())
    index = {row.code: at for at, row in enumerate(table.codes)} if flipped else {}
    files: dict[Path, bytes] = dict(renamed)
    done = []
    for language in state.languages:
        name = language.parts.language
        redo = {
            *again.changed,
            *(index[code] for code, lang in flipped if lang == name and code is not None),
        }
        redone = _language(language, was, reading, again.changed, sorted(redo), settings, forge)
        if redone is None:
            return None
        made, written = redone
        twin_files, twin_parts = _twins(
            state, language, reading, again.changed, sorted(redo), forge
        )
        written.update(twin_files)
        done.append(replace(made, parts=replace(made.parts, twins=twin_parts)))
        files.update((site / name / path, content) for path, content in written.items())
    rows = sorted({*again.changed, *(index[code] for code, _ in flipped if code is not None)})
    lines = _data_lines(state.data_lines, table, rows, settings, status)
    if rows:
        files[site / export.JSON_NAME] = "\n".join(lines).encode("utf-8")
    write(files)
    log.info("Rewrote %d files: what the edit changed", len(files))
    return replace(
        state, snapshot=again.snapshot, reading=reading, languages=tuple(done), data_lines=lines
    )


def _day(when: datetime) -> str:
    return when.strftime("%Y-%m-%d")


def _lines(located: Located) -> dict[int, int]:
    return {code: span.line for code, span in located.positions.entries.items()}


def _twins(
    state: PreviewState,
    language: _Language,
    now: Reading,
    changed: Sequence[int],
    redo: Sequence[int],
    forge: Forge | None,
) -> tuple[dict[str, bytes], twins.Made | None]:
    """One language's Markdown twins that the rows at `redo` change, made by the functions a
    whole build makes them with: the codes' (and their neighbours'), their sections of the
    table's twin and lines of the llms files; the "What changed" twin when a name it shows
    changed. And what the next edit remakes them from."""
    made = language.parts.twins
    if made is None or not redo:
        return {}, made
    settings, table = state.settings, now.table
    name = language.parts.language
    reader = twins.Reader(
        name, settings.languages, settings.site_url, settings.catalogs, now.status, forge
    )
    codes = twins.code_twins(reader, table, [*redo, *_beside(changed, table)])
    files = {f"{anchor}/{twins.TWIN}": content for anchor, content in codes}
    listed, made = twinfiles.table_files(reader, table, made, redo)
    old = state.reading.table.codes  # the twin shows the names the record lists
    if any(
        table.codes[at].code in state.named
        and table.codes[at].texts[name].name != old[at].texts[name].name
        for at in changed
    ):
        views = changes_view.views(now.history, table, name, settings.catalogs)
        made = replace(made, changes=changes_twin.twins(reader, views))
        listed.update(made.changes)
    files.update((path, text.encode("utf-8")) for path, text in listed.items())
    return files, made


def _renamed(state: PreviewState, again: reread.Reread, site: Path) -> dict[Path, bytes] | None:
    """The "What changed" pages and feed of each language where an edited row the record
    lists changed its name; None when an entry is not where it was expected.

    The feed is made again, as the whole build makes it; on the pages (whose bodies go in
    after MkDocs renders them), each entry whose names changed is put in place of the old,
    both from the template: on its year's page, and on the newest entries' if it is one."""
    old, new = state.snapshot.located.table, again.snapshot.located.table
    settings, history = state.settings, state.reading.history
    source = settings.languages[0]
    files: dict[Path, bytes] = {}
    for language in settings.languages:
        if not any(
            (row := new.codes[at]).code in state.named
            and row.texts[language].name != old.codes[at].texts[language].name
            for at in again.changed
        ):
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


def _language(
    language: _Language,
    was: Reading,
    now: Reading,
    changed: Sequence[int],
    redo: Sequence[int],
    settings: Settings,
    forge: Forge | None = None,
) -> tuple[_Language, dict[str, bytes]] | None:
    """One language's files that the rows at `redo` change, by path under its folder; None
    when a row is not where it was expected. The rows are rendered as the whole table renders
    them, before the edit and after, and the new put in place of the old."""
    if not redo:
        return language, {}
    parts, name = language.parts, language.parts.language
    table, status, catalogs = now.table, now.status, settings.catalogs
    before, after = render_rows(
        name,
        catalogs,
        ([was.table.codes[at] for at in redo], was.status),
        ([table.codes[at] for at in redo], status),
        forge=forge,
    )
    spliced = parts.table
    for old_row, new_row in zip(before, after, strict=True):
        if old_row not in spliced:
            return None
        spliced = spliced.replace(old_row, new_row, 1)
    files = {"index.html": with_table(parts.page, spliced).encode("utf-8", "xmlcharrefreplace")}
    pages = codepages.pages(
        parts.shell,
        table,
        name,
        settings.catalogs,
        status,
        [*redo, *_beside(changed, table)],
        forge,
    )
    files.update((f"{page.anchor}/index.html", page.html) for page in pages)
    docs = language.docs
    if docs:
        first = len(docs) - len(table.codes)
        edited = list(docs)
        for at in changed:
            edited[first + at] = _json(search.code_document(table.codes[at], name))
        docs = tuple(edited)
        files["search/search_index.json"] = replace(language, docs=docs).index_text().encode()
    return replace(language, parts=replace(parts, table=spliced), docs=docs), files


def _beside(changed: Sequence[int], table: ErrorTable) -> list[int]:
    """The rows next to the changed ones: their pages link to them by name."""
    return [at + step for at in changed for step in (-1, 1) if 0 <= at + step < len(table.codes)]


def _data_lines(
    lines: tuple[str, ...],
    table: ErrorTable,
    rows: Sequence[int],
    settings: Settings,
    status: Status,
) -> tuple[str, ...]:
    """/errors.json's lines with those of the rows at `rows` made again."""
    if not rows:
        return lines
    first = lines.index(export.CODES_LINE) + 1
    edited = list(lines)
    chosen = ErrorTable(table.anchor, table.title, tuple(table.codes[at] for at in rows))
    document = export.document(chosen, settings.languages, settings.site_url, status)
    last = len(table.codes) - 1
    for at, code in zip(rows, document["codes"], strict=True):
        edited[first + at] = export.code_line(code) + ("," if at < last else "")
    return tuple(edited)


def write(files: Mapping[Path, bytes]) -> None:
    """Each file replaced whole: a reader gets the old file or the new, never a part."""
    for path, content in files.items():
        temporary = path.with_name(f".{path.name}.gupshup-new")
        temporary.write_bytes(content)
        temporary.replace(path)
