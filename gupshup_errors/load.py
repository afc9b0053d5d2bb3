"""YAML -> model, with every problem collected and located (file:line:column)."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import yaml
from babel import localedata

from .model import ErrorCode, ErrorTable, Texts
from .problems import DataError, Problem

T = TypeVar("T")

_TAG = "tag:yaml.org,2002:"
# libyaml's parser when PyYAML has it: the same nodes and marks, many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOP_FIELDS = ("table", "codes")
_TABLE_FIELDS = ("anchor", "title")
_ENTRY_FIELDS = ("code", "retired")
_TEXT_FIELDS = ("name", "action")
_ANCHOR = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_KINDS = {
    "null": "nothing",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "str": "text",
    "map": "a mapping",
    "seq": "a list",
}


@dataclass(frozen=True)
class _Where:
    """Which code, field and language a node belongs to."""

    code: int | None = None
    field: str | None = None
    language: str | None = None


@dataclass
class _Reader:
    """Walks the composed YAML tree, turning nodes into values and mistakes into problems."""

    file: str
    languages: Sequence[str]
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, node: yaml.Node, where: _Where, message: str, hint: str | None = None
    ) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(
                self.file,
                mark.line + 1,
                mark.column + 1,
                message,
                where.code,
                where.field,
                where.language,
                hint,
            )
        )

    def mapping(
        self, node: yaml.Node, where: _Where, what: str
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """Yield a mapping's (key, key node, value node) once per key, reporting repeats."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                where,
                f"{what} must be 'field: value' lines, not {_kind(node)}",
                "indent the fields under it by two more spaces",
            )
            return
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
            if key in seen:
                self.problem(
                    key_node,
                    replace(where, field=key),
                    f"'{key}' appears twice in {what} (first on line {seen[key]})",
                    "keep only one; YAML would silently keep the last and lose the other",
                )
                continue
            seen[key] = key_node.start_mark.line + 1
            yield key, key_node, value_node

    def unknown(
        self,
        key: str,
        node: yaml.Node,
        where: _Where,
        allowed: Sequence[str],
        *,
        languages: bool = True,
    ) -> None:
        # A key Babel knows as a locale gets a language message ('de:'), not "unknown field".
        if languages and localedata.exists(key.replace("-", "_")):
            self.problem(
                node,
                replace(where, language=key),
                f"language '{key}' is not built by the site "
                f"(it builds {', '.join(self.languages)})",
                "add the language to 'languages' in mkdocs.yml, or remove this block",
            )
            return
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = (
            f"did you mean '{close[0]}'?" if close else f"the fields here are: {', '.join(allowed)}"
        )
        self.problem(node, replace(where, field=key), f"unknown field '{key}'", hint)

    def missing(self, node: yaml.Node, where: _Where, what: str, hint: str) -> None:
        self.problem(node, where, f"{what} is missing", hint)

    def text(self, node: yaml.Node, where: _Where) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != f"{_TAG}str":
            self.problem(
                node,
                where,
                f"must be text, not {_kind(node)}",
                "write the text on the same line, after the colon "
                "(quote it if it starts with a symbol)",
            )
            return None
        value = str(node.value)
        if not value.strip():
            self.problem(node, where, "is empty", "write the text after the colon")
            return None
        if value != value.strip():
            self.problem(
                node, where, "has blanks at its start or end", "remove the surrounding spaces"
            )
            return None
        return value

    def per_language(
        self,
        node: yaml.Node,
        where: _Where,
        what: str,
        read: Callable[[yaml.Node, _Where], T | None],
    ) -> dict[str, T]:
        """Read a block keyed by language, requiring every built language and no other."""
        found: dict[str, T] = {}
        seen: set[str] = set()
        for key, key_node, value in self.mapping(node, where, what):
            seen.add(key)
            if key not in self.languages:
                self.unknown(key, key_node, where, self.languages)
                continue
            result = read(value, replace(where, language=key))
            if result is not None:
                found[key] = result
        if isinstance(node, yaml.MappingNode):
            for language in self.languages:
                if language not in found and language not in seen:
                    self.missing(
                        node,
                        replace(where, language=language),
                        f"the '{language}' text of {what}",
                        f"add a '{language}:' block in that language",
                    )
        return found

    def texts(self, label: yaml.Node, node: yaml.Node, where: _Where) -> Texts | None:
        values: dict[str, str] = {}
        for key, key_node, value in self.mapping(node, where, f"the '{where.language}' block"):
            if key not in _TEXT_FIELDS:
                self.unknown(key, key_node, where, _TEXT_FIELDS, languages=False)
                continue
            text = self.text(value, replace(where, field=key))
            values[key] = text or ""  # an empty value was reported already, not "missing"
        for name in _TEXT_FIELDS:
            if name not in values:
                self.missing(
                    label,
                    replace(where, field=name),
                    f"'{name}'",
                    f"add the line '{name}: ...' to the '{where.language}' block",
                )
        if all(values.get(name) for name in _TEXT_FIELDS):
            return Texts(name=values["name"], action=values["action"])
        return None

    def code_number(self, node: yaml.Node, where: _Where) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG}int":
            number = int(str(node.value).replace("_", ""), 0)
            if number > 0:
                return number
        self.problem(
            node,
            replace(where, field="code"),
            f"the code must be a whole positive number, not {_describe(node)}",
            "write digits only, without quotes, e.g. 'code: 1002'",
        )
        return None

    def entry(self, node: yaml.Node, index: int) -> ErrorCode | None:
        where = _Where(code=_entry_number(node))
        fields = dict(
            (key, (key_node, value))
            for key, key_node, value in self.mapping(node, where, f"entry #{index + 1} of 'codes'")
        )
        number = None
        if "code" in fields:
            number = self.code_number(fields["code"][1], where)
        elif isinstance(node, yaml.MappingNode):
            self.missing(
                node, where, f"'code' of entry #{index + 1}", "add a 'code: <number>' line"
            )
        where = _Where(code=number)
        texts: dict[str, Texts] = {}
        retired = False
        for key, (key_node, value) in fields.items():
            if key == "code":
                continue
            if key == "retired":
                retired = self.flag(value, replace(where, field=key))
            elif key in self.languages:
                result = self.texts(key_node, value, replace(where, language=key))
                if result is not None:
                    texts[key] = result
            else:
                self.unknown(key, key_node, where, (*_ENTRY_FIELDS, *self.languages))
        if isinstance(node, yaml.MappingNode):
            for language in self.languages:
                if language not in fields:
                    self.missing(
                        node,
                        replace(where, language=language),
                        f"the '{language}' block",
                        f"add '{language}:' with 'name:' and 'action:' under it",
                    )
        if number is None or set(texts) != set(self.languages):
            return None
        return ErrorCode(code=number, texts=texts, retired=retired)

    def flag(self, node: yaml.Node, where: _Where) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG}bool":
            return str(node.value).lower() in {"true", "yes", "on"}
        self.problem(
            node, where, f"must be true or false, not {_describe(node)}", "write 'retired: true'"
        )
        return False

    def table(self, node: yaml.Node) -> tuple[str, dict[str, str]] | None:
        where = _Where()
        anchor: str | None = None
        title: dict[str, str] = {}
        seen = set()
        for key, key_node, value in self.mapping(node, where, "'table'"):
            seen.add(key)
            if key == "anchor":
                anchor = self.text(value, replace(where, field=key))
                if anchor is not None and not _ANCHOR.fullmatch(anchor):
                    self.problem(
                        value,
                        replace(where, field=key),
                        f"'{anchor}' is not a usable anchor",
                        "use lowercase letters, digits and single dashes, "
                        "e.g. 'gupshup-whatsapp-api'",
                    )
                    anchor = None
            elif key == "title":
                title = self.per_language(
                    value, replace(where, field=key), "the table's title", self.text
                )
            else:
                self.unknown(key, key_node, where, _TABLE_FIELDS)
        for name in _TABLE_FIELDS:
            if name not in seen and isinstance(node, yaml.MappingNode):
                self.missing(
                    node,
                    replace(where, field=name),
                    f"'table: {name}'",
                    f"add '{name}:' under 'table:'",
                )
        if anchor is None or set(title) != set(self.languages):
            return None
        return anchor, title

    def codes(self, node: yaml.Node) -> list[ErrorCode]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(
                node,
                _Where(field="codes"),
                f"'codes' must be a list of entries, not {_kind(node)}",
                "start each entry with '- code: <number>'",
            )
            return []
        rows: list[ErrorCode] = []
        first_line: dict[int, int] = {}
        previous: int | None = None
        for index, item in enumerate(node.value):
            row = self.entry(item, index)
            number = _entry_number(item)
            if number is not None and number in first_line:
                self.problem(
                    item,
                    _Where(code=number, field="code"),
                    f"code {number} appears twice (first on line {first_line[number]})",
                    "merge the two entries; each code has exactly one",
                )
                continue
            if number is not None:
                first_line[number] = item.start_mark.line + 1
                if previous is not None and number < previous:
                    self.problem(
                        item,
                        _Where(code=number, field="code"),
                        f"code {number} comes after {previous}; "
                        "the codes are kept in ascending order",
                        f"move the entry for {number} above the entry for {previous}",
                    )
                previous = number
            if row is not None:
                rows.append(row)
        return rows

    def document(self, root: yaml.Node | None) -> ErrorTable | None:
        if root is None:
            self.problems.append(
                Problem(
                    self.file,
                    1,
                    1,
                    "the file is empty",
                    hint="it needs 'table:' and 'codes:' sections",
                )
            )
            return None
        parts: dict[str, yaml.Node] = {}
        for key, key_node, value in self.mapping(root, _Where(), "the file"):
            if key in _TOP_FIELDS:
                parts[key] = value
            else:
                self.unknown(key, key_node, _Where(), _TOP_FIELDS)
        if not isinstance(root, yaml.MappingNode):
            return None
        for name in _TOP_FIELDS:
            if name not in parts:
                self.missing(
                    root, _Where(field=name), f"the '{name}:' section", f"add a '{name}:' section"
                )
        table = self.table(parts["table"]) if "table" in parts else None
        rows = self.codes(parts["codes"]) if "codes" in parts else []
        if table is None or self.problems:
            return None
        return ErrorTable(anchor=table[0], title=table[1], codes=tuple(rows))


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KINDS.get(node.tag.removeprefix(_TAG), f"a '{node.tag}' value")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.value != "":
        return f"'{node.value}'"
    return _kind(node)


def _entry_number(node: yaml.Node) -> int | None:
    """The entry's code if it is a valid number; used to spot repeats before full validation."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if getattr(key, "value", None) == "code" and getattr(value, "tag", None) == f"{_TAG}int":
            number = int(str(value.value).replace("_", ""), 0)
            return number if number > 0 else None
    return None


def _foreign_tags(node: yaml.Node | None) -> Iterator[yaml.Node]:
    """Nodes with explicit tags (e.g. !!python/object) that a safe loader must refuse."""
    if node is None:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        if not current.tag.startswith(_TAG) or current.tag.removeprefix(_TAG) not in _KINDS:
            yield current
        if isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in current.value for item in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def parse(text: str, file: str, languages: Sequence[str]) -> ErrorTable:
    """Read the data file's text into a table, or raise DataError listing every problem."""
    return _parse(text, file, tuple(languages))


# Keyed by the file's whole text: a build reads the same file once per language.
@functools.lru_cache(maxsize=4)
def _parse(text: str, file: str, languages: tuple[str, ...]) -> ErrorTable:
    reader = _Reader(file, languages)
    if "\t" in text:
        for number, text_line in enumerate(text.splitlines(), start=1):
            if "\t" in text_line:
                reader.problems.append(
                    Problem(
                        file,
                        number,
                        text_line.index("\t") + 1,
                        "a tab character is here",
                        hint="YAML indents with spaces only; replace the tab with spaces",
                    )
                )
        raise DataError(reader.problems)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"this is not valid YAML: {error.problem or error.context}"
        if error.context and error.problem:
            message += f" ({error.context})"
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    column,
                    message,
                    hint="check the indentation and the colons here and on the line above; "
                    "quote texts that contain ': ' or start with a symbol",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file, 1, 1, f"this is not valid YAML: {error}")]) from None
    for node in _foreign_tags(root):
        reader.problem(
            node,
            _Where(),
            f"the YAML tag '{_short_tag(node.tag)}' is not allowed",
            "remove the '!...' tag: the file holds plain text, numbers and lists only",
        )
    table = None if reader.problems else reader.document(root)
    if table is None:
        raise DataError(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    return table


def load(path: Path, languages: Sequence[str]) -> ErrorTable:
    """Load the data file at `path` for the given built languages."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(str(path), 1, 1, "the data file does not exist")]) from None
    except (UnicodeDecodeError, OSError) as error:
        raise DataError(
            [Problem(str(path), 1, 1, f"the data file cannot be read: {error}")]
        ) from None
    return parse(text, str(path), languages)
