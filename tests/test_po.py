"""Translators work in gettext tools: a PO export of the data's texts and its import back."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from .helpers import SAMPLE_LANGUAGES, SOURCE_EDIT, edit, require, run, translate

SOURCE, *TARGETS = SAMPLE_LANGUAGES  # the languages of the sample project (`project`)
LANGUAGE = TARGETS[0]
ACTION_1002 = "The recipient's number is not registered on WhatsApp."
OLD, NEW = SOURCE_EDIT


def export(project: Path, language: str = LANGUAGE) -> str:
    result = run("export", "--format", "po", "--lang", language, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def import_po(project: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = project.parent / f"{LANGUAGE}.po"
    path.write_text(text, "utf-8")
    return run("import", str(path), cwd=project)


def git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=project, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


@pytest.fixture
def repo(project: Path) -> Path:
    """The project copy under git, committed, as a maintainer's clone is."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "start")
    return project


def test_every_text_is_an_entry_named_by_code_and_field(project: Path) -> None:
    catalog = read_po(io.StringIO(export(project)))
    assert str(catalog.locale) == LANGUAGE
    document = yaml.safe_load((project / "data" / "errors.yml").read_text("utf-8"))
    expected = {("title", document["table"]["title"][SOURCE]): document["table"]["title"][LANGUAGE]}
    for entry in document["codes"]:
        for field in ("name", "action"):
            key = (f"{entry['code']}/{field}", entry[SOURCE][field])
            expected[key] = entry[LANGUAGE][field]
    found = {(m.context, m.id): m.string for m in catalog if m.id}
    assert found == expected
    assert not any(message.fuzzy for message in catalog if message.id)


def test_an_outdated_entry_is_fuzzy_with_its_previous_source(project: Path) -> None:
    edit(project / "data" / "errors.yml", OLD, NEW)
    po = export(project)
    assert (
        "#, fuzzy\n"
        '#| msgid "Номер получателя не зарегистрирован в WhatsApp."\n'
        'msgctxt "1002/action"\n'
        'msgid "Номер получателя не зарегистрирован в WhatsApp или недоступен."\n'
        f'msgstr "{ACTION_1002}"\n'
    ) in po
    fuzzy = [m.context for m in read_po(io.StringIO(po)) if m.id and m.fuzzy]
    assert fuzzy == ["1002/action"]


@pytest.mark.parametrize("outdated", [False, True])
def test_msgfmt_accepts_the_export(project: Path, outdated: bool) -> None:
    msgfmt = shutil.which("msgfmt")
    require(msgfmt is not None, "msgfmt (GNU gettext)", "gettext")
    assert msgfmt is not None
    if outdated:
        edit(project / "data" / "errors.yml", OLD, NEW)
    path = project.parent / "en.po"
    path.write_text(export(project), "utf-8")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(project.parent / "en.mo"), str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


def test_the_source_language_cannot_be_exported_for_translation(project: Path) -> None:
    result = run("export", "--format", "po", "--lang", SOURCE, cwd=project)
    assert result.returncode == 1
    assert f"'{SOURCE}' is the source language" in result.stderr
    usage = run("export", "--format", "po", cwd=project)
    assert usage.returncode == 2
    assert "--format po needs --lang" in usage.stderr


def test_a_round_trip_changes_exactly_the_edited_line(repo: Path) -> None:
    po = translate(export(repo), "1002/action", "The number is not on WhatsApp.")
    result = import_po(repo, po)
    assert result.returncode == 0, result.stderr
    diff = git(repo, "diff", "-U0", "--no-color", "data/errors.yml").splitlines()
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [
        f"-      action: {ACTION_1002}",
        "+      action: The number is not on WhatsApp.",
    ]
    assert git(repo, "diff", "--numstat", "data/errors.yml").split()[:2] == ["1", "1"]
    assert git(repo, "diff", "--name-only").split() == ["data/errors.yml"]  # record unchanged
    assert run("check", cwd=repo).returncode == 0


def test_importing_an_updated_outdated_entry_records_it_as_current(repo: Path) -> None:
    edit(repo / "data" / "errors.yml", OLD, NEW)
    git(repo, "commit", "-qam", "source changed")
    assert run("check", cwd=repo).returncode == 1
    po = translate(export(repo), "1002/action", "The number is not on WhatsApp or unreachable.")
    result = import_po(repo, po)
    assert result.returncode == 0, result.stderr
    assert "1 text changed in 'en'" in result.stdout
    record = git(repo, "diff", "-U0", "--no-color", "data/translated.txt")
    assert "+1002 action en: Номер получателя не зарегистрирован в WhatsApp или недоступен." in (
        record
    )
    assert run("check", cwd=repo).returncode == 0


def test_quoting_and_blocks_keep_their_style_where_it_fits(repo: Path) -> None:
    data = repo / "data" / "errors.yml"
    block = "      action: |-\n        Line one.\n        Two.\n"
    edit(data, f"      action: {ACTION_1002}\n", block)
    git(repo, "commit", "-qam", "a block")
    po = export(repo)
    po = translate(po, "1002/action", "Line one.\nLine two.")
    po = translate(po, "1002/name", "Number: not on WhatsApp")  # plain cannot hold ': '
    quoted = '      action: "Sending failed: the template is paused."'
    context = _context_of(repo, quoted)
    po = translate(po, context, "Sending failed: the template is on hold.")
    result = import_po(repo, po)
    assert result.returncode == 0, result.stderr
    diff = git(repo, "diff", "-U0", "--no-color", "data/errors.yml").splitlines()
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert sorted(changed) == sorted(
        [
            "-      name: Number does not exist on WhatsApp",
            '+      name: "Number: not on WhatsApp"',
            "-        Two.",
            "+        Line two.",
            f"-{quoted}",
            '+      action: "Sending failed: the template is on hold."',
        ]
    )
    assert run("check", cwd=repo).returncode == 0


def _context_of(project: Path, line: str) -> str:
    """The msgctxt of the English text written on `line` of the data file."""
    data = (project / "data" / "errors.yml").read_text("utf-8")
    assert f"\n{line}\n" in data
    document = yaml.safe_load(data)
    text = yaml.safe_load(line.strip())["action"]
    code = next(e["code"] for e in document["codes"] if e[LANGUAGE]["action"] == text)
    return f"{code}/action"


def test_fuzzy_and_empty_entries_are_skipped_and_counted(repo: Path) -> None:
    edit(repo / "data" / "errors.yml", OLD, NEW)
    git(repo, "commit", "-qam", "source changed")
    po = export(repo)  # 1002/action is fuzzy
    po = translate(po, "1002/action", "Changed but still fuzzy.", keep_fuzzy=True)
    po = translate(po, "500/name", "")
    result = import_po(repo, po)
    assert result.returncode == 0, result.stderr
    assert "skipped 1 fuzzy and 1 empty entries" in result.stdout
    assert git(repo, "diff", "--name-only", "data/errors.yml") == ""
    assert run("check", cwd=repo).returncode == 1  # 1002 is still outdated


def _refused(repo: Path, po: str) -> str:
    before = {path: path.read_bytes() for path in (repo / "data").iterdir()}
    result = import_po(repo, po)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in (repo / "data").iterdir()} == before
    return result.stderr


def _line(po: str, context: str) -> int:
    """The line of the entry's msgid in `po`."""
    lines = po.splitlines()
    at = lines.index(f'msgctxt "{context}"') + 1
    assert lines[at].startswith("msgid ")
    return at + 1


def test_an_unknown_code_or_field_is_refused(repo: Path) -> None:
    po = export(repo)
    po = po.replace('msgctxt "1002/name"', 'msgctxt "9999/name"')
    po = po.replace('msgctxt "500/action"', 'msgctxt "500/acton"')
    stderr = _refused(repo, po)
    assert "2 problems in " in stderr
    assert "[code 9999, field 'name', language 'en'] code 9999 has no entry in the data" in stderr
    assert "[code 500, field 'acton', language 'en'] unknown field 'acton'" in stderr


def test_a_language_the_site_does_not_build_is_refused(repo: Path) -> None:
    po = export(repo).replace('"Language: en\\n"', '"Language: de\\n"')
    stderr = _refused(repo, po)
    assert "en.po:1:1: its language is 'de'" in stderr
    source = export(repo).replace('"Language: en\\n"', f'"Language: {SOURCE}\\n"')
    assert f"'{SOURCE}' is the source language" in _refused(repo, source)


def test_a_msgid_that_is_no_longer_the_source_is_refused(repo: Path) -> None:
    po = translate(export(repo), "1002/action", "The number is not on WhatsApp.")
    edit(repo / "data" / "errors.yml", OLD, NEW)  # the source changes after the export
    git(repo, "commit", "-qam", "source changed")
    stderr = _refused(repo, po)
    assert (
        f"en.po:{_line(po, '1002/action')}:1: [code 1002, field 'action', language 'en'] "
        "the source text changed after this file was exported\n"
    ) in stderr
    assert "source now: Номер получателя не зарегистрирован в WhatsApp{+ или недоступен+}." in (
        stderr
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("See [the guide](javascript:alert(1)).", "the data rules refuse this text: "),
        (" Padded text ", "'action' has blanks at its start or end"),
        ("Ends with a line break\n", "'action' has blanks at its start or end"),
        ("See [1002](#9999).", "the link goes to #9999, but no row has that code"),
    ],
)
def test_a_text_the_data_rules_refuse_is_refused(repo: Path, text: str, message: str) -> None:
    po = translate(export(repo), "1002/action", text)
    stderr = _refused(repo, po)
    assert f"en.po:{_line(po, '1002/action')}:1: [code 1002, field 'action', language 'en']" in (
        stderr
    )
    assert message in stderr


def test_a_file_that_is_not_po_is_refused(repo: Path) -> None:
    po = export(repo).replace('msgctxt "500/name"', 'the translator\'s note\nmsgctxt "500/name"')
    stderr = _refused(repo, po)
    line = po.splitlines().index("the translator's note") + 1
    assert f"en.po:{line}:1: this is not a valid PO file: Unknown or misformatted keyword" in stderr
