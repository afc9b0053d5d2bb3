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
    """One text of the data file: where its key and its value are written."""

    key: yaml.Node
    value: yaml.ScalarNode

    @property
    def line(self) -> int:
        return int(self.value.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.value.start_mark.column) + 1


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
            for language, key, value in _pairs(title):
                if language in languages and isinstance(value, yaml.ScalarNode):
                    found[(None, "title", language)] = Spot(key, value)
    codes = top.get("codes")
    for entry in codes.value if isinstance(codes, yaml.SequenceNode) else ():
        fields = {name: value for name, _, value in _pairs(entry)}
        number = fields.get("code")
        if not isinstance(number, yaml.ScalarNode) or not str(number.value).isdigit():
            continue
        for language in languages:
            for field, key, value in _pairs(fields.get(language, yaml.MappingNode("", []))):
                if isinstance(value, yaml.ScalarNode):
                    found[(int(str(number.value)), field, language)] = Spot(key, value)
    return found


def read_spots(text: str, file: str, languages: Sequence[str]) -> dict[Place, Spot]:
    """The texts of a data file that parses (an unreadable one has none)."""
    root, problems = syntax.compose(text, file, languages, ())
    return {} if problems else spots(root, languages)


def _span(source: str, node: yaml.ScalarNode) -> tuple[int, int]:
    """The characters the value occupies. A block scalar's end mark lies past its trailing
    line breaks (and into the next line's indent), so it ends with its last written line."""
    start, end = int(node.start_mark.index), int(node.end_mark.index)
    if node.style not in ("|", ">"):
        return start, end
    last = start + len(source[start:end].rstrip())
    line_end = source.find("\n", last)
    return start, line_end if line_end >= 0 else len(source)


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
    node = spot.value
    style = node.style or ""
    start, end = _span(source, node)
    if style in ("|", ">") and (style == "|" or "\n" not in value):
        header_end = source.find("\n", start)
        header = source[start:header_end]
        first = source[header_end + 1 : end]
        indent = len(first) - len(first.lstrip(" "))
        return _block(value, header, indent)
    if "\n" in value:
        indent = int(spot.key.start_mark.column) + 2
        return _block(value, "|-", indent)
    if style == "" and _plain_fits(value):
        return value
    if style == "'" and _single_fits(value):
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


def replace(source: str, edits: Sequence[tuple[Spot, str]]) -> str:
    """`source` with each spot's value replaced by the new text, nothing else touched."""
    out = source
    for spot, value in sorted(edits, key=lambda edit: -int(edit[0].value.start_mark.index)):
        start, end = _span(source, spot.value)
        out = out[:start] + written(source, spot, value) + out[end:]
    return out
