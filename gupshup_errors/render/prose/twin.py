"""A page of docs/ as its Markdown twin: its source as written, its links made absolute (to the
twins of the pages and codes they lead to), its note and its language said in words."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ...records.pages.tree import PageState as State
from ...text import i18n
from ..markdown import escape as md
from ..markdown.twins import Reader
from .codelinks import TABLE_PAGE, links
from .headings import headings, without_ids


@dataclass(frozen=True)
class Source:
    """A page as this language's build reads it."""

    src_uri: str
    """The source page's path under docs/ ("guide.md")."""
    path: str
    """Its address, relative to the language's folder ("guide/")."""
    title: str
    markdown: str
    """The file's Markdown, after its front matter."""
    state: State
    written_in: tuple[str, ...]
    """The languages the page is written in (its twin there is its own)."""
    description: str = ""
    """Its front matter's description, for llms.txt."""


def page_twin(reader: Reader, page: Source, addresses: Mapping[str, str]) -> str:
    """The twin of a page of docs/ (/<lang>/<path>/index.md). `addresses`: every published
    page's address by its source's path, to lead its links to their twins."""
    _ = reader.gettext
    body = absolute(reader, page.markdown, page.src_uri, addresses)
    blocks = [f"# {md.one_line(page.title)}", reader.language_line(page.path, page.written_in)]
    if page.state is not State.TRANSLATED:
        source = reader.languages[0]
        name = i18n.language_name_in(source, reader.language)
        if page.state is State.MISSING:
            own = i18n.language_name_in(reader.language, reader.language)
            said = _("This page is not translated into %(language)s yet.") % {"language": own}
        else:
            said = _("This translation may be out of date.")
        original = _("Read the original (%(language)s)") % {"language": name}
        blocks.append(f"> {md.literal(said)} {md.link(original, reader.twin(page.path, source))}")
    blocks.append(_without_title(without_ids(body)).strip())
    return "\n\n".join(block for block in blocks if block) + "\n"


def _without_title(markdown: str) -> str:
    """The page without its first heading when that is its title (level 1, first)."""
    found = headings(markdown)
    lines = markdown.split("\n")
    if not found or found[0].level != 1 or any(line.strip() for line in lines[: found[0].line]):
        return markdown
    return "\n".join(lines[found[0].line + 1 :])


def absolute(reader: Reader, markdown: str, src_uri: str, addresses: Mapping[str, str]) -> str:
    """`markdown` with each relative link made absolute: a link to a page (or to a code's row)
    leads to its twin, a link to another file to where the site publishes it."""
    lines = markdown.split("\n")
    for link in links(markdown):
        target = _target(reader, link.href, src_uri, addresses)
        if target is None:
            continue
        # Only the whole address: `index.md` is also the start of `index.md#1002`.
        written = re.compile(rf"(\]\(<?|\]:[ \t]*<?){re.escape(link.href)}(?=$|[)\s>])")
        new = md.destination(target).replace("\\", "\\\\")
        lines[link.line] = written.sub(rf"\g<1>{new}", lines[link.line])
    return "\n".join(lines)


def _target(reader: Reader, href: str, src_uri: str, addresses: Mapping[str, str]) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    folder = posixpath.dirname(src_uri)
    path = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else src_uri
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if path == TABLE_PAGE and parts.fragment.isdigit():
        return reader.code_twin(parts.fragment)
    if path == TABLE_PAGE:
        return f"{reader.twin()}{fragment}"
    if path in addresses:
        return f"{reader.twin(addresses[path])}{fragment}"
    # Another file of docs/: where the site publishes it, beside the page's source.
    base = urljoin(reader.twin(), f"{folder}/" if folder else "")
    return urljoin(base, href)
