"""Babel catalogs -> gettext translations for Jinja, and Babel's locale data for names."""

from __future__ import annotations

import functools
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .paths import shown

LOCALES = Path(__file__).parent.parent / "locales"
TEMPLATE = LOCALES / "messages.pot"
DOMAIN = "messages"


@dataclass(frozen=True)
class Catalogs:
    """Where the languages' catalogs are: a site's own folder (the plugin's `locales_dir`),
    if it has one, before the package's. A language the package does not ship, such as a
    test's fixture language, then needs no file inside the package."""

    extra: Path | None = None

    def path(self, language: str) -> Path:
        """The language's .po: the site's own if it has one, else the package's."""
        relative = Path(language, "LC_MESSAGES", f"{DOMAIN}.po")
        if self.extra is not None and (self.extra / relative).exists():
            return self.extra / relative
        return LOCALES / relative  # read when called: tests point LOCALES at a copy


PACKAGE = Catalogs()


def catalog_path(language: str, catalogs: Catalogs = PACKAGE) -> Path:
    return catalogs.path(language)


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


class MissingCatalogError(LookupError):
    """A built language has no catalog yet."""


def missing_catalog(language: str, catalogs: Catalogs = PACKAGE) -> str:
    """What to say when `language` has no catalog: the command that creates it."""
    pybabel = shown(Path(sys.executable).parent / "pybabel")  # the venv's, as the README says
    return (
        f"{shown(catalogs.path(language))}: missing; create it with "
        f"'{pybabel} init -i {shown(TEMPLATE)} -d {shown(LOCALES)} -l {language}', "
        "then translate it"
    )


def translations(language: str, catalogs: Catalogs = PACKAGE) -> Translations:
    """The language's translations, compiled in memory from its .po: no .mo file on disk.

    Compiled once per version of the file: a build asks for them many times per language,
    and an edited .po still shows on the next build."""
    path = catalogs.path(language)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise MissingCatalogError(missing_catalog(language, catalogs)) from None
    return _compiled(path, language, (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@functools.lru_cache(maxsize=32)
def _compiled(path: Path, language: str, version: tuple[int, int, int]) -> Translations:
    catalog = read_catalog(path, language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def language_name(language: str) -> str:
    """The language's own name for itself, from Babel's locale data ("Русский", "English")."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def language_name_in(language: str, reader: str) -> str:
    """The language's name in the reader's language ("Russian" for an English reader)."""
    return Locale.parse(language).get_display_name(reader) or language


def og_locale(language: str) -> str:
    """The Open Graph locale, language_TERRITORY ("ru_RU"), from Babel's likely subtags."""
    likely = Locale.parse(get_global("likely_subtags").get(language, language))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def direction(language: str) -> Literal["ltr", "rtl"]:
    """The language's writing direction, from Babel's locale data (never a list by hand)."""
    return "rtl" if Locale.parse(language).character_order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class CatalogProblem:
    """One thing that keeps a catalog from being complete and current, and where it is."""

    message: str
    file: Path | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: " if self.file else ""
        return where + self.message


def catalog_problems(
    languages: Sequence[str], catalogs: Catalogs = PACKAGE
) -> list[CatalogProblem]:
    """Everything that keeps a built language's catalog from being complete and current.
    The languages are the settings' (a language Babel does not know is refused there, as
    configuration, before any catalog is read)."""
    problems: list[CatalogProblem] = []
    expected = {message.id for message in read_catalog(TEMPLATE) if message.id}
    for language in languages:
        path = catalogs.path(language)
        if not path.exists():
            problems.append(CatalogProblem(missing_catalog(language, catalogs)))  # says the file
            continue
        catalog = read_catalog(path, language)
        present = {message.id for message in catalog if message.id}
        for missing in sorted(expected - present, key=str):
            problems.append(CatalogProblem(f"no entry for {missing!r}; run 'make i18n'", path))
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                problems.append(
                    CatalogProblem(
                        f"{message.id!r} is marked fuzzy; check it and remove the flag",
                        path,
                        message.lineno,
                    )
                )
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                problems.append(
                    CatalogProblem(f"{message.id!r} is not translated", path, message.lineno)
                )
            if message.id not in expected:
                problems.append(
                    CatalogProblem(
                        f"{message.id!r} is obsolete; run 'make i18n'", path, message.lineno
                    )
                )
    return problems


# A table has few dates and many rows: Babel's formatting cost 1.2 s at 10,000 codes uncached.
@functools.lru_cache(maxsize=1024)
def long_date(day: date, language: str) -> str:
    """A date as readers of `language` write it: CLDR's long format."""
    return format_date(day, format="long", locale=language)
