"""What a reader sees on a page that is not translated, or whose translation may be out of
date: a note in their language linking to the source, the source marked with its language."""

from __future__ import annotations

from markupsafe import Markup, escape

from ...records.pages.tree import PageState
from ...text import i18n
from ..pages import localized


def source_link(page_url: str, source: str) -> str:
    """The same page in the `source` language, from the page at `page_url` (relative, as the
    language selector's links are, so that it works on any host and sub-path)."""
    return f"{relative_root(page_url)}../{source}/{page_url}"


def note(
    state: PageState, page_url: str, language: str, source: str, catalogs: i18n.Catalogs
) -> str:
    """The note a page in `state` carries in `language`; empty for a current translation."""
    if state is PageState.TRANSLATED:
        return ""
    template = localized(language, catalogs).get_template("page-note.html.j2")
    return template.render(
        missing=state is PageState.MISSING,
        reader_name=i18n.language_name_in(language, language),
        source=source,
        source_name=i18n.language_name_in(source, language),
        source_link=source_link(page_url, source),
    )


def marked(content: str, state: PageState, note_html: str, source: str) -> str:
    """A page's HTML as published: the note first; the source's words, shown where there is no
    translation, marked with their language so that screen readers and search engines are not
    told that Russian is English."""
    if state is PageState.MISSING:
        language = escape(source)
        direction = i18n.direction(source)
        content = (
            Markup('<div lang="{}" dir="{}">').format(language, direction)
            + Markup(content)
            + Markup("</div>")
        )
    return f"{note_html}{content}"


def relative_root(page_url: str) -> str:
    """From a page at `page_url` (as MkDocs gives it: "", "guide/", "a/b.html") back to its
    language's folder, so that links work under any host and sub-path."""
    return "../" * page_url.count("/") or "./"
