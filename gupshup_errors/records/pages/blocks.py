"""A Markdown page split into blocks (headings, paragraphs, list items, table cells, code), with
markdown-it-py: each block's text, its lines and a hash that ignores whitespace."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list item"
TABLE_CELL = "table cell"
CODE = "code block"
HTML = "html block"
PROSE = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL)
"""The kinds whose text is inline Markdown, translated as words."""

# Python-Markdown's attr_list (`{#id}`, `{: .class}`) ends a heading; it is not its words.
_HEADING_ATTRIBUTES = re.compile(r"\s*(\{:?\s*[#.][^{}]*\})\s*$")


@cache
def parser() -> MarkdownIt:
    """CommonMark with tables (GitHub's pipe tables) and YAML front matter."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def normalized(text: str) -> str:
    """The text with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def digest(text: str) -> str:
    """The block's content hash: the same for texts that differ only in whitespace or wrapping."""
    return hashlib.sha256(normalized(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Block:
    """One block of a page: what it is, its text as the page writes it, and where."""

    kind: str
    text: str
    """Inline Markdown for prose (a heading without its '#' or `{#id}`, lines joined by line
    breaks); the code itself for a code block; the HTML for an HTML block."""
    line: int
    """1-based line where the block starts."""
    start: int
    """0-based first line of the block's source lines (for rewriting them)."""
    end: int
    """0-based line after the block's last line."""
    suffix: str = ""
    """What follows a heading's words on its line: its `{#id}`."""

    @property
    def hash(self) -> str:
        return digest(self.text)

    @property
    def words(self) -> str:
        """The text as one line (code keeps its line breaks): what records and PO files hold."""
        return self.text.rstrip("\n") if self.kind in (CODE, HTML) else normalized(self.text)


@dataclass(frozen=True)
class Page:
    """A page read: its front matter (kept aside, never a block) and its blocks in order."""

    front_matter: str | None
    front_matter_lines: tuple[int, int] | None
    blocks: tuple[Block, ...]


def _kind(tokens: list[Token], index: int) -> str:
    """What the inline token at `index` belongs to, from the tokens that open around it."""
    opening = tokens[index - 1].type
    if opening in ("th_open", "td_open"):
        return TABLE_CELL
    if opening == "heading_open":
        return HEADING
    inside = index - 2
    return LIST_ITEM if inside >= 0 and tokens[inside].type == "list_item_open" else PARAGRAPH


def _row_of(tokens: list[Token], index: int) -> list[int]:
    """The lines of the table row a cell's inline token is in (cells carry no map of their
    own)."""
    for token in reversed(tokens[:index]):
        if token.type == "tr_open" and token.map:
            return token.map
    raise ValueError("a table cell outside a row")  # pragma: no cover - markdown-it's tree


def _prose(tokens: list[Token], index: int) -> Block:
    token = tokens[index]
    kind = _kind(tokens, index)
    lines = _row_of(tokens, index) if kind == TABLE_CELL else token.map or [0, 1]
    text, suffix = token.content, ""
    if kind == HEADING:
        found = _HEADING_ATTRIBUTES.search(text)
        if found:
            text, suffix = text[: found.start()], found.group(1)
    return Block(kind, text, lines[0] + 1, lines[0], lines[1], suffix)


def split(text: str) -> Page:
    """The page's front matter and blocks, in the order they are written."""
    tokens = parser().parse(text)
    front, front_lines = None, None
    found: list[Block] = []
    for index, token in enumerate(tokens):
        if token.type == "front_matter" and token.map:
            front, front_lines = token.content, (token.map[0], token.map[1])
        elif token.type == "inline":
            found.append(_prose(tokens, index))
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            kind = HTML if token.type == "html_block" else CODE
            start, end = token.map
            found.append(Block(kind, token.content, start + 1, start, end))
    return Page(front, front_lines, tuple(found))
