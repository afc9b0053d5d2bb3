"""Model + language -> page text. Pure: no MkDocs, no files written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import i18n, inline
from .model import ErrorTable


@dataclass(frozen=True)
class Alternate:
    """One language version of the site, as the selector and the root page show it."""

    language: str
    name: str
    link: str


def _environment() -> Environment:
    # A fresh environment per render, so edited templates and catalogs show on the next build.
    env = Environment(
        loader=PackageLoader("gupshup_errors"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["inline"] = inline.to_html
    return env


def _localized(language: str) -> Environment:
    env = _environment()
    env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def render(table: ErrorTable, language: str) -> str:
    """The Markdown source of the error table page in `language`."""
    template = _localized(language).get_template("page.md.j2")
    rows = [(row, row.texts[language]) for row in table.codes]
    return template.render(table=table, title=table.title[language], rows=rows, language=language)


def site_name(language: str) -> str:
    """The site's name in `language`."""
    return i18n.translations(language).gettext("Gupshup WhatsApp API error codes")


def render_root(alternates: Sequence[Alternate], default: str) -> str:
    """The site's root page: it sends a reader to their language and keeps the #fragment."""
    template = _environment().get_template("root.html.j2")
    return template.render(alternates=alternates, default=default)
