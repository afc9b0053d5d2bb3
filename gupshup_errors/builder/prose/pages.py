"""The pages of docs/ in one language's build: the file each is read from, its heading ids and
code links, its note, and where it is listed (navigation, sitemap, search, hreflang)."""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ...data.model import ErrorTable
from ...data.problems import Problem
from ...fences import material
from ...records.pages.review import Overview
from ...records.pages.tree import DocsTree, PageState, sort_out
from ...render.pages import PageLink
from ...render.prose import codelinks, headings, notes, twin
from ...render.prose.located import PageError
from ...text import i18n, urls
from ...text.paths import shown

log = logging.getLogger("gupshup_errors.pages")

INTRO = codelinks.TABLE_PAGE
"""docs/index.md: not a page of its own, but the introduction above the table."""
# Where the introduction starts and ends in the table page, so that an untranslated one is
# marked with its language once MkDocs has rendered it.
INTRO_START = "<!-- gupshup-errors: introduction -->"
INTRO_END = "<!-- gupshup-errors: end of the introduction -->"


@dataclass(frozen=True)
class PageRead:
    """A page as one language's build reads it."""

    path: Path
    """The file read: the translation's, or the source's where there is none."""
    text: str
    state: PageState


@dataclass
class ProsePages:
    """The pages of docs/ in one language."""

    docs_dir: Path
    languages: tuple[str, ...]
    language: str
    catalogs: i18n.Catalogs
    root_url: str
    codes: dict[str, int]
    """Every row's anchor and number, retired ones included: what a page may link to."""
    overview: Overview
    """Every page's state in every language, from the record of their translations."""
    tree: DocsTree = field(default_factory=DocsTree)
    pages: dict[str, PageRead] = field(default_factory=dict)
    """Each page (by its source's docs/-relative path) as this language reads it."""
    addresses: dict[str, str] = field(default_factory=dict)
    """Each published page's address, relative to its language's folder."""

    @classmethod
    def of(
        cls,
        config: MkDocsConfig,
        table: ErrorTable,
        languages: tuple[str, ...],
        language: str,
        catalogs: i18n.Catalogs,
        root_url: str,
        overview: Overview,
    ) -> ProsePages:
        return cls(
            docs_dir=Path(config.docs_dir),
            languages=languages,
            language=language,
            catalogs=catalogs,
            root_url=root_url,
            codes={row.anchor: row.code for row in table.codes},
            overview=overview,
        )

    @property
    def source(self) -> str:
        return self.languages[0]

    def _read(self, source_uri: str) -> PageRead:
        source_path = self.docs_dir / source_uri
        source_text = _text(source_path)
        if self.language == self.source:
            return PageRead(source_path, source_text, PageState.TRANSLATED)
        found = self.tree.translation(source_uri, self.language)
        path = self.docs_dir / found if found else None
        text = _text(path) if path else None
        page_state = self.overview.state(source_uri, self.language)  # from the record
        if path is None or text is None:
            return PageRead(source_path, source_text, page_state)
        return PageRead(path, text, page_state)

    def collect(self, files: Files, config: MkDocsConfig) -> tuple[Files, str]:
        """This language's files: each page read from its translation where there is one,
        published at its source's address; translations never published on their own. Also
        the table page's introduction (Markdown, empty when docs/index.md is absent)."""
        self.tree = sort_out((file.src_uri for file in files), self.languages)
        for orphan in self.tree.orphans:
            log.info("%s: its source page is gone, so it is not published", self._shown(orphan))
        for unbuilt in self.tree.unbuilt:
            log.info("%s: not a language of the site, so it is not published", self._shown(unbuilt))
        dropped = {*self.tree.translations.values(), *self.tree.orphans, *self.tree.unbuilt}
        kept = []
        for file in files:
            if file.src_uri in dropped:
                continue
            if file.src_uri not in self.tree.sources:
                kept.append(file)
                continue
            read = self.pages[file.src_uri] = self._read(file.src_uri)
            if file.src_uri == INTRO:
                continue  # the introduction goes into the generated table page
            if read.path != self.docs_dir / file.src_uri:
                file = File.generated(config, file.src_uri, abs_src_path=str(read.path))
            kept.append(file)
            self.addresses[file.src_uri] = file.url
        return Files(kept), self._intro()

    def _shown(self, src_uri: str) -> str:
        return (shown(self.docs_dir) / src_uri).as_posix()

    def _intro(self) -> str:
        read = self.pages.get(INTRO)
        if read is None:
            return ""
        markdown, _meta = get_data(read.text)
        body = self._checked(markdown, INTRO)
        return f"\n{INTRO_START}\n\n{body}\n\n{INTRO_END}\n"

    def markdown(self, markdown: str, src_uri: str) -> str:
        """A page's Markdown as MkDocs renders it: each heading with the id of the source's
        heading, every link to a code checked. Raises PageError, located in the file read."""
        if src_uri not in self.pages or src_uri == INTRO:
            return markdown  # a page this plugin generates (the introduction is in it already)
        return self._checked(markdown, src_uri)

    def _checked(self, markdown: str, src_uri: str) -> str:
        read = self.pages[src_uri]
        file = shown(read.path).as_posix()
        first_line = _first_line(read.text, markdown)
        found = headings.headings(markdown)
        taken = set(self.codes) if src_uri == INTRO else set()
        if read.path == self.docs_dir / src_uri:
            ids = headings.source_ids(found, taken)
        else:
            source_body = get_data(_text(self.docs_dir / src_uri))[0]
            source_headings = headings.headings(source_body)
            ids = headings.source_ids(source_headings, taken)
            count, problem = headings.matched(source_headings, found, file, first_line)
            if problem is not None:
                self._report(read.state, problem)
            ids = ids[:count] + headings.source_ids(found[count:], taken | set(ids[:count]))
        problems = codelinks.problems(markdown, src_uri, file, first_line, self.codes)
        if problems:
            raise PageError(problems)
        return headings.with_ids(markdown, found, ids)

    def _report(self, page_state: PageState, problem: Problem) -> None:
        # A translation that may be out of date is published with a note, even when the source
        # gained or lost a heading since; a current one must keep the source's structure.
        if page_state is PageState.OUTDATED:
            log.info("%s", problem)
        else:
            raise PageError([problem])

    def meta(self, page: Page) -> None:
        """A page's settings for the theme: its language switch and x-default lead to the same
        page; a page not translated yet is not in this language's search."""
        read = self.pages.get(page.file.src_uri)
        if read is None or page.file.src_uri == INTRO:
            return
        page.meta["alternate_suffix"] = page.url
        page.meta["x_default"] = f"{urls.language_url(self.root_url, self.source)}{page.url}"
        if read.state is PageState.MISSING:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def content(self, rendered: str, page: Page) -> str:
        """A page's HTML with its note, the source's words marked with their language."""
        src_uri = page.file.src_uri
        if src_uri == INTRO:
            return self._intro_content(rendered, page)
        read = self.pages.get(src_uri)
        if read is None:
            return rendered
        note = notes.note(read.state, page.url, self.language, self.source, self.catalogs)
        return notes.marked(rendered, read.state, note, self.source)

    def _intro_content(self, rendered: str, page: Page) -> str:
        read = self.pages.get(INTRO)
        if read is None or INTRO_START not in rendered:
            return rendered
        start, end = rendered.index(INTRO_START), rendered.index(INTRO_END)
        inside = rendered[start + len(INTRO_START) : end]
        note = notes.note(read.state, page.url, self.language, self.source, self.catalogs)
        marked = notes.marked(inside, read.state, note, self.source)
        return f"{rendered[:start]}{marked}{rendered[end + len(INTRO_END) :]}"

    def listed(self) -> list[PageLink]:
        """The pages as the table's page links to them, in the order of their files, each under
        its title in this language (the source's, marked as such, where it is missing)."""
        return [
            PageLink(
                title=_title(read.text, src_uri),
                url=self.addresses[src_uri],
                language=self.source if read.state is PageState.MISSING else None,
            )
            for src_uri, read in self.pages.items()
            if src_uri in self.addresses
        ]

    def head(self, output: str, page: Page) -> str:
        """The page's hreflang links: its own address in each language it is written in; none
        on a page not translated yet, which is the source's page under another language."""
        src_uri = page.file.src_uri
        read = self.pages.get(src_uri)
        if read is None or src_uri == INTRO:
            return output
        real = (
            [] if read.state is PageState.MISSING else self.tree.written_in(src_uri, self.languages)
        )
        for language in self.languages:
            url = urls.language_url(self.root_url, language)
            new = material.alternate_link(f"{url}{page.url}", language) if language in real else ""
            output = output.replace(material.alternate_link(url, language), new, 1)
        return output

    def missing_urls(self) -> list[str]:
        """The addresses, in this language, of the pages not translated into it."""
        base = urls.language_url(self.root_url, self.language)
        return [
            f"{base}{self.addresses[src_uri]}"
            for src_uri, read in self.pages.items()
            if read.state is PageState.MISSING and src_uri in self.addresses
        ]


def _text(path: Path) -> str:
    """A page's text, as MkDocs reads it; one that is not UTF-8 is a located mistake."""
    try:
        return path.read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        said = f"byte {error.start} of the page is not UTF-8 text"
        where = Problem(shown(path).as_posix(), 1, 1, said, hint="save it as UTF-8")
        raise PageError([where]) from None


def _title(text: str, src_uri: str) -> str:
    """A page's title as MkDocs gives it: its front matter's, else its first heading's."""
    markdown, meta = get_data(text)
    if isinstance(meta.get("title"), str):
        return str(meta["title"])
    first = next((found for found in headings.headings(markdown) if found.level == 1), None)
    return first.text if first else src_uri.rsplit("/", 1)[-1].removesuffix(".md")


def _first_line(text: str, markdown: str) -> int:
    """The file's line that `markdown`, its text after the front matter, starts on."""
    return text[: len(text) - len(markdown)].count("\n") + 1 if text.endswith(markdown) else 1


_SITEMAP_ENTRY = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)


def without_urls(sitemap: str, dropped: list[str]) -> str:
    """MkDocs' sitemap without the entries of `dropped` addresses."""
    gone = {html.escape(url) for url in dropped}
    return _SITEMAP_ENTRY.sub(
        lambda entry: "" if entry.group(1) in gone else entry.group(0), sitemap
    )


def twin_sources(prose: ProsePages) -> list[twin.Source]:
    """Every published page as its twin is made from it, in the order of their files."""
    return [
        twin.Source(
            src_uri=src_uri,
            path=prose.addresses[src_uri],
            title=_title(read.text, src_uri),
            markdown=get_data(read.text)[0],
            state=read.state,
            written_in=tuple(prose.tree.written_in(src_uri, prose.languages)),
            description=str(get_data(read.text)[1].get("description") or ""),
        )
        for src_uri, read in prose.pages.items()
        if src_uri in prose.addresses
    ]


def intro_markdown(prose: ProsePages) -> str:
    """The introduction's Markdown as written (empty when there is none)."""
    read = prose.pages.get(INTRO)
    return get_data(read.text)[0] if read is not None else ""


def read_from(prose: ProsePages, src_uri: str) -> Path | None:
    """The file a page of this language is read from: its translation, or its source."""
    read = prose.pages.get(src_uri)
    return read.path if read is not None else None
