"""One id per heading, the same in every language: read off the source page's headings (a
readable slug, or the `{#id}` written there) and given to the translation's, in order."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...data.problems import Problem

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# An attr_list at the end of a heading ({#id .class}, {: #id}), as Python-Markdown reads it.
_ATTRIBUTES = re.compile(r"[ \t]+\{:?([^}\n]*)\}[ \t]*$")
_ID = re.compile(r"(?:^|\s)#([^\s}#]+)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")


@dataclass(frozen=True)
class Heading:
    """A heading of a page as written."""

    level: int
    text: str
    """Its words, without markup or attributes."""
    line: int
    """The line (from 0, in the Markdown given) that holds its attributes."""
    explicit: str | None
    """The id written with `{#id}`, if any."""


def slug(text: str) -> str:
    """A readable id for a heading, in its own script: "Как читать код" -> "как-читать-код".

    Python-Markdown's default drops every letter outside ASCII (a Russian heading gets "_2"),
    so the ids of a Russian page were unreadable and differed from its translation's."""
    text = unicodedata.normalize("NFKC", text).casefold()
    words = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", "-", words).strip("-") or "section"


def parser() -> MarkdownIt:
    """CommonMark with tables, so that a heading or a link is found where Python-Markdown
    finds it, and a "#" inside a code block or a table is not a heading."""
    # Imported once a page is read: a site without pages does not pay for it (0.07-0.1 s).
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _words(inline: Token) -> str:
    parts = [
        child.content
        for child in inline.children or []
        if child.type in ("text", "code_inline", "html_inline")
    ]
    return "".join(parts)


def headings(markdown: str) -> list[Heading]:
    """The headings of `markdown`, in order."""
    tokens = parser().parse(markdown)
    found = []
    for opening, inline in itertools.pairwise(tokens):
        if opening.type != "heading_open" or opening.map is None:
            continue
        words = _words(inline)
        attributes = _ATTRIBUTES.search(words)
        explicit = _ID.search(attributes.group(1)) if attributes else None
        text = words[: attributes.start()] if attributes else words
        # A setext heading's attributes go on its last line of text, above the underline.
        line = opening.map[0] if opening.markup.startswith("#") else opening.map[1] - 2
        found.append(
            Heading(int(opening.tag[1:]), text.strip(), line, explicit and explicit.group(1))
        )
    return found


def source_ids(found: Sequence[Heading], taken: set[str] | None = None) -> list[str]:
    """The id of each heading of a source page: its own `{#id}`, or a slug of its words made
    unique on the page ("-2", "-3"...)."""
    used = set(taken or ())
    ids = []
    for heading in found:
        wanted = heading.explicit or slug(heading.text)
        chosen, number = wanted, 1
        while chosen in used and not heading.explicit:
            number += 1
            chosen = f"{wanted}-{number}"
        used.add(chosen)
        ids.append(chosen)
    return ids


def _with_id(line: str, anchor: str) -> str:
    """A heading's line, its id set to `anchor` (other attributes kept)."""
    attributes = _ATTRIBUTES.search(line)
    if attributes is None:
        return f"{_CLOSING_HASHES.sub('', line.rstrip())} {{#{anchor}}}"
    inside = attributes.group(1)
    if _ID.search(inside):
        inside = _ID.sub(lambda found: found.group(0).replace(found.group(1), anchor, 1), inside, 1)
    else:
        inside = f"#{anchor} {inside}".strip()
    return f"{line[: attributes.start()]} {{{inside}}}"


def without_ids(markdown: str) -> str:
    """`markdown` with no attr_list (`{#id}`) after its headings: CommonMark shows them as
    words."""
    lines = markdown.split("\n")
    for heading in headings(markdown):
        lines[heading.line] = _ATTRIBUTES.sub("", lines[heading.line])
    return "\n".join(lines)


def with_ids(markdown: str, found: Sequence[Heading], ids: Sequence[str]) -> str:
    """`markdown` with each of its `found` headings given the id beside it."""
    lines = markdown.split("\n")
    for heading, anchor in zip(found, ids, strict=True):
        lines[heading.line] = _with_id(lines[heading.line], anchor)
    return "\n".join(lines)


def matched(
    source: Sequence[Heading], translation: Sequence[Heading], file: str, first_line: int
) -> tuple[int, Problem | None]:
    """How many headings of the translation match the source's in order (the same level);
    and, when they do not all match, the problem at the first that does not. `first_line` is
    the file's line of the Markdown's first line (front matter comes before it)."""
    for index, (theirs, ours) in enumerate(zip(source, translation, strict=False)):
        if theirs.level != ours.level:
            where = first_line + ours.line
            return index, Problem(
                file,
                where,
                1,
                f"heading {ours.text!r} is level {ours.level}, but heading {index + 1} of the "
                f"source is level {theirs.level} ({theirs.text!r}): a translation keeps the "
                "source's headings in order, and takes their ids",
            )
    count = min(len(source), len(translation))
    if len(source) == len(translation):
        return count, None
    if len(translation) > len(source):
        extra = translation[count]
        plural = "" if len(source) == 1 else "s"
        message = f"heading {extra.text!r} has no counterpart: the source has {len(source)}"
        return count, Problem(file, first_line + extra.line, 1, f"{message} heading{plural}")
    last = first_line + (translation[-1].line if translation else 0)
    missing = source[count]
    return count, Problem(
        file, last, 1, f"the source's heading {missing.text!r} (level {missing.level}) is missing"
    )
