"""The thin MkDocs glue: one language's config and its generated table page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import i18n
from .load import load
from .model import ErrorTable
from .problems import DataError
from .render import Alternate, render, site_name

PACKAGE = Path(__file__).parent


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


def alternates(site_url: str, languages: list[str]) -> list[Alternate]:
    """Every language version of the site, linked by path so that any host works."""
    base_path = urlsplit(site_url).path.rstrip("/")
    return [Alternate(lang, i18n.language_name(lang), f"{base_path}/{lang}/") for lang in languages]


def _shown(path: Path) -> Path:
    """The path as messages name it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class ErrorTablePlugin(BasePlugin[ErrorTableConfig]):
    table: ErrorTable

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
        root_url = config.site_url or "http://127.0.0.1:8000/"
        config.extra["alternate"] = [
            {"name": alt.name, "link": alt.link, "lang": alt.language}
            for alt in alternates(root_url, self.config.languages)
        ]
        config.theme["language"] = language
        config.site_name = site_name(language)
        config.site_url = f"{root_url.rstrip('/')}/{language}/"
        config.site_dir = str(Path(config.site_dir) / language)
        config.watch.extend(
            str(path.resolve())
            for path in (
                self.data_path(config),
                self.published_path(config),
                PACKAGE / "templates",
                i18n.LOCALES,
            )
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files.append(File.generated(config, "index.md", content=render(self.table, self.language)))
        return files
