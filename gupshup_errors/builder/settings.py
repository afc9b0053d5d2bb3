"""What the commands and the site builder need from mkdocs.yml, read once into one object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..fences import mkdocs
from ..text import i18n, urls
from ..text.paths import shown
from .config import ErrorTableConfig

PLUGIN = "gupshup-errors"
PACKAGE = Path(__file__).parent.parent
# Our few additions to Material's templates: x-default, Open Graph, the language selector.
THEME = PACKAGE / "theme"
TEMPLATES = PACKAGE / "templates"


@dataclass(frozen=True)
class Settings:
    """The site's settings: where its data is, its languages and its address."""

    config_file: Path
    docs_dir: Path
    data_file: Path
    published_file: Path
    translated_file: Path
    changes_file: Path
    languages: tuple[str, ...]
    """The first is the default."""
    site_url: str
    """The site's root address, ending in '/'."""
    catalogs: i18n.Catalogs
    """Where the languages' catalogs are: the package's, and the site's own `locales_dir`."""
    repo_url: str | None = None
    """The repository on its forge (REPO_URL); None: the pages do not link to their sources."""
    repo_branch: str = "main"

    @classmethod
    def of(cls, config: MkDocsConfig, options: ErrorTableConfig) -> Settings:
        """The settings in a validated MkDocs configuration and the plugin's options in it."""
        return cls(
            config_file=Path(config.config_file_path),
            docs_dir=Path(config.docs_dir),
            data_file=shown(Path(options.data_file)),
            published_file=shown(Path(options.published_file)),
            translated_file=shown(Path(options.translated_file)),
            changes_file=shown(Path(options.changes_file)),
            languages=tuple(options.languages),
            site_url=urls.root(config.site_url),
            catalogs=catalogs(options),
            repo_url=options.repo_url,
            repo_branch=options.repo_branch,
        )


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
