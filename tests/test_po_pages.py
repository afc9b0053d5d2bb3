"""Translators translate guide pages in the same PO file as the table: a block per entry, and
an import that writes the page's translation, refusing markup its source does not have."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .helpers import require, run, sample_project, translate

GUIDE = """\
---
title: Справочник
---
# Как читать код {#read}

Каждая строка таблицы — один код, например
[1002](index.md#1002).

- Откройте `/errors.json`.
- Найдите код.

```sh
gupshup-errors lookup 1002
```
"""
ENGLISH = {
    "guide.md#1": "How to read a code",
    "guide.md#2": "Each row of the table is one code, e.g. [1002](index.md#1002).",
    "guide.md#3": "Open `/errors.json`.",
    "guide.md#4": "Find the code.",
}
RECORD = "data/translated-pages.txt"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The sample project with a guide page in Russian, not translated yet."""
    return sample_project(
        tmp_path / "project", files={"docs/guide.md": GUIDE}, pages_recorded=False
    )


def export(project: Path) -> str:
    result = run("export", "--format", "po", "--lang", "en", cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def import_po(project: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = project.parent / "en.po"
    path.write_text(text, "utf-8")
    return run("import", str(path), cwd=project)


def translated(project: Path, **changes: str) -> str:
    po = export(project)
    for context, text in (ENGLISH | changes).items():
        po = translate(po, context, text)
    return po


def test_every_block_is_an_entry_named_by_page_and_block(site: Path) -> None:
    catalog = read_po(io.StringIO(export(site)))
    found = {m.context: (m.id, m.string) for m in catalog if m.context and ".md#" in m.context}
    assert found == {
        "guide.md#1": ("Как читать код", ""),
        "guide.md#2": ("Каждая строка таблицы — один код, например [1002](index.md#1002).", ""),
        "guide.md#3": ("Откройте `/errors.json`.", ""),
        "guide.md#4": ("Найдите код.", ""),
        # code is the same in every language until a translator changes its comments
        "guide.md#5": ("gupshup-errors lookup 1002", "gupshup-errors lookup 1002"),
    }
    assert catalog.get("Как читать код", context="guide.md#1").locations == [("docs/guide.md", 4)]


def test_an_import_writes_the_translation_keeping_its_markdown(site: Path) -> None:
    result = import_po(site, translated(site))
    assert result.returncode == 0, result.stderr
    assert "docs/: 1 page translation written" in result.stdout
    assert (site / "docs" / "guide.en.md").read_text("utf-8") == (
        "---\n"
        "title: Справочник\n"
        "---\n"
        "# How to read a code {#read}\n"
        "\n"
        "Each row of the table is one code, e.g. [1002](index.md#1002).\n"
        "\n"
        "- Open `/errors.json`.\n"
        "- Find the code.\n"
        "\n"
        "```sh\n"
        "gupshup-errors lookup 1002\n"
        "```\n"
    )
    assert "guide.md en 4: Найдите код." in (site / RECORD).read_text("utf-8")
    check = run("check", cwd=site)
    assert check.returncode == 0, check.stderr
    assert "docs/guide.md: en translated" in check.stdout


def test_a_changed_block_is_fuzzy_with_its_previous_source(site: Path) -> None:
    assert import_po(site, translated(site)).returncode == 0
    page = site / "docs" / "guide.md"
    page.write_text(GUIDE.replace("Найдите код.", "Найдите нужный код."), "utf-8")
    po = export(site)
    assert (
        "#, fuzzy\n"
        '#| msgid "Найдите код."\n'
        'msgctxt "guide.md#4"\n'
        'msgid "Найдите нужный код."\n'
        'msgstr "Find the code."\n'
    ) in po
    updated = translate(po, "guide.md#4", "Find the code you need.")
    result = import_po(site, updated)
    assert result.returncode == 0, result.stderr
    assert "- Find the code you need.\n" in (site / "docs" / "guide.en.md").read_text("utf-8")
    assert run("check", cwd=site).returncode == 0


@pytest.mark.parametrize("outdated", [False, True])
def test_msgfmt_accepts_the_export_with_pages(site: Path, outdated: bool) -> None:
    msgfmt = shutil.which("msgfmt")
    require(msgfmt is not None, "msgfmt (GNU gettext)", "gettext")
    assert msgfmt is not None
    if outdated:
        assert import_po(site, translated(site)).returncode == 0
        (site / "docs" / "guide.md").write_text(GUIDE.replace("код.", "номер."), "utf-8")
    path = site.parent / "en.po"
    path.write_text(export(site), "utf-8")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(site.parent / "en.mo"), str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Each <b>row</b> is one code, e.g. [1002](index.md#1002).",
            "it adds raw HTML ('<b>', '</b>'): a translation is text",
        ),
        (
            "Each row is one code, e.g. [1002](https://example.com/1002).",
            "it links to or shows 'https://example.com/1002', which its source block does not",
        ),
        (
            "Each row is one code ![logo](logo.png), e.g. [1002](index.md#1002).",
            "it links to or shows 'logo.png', which its source block does not",
        ),
        (
            "## Each row is one code, e.g. [1002](index.md#1002).",
            "it would change the page's structure",
        ),
    ],
)
def test_markup_the_source_block_lacks_is_refused_and_nothing_is_written(
    site: Path, text: str, said: str
) -> None:
    po = translated(site, **{"guide.md#2": text})
    result = import_po(site, po)
    assert result.returncode == 1
    # Babel, and so the message, places an entry at its msgid
    line = po.splitlines().index('msgctxt "guide.md#2"') + 2
    assert f"en.po:{line}:1: [language 'en'] the translation is refused: {said}" in result.stderr
    assert not (site / "docs" / "guide.en.md").exists()
    assert not (site / RECORD).exists()


def test_a_broken_code_span_is_refused(site: Path) -> None:
    assert import_po(site, translated(site)).returncode == 0
    before = (site / "docs" / "guide.en.md").read_bytes(), (site / RECORD).read_bytes()
    result = import_po(site, translated(site, **{"guide.md#3": "Open `/errors.json."}))
    assert result.returncode == 1
    assert "it breaks a code span: a backtick (`) is left without its pair" in result.stderr
    assert "it does not keep the code span `/errors.json` as written" in result.stderr
    after = (site / "docs" / "guide.en.md").read_bytes(), (site / RECORD).read_bytes()
    assert after == before


def test_a_code_span_s_words_may_be_adapted(site: Path) -> None:
    result = import_po(site, translated(site, **{"guide.md#3": "Open `/en/errors.json`."}))
    assert (result.returncode, result.stderr) == (0, "")
    english = (site / "docs" / "guide.en.md").read_text("utf-8")
    assert "- Open `/en/errors.json`." in english.splitlines()


def test_a_code_span_the_source_block_lacks_is_refused(site: Path) -> None:
    result = import_po(site, translated(site, **{"guide.md#4": "Find the `code`."}))
    assert result.returncode == 1
    assert "it adds a code span (`code`): its source block has 0" in result.stderr
    assert not (site / "docs" / "guide.en.md").exists()
    assert not (site / RECORD).exists()


def test_an_import_after_a_new_source_block_keeps_the_translated_ones(site: Path) -> None:
    assert import_po(site, translated(site)).returncode == 0
    english = site / "docs" / "guide.en.md"
    english.write_text(english.read_text("utf-8").replace("Справочник", "Reference"), "utf-8")
    page = site / "docs" / "guide.md"
    page.write_text(
        GUIDE.replace("- Найдите код.", "- Найдите код.\n- Скопируйте ссылку."), "utf-8"
    )
    outdated = run("check", cwd=site)
    assert outdated.returncode == 1
    assert (
        "docs/guide.en.md:9:1: [language 'en'] block 5 (list item, docs/guide.md:11) is not in "
        "the translation yet (it goes after this line's block)\n"
        "    9 | - Find the code.\n"
    ) in outdated.stderr
    result = import_po(site, translate(export(site), "guide.md#5", "Copy the link."))
    assert result.returncode == 0, result.stderr
    text = english.read_text("utf-8")
    assert text.startswith("---\ntitle: Reference\n---\n# How to read a code {#read}\n")
    assert "- Find the code.\n- Copy the link.\n\n```sh\n" in text
    assert run("check", cwd=site).returncode == 0
