"""A translation's text written from a page (the source, or the translation itself) with some
of its blocks' texts replaced: every heading mark, list marker, quote, table row, code fence,
`{#id}` and the front matter stay as the page writes them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .blocks import CODE, HEADING, TABLE_CELL, Block, Page, normalized


def _prose(lines: list[str], block: Block, text: str) -> None:
    first = lines[block.start]
    opening = block.text.split("\n", 1)[0].strip()
    at = first.find(opening) if opening else -1
    prefix = first[:at] if at >= 0 else first[: len(first) - len(first.lstrip())]
    suffix = f" {block.suffix}" if block.kind == HEADING and block.suffix else ""
    lines[block.start : block.end] = [f"{prefix}{normalized(text)}{suffix}"]


def _row(lines: list[str], cells: Sequence[Block], texts: Sequence[str]) -> None:
    first = lines[cells[0].start]
    indent = first[: len(first) - len(first.lstrip())]
    shown = [normalized(text).replace("|", "\\|") for text in texts]
    lines[cells[0].start] = f"{indent}| {' | '.join(shown)} |"


def _code(lines: list[str], block: Block, text: str) -> None:
    opening = lines[block.start]
    indent = opening[: len(opening) - len(opening.lstrip())]
    body = [f"{indent}{line}" if line else line for line in text.rstrip("\n").split("\n")]
    fenced = opening.lstrip().startswith(("```", "~~~"))
    if not fenced:
        lines[block.start : block.end] = body
        return
    closed = block.end - 1 > block.start and lines[block.end - 1].lstrip().startswith(
        opening.lstrip()[:3]
    )
    lines[block.start + 1 : block.end - 1 if closed else block.end] = body


def rebuilt(
    text: str, page: Page, texts: Mapping[int, str], front_matter: Sequence[str] | None = None
) -> str:
    """`text` (read as `page`) with the blocks numbered in `texts` (1-based) given those texts,
    and its front matter's lines replaced by `front_matter` when given."""
    lines = text.split("\n")
    edits: list[tuple[int, int]] = []  # (first line, block number), edited bottom up
    rows: dict[int, list[int]] = {}
    for number, block in enumerate(page.blocks, start=1):
        if block.kind == TABLE_CELL:
            rows.setdefault(block.start, []).append(number)
        elif number in texts:
            edits.append((block.start, number))
    edits += [(start, -start - 1) for start, cells in rows.items() if set(cells) & set(texts)]
    for _start, number in sorted(edits, reverse=True):
        if number < 0:
            cells = rows[-number - 1]
            blocks = [page.blocks[n - 1] for n in cells]
            _row(lines, blocks, [texts.get(n, page.blocks[n - 1].text) for n in cells])
            continue
        block = page.blocks[number - 1]
        (_code if block.kind == CODE else _prose)(lines, block, texts[number])
    if front_matter is not None and page.front_matter_lines is not None:
        start, end = page.front_matter_lines
        lines[start:end] = list(front_matter)
    return "\n".join(lines)
