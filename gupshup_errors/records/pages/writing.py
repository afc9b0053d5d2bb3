"""What a PO import writes for pages: each translated page's new text, from its translation
when its blocks still match the source's one by one, else from the source, and the record;
nothing until every entry is checked, then every file through the writer."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from babel.messages.pofile import PoFileError, read_po

from ...data.problems import DataError, Problem
from ...text.writer import Writes
from . import blocks, po, record, tree
from .blocks import CODE, Page, normalized
from .commands import PageFiles
from .po import ImportedPages, exported
from .rebuild import rebuilt
from .review import Overview, align, review


@dataclass(frozen=True)
class Written:
    """An import's outcome for pages: the files to write (relative to the docs folder) and the
    record's new entries."""

    files: Mapping[str, str]
    entries: Mapping[record.BlockKey, str]


def _page(
    page: str,
    texts: Mapping[int, str],
    overview: Overview,
    docs: Mapping[str, str],
    language: str,
    held: record.Record,
) -> tuple[str, dict[record.BlockKey, str]]:
    """One page's translation written with the imported texts, and its record lines."""
    source = blocks.split(docs[page])
    item = next(t for t in overview.translations if (t.page, t.language) == (page, language))
    pairs = item.pairs or tuple(align(source.blocks, {})[0])
    own_text = docs.get(item.file) if item.file else None
    own = blocks.split(own_text) if own_text is not None else None
    was = record.blocks_of(held, page, language)
    in_step = own is not None and len(own.blocks) == len(source.blocks)
    in_step = in_step and all(pair.recorded in (pair.number, None) for pair in pairs)

    def key(number: int) -> record.BlockKey:
        return record.BlockKey(page, language, number)

    current = {number: block.words for number, block in enumerate(source.blocks, start=1)}
    if own_text is not None and own is not None and in_step:
        entries = {key(number): text for number, text in was.items()}
        # What translators never get (raw HTML, empty cells) is current once it is the same.
        entries |= {
            key(p.number): current[p.number]
            for p in pairs
            if not exported(p) and own.blocks[p.number - 1].words == p.block.words
        }
        entries |= {key(number): current[number] for number in texts}
        return rebuilt(own_text, own, _changed(own, texts)), entries
    kept = {
        pair.number: own.blocks[pair.recorded - 1].text
        for pair in pairs
        if own is not None and pair.recorded is not None and pair.recorded <= len(own.blocks)
    }
    entries = {key(p.number): p.was for p in pairs if p.number in kept and p.was is not None}
    entries |= {key(p.number): current[p.number] for p in pairs if not exported(p)}
    entries |= {key(number): current[number] for number in texts}
    return rebuilt(docs[page], source, kept | dict(texts), _front_matter(own_text, own)), entries


def _changed(own: Page, texts: Mapping[int, str]) -> dict[int, str]:
    """The imported texts that say something else than the translation's block: a block that
    only comes back as it was keeps its lines (its wrapping), so an untouched file changes no
    byte."""
    return {
        number: text
        for number, text in texts.items()
        if own.blocks[number - 1].words != _words(text, own.blocks[number - 1].kind)
    }


def _words(text: str, kind: str) -> str:
    """An imported text as a block of `kind` holds it in one line (code keeps its breaks)."""
    return text.rstrip("\n") if kind == CODE else normalized(text)


def _front_matter(text: str | None, page: Page | None) -> list[str] | None:
    """The lines of a translation's own front matter (its `---` lines included), if it has
    one: kept when the translation is written anew from its source."""
    if text is None or page is None or page.front_matter_lines is None:
        return None
    start, end = page.front_matter_lines
    return text.split("\n")[start:end]


def _fits(text: str, source: Page, texts: Mapping[int, str]) -> list[int]:
    """The imported blocks that did not come out as written (none, unless markdown-it reads
    the new page otherwise than its blocks say)."""
    found = blocks.split(text).blocks
    if len(found) != len(source.blocks):
        return sorted(texts)
    wrong = []
    for number, want in texts.items():
        block = found[number - 1]
        if block.kind != source.blocks[number - 1].kind or block.words != _words(want, block.kind):
            wrong.append(number)
    return wrong


def written(
    imported: ImportedPages,
    overview: Overview,
    docs: Mapping[str, str],
    language: str,
    held: record.Record,
    po_file: str,
) -> tuple[Written, list[Problem]]:
    """The pages' new texts and the record's new entries, or where the PO file's texts could
    not be written into their pages."""
    out: dict[str, str] = {}
    entries = {
        k: e.value
        for k, e in held.entries.items()
        if k.language != language or k.page not in imported.texts
    }
    problems: list[Problem] = []
    for page, texts in sorted(imported.texts.items()):
        text, own = _page(page, texts, overview, docs, language, held)
        for number in _fits(text, blocks.split(docs[page]), texts):
            line = imported.lines[(page, number)]
            said = f"the text cannot be written into block {number} of {page} as it is"
            hint = "translate the words only, on one line"
            problems.append(Problem(po_file, line, 1, said, language=language, hint=hint))
        out[tree.translation_name(page, language)] = text
        entries |= own
    return Written(out, entries), problems


@dataclass(frozen=True)
class PageImport:
    """What a PO file brings to the pages, checked, ready to write."""

    pages: PageFiles
    written: Written
    imported: ImportedPages

    def write(self, out: Writes) -> str:
        """Write every page translation and the record through `out`. Returns what to tell
        the translator."""
        for name, text in self.written.files.items():
            out.write(self.pages.docs_dir / name, text)
        if self.written.files:
            out.write(self.pages.record_file, record.render(self.written.entries))
        count = len(self.written.files)
        blocks_in = sum(len(texts) for texts in self.imported.texts.values())
        noun = "translation" if count == 1 else "translations"
        said = [
            f"{self.pages.where.docs}/: {count} page {noun} written ({blocks_in} blocks "
            "recorded as translated from the current source)"
        ]
        skipped = self.imported.fuzzy + self.imported.empty
        if skipped:
            said.append(
                f"pages: skipped {self.imported.fuzzy} fuzzy and {self.imported.empty} empty "
                f"{'entry' if skipped == 1 else 'entries'}"
            )
        return "\n".join(said)


def import_pages(pages: PageFiles, content: bytes, po_file: str) -> PageImport | None:
    """The page entries of a PO file, checked against the pages and written in memory; None
    when it has none, or is no PO file of a translation language (the table's import says why).
    Raises DataError, located at the PO file's lines, when an entry is refused."""
    try:
        catalog = read_po(io.BytesIO(content), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError):
        return None
    language = str(catalog.locale) if catalog.locale else ""
    if language not in pages.languages[1:]:
        return None
    docs, held = pages.docs(), pages.held()
    overview = review(docs, held, pages.languages, pages.where)
    sources = {page: docs[page] for page in overview.pages}
    imported, problems = po.read(catalog, sources, language, po_file)
    if not (problems or imported.texts or imported.fuzzy or imported.empty):
        return None  # a PO file of the table's texts only
    if not problems:
        out, problems = written(imported, overview, docs, language, held, po_file)
    if problems:
        raise DataError(problems, po_file)
    return PageImport(pages, out, imported)
