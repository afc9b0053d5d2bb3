"""Guide pages keep the table's translation lifecycle, block by block: the blocks, the record
only commands write, and `check` locating what changed at the translation's line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gupshup_errors.records.pages import blocks, record
from gupshup_errors.records.pages.review import PagesPlace, states

from .helpers import run, sample_project

GUIDE = """\
---
title: Справочник
---
# Как читать код {#read}

Каждая строка таблицы — один код, например
[1002](index.md#1002).

- Откройте `/errors.json`.
- Найдите код.

| команда | что делает |
| --- | --- |
| `lookup` | ищет код |

```sh
gupshup-errors lookup 1002
```
"""
GUIDE_EN = """\
---
title: Reference
---
# How to read a code {#read}

Each row of the table is one code, e.g. [1002](index.md#1002).

- Open `/errors.json`.
- Find the code.

| command | what it does |
| --- | --- |
| `lookup` | finds a code |

```sh
gupshup-errors lookup 1002
```
"""
SERVE = """\
# Просмотр

Запустите сайт.
"""
RECORD = "data/translated-pages.txt"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The sample project with a guide page in Russian and its English translation."""
    return sample_project(
        tmp_path / "project",
        files={"docs/guide.md": GUIDE, "docs/guide.en.md": GUIDE_EN},
        pages_recorded=False,
    )


def recorded(project: Path) -> Path:
    result = run("translated", "docs/guide.md", "--lang", "en", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_page_splits_into_its_blocks_with_the_front_matter_aside() -> None:
    page = blocks.split(GUIDE)
    assert page.front_matter == "title: Справочник"
    found = [(block.kind, block.words, block.line) for block in page.blocks]
    assert found == [
        ("heading", "Как читать код", 4),
        ("paragraph", "Каждая строка таблицы — один код, например [1002](index.md#1002).", 6),
        ("list item", "Откройте `/errors.json`.", 9),
        ("list item", "Найдите код.", 10),
        ("table cell", "команда", 12),
        ("table cell", "что делает", 12),
        ("table cell", "`lookup`", 14),
        ("table cell", "ищет код", 14),
        ("code block", "gupshup-errors lookup 1002", 16),
    ]
    assert page.blocks[0].suffix == "{#read}"


def test_only_a_change_of_words_changes_a_block_s_hash() -> None:
    before = [block.hash for block in blocks.split(GUIDE).blocks]
    rewrapped = GUIDE.replace("например\n[1002]", "например [1002]").replace(
        "- Найдите код.", "-   Найдите   код."
    )
    assert [block.hash for block in blocks.split(rewrapped).blocks] == before
    reworded = GUIDE.replace("например", "к примеру")
    changed = [
        number
        for number, (old, new) in enumerate(
            zip(before, [b.hash for b in blocks.split(reworded).blocks], strict=True), start=1
        )
        if old != new
    ]
    assert changed == [2]


def test_the_record_is_written_by_the_command_and_reads_back(site: Path) -> None:
    unrecorded = run("check", cwd=site)
    assert unrecorded.returncode == 1
    assert (
        "docs/guide.en.md:1:1: [language 'en'] data/translated-pages.txt does not say which "
        "'ru' text this translation of docs/guide.md was made from" in unrecorded.stderr
    )
    assert "`gupshup-errors translated docs/guide.md --lang en`" in unrecorded.stderr
    recorded(site)
    text = (site / RECORD).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[:2] == [
        "guide.md en 1: Как читать код",
        "guide.md en 2: Каждая строка таблицы — один код, например [1002](index.md#1002).",
    ]
    assert lines[-1] == "guide.md en 9: gupshup-errors lookup 1002"
    held, problems = record.parse(text, RECORD, ("ru", "en"))
    assert problems == []
    assert record.render({key: entry.value for key, entry in held.entries.items()}) == text
    result = run("check", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "docs/guide.md: en translated\n" in result.stdout


def test_every_page_is_recorded_by_make_translated(site: Path) -> None:
    result = run("translated", cwd=site)  # what `make translated` runs
    assert result.returncode == 0, result.stderr
    assert "data/translated-pages.txt: recorded 1 page translation as current" in result.stdout
    assert run("check", cwd=site).returncode == 0


def test_a_changed_source_block_fails_check_at_the_translation_s_line(site: Path) -> None:
    recorded(site)
    edit(site / "docs" / "guide.md", "- Найдите код.", "- Найдите нужный код.")
    result = run("check", cwd=site, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert (
        "docs/guide.en.md:9:1: [language 'en'] the translation may be out of date: block 4 "
        "(list item, docs/guide.md:10) changed since it was translated\n"
        "    9 | - Find the code.\n"
    ) in result.stderr
    assert "    ru was: Найдите код.\n" in result.stderr
    assert "    ru now: Найдите{+ нужный+} код.\n" in result.stderr
    assert "`gupshup-errors translated docs/guide.md --lang en`" in result.stderr
    assert "docs/guide.md: en outdated\n" in result.stdout
    assert "::error file=docs/guide.en.md,line=9,col=1,title=page translation" in result.stdout
    confirmed = run("translated", "docs/guide.en.md", cwd=site)
    assert confirmed.returncode == 0, confirmed.stderr
    assert run("check", cwd=site).returncode == 0


def test_whitespace_and_the_translation_alone_need_no_step(site: Path) -> None:
    recorded(site)
    edit(site / "docs" / "guide.md", "например\n[1002]", "например   [1002]")
    edit(site / "docs" / "guide.md", "- Откройте", "-   Откройте")
    edit(site / "docs" / "guide.en.md", "Find the code.", "Look the code up.")
    result = run("check", cwd=site)
    assert result.returncode == 0, result.stderr


def test_a_page_without_translation_is_missing_and_fine(site: Path) -> None:
    recorded(site)
    (site / "docs" / "howto").mkdir()
    (site / "docs" / "howto" / "serve.md").write_text(SERVE, "utf-8")
    result = run("check", "--format", "json", cwd=site)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    states = {
        page["page"]: {lang: found["state"] for lang, found in page["translations"].items()}
        for page in document["pages"]
    }
    assert states == {
        "docs/guide.md": {"en": "translated"},
        "docs/howto/serve.md": {"en": "missing"},
    }
    assert "docs/howto/serve.md: en missing" in result.stderr


def test_a_translation_whose_source_is_gone_is_reported_with_both_paths(site: Path) -> None:
    recorded(site)
    (site / "docs" / "guide.md").rename(site / "docs" / "reading.md")
    result = run("check", cwd=site)
    assert result.returncode == 1
    assert (
        "docs/guide.en.md:1:1: [language 'en'] docs/guide.en.md translates docs/guide.md, which "
        "does not exist (renamed or deleted): it is not published" in result.stderr
    )
    assert "docs/reading.md: en missing" in result.stdout


def test_the_state_is_a_pure_function_of_the_texts_and_the_record() -> None:
    where = PagesPlace("docs", RECORD, "ru")
    docs = {"guide.md": GUIDE, "guide.en.md": GUIDE_EN, "old.uk.md": "# Стара\n"}
    overview = states(docs, None, ("ru", "en", "uk"), where)
    assert overview.pages == ("guide.md",)
    assert overview.state("guide.md", "ru") == "translated"
    assert overview.state("guide.md", "en") == "outdated"  # nothing recorded yet
    assert overview.state("guide.md", "uk") == "missing"
    assert overview.orphan_files == ("old.uk.md",)
    text = "".join(
        f"guide.md en {number}: {block.words}\n"
        for number, block in enumerate(blocks.split(GUIDE).blocks, start=1)
    )
    assert states(docs, text, ("ru", "en", "uk"), where).state("guide.md", "en") == "translated"


def test_a_path_that_is_no_page_is_refused(site: Path) -> None:
    result = run("translated", "docs/nothing.md", "--lang", "en", cwd=site)
    assert result.returncode == 1
    assert "docs/nothing.md is not a page: pages are the .md files under docs/" in result.stderr
    assert not (site / RECORD).exists()


def test_a_broken_or_stray_record_line_is_located(site: Path) -> None:
    recorded(site)
    with (site / RECORD).open("a", encoding="utf-8") as record_file:
        record_file.write("guide.md de 1: Как читать код\nold.md en 1: Старая страница\n")
    result = run("check", cwd=site)
    assert result.returncode == 1
    assert (
        "data/translated-pages.txt:16:1: 'de' is not a language the site translates into (en)"
    ) in result.stderr
    (site / RECORD).write_text(
        (site / RECORD).read_text("utf-8").replace("guide.md de 1: Как читать код\n", ""), "utf-8"
    )
    stray = run("check", cwd=site)
    assert (
        "data/translated-pages.txt:16:1: [language 'en'] the record names docs/old.en.md, which "
        "does not exist"
    ) in stray.stderr
    assert run("translated", cwd=site).returncode == 0  # `make translated` drops the line
    assert run("check", cwd=site).returncode == 0
