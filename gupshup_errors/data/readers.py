"""Small pure readers: one YAML node -> a value, or the slips that keep it from being one.

A reader knows nothing of codes or languages; the walker files its slips under the code,
field and language of the node.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import yaml

from ..text import inline
from .model import ANCHOR, CODE
from .problems import position

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

TAG = "tag:yaml.org,2002:"
_ANCHOR = re.compile(ANCHOR)
_CODE = re.compile(CODE)
_KINDS = {
    "null": "nothing",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "str": "text",
    "map": "a mapping",
    "seq": "a list",
}
_TEXT_HINTS = {
    "a list": "write the text itself after the colon, not a list of '- ' lines",
    "a mapping": "write the text after the colon; put it in double quotes if it holds ': '",
}
_EMPTY_HINT = "write the text after the colon"


@dataclass(frozen=True)
class Slip:
    """One mistake in a node, located in the file's text."""

    line: int
    column: int
    message: str
    hint: str | None = None

    @classmethod
    def at(cls, node: yaml.Node, message: str, hint: str | None = None) -> Slip:
        return cls(node.start_mark.line + 1, node.start_mark.column + 1, message, hint)


@dataclass(frozen=True)
class Read(Generic[T_co]):
    """A reader's answer: the value, or None with the slips that say why."""

    value: T_co | None
    slips: tuple[Slip, ...] = ()
    links: tuple[tuple[int, int, str], ...] = ()
    """Line, column and target of each '#...' link in a formatted text, checked once every
    code is known."""


Reader = Callable[[yaml.Node, str, str], Read[object]]
"""(node, the field's name as the messages show it, the file's text) -> what it reads."""


def kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KINDS.get(node.tag.removeprefix(TAG), f"a '{node.tag}' value")


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.value != "":
        value = str(node.value)
        return f"'{value[:40]}…'" if len(value) > 40 else f"'{value}'"
    return kind(node)


def locate(node: yaml.Node, needle: str, source: str) -> tuple[int, int]:
    """Line and column of `needle` inside the node's source, else of the node itself."""
    start, end = node.start_mark.index, node.end_mark.index
    offset = source.find(needle, start, max(end, start + len(needle)))
    if not needle or offset < 0:
        return node.start_mark.line + 1, node.start_mark.column + 1
    return position(source, offset)


# Characters that change a text without showing: controls (general category Cc, which
# Unicode's stability policy freezes) and the line and paragraph separators (Zl, Zp), but not
# the line break. One pattern, as testing each character of 10,000 codes' texts was a
# quarter of the load; tests/test_readers.py checks it against unicodedata.
INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _not_text(node: yaml.Node, label: str, name: str) -> Slip:
    found = kind(node)
    if found == "nothing":
        return Slip.at(node, f"{label} is empty", _EMPTY_HINT)
    if found in ("a number", "true/false"):
        hint = f'put the text in double quotes: {name}: "{node.value}"'
        return Slip.at(node, f"{label} must be text, not {found}", hint)
    hint = _TEXT_HINTS.get(found, "write plain text after the colon")
    return Slip.at(node, f"{label} must be text, not {found}", hint)


def text(node: yaml.Node, name: str, source: str) -> Read[str]:
    """A plain text: one string, no blanks around it, no invisible characters."""
    label = f"'{name}'"
    if not isinstance(node, yaml.ScalarNode) or node.tag != f"{TAG}str":
        return Read(None, (_not_text(node, label, name),))
    value = str(node.value)
    if not value.strip():
        return Read(None, (Slip.at(node, f"{label} is empty", _EMPTY_HINT),))
    if value != value.strip():
        hint = (
            "a '|' or '>' block keeps its last line break: write '|-' or '>-' instead"
            if value.endswith("\n")
            else "remove the blanks at the start and end of the text"
        )
        return Read(None, (Slip.at(node, f"{label} has blanks at its start or end", hint),))
    found = INVISIBLE.search(value)
    if found is not None:
        hidden = found.group()
        line, column = locate(node, hidden, source)
        message = (
            f"{label} holds the invisible character U+{ord(hidden):04X} "
            f"({unicodedata.name(hidden, 'a control character')})"
        )
        hint = (
            "delete it (it often comes with copy and paste); a line break is written "
            "as a new line in a '|-' block"
        )
        return Read(None, (Slip(line, column, message, hint),))
    return Read(value)


def formatted(node: yaml.Node, name: str, source: str) -> Read[str]:
    """A text that may hold inline code and links; an unsafe link is a slip."""
    read = text(node, name, source)
    if read.value is None:
        return read
    spans, mistakes = inline.parse(read.value)
    slips = tuple(
        Slip(
            *locate(node, read.value[mistake.start :].split(")", 1)[0], source),
            mistake.message,
            mistake.hint,
        )
        for mistake in mistakes
    )
    links = tuple(
        (*locate(node, f"#{span.fragment}", source), span.fragment)
        for span in spans
        if isinstance(span, inline.Link) and span.fragment is not None
    )
    return Read(None if slips else read.value, slips, links)


def flag(node: yaml.Node, name: str, source: str) -> Read[bool]:
    # Only true and false: editors read YAML 1.2, where 'yes' and 'on' are text.
    if (
        isinstance(node, yaml.ScalarNode)
        and node.tag == f"{TAG}bool"
        and str(node.value) in ("true", "false")
    ):
        return Read(str(node.value) == "true")
    message = f"must be true or false, not {describe(node)}"
    return Read(None, (Slip.at(node, message, f"write '{name}: true', or remove the line"),))


def code_value(node: yaml.Node) -> int | None:
    """The number of a 'code:' value written as plain digits; anything else is None."""
    if (
        isinstance(node, yaml.ScalarNode)
        and node.tag == f"{TAG}int"
        and _CODE.fullmatch(str(node.value))
    ):
        return int(str(node.value))
    return None


def code_of(node: yaml.Node) -> int | None:
    """The entry's code if it is a valid number; used before (and beside) full validation."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "code":
            return code_value(value)
    return None


def code(node: yaml.Node, name: str, source: str) -> Read[int]:
    number = code_value(node)
    if number is not None:
        return Read(number)
    if isinstance(node, yaml.ScalarNode) and node.tag == f"{TAG}str" and node.style:
        hint = f"remove the quotes: '{name}: {node.value}'"
        if not _CODE.fullmatch(str(node.value)):
            hint = f"write the number without quotes, e.g. '{name}: 1002'"
        return Read(None, (Slip.at(node, "the code must be a number, not text in quotes", hint),))
    if kind(node) == "nothing":
        hint = f"write the number, e.g. '{name}: 1002'"
        return Read(None, (Slip.at(node, "the code is empty", hint),))
    message = f"the code must be a whole positive number, not {describe(node)}"
    hint = f"write digits only (at most 9, no leading zero), e.g. '{name}: 1002'"
    return Read(None, (Slip.at(node, message, hint),))


def anchor(node: yaml.Node, name: str, source: str) -> Read[str]:
    """A text usable as a link's fragment."""
    read = text(node, name, source)
    if read.value is None or _ANCHOR.fullmatch(read.value):
        return read
    hint = "use lowercase letters, digits and single dashes, e.g. 'gupshup-whatsapp-api'"
    return Read(None, (Slip.at(node, f"'{read.value}' is not a usable anchor", hint),))


def nowhere(node: yaml.SequenceNode, languages: Sequence[str]) -> tuple[str, ...]:
    """Built languages that no entry has a block for, e.g. one just added."""
    if len(node.value) < 2:
        return ()  # one entry: its own "block is missing" says it better
    present = {
        str(key.value)
        for item in node.value
        if isinstance(item, yaml.MappingNode)
        for key, _ in item.value
    }
    return tuple(language for language in languages if language not in present)


BY_NAME: Mapping[str, Reader] = {
    "flag": flag,
    "code": code,
    "text": text,
    "formatted": formatted,
    "anchor": anchor,
}
"""The readers of single values, by the names spec.py gives them."""
