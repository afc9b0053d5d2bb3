"""The notes and the README name only modules that exist: every path to a Python file, and
every module in notes/layout.md's tree, so a module moved or renamed without its notes fails
here rather than sending a reader to a file that is gone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import REPO

PACKAGE = REPO / "gupshup_errors"
NOTES = [*sorted((REPO / "notes").glob("*.md")), REPO / "README.md"]
LAYOUT = REPO / "notes" / "layout.md"
# A path to a Python file, as prose writes it: gupshup_errors/data/model.py, records/po.py,
# tests/test_cli.py, ../scripts/benchmark/disk.py. A bare name (render.py) may be history.
_PATH = re.compile(r"(?<![\w/.-])(?:\.\./)*((?:[A-Za-z_][\w-]*/)+[A-Za-z_]\w*\.py)\b")
_DESCRIPTION_COLUMN = 25
"""Where layout.md's tree starts the description: a line indented as far continues one."""


def _where(path: str) -> Path:
    """The file a path in the notes means: the package's folders are named without
    `gupshup_errors/` (records/po.py), everything else from the repository's root."""
    first = path.split("/", 1)[0]
    in_package = first != "gupshup_errors" and (PACKAGE / first).is_dir()
    return (PACKAGE if in_package else REPO) / path


def _named(text: str) -> list[str]:
    return [found[1] for found in _PATH.finditer(text)]


def _tree(text: str) -> list[str]:
    """The Python files layout.md's tree names, as paths from the repository's root: each
    entry's name under the folders above it (a folder's name ends with '/')."""
    block = text.split("```\n", 2)[1]
    folders: list[tuple[int, str]] = []
    paths = []
    for line in block.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or indent >= _DESCRIPTION_COLUMN:
            continue
        name = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        folders = [(level, folder) for level, folder in folders if level < indent]
        if name.endswith("/"):
            folders.append((indent, name))
        elif name.endswith(".py"):
            paths.append("".join(folder for _, folder in folders) + name)
    return paths


def _prose(note: Path) -> str:
    """The note's text, but for layout.md's tree, whose names are relative to its folders."""
    text = note.read_text("utf-8")
    if note != LAYOUT:
        return text
    before, _tree_block, after = text.split("```\n", 2)
    return before + after


@pytest.mark.parametrize("note", NOTES, ids=lambda note: note.name)
def test_every_python_file_a_note_names_exists(note: Path) -> None:
    missing = [path for path in _named(_prose(note)) if not _where(path).is_file()]
    assert missing == [], f"{note.relative_to(REPO)} names files that do not exist"


def test_every_module_in_the_layout_exists_and_every_module_is_there() -> None:
    listed = _tree(LAYOUT.read_text("utf-8"))
    assert [path for path in listed if not (REPO / path).is_file()] == []
    modules = {
        path.relative_to(REPO).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    }
    assert sorted(modules - set(listed)) == [], "modules without their line in notes/layout.md"


def test_a_moved_module_is_found_in_a_note() -> None:
    text = (
        "the model (`gupshup_errors/model.py`), records/gone.py and records/po.py; "
        "../scripts/benchmark/disk.py; the flat render.py"
    )
    named = _named(text)
    assert named == [
        "gupshup_errors/model.py",
        "records/gone.py",
        "records/po.py",
        "scripts/benchmark/disk.py",
    ]
    assert [path for path in named if not _where(path).is_file()] == [
        "gupshup_errors/model.py",
        "records/gone.py",
    ]


def test_the_layout_tree_is_read_folder_by_folder() -> None:
    tree = (
        "x\n```\ngupshup_errors/\n  text/                  text helpers\n"
        "    inline.py            the inline format\n"
        "                         and a continued description with fake.py\n"
        "  builder/               glue\n    prose/pages.py       the pages\n"
        "    incremental/         quick\n      kept.py            kept\n"
        "  cli/\n    main.py              commands\ntests/\n  helpers/   x\n```\n"
    )
    assert _tree(tree) == [
        "gupshup_errors/text/inline.py",
        "gupshup_errors/builder/prose/pages.py",
        "gupshup_errors/builder/incremental/kept.py",
        "gupshup_errors/cli/main.py",
    ]
