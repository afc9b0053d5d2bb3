"""What the commands and the site builder need from mkdocs.yml, read once into one object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import i18n, published, translated, translation, urls
from .config import ErrorTableConfig
from .dates import SourceDateError, source_date
from .fences import mkdocs
from .load import load, load_located
from .located import Located
from .model import ErrorTable
from .paths import shown
from .problems import Problem

PLUGIN = "gupshup-errors"
PACKAGE = Path(__file__).parent
# Our few additions to Material's templates: x-default, Open Graph, the language selector.
THEME = PACKAGE / "theme"


@dataclass(frozen=True)
class Settings:
    """The site's settings: where its data is, its languages and its address."""

    config_file: Path
    docs_dir: Path
    data_file: Path
    published_file: Path
    translated_file: Path
    languages: tuple[str, ...]
    """The first is the default."""
    site_url: str
    """The site's root address, ending in '/'."""
    catalogs: i18n.Catalogs
    """Where the languages' catalogs are: the package's, and the site's own `locales_dir`."""

    @classmethod
    def of(cls, config: MkDocsConfig, options: ErrorTableConfig) -> Settings:
        """The settings in a validated MkDocs configuration and the plugin's options in it."""
        return cls(
            config_file=Path(config.config_file_path),
            docs_dir=Path(config.docs_dir),
            data_file=shown(Path(options.data_file)),
            published_file=shown(Path(options.published_file)),
            translated_file=shown(Path(options.translated_file)),
            languages=tuple(options.languages),
            site_url=urls.root(config.site_url),
            catalogs=catalogs(options),
        )

    def table(self, *, require_recorded: bool = True) -> ErrorTable:
        """The data, checked against the published record; raises DataError.

        `require_recorded=False` (the live preview) lets new codes show before they are in
        the record."""
        return load(
            self.data_file,
            self.languages,
            self.published_file,
            require_recorded=require_recorded,
        )

    def located(self, *, require_recorded: bool = True) -> Located:
        """The data as `table` reads it, with where each text is written (a source map)."""
        return load_located(
            self.data_file,
            self.languages,
            self.published_file,
            require_recorded=require_recorded,
        )

    def outdated(self, review: translated.Review, located: Located) -> list[Problem]:
        """Each translation the review found outdated, at its line in the data file."""
        if not review.stale:
            return []
        text = self.data_file.read_text("utf-8")
        return review.problems(located.positions, text, str(self.data_file), self.languages[0])

    def review(self, table: ErrorTable) -> translated.Review:
        """The translation record held to the table; raises DataError when it is unusable.

        Codes not yet in the published record are new: their translations were written with
        them, and `make published` records them."""
        known: set[int] = set()
        if self.published_file.exists():
            record = published.parse(self.published_file.read_text("utf-8"), "")[0]
            known = set(record.entries)
        new = [row.code for row in table.codes if row.code not in known]
        return translated.review(
            self.translated_file, table, self.languages, str(self.data_file), new
        )

    @property
    def files(self) -> translation.Files:
        """The files the translation commands read and write."""
        return translation.Files(self.data_file, self.translated_file, self.languages)

    def source_date(self) -> datetime:
        """The date of the sources, for sitemaps: the same on every build of one commit."""
        try:
            return source_date(self.config_file.parent, [self.config_file, self.data_file])
        except SourceDateError as error:
            raise PluginError(str(error)) from None

    def watched(self) -> list[Path]:
        """Every input of a build besides docs_dir and mkdocs.yml, for the live preview."""
        # A record not made yet is watched through its folder, so that its creation counts.
        records = [
            record if record.exists() else record.parent
            for record in (self.published_file, self.translated_file)
        ]
        extra = [self.catalogs.extra] if self.catalogs.extra else []
        return [self.data_file, *records, PACKAGE / "templates", i18n.LOCALES, *extra, THEME]


def catalogs(options: ErrorTableConfig) -> i18n.Catalogs:
    """The catalogs the plugin's options name: the package's, and `locales_dir` first."""
    return i18n.Catalogs(Path(options.locales_dir) if options.locales_dir else None)


def read(config_file: Path) -> Settings:
    """The settings in `config_file`; a bad setting raises mkdocs.SettingsError naming it."""
    config = mkdocs.validated_config(config_file)
    options = getattr(config.plugins.get(PLUGIN), "config", None)
    if not isinstance(options, ErrorTableConfig):
        raise mkdocs.SettingsError(f"{config_file}: the '{PLUGIN}' plugin is not in 'plugins'")
    return Settings.of(config, options)
