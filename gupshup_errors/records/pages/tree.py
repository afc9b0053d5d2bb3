"""The docs tree: which Markdown file under docs/ is a page and which a translation ('guide.md'
and 'guide.en.md', mkdocs-static-i18n's suffix convention), and the states a page can be in
in a language. The one owner of these ideas: the records, the rendering and the builder ask it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SUFFIX = ".md"


class PageState(enum.StrEnum):
    """A page's state in one language (records/pages/review.py says which)."""

    TRANSLATED = "translated"
    """A translation the build publishes as it is (the source language's page too)."""
    MISSING = "missing"
    """No translation yet: the source is published in its place, marked as such."""
    OUTDATED = "outdated"
    """A translation made from an older source: published with a note."""


def translation_name(page: str, language: str) -> str:
    """The translation of `page` ('guide.md') into `language`: 'guide.en.md', beside it."""
    return f"{page.removesuffix(SUFFIX)}.{language}{SUFFIX}"


def source_of(name: str, languages: Sequence[str]) -> tuple[str, str | None]:
    """The source page a file is about and the language it is in: ('guide.md', 'en') for
    'guide.en.md', (name, None) for a source page or a file that is no page. Only the
    languages the site translates into count as a suffix: the first is the source's."""
    if name.endswith(SUFFIX):
        base, dot, language = name.removesuffix(SUFFIX).rpartition(".")
        if dot and base and language in languages[1:]:
            return base + SUFFIX, language
    return name, None


def translation_of(name: str, languages: Sequence[str]) -> tuple[str, str] | None:
    """(the source page, the language) when `name` is a translation; None otherwise."""
    page, language = source_of(name, languages)
    return None if language is None else (page, language)


@dataclass(frozen=True)
class DocsTree:
    """The Markdown files of docs/, sorted into source pages and their translations."""

    sources: list[str] = field(default_factory=list)
    translations: dict[tuple[str, str], str] = field(default_factory=dict)
    """(source page, language) -> the translation's file."""
    orphans: list[str] = field(default_factory=list)
    """Translations whose source page is gone: never published on their own."""
    unbuilt: list[str] = field(default_factory=list)
    """Translations into a language the site does not build (yet): not published either."""

    def translation(self, source_uri: str, language: str) -> str | None:
        return self.translations.get((source_uri, language))

    def written_in(self, source_uri: str, languages: Sequence[str]) -> list[str]:
        """The languages a page is really written in: its source's and its translations'."""
        return [
            language
            for index, language in enumerate(languages)
            if index == 0 or self.translation(source_uri, language)
        ]


def sort_out(src_uris: Iterable[str], languages: Sequence[str]) -> DocsTree:
    """The pages and translations among `src_uris` (docs/-relative, '/'-separated)."""
    uris = [uri for uri in src_uris if uri.endswith(SUFFIX)]
    tree = DocsTree()
    found = {uri: translation_of(uri, languages) for uri in uris}
    sources = {uri for uri, of in found.items() if of is None}
    for uri, of in found.items():
        if of is None and _suffixed(uri) in sources:
            tree.unbuilt.append(uri)
        elif of is None:
            tree.sources.append(uri)
        elif of[0] in sources:
            tree.translations[of] = uri
        else:
            tree.orphans.append(uri)
    return tree


# A language's suffix as Babel names languages: "uk", "pt_BR", "sr_Latn".
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z]{2,4})?")


def _suffixed(src_uri: str) -> str | None:
    """The page that `src_uri` would translate if its suffix is a language's ("guide.de.md"
    -> "guide.md"), whichever languages the site builds."""
    base, dot, suffix = src_uri.removesuffix(SUFFIX).rpartition(".")
    return f"{base}{SUFFIX}" if dot and base and _LANGUAGE.fullmatch(suffix) else None
