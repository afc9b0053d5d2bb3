"""The files at the site's root, beside the language folders: pure text from the model."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from ..data.model import ErrorTable, Status
from ..text import i18n, urls
from . import export
from .markdown import llms, twins
from .pages import alternates, render_not_found, render_root

PAGES_NAME = "pages.json"
"""Every page of docs/ and its state in every language (`check --format json`), at the root."""


def sitemap_index(site_url: str | None, languages: Sequence[str], date: datetime) -> str:
    """/sitemap.xml: an index of the per-language sitemaps that MkDocs writes."""
    lastmod = date.strftime("%Y-%m-%d")
    entries = "".join(
        f"  <sitemap>\n    <loc>{escape(urls.language_url(site_url, lang))}sitemap.xml</loc>\n"
        f"    <lastmod>{lastmod}</lastmod>\n  </sitemap>\n"
        for lang in languages
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    )


def robots(site_url: str | None) -> str:
    # Crawlers read robots.txt only at a host's root; under a sub-path it is harmless and
    # the sitemap index can still be submitted to search engines by hand.
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.root(site_url)}sitemap.xml\n"


def root_files(
    table: ErrorTable,
    languages: Sequence[str],
    site_url: str | None,
    date: datetime,
    status: Status | None = None,
    catalogs: i18n.Catalogs = i18n.PACKAGE,
    pages: Mapping[str, object] | None = None,
) -> dict[str, str]:
    """Every root file by its name: redirect, 404 page, sitemap index, robots.txt, data; with
    `pages` (every page's state, as `check --format json` gives it), pages.json too."""
    links = alternates(site_url, languages, catalogs)
    states = (
        {}
        if pages is None
        else {PAGES_NAME: json.dumps(pages, ensure_ascii=False, indent=2) + "\n"}
    )
    return {
        "index.html": render_root(links, site_url),
        "404.html": render_not_found(table, links, site_url, catalogs),
        "sitemap.xml": sitemap_index(site_url, languages, date),
        "robots.txt": robots(site_url),
        export.JSON_NAME: export.to_json(export.document(table, languages, site_url, status)),
        export.SCHEMA_NAME: export.schema_text(site_url),
        llms.LLMS: root_llms(table, languages, site_url, catalogs, status),
        **states,
    }


def root_llms(
    table: ErrorTable,
    languages: Sequence[str],
    site_url: str | None,
    catalogs: i18n.Catalogs,
    status: Status | None = None,
) -> str:
    """/llms.txt: every language's section, in its words."""
    readers = [
        twins.Reader(lang, tuple(languages), urls.root(site_url), catalogs, status or Status())
        for lang in languages
    ]
    return llms.root_index(readers, table)
