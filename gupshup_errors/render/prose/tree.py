"""Which Markdown files under docs/ are pages, and which are their translations."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def translation_of(src_uri: str, languages: Sequence[str]) -> tuple[str, str] | None:
    """(the source page, the language) when `src_uri` is a translation, `guide.en.md` being
    `guide.md` in English (mkdocs-static-i18n's suffix); None for a source page or another
    file. The first language has no suffix: it is the source."""
    stem, extension = posixpath.splitext(src_uri)
    if extension != ".md":
        return None
    base, dot, language = stem.rpartition(".")
    if not dot or not base or language not in languages[1:]:
        return None
    return f"{base}.md", language


def translation_uri(source_uri: str, language: str) -> str:
    """Where the translation of `source_uri` into `language` is: beside it."""
    return f"{source_uri[: -len('.md')]}.{language}.md"


@dataclass(frozen=True)
class Tree:
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


def sort_out(src_uris: Iterable[str], languages: Sequence[str]) -> Tree:
    """The pages and translations among `src_uris` (docs/-relative, '/'-separated)."""
    uris = [uri for uri in src_uris if uri.endswith(".md")]
    tree = Tree()
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
    base, dot, suffix = src_uri.removesuffix(".md").rpartition(".")
    return f"{base}.md" if dot and base and _LANGUAGE.fullmatch(suffix) else None


def relative_root(page_url: str) -> str:
    """From a page at `page_url` (as MkDocs gives it: "", "guide/", "a/b.html") back to its
    language's folder, so that links work under any host and sub-path."""
    return "../" * page_url.count("/") or "./"
