"""Whatever the text, the loader answers with a table or with located problems, never a crash."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gupshup_errors.data.model import ErrorTable
from gupshup_errors.data.problems import DataError
from gupshup_errors.data.syntax import may_hold_node_properties
from gupshup_errors.records import published
from gupshup_errors.records.sources import load_table as load
from gupshup_errors.records.sources import parse_table as parse

from .helpers import DATA, LANGUAGES

REAL = DATA.read_text("utf-8")
RECORD = published.parse((DATA.parent / "published.txt").read_text("utf-8"), "p.txt")[0]
# Characters that mean something to YAML, the inline format or the line counting.
SIGNIFICANT = [*":-'\"\t#&*!|>[]{}%@`,?\n\r ", "\u2028", "\x85", "\ufeff", "\x00", "ё"]


def outcome(text: str) -> ErrorTable | DataError:
    """The table, or the DataError; any other exception fails the test that calls this."""
    try:
        return parse(text, "data/errors.yml", LANGUAGES, RECORD, require_recorded=True)
    except DataError as error:
        assert error.problems, "a DataError lists at least one problem"
        lines = len(re.split(r"\r\n|\r|\n", text))  # as editors number them
        for problem in error.problems:
            assert problem.file in ("data/errors.yml", "p.txt")
            assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert error.report()
        return error


@settings(max_examples=300)
@given(st.text())
def test_any_text(text: str) -> None:
    outcome(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The real data file with a few edits of the kinds a hurried person makes."""
    lines = REAL.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        kind = draw(
            st.sampled_from(["delete", "repeat", "swap", "indent", "outdent", "insert", "char"])
        )
        line = lines[where]
        if kind == "delete":
            del lines[where]
        elif kind == "repeat":
            lines.insert(where, line)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], line
        elif kind == "indent":
            lines[where] = " " * draw(st.integers(1, 3)) + line
        elif kind == "outdent":
            lines[where] = line[draw(st.integers(1, 3)) :]
        else:
            column = draw(st.integers(0, len(line)))
            piece = draw(st.sampled_from(SIGNIFICANT) if kind == "char" else st.text(max_size=8))
            lines[where] = line[:column] + piece + line[column:]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=400)
@given(mutated())
def test_mutations_of_the_real_file(text: str) -> None:
    outcome(text)


@given(st.text())
def test_any_published_record(text: str) -> None:
    record, problems = published.parse(text, "p.txt")
    assert all(problem.line >= 1 for problem in problems)
    assert all(0 < code < 10**9 for code in record.entries)


def test_the_real_file_loads() -> None:
    assert isinstance(outcome(REAL), ErrorTable)


@settings(max_examples=100)
@given(st.binary(), st.binary(max_size=40))
def test_any_bytes_on_disk(data: bytes, record: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, record_path = Path(folder) / "errors.yml", Path(folder) / "published.txt"
        path.write_bytes(data)
        record_path.write_bytes(record)
        try:
            load(path, LANGUAGES, record_path, require_recorded=True)
        except DataError as error:
            assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems)


def _node_properties(text: str) -> list[yaml.Token]:
    """The tags, anchors and aliases libyaml's scanner finds before it stops, if it stops."""
    found = []
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if isinstance(token, yaml.TagToken | yaml.AnchorToken | yaml.AliasToken):
                found.append(token)
    except yaml.YAMLError:
        pass
    return found


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from([*SIGNIFICANT, "a", "b", "1", "\u2029"]), max_size=40))
def test_the_scan_is_skipped_only_where_no_tag_anchor_or_alias_can_be(text: str) -> None:
    if _node_properties(text):
        assert may_hold_node_properties(text), text
