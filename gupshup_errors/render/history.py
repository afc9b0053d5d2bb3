"""The record of changes for readers: the "What changed" pages, their Atom feed, and the text
of `gupshup-errors changes`. Pure: every date comes from the record, never from the clock.

The record grows with the table, so what readers get of it is bounded: the first publication
of the table is one entry saying how many codes (data/changes.txt and /errors.json keep every
code), the feed carries the newest LATEST entries, each whole, and so does the page at
/<lang>/changes/; every entry's lasting address is its year's page, /<lang>/changes/<year>/."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from babel.numbers import format_decimal
from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]
from jinja2.environment import TemplateModule
from markupsafe import Markup, escape

from ..data.model import ErrorTable, code_fields, label, translated_fields
from ..records.changes import ADDED, CHANGED, Change, Record
from ..text import i18n, urls, words
from .pages import localized, long_date

PAGE = "changes.md"
"""The newest entries' page's source in every language: /<lang>/changes/."""
FEED = "changes.xml"
"""The feed beside the table page: /<lang>/changes.xml."""
LATEST = 20
"""Entries in the feed and on /<lang>/changes/, newest first: a feed reader polls it again
and again, and a page of the newest changes stays short whatever the record holds."""
HISTORY_SLOT = "<!-- gupshup-errors: the history -->"
"""Where a "What changed" page's body goes: it is finished HTML, put in after MkDocs renders
the page, so Python-Markdown never parses the record (2.4 s at 10,000 codes when it did)."""


def marked(was: str, now: str) -> tuple[Markup, Markup]:
    """The two texts as HTML, the removed words in <del> in the old, the added in <ins> in the
    new."""
    before, after = words.marked(
        was, now, lambda gone: f"<del>{gone}</del>", lambda come: f"<ins>{come}</ins>", _html
    )
    return Markup(before), Markup(after)


def _html(text: str) -> str:
    return str(escape(text))


@dataclass(frozen=True)
class Line:
    """What an entry shows of one code: its number, its name in the reader's language, and
    the detail of the entry (a field's label, a text's old and new words, a language)."""

    code: int
    name: str
    field: str = ""
    language: str = ""
    was: str | None = None
    """A changed text's old words (None: the entry changed no text)."""
    now: str | None = None

    @functools.cached_property
    def html(self) -> tuple[Markup, Markup]:
        """The old and the new text as HTML, the changed words in <del> and <ins>."""
        return marked(self.was or "", self.now or "")

    @property
    def plain(self) -> tuple[str, str]:
        """The same with the marks of `git diff --word-diff`, for the terminal."""
        return words.marked(
            self.was or "", self.now or "", lambda gone: f"[-{gone}-]", lambda come: f"{{+{come}+}}"
        )


@dataclass(frozen=True)
class View:
    """One entry as a reader sees it."""

    id: str
    """The entry's fragment on the page, also in its feed id: 'change-<n>'."""
    change: Change
    day: str
    """The date in the reader's language (CLDR long format)."""
    lines: tuple[Line, ...]
    """Empty for the table's first publication, which is told by its count of codes."""
    first: bool = False
    """The table's first publication: the record's first entry, of codes added."""


def _labels(language: str, catalogs: i18n.Catalogs) -> dict[str, str]:
    gettext = i18n.translations(language, catalogs).gettext
    every = (*translated_fields(), *code_fields())
    return {item.name: gettext(label(item)) for item in every}


def views(
    record: Record,
    table: ErrorTable,
    language: str,
    catalogs: i18n.Catalogs,
    since: date = date.min,
) -> list[View]:
    """The record's entries since `since`, newest first, in `language`."""
    labels = _labels(language, catalogs)
    rows = {row.code: row for row in table.codes}  # table.find would scan it for every line
    shown: list[View] = []
    for change in reversed(record.changes):
        if change.date < since:
            continue
        day = long_date(change.date, language)
        view_id = f"change-{change.number}"
        if is_first_publication(change):
            shown.append(View(view_id, change, day, (), first=True))
            continue
        lines = []
        for item in change.items:
            row = rows.get(item.code)
            name = row.texts[language].name if row else str(item.code)
            was = now = None
            if change.kind == CHANGED:
                was, now = item.was or "", item.now or ""
            lines.append(
                Line(
                    item.code,
                    name,
                    labels.get(item.field or "", item.field or ""),
                    i18n.language_name_in(item.language, language) if item.language else "",
                    was,
                    now,
                )
            )
        shown.append(View(view_id, change, day, tuple(_merged(lines))))
    return shown


def is_first_publication(change: Change) -> bool:
    """The entry that published the table: the record's first, of codes added."""
    return change.number == 1 and change.kind == ADDED


def _merged(lines: Sequence[Line]) -> list[Line]:
    """An added or retired code once, however many of its texts the entry holds."""
    seen: set[tuple[int, str, str]] = set()
    merged = []
    for line in lines:
        key = (line.code, line.field if line.was is not None else "", line.language)
        if line.was is None and not line.language:
            key = (line.code, "", "")
        if key not in seen:
            seen.add(key)
            merged.append(line if line.was is not None or line.language else _bare(line))
    return merged


def _bare(line: Line) -> Line:
    return Line(line.code, line.name)


def _call(module: TemplateModule, macro: str, *args: object) -> str:
    """One of the template's macros, rendered."""
    return str(getattr(module, macro)(*args))


def template_module(language: str, catalogs: i18n.Catalogs, source: str) -> TemplateModule:
    """changes.html.j2 in `language`, its changed texts in `source`: the pages', the feed's
    and the Markdown twin's words."""
    env = localized(language, catalogs)
    env.filters["number"] = functools.partial(format_decimal, locale=language)
    context = {"source": source, "source_name": i18n.language_name_in(source, language)}
    return env.get_template("changes.html.j2").make_module(context)


def feed_title(language: str, catalogs: i18n.Catalogs) -> str:
    """The feed's title in `language`, as the pages' heads name it."""
    return _call(template_module(language, catalogs, language), "feed_title").strip()


@dataclass(frozen=True)
class HistoryPage:
    """One "What changed" page: its source for MkDocs (the head and title, HISTORY_SLOT where
    the body goes) and its body's HTML."""

    src_uri: str
    markdown: str
    body: str


def year_page(year: int) -> str:
    """A year's page's source: /<lang>/changes/<year>/."""
    return f"changes/{year}.md"


def pages(
    shown: Sequence[View], language: str, source: str, catalogs: i18n.Catalogs
) -> Iterator[HistoryPage]:
    """The "What changed" pages in `language` from its `views`, newest first: the newest
    LATEST entries at /<lang>/changes/, then every year's entries, newest year first."""
    module = template_module(language, catalogs, source)
    split = split_by_page(shown)
    years = [year for year, _ in split if year is not None]
    for year, views_ in split:
        first = year is None
        src_uri = PAGE if year is None else year_page(year)
        base, here = ("../", "") if first else ("../../", "../")
        markdown = _call(module, "page", year, Markup(HISTORY_SLOT))
        body = _call(module, "body", views_, base, FEED, year, years, here)
        yield HistoryPage(src_uri, markdown, body)


def split_by_page(shown: Sequence[View]) -> list[tuple[int | None, Sequence[View]]]:
    """The views (newest first) as the "What changed" pages show them: the newest LATEST on the
    first page (year None), then each year's, newest year first."""
    years = sorted({view.change.date.year for view in shown}, reverse=True)
    split: list[tuple[int | None, Sequence[View]]] = [(None, shown[:LATEST])]
    split += [(year, [view for view in shown if view.change.date.year == year]) for year in years]
    return split


class History:
    """One language's view of the record for a build, made once for its pages and its feed:
    the pages' bodies are kept until MkDocs has rendered the pages around their slots."""

    def __init__(
        self, record: Record, table: ErrorTable, language: str, source: str, catalogs: i18n.Catalogs
    ) -> None:
        self.language, self.source, self.catalogs = language, source, catalogs
        self.views = views(record, table, language, catalogs)
        self.bodies: dict[str, str] = {}

    def pages(self) -> list[HistoryPage]:
        made = list(pages(self.views, self.language, self.source, self.catalogs))
        self.bodies = {page.src_uri: page.body for page in made}
        return made

    def filled(self, src_uri: str, output: str) -> str:
        """A rendered page, with its body in place if it is one of the history's; raises
        ValueError if MkDocs lost the slot."""
        body = self.bodies.get(src_uri)
        if body is None:
            return output
        if HISTORY_SLOT not in output:
            raise ValueError(f"the page lost its history slot {HISTORY_SLOT!r}")
        return output.replace(HISTORY_SLOT, body, 1)

    def feed(self, site_url: str | None) -> str:
        return feed(self.views, self.language, self.source, site_url, self.catalogs)


def entries_html(
    shown: Sequence[View], language: str, source: str, catalogs: i18n.Catalogs, base: str
) -> list[str]:
    """Each entry's codes as a "What changed" page shows them (the template's `entry`, links
    to the table starting with `base`), for the preview's quick rebuild to put in place of
    the old."""
    module = template_module(language, catalogs, source)
    return [_call(module, "entry", view, base) for view in shown]


def title(view: View, module: TemplateModule) -> str:
    kind, count = view.change.kind, len(view.change.codes)
    return str(_call(module, "title", kind, count, view.first)).strip()


def _codes(view: View) -> str:
    codes = [str(code) for code in view.change.codes]
    return ", ".join(codes[:8]) + (", …" if len(codes) > 8 else "")


def feed(
    shown: Sequence[View],
    language: str,
    source: str,
    site_url: str | None,
    catalogs: i18n.Catalogs,
) -> str:
    """The Atom feed in `language` from the record's `views` (newest first): the newest LATEST
    entries, each whole, linking to its year's page; absolute links, every date from the
    record. An entry's id is the address it had before the pages by year, so that readers
    that had it do not show it again."""
    module = template_module(language, catalogs, source)
    base = urls.language_url(site_url, language)
    page = f"{base}changes/"
    generator = FeedGenerator()
    generator.id(page)
    generator.title(str(_call(module, "feed_title")).strip())
    generator.language(language)
    generator.link(href=page, rel="alternate")
    generator.link(href=f"{base}{FEED}", rel="self")
    generator.generator("gupshup-errors")
    last = shown[0].change.date if shown else date(1970, 1, 1)
    generator.updated(_moment(last))
    for view in reversed(shown[:LATEST]):  # feedgen puts each new entry first
        entry = generator.add_entry()
        entry.id(f"{page}#{view.id}")
        codes = "" if view.first else f": {_codes(view)}"
        entry.title(f"{view.day}: {title(view, module)}{codes}")
        entry.link(href=f"{page}{view.change.date.year}/#{view.id}")
        entry.updated(_moment(view.change.date))
        entry.published(_moment(view.change.date))
        entry.content(str(_call(module, "entry", view, base)), type="html")
    xml: bytes = generator.atom_str(pretty=True)
    return xml.decode("utf-8")


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def since(
    record: Record,
    table: ErrorTable,
    day: date,
    language: str,
    site_url: str | None,
    catalogs: i18n.Catalogs,
) -> str:
    """`gupshup-errors changes`: each entry since `day`, newest first, each code with its
    link."""
    module = template_module(language, catalogs, language)
    out: list[str] = []
    for view in views(record, table, language, catalogs, day):
        out.append(f"{view.change.date.isoformat()}  {title(view, module)}")
        if view.first:
            out.append(f"  {urls.language_url(site_url, language)}")
        for line in view.lines:
            detail = f" ({line.field})" if line.field else ""
            detail += f" [{line.language}]" if line.language else ""
            url = urls.anchor_url(site_url, language, str(line.code))
            out.append(f"  {line.code} {line.name}{detail}  {url}")
            if line.was is not None:
                was, now = line.plain
                out.append(f"    - {was}")
                out.append(f"    + {now}")
    return "".join(f"{line}\n" for line in out)


def listing(record: Record) -> frozenset[int]:
    """The codes the history's pages list by name (the first publication lists none)."""
    return frozenset(
        code
        for change in record.changes
        if not is_first_publication(change)
        for code in change.codes
    )


def files_showing(view: View, at: int) -> list[str]:
    """The files of a language's history that show the entry `view`, the `at`-th newest:
    its year's page, and the newest entries' page if it is one of them."""
    year = page_file(year_page(view.change.date.year))
    return [year, page_file(PAGE)] if at < LATEST else [year]


def page_file(src_uri: str) -> str:
    """The HTML file MkDocs writes for a page's source (its directory URL)."""
    return f"{src_uri.removesuffix('.md')}/index.html"


def table_base(file: str, site_url: str | None, language: str) -> str:
    """What links to the table start with in one of the history's files."""
    if file == FEED:
        return urls.language_url(site_url, language)
    return "../" * file.count("/")
