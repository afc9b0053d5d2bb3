"""Model + language -> page text. Pure: no MkDocs, no files written."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..data.model import ErrorCode, ErrorTable, Status
from ..text import i18n, inline, urls
from ..text.folding import fold_map
from ..text.i18n import long_date as long_date  # where render/ takes it from
from .forge import Forge


@dataclass(frozen=True)
class Alternate:
    """One language version of the site, for the selector, the root pages and search engines."""

    language: str
    name: str
    link: str
    """By path alone ("/repo/en/"), so that the link works whatever the host is."""
    url: str
    """Absolute, as canonical and hreflang links must be."""
    locale: str
    """The Open Graph locale ("en_US")."""
    site_name: str
    """The site's name in this language."""
    direction: str
    """"ltr" or "rtl", from Babel's locale data."""


def alternates(
    site_url: str | None, languages: Sequence[str], catalogs: i18n.Catalogs = i18n.PACKAGE
) -> list[Alternate]:
    """Every language version of the site."""
    return [
        Alternate(
            language=lang,
            name=i18n.language_name(lang),
            link=urls.language_path(site_url, lang),
            url=urls.language_url(site_url, lang),
            locale=i18n.og_locale(lang),
            site_name=site_name(lang, catalogs),
            direction=i18n.direction(lang),
        )
        for lang in languages
    ]


def _environment() -> Environment:
    # A fresh environment per render, so edited templates and catalogs show on the next build.
    env = Environment(
        loader=PackageLoader("gupshup_errors"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["inline"] = inline.to_html
    env.filters["inline_unlinked"] = inline.to_html_unlinked
    return env


@functools.lru_cache(maxsize=1024)
def time_html(day: date, language: str) -> Markup:
    """A date for readers of `language` (CLDR's long format), machine-readable too."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_date(day, language))


def localized(language: str, catalogs: i18n.Catalogs) -> Environment:
    env = _environment()
    translations = i18n.translations(language, catalogs)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    return env


# Where the table goes in the page's Markdown. The table is finished HTML, so the plugin puts
# it in after MkDocs has rendered the page: Markdown and the search indexer never parse
# thousands of rows (the search index gets one document per code instead).
TABLE_SLOT = "<!-- gupshup-errors: the table -->"


@dataclass(frozen=True)
class PageSource:
    """The table page in one language: Markdown for MkDocs, and the table's HTML."""

    markdown: str
    """The page, with TABLE_SLOT where the table goes."""
    table: str
    rows: tuple[str, ...] = ()
    """Each row's HTML (table-row.html.j2), in the table's order: the table is made of them,
    and the preview's quick rebuild makes it again from them with a few rows replaced."""

    def whole(self) -> str:
        """The page as one Markdown document, the table inline."""
        return with_table(self.markdown, self.table)


def with_table(page: str, table: str) -> str:
    """`page` (its Markdown, or its HTML once rendered) with `table` in its slot."""
    return page.replace(TABLE_SLOT, table, 1)


@dataclass(frozen=True)
class PageLink:
    """A page of docs/ as the table's page links to it."""

    title: str
    url: str
    """Relative to the language's folder ("guide/")."""
    language: str | None = None
    """The title's language where it is not the page's (a page not translated yet)."""


# Rows per <tbody>: the browser skips the layout of every group off the screen, so a deep link
# or a scroll lays out about this many rows instead of the whole table.
ROW_GROUP = 100


def render_page(
    table: ErrorTable,
    language: str,
    catalogs: i18n.Catalogs = i18n.PACKAGE,
    status: Status | None = None,
    intro: str = "",
    pages: Sequence[PageLink] = (),
    forge: Forge | None = None,
) -> PageSource:
    """The error table page in `language`; with `forge`, each row links to its entry in the
    data file; a translation that may be out of date carries a
    note linking to the same place in the source language. `intro` is the site's own
    introduction (Markdown), put above the table; `pages` are linked beside "What changed"."""
    status = status or Status()
    (rows,) = render_rows(language, catalogs, (table.codes, status), forge=forge)
    return PageSource(
        markdown=page_markdown(table, language, catalogs, status, intro, pages),
        table=render_table(table, language, catalogs, rows),
        rows=tuple(rows),
    )


def page_markdown(
    table: ErrorTable,
    language: str,
    catalogs: i18n.Catalogs,
    status: Status,
    intro: str,
    pages: Sequence[PageLink],
) -> str:
    """The table page's Markdown, TABLE_SLOT where the table goes (render_page)."""
    context = {
        "table": table,
        "title": table.title[language],
        "title_outdated": status.title(language),
        "count": len(table.codes),
        "original": _original(language, status),
        "table_slot": Markup(TABLE_SLOT),
        "intro": Markup(intro),  # the site's own Markdown, as its author wrote it
        "pages": [
            (page, i18n.direction(page.language) if page.language else None) for page in pages
        ],
    }
    return localized(language, catalogs).get_template("page.md.j2").render(context)


def render_table(
    table: ErrorTable, language: str, catalogs: i18n.Catalogs, rows: Sequence[str]
) -> str:
    """The table's HTML from its rows' (render_rows), in groups of ROW_GROUP."""
    context = {
        "title": table.title[language],
        "row_group": ROW_GROUP,
        "fold": fold_map(language),
        "rows": [Markup(row) for row in rows],  # each rendered by table-row.html.j2
    }
    return localized(language, catalogs).get_template("table.html.j2").render(context)


def _original(language: str, status: Status) -> dict[str, str | None]:
    """Where a note on an outdated translation links to: the source language's page."""
    return {
        # Relative, as the language selector's links are: right on any host and sub-path.
        "base": f"../{status.source}/",
        "language": status.source,
        "name": i18n.language_name_in(status.source, language) if status.source else "",
    }


def _rows_context(
    rows: Sequence[ErrorCode], language: str, status: Status, forge: Forge | None = None
) -> dict[str, object]:
    """What the table's rows are rendered from (table-row.html.j2): their dates only, as
    the preview's quick rebuild renders a few rows of a large table; with `forge`, where each
    row's entry is in the data file."""
    codes = {row.code for row in rows}
    return {
        "forge": forge,
        "rows": [(row, row.texts[language], status.row(row.code, language)) for row in rows],
        "dates": {
            code: (
                time_html(dates.added, language) if dates.added else None,
                time_html(dates.changed, language) if dates.changed else None,
            )
            for code, dates in status.dates.items()
            if code in codes
        },
        "original": _original(language, status),
    }


def render_rows(
    language: str,
    catalogs: i18n.Catalogs,
    *batches: tuple[Sequence[ErrorCode], Status],
    forge: Forge | None = None,
) -> list[list[str]]:
    """The rows of each batch (rows, the status they are shown with) as the table page shows
    them (table-row.html.j2's `row`), for the live preview's quick rebuild to put the new in
    place of the old. The template is compiled once for every batch."""
    template = localized(language, catalogs).get_template("table-row.html.j2")
    rendered = []
    for rows, status in batches:
        module = template.make_module(_rows_context(rows, language, status, forge))
        row = getattr(module, "row")  # noqa: B009 (a macro: the module's names are the template's)
        rendered.append(
            [str(row(item, item.texts[language], status.row(item.code, language))) for item in rows]
        )
    return rendered


def render(table: ErrorTable, language: str, catalogs: i18n.Catalogs = i18n.PACKAGE) -> str:
    """The Markdown source of the error table page in `language`, the table inline."""
    return render_page(table, language, catalogs).whole()


def site_name(language: str, catalogs: i18n.Catalogs = i18n.PACKAGE) -> str:
    """The site's name in `language`."""
    return i18n.translations(language, catalogs).gettext("Gupshup WhatsApp API error codes")


def render_root(alternates: Sequence[Alternate], site_url: str | None) -> str:
    """The site's root page: it sends a reader to their language and keeps the #fragment."""
    template = _environment().get_template("root.html.j2")
    return template.render(alternates=alternates, root=urls.root(site_url))


def render_not_found(
    table: ErrorTable,
    alternates: Sequence[Alternate],
    site_url: str | None,
    catalogs: i18n.Catalogs = i18n.PACKAGE,
) -> str:
    """The site-wide 404 page, served at any depth: every language, links by absolute path.

    A missing address that names a code (/en/1002) is sent on to that code's row.
    """
    sections, titles = [], []
    for alt in alternates:
        section = localized(alt.language, catalogs).get_template("404-section.html.j2")
        sections.append(Markup(section.render(alt=alt, title=table.title[alt.language])))
        titles.append(i18n.translations(alt.language, catalogs).gettext("Page not found"))
    return (
        _environment()
        .get_template("404.html.j2")
        .render(
            alternates=alternates,
            sections=sections,
            titles=titles,
            base=urls.base_path(site_url),
            codes=[row.anchor for row in table.codes],
        )
    )


def render_search_worker(material_worker: str, fold: Mapping[str, str]) -> str:
    """The site's search worker: Material's worker (a file name beside it) plus our query fixes."""
    template = _environment().get_template("search-worker.js.j2")
    return template.render(material_worker=material_worker, fold=dict(fold))
