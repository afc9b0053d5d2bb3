"""Edits that replace exactly the spans of the data file's texts.

A translator's import changes a few texts; the rest of the file (comments, order, quoting,
layout) must stay byte for byte, so nothing here ever dumps the file again: each text's
characters are replaced in place, written in the text's own YAML style while that still fits.
Where each text is written comes from the loader's source map (load.load_located).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml
from yaml.emitter import Emitter
from yaml.resolver import Resolver

from ..data.located import Positions, Span

_STR = "tag:yaml.org,2002:str"
_BREAK = re.compile(r"\r\n|\r|\n")  # line breaks as YAML (and the source map) count them
# Only its analysis of a scalar is used; it never writes.
_ANALYZER = Emitter(io.StringIO())

Place = tuple[int | None, str, str]
"""(code, field, language); the table's title is (None, 'title', language)."""


def places(positions: Positions) -> dict[Place, Span]:
    """Every per-language text of the source map, by (code, field, language)."""
    found: dict[Place, Span] = {
        (None, "title", language): span for language, span in positions.title.items()
    }
    for (code, field, language), span in positions.texts.items():
        if language is not None:
            found[(code, field, language)] = span
    return found


@dataclass(frozen=True)
class Spot:
    """Where one text's value is written: its first character and the end the YAML parser
    gives it, as character offsets into the file's text."""

    start: int
    end: int


def spots(source: str, spans: Mapping[Place, Span]) -> dict[Place, Spot]:
    """The source map's lines and columns as character offsets into `source`."""
    starts = [0, *(found.end() for found in _BREAK.finditer(source))]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    return {
        place: Spot(offset(span.line, span.column), offset(span.end_line, span.end_column))
        for place, span in spans.items()
    }


def _style(source: str, spot: Spot) -> str:
    """The value's YAML style, from its first character: '"', "'", '|', '>' or '' (plain)."""
    first = source[spot.start : spot.start + 1]
    return first if first in ('"', "'", "|", ">") else ""


def _span(source: str, spot: Spot) -> tuple[int, int]:
    """The characters the value occupies. A block scalar's end lies past its trailing line
    breaks (and into the next line's indent), so it ends with its last written line."""
    if _style(source, spot) not in ("|", ">"):
        return spot.start, spot.end
    last = spot.start + len(source[spot.start : spot.end].rstrip())
    line_end = source.find("\n", last)
    return spot.start, line_end if line_end >= 0 else len(source)


def _plain_fits(value: str) -> bool:
    analysis = _ANALYZER.analyze_scalar(value)
    resolved = Resolver().resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(analysis.allow_block_plain) and not analysis.multiline and resolved == _STR


def _single_fits(value: str) -> bool:
    analysis = _ANALYZER.analyze_scalar(value)
    return bool(analysis.allow_single_quoted) and not analysis.multiline


def double_quoted(value: str) -> str:
    """The value as one double-quoted YAML scalar, on one line."""
    dumped = yaml.dump(value, default_style='"', allow_unicode=True, width=2**31 - 1)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _block(value: str, header: str, indent: int) -> str:
    pad = " " * indent
    return header + "".join(f"\n{pad}{line}" if line else "\n" for line in value.split("\n"))


def written(source: str, spot: Spot, value: str) -> str:
    """The value written in the style of the text it replaces, or else in double quotes (as the
    data file's own comment advises), or a '|-' block for a text with line breaks."""
    style = _style(source, spot)
    start, end = _span(source, spot)
    if style in ("|", ">") and (style == "|" or "\n" not in value):
        header_end = source.find("\n", start)
        first = source[header_end + 1 : end]
        indent = len(first) - len(first.lstrip(" "))
        return _block(value, source[start:header_end], indent)
    if "\n" in value:
        # `field: value` is on one line: the block goes two spaces deeper than the field.
        line = source[source.rfind("\n", 0, start) + 1 : start]
        return _block(value, "|-", len(line) - len(line.lstrip(" ")) + 2)
    if style == "" and _plain_fits(value):
        return value
    if style == "'" and _single_fits(value):
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


def replace(source: str, edits: Sequence[tuple[Spot, str]]) -> str:
    """`source` with each spot's value replaced by the new text, nothing else touched."""
    out = source
    for spot, value in sorted(edits, key=lambda edit: -edit[0].start):
        start, end = _span(source, spot)
        out = out[:start] + written(source, spot, value) + out[end:]
    return out
