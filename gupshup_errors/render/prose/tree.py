"""Which Markdown files under docs/ are pages, and which are their translations."""

from __future__ import annotations

import posixpath
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

    def translation(self, source_uri: str, language: str) -> str | None:
        return self.translations.get((source_uri, language))


def sort_out(src_uris: Iterable[str], languages: Sequence[str]) -> Tree:
    """The pages and translations among `src_uris` (docs/-relative, '/'-separated)."""
    uris = [uri for uri in src_uris if uri.endswith(".md")]
    tree = Tree()
    found = {uri: translation_of(uri, languages) for uri in uris}
    sources = {uri for uri, of in found.items() if of is None}
    for uri, of in found.items():
        if of is None:
            tree.sources.append(uri)
        elif of[0] in sources:
            tree.translations[of] = uri
        else:
            tree.orphans.append(uri)
    return tree


def relative_root(page_url: str) -> str:
    """From a page at `page_url` (as MkDocs gives it: "", "guide/", "a/b.html") back to its
    language's folder, so that links work under any host and sub-path."""
    return "../" * page_url.count("/") or "./"
