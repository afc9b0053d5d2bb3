"""Every page's Markdown twin: what the HTML page says, as CommonMark, made from the model and
the pages' sources (never from the HTML). Pure: text in, text out.

A page at /<lang>/<path>/ has its twin at /<lang>/<path>/index.md, beside its index.html (as
mkdocs-llmstxt writes them). Every link in a twin is absolute, and leads to another twin where
there is one: a tool that reads one twin can follow its links and stay in Markdown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ...data.model import ErrorCode, ErrorTable, Kind, Status, code_fields, kind, label
from ...data.model import translated_fields as texts_fields
from ...text import i18n, inline, urls
from ...text.i18n import long_date
from ..forge import Forge
from . import escape as md

TWIN = "index.md"
"""A twin's file name, in the folder of its page."""


@dataclass(frozen=True)
class Reader:
    """One language's twins: the language and what every twin of it links to."""

    language: str
    languages: tuple[str, ...]
    root_url: str
    catalogs: i18n.Catalogs = i18n.PACKAGE
    status: Status = field(default_factory=Status)
    forge: Forge | None = None
    """Where the pages' sources are on the forge; None: REPO_URL is not set."""

    @functools.cached_property
    def gettext(self) -> Callable[[str], str]:
        return i18n.translations(self.language, self.catalogs).gettext

    @functools.cached_property
    def bases(self) -> dict[str, str]:
        """Each language's folder's absolute address."""
        return {language: urls.language_url(self.root_url, language) for language in self.languages}

    def twin(self, path: str = "", language: str | None = None) -> str:
        """The absolute address of the twin of the page at `path` ("", "1002/", "guide/")."""
        return f"{self.bases[language or self.language]}{path}{TWIN}"

    def code_twin(self, anchor: str, language: str | None = None) -> str:
        return self.twin(f"{anchor}/", language)

    @functools.cached_property
    def words(self) -> _Words:
        return _Words.of(self)

    def language_line(self, path: str, written_in: Iterable[str] | None = None) -> str:
        """Which language the twin is in, and the same twin in the others (those of
        `written_in` when given: a page not translated has no twin of its own there)."""
        others = [
            md.link(name, self.twin(path, other))
            for other, name in self.words.languages.items()
            if written_in is None or other in written_in
        ]
        return " · ".join([self.words.language, *others])


# A code's fields in the order the table shows them: its number, the first text, the
# provider's texts, the other texts.
_NUMBER = next(item for item in code_fields() if kind(item) is Kind.NUMBER)
_FIRST, *_OTHERS = texts_fields()
_SHOWN = (
    _FIRST,
    *(item for item in code_fields() if kind(item) is Kind.PROVIDER),
    *_OTHERS,
)
_TEXTS = frozenset(item.name for item in texts_fields())


@dataclass(frozen=True)
class _Words:
    """The interface's words every twin of a language says, made once per language."""

    language: str
    """"Language: English", as Markdown."""
    languages: dict[str, str]
    """The other languages' own names, by language."""
    labels: dict[str, str]
    """Each field's label as its paragraph starts it ("**Error:** ")."""
    retired: str

    @classmethod
    def of(cls, reader: Reader) -> _Words:
        _ = reader.gettext
        own = i18n.language_name_in(reader.language, reader.language)
        every = (_NUMBER, *_SHOWN)
        return cls(
            language=md.literal(_("Language: %(language)s") % {"language": own}),
            languages={
                other: i18n.language_name(other)
                for other in reader.languages
                if other != reader.language
            },
            labels={item.name: f"**{md.literal(_(label(item)))}:** " for item in every},
            retired=f"**{md.literal(_('Retired: the API no longer returns this code.'))}**",
        )


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {md.literal(' '.join(text.split()), line_start=False)}"


def _fields(reader: Reader, row: ErrorCode) -> list[str]:
    """The code's fields, each a paragraph under its label, in the order the table shows."""
    labels = reader.words.labels
    texts = row.texts[reader.language]
    shown = [f"{labels[_NUMBER.name]}{md.code_span(row.anchor)}"]
    for item in _SHOWN:
        value = getattr(texts if item.name in _TEXTS else row, item.name)
        if value is None:
            continue
        if kind(item) is Kind.PROVIDER:  # as written, in the provider's language
            text = md.code_span(str(value))
        else:
            text = md.formatted(str(value), reader.code_twin)
        shown.append(f"{labels[item.name]}{text}")
    return shown


def code_body(reader: Reader, row: ErrorCode) -> list[str]:
    """What a code's page and its section of the table say, paragraph by paragraph."""
    _ = reader.gettext
    status, language = reader.status, reader.language
    body = []
    if row.retired:
        body.append(reader.words.retired)
    body += _fields(reader, row)
    if status.row(row.code, language):
        body.append(_outdated(reader, f"{row.anchor}/"))
    dates = status.dates.get(row.code)
    said = []
    if dates is not None and dates.added is not None:
        said.append(md.literal(_("Added %(date)s") % {"date": long_date(dates.added, language)}))
    if dates is not None and dates.changed is not None:
        day = long_date(dates.changed, language)
        changed = md.literal(_("Meaning last changed %(date)s") % {"date": day})
        what = md.link(_("What changed"), reader.twin("changes/"))
        said.append(f"{changed} {what}")
    if said:
        body.append(" · ".join(said))
    if reader.forge is not None:
        body.append(md.link(_("Its entry in the data file"), reader.forge.code(row.code)))
    return body


def _outdated(reader: Reader, path: str) -> str:
    _ = reader.gettext
    source = reader.status.source or reader.languages[0]
    name = i18n.language_name_in(source, reader.language)
    original = _("Read the original (%(language)s)") % {"language": name}
    note = md.literal(_("This translation may be out of date."))
    return f"> {note} {md.link(original, reader.twin(path, source))}"


def code_twin(reader: Reader, table: ErrorTable, at: int) -> str:
    """The twin of a code's page (/<lang>/<code>/index.md)."""
    _ = reader.gettext
    row = table.codes[at]
    name = md.one_line(row.texts[reader.language].name)
    title = _("Error %(code)s: %(name)s") % {"code": row.anchor, "name": name}
    blocks = [f"# {title}", reader.language_line(f"{row.anchor}/"), *code_body(reader, row)]
    blocks.append(
        md.link(_("Code %(code)s in the full table") % {"code": row.anchor}, _row(reader, row))
    )
    neighbours = []
    for step, words in ((-1, _("Previous code")), (1, _("Next code"))):
        if 0 <= at + step < len(table.codes):
            other = table.codes[at + step]
            shown = f"{other.anchor} {inline.to_plain(other.texts[reader.language].name)}"
            neighbours.append(
                f"{md.literal(words)}: {md.link(shown, reader.code_twin(other.anchor))}"
            )
    if neighbours:
        blocks.append(" · ".join(neighbours))
    return document(blocks)


def _row(reader: Reader, row: ErrorCode) -> str:
    return urls.anchor_url(reader.root_url, reader.language, row.anchor)


def code_twins(
    reader: Reader, table: ErrorTable, indexes: Iterable[int] | None = None
) -> Iterator[tuple[str, bytes]]:
    """Each code's twin (of the rows at `indexes`, when given), by its anchor, as UTF-8."""
    chosen = range(len(table.codes)) if indexes is None else sorted(set(indexes))
    for at in chosen:
        yield table.codes[at].anchor, code_twin(reader, table, at).encode("utf-8")


@dataclass(frozen=True)
class Listed:
    """A page as the table's twin and llms.txt list it."""

    title: str
    path: str
    """Relative to the language's folder ("guide/")."""
    description: str = ""


def code_section(reader: Reader, row: ErrorCode) -> str:
    """A code's section of the table's twin."""
    name = inline.to_plain(row.texts[reader.language].name)
    own = md.link(reader.gettext("Its own page"), reader.code_twin(row.anchor))
    return "\n\n".join([heading(3, f"{row.anchor}: {name}"), *code_body(reader, row), own])


def table_twin(
    reader: Reader,
    table: ErrorTable,
    intro: str = "",
    pages: Sequence[Listed] = (),
    sections: Sequence[str] | None = None,
) -> str:
    """The twin of the table's page (/<lang>/index.md): every code, one section each (its
    `code_section`, given or made). `intro`: the site's own introduction (Markdown, its links
    absolute already)."""
    _ = reader.gettext
    blocks = [
        "# " + md.literal(_("Error codes and what they mean")),
        reader.language_line(""),
        md.literal(
            _(
                "Find the code from a failed WhatsApp message to see what it means and what to "
                "do. Each code has its own link: add # and the code to the page address."
            )
        ),
    ]
    if intro.strip():
        blocks.append(intro.strip())
    blocks.append(heading(2, table.title[reader.language]))
    if reader.status.title(reader.language):
        blocks.append(_outdated(reader, ""))
    count = len(table.codes)
    listed = [md.link(_("What changed"), reader.twin("changes/"))]
    listed += [md.link(page.title, reader.twin(page.path)) for page in pages]
    counted = md.literal(
        i18n.translations(reader.language, reader.catalogs).ngettext(
            "%(num)d code", "%(num)d codes", count
        )
        % {"num": count}
    )
    blocks.append(" · ".join([counted, *listed]))
    if reader.forge is not None:
        blocks.append(md.link(_("The data file the table is made from"), reader.forge.data()))
    if sections is None:
        sections = [code_section(reader, row) for row in table.codes]
    return document([*blocks, *sections])


def document(blocks: Iterable[str]) -> str:
    return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class Made:
    """What a language's table twin and llms files are made from besides the table: the
    pages' twins and what lists them, which only a whole build reads (the preview keeps it)."""

    intro: str
    """The introduction (docs/index.md), its links absolute."""
    listed: tuple[Listed, ...]
    pages: dict[str, str]
    """Each page's twin, by its path in the language's folder."""
    changes: dict[str, str]
    """Each "What changed" page's twin, by its path in the language's folder."""
    sections: tuple[str, ...] = ()
    """Each code's section of the table's twin, once made (the preview replaces some)."""
    items: tuple[str, ...] = ()
    """Each code's line of llms.txt, once made."""
