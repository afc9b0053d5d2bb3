"""One walker over the composed YAML tree, reading each mapping as spec.py describes it.

"Walk a mapping, dispatch, report unknown keys, report missing keys" is written once, in
`Walker.walk`. One mechanism keeps a mistake from being reported twice: a problem that
already names what a key probably meant (a misspelt field, a language block out of place)
*accounts* for it, and an accounted key is not also reported missing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import yaml
from babel import localedata

from . import readers, spec
from .located import Entry, RowLink, Span, Where
from .model import ErrorCode, ErrorTable
from .problems import Problem

_LINES = "'field: value' lines"


Values = dict[str, tuple[yaml.Node, Any]]
"""A mapping's keys as read: key node and value (None when the value has a problem)."""


@dataclass
class Walker:
    """Reads the tree into model values, collecting problems, links and positions."""

    file: str
    source: str
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    accounted: set[tuple[Where, str]] = field(default_factory=set)
    links: list[RowLink] = field(default_factory=list)
    spans: dict[tuple[int | None, str | None, str | None], Span] = field(default_factory=dict)
    """Every value read, by (code, field, language)."""
    codes: Codes | None = None
    """The list of entries as read, for the checks across rows and the published record."""

    def problem(self, where: Where, slip: readers.Slip) -> None:
        self.problems.append(
            Problem(
                self.file,
                slip.line,
                slip.column,
                slip.message,
                where.code,
                where.field,
                where.language,
                slip.hint,
            )
        )

    def pairs(
        self, node: yaml.MappingNode, where: Where, what: str
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """A mapping's (key, key node, value node), once per key; repeats are problems."""
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                message = f"a field name must be a word, not {readers.kind(key_node)}"
                hint = "write 'field: value', with the field name at the start of the line"
                self.problem(where, readers.Slip.at(key_node, message, hint))
                continue
            key = str(key_node.value)
            if key in seen:
                message = f"'{key}' appears twice in {what} (first on line {seen[key]})"
                hint = "keep only one; YAML would silently keep the last and lose the other"
                self.problem(self.under(where, key), readers.Slip.at(key_node, message, hint))
                continue
            seen[key] = key_node.start_mark.line + 1
            yield key, key_node, value_node

    def under(self, where: Where, key: str) -> Where:
        """Where the problems about `key` of a mapping at `where` are filed."""
        if key in self.languages:
            return where.with_language(key)
        return where.with_field(key)

    def unknown(self, key: str, node: yaml.Node, where: Where, shape: spec.Shape) -> None:
        """Report a key that does not belong here, and account for the one it stands for."""
        if key in self.languages:
            self.accounted.add((where.with_field(None).with_language(None), key))
            message = f"the '{key}' block is not in its place"
            hint = "language blocks go right under '- code:', lined up with 'code:'"
            self.problem(where.with_language(key), readers.Slip.at(node, message, hint))
            return
        # A key Babel knows as a locale gets a language message ('de:'), not "unknown field".
        if localedata.exists(key.replace("-", "_")):
            built = ", ".join(self.languages)
            message = f"language '{key}' is not built by the site (it builds {built})"
            hint = "add the language to 'languages' in mkdocs.yml, or remove this block"
            self.problem(where.with_language(key), readers.Slip.at(node, message, hint))
            return
        allowed = [item.name for item in shape.keys]
        close = difflib.get_close_matches(key, allowed, n=1)
        if key in shape.misplaced:
            hint = shape.misplaced[key]
        elif close:
            hint = f"did you mean '{close[0]}'?"
            self.accounted.add((where, close[0]))
        else:
            hint = f"the fields here are: {', '.join(allowed)}"
        self.problem(where.with_field(key), readers.Slip.at(node, f"unknown field '{key}'", hint))

    def walk(
        self, label: yaml.Node, node: yaml.Node, where: Where, shape: spec.Shape
    ) -> Values | None:
        """Read a mapping as `shape` says: every key it knows, none it does not, none missing."""
        if not isinstance(node, yaml.MappingNode):
            found = readers.kind(node)
            wrong = "is empty" if found == "nothing" else f"must be {_LINES}, not {found}"
            self.problem(where, readers.Slip.at(node, f"{shape.what} {wrong}", shape.hint))
            return None
        values: Values = {}
        for name, key_node, value_node in self.pairs(node, where, shape.what):
            key = shape.key(name)
            if key is None:
                self.unknown(name, key_node, where, shape)
                continue
            values[name] = (
                key_node,
                self.value(key, key_node, value_node, self.under(where, name)),
            )
        for key in shape.keys:
            if key.required and key.name not in values and (where, key.name) not in self.accounted:
                what, hint = shape.missing(key)
                at = label if shape.at_label else node
                slip = readers.Slip.at(at, f"{what} is missing", hint)
                self.problem(self.under(where, key.name), slip)
        return values

    def value(self, key: spec.Key, label: yaml.Node, node: yaml.Node, where: Where) -> Any:
        if key.kind == "value":
            assert key.read is not None
            read = readers.BY_NAME[key.read](node, where.field or key.name, self.source)
            for slip in read.slips:
                self.problem(where, slip)
            self.links.extend(RowLink(where, *link) for link in read.links)
            if read.value is not None:
                self.spans[where.code, where.field, where.language] = Span.of(node)
            return read.value
        if key.kind == "section":
            section = self.walk(label, node, where.with_field(None), spec.section(key.name))
            return (
                None if section is None else {name: value for name, (_, value) in section.items()}
            )
        if key.kind == "languages":
            texts = self.walk(label, node, where, spec.languages(key.what, self.languages))
            return _complete(texts, self.languages)
        if key.kind == "record":
            assert key.model is not None
            values = self.walk(label, node, where, spec.record(key.model, key.name))
            if values is None:
                return None
            return build(key.model, {name: value for name, (_, value) in values.items()})
        return self.rows(label, node, where)

    def rows(self, label: yaml.Node, node: yaml.Node, where: Where) -> list[Row] | None:
        if not isinstance(node, yaml.SequenceNode):
            found = readers.kind(node)
            shape = "is empty" if found == "nothing" else f"must be a list, not {found}"
            message = f"'{where.field}' {shape}"
            hint = "start each entry with '- code: <number>', indented two spaces"
            self.problem(where, readers.Slip.at(node, message, hint))
            return None
        absent = readers.nowhere(node, self.languages)
        rows = [self.row(item, index, absent) for index, item in enumerate(node.value)]
        self.codes = Codes(label, node, tuple(rows))
        return rows

    def records(self) -> tuple[Entry, ...] | None:
        """What the published record needs of each entry; None unless every code is read."""
        if self.codes is None or any(row.entry is None for row in self.codes.rows):
            return None
        return tuple(row.entry for row in self.codes.rows if row.entry is not None)

    def row(self, node: yaml.Node, index: int, absent: tuple[str, ...]) -> Row:
        """One entry of 'codes': the row, and what the published record needs of it.

        A language no entry has (`absent`) was reported once for the whole list."""
        where = Where(code=readers.code_of(node), entry=index)
        shape = spec.entry(index, self.languages, absent)
        values = self.walk(node, node, where, shape)
        if values is None or where.code is None:
            return Row(None, None)
        retired_key, retired = values.get("retired", (node, False))
        mark = retired_key.start_mark  # a problem about retiring is shown at 'retired:'
        entry = Entry(where.code, retired, mark.line + 1, mark.column + 1)
        blocks = {key.name for key in shape.keys if key.language}
        given = {name: value for name, (_, value) in values.items() if name not in blocks}
        texts = {name: value for name, (_, value) in values.items() if name in blocks}
        if set(texts) != set(self.languages):
            return Row(None, entry)
        return Row(build(ErrorCode, {**given, spec.spread_name(ErrorCode): texts}), entry)


@dataclass(frozen=True)
class Row:
    """One entry as read: its row (None if it has a problem), and its number and state for
    the published record (None if its number cannot be read)."""

    code: ErrorCode | None
    entry: Entry | None


@dataclass(frozen=True)
class Codes:
    """The list of entries: its key, its node and each entry as read."""

    label: yaml.Node
    node: yaml.SequenceNode
    rows: tuple[Row, ...]


def _complete(values: Values | None, languages: Sequence[str]) -> dict[str, Any] | None:
    if values is None:
        return None
    found = {name: value for name, (_, value) in values.items() if value is not None}
    return found if set(found) == set(languages) else None


def build(model: type, given: Mapping[str, Any]) -> Any:
    """The model object when every value read is good and none required is missing, else
    None (the problems were reported where they were found)."""
    if any(value is None for value in given.values() if not isinstance(value, dict)):
        return None
    if any(None in value.values() for value in given.values() if isinstance(value, dict)):
        return None
    names = {item.name for item in fields(model)}
    try:
        return model(**{name: value for name, value in given.items() if name in names})
    except TypeError:  # a required field is missing: reported already
        return None


def table(values: Values) -> ErrorTable | None:
    """The table from the file's top-level values: sections flattened, rows collected."""
    given: dict[str, Any] = {}
    for key in spec.document().keys:
        if key.name not in values:
            return None
        value = values[key.name][1]
        if key.kind == "section":
            if value is None:
                return None
            given.update(value)
        elif key.kind == "list":
            rows = [] if value is None else [row.code for row in value]
            given[key.name] = None if None in rows else tuple(rows)
        else:
            given[key.name] = value
    result = build(ErrorTable, given)
    return result if isinstance(result, ErrorTable) else None
