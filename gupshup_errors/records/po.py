"""The data's texts as a gettext PO file for translators, and their work back into the data.

Export: one entry per text of one translation language; msgctxt names the code and the field
('1002/action', or 'title'), msgid is the source text, msgstr the translation. A translation
whose source changed is fuzzy, with the source it was made from as '#| msgid'.

Import: every entry is checked first (its code and field exist, its msgid is still the current
source, its text obeys the data rules); on any problem nothing is written. Otherwise only the
changed texts are replaced in the data file (yamledit.py) and every imported text is recorded
as translated from the current source.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from ..data import load
from ..data.model import TEXT_FIELDS, ErrorTable
from ..data.problems import DataError, Problem
from ..text import i18n, urls
from . import translated, yamledit
from .pages.po import CONTEXT as PAGE_BLOCK
from .translated import TITLE, TextKey, problem_at

PROJECT = "Gupshup WhatsApp API error codes"
_CONTEXT = re.compile(r"(?P<code>[0-9]+)/(?P<field>.+)|" + TITLE)


def context(key: TextKey) -> str:
    """The msgctxt of a text: '1002/action', or 'title' for the table's title."""
    return TITLE if key.code is None else f"{key.code}/{key.field}"


def export(
    table: ErrorTable,
    review: translated.Review,
    language: str,
    lines: Mapping[yamledit.Place, int],
    data_file: str,
    site_url: str | None,
    date: datetime,
    add: Callable[[Catalog], None] | None = None,
) -> str:
    """The PO file of `language`'s texts, and whatever `add` adds after them (the pages)."""
    catalog = Catalog(
        locale=language,
        domain="errors",
        header_comment=f"# {PROJECT}: the texts of {data_file} to translate into {language}.\n"
        f"# Translate, then run `gupshup-errors import FILE.po`.\n#",
        project=PROJECT,
        version=date.strftime("%Y-%m-%d"),
        # What a fresh PO file can honestly say: who translated last is in the data's history.
        msgid_bugs_address=urls.root(site_url),
        last_translator=f"see `git log {data_file}`",
        language_team=i18n.language_name_in(language, "en"),
        creation_date=date,
        revision_date=date,
        fuzzy=False,
    )
    stale = {item.key: item for item in review.stale}
    for key, source in review.current.items():
        if key.language != language:
            continue
        anchor = table.anchor if key.code is None else str(key.code)
        line = lines.get(key)
        item = stale.get(key)
        catalog.add(
            source,
            translated.text(table, key) or "",
            locations=[(data_file, line)] if line else (),
            flags=("fuzzy",) if item else (),
            auto_comments=[urls.anchor_url(site_url, review.source, anchor)],
            previous_id=item.was if item and item.was else (),
            context=context(key),
        )
    if add is not None:
        add(catalog)
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_previous=True)
    return buffer.getvalue().decode("utf-8")


@dataclass(frozen=True)
class ImportedTexts:
    """What an import found in the PO file, checked against the data."""

    language: str
    texts: Mapping[TextKey, str]
    lines: Mapping[TextKey, int]
    """Where each text's entry starts in the PO file."""
    fuzzy: int
    empty: int


def _key(
    message: Message, language: str, table: ErrorTable
) -> TextKey | tuple[str, str, TextKey | None]:
    """The text a PO entry is about, or why it is about none: (message, hint, key)."""
    found = _CONTEXT.fullmatch(message.context or "")
    if found is None:
        return (
            f"the entry's msgctxt {message.context!r} does not name a code and a field",
            "keep the msgctxt as exported, e.g. '1002/action' or 'title'",
            None,
        )
    if found.group("code") is None:
        return TextKey(None, TITLE, language)
    key = TextKey(int(found.group("code")), found.group("field"), language)
    if table.find(int(found.group("code"))) is None:
        return f"code {key.code} has no entry in the data", "export the file again", key
    if key.field not in TEXT_FIELDS:
        fields = ", ".join(TEXT_FIELDS)
        return f"unknown field '{key.field}'", f"the fields are {fields}", key
    return key


def _entry_problem(
    message: Message, key: TextKey, source: str, file: str
) -> tuple[str, str, tuple[str, ...]] | None:
    """Why an entry's text cannot be imported: (message, hint, notes), or None."""
    if message.id != source:
        was, now = translated.marked(str(message.id), source)
        return (
            "the source text changed after this file was exported",
            "export the file again and translate the entry against the current source",
            (f"msgid:      {was}", f"source now: {now}"),
        )
    text = str(message.string)
    if text != text.strip():
        return (
            f"'{key.field}' has blanks at its start or end",
            "remove the blanks at the start and end of the text",
            (),
        )
    return None


def read(
    content: bytes,
    file: str,
    table: ErrorTable,
    languages: Sequence[str],
    current: Mapping[TextKey, str],
) -> ImportedTexts:
    """The PO file's translations, checked against the data; raises DataError."""
    try:
        catalog = read_po(io.BytesIO(content), abort_invalid=True)
    except PoFileError as error:
        said = str(error).removesuffix(f" on {error.lineno}")
        # Babel counts the lines of its errors from 0 (and of its messages from 1).
        problem = Problem(file, error.lineno + 1, 1, f"this is not a valid PO file: {said}")
        raise DataError([problem], file) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise DataError([Problem(file, 1, 1, f"the file cannot be read: {error}")], file) from None
    language = str(catalog.locale) if catalog.locale else ""
    source, *targets = languages
    if language not in targets:
        said = f"its language is '{language}'" if language else "it names no language"
        hint = (
            f"'{source}' is the source language; export a translation language"
            if language == source
            else f"the site translates into {', '.join(targets)}: set the header's "
            "'Language:', or add the language to mkdocs.yml"
        )
        raise DataError([Problem(file, 1, 1, f"{said}", hint=hint)], file)
    problems: list[Problem] = []
    texts: dict[TextKey, str] = {}
    lines: dict[TextKey, int] = {}
    fuzzy = empty = 0
    for message in catalog:
        if not message.id or PAGE_BLOCK.fullmatch(str(message.context or "")):
            continue  # the header, or a page's block (pages/po.py reads those)
        line = message.lineno or 1
        key = _key(message, language, table)
        if not isinstance(key, TextKey):
            said, hint, where = key
            problems.append(problem_at(file, line, said, hint, where))
            continue
        if message.fuzzy:
            fuzzy += 1
            continue
        if not message.string or not isinstance(message.string, str):
            empty += 1
            continue
        wrong = _entry_problem(message, key, current[key], file)
        if wrong is not None:
            problems.append(problem_at(file, line, wrong[0], wrong[1], key, notes=wrong[2]))
            continue
        texts[key], lines[key] = message.string, line
    if problems:
        raise DataError(problems, file)
    return ImportedTexts(language, texts, lines, fuzzy, empty)


def apply(
    imported: ImportedTexts,
    data_text: str,
    spots: Mapping[yamledit.Place, yamledit.Spot],
    data_file: str,
    table: ErrorTable,
    languages: Sequence[str],
    po_file: str,
) -> tuple[str, list[TextKey]]:
    """The data file's new text and the texts it changes; raises DataError (located in the
    PO file) when the data rules refuse an imported text."""
    changed = [key for key, text in imported.texts.items() if translated.text(table, key) != text]
    # An optional text the translation's block does not hold yet has no span to replace.
    unwritten = [
        problem_at(
            po_file,
            imported.lines[key],
            f"code {key.code} has no '{key.field}:' line in its '{key.language}' block yet",
            f"write a '{key.field}:' line in that block of {data_file} (the import replaces "
            "its text), then import again",
            key,
        )
        for key in changed
        if key not in spots
    ]
    if unwritten:
        raise DataError(unwritten, po_file)
    new_text = yamledit.replace(data_text, [(spots[key], imported.texts[key]) for key in changed])
    try:
        new_table = load.parse(new_text, data_file, languages)
    except DataError as error:
        raise DataError(
            [_refused(problem, imported.lines, po_file) for problem in error.problems], po_file
        ) from None
    for key in changed:
        if translated.text(new_table, key) != imported.texts[key]:  # pragma: no cover
            raise DataError(
                [
                    problem_at(
                        po_file, imported.lines[key], "the text cannot be written as YAML", "", key
                    )
                ],
                po_file,
            )
    return new_text, changed


def _refused(problem: Problem, lines: Mapping[TextKey, int], po_file: str) -> Problem:
    """A data problem caused by an imported text, located at its entry in the PO file."""
    key = TextKey(problem.code, problem.field or "", problem.language or "")
    if key not in lines:
        return problem
    return replace(
        problem,
        file=po_file,
        line=lines[key],
        column=1,
        message=f"the data rules refuse this text: {problem.message}",
        excerpt=None,
    )
