"""Real broken data files: the exact message for each, and the same checks in every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from gupshup_errors.builder.site import build_site
from gupshup_errors.data.problems import DataError

from .broken import CORPUS, cases, check, expected, project

CASES = cases()
# Outdated translations fail the check but never the build: their rows carry a note instead.
PUBLISHABLE = {"outdated_translation", "translation_unrecorded"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_check_prints_exactly_the_expected_message(case: Path, tmp_path: Path) -> None:
    status, output = check(case, tmp_path)
    assert status == 1
    assert output == expected(case).read_text("utf-8")


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.stem not in PUBLISHABLE], ids=lambda case: case.stem
)
def test_a_site_build_refuses_it_with_the_same_message_and_writes_nothing(
    case: Path, tmp_path: Path
) -> None:
    root = project(case, tmp_path)
    with pytest.raises(DataError) as raised:
        build_site(root / "mkdocs.yml", root / "site")
    # The same words as `check`, with the paths as the build names them.
    report = raised.value.report().replace(f"{root}/", "")
    assert report + "\n" == expected(case).read_text("utf-8")
    assert sorted(path.name for path in root.iterdir()) == ["data", "docs", "mkdocs.yml"]


@pytest.mark.parametrize("stem", sorted(PUBLISHABLE))
def test_outdated_translations_build_with_a_note_on_their_rows(stem: str, tmp_path: Path) -> None:
    root = project(CORPUS / f"{stem}.yml", tmp_path)
    build_site(root / "mkdocs.yml", root / "site")
    page = (root / "site" / "en" / "index.html").read_text("utf-8")
    assert "This translation may be out of date." in page


def test_every_expected_file_and_record_belongs_to_a_case() -> None:
    stems = {case.stem for case in CASES}
    assert {path.stem for path in CORPUS.glob("*.expected")} == stems
    for kind in ("published", "translated"):
        records = {path.name.removesuffix(f".{kind}.txt") for path in CORPUS.glob(f"*.{kind}.txt")}
        assert records <= stems


ISSUE_BULLETS = {
    "YAML syntax errors": ["yaml_colon_in_text", "yaml_unclosed_quote"],
    "tabs": ["tabs"],
    "a broken indent": ["indent_key_too_short", "indent_block_not_indented"],
    "an empty file": ["empty_file", "comments_only"],
    "a file of the wrong shape": ["shape_list", "shape_codes_without_dashes"],
    "duplicate codes": ["duplicate_code"],
    "duplicate mapping keys": ["duplicate_keys"],
    "a missing or empty name or action": ["missing_name", "empty_action"],
    "a language the site does not build": ["language_not_built"],
    "a built language with no texts": ["language_without_texts"],
    "a misspelt field": ["misspelt_fields", "misspelt_required_keys"],
    "the wrong type": ["list_instead_of_text"],
    "a code that is not a whole positive number": ["code_not_a_number"],
    "leading or trailing blanks": ["blanks"],
    "the order of codes": ["order"],
    "unsafe links": ["unsafe_links"],
    "YAML tags": ["yaml_tags"],
    "a published code removed": ["published_code_removed"],
    "a retired number reused": ["retired_code_reused"],
    "an outdated translation": ["outdated_translation"],
    "a translation the record does not know": ["translation_unrecorded"],
    "a translation record edited into nonsense": ["translation_record_nonsense"],
    "a translation record naming a code that does not exist": ["translation_record_unknown_code"],
}


@pytest.mark.parametrize("bullet", ISSUE_BULLETS)
def test_every_kind_of_mistake_has_a_case(bullet: str) -> None:
    assert {name for name in ISSUE_BULLETS[bullet]} <= {case.stem for case in CASES}
