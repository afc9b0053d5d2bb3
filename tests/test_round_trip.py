"""The translators' round trip is the identity: a PO file exported and imported untouched changes
no byte of data/ or docs/, for every translation language of the repository's own site, on the
committed files and on files the commands wrote."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .helpers import LANGUAGES, make_project, run, translate


def _files(project: Path) -> dict[str, bytes]:
    """Every file under data/ and docs/, by path, with its bytes."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for folder in ("data", "docs")
        for path in sorted((project / folder).rglob("*"))
        if path.is_file()
    }


def _exported(project: Path, language: str) -> str:
    result = run("export", "--format", "po", "--lang", language, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _imported(project: Path, po: str) -> None:
    path = project.parent / "translation.po"
    path.write_text(po, "utf-8")
    result = run("import", str(path), cwd=project)
    assert result.returncode == 0, result.stderr


def _round_trip_changes_nothing(project: Path, language: str) -> None:
    before = _files(project)
    _imported(project, _exported(project, language))
    after = _files(project)
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert changed == []


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_an_untouched_export_goes_back_in_and_changes_no_byte(
    tmp_path: Path, language: str
) -> None:
    _round_trip_changes_nothing(make_project(tmp_path / "project"), language)


def _edited(po: str) -> str:
    """`po` with the first one-line text of the table and of every page edited, as a
    translator would."""
    catalog = read_po(io.StringIO(po))
    seen: set[str] = set()
    for message in catalog:
        context, text = str(message.context or ""), message.string
        owner = context.split("#")[0] if ".md#" in context else "table"
        if owner in seen or not isinstance(text, str) or not text or "\n" in text:
            continue
        po = translate(po, context, f"{text} (reviewed)")
        seen.add(owner)
    assert "table" in seen, "the export holds no text of the table"
    return po


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_the_round_trip_holds_on_what_an_import_wrote(tmp_path: Path, language: str) -> None:
    project = make_project(tmp_path / "project")
    before = _files(project)
    _imported(project, _edited(_exported(project, language)))
    assert _files(project) != before, "the edited file changed nothing"
    _round_trip_changes_nothing(project, language)
