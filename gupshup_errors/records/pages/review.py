"""Every page's state in every language (translated, missing, outdated), worked out from the
pages' texts and the record alone: pure, for `check`, the site and the PO export."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...data.problems import DataError, Problem, lines
from ..recordfile import escape, marked
from . import blocks, record
from .blocks import Block
from .tree import PageState, source_of, translation_name


@dataclass(frozen=True)
class Pair:
    """A current source block beside what its translation was made from."""

    number: int
    """The source block's number (1-based) in the page as it is now."""
    block: Block
    recorded: int | None
    """The number the record gives the block (that of the translation's block), if any."""
    was: str | None
    """The source text the record holds for it; None when the record has none."""

    @property
    def current(self) -> bool:
        return self.was is not None and blocks.digest(self.was) == self.block.hash


@dataclass(frozen=True)
class Translation:
    """One page in one translation language, and its state."""

    page: str
    """The source page, relative to the docs folder ('guide.md')."""
    language: str
    file: str | None
    """The translation, relative to the docs folder ('guide.en.md'); None when missing."""
    state: PageState
    problems: tuple[Problem, ...] = ()
    """For an outdated translation, where and why, each at a line of the translation."""
    pairs: tuple[Pair, ...] = ()
    """The source blocks beside the record (empty when missing)."""


def align(source: Sequence[Block], was: Mapping[int, str]) -> tuple[list[Pair], list[int]]:
    """Each current source block beside the recorded block it continues (the same text, or the
    one it replaced), and the recorded blocks the source no longer has."""
    last = max(was, default=0)
    # A block the record lacks (never translated) matches nothing: a unique stand-in.
    old = [blocks.digest(was[n]) if n in was else f"none-{n}" for n in range(1, last + 1)]
    new = [block.hash for block in source]
    pairs: list[Pair] = []
    gone: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, j in enumerate(range(j1, j2)):
            i = i1 + offset if i1 + offset < i2 else None
            number = None if i is None else i + 1
            pairs.append(Pair(j + 1, source[j], number, was.get(number) if number else None))
        gone += [i + 1 for i in range(i1 + (j2 - j1), i2) if i + 1 in was]
    return pairs, gone


@dataclass(frozen=True)
class PagesPlace:
    """How messages name the files: the docs folder and the record as the user sees them."""

    docs: str
    record: str
    source_language: str

    def path(self, name: str) -> str:
        return f"{self.docs.rstrip('/')}/{name}"

    def command(self, page: str, language: str) -> str:
        return f"`gupshup-errors translated {self.path(page)} --lang {language}`"


def _at(translation: Sequence[Block], number: int | None) -> int:
    """The line of the translation's block `number`, else of its last block, else 1."""
    if number is not None and 0 < number <= len(translation):
        return translation[number - 1].line
    return translation[-1].line if translation else 1


def _at_line(
    file: str,
    line: int,
    shown: Sequence[str],
    message: str,
    language: str,
    hint: str,
    notes: tuple[str, ...] = (),
) -> Problem:
    """A problem of a translation at the start of `line`, that line shown."""
    excerpt = shown[line - 1] if line <= len(shown) else None
    return Problem(
        file, line, 1, message, language=language, hint=hint, notes=notes, excerpt=excerpt
    )


def _block_problems(
    where: PagesPlace,
    page: str,
    language: str,
    pairs: Sequence[Pair],
    gone: Sequence[int],
    text: str,
) -> Iterator[Problem]:
    source, file = where.source_language, where.path(translation_name(page, language))
    translation, shown = blocks.split(text).blocks, lines(text)
    fix = f"{where.command(page, language)} (`make translated` confirms every translation)"
    before: int | None = None  # the translation's block before a new one: where it goes
    for pair in pairs:
        before = pair.recorded or before
        if pair.current:
            continue
        what = f"block {pair.number} ({pair.block.kind}, {where.path(page)}:{pair.block.line})"
        now = escape(pair.block.words)
        if pair.was is None:
            message = f"{what} is not in the translation yet"
            message += " (it goes after this line's block)" if before and not pair.recorded else ""
            notes: tuple[str, ...] = (f"{source} now: {now}",)
            hint = f"translate it in {file}, then record it with {fix}"
        else:
            message = f"the translation may be out of date: {what} changed since it was translated"
            was, now = marked(pair.was, pair.block.words)
            notes = (f"{source} was: {was}", f"{source} now: {now}")
            hint = f"update the '{language}' text, or, if it still holds, confirm it with {fix}"
        line = _at(translation, pair.recorded or before or 1)
        yield _at_line(file, line, shown, message, language, hint, notes)
    for number in gone:
        message = f"block {number} translates a block that {where.path(page)} no longer has"
        hint = f"delete it from the translation, then record it with {fix}"
        yield _at_line(file, _at(translation, number), shown, message, language, hint)


def translation(
    where: PagesPlace,
    page: str,
    language: str,
    source: Sequence[Block],
    text: str | None,
    recorded: Mapping[int, str],
) -> Translation:
    """The state of `page` in `language`, from the source's blocks, the translation's text
    (None: there is none) and what the record says of it."""
    name = translation_name(page, language)
    if text is None:
        return Translation(page, language, None, PageState.MISSING)
    pairs, gone = align(source, recorded)
    if not recorded:
        said = (
            f"{where.record} does not say which '{where.source_language}' text this "
            f"translation of {where.path(page)} was made from"
        )
        hint = (
            f"check it against {where.path(page)}, then record it with "
            f"{where.command(page, language)}"
        )
        problem = Problem(where.path(name), 1, 1, said, language=language, hint=hint)
        return Translation(page, language, name, PageState.OUTDATED, (problem,), tuple(pairs))
    problems = tuple(_block_problems(where, page, language, pairs, gone, text))
    return Translation(
        page,
        language,
        name,
        PageState.OUTDATED if problems else PageState.TRANSLATED,
        problems,
        tuple(pairs),
    )


@dataclass(frozen=True)
class Overview:
    """Every page in every language, and what is wrong beside them."""

    languages: tuple[str, ...]
    """The first is the source language."""
    translations: tuple[Translation, ...]
    orphans: tuple[Problem, ...] = ()
    """Translations whose source page is gone: never published on their own."""
    stray: tuple[Problem, ...] = ()
    """Record lines about translations that no longer exist."""
    pages: tuple[str, ...] = field(default=())
    """The source pages, relative to the docs folder, in order."""
    orphan_files: tuple[str, ...] = ()
    """The orphans' files, relative to the docs folder ('old.en.md'): never to publish."""

    def translation(self, page: str, language: str) -> Translation:
        """`page` in the translation language `language`; raises KeyError when there is no
        such source page or translation language."""
        for item in self.translations:
            if (item.page, item.language) == (page, language):
                return item
        raise KeyError((page, language))

    def state(self, page: str, language: str) -> PageState:
        """`page`'s state in `language`; the source language's page is its own text, so
        'translated'. Raises KeyError for a page that is not a source page."""
        if page not in self.pages:
            raise KeyError(page)
        if language == self.languages[0]:
            return PageState.TRANSLATED
        return self.translation(page, language).state

    def problems(self) -> list[Problem]:
        """Everything `check` reports: outdated and unrecorded translations, orphans, stray
        record lines."""
        own = [problem for item in self.translations for problem in item.problems]
        return [*own, *self.orphans, *self.stray]

    def document(self, docs: str, *, problems: bool = True) -> dict[str, Any]:
        """The machine-readable form: every page, its state in every language; `problems`:
        with the words of each outdated translation's problems (they name files as the
        working folder sees them, so the published copy leaves them out)."""
        return {
            "source_language": self.languages[0],
            "languages": list(self.languages),
            "pages": [
                {
                    "page": f"{docs.rstrip('/')}/{page}",
                    "translations": {
                        item.language: _described(item, docs, problems)
                        for item in self.translations
                        if item.page == page
                    },
                }
                for page in self.pages
            ],
            "orphans": [problem.file for problem in self.orphans],
        }


def _described(item: Translation, docs: str, problems: bool) -> dict[str, Any]:
    found: dict[str, Any] = {"state": item.state}
    if item.file is not None:
        found["file"] = f"{docs.rstrip('/')}/{item.file}"
    if item.state == PageState.OUTDATED:
        found["outdated_blocks"] = [pair.number for pair in item.pairs if not pair.current]
        if problems:
            found["problems"] = [f"{p.file}:{p.line}: {p.message}" for p in item.problems]
    return found


def review(
    docs: Mapping[str, str], held: record.Record, languages: Sequence[str], where: PagesPlace
) -> Overview:
    """Every source page's state in every translation language, the orphans and the stray
    record lines. `docs` holds every Markdown file under the docs folder by its relative path
    ('guide.md', 'guide.en.md'), as files.read_docs reads them."""
    sources = sorted(name for name in docs if source_of(name, languages)[1] is None)
    items: list[Translation] = []
    for page in sources:
        split = blocks.split(docs[page]).blocks
        for language in languages[1:]:
            text = docs.get(translation_name(page, language))
            was = record.blocks_of(held, page, language)
            items.append(translation(where, page, language, split, text, was))
    orphaned = [
        (name, page, language)
        for name in sorted(docs)
        for page, language in [source_of(name, languages)]
        if language is not None and page not in docs
    ]
    orphans = [
        Problem(
            where.path(name),
            1,
            1,
            f"{where.path(name)} translates {where.path(page)}, which does not exist (renamed "
            "or deleted): it is not published",
            language=language,
            hint=f"move it beside its source's new name ('<page>.{language}.md'), or delete it; "
            "then run `make translated`",
        )
        for name, page, language in orphaned
    ]
    return Overview(
        tuple(languages),
        tuple(items),
        tuple(orphans),
        tuple(_stray(held, docs, where)),
        tuple(sources),
        tuple(name for name, _, _ in orphaned),
    )


def states(
    docs: Mapping[str, str],
    record_text: str | None,
    languages: Sequence[str],
    where: PagesPlace,
) -> Overview:
    """The one call for the site: every page's state in every language, from the Markdown
    files under the docs folder (by relative path, as `review` takes them) and the text of
    data/translated-pages.txt (None when there is none yet). Pure; a record line it cannot
    read raises DataError."""
    held, problems = record.parse(record_text or "", where.record, languages)
    if problems:
        raise DataError(problems)
    return review(docs, held, languages, where)


def _stray(held: record.Record, docs: Mapping[str, str], where: PagesPlace) -> Iterator[Problem]:
    """A problem at the first record line of each translation that no longer exists."""
    seen: set[tuple[str, str]] = set()
    for key, entry in sorted(held.entries.items(), key=lambda item: item[1].line):
        name = translation_name(key.page, key.language)
        if name in docs or (key.page, key.language) in seen:
            continue
        seen.add((key.page, key.language))
        said = f"the record names {where.path(name)}, which does not exist"
        hint = "run `make translated`, which drops the lines of translations that are gone"
        yield Problem(where.record, entry.line, 1, said, language=key.language, hint=hint)
