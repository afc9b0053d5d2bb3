"""YAML -> model, with every problem collected and located (file:line:column)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TypeVar

import yaml
from babel import localedata

from . import inline, published, syntax
from .model import ErrorCode, ErrorTable, Texts
from .problems import DataError, Problem

T = TypeVar("T")

_TAG = "tag:yaml.org,2002:"
# The file's layout; schema.py describes the same fields to editors.
TOP_FIELDS = ("table", "codes")
TABLE_FIELDS = ("anchor", "title")
ENTRY_FIELDS = ("code", "retired", "message")
TEXT_FIELDS = tuple(item.name for item in fields(Texts))
ANCHOR = r"[a-z][a-z0-9]*(-[a-z0-9]+)*"
CODE = syntax.CODE
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


@dataclass(frozen=True)
class _Where:
    """Which code, field and language a node belongs to."""

    code: int | None = None
    field: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class _Fragment:
    """A '#...' link in a text, checked once every code is known."""

    node: yaml.Node
    where: _Where
    fragment: str


@dataclass
class _Reader:
    """Walks the composed YAML tree, turning nodes into values and mistakes into problems."""

    file: str
    source: str
    languages: Sequence[str]
    problems: list[Problem] = field(default_factory=list)
    entries: list[published.Entry] = field(default_factory=list)
    codes_readable: bool = False
    fragments: list[_Fragment] = field(default_factory=list)
    absent: tuple[str, ...] = ()
    """Built languages that no entry has at all: reported once, not once per entry."""
    anchor: str | None = None
    mentioned: set[str] = field(default_factory=set)
    """Languages the current entry names where they do not belong, e.g. 'eng' or a nested
    'en'; their "block is missing" would only repeat that problem."""

    def problem(
        self, node: yaml.Node, where: _Where, message: str, hint: str | None = None
    ) -> None:
        mark = node.start_mark
        self.problem_at(mark.line + 1, mark.column + 1, where, message, hint)

    def problem_at(
        self, line: int, column: int, where: _Where, message: str, hint: str | None = None
    ) -> None:
        self.problems.append(
            Problem(self.file, line, column, message, where.code, where.field, where.language, hint)
        )

    def mapping(
        self, node: yaml.Node, where: _Where, what: str, hint: str
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """Yield a mapping's (key, key node, value node) once per key, reporting repeats."""
        if not isinstance(node, yaml.MappingNode):
            shape = (
                "is empty" if _kind(node) == "nothing" else f"must be {_LINES}, not {_kind(node)}"
            )
            self.problem(node, where, f"{what} {shape}", hint)
            return
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node,
                    where,
                    f"a field name must be a word, not {_kind(key_node)}",
                    "write 'field: value', with the field name at the start of the line",
                )
                continue
            key = str(key_node.value)
            if key in seen:
                self.problem(
                    key_node,
                    replace(where, language=key)
                    if key in self.languages
                    else replace(where, field=key),
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
        hints: dict[str, str] | None = None,
    ) -> str | None:
        """Report a key that does not belong here; returns the name it probably meant."""
        if key in self.languages:
            self.mentioned.add(key)
            self.problem(
                node,
                replace(where, language=key),
                f"the '{key}' block is not in its place",
                "language blocks go right under '- code:', lined up with 'code:'",
            )
            return None
        # A key Babel knows as a locale gets a language message ('de:'), not "unknown field".
        if localedata.exists(key.replace("-", "_")):
            self.problem(
                node,
                replace(where, language=key),
                f"language '{key}' is not built by the site "
                f"(it builds {', '.join(self.languages)})",
                "add the language to 'languages' in mkdocs.yml, or remove this block",
            )
            return None
        close = difflib.get_close_matches(key, allowed, n=1)
        if hints and key in hints:
            hint = hints[key]
        elif close:
            hint = f"did you mean '{close[0]}'?"
            self.mentioned.add(close[0])
        else:
            hint = f"the fields here are: {', '.join(allowed)}"
        self.problem(node, replace(where, field=key), f"unknown field '{key}'", hint)
        return close[0] if close else None

    def missing(self, node: yaml.Node, where: _Where, what: str, hint: str) -> None:
        self.problem(node, where, f"{what} is missing", hint)

    def text(self, node: yaml.Node, where: _Where) -> str | None:
        """A plain text: one string, no blanks around it, no invisible characters."""
        name = f"'{where.field}'"
        if not isinstance(node, yaml.ScalarNode) or node.tag != f"{_TAG}str":
            kind = _kind(node)
            if kind == "nothing":
                self.problem(node, where, f"{name} is empty", "write the text after the colon")
            elif kind in ("a number", "true/false"):
                hint = f'put the text in double quotes: {where.field}: "{node.value}"'
                self.problem(node, where, f"{name} must be text, not {kind}", hint)
            else:
                hint = _TEXT_HINTS.get(kind, "write plain text after the colon")
                self.problem(node, where, f"{name} must be text, not {kind}", hint)
            return None
        value = str(node.value)
        if not value.strip():
            self.problem(node, where, f"{name} is empty", "write the text after the colon")
            return None
        if value != value.strip():
            hint = (
                "a '|' or '>' block keeps its last line break: write '|-' or '>-' instead"
                if value.endswith("\n")
                else "remove the blanks at the start and end of the text"
            )
            self.problem(node, where, f"{name} has blanks at its start or end", hint)
            return None
        hidden = next((char for char in value if _invisible(char)), None)
        if hidden is not None:
            line, column = self.locate(node, hidden)
            self.problem_at(
                line,
                column,
                where,
                f"{name} holds the invisible character U+{ord(hidden):04X} "
                f"({unicodedata.name(hidden, 'a control character')})",
                "delete it (it often comes with copy and paste); a line break is written "
                "as a new line in a '|-' block",
            )
            return None
        return value

    def formatted(self, node: yaml.Node, where: _Where) -> str | None:
        """A text that may hold inline code and links; an unsafe link is a problem."""
        value = self.text(node, where)
        if value is None:
            return None
        spans, mistakes = inline.parse(value)
        for mistake in mistakes:
            line, column = self.locate(node, value[mistake.start :].split(")", 1)[0])
            self.problem_at(line, column, where, mistake.message, mistake.hint)
        for span in spans:
            if isinstance(span, inline.Link) and span.fragment is not None:
                self.fragments.append(_Fragment(node, where, span.fragment))
        return None if mistakes else value

    def locate(self, node: yaml.Node, needle: str) -> tuple[int, int]:
        """Line and column of `needle` inside the node's source, else of the node itself."""
        start, end = node.start_mark.index, node.end_mark.index
        offset = self.source.find(needle, start, max(end, start + len(needle)))
        if not needle or offset < 0:
            return node.start_mark.line + 1, node.start_mark.column + 1
        return syntax.position(self.source, offset)

    def per_language(
        self,
        label: yaml.Node,
        node: yaml.Node,
        where: _Where,
        what: str,
        read: Callable[[yaml.Node, _Where], T | None],
    ) -> dict[str, T]:
        """Read a block keyed by language, requiring every built language and no other."""
        found: dict[str, T] = {}
        seen: set[str] = set()
        hint = f"write one line per language under it, e.g. '{self.languages[0]}: ...'"
        for key, key_node, value in self.mapping(node, where, what, hint):
            seen.add(key)
            if key not in self.languages:
                seen.add(self.unknown(key, key_node, where, self.languages) or key)
                continue
            result = read(value, replace(where, language=key))
            if result is not None:
                found[key] = result
        if isinstance(node, yaml.MappingNode):
            for language in self.languages:
                if language not in seen:
                    self.missing(
                        label,
                        replace(where, language=language),
                        f"the '{language}' text of {what}",
                        f"add a line '{language}: …' under it, in that language",
                    )
        return found

    def texts(self, label: yaml.Node, node: yaml.Node, where: _Where) -> Texts | None:
        values: dict[str, str] = {}
        meant: set[str] = set()
        hint = f"put 'name:' and 'action:' under '{where.language}:', indented two more spaces"
        language_block = f"the '{where.language}' block"
        for key, key_node, value in self.mapping(node, where, language_block, hint):
            if key not in TEXT_FIELDS:
                meant.add(self.unknown(key, key_node, where, TEXT_FIELDS) or key)
                continue
            text = self.formatted(value, replace(where, field=key))
            values[key] = text or ""  # a bad value was reported already, not "missing"
        if not isinstance(node, yaml.MappingNode):
            return None
        for name in TEXT_FIELDS:
            if name not in values and name not in meant:
                self.missing(
                    label,
                    replace(where, field=name),
                    f"'{name}'",
                    f"add the line '{name}: ...' to the '{where.language}' block",
                )
        if all(values.get(name) for name in TEXT_FIELDS):
            return Texts(name=values["name"], action=values["action"])
        return None

    def code_number(self, node: yaml.Node, where: _Where) -> int | None:
        number = _code_value(node)
        if number is not None:
            return number
        where = replace(where, field="code")
        if isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG}str" and node.style:
            hint = f"remove the quotes: 'code: {node.value}'"
            if not _CODE.fullmatch(str(node.value)):
                hint = "write the number without quotes, e.g. 'code: 1002'"
            self.problem(node, where, "the code must be a number, not text in quotes", hint)
        elif _kind(node) == "nothing":
            self.problem(node, where, "the code is empty", "write the number, e.g. 'code: 1002'")
        else:
            self.problem(
                node,
                where,
                f"the code must be a whole positive number, not {_describe(node)}",
                "write digits only (at most 9, no leading zero), e.g. 'code: 1002'",
            )
        return None

    def entry(self, node: yaml.Node, index: int) -> ErrorCode | None:
        self.mentioned = set()
        where = _Where(code=_code_of(node))
        what = f"entry #{index + 1} of 'codes'"
        hint = "write '- code: <number>', then a block for each language under it"
        items = list(self.mapping(node, where, what, hint))
        fields_ = {key: (key_node, value) for key, key_node, value in items}
        number = None
        if "code" in fields_:
            number = self.code_number(fields_["code"][1], where)
        elif isinstance(node, yaml.MappingNode):
            self.missing(node, where, f"'code' of {what}", "add a 'code: <number>' line")
        where = _Where(code=number)
        texts: dict[str, Texts] = {}
        retired: bool | None = False
        message: str | None = None
        for key, (key_node, value) in fields_.items():
            if key == "code":
                continue
            if key == "retired":
                retired = self.flag(value, replace(where, field=key))
            elif key == "message":
                message = self.text(value, replace(where, field=key))
            elif key in self.languages:
                result = self.texts(key_node, value, replace(where, language=key))
                if result is not None:
                    texts[key] = result
            else:
                blocks = " or ".join(f"'{language}:'" for language in self.languages)
                misplaced = {
                    name: f"'{name}:' goes inside a language block: indent it two more "
                    f"spaces, under {blocks}"
                    for name in TEXT_FIELDS
                }
                self.unknown(key, key_node, where, (*ENTRY_FIELDS, *self.languages), misplaced)
        if isinstance(node, yaml.MappingNode):
            for language in self.languages:
                if language not in {*fields_, *self.absent, *self.mentioned}:
                    self.missing(
                        node,
                        replace(where, language=language),
                        f"the '{language}' block",
                        f"add '{language}:' with 'name:' and 'action:' under it",
                    )
        if number is None:
            self.codes_readable = False
        else:
            # A problem about retiring is shown at 'retired:' when the entry has the line.
            mark = (fields_["retired"][0] if "retired" in fields_ else node).start_mark
            self.entries.append(published.Entry(number, retired, mark.line + 1, mark.column + 1))
        if number is None or retired is None or set(texts) != set(self.languages):
            return None
        return ErrorCode(code=number, texts=texts, retired=retired, message=message)

    def flag(self, node: yaml.Node, where: _Where) -> bool | None:
        # Only true and false: editors read YAML 1.2, where 'yes' and 'on' are text.
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == f"{_TAG}bool"
            and str(node.value) in ("true", "false")
        ):
            return str(node.value) == "true"
        self.problem(
            node,
            where,
            f"must be true or false, not {_describe(node)}",
            "write 'retired: true', or remove the line",
        )
        return None

    def table(self, node: yaml.Node) -> tuple[str, dict[str, str]] | None:
        where = _Where()
        anchor: str | None = None
        title: dict[str, str] = {}
        seen = set()
        hint = "put 'anchor:' and 'title:' under 'table:', indented two spaces"
        for key, key_node, value in self.mapping(node, where, "'table'", hint):
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
                    key_node, value, replace(where, field=key), "the table's title", self.text
                )
            else:
                self.unknown(key, key_node, where, TABLE_FIELDS)
        for name in TABLE_FIELDS:
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

    def codes(self, label: yaml.Node, node: yaml.Node) -> list[ErrorCode]:
        if not isinstance(node, yaml.SequenceNode):
            shape = "is empty" if _kind(node) == "nothing" else f"must be a list, not {_kind(node)}"
            self.problem(
                node,
                _Where(field="codes"),
                f"'codes' {shape}",
                "start each entry with '- code: <number>', indented two spaces",
            )
            return []
        self.codes_readable = True
        self.absent = self.languages_nowhere(label, node)
        rows: list[ErrorCode] = []
        first_line: dict[int, int] = {}
        previous: int | None = None
        for index, item in enumerate(node.value):
            row = self.entry(item, index)
            number = _code_of(item)
            if number is not None and number in first_line:
                self.problem(
                    item,
                    _Where(code=number, field="code"),
                    f"code {number} appears twice (first on line {first_line[number]})",
                    "each code has one entry: merge the two, or give a new error "
                    "a number no entry uses",
                )
                continue
            if number is not None:
                first_line[number] = item.start_mark.line + 1
                if previous is not None and number < previous:
                    self.problem(
                        item,
                        _Where(code=number, field="code"),
                        f"code {number} comes after {previous}; "
                        "the codes are kept in ascending order, as the page lists them",
                        f"move the entry for {number} above the entry for {previous}",
                    )
                previous = number
            if row is not None:
                rows.append(row)
        self.check_fragments(first_line)
        return rows

    def languages_nowhere(self, label: yaml.Node, node: yaml.SequenceNode) -> tuple[str, ...]:
        """Report once each built language that no entry has, e.g. one just added."""
        present = {
            str(key.value)
            for item in node.value
            if isinstance(item, yaml.MappingNode)
            for key, _ in item.value
        }
        if len(node.value) < 2:
            return ()  # one entry: its own "block is missing" says it better
        absent = tuple(language for language in self.languages if language not in present)
        for language in absent:
            self.problem(
                label,
                _Where(field="codes", language=language),
                f"the site builds '{language}', but no entry has a block for it",
                f"add '{language}:' with 'name:' and 'action:' to every entry, or remove "
                f"'{language}' from 'languages' in mkdocs.yml",
            )
        return absent

    def check_fragments(self, codes: dict[int, int]) -> None:
        targets = {str(code) for code in codes}
        for link in self.fragments:
            if link.fragment in targets or link.fragment == self.anchor:
                continue
            line, column = self.locate(link.node, f"#{link.fragment}")
            self.problem_at(
                line,
                column,
                link.where,
                f"the link goes to #{link.fragment}, but no row has that code",
                "link to a code in the table, e.g. [1002](#1002)",
            )

    def document(self, root: yaml.Node | None) -> ErrorTable | None:
        if root is None:
            empty = "the file is empty" if not self.source.strip() else "the file has only comments"
            self.problem_at(1, 1, _Where(), empty, "it needs the 'table:' and 'codes:' sections")
            return None
        parts: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        hint = "start the file with the 'table:' and 'codes:' sections, each at the line start"
        for key, key_node, value in self.mapping(root, _Where(), "the file", hint):
            if key in TOP_FIELDS:
                parts[key] = (key_node, value)
            else:
                self.unknown(key, key_node, _Where(), TOP_FIELDS, _MISPLACED_TOP)
        if not isinstance(root, yaml.MappingNode):
            return None
        for name in TOP_FIELDS:
            if name not in parts:
                self.missing(
                    root, _Where(field=name), f"the '{name}:' section", f"add a '{name}:' section"
                )
        table = self.table(parts["table"][1]) if "table" in parts else None
        self.anchor = table[0] if table else None
        rows = self.codes(*parts["codes"]) if "codes" in parts else []
        if table is None or self.problems:
            return None
        return ErrorTable(anchor=table[0], title=table[1], codes=tuple(rows))


_LINES = "'field: value' lines"
_TEXT_HINTS = {
    "a list": "write the text itself after the colon, not a list of '- ' lines",
    "a mapping": "write the text after the colon; put it in double quotes if it holds ': '",
}
_MISPLACED_TOP = {
    **{name: f"'{name}:' goes under 'table:', indented two spaces" for name in TABLE_FIELDS},
    "code": "entries go in the 'codes:' list: write '  - code: <number>' under 'codes:'",
}


def _invisible(char: str) -> bool:
    """Characters that change a text without showing: controls and line separators."""
    return char != "\n" and unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KINDS.get(node.tag.removeprefix(_TAG), f"a '{node.tag}' value")


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.value != "":
        value = str(node.value)
        return f"'{value[:40]}…'" if len(value) > 40 else f"'{value}'"
    return _kind(node)


def _code_value(node: yaml.Node) -> int | None:
    """The number of a 'code:' value written as plain digits; anything else is None."""
    if (
        isinstance(node, yaml.ScalarNode)
        and node.tag == f"{_TAG}int"
        and _CODE.fullmatch(str(node.value))
    ):
        return int(str(node.value))
    return None


def _code_of(node: yaml.Node) -> int | None:
    """The entry's code if it is a valid number; used to spot repeats before full validation."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "code":
            return _code_value(value)
    return None


def _with_excerpts(problems: Sequence[Problem], file: str, text: str) -> list[Problem]:
    lines = syntax.lines(text)
    return [
        replace(problem, excerpt=lines[problem.line - 1])
        if problem.file == file
        and problem.excerpt is None
        and 0 < problem.line <= len(lines)
        and lines[problem.line - 1].strip()
        else problem
        for problem in problems
    ]


@dataclass(frozen=True)
class _Read:
    """What one reading of the data file's text found, before the published record is consulted."""

    table: ErrorTable | None
    syntax_problems: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    entries: tuple[published.Entry, ...] | None  # None when the codes could not all be read


# Keyed by the file's whole text: a build reads the same file once per language.
@functools.lru_cache(maxsize=4)
def _read_text(text: str, file: str, languages: tuple[str, ...]) -> _Read:
    known = {*TOP_FIELDS, *TABLE_FIELDS, *ENTRY_FIELDS, *TEXT_FIELDS}
    root, problems = syntax.compose(text, file, languages, known)
    reader = _Reader(file, text, languages)
    table = reader.document(root) if not problems else None
    entries = tuple(reader.entries) if reader.codes_readable else None
    return _Read(table, tuple(problems), tuple(reader.problems), entries)


def parse(
    text: str,
    file: str,
    languages: Sequence[str],
    record: published.Published | None = None,
    *,
    require_recorded: bool = False,
) -> ErrorTable:
    """Read the data file's text into a table, or raise DataError listing every problem.

    With a `record` of published codes, a published code without an entry, or a retired one
    given back to an error, is a problem too; see published.check for `require_recorded`.
    """
    read = _read_text(text, file, tuple(languages))
    problems = list(read.problems)
    if record is not None and read.entries is not None:
        problems += published.check(
            record, list(read.entries), file, require_recorded=require_recorded
        )
    problems = [*read.syntax_problems, *sorted(problems, key=lambda p: (p.line, p.column))]
    if problems or read.table is None:
        raise DataError(_with_excerpts(problems, file, text))
    return read.table


def _read(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), 1, 1, "the file does not exist")]
    except OSError as error:
        return None, [Problem(str(path), 1, 1, f"the file cannot be read: {error.strerror}")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", "replace")
        line, column = syntax.position(before, len(before))
        return None, [
            Problem(
                str(path),
                line,
                column,
                f"byte 0x{raw[error.start]:02X} here is not UTF-8 text",
                hint="save the file as UTF-8 (editors offer it under 'encoding')",
                excerpt=syntax.lines(raw.decode("utf-8", "replace"))[line - 1],
            )
        ]


def load(
    path: Path,
    languages: Sequence[str],
    record: Path | None = None,
    *,
    require_recorded: bool = False,
) -> ErrorTable:
    """Load the data file at `path` for the given built languages, held to the `record` of
    published codes when one is given."""
    text, problems = _read(path)
    known: published.Published | None = None
    if record is not None:
        record_text, record_problems = _read(record)
        if record_text is None:
            record_problems = [
                replace(
                    problem,
                    hint="run `make published` to create it from the data file, and commit it",
                )
                for problem in record_problems
            ]
        else:
            known, record_problems = published.parse(record_text, str(record))
            # A record with unreadable lines would make every comparison with it suspect.
            known = None if record_problems else known
        problems += record_problems
    if text is None:
        raise DataError(problems)
    try:
        table = parse(text, str(path), languages, known, require_recorded=require_recorded)
    except DataError as error:
        raise DataError([*error.problems, *problems]) from None
    if problems:
        raise DataError(problems)
    return table
