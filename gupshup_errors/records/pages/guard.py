"""A translated block is data, not markup: what it may not do that its source block does not
(raw HTML, a new link or image address, a broken, dropped or added code span, a new heading,
list or line of a code block), checked on markdown-it-py's tokens.

The words inside a code span are the translator's, like any others: the English guide shows
`/en/1002/` where the Russian one shows `/ru/1002/`. What a code span must keep is being one:
the translation holds as many code spans as its source block (Weblate's checks compare the
markup in the same way, never the words inside it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from markdown_it.token import Token

from .blocks import CODE, PROSE, Block, parser

_FENCES = ("```", "~~~")


def _inline(text: str) -> list[Token]:
    return parser().parseInline(text)[0].children or []


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _walk(token.children or [])


def _marks(text: str) -> tuple[Counter[str], set[str], Counter[str], int]:
    """What an inline text holds: its raw HTML, the addresses it links to or shows, its code
    spans, and the backticks left in its plain text."""
    html: Counter[str] = Counter()
    addresses: set[str] = set()
    code: Counter[str] = Counter()
    ticks = 0
    for token in _walk(_inline(text)):
        if token.type == "html_inline":
            html[token.content] += 1
        elif token.type in ("link_open", "image"):
            address = token.attrGet("href" if token.type == "link_open" else "src")
            addresses.add(str(address))
        elif token.type == "code_inline":
            code[token.content] += 1
        elif token.type == "text":
            ticks += token.content.count("`")
    return html, addresses, code, ticks


def _structure(text: str) -> str | None:
    """Why an inline text is not one paragraph of words, if it is not."""
    kinds = [token.type for token in parser().parse(text)]
    if kinds == ["paragraph_open", "inline", "paragraph_close"]:
        return None
    return (
        "it would change the page's structure: as Markdown it starts a heading, a list, a "
        "quote, a code block or a table, or holds a blank line"
    )


def refused(text: str, source: Block) -> list[str]:
    """Why `text` may not translate `source`: each reason a sentence; none when it may."""
    if source.kind == CODE:
        fences = [line for line in text.splitlines() if line.lstrip().startswith(_FENCES)]
        return [f"the line {fences[0]!r} would end the code block"] if fences else []
    if source.kind not in PROSE:  # pragma: no cover - HTML blocks are never exported
        return ["this block is not translated"]
    wrong = _structure(text)
    if wrong is not None:
        return [wrong]
    html, addresses, code, ticks = _marks(text)
    own_html, own_addresses, own_code, own_ticks = _marks(source.words)
    added = ", ".join(repr(raw) for raw in html - own_html)
    reasons = [f"it adds raw HTML ({added}): a translation is text"] if added else []
    reasons += [
        f"it links to or shows {address!r}, which its source block does not"
        for address in sorted(addresses - own_addresses)
    ]
    if ticks > own_ticks:
        reasons.append("it breaks a code span: a backtick (`) is left without its pair")
    return reasons + _spans(code, own_code)


def _spans(code: Counter[str], own_code: Counter[str]) -> list[str]:
    """Why the translation's code spans do not match its source's: only their number counts,
    so a span's words may be adapted, as long as each span stays one."""
    has, source_has = code.total(), own_code.total()
    if has < source_has:
        # The spans not found as written are the candidates for the one dropped.
        return [f"it does not keep the code span `{span}` as written" for span in own_code - code]
    if has > source_has:
        added = ", ".join(f"`{span}`" for span in code - own_code)
        return [f"it adds a code span ({added}): its source block has {source_has}"]
    return []
