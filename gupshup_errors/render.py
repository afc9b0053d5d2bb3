"""Model + language -> page text. Pure: no MkDocs, no files written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import i18n
from .folding import fold_map
from .model import ErrorTable


@dataclass(frozen=True)
class Alternate:
    """One language version of the site, as the selector and the root page show it."""

    language: str
    name: str
    link: str


def _environment() -> Environment:
    # A fresh environment per render, so edited templates and catalogs show on the next build.
    return Environment(
        loader=PackageLoader("gupshup_errors"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )


def _localized(language: str) -> Environment:
    env = _environment()
    env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def render(table: ErrorTable, language: str) -> str:
    """The Markdown source of the error table page in `language`."""
    template = _localized(language).get_template("page.md.j2")
    rows = [(row, row.texts[language]) for row in table.codes]
    return template.render(
        table=table,
        title=table.title[language],
        rows=rows,
        language=language,
        fold=fold_map(language),
    )


def site_name(language: str) -> str:
    """The site's name in `language`."""
    return i18n.translations(language).gettext("Gupshup WhatsApp API error codes")


def render_root(alternates: Sequence[Alternate], default: str) -> str:
    """The site's root page: it sends a reader to their language and keeps the #fragment."""
    template = _environment().get_template("root.html.j2")
    return template.render(alternates=alternates, default=default)


def render_search_worker(material_worker: str, fold: Mapping[str, str]) -> str:
    """The site's search worker: Material's worker (a file name beside it) plus our query fixes."""
    template = _environment().get_template("search-worker.js.j2")
    return template.render(material_worker=material_worker, fold=dict(fold))
