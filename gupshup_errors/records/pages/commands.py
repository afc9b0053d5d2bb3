"""What the commands read and write for pages: the docs and the record read together, a page
named on the command line, and `translated` recording page translations (atomically)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...data.problems import DataError, Problem
from ...text.paths import SitePaths, shown
from ...text.writer import Writes
from ..recordfile import read
from . import blocks, files, record, tree
from .review import Overview, PagesPlace, review


@dataclass(frozen=True)
class PageFiles:
    """PagesPlace the pages and their record are, and the languages (the first is the source)."""

    docs_dir: Path
    record_file: Path
    languages: tuple[str, ...]

    @classmethod
    def of(cls, docs_dir: Path, translated_file: Path, languages: Sequence[str]) -> PageFiles:
        return cls(docs_dir, record.path(translated_file), tuple(languages))

    @classmethod
    def named_by(cls, settings: SitePaths) -> PageFiles:
        """The pages and record the settings (builder/settings.py's Settings) name."""
        return cls.of(settings.docs_dir, settings.translated_file, settings.languages)

    @property
    def where(self) -> PagesPlace:
        return PagesPlace(
            shown(self.docs_dir).as_posix(), str(shown(self.record_file)), self.languages[0]
        )

    def held(self) -> record.Record:
        """The record (empty when there is none yet); an unusable one raises DataError."""
        if not self.record_file.exists():
            return record.Record(str(shown(self.record_file)), {})
        content, problems = read(self.record_file, record.CREATE)
        if content is None:
            raise DataError(problems)
        held, problems = record.parse(content, str(shown(self.record_file)), self.languages)
        if problems:
            raise DataError(problems)
        return held

    def docs(self) -> dict[str, str]:
        """Every Markdown file under the docs folder; one that cannot be read raises."""
        texts, problems = files.read_docs(self.docs_dir)
        if problems:
            raise DataError(problems, "the pages")
        return texts

    def overview(self) -> Overview:
        """Every page's state in every language (pages.review.review on the files)."""
        return review(self.docs(), self.held(), self.languages, self.where)

    def page(self, argument: str) -> tuple[str, str | None]:
        """The source page (relative to the docs folder) and the language a command-line path
        names: 'docs/guide.md' or 'docs/guide.en.md'; one that is no page raises DataError."""
        path = Path(argument).resolve()
        try:
            name = path.relative_to(self.docs_dir.resolve()).as_posix()
        except ValueError:
            name = None
        if name is None or not name.endswith(tree.SUFFIX) or not path.is_file():
            said = f"{argument} is not a page: pages are the .md files under {self.where.docs}/"
            raise DataError([Problem(argument, 1, 1, said)], "the pages")
        page, language = tree.source_of(name, self.languages)
        return page, language


def _confirmed(
    held: record.Record, docs: dict[str, str], chosen: Collection[tuple[str, str]]
) -> tuple[dict[record.BlockKey, str], list[str]]:
    """The record with the current source recorded for every chosen translation (dropping the
    lines of chosen ones that are gone), and notes on translations whose blocks do not match
    their source's one by one."""
    entries = {key: entry.value for key, entry in held.entries.items()}
    notes: list[str] = []
    for page, language in chosen:
        for key in [key for key in entries if (key.page, key.language) == (page, language)]:
            del entries[key]
        name = tree.translation_name(page, language)
        if page not in docs or name not in docs:
            continue
        source = blocks.split(docs[page]).blocks
        for number, block in enumerate(source, start=1):
            entries[record.BlockKey(page, language, number)] = block.words
        own = len(blocks.split(docs[name]).blocks)
        if own != len(source):
            notes.append(
                f"note: {name} has {own} blocks and its source {len(source)}: `check` locates "
                "a changed block at the translation's block of the same number"
            )
    return entries, notes


def confirm(pages: PageFiles, named: Sequence[str], languages: Collection[str], out: Writes) -> str:
    """Record the current source of the named pages' translations (every page's when none is
    named) in the named languages (every translation language when none is): they were
    reviewed. Returns what to tell the maintainer."""
    held, docs = pages.held(), pages.docs()
    targets = [lang for lang in pages.languages[1:] if not languages or lang in languages]
    chosen: set[tuple[str, str]] = set()
    for argument in named:
        page, language = pages.page(argument)
        chosen.update((page, lang) for lang in targets if language in (None, lang))
    if not named:
        found = {tree.source_of(name, pages.languages)[0] for name in docs}
        found |= {key.page for key in held.entries}
        chosen = {(page, lang) for page in found for lang in targets}
    entries, notes = _confirmed(held, docs, chosen)
    after = record.render(entries)
    before = pages.record_file.read_text("utf-8") if pages.record_file.exists() else None
    count = sum(1 for page, lang in chosen if tree.translation_name(page, lang) in docs)
    noun = "page translation" if count == 1 else "page translations"
    if after == before or (before is None and not entries):
        said = f"{pages.where.record}: up to date ({count} {noun} checked)"
    else:
        out.write(pages.record_file, after)
        said = f"{pages.where.record}: recorded {count} {noun} as current; commit it"
    return "\n".join([said, *notes])
