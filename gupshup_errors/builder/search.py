"""Site search: one search document per code, and a worker that stems what readers type."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..data.model import TEXT_FIELDS, ErrorCode, ErrorTable, Kind, code_fields, kind
from ..fences import material
from ..fences.material import SearchDocument, SearchIndex, with_worker
from ..render.pages import render_search_worker
from ..text.folding import fold_map
from ..text.inline import to_plain as plain

PROVIDER_FIELDS = tuple(item.name for item in code_fields() if kind(item) is Kind.PROVIDER)
"""The provider's own texts of a code (the API's message), as the model declares them."""


def code_document(row: ErrorCode, language: str) -> SearchDocument:
    """A code's document, at its row: found by its number and every declared text.

    The title is the number and the first translated text (the name); the other translated
    texts are its text. The provider's texts (the API's message) are its tags: a reader who
    pastes one from a response then gets this code first, above codes that merely share a
    word of it."""
    texts = row.texts[language]
    first, *others = (plain(text) for name in TEXT_FIELDS if (text := getattr(texts, name)))
    doc = SearchDocument(
        location=f"#{row.anchor}",
        title=html.escape(f"{row.code} — {first}", quote=False),
        text=html.escape(" ".join(others), quote=False),
    )
    provider = (getattr(row, name) for name in PROVIDER_FIELDS)
    tags = [html.escape(text, quote=False) for text in provider if text]
    if tags:
        doc["tags"] = tags
    return doc


def search_language(
    language: str, pipeline: Sequence[str] | None, lunr: Collection[str]
) -> tuple[list[str], list[str] | None]:
    """lunr's `lang` and `pipeline` for a page in `language`.

    Where lunr knows the language, its own stemmer and stop words. Where it does not (e.g.
    Ukrainian), Material would fall back to English, whose stemmer, stop words and trimmer
    (which drops every letter outside A-Z) are not for these words; the index then only
    splits and lowercases them, so codes and whole words (and their beginnings, as Material
    searches prefixes) are still found.
    """
    if language in lunr:
        return [language], None if pipeline is None else list(pipeline)
    return ["en"], []


def use_language(config: MkDocsConfig, language: str) -> None:
    """Set the search plugin's language for this build (before its own on_config runs)."""
    options = material.search_options(config)
    if options is not None:
        options.lang, options.pipeline = search_language(
            language, options.pipeline, material.lunr_languages()
        )


def code_documents(table: ErrorTable, language: str) -> list[SearchDocument]:
    """One document per code, at the code's row."""
    return [code_document(row, language) for row in table.codes]


def with_codes(index: SearchIndex, table: ErrorTable, language: str) -> SearchIndex:
    """The index with a document per code; the table's section keeps its title only.

    Material indexes a page by its headings, so the whole table is one long section: every
    search would hit it and lead to the top of the table. Each code is its own document
    instead, and the rows' text is not indexed twice.
    """
    table_section = f"#{table.anchor}"
    docs = [
        SearchDocument(location=doc["location"], title=doc["title"], text="")
        if doc["location"] == table_section
        else doc
        for doc in index["docs"]
    ]
    # The page's own document must stay first: Material groups sections under it.
    return SearchIndex(config=index["config"], docs=docs + code_documents(table, language))


def add_codes(index: Path, table: ErrorTable, language: str) -> SearchIndex | None:
    """Rewrite the search plugin's index file, if it wrote one, with a document per code, and
    return what it holds; raises ValueError naming the file when it is not the index we know."""
    if not index.exists():
        return None
    try:
        found = material.read_index(index.read_text("utf-8"))
    except ValueError as error:
        raise ValueError(f"{index}: {error}") from None
    result = with_codes(found, table, language)
    index.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return result


@dataclass(frozen=True)
class Worker:
    """The site's search worker file, written beside Material's."""

    material: str
    name: str
    text: str


def worker(material_url: str, language: str) -> Worker:
    """Our worker for `language`, wrapping the Material worker at `material_url`."""
    material = posixpath.basename(material_url)
    text = render_search_worker(material, fold_map(language))
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return Worker(material=material, name=f"search-stemmed.{digest}.js", text=text)


def use_worker(page: str, worker: Worker) -> str:
    """The page, loading `worker` instead of Material's search worker."""
    return with_worker(page, worker.name)


def write_worker(site: Path, worker: Worker) -> None:
    """Our stemming worker beside each copy of Material's."""
    for material_worker in site.rglob(worker.material):
        path = material_worker.parent / worker.name
        path.write_text(worker.text, encoding="utf-8")
