"""The thin MkDocs glue: one language's config, its generated table page and its search."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import codepages, i18n, search, theme, urls
from .dates import SourceDateError, source_date
from .load import load
from .model import ErrorTable
from .problems import DataError
from .render import TABLE_SLOT, PageSource, alternates, render_page, site_name
from .template_cache import MemoryBytecodeCache

PACKAGE = Path(__file__).parent
# Our few additions to Material's templates: x-default, Open Graph, the language selector.
THEME = PACKAGE / "theme"
# One per process: the second language's build, and every preview rebuild, reuse the compiled theme.
_THEME_BYTECODE = MemoryBytecodeCache()


class ErrorTableConfig(base.Config):
    data_file = c.Type(str, default="data/errors.yml")
    """The data file, relative to mkdocs.yml."""
    languages = c.ListOfItems(c.Type(str), default=["ru", "en"])
    """The languages the site is built in; the first is the default."""
    published_file = c.Type(str, default="data/published.txt")
    """The record of every code ever published, relative to mkdocs.yml."""
    language = c.Optional(c.Type(str))
    """The language of this build (the site builder sets it); defaults to the first language."""
    preview = c.Type(bool, default=False)
    """Set by the live preview: new codes need not be in the published record yet."""


def _shown(path: Path) -> Path:
    """The path as messages name it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class ErrorTablePlugin(BasePlugin[ErrorTableConfig]):
    table: ErrorTable
    date: datetime
    root_url: str
    worker: search.Worker | None = None
    page: PageSource
    shell: codepages.Shell | None = None

    @property
    def language(self) -> str:
        return self.config.language or self.config.languages[0]

    def data_path(self, config: MkDocsConfig) -> Path:
        return _shown(Path(config.config_file_path).parent / self.config.data_file)

    def published_path(self, config: MkDocsConfig) -> Path:
        return _shown(Path(config.config_file_path).parent / self.config.published_file)

    def load_table(self, config: MkDocsConfig) -> ErrorTable:
        """The data, checked against the published record; raises DataError."""
        return load(
            self.data_path(config),
            self.config.languages,
            self.published_path(config),
            require_recorded=not self.config.preview,
        )

    def source_date(self, config: MkDocsConfig) -> datetime:
        """The date of the sources, for sitemaps: the same on every build of one commit."""
        config_file = Path(config.config_file_path)
        try:
            return source_date(config_file.parent, [config_file, self.data_path(config)])
        except SourceDateError as error:
            raise PluginError(str(error)) from None

    # First, so that Material's search plugin sees this build's language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        language = self.language
        if language not in self.config.languages:
            raise PluginError(
                f"language '{language}' is not in 'languages' {self.config.languages}"
            )
        try:
            self.table = self.load_table(config)
        except DataError as error:
            raise PluginError(error.report()) from None
        self.date = self.source_date(config)
        root_url = urls.root(config.site_url)
        # Material writes `link` into the head as hreflang links, which must be absolute; our
        # selector (theme/partials/alternate.html) links by `path`, which works on any host.
        config.extra["alternate"] = [
            {
                "name": alt.name,
                "link": alt.url,
                "path": alt.link,
                "lang": alt.language,
                "locale": alt.locale,
            }
            for alt in alternates(root_url, self.config.languages)
        ]
        config.extra["x_default"] = root_url
        # After a custom_dir, if the site has one, so that the site can still override us.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        config.theme["language"] = language
        palette = config.theme.get("palette")
        if isinstance(palette, list):  # a list of schemes, so there are toggles to name
            config.theme["palette"] = theme.palette(palette, language)
        config.site_name = site_name(language)
        config.site_url = urls.language_url(root_url, language)
        config.site_dir = str(Path(config.site_dir) / language)
        config.watch.extend(
            str(path.resolve())
            for path in (
                self.data_path(config),
                self.published_path(config),
                PACKAGE / "templates",
                i18n.LOCALES,
                THEME,
            )
        )
        self.root_url = root_url
        self.worker = None
        self.shell = None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.page = render_page(self.table, self.language)
        files.append(File.generated(config, "index.md", content=self.page.markdown))
        shell = codepages.shell_markdown(self.root_url, self.config.languages)
        files.append(
            File.generated(
                config, codepages.SHELL_URI, content=shell, inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = _THEME_BYTECODE
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap's lastmod and its .gz header come from here; MkDocs would use today.
        page.update_date = self.date.strftime("%Y-%m-%d")
        return page

    def _use_worker(self, output: str) -> str:
        url = search.worker_url(output)
        if url is None:
            return output
        self.worker = search.worker(url, self.language)
        return search.use_worker(output, self.worker)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri == "index.md":
            if TABLE_SLOT not in output:
                raise PluginError(f"the page lost its table slot {TABLE_SLOT!r}")
            output = output.replace(TABLE_SLOT, self.page.table, 1)
        output = self._use_worker(output)
        if page.file.src_uri == codepages.SHELL_URI:
            links = alternates(self.root_url, self.config.languages)
            try:
                self.shell = codepages.shell(output, links)
            except codepages.ShellError as error:
                raise PluginError(str(error)) from None
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name == "sitemap.xml":
            try:
                return codepages.sitemap(output_content, self.table, self.root_url, self.language)
            except codepages.ShellError as error:
                raise PluginError(str(error)) from None
        return self._use_worker(output_content)  # 404.html has the search box too

    # Last, so that the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        index = site / "search" / "search_index.json"
        if index.exists():
            try:
                found = search.read_index(index.read_text("utf-8"))
            except ValueError as error:
                raise PluginError(f"{index}: {error}") from None
            result = search.with_codes(found, self.table, self.language)
            text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
            index.write_text(text, encoding="utf-8")
        if self.worker is not None:
            for material in site.rglob(self.worker.material):
                (material.parent / self.worker.name).write_text(self.worker.text, encoding="utf-8")
        self._write_code_pages(site)

    def _write_code_pages(self, site: Path) -> None:
        if self.shell is None:
            raise PluginError("the code pages' shell was not rendered")
        shutil.rmtree(site / codepages.PATH_SLOT)
        for code_page in codepages.pages(self.shell, self.table, self.language):
            folder = site / code_page.anchor
            folder.mkdir(exist_ok=True)
            (folder / "index.html").write_text(code_page.html, encoding="utf-8")
