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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from markupsafe import escape as markup_escape

from ...data.located import Hold, Located
from ...data.model import ErrorTable, Status
from ...records import changes, published, reread, translated
from ...records.sources import Sources, warn_outdated
from ...render import changes_twin, export, history, twins
from ...render.forge import Forge
from ...render.pages import TABLE_SLOT, render_page
from ...text import urls
from .. import codepages, search
from ..dates import build_date
from ..settings import Settings
from ..twins import files as twinfiles
from .kept import Kept, LanguageParts

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
class State:
    """What the last build of the site read and rendered, for the next edit."""

    settings: Settings
    reading: reread.Reading
    review: translated.Review
    status: Status
    day: str
    hold: Hold | None
    new_codes: frozenset[int]
    named: frozenset[int]
    """The codes the record of changes lists: its page and feed show their names."""
    history: changes.Record
    languages: tuple[_Language, ...]
    data_lines: tuple[str, ...]
    """/errors.json, by line."""

    @classmethod
    def of(cls, kept: Kept, site: Path) -> State | None:
        """The state after a whole build that kept its parts; None if it cannot be one."""
        given = kept.site
        if given is None or given.data is None:
            return None
        reading = reread.reading(given.data, given.located)
        if reading is None:
            return None
        settings = given.settings
        record, _ = published.read(settings.published_file)
        hold = published.hold(record, require_recorded=given.require_recorded) if record else None
        known = Sources.of(settings).published_codes()
        table = given.located.table
        return cls(
            settings=settings,
            reading=reading,
            review=given.review,
            status=given.status,
            day=given.date.strftime("%Y-%m-%d"),
            hold=hold,
            new_codes=frozenset(row.code for row in table.codes if row.code not in known),
            named=frozenset(item.code for c in given.history.changes for item in c.items),
            history=given.history,
            languages=tuple(_Language.of(parts) for parts in kept.languages),
            data_lines=tuple((site / export.JSON_NAME).read_text("utf-8").split("\n")),
        )


def update(state: State, site: Path) -> State | None:
    """Apply the edit of the data file to `site`; None (nothing written) when only a whole
    build can: see the module's docstring."""
    settings = state.settings
    try:
        data = settings.data_file.read_bytes()
    except OSError:
        return None
    if build_date(settings.config_file, settings.data_file).strftime("%Y-%m-%d") != state.day:
        return None  # the sitemaps' dates change
    languages = settings.languages
    again = reread.reread(state.reading, data, str(settings.data_file), languages, state.hold)
    renamed = None if again is None else _renamed(state, again, site)
    if again is None or renamed is None:
        return None
    table = again.reading.located.table
    forge = twinfiles.forge(settings, again.reading.located)
    if forge is not None and _lines(state.reading.located) != forge.lines:
        return None  # every later entry's line moved: the links to them change
    review = translated.rereview(state.review, table, languages, state.new_codes)
    status = replace(review.status, dates=state.status.dates)
    flipped = state.status.outdated ^ status.outdated
    if any(code is None for code, _ in flipped):
        return None  # the title's note is on the page MkDocs renders
    warn_outdated(Sources.of(settings).outdated(review, again.reading.located))
    index = {row.code: at for at, row in enumerate(table.codes)} if flipped else {}
    files: dict[Path, bytes] = dict(renamed)
    done = []
    for language in state.languages:
        name = language.parts.language
        redo = {
            *again.changed,
            *(index[code] for code, lang in flipped if lang == name and code is not None),
        }
        made, written = _language(
            language, table, status, again.changed, sorted(redo), settings, forge
        )
        twin_files, twin_parts = _twins(
            state, language, table, status, again.changed, sorted(redo), forge
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
        state,
        reading=again.reading,
        review=review,
        status=status,
        languages=tuple(done),
        data_lines=lines,
    )


def _lines(located: Located) -> dict[int, int]:
    return {code: span.line for code, span in located.positions.entries.items()}


def _twins(
    state: State,
    language: _Language,
    table: ErrorTable,
    status: Status,
    changed: Sequence[int],
    redo: Sequence[int],
    forge: Forge | None,
) -> tuple[dict[str, bytes], twins.Made | None]:
    """One language's Markdown twins that the rows at `redo` change, made by the functions a
    whole build makes them with: the codes' (and their neighbours'), their sections of the
    table's twin and lines of the llms files; the "What changed" twin when it names an edited
    code. And what the next edit remakes them from."""
    made = language.parts.twins
    if made is None or not redo:
        return {}, made
    settings = state.settings
    name = language.parts.language
    reader = twins.Reader(
        name, settings.languages, settings.site_url, settings.catalogs, status, forge
    )
    codes = twins.code_twins(reader, table, [*redo, *_beside(changed, table)])
    files = {f"{anchor}/{twins.TWIN}": content for anchor, content in codes}
    listed, made = twinfiles.table_files(reader, table, made, redo)
    old = state.reading.located.table.codes  # the twin shows the names the record lists
    if any(
        table.codes[at].code in state.named
        and table.codes[at].texts[name].name != old[at].texts[name].name
        for at in changed
    ):
        views = history.views(state.history, table, name, settings.catalogs)
        made = replace(made, changes=changes_twin.twin(reader, views))
        listed[f"changes/{twins.TWIN}"] = made.changes
    files.update((path, text.encode("utf-8")) for path, text in listed.items())
    return files, made


def _renamed(state: State, again: reread.Reread, site: Path) -> dict[Path, bytes] | None:
    """The "What changed" page and feed of each language with the new name of every edited
    row the record lists; None when a name is not where it was expected.

    Both show a code's current name after its number, in HTML that MkDocs passes through
    as written (the page) and in the feed's escaped HTML: the name is replaced there."""
    old, new = state.reading.located.table.codes, again.reading.located.table.codes
    files: dict[Path, bytes] = {}
    for language in state.settings.languages:
        renamed = [
            (row.code, old[at].texts[language].name, row.texts[language].name)
            for at in again.changed
            if (row := new[at]).code in state.named
            and row.texts[language].name != old[at].texts[language].name
        ]
        if not renamed:
            continue
        base = urls.language_url(state.settings.site_url, language)
        for path, link_base, escape in (
            (site / language / "changes" / "index.html", "../", str),
            (site / language / history.FEED, base, xml_escape),
        ):
            text: str | None = path.read_text("utf-8")
            for code, was, now in renamed:
                text = _named(text, code, link_base, escape, was, now) if text else None
            if text is None:
                return None
            files[path] = text.encode("utf-8")
    return files


def _named(
    text: str, code: int, base: str, escape: Callable[[str], str], was: str, now: str
) -> str | None:
    """`text` with code's name `was` made `now` after each link to its row; None if none."""
    link = f'<a class="gs-change__code" href="{base}#{code}">{code}</a> '
    found = 0
    for follows in (":", "</li>"):
        old = escape(f"{link}{markup_escape(was)}{follows}")
        found += text.count(old)
        text = text.replace(old, escape(f"{link}{markup_escape(now)}{follows}"))
    return text if found else None


def _language(
    language: _Language,
    table: ErrorTable,
    status: Status,
    changed: Sequence[int],
    redo: Sequence[int],
    settings: Settings,
    forge: Forge | None = None,
) -> tuple[_Language, dict[str, bytes]]:
    """One language's files that the rows at `redo` change, by path under its folder."""
    if not redo:
        return language, {}
    parts, name = language.parts, language.parts.language
    rows = ErrorTable(table.anchor, table.title, tuple(table.codes[at] for at in redo))
    fresh = render_page(rows, name, settings.catalogs, status, forge=forge).table
    spliced = splice_rows(parts.table, fresh, [row.anchor for row in rows.codes])
    files = {"index.html": table_page(parts.page, spliced).encode("utf-8", "xmlcharrefreplace")}
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


def splice_rows(table: str, fresh: str, anchors: Sequence[str]) -> str:
    """The table's HTML with the rows of `anchors` (in the table's order) taken from `fresh`,
    a rendering of those rows alone."""
    pieces: list[str] = []
    at = 0
    for anchor in anchors:
        start, end = _row(table, anchor, at)
        new_start, new_end = _row(fresh, anchor, 0)
        pieces += (table[at:start], fresh[new_start:new_end])
        at = end
    pieces.append(table[at:])
    return "".join(pieces)


def _row(html: str, anchor: str, at: int) -> tuple[int, int]:
    # A text never holds '<' (it is escaped), so a row ends at the first '</tr>'.
    start = html.index(f'<tr id="{anchor}"', at)
    return start, html.index("</tr>", start) + len("</tr>")


def table_page(page: str, table: str) -> str:
    """The table page as the plugin finishes it: kept finished but for the table, which goes
    into its slot."""
    return page.replace(TABLE_SLOT, table, 1)


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
