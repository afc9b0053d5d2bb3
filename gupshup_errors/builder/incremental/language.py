"""One language's files after an edit of the data: the rows, the table page, the code pages,
the search index and the sitemap the edit changed, each made by the same templates and
functions as a whole build."""

from __future__ import annotations

import difflib
import html
import json
from dataclasses import dataclass, replace
from datetime import datetime

from ...data.model import ErrorTable, Status
from ...fences import mkdocs as mkdocs_fence
from ...fences.material import SearchIndex
from ...render.forge import Forge
from ...render.markdown.twins import Made
from ...render.pages import (
    PageLink,
    PageSource,
    page_markdown,
    render_rows,
    render_table,
    with_table,
)
from .. import codepages, search
from ..settings import Settings

SITEMAP = "sitemap.xml"


def _json(value: object) -> str:
    # As the plugin writes the search index: compact, the text as it is.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class LanguageParts:
    """What MkDocs and Material rendered for one language, and what was made from it."""

    language: str
    shell: codepages.Shell
    """The code pages' shell."""
    page: str
    """The table page as Material rendered it, the table's slot still in it."""
    source: PageSource
    """The table page's Markdown and its rows' HTML, as rendered for the page."""
    intro: str
    """The introduction the table page was rendered with (from docs/)."""
    links: tuple[PageLink, ...]
    """The pages of docs/ the table page links to."""
    index: SearchIndex | None
    """The search index as written (None: the site has no search)."""
    sitemap: str
    """MkDocs' sitemap without the pages not translated yet, before the code pages went in."""
    twins: Made | None = None
    """What its table's twin and llms files are made from besides the table."""


@dataclass(frozen=True)
class Edit:
    """What an edit of the data changed, for every language."""

    before: ErrorTable
    table: ErrorTable
    """The table after the edit."""
    status: Status
    """What the pages show beside the texts, after the edit."""
    date: datetime
    """The build's date (the sitemaps')."""
    changed: frozenset[int]
    """The codes whose rows are new or differ."""
    reordered: bool
    """The table's codes differ, or their order."""
    retitled: bool = False
    """The table's title changed (its heading on the page, its caption, a search document)."""
    forge: Forge | None = None
    """Where each code's entry is in the data file (REPO_URL): the rows and pages link there."""


@dataclass(frozen=True)
class Language:
    """One language's parts, and its search index cut into its documents."""

    parts: LanguageParts
    head: str
    """The index's JSON up to its first document."""
    docs: tuple[str, ...]
    """Each document's JSON, the codes' last."""

    @classmethod
    def of(cls, parts: LanguageParts) -> Language:
        if parts.index is None:
            return cls(parts, "", ())
        head = _json({"config": parts.index["config"], "docs": []})[: -len("]}")]
        return cls(parts, head, tuple(_json(doc) for doc in parts.index["docs"]))

    def index_text(self) -> str:
        return f"{self.head}{','.join(self.docs)}]}}"

    def redo(
        self, edit: Edit, redo: frozenset[int], settings: Settings
    ) -> tuple[Language, dict[str, bytes]] | None:
        """The files the edit changes in this language, by path under its folder (None: not
        where expected), and the parts as they are after it. `redo`: the codes whose rows
        are rendered again (the changed ones, and those whose note on an outdated
        translation came or went)."""
        if not redo and not edit.reordered and not edit.retitled:
            return self, {}
        parts, name, table = self.parts, self.parts.language, edit.table
        rendered = dict(zip((r.code for r in edit.before.codes), parts.source.rows, strict=True))
        chosen = [row for row in table.codes if row.code in redo]
        (fresh,) = render_rows(name, settings.catalogs, (chosen, edit.status), forge=edit.forge)
        rendered.update(zip((row.code for row in chosen), fresh, strict=True))
        rows = tuple(rendered[row.code] for row in table.codes)
        table_html = render_table(table, name, settings.catalogs, rows)
        page, markdown = parts.page, parts.source.markdown
        if edit.reordered or edit.retitled:
            markdown = page_markdown(
                table, name, settings.catalogs, edit.status, parts.intro, parts.links
            )
            spliced = _spliced(page, parts.source.markdown, markdown)
            if spliced is None:
                return None
            page = spliced
        files = {"index.html": with_table(page, table_html).encode("utf-8", "xmlcharrefreplace")}
        files.update(self._code_pages(edit, redo, settings))
        docs = self._docs(edit)
        if edit.retitled:
            titled = _retitled(docs, edit, name)
            if titled is None:
                return None
            docs = titled
        if docs != self.docs:
            files["search/search_index.json"] = replace(self, docs=docs).index_text().encode()
        if edit.reordered:
            files.update(self._sitemap(table, settings, edit.date))
        source = replace(parts.source, markdown=markdown, table=table_html, rows=rows)
        return replace(self, parts=replace(parts, page=page, source=source), docs=docs), files

    def _code_pages(self, edit: Edit, redo: frozenset[int], settings: Settings) -> dict[str, bytes]:
        """The pages of the codes in `redo`, and of every code whose neighbours changed."""
        pages = codepages.pages(
            self.parts.shell,
            edit.table,
            self.parts.language,
            settings.catalogs,
            edit.status,
            page_indexes(edit, redo),
            edit.forge,
        )
        return {f"{page.anchor}/index.html": page.html for page in pages}

    def _docs(self, edit: Edit) -> tuple[str, ...]:
        """The search index's documents: the pages' as they were, then one for every code."""
        if not self.docs:
            return self.docs
        old = edit.before.codes
        first = len(self.docs) - len(old)
        kept = dict(zip((row.code for row in old), self.docs[first:], strict=True))
        name = self.parts.language
        codes = (
            kept[row.code]
            if row.code in kept and row.code not in edit.changed
            else _json(search.code_document(row, name))
            for row in edit.table.codes
        )
        return (*self.docs[:first], *codes)

    def _sitemap(self, table: ErrorTable, settings: Settings, date: datetime) -> dict[str, bytes]:
        parts = self.parts
        xml = codepages.sitemap(parts.sitemap, table, settings.site_url, parts.language)
        day = date.strftime("%Y-%m-%d")
        return {
            SITEMAP: xml.encode("utf-8"),
            f"{SITEMAP}.gz": mkdocs_fence.gzipped_sitemap(xml, SITEMAP, day),
        }


def page_indexes(edit: Edit, redo: frozenset[int]) -> list[int]:
    """Where in the table the codes are whose pages (and twins) the edit changes: those in
    `redo`, and every code whose neighbours (shown by name) changed or moved."""
    before, after = _neighbours(edit.before), _neighbours(edit.table)
    touched = {n for code in edit.changed for n in after.get(code, ())}
    return [
        at
        for at, row in enumerate(edit.table.codes)
        if row.code in redo or row.code in touched or before.get(row.code) != after[row.code]
    ]


def _retitled(docs: tuple[str, ...], edit: Edit, language: str) -> tuple[str, ...] | None:
    """The search documents with the table heading's under its new title; None when it is
    not found once, or when a title holds what HTML escapes (the search plugin reads the
    heading's HTML, and only plain text reads back as it was written)."""
    old, new = edit.before.title[language], edit.table.title[language]
    if html.escape(old) != old or html.escape(new) != new:
        return None
    location = f"#{edit.table.anchor}"
    first = len(docs) - len(edit.table.codes)
    found = [
        at for at, doc in enumerate(docs[:first]) if json.loads(doc).get("location") == location
    ]
    if len(found) != 1:
        return None
    doc = json.loads(docs[found[0]])
    if doc.get("title") != old:
        return None
    return (*docs[: found[0]], _json({**doc, "title": new}), *docs[found[0] + 1 :])


def _neighbours(table: ErrorTable) -> dict[int, tuple[int | None, int | None]]:
    """Each code's previous and next code in the table (its page links to both by name)."""
    codes = [row.code for row in table.codes]
    return {
        code: (codes[at - 1] if at else None, codes[at + 1] if at + 1 < len(codes) else None)
        for at, code in enumerate(codes)
    }


def _spliced(page: str, old: str, new: str) -> str | None:
    """The rendered page with the lines of Markdown that changed put in place of the old;
    only lines of HTML, which Markdown passes through as they are, and each found once."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or a1 - a0 != b1 - b0:
            return None
        for before, after in zip(old_lines[a0:a1], new_lines[b0:b1], strict=True):
            if not (before.startswith("<") and after.startswith("<")) or page.count(before) != 1:
                return None
            page = page.replace(before, after, 1)
    return page
