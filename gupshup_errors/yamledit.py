"""The data file's texts where they are written, and edits that replace exactly those spans.

A translator's import changes a few texts; the rest of the file (comments, order, quoting,
layout) must stay byte for byte, so nothing here ever dumps the file again: each text's
characters are replaced in place, written in the text's own YAML style while that still fits.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import yaml
from yaml.emitter import Emitter
from yaml.resolver import Resolver

from . import syntax

_STR = "tag:yaml.org,2002:str"
# Only its analysis of a scalar is used; it never writes.
_ANALYZER = Emitter(io.StringIO())


@dataclass(frozen=True)
class Spot:
    """Where one text's value is written: its first character and the end the YAML parser
    gives it (as character offsets), and the line and column it starts at (1-based)."""

    start: int
    end: int
    line: int
    column: int

    @classmethod
    def of(cls, node: yaml.Node) -> Spot:
        mark = node.start_mark
        return cls(int(mark.index), int(node.end_mark.index), mark.line + 1, mark.column + 1)


Place = tuple[int | None, str, str]
"""(code, field, language); the table's title is (None, 'title', language)."""


def _pairs(node: yaml.Node) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield str(key.value), key, value


def spots(root: yaml.Node | None, languages: Sequence[str]) -> dict[Place, Spot]:
    """Every text of a composed data file, by (code, field, language)."""
    found: dict[Place, Spot] = {}
    top = {name: value for name, _, value in _pairs(root)} if root is not None else {}
    for name, _, title in _pairs(top.get("table", yaml.MappingNode("", []))):
        if name == "title":
            for language, _, value in _pairs(title):
                if language in languages and isinstance(value, yaml.ScalarNode):
                    found[(None, "title", language)] = Spot.of(value)
    codes = top.get("codes")
    for entry in codes.value if isinstance(codes, yaml.SequenceNode) else ():
        fields = {name: value for name, _, value in _pairs(entry)}
        number = fields.get("code")
        if not isinstance(number, yaml.ScalarNode) or not str(number.value).isdigit():
            continue
        for language in languages:
            for field, _, value in _pairs(fields.get(language, yaml.MappingNode("", []))):
                if isinstance(value, yaml.ScalarNode):
                    found[(int(str(number.value)), field, language)] = Spot.of(value)
    return found


def read_spots(text: str, file: str, languages: Sequence[str]) -> dict[Place, Spot]:
    """The texts of a data file that parses (an unreadable one has none)."""
    root, problems = syntax.compose(text, file, languages, ())
    return {} if problems else spots(root, languages)


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
