"""Pages' blocks in the translators' PO file, and back: msgctxt 'guide.md#3' names the page and
the block; a block whose source changed since its translation is fuzzy, with '#| msgid'.

Import: every entry is checked (its page and block exist, its msgid is the current source, its
text is data, not markup: guard.py); on any problem nothing is written. Otherwise each page's
translation is written from its source's (or its own) Markdown with the blocks replaced
(rebuild.py), and the imported blocks are recorded as translated from the current source."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

from ...data.problems import Problem
from ..recordfile import marked
from . import blocks
from .blocks import CODE, HTML, Block
from .guard import refused
from .review import Overview, PagesPlace, Pair, Translation, align

CONTEXT = re.compile(r"(?P<page>.+\.md)#(?P<block>[1-9][0-9]*)")
"""A page block's msgctxt: the source page (relative to the docs folder) and the block's
number in it."""
_COMMENTS = {
    CODE: "a code block: keep the code; translate its comments only, if any",
}


def context(page: str, number: int) -> str:
    """The msgctxt of a page's block: 'guide.md#3'."""
    return f"{page}#{number}"


def exported(pair: Pair) -> bool:
    """Whether a block goes to translators: words, not HTML, and not empty."""
    return pair.block.kind != HTML and bool(pair.block.words)


def _string(pair: Pair, item: Translation, own: tuple[Block, ...]) -> str:
    """What the translation says for a source block now: its block of the recorded number
    (by position when nothing is recorded); a code block with no translation is its source,
    and an unrecorded prose block still in the source's words has none."""
    if item.file is None:
        return pair.block.words if pair.block.kind == CODE else ""
    recorded = any(other.was is not None for other in item.pairs)
    number = pair.recorded if recorded else pair.number
    found = own[number - 1].words if number is not None and number <= len(own) else ""
    # An unrecorded prose block in the source's words is one an earlier import left as it was.
    copy = found == pair.block.words and pair.was is None and pair.block.kind != CODE
    return "" if copy else found


def add(
    catalog: Catalog, overview: Overview, docs: Mapping[str, str], language: str, where: PagesPlace
) -> None:
    """Every page's blocks in `language` as entries of `catalog`, after the table's texts."""
    for item in overview.translations:
        if item.language != language:
            continue
        source = blocks.split(docs[item.page]).blocks
        pairs = item.pairs or tuple(align(source, {})[0])
        own = blocks.split(docs[item.file]).blocks if item.file else ()
        for pair in pairs:
            if not exported(pair):
                continue
            string = _string(pair, item, own)
            stale = bool(string) and item.file is not None and not pair.current
            catalog.add(
                pair.block.words,
                string,
                locations=[(where.path(item.page), pair.block.line)],
                flags=("fuzzy",) if stale else (),
                auto_comments=[_COMMENTS.get(pair.block.kind, pair.block.kind)],
                previous_id=pair.was if stale and pair.was else (),
                context=context(item.page, pair.number),
            )


@dataclass
class ImportedPages:
    """The page entries of a PO file, checked: the texts by page and block, where each entry
    is, and what was skipped."""

    texts: dict[str, dict[int, str]] = field(default_factory=dict)
    lines: dict[tuple[str, int], int] = field(default_factory=dict)
    fuzzy: int = 0
    empty: int = 0


def _entry(
    message: Message, docs: Mapping[str, str], language: str
) -> tuple[str, int, Block] | tuple[str, str]:
    """The page and block an entry is about, or why it is about none: (message, hint)."""
    found = CONTEXT.fullmatch(str(message.context))
    page, number = found.group("page") if found else "", int(found.group("block")) if found else 0
    if page not in docs:
        return f"there is no page {page} to translate", "export the file again"
    source = blocks.split(docs[page]).blocks
    if number > len(source) or not exported(Pair(number, source[number - 1], None, None)):
        return f"{page} has no block {number} to translate", "export the file again"
    return page, number, source[number - 1]


def read(
    messages: Iterable[Message], docs: Mapping[str, str], language: str, po_file: str
) -> tuple[ImportedPages, list[Problem]]:
    """The page entries among `messages` (those whose msgctxt names a page block), checked
    against the source pages `docs`."""
    imported, problems = ImportedPages(), []
    for message in messages:
        if not message.id or not CONTEXT.fullmatch(str(message.context or "")):
            continue
        line = message.lineno or 1
        found = _entry(message, docs, language)
        if len(found) == 2:
            problems.append(Problem(po_file, line, 1, found[0], language=language, hint=found[1]))
            continue
        page, number, block = found
        if message.fuzzy or not message.string or not isinstance(message.string, str):
            imported.fuzzy += bool(message.fuzzy)
            imported.empty += not message.fuzzy
            continue
        reasons = _reasons(message, block)
        if reasons:
            said, hint, notes = reasons
            problems.append(
                Problem(po_file, line, 1, said, language=language, hint=hint, notes=notes)
            )
            continue
        imported.texts.setdefault(page, {})[number] = message.string
        imported.lines[(page, number)] = line
    return imported, problems


def _reasons(message: Message, block: Block) -> tuple[str, str, tuple[str, ...]] | None:
    if message.id != block.words:
        was, now = marked(str(message.id), block.words)
        return (
            "the source block changed after this file was exported",
            "export the file again and translate the entry against the current source",
            (f"msgid:      {was}", f"source now: {now}"),
        )
    reasons = refused(str(message.string), block)
    if reasons:
        return (
            f"the translation is refused: {'; '.join(reasons)}",
            "translate the words only; keep the source's links and images, and each of its "
            "code spans as a code span (its words may be adapted)",
            (),
        )
    return None
