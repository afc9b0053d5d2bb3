"""The data file's JSON Schema: generated from the model, committed, referenced, and right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from gupshup_errors.render import editor_schema as schema
from gupshup_errors.text import inline

from .broken import CORPUS
from .helpers import DATA, LANGUAGES, run

COMMITTED = DATA.with_name(schema.FILE_NAME)


def validator() -> Draft7Validator:
    document = json.loads(COMMITTED.read_text("utf-8"))
    Draft7Validator.check_schema(document)
    return Draft7Validator(document)


def test_the_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text("utf-8") == schema.render(LANGUAGES)


def test_make_schema_regenerates_it(repo_copy: Path) -> None:
    written = repo_copy / "data" / schema.FILE_NAME
    written.unlink()
    assert run("schema", cwd=repo_copy).returncode == 0
    assert written.read_text("utf-8") == COMMITTED.read_text("utf-8")


def test_the_data_file_names_its_schema_on_its_first_line() -> None:
    first = DATA.read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema.FILE_NAME}"


def test_the_real_data_is_valid() -> None:
    errors = list(validator().iter_errors(yaml.safe_load(DATA.read_text("utf-8"))))
    assert errors == []


# Mistakes an editor flags while typing; order, repeats and the published record are only
# for the checks (JSON Schema cannot say them).
FLAGGED = [
    "misspelt_fields", "misspelt_required_keys", "list_instead_of_text",
    "number_instead_of_text", "code_not_a_number",
    "empty_action", "blanks", "unsafe_links", "language_not_built", "missing_name",
    "language_block_missing", "language_without_texts", "bad_table", "shape_list",
    "shape_codes_without_dashes", "shape_entry_is_a_number", "indent_block_not_indented",
]  # fmt: skip


@pytest.mark.parametrize("case", FLAGGED)
def test_the_schema_flags_mistakes_as_you_type(case: str) -> None:
    document = yaml.safe_load((CORPUS / f"{case}.yml").read_text("utf-8"))
    assert list(validator().iter_errors(document)) != []


PREFIXES = ["https://", "http://", "mailto:", "#", "javascript:", "HTTPS://", "data:", ""]


@given(st.text(max_size=5), st.sampled_from(PREFIXES), st.text(max_size=20))
def test_the_schema_refuses_exactly_the_links_the_checks_refuse(
    text: str, prefix: str, rest: str
) -> None:
    address = prefix + rest
    link = f"[{text}]({address})"
    if "[" in text or "]" in text or ")" in address or not text.strip():
        return  # not one link with text: the format's own parser decides those
    refused = bool(inline.parse(link)[1])
    assert bool(re.search(inline.UNSAFE_LINK, link)) == refused
