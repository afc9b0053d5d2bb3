"""Links from a page to a code's row: `[1002](index.md#1002)`, checked against the table."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ...data.problems import Problem
from ...text.suggest import similar
from .headings import parser

TABLE_PAGE = "index.md"
"""The table's page, as pages link to it."""


@dataclass(frozen=True)
class CodeLink:
    """A link in a page's Markdown."""

    href: str
    line: int
    """From 0, in the Markdown given."""


def links(markdown: str) -> Iterator[CodeLink]:
    """Every link and image address of `markdown`, at its line."""
    lines = markdown.split("\n")
    for block in parser().parse(markdown):
        if block.type != "inline" or block.map is None:
            continue
        start, end = block.map
        at = start
        for child in block.children or []:
            href = child.attrGet("href") or child.attrGet("src")
            if child.type not in ("link_open", "image") or not isinstance(href, str):
                continue
            written = next((n for n in range(at, end) if href in lines[n]), None)
            at = written if written is not None else at
            yield CodeLink(href, at)


def code_of(href: str, page_uri: str) -> str | None:
    """The fragment of a link from `page_uri` to the table's page, or None for any other link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.fragment:
        return None
    path = unquote(parts.path)
    target = (
        posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path)) if path else page_uri
    )
    return unquote(parts.fragment) if target == TABLE_PAGE else None


def problems(
    markdown: str, page_uri: str, file: str, first_line: int, codes: Mapping[str, int]
) -> list[Problem]:
    """Every link to a row of the table that names no code (`codes`: each row's anchor and
    number, retired ones included), with the codes one typo away. Links to the page's other
    anchors (the table's heading, the introduction's headings) are MkDocs' to check."""
    found = []
    for link in links(markdown):
        fragment = code_of(link.href, page_uri)
        if fragment is None or fragment in codes or not fragment.isdigit():
            continue
        near = similar(int(fragment), codes.values())
        hint = f"did you mean {', '.join(map(str, near))}?" if near else None
        said = f"link {link.href!r}: no code {fragment}"
        found.append(Problem(file, first_line + link.line, 1, said, hint=hint))
    return found
