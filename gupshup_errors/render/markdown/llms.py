"""/llms.txt, /<lang>/llms.txt and /<lang>/llms-full.txt, as the llmstxt.org proposal gives
them: an H1 title, a one-line summary in a blockquote, then H2 sections listing links as
`- [name](url): description`. Each links the Markdown twins (twins.py). Pure: text in, out."""

from __future__ import annotations

from collections.abc import Sequence

from ...data.model import ErrorCode, ErrorTable
from ...text import i18n, inline, urls
from ..pages import site_name
from . import escape as md
from .twins import Listed, Reader

LLMS = "llms.txt"
FULL = "llms-full.txt"


def _item(name: str, address: str, description: str = "") -> str:
    said = f": {description}" if description else ""
    return f"- {md.link(name, address)}{said}"


def _summary(reader: Reader) -> str:
    _ = reader.gettext
    return md.literal(_("What each Gupshup WhatsApp API error code means and what to do about it."))


def _the_language(
    reader: Reader, table: ErrorTable, pages: Sequence[Listed], years: Sequence[int]
) -> list[str]:
    """This language's own files: the table, everything in one file, what changed (newest
    first, then by year), the pages."""
    _ = reader.gettext
    base = urls.language_url(reader.root_url, reader.language)
    count = len(table.codes)
    codes = i18n.translations(reader.language, reader.catalogs).ngettext(
        "%(num)d code", "%(num)d codes", count
    ) % {"num": count}
    return [
        _item(
            _("Error codes and what they mean"),
            reader.twin(),
            md.literal(f"{table.title[reader.language]}: {codes}", line_start=False),
        ),
        _item(
            _("Everything in one file"),
            f"{base}{FULL}",
            md.literal(_("The whole table and every page, in one file."), line_start=False),
        ),
        _item(
            _("What changed"),
            reader.twin("changes/"),
            md.literal(
                _("Every change to the table of Gupshup WhatsApp API error codes, newest first."),
                line_start=False,
            ),
        ),
        *(
            _item(_("What changed in %(year)s") % {"year": year}, reader.twin(f"changes/{year}/"))
            for year in years
        ),
        *(
            _item(page.title, reader.twin(page.path), md.one_line(page.description))
            for page in pages
        ),
    ]


def code_item(reader: Reader, row: ErrorCode) -> str:
    """A code's line of llms.txt: its twin, its action as the description."""
    texts = row.texts[reader.language]
    name = f"{row.anchor}: {inline.to_plain(texts.name)}"
    return _item(name, reader.code_twin(row.anchor), md.one_line(texts.action))


def language_index(
    reader: Reader,
    table: ErrorTable,
    pages: Sequence[Listed] = (),
    items: Sequence[str] | None = None,
    years: Sequence[int] = (),
) -> str:
    """/<lang>/llms.txt: this language's table, what changed in each of `years`, pages and
    every code's twin (its `code_item`, given or made); the other languages' indexes under
    "Optional", which a tool may skip."""
    _ = reader.gettext
    language = reader.language
    blocks = [
        f"# {md.literal(site_name(language, reader.catalogs))}",
        f"> {_summary(reader)}",
        reader.language_line(""),
        "## " + md.literal(_("Error codes and what they mean")),
        "\n".join(_the_language(reader, table, pages, years)),
        "## " + md.literal(_("Codes")),
        "\n".join(items if items is not None else (code_item(reader, row) for row in table.codes)),
    ]
    others = [other for other in reader.languages if other != language]
    if others:
        blocks.append("## Optional")
        blocks.append(
            "\n".join(
                _item(
                    i18n.language_name(other), f"{urls.language_url(reader.root_url, other)}{LLMS}"
                )
                for other in others
            )
        )
    return "\n\n".join(blocks) + "\n"


def root_index(readers: Sequence[Reader], table: ErrorTable) -> str:
    """/llms.txt: a section per language, in that language's words, with its index, its table,
    everything in one file and its "What changed"; titled in the first language."""
    first = readers[0]
    blocks = [f"# {md.literal(site_name(first.language, first.catalogs))}", f"> {_summary(first)}"]
    for reader in readers:
        _ = reader.gettext
        index = f"{urls.language_url(reader.root_url, reader.language)}{LLMS}"
        described = md.literal(_("Every code and page in this language."), line_start=False)
        blocks.append(f"## {md.literal(i18n.language_name(reader.language))}")
        lines = [_item(site_name(reader.language, reader.catalogs), index, described)]
        blocks.append("\n".join([*lines, *_the_language(reader, table, (), ())]))
    return "\n\n".join(blocks) + "\n"


def full(table_twin: str, page_twins: Sequence[str]) -> str:
    """/<lang>/llms-full.txt: the table's twin and every page's, one after the other."""
    return "\n".join([table_twin, *page_twins])
