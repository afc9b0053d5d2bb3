"""The record of changes for readers: the "What changed" page, its Atom feed, and the text of
`gupshup-errors changes`. Pure: every date comes from the record, never from the clock."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]
from jinja2.environment import TemplateModule
from markupsafe import Markup, escape

from ..data.model import ErrorTable, code_fields, label, translated_fields
from ..records.changes import CHANGED, Change, Record
from ..text import i18n, urls, words
from .pages import localized, long_date

PAGE = "changes.md"
"""The page's source in every language: /<lang>/changes/."""
FEED = "changes.xml"
"""The feed beside the table page: /<lang>/changes.xml."""


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
        day = long_date(change.date, language)
        shown.append(View(f"change-{change.number}", change, day, tuple(_merged(lines))))
    return shown


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


def _module(language: str, catalogs: i18n.Catalogs, source: str) -> TemplateModule:
    env = localized(language, catalogs)
    context = {"source": source, "source_name": i18n.language_name_in(source, language)}
    return env.get_template("changes.html.j2").make_module(context)


def feed_title(language: str, catalogs: i18n.Catalogs) -> str:
    """The feed's title in `language`, as the pages' heads name it."""
    return _call(_module(language, catalogs, language), "feed_title").strip()


def page_markdown(
    shown: Sequence[View], language: str, source: str, catalogs: i18n.Catalogs
) -> str:
    """The "What changed" page's Markdown in `language` from its `views`, newest first;
    links are relative to /<lang>/changes/."""
    module = _module(language, catalogs, source)
    return str(_call(module, "page", shown, "../", FEED))


def entries_html(
    shown: Sequence[View], language: str, source: str, catalogs: i18n.Catalogs
) -> list[str]:
    """Each entry's codes as the "What changed" page shows them (the template's `entry`), for
    the preview's quick rebuild to put in place of the old."""
    module = _module(language, catalogs, source)
    return [_call(module, "entry", view, "../") for view in shown]


def title(view: View, module: TemplateModule) -> str:
    return str(_call(module, "title", view.change.kind, len(view.change.codes))).strip()


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
    """The Atom feed in `language` from the record's `views` (newest first): one entry per
    change, absolute links, every date from the record."""
    module = _module(language, catalogs, source)
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
    for view in reversed(shown):  # feedgen puts each new entry first
        entry = generator.add_entry()
        entry.id(f"{page}#{view.id}")
        entry.title(f"{view.day}: {title(view, module)}: {_codes(view)}")
        entry.link(href=f"{page}#{view.id}")
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
    module = _module(language, catalogs, language)
    out: list[str] = []
    for view in views(record, table, language, catalogs, day):
        out.append(f"{view.change.date.isoformat()}  {title(view, module)}")
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
