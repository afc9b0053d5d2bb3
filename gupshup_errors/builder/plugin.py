"""The thin MkDocs glue: one language's config, its generated table page and its search."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..data.model import ErrorTable
from ..data.problems import DataError
from ..fences import material
from ..fences import mkdocs as mkdocs_fence
from ..records.dates import SourceDateError
from ..records.reading import Reading
from ..records.reading import read as read_sources
from ..records.sources import Sources
from ..render import history as changes_view
from ..render.markdown import changes as changes_twin
from ..render.markdown import twins
from ..render.pages import (
    TABLE_SLOT,
    PageSource,
    alternates,
    render_page,
    site_name,
    with_table,
)
from ..render.prose.located import PageError
from ..render.template_cache import MemoryBytecodeCache
from ..text import i18n, urls
from . import codepages, minify, pagefiles, search, theme
from .background import Jobs
from .config import ErrorTableConfig
from .incremental.language import LanguageParts
from .prose.pages import ProsePages, intro_markdown, read_from, twin_sources, without_urls
from .settings import TEMPLATES, THEME, Settings, catalogs
from .twins import files as twinfiles

# One per process: the second language's build, and every preview rebuild, reuse the compiled theme.
_THEME_BYTECODE = MemoryBytecodeCache()


@dataclass(frozen=True)
class LanguageInput:
    """What one language's build is constructed with: the one reading of the sources."""

    reading: Reading
    language: str
    jobs: Jobs | None = None
    """Where the code pages are written while the build goes on; None: before it ends."""
    reuse: Path | None = None
    """An earlier build of the site whose code pages' folders this one may take."""
    keep: bool = False
    """Keep what this build rendered (`outcome()`), for the live preview's next edit."""


@dataclass(frozen=True)
class LanguageOutcome:
    """How one language's build ended."""

    parts: LanguageParts | None = None
    """What it rendered, when it was to keep it (for the live preview's next edit)."""
    failure: str | None = None
    """What stopped it, as this plugin worded it (a page's located mistake)."""


def inputs(settings: Settings) -> list[Path]:
    """Every input of a build besides docs_dir and mkdocs.yml, for the live preview: the data
    and its records, and the templates, catalogs and theme this plugin renders them with."""
    extra = [settings.catalogs.extra] if settings.catalogs.extra else []
    own = [TEMPLATES, i18n.LOCALES, *extra, THEME]
    return [*Sources.of(settings).watched(), *own]


def _read_alone(config: MkDocsConfig, options: ErrorTableConfig, serve: bool) -> LanguageInput:
    """A bare `mkdocs build` or `mkdocs serve`: the plugin reads the sources itself."""
    settings = Settings.of(config, options)
    try:
        reading = read_sources(Sources.of(settings), require_recorded=not serve)
    except DataError as error:
        raise PluginError(error.report()) from None
    except SourceDateError as error:
        raise PluginError(str(error)) from None
    config.watch.extend(str(path.resolve()) for path in inputs(settings))
    return LanguageInput(reading, options.language or options.languages[0])


def generated_files(
    config: MkDocsConfig,
    page: PageSource,
    history: changes_view.History,
    root_url: str,
    languages: tuple[str, ...],
    language: str,
    catalogs: i18n.Catalogs,
) -> list[File]:
    """The pages this plugin adds to docs/: the code pages' shell, the table page and the
    "What changed" pages (the newest entries' in the navigation, the years' linked from it).

    The shell goes first, as MkDocs renders pages in this order: the code pages are written
    from it while the table page, the largest, is still being built. The table page comes
    next, before the pages of docs/, as it does in the search index."""
    shell = codepages.shell_markdown(root_url, languages)
    return [
        File.generated(
            config, codepages.SHELL_URI, content=shell, inclusion=InclusionLevel.NOT_IN_NAV
        ),
        File.generated(config, "index.md", content=page.markdown),
        *(
            File.generated(
                config, each.src_uri, content=each.markdown, inclusion=_history_level(each.src_uri)
            )
            for each in history.pages()
        ),
    ]


def _history_level(src_uri: str) -> InclusionLevel:
    return InclusionLevel.INCLUDED if src_uri == changes_view.PAGE else InclusionLevel.NOT_IN_NAV


def _refuse_clashes(files: Files, table: ErrorTable, config: MkDocsConfig) -> None:
    """Stop the build when a file of docs/ would be written where a code's page goes."""
    sources = {file.dest_uri: file.src_uri for file in files}
    for uri, code in codepages.clashes(list(sources), table).items():
        docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent))
        raise PluginError(
            f"{(docs / sources[uri]).as_posix()} would be written to {uri}, "
            f"where the page of code {code} goes: rename or move it"
        )


def _own_assets(files: Files, config: MkDocsConfig) -> list[str]:
    """The site's own stylesheets and scripts, from docs/: minified after the build."""
    docs = Path(config.docs_dir).resolve()
    return [
        file.dest_uri
        for file in files
        if file.abs_src_path is not None
        and Path(file.abs_src_path).resolve().is_relative_to(docs)
        and minify.is_minifiable(file.dest_uri)
    ]


class ErrorTablePlugin(BasePlugin[ErrorTableConfig]):
    """One language's build. The site builder constructs it with the reading (`given`); a bare
    `mkdocs build` or `mkdocs serve` constructs it bare, and it reads the sources itself."""

    def __init__(self, given: LanguageInput | None = None) -> None:
        self.given = given
        self.is_serve = False
        self._outcome = LanguageOutcome()

    @classmethod
    def built_from(cls, given: LanguageInput, options: ErrorTableConfig) -> ErrorTablePlugin:
        """The plugin for one language of the site, with the options mkdocs.yml gives it."""
        plugin = cls(given)
        plugin.config = options
        return plugin

    @property
    def catalogs(self) -> i18n.Catalogs:
        return catalogs(self.config)

    @property
    def table(self) -> ErrorTable:
        return self.reading.table

    def outcome(self) -> LanguageOutcome:
        """How this plugin's last build ended (MkDocs' `build` returns nothing)."""
        return self._outcome

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_build_error(self, *, error: Exception) -> None:
        if isinstance(error, PluginError):
            self._outcome = LanguageOutcome(failure=str(error))

    # First, so that Material's search plugin sees this build's language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps a bare build's plugin for the process (its plugin cache): that one
        # reads the sources again on every build, as `mkdocs serve` needs.
        self.input = self.given or _read_alone(config, self.config, self.is_serve)
        self.reading = self.input.reading
        # Where each page is made from on the forge (REPO_URL); None: no links to it.
        self.forge = twinfiles.forge(Settings.of(config, self.config), self.reading.located)
        self._outcome = LanguageOutcome()
        self.language = language = self.input.language
        self.root_url = root_url = _localize(config, language, self.config.languages, self.catalogs)
        languages, status = tuple(self.config.languages), self.reading.status
        # This language's Markdown twins: what they link to.
        self.reader = twins.Reader(language, languages, root_url, self.catalogs, status, self.forge)
        self.worker: search.Worker | None = None
        self.shell: codepages.Shell | None = None
        self.page_output = ""
        self.sitemap = ""
        """The table page as this plugin finishes it, but for the table (for `outcome`)."""
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        reading, language, languages = self.reading, self.language, tuple(self.config.languages)
        self.prose = ProsePages.of(
            config, self.table, languages, language, self.catalogs, self.root_url, reading.pages
        )
        try:
            files, intro = self.prose.collect(files, config)
        except PageError as error:
            raise PluginError(str(error)) from None
        self.intro, self.links = intro, tuple(self.prose.listed())
        self.page = render_page(
            self.table, language, self.catalogs, reading.status, intro, self.links, self.forge
        )
        # Made once, for the page here and for the feed once the site is written.
        self.history_view = changes_view.History(
            reading.history, self.table, language, languages[0], self.catalogs
        )
        generated = generated_files(
            config, self.page, self.history_view, self.root_url, languages, language, self.catalogs
        )
        files = Files([*generated, *files])
        _refuse_clashes(files, self.table, config)
        self.own_assets = _own_assets(files, config)  # minified after the build
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = _THEME_BYTECODE
        env.filters["inline_scripts"] = minify.inline_scripts  # theme/main.html
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.prose.meta(page)
        try:
            return self.prose.markdown(markdown, page.file.src_uri)
        except PageError as error:
            raise PluginError(str(error)) from None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.src_uri == "index.md":  # its rows come in later, but links to them hold
            mkdocs_fence.add_anchors(page, (row.anchor for row in self.table.codes))
        return self.prose.content(html, page)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap's lastmod and its .gz header come from here; MkDocs would use today.
        page.update_date = self.reading.date.strftime("%Y-%m-%d")
        src_uri, top = page.file.src_uri, Path(config.config_file_path).parent
        page.edit_url = twinfiles.edit_url(self.forge, src_uri, read_from(self.prose, src_uri), top)
        return page

    def _use_worker(self, output: str) -> str:
        url = material.worker_url(output)
        if url is None:
            return output
        self.worker = search.worker(url, self.language)
        return search.use_worker(output, self.worker)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = material.with_html_direction(output, i18n.direction(self.language))
        output = self._use_worker(self.prose.head(output, page))
        if page.file.src_uri == "index.md":
            if TABLE_SLOT not in output:
                raise PluginError(f"the page lost its table slot {TABLE_SLOT!r}")
            # Finished but for the table: the preview's quick rebuild puts a new one in.
            self.page_output = output
            output = with_table(output, self.page.table)
        try:
            output = self.history_view.filled(page.file.src_uri, output)
        except ValueError as error:
            raise PluginError(str(error)) from None
        if page.file.src_uri == codepages.SHELL_URI:
            links = alternates(self.root_url, self.config.languages, self.catalogs)
            try:
                self.shell = codepages.shell(output, links)
            except codepages.ShellError as error:
                raise PluginError(str(error)) from None
            self._write_code_pages(Path(config.site_dir), self.shell)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name == "sitemap.xml":
            # The pages not translated yet left out first: the preview's quick rebuild puts
            # the codes' pages into this again.
            self.sitemap = without_urls(output_content, self.prose.missing_urls())
            try:
                return codepages.sitemap(self.sitemap, self.table, self.root_url, self.language)
            except codepages.ShellError as error:
                raise PluginError(str(error)) from None
        output = material.with_html_direction(output_content, i18n.direction(self.language))
        return self._use_worker(output)  # 404.html has the search box too

    # Last, so that the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        try:
            index = search.add_codes(
                site / "search" / "search_index.json", self.table, self.language
            )
        except ValueError as error:
            raise PluginError(str(error)) from None
        for asset in self.own_assets:
            minify.minify_file(site / asset)
        if self.worker is not None:
            search.write_worker(site, self.worker)
        feed = self.history_view.feed(self.root_url)
        (site / changes_view.FEED).write_text(feed, encoding="utf-8")
        twins_made = _write_twins(site, self.reader, self.table, self.history_view, self.prose)
        if self.shell is None:
            raise PluginError("the code pages' shell was not rendered")
        shutil.rmtree(site / codepages.PATH_SLOT)
        if self.input.keep:
            parts = LanguageParts(
                language=self.language,
                shell=self.shell,
                page=self.page_output,
                source=self.page,
                intro=self.intro,
                links=self.links,
                index=index,
                sitemap=self.sitemap,
                twins=twins_made,
            )
            self._outcome = LanguageOutcome(parts=parts)

    def _write_code_pages(self, site: Path, shell: codepages.Shell) -> None:
        given, language, status = self.input, self.language, self.reading.status
        code_pages = codepages.pages(
            shell, self.table, language, self.catalogs, status, forge=self.forge
        )
        kept = given.reuse / language if given.reuse is not None else None
        pages = partial(pagefiles.write, site, code_pages, kept)
        twins_too = partial(twinfiles.write_codes, site, self.reader, self.table)
        write = partial(_in_turn, pages, twins_too)  # a twin goes into its page's folder
        if given.jobs is None:
            write()
        else:
            given.jobs.run(f"the code pages in '{language}'", write)


def _localize(
    config: MkDocsConfig, language: str, languages: Sequence[str], catalogs: i18n.Catalogs
) -> str:
    """`config` made one language's: its theme, feed, search, name, address and folder; returns
    the site's root address."""
    root_url = urls.root(config.site_url)
    theme.localize(config, language, languages, root_url, catalogs)
    config.extra["changes_feed"] = {
        "href": f"{urls.language_path(root_url, language)}{changes_view.FEED}",
        "title": changes_view.feed_title(language, catalogs),
    }
    if "attr_list" not in config.markdown_extensions:  # the pages' heading ids are set with it
        config.markdown_extensions.append("attr_list")
    search.use_language(config, language)
    config.site_name = site_name(language, catalogs)
    config.site_url = urls.language_url(root_url, language)
    config.site_dir = str(Path(config.site_dir) / language)
    return root_url


def _write_twins(
    site: Path,
    reader: twins.Reader,
    table: ErrorTable,
    history: changes_view.History,
    prose: ProsePages,
) -> twins.Made:
    """Every Markdown twin of the language but the codes' (written with their pages), and its
    llms files; returns what the preview needs to remake them."""
    changes = changes_twin.twins(reader, history.views)
    made = twinfiles.made(reader, twin_sources(prose), intro_markdown(prose), changes)
    written, twins_made = twinfiles.language_files(reader, table, made)
    twinfiles.write(site, written)
    return twins_made


def _in_turn(*jobs: Callable[[], None]) -> None:
    for job in jobs:
        job()
