"""What the commands that keep the records do: published codes, confirmed translations, a PO
file, an imported one, the editor's schema.

Files in, files out: each command (`publish`, `confirm_reviewed`, `import_file`,
`write_generated`, and `export_po`) reads the data and the records under the project's lock,
hands off to published.py, translated.py and po.py, and hands whole files to the one writer
(writer.py), which puts them in place together, or none at all. Each returns what to tell the
maintainer.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path

from ..data.load import load
from ..data.located import Located
from ..data.model import TEXT_FIELDS, ErrorTable
from ..data.problems import DataError, Problem
from ..text.paths import SitePaths
from ..text.writer import Writes, transaction
from . import audit, changes, po, published, sources, translated, yamledit
from .pages import commands as page_commands
from .pages import po as pages_po
from .pages.commands import PageFiles
from .pages.review import review as review_pages
from .pages.writing import import_pages
from .sources import Sources
from .translated import TITLE, TextKey


def record_changes(
    files: Sources,
    table: ErrorTable,
    when: date,
    out: Writes,
    brought: Collection[TextKey] = (),
) -> str | None:
    """Append to the record of changes what the data says that it does not yet (new codes,
    retirements, changed source texts), then the translations `brought` up to date. Returns
    what to tell the maintainer, if anything; a record that lost an entry raises DataError,
    as recording anew would date the code's history today."""
    record = changes.require(files.changes, files.languages)
    if record is not None:
        problems = audit.lost(record, table, files.published_codes())
        if problems:
            raise DataError(problems)
    new = changes.pending(record, table, files.languages[0], when)
    fresh = {item.code for change in new if change.kind == changes.ADDED for item in change.items}
    keys = [(key.code, key.field, key.language) for key in brought if key.code not in fresh]
    new += changes.translations(keys, when)
    if not new:
        return None
    before = files.changes.read_text("utf-8") if record is not None else None
    out.write(files.changes, changes.appended(before, new))
    said = ", ".join(f"{change.kind} {len(change.codes)}" for change in new)
    return f"{files.changes}: recorded ({said}) on {when.isoformat()}; commit it"


def _record(files: Sources) -> translated.Record | None:
    """The record, or None when there is none yet; a record that cannot be used raises."""
    if not files.translated.exists():
        return None
    content, problems = translated.read(files.translated, translated.CREATE)
    if content is None:
        raise DataError(problems)
    record, problems = translated.parse(
        content, str(files.translated), files.languages, TEXT_FIELDS
    )
    if problems:
        raise DataError(problems)
    return record


def confirm(
    files: Sources,
    table: ErrorTable,
    codes: Collection[str],
    languages: Collection[str],
    when: date,
    out: Writes,
) -> str:
    """Record the current source for the chosen translations (every one by default): the
    maintainer has reviewed them. Returns what to tell the maintainer."""
    record = _record(files)
    if record is not None:
        problems = translated.unknown_codes(record, table, str(files.data))
        if problems:
            raise DataError(problems)
    current = translated.sources(table, files.languages, TEXT_FIELDS)
    known = {str(row.code) for row in table.codes} | {TITLE}
    unknown = sorted(set(codes) - known)
    if unknown:
        raise DataError(
            [
                Problem(str(files.data), 1, 1, f"there is no code {code} in the data")
                for code in unknown
            ]
        )
    chosen = [
        key
        for key in current
        if (not codes or (TITLE if key.code is None else str(key.code)) in codes)
        and (not languages or key.language in languages)
    ]
    entries = translated.confirmed(record, current, chosen)
    before = files.translated.read_text("utf-8") if record is not None else None
    after = translated.render(entries)
    brought = [
        key
        for key in chosen
        if record is not None
        and (key not in record.entries or record.entries[key].value != current[key])
    ]
    history = record_changes(files, table, when, out, brought)
    if after == before:
        said = f"{files.translated}: up to date ({len(chosen)} translations checked)"
        return said + (f"\n{history}" if history else "")
    out.write(files.translated, after)
    changed = sum(
        1
        for key in chosen
        if record is None or key not in record.entries or record.entries[key].value != current[key]
    )
    noun = "translation" if changed == 1 else "translations"
    said = f"{files.translated}: recorded {changed} {noun} as current; commit it"
    return said + (f"\n{history}" if history else "")


def record_new_codes(
    files: Sources, table: ErrorTable, new_codes: Collection[int], out: Writes
) -> str | None:
    """Record the translations of codes published just now: they were written with their
    source. Returns what to tell the maintainer, if anything."""
    if not new_codes:
        return None
    record = _record(files)
    if record is None:
        return f"{files.translated} does not exist yet: run `make translated` to create it"
    current = translated.sources(table, files.languages, TEXT_FIELDS)
    chosen = [key for key in current if key.code in new_codes and key not in record.entries]
    if not chosen:
        return None
    out.write(files.translated, translated.render(translated.confirmed(record, current, chosen)))
    return f"{files.translated}: recorded the translations of the new codes"


def export_po(
    files: Sources,
    located: Located,
    review: translated.Review,
    language: str,
    site_url: str | None,
    date: datetime,
    pages: PageFiles | None = None,
) -> str:
    """The PO file for translators of `language`: the table's texts, then every page's blocks
    when `pages` says where they are."""
    if language == files.languages[0]:
        raise DataError(
            [
                Problem(
                    str(files.data),
                    1,
                    1,
                    f"'{language}' is the source language; export a language it is translated into",
                )
            ]
        )
    places = yamledit.places(located.positions)
    lines = {place: span.line for place, span in places.items()}
    add = None
    if pages is not None:
        docs, where = pages.docs(), pages.where
        overview = review_pages(docs, pages.held(), pages.languages, where)
        add = partial(pages_po.add, overview=overview, docs=docs, language=language, where=where)
    table = located.table
    return po.export(table, review, language, lines, str(files.data), site_url, date, add)


def import_po(
    files: Sources,
    located: Located,
    review: translated.Review,
    po_file: Path,
    when: date,
    out: Writes,
    pages: PageFiles | None = None,
) -> str:
    """Write the PO file's translations into the data (and the pages' into their translations,
    when `pages` says where they are) and record them as current; on any problem raise
    DataError and write nothing. Returns what to tell the translator."""
    try:
        content = po_file.read_bytes()
    except OSError as error:
        said = f"the file cannot be read: {error.strerror}"
        raise DataError([Problem(str(po_file), 1, 1, said)], str(po_file)) from None
    table = located.table
    problems: list[Problem] = []
    try:
        imported = po.read(content, str(po_file), table, files.languages, review.current)
        data_text = files.data.read_text("utf-8")
        spots = yamledit.spots(data_text, yamledit.places(located.positions))
        new_text, changed = po.apply(
            imported, data_text, spots, str(files.data), table, files.languages, str(po_file)
        )
    except DataError as error:
        problems += error.problems
    try:
        brought_pages = import_pages(pages, content, str(po_file)) if pages else None
    except DataError as error:
        problems += error.problems
    if problems:
        raise DataError(sorted(problems, key=lambda found: found.line), str(po_file))
    entries = translated.confirmed(review.record, review.current, imported.texts)
    stale = {item.key for item in review.stale}
    brought = [key for key in imported.texts if key in stale]
    if new_text != data_text:
        out.write(files.data, new_text)
    out.write(files.translated, translated.render(entries))
    told = [_summary(files, imported, changed)]
    told += [brought_pages.write(out)] if brought_pages else []
    history = record_changes(files, table, when, out, brought)
    return "\n".join(told + ([history] if history else []))


def _summary(files: Sources, imported: po.ImportedTexts, changed: list[TextKey]) -> str:
    said = [
        f"{files.data}: {len(changed)} {'text' if len(changed) == 1 else 'texts'} changed in "
        f"'{imported.language}'; {len(imported.texts)} recorded as translated from the current "
        "source"
    ]
    if imported.fuzzy or imported.empty:
        said.append(
            f"skipped {imported.fuzzy} fuzzy and {imported.empty} empty "
            f"{'entry' if imported.fuzzy + imported.empty == 1 else 'entries'}: "
            "translate them (and clear the fuzzy flag) to import them"
        )
    return "\n".join(said)


def _lock_folder(project: SitePaths) -> Path:
    return project.config_file.parent


def publish(project: SitePaths, when: date) -> str:
    """Add every new code and retirement to the published record, never dropping one; record
    the new codes' translations as current and every change of the data in the record of
    changes."""
    record_file = project.published_file
    with transaction(_lock_folder(project)) as out:
        exists = record_file.exists()
        # Without a record yet, the data alone decides; with one, it must still hold every code.
        table = (
            sources.load_table(project.data_file, project.languages, record_file)
            if exists
            else load(project.data_file, project.languages)
        )
        before = record_file.read_text("utf-8") if exists else None
        record = published.parse(before, str(record_file))[0] if before is not None else None
        after = published.render(record, table)
        # A new code's translations were written with it: they are translations of its source.
        new = {row.code for row in table.codes} - set(record.entries if record else ())
        files = Sources.of(project)
        said = record_new_codes(files, table, new if record else (), out)
        history = record_changes(files, table, when, out)
        if after == before:
            told = [f"{record_file}: up to date"]
        else:
            out.write(record_file, after)
            told = [f"{record_file}: updated; commit it with the change to the data"]
    told += [said] if said else []
    return "\n".join([*told, history or f"{project.changes_file}: up to date"])


def confirm_reviewed(
    project: SitePaths, named: Sequence[str], languages: Sequence[str], when: date
) -> str:
    """Record the current source for the reviewed translations: the codes' (or the title's)
    and the pages' named, every one when none is."""
    pages_named = [name for name in named if name.endswith(".md")]
    codes = [name for name in named if not name.endswith(".md")]
    told = []
    with transaction(_lock_folder(project)) as out:
        if codes or not pages_named:
            files = Sources.of(project)
            told.append(confirm(files, files.table(), codes, languages, when, out))
        if pages_named or not codes:
            page_files = PageFiles.named_by(project)
            told.append(page_commands.confirm(page_files, pages_named, languages, out))
    return "\n".join(told)


def import_file(project: SitePaths, po_file: Path, when: date) -> str:
    """Write a translator's PO file back into the data and the pages' translations; nothing is
    written on a problem."""
    with transaction(_lock_folder(project)) as out:
        files = Sources.of(project)
        located = files.located()
        review = files.review(located.table)
        page_files = PageFiles.named_by(project)
        return import_po(files, located, review, po_file, when, out, page_files)


def write_generated(project: SitePaths, path: Path, text: str) -> str:
    """Write a file generated from the model (the editor's schema, which render/ makes)."""
    with transaction(_lock_folder(project)) as out:
        out.write(path, text)
    return f"{path}: written"
