"""Material for MkDocs internals we rely on: the page's `<script id="__config">`, which holds
the search worker's address, the shape of `search/search_index.json`, the search worker
bundle that exposes lunr, the lunr languages it ships and its search plugin's `lang` and
`pipeline`, and what the page loads when (theme/main.html swaps the page's `no-js` class for
`js` before the first paint; theme/partials/on-demand.html holds back the bundle's requests
for the search index and the sitemaps until the reader needs them).
Checked against mkdocs-material 9.8.2."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NotRequired, TypedDict, cast

import material
from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig

from . import installed

CHECKED = "mkdocs-material 9.8.2"
TEMPLATES = Path(material.__file__).parent / "templates"
CONFIG_SCRIPT = '<script id="__config" type="application/json">'
# Material writes its configuration, the search worker's address among it, into every page.
_CONFIG = re.compile(rf"({re.escape(CONFIG_SCRIPT)})(.*?)(</script>)", re.S)


class SearchDocument(TypedDict):
    """One entry of Material's search index: a page, or a part of one at `#fragment`."""

    location: str
    title: str
    text: str
    tags: NotRequired[list[str]]
    """Material weighs these far above title and text, and shows them with the result."""


class SearchIndex(TypedDict):
    """Material's `search/search_index.json`: its settings for lunr and the documents."""

    config: dict[str, object]
    docs: list[SearchDocument]


def read_index(text: str) -> SearchIndex:
    """Material's index as written; a shape we do not know is an error, not a guess."""
    index = json.loads(text)
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
        raise ValueError("not a Material search index: no 'docs' list")
    for doc in index["docs"]:
        if not isinstance(doc, dict) or not all(
            isinstance(doc.get(key), str) for key in ("location", "title", "text")
        ):
            raise ValueError(f"not a Material search document: {doc!r}")
    return cast(SearchIndex, index)


# How base.html writes each of config.extra.alternate into the head (hreflang links).
ALTERNATE_TEMPLATE = '<link rel="alternate" href="{{ alt.link | url }}" hreflang="'


def alternate_link(url: str, language: str) -> str:
    """An hreflang link in the head exactly as base.html renders it for an absolute `url`."""
    return f'<link rel="alternate" href="{url}" hreflang="{language}">'


# How base.html opens the page: the language on <html>, the direction on <body> only.
HTML_TEMPLATE = '<html lang="{{ lang.t(\'language\') }}" class="no-js">'
_HTML = re.compile(r'<html lang="([^"]*)" class="no-js">')


def with_html_direction(page: str, direction: str) -> str:
    """The page with its writing direction on <html> too, as the W3C advises, so that the
    title, the scrollbar and all outside <body> follow it; unchanged if it is no Material page."""
    return _HTML.sub(rf'<html lang="\1" dir="{direction}" class="no-js">', page, count=1)


def worker_url(page: str) -> str | None:
    """The search worker a built page loads, as Material wrote it into the page's config."""
    found = _CONFIG.search(page)
    if found is None:
        return None
    url = json.loads(found.group(2)).get("search")
    return url if isinstance(url, str) else None


def with_worker(page: str, name: str) -> str:
    """The page, loading the worker file `name` (beside Material's) instead of Material's."""

    def replace(found: re.Match[str]) -> str:
        config = json.loads(found.group(2))
        config["search"] = posixpath.join(posixpath.dirname(config["search"]), name)
        # Its texts as UTF-8, as the page is: a Cyrillic letter escaped is 6 bytes, not 2.
        text = htmlsafe_json_dumps(config, ensure_ascii=False)
        return f"{found.group(1)}{text}{found.group(3)}"

    return _CONFIG.sub(replace, page, count=1)


# What theme/main.html and theme/partials/on-demand.html rely on, and what breaks without it.
_BASE_FOR_LOADING = {
    '<html lang="{{ lang.t(\'language\') }}" class="no-js">': "no longer starts the page with "
    "the `no-js` class that theme/main.html swaps for `js` (and errors.css hides the filter by)",
    "{% block site_meta %}": "has no block site_meta, where theme/main.html sets the `js` class",
    "{% block scripts %}": "has no block scripts, before which on-demand.html must run",
}
_BUNDLE_FOR_LOADING = {
    'classList.add("js")': "no longer sets the `js` class",
    "new XMLHttpRequest": "no longer fetches through XMLHttpRequest, which on-demand.html holds",
    '"search/search_index.json"': "no longer fetches search/search_index.json",
    '"sitemap.xml"': "no longer fetches sitemap.xml",
}


def worker_bundle() -> str | None:
    """The text of the installed Material's search worker, if there is one."""
    found = sorted((TEMPLATES / "assets/javascripts/workers").glob("search.*.min.js"))
    return found[0].read_text("utf-8") if found else None


# lunr-languages as Material ships them, one `lunr.<language>.min.js` each; the worker loads
# `min/lunr.<lang>.min.js` for every `lang` of the search plugin but English, lunr's own.
LUNR_LANGUAGES = TEMPLATES / "assets/javascripts/lunr/min"
_LUNR_FILE = re.compile(r"lunr\.([a-z]{2,3})\.min\.js")
# The worker keeps the pipeline functions the plugin's `pipeline` lists and removes the others.
_PIPELINE = '["trimmer","stopWordFilter","stemmer"]'


def lunr_languages() -> frozenset[str]:
    """The languages lunr can stem, and filter the stop words of, in Material's search."""
    names = (path.name for path in LUNR_LANGUAGES.glob("lunr.*.min.js"))
    return frozenset({"en"} | {found[1] for name in names if (found := _LUNR_FILE.fullmatch(name))})


def search_options(config: MkDocsConfig) -> Any | None:
    """The search plugin's options (`lang`, `pipeline`, ...) in a loaded configuration; it
    reads them in its own on_config, so a plugin running before it may set them."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return plugin.config
    return None


def _missing(text: str, needles: dict[str, str]) -> list[str]:
    return [what for needle, what in needles.items() if needle not in text]


def page_bundle() -> str | None:
    """The text of the installed Material's page bundle, if there is one."""
    found = sorted((TEMPLATES / "assets/javascripts").glob("bundle.*.min.js"))
    return found[0].read_text("utf-8") if found else None


def broken_loading(base: str | None = None, bundle: str | None = None) -> list[str]:
    """Every assumption of the page's loading order the installed Material (or the given
    texts) no longer meets."""
    found = f"{installed('mkdocs-material')} (checked: {CHECKED})"
    base = (TEMPLATES / "base.html").read_text("utf-8") if base is None else base
    bundle = page_bundle() if bundle is None else bundle
    problems = [f"{found}: base.html {what}" for what in _missing(base, _BASE_FOR_LOADING)]
    if bundle is None:
        return [*problems, f"{found}: no page bundle assets/javascripts/bundle.*.min.js"]
    return problems + [
        f"{found}: the page bundle {what}" for what in _missing(bundle, _BUNDLE_FOR_LOADING)
    ]


def _broken_worker(found: str, bundle: str | None) -> list[str]:
    """What the search worker's bundle no longer does that ours relies on."""
    if bundle is None:
        return [f"{found}: no search worker assets/javascripts/workers/search.*.min.js"]
    if "self.lunr=" not in bundle:
        return [f"{found}: the search worker no longer sets self.lunr, which ours wraps"]
    return [
        f"{found}: the search worker {what}; search.py sets each language's lunr language"
        for what in _missing(
            bundle,
            {
                "/min/lunr.${": "no longer loads min/lunr.<lang>.min.js per language",
                _PIPELINE: "no longer keeps only the listed pipeline functions",
            },
        )
    ]


def broken(
    base: str | None = None,
    bundle: str | None = None,
    index_source: str | None = None,
    read: Callable[[Path], str] = lambda path: path.read_text("utf-8"),
) -> list[str]:
    """Every assumption above the installed Material (or the given texts) no longer meets."""
    found = f"{installed('mkdocs-material')} (checked: {CHECKED})"
    base = read(TEMPLATES / "base.html") if base is None else base
    bundle = worker_bundle() if bundle is None else bundle
    if index_source is None:
        index_source = read(TEMPLATES.parent / "plugins/search/plugin.py")
    problems = [
        f"{found}: base.html {what}; the site's search worker is swapped in through it"
        for what in _missing(
            base,
            {
                CONFIG_SCRIPT: f"no longer writes {CONFIG_SCRIPT}",
                '"search": "assets/javascripts/workers/search.': "no longer puts the search "
                'worker\'s address under "search" in that script',
            },
        )
    ]
    problems += [
        f"{found}: base.html {what}; codepages.py points them at each code's page"
        for what in _missing(base, {ALTERNATE_TEMPLATE: "writes hreflang links another way"})
    ]
    problems += [
        f"{found}: base.html {what}; the plugin adds the direction to <html> through it"
        for what in _missing(base, {HTML_TEMPLATE: "opens <html> another way"})
    ]
    problems += _broken_worker(found, bundle)
    if not {"ru", "de"} <= lunr_languages():
        problems.append(f"{found}: no lunr languages (lunr.ru.min.js...) in {LUNR_LANGUAGES}")
    problems += [
        f"{found}: the search plugin {what}; search.py rewrites the index in that shape"
        for what in _missing(
            index_source,
            {
                '"config": config, "docs": self.entries': 'no longer writes {"config", "docs"}',
                'search.get("exclude")': "no longer skips pages whose front matter says "
                "search: exclude (the code pages' shell)",
                '"tags" not in self.config.fields': "no longer indexes documents' tags "
                "(the API's messages)",
            },
        )
    ]
    return problems
