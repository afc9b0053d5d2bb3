"""The plugin's options in mkdocs.yml, validated where MkDocs validates configuration."""

from __future__ import annotations

from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


def language_problem(language: str) -> str | None:
    """Why `language` cannot be a language of the site, if it cannot."""
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return (
            f"'{language}' is not a language Babel knows; use a code such as 'de', 'uk' or 'pt_BR'"
        )
    return None


class Languages(c.ListOfItems[str]):
    """A list of languages Babel knows, none twice, at least one."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=["ru", "en"])

    def run_validation(self, value: object) -> list[str]:
        languages = super().run_validation(value)
        if not languages:
            raise ValidationError("no languages; list at least one, e.g. [ru, en]")
        problems = [problem for lang in languages if (problem := language_problem(lang))]
        twice = [lang for index, lang in enumerate(languages) if lang in languages[:index]]
        problems += [f"'{lang}' is listed twice" for lang in dict.fromkeys(twice)]
        if problems:
            raise ValidationError("; ".join(problems))
        return languages


class Language(c.Optional[str]):
    """One of the site's languages (which are validated first, being declared first)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def post_validation(self, config: base.Config, key_name: str) -> None:
        language, languages = config[key_name], config["languages"]
        if language is not None and language not in languages:
            raise ValidationError(f"'{language}' is not one of 'languages' {languages}")


class RepoUrl(c.Optional[str]):
    """The forge's address of the repository, https://host/<owner>/<repo>; empty: none."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        given = super().run_validation(value)
        if not given:
            return None
        parts = urlsplit(given)
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.query:
            raise ValidationError(
                f"{given!r} is not a repository's address; write it as "
                "https://github.com/<owner>/<repo> (REPO_URL), or leave it empty"
            )
        return given.rstrip("/")


class ErrorTableConfig(base.Config):
    data_file = c.File(exists=True, default="data/errors.yml")
    """The data file, relative to mkdocs.yml."""
    languages = Languages()
    """The languages the site is built in; the first is the default."""
    published_file = c.File(exists=False, default="data/published.txt")
    """The record of every code ever published, relative to mkdocs.yml; `make published`
    creates it."""
    translated_file = c.File(exists=False, default="data/translated.txt")
    """The record of the source text each translation was made from, relative to mkdocs.yml;
    `make translated` creates it."""
    changes_file = c.File(exists=False, default="data/changes.txt")
    """The dated record of changes, relative to mkdocs.yml; `make published` creates it and
    the recording commands add to it."""
    language = Language()
    """The language a bare `mkdocs build` or `mkdocs serve` builds; by default the first.
    The site builder builds every language whatever this says."""
    repo_url = RepoUrl()
    """The repository on its forge (REPO_URL in mkdocs.yml): each page then links to the line
    of the file it is made from. None: no such links."""
    repo_branch = c.Type(str, default="main")
    """The branch those links name (REPO_BRANCH in mkdocs.yml)."""
    locales_dir = c.Optional(c.Dir(exists=True))
    """A folder of the site's own catalogs (<language>/LC_MESSAGES/messages.po), relative to
    mkdocs.yml, read before the package's: for a language the package does not ship."""
