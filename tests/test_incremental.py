"""The live preview's quick rebuilds: after any sequence of edits, the site it serves is, byte
for byte, the site a whole build makes from the same files."""

from __future__ import annotations

import filecmp
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from gupshup_errors.builder.incremental.kept import SiteBuilt
from gupshup_errors.builder.settings import read
from gupshup_errors.builder.site import build_site
from gupshup_errors.data import reread
from gupshup_errors.data.problems import DataError
from gupshup_errors.records.sources import Sources
from gupshup_errors.serve.preview import Rebuilder, fingerprint

from .helpers import (
    NEW_ENTRY,
    SAMPLE_LANGUAGES,
    SOURCE_EDIT,
    edit,
    make_project,
    run,
    sample_project,
)
from .helpers.project import entries

CATALOG = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgid "Filter the table"
msgstr "{label}"
"""


GUIDE = """# Справка

## Коды

Каждый код: [1002](index.md#1002).
"""


def _with_catalogs(config: str) -> str:
    return config.replace(
        "      data_file: data/errors.yml\n",
        "      data_file: data/errors.yml\n      locales_dir: locales\n",
        1,
    )


class Counted:
    """build_site as the preview calls it, counting the whole builds."""

    def __init__(self, config: Path) -> None:
        self.config, self.whole = config, 0

    def __call__(self, site_dir: Path, /) -> SiteBuilt:
        self.whole += 1
        return build_site(self.config, site_dir, strict=False, preview=True)


def _differences(served: Path, built: Path) -> list[str]:
    """Every file that is in one tree and not the other, or differs in a byte."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], where: str) -> None:
        found.extend(f"{where}{name}" for name in compared.left_only + compared.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        found.extend(f"{where}{name}" for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(served, built), "")
    return found


@pytest.fixture
def catalog_project(tmp_path: Path) -> Path:
    return sample_project(
        tmp_path / "project",
        config=_with_catalogs,
        files={"locales/en/LC_MESSAGES/messages.po": CATALOG.format(label="Filter the table")},
    )


def test_every_edit_serves_what_a_whole_build_makes(
    catalog_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)  # as `run` builds: the documented default
    project = catalog_project
    data = project / "data" / "errors.yml"
    config = project / "mkdocs.yml"
    build = Counted(config)
    live = tmp_path / "work" / "site"
    watched = [config, project / "docs", project / "data", project / "locales"]
    rebuild = Rebuilder(build, live, watched, data)
    rebuild()
    built = 0

    def same_as_a_whole_build(*, recorded: bool = True) -> Path:
        # `make site` refuses a new code or a retirement not recorded yet, which the preview
        # shows: those are held to a whole build in the preview's mode.
        nonlocal built
        built += 1
        fresh = tmp_path / f"fresh-{built}"
        if recorded:
            result = run("build", "--site-dir", str(fresh), cwd=project)
            assert result.returncode == 0, result.stderr
        else:
            build_site(config, fresh, strict=False, preview=True)
        assert _differences(live, fresh) == []
        return fresh

    same_as_a_whole_build()
    assert build.whole == 1

    edit(data, *SOURCE_EDIT)  # a source text: its translation's note appears
    rebuild()
    same_as_a_whole_build()
    english = "      action: The recipient's number is not registered on WhatsApp.\n"
    edit(data, english, english.replace("not", "`not`").replace("WhatsApp.", "[it](#1003)."))
    rebuild()
    same_as_a_whole_build()
    edit(data, "  - code: 1003\n", "  - code: 1003\n    retired: true\n")
    rebuild()
    same_as_a_whole_build(recorded=False)

    edit(data, "Number does not exist on WhatsApp", 'No "such" <number> & it\'s gone')  # a name
    rebuild()
    same_as_a_whole_build(recorded=False)
    assert build.whole == 1, "a name is rewritten where it is shown, the changes page too"

    data.write_text(data.read_text("utf-8") + NEW_ENTRY, "utf-8")  # a new code
    rebuild()
    last_good = same_as_a_whole_build(recorded=False)

    good = data.read_text("utf-8")
    edit(data, "      action: New action.\n", "      acton: New action.\n")  # broken
    with pytest.raises(DataError):
        rebuild()
    assert _differences(live, last_good) == []  # the last good site, whole
    data.write_text(good.replace("New action.", "A newer action."), "utf-8")  # and fixed
    wholes = build.whole
    rebuild()
    same_as_a_whole_build(recorded=False)
    assert build.whole == wholes

    catalog = project / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    catalog.write_text(CATALOG.format(label="Filter the codes"), "utf-8")
    rebuild()
    same_as_a_whole_build(recorded=False)
    assert "Filter the codes" in (live / "en" / "index.html").read_text("utf-8")

    docs = project / "docs"  # a page and its translation, then an edit of the data again
    (docs / "guide.md").write_text(GUIDE, "utf-8")
    (docs / "guide.en.md").write_text("# Help\n\n## Codes\n\nError [1002](index.md#1002).\n")
    rebuild()
    same_as_a_whole_build(recorded=False)
    wholes = build.whole
    edit(data, "A newer action.", "The newest action.")
    rebuild()
    same_as_a_whole_build(recorded=False)
    assert build.whole == wholes


def test_a_reading_again_is_the_whole_reading(project: Path) -> None:
    """Edits inside an entry, or of the head that keep its lines, are read from that entry
    alone, with the same table and source map a whole reading gives; anything else is left to
    a whole reading."""
    settings = read(project / "mkdocs.yml")
    sources = Sources.of(settings)
    data = settings.data_file
    first = reread.snapshot(data.read_bytes(), sources.located())
    assert first is not None
    text = data.read_text("utf-8")
    file, languages = str(data), settings.languages
    for old, new, followed in (
        (SOURCE_EDIT[0], SOURCE_EDIT[1], True),
        (SOURCE_EDIT[0], SOURCE_EDIT[0] + "      # a comment\n", True),  # lines move
        ("  - code: 1003\n", "  - code: 1003\n    retired: true\n", True),
        ("  - code: 1003\n", "  - code: 1004\n", False),  # 1004 twice
        ("table:\n", "table:  # the heading\n", True),  # the head, its lines kept
        ("full error table", "the codes", True),  # the title
        ("table:\n", "# a new line\ntable:\n", False),  # the head's lines moved
        ("      name: Internal server error\n", "", False),  # a problem
    ):
        assert old in text
        edited = text.replace(old, new, 1).encode()
        again = reread.reread(first, edited, file, languages, None)
        if not followed:
            assert again is None
            continue
        assert again is not None
        data.write_bytes(edited)
        whole = sources.located(require_recorded=False)
        assert again is not None and again.snapshot.located == whole
        back = reread.reread(again.snapshot, text.encode(), file, languages, None)
        assert back is not None and back.snapshot == first
        data.write_text(text, "utf-8")


def test_only_the_data_file_changing_keeps_the_fingerprint(project: Path) -> None:
    data = project / "data" / "errors.yml"
    before = fingerprint([project / "data", project / "docs"], data)
    edit(data, *SOURCE_EDIT)
    assert fingerprint([project / "data", project / "docs"], data) == before
    (project / "docs" / "extra.md").write_text("# More\n", "utf-8")
    assert fingerprint([project / "data", project / "docs"], data) != before


# The property: any sequence of saves, each one applied as the preview applies it, leaves the
# preview serving what a whole build makes from the same files.

_ENTRY = re.compile(r"^  - code: (\d+)\n", re.M)


def _entries(text: str) -> tuple[str, list[str]]:
    """The data file's head, and each entry's lines (from its `- code:` to the next)."""
    starts = [found.start() for found in _ENTRY.finditer(text)]
    ends = [*starts[1:], len(text)]
    return text[: starts[0]], [text[start:end] for start, end in zip(starts, ends, strict=True)]


def _code(entry: str) -> int:
    found = _ENTRY.match(entry)
    assert found is not None
    return int(found.group(1))


def _new_entry(code: int, words: str) -> str:
    return NEW_ENTRY.lstrip("\n").replace("4006", str(code)).replace("New error", words) + "\n"


@dataclass
class _Project:
    """The fixture project as the saves leave it, and what the preview made of it."""

    root: Path
    rebuild: Rebuilder
    build: Counted
    added: set[int]
    """Codes added since the last `make published`: the only ones a save may remove."""

    @property
    def data(self) -> Path:
        return self.root / "data" / "errors.yml"

    def save_entries(self, head: str, entries: list[str]) -> None:
        self.data.write_text(head + "".join(entries), "utf-8")


def _save(project: _Project, kind: str, draw: st.DataObject) -> str:
    """Make one save of `kind`, as a maintainer would; what it was, for the failure report."""
    head, entries = _entries(project.data.read_text("utf-8"))
    codes = [_code(entry) for entry in entries]
    at = draw.draw(st.integers(0, len(entries) - 1), label="entry")
    words = draw.draw(st.sampled_from(["Renamed", "A <b>new</b> & `name`", "Имя"]), label="words")
    if kind == "name":
        name = re.search(r"\n    en:\n      name: (.*)\n", entries[at])
        assert name is not None
        entries[at] = entries[at].replace(name.group(0), f"\n    en:\n      name: {words}\n")
    elif kind == "add":
        code = draw.draw(st.integers(1, 9999).filter(lambda c: c not in codes), label="code")
        where = sum(1 for other in codes if other < code)
        entries.insert(where, _new_entry(code, words))
        project.added.add(code)
    elif kind == "remove" and project.added & set(codes):
        code = draw.draw(st.sampled_from(sorted(project.added & set(codes))), label="removed")
        del entries[codes.index(code)]
        project.added.discard(code)
    elif kind == "retire" and "retired: true" not in entries[at]:
        entries[at] = entries[at].replace("\n", "\n    retired: true\n", 1)
    elif kind == "title":
        head = re.sub(r"(\n    en: ).*\n", rf"\g<1>{words}\n", head, count=1)
    elif kind == "guide":
        (project.root / "docs" / "guide.md").write_text(f"# Справка\n\n{words}.\n", "utf-8")
        return f"{kind} {words!r}"
    elif kind == "published":
        result = run("published", "--date", "2026-12-01", cwd=project.root)
        assert result.returncode == 0, result.stderr
        project.added.clear()
        return kind
    else:
        return f"{kind}: nothing to do"
    project.save_entries(head, entries)
    return f"{kind} at {at} {words!r}"


def _broken_then_fixed(project: _Project, draw: st.DataObject) -> str:
    """A save the checks refuse (a misspelt field, two codes swapped, a new code out of
    order), then its fix (the new code put in its place)."""
    good = project.data.read_text("utf-8")
    head, entries = _entries(good)
    codes = [_code(entry) for entry in entries]
    mistake = draw.draw(st.sampled_from(["misspelt", "swapped", "misplaced"]), label="mistake")
    at = draw.draw(st.integers(0, len(entries) - 2), label="entry")
    fixed = good
    if mistake == "misspelt":
        entries[at] = entries[at].replace("      action:", "      acton:", 1)
    elif mistake == "swapped":
        entries[at], entries[at + 1] = entries[at + 1], entries[at]
    else:
        code = draw.draw(st.integers(1, 9999).filter(lambda c: c not in codes), label="code")
        right = sum(1 for other in codes if other < code)
        wrong = 0 if right > 0 else len(entries)
        entries.insert(right, _new_entry(code, "Misplaced"))
        fixed = head + "".join(entries)
        entries.insert(wrong, entries.pop(right))
        project.added.add(code)
    project.save_entries(head, entries)
    with pytest.raises(DataError):
        project.rebuild()
    wholes = project.build.whole
    project.data.write_text(fixed, "utf-8")
    project.rebuild()
    assert project.build.whole == wholes, "the fixed file is rewritten where it changed"
    return f"{mistake} at {at}, then fixed"


SAVES = ("name", "add", "add", "remove", "retire", "title", "broken", "guide", "published")
DATA_SAVES = {"name", "add", "remove", "retire"}


@settings(max_examples=6, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(SAVES), min_size=1, max_size=6), draw=st.data())
def test_any_sequence_of_saves_serves_what_a_whole_build_makes(
    kinds: list[str], draw: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    where = tmp_path_factory.mktemp("saves")
    root = sample_project(where / "project")
    (root / "docs" / "guide.md").write_text(GUIDE, "utf-8")
    config = root / "mkdocs.yml"
    build = Counted(config)
    live = where / "live" / "site"
    watched = [config, root / "docs", root / "data"]
    project = _Project(
        root, Rebuilder(build, live, watched, root / "data" / "errors.yml"), build, set()
    )
    project.rebuild()
    for kind in kinds:
        if kind == "broken":
            note(_broken_then_fixed(project, draw))
            continue
        wholes = build.whole
        note(_save(project, kind, draw))
        project.rebuild()
        if kind in DATA_SAVES:
            assert build.whole == wholes, f"a save of {kind!r} rebuilt everything"
    fresh = where / "fresh"
    build_site(config, fresh, strict=False, preview=True)
    assert _differences(live, fresh) == []


def test_a_name_the_history_lists_is_rewritten_on_its_pages_and_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    codes = entries([1001, 1002, 1003], SAMPLE_LANGUAGES)
    project = make_project(tmp_path / "project", languages=SAMPLE_LANGUAGES, codes=codes)
    data = project / "data" / "errors.yml"
    edit(data, "action 1002 ru", "action 1002 ru, now longer")  # a second entry lists 1002
    result = run("published", "--date", "2026-11-10", cwd=project)
    assert result.returncode == 0, result.stderr
    build = Counted(project / "mkdocs.yml")
    live = tmp_path / "work" / "site"
    rebuild = Rebuilder(build, live, [project / "data", project / "docs"], data)
    rebuild()
    for language in SAMPLE_LANGUAGES:
        edit(data, f"name 1002 {language}", f"name 1002 {language} <renamed>")
    before = {path: path.read_bytes() for path in live.rglob("changes*/**/*.html")}
    rebuild()
    assert build.whole == 1, "a name is rewritten where the history shows it"
    fresh = tmp_path / "fresh"
    assert run("build", "--site-dir", str(fresh), cwd=project).returncode == 0
    assert _differences(live, fresh) == []
    rewritten = [path for path, content in before.items() if path.read_bytes() != content]
    assert {path.relative_to(live).as_posix() for path in rewritten} == {
        f"{language}/changes/{page}index.html"
        for language in SAMPLE_LANGUAGES
        for page in ("", "2026/")
    }


def test_with_repo_url_an_edit_that_moves_entries_rebuilds_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page and twin links to its code's line: an edit that keeps every entry's line is
    rewritten where it shows; one that moves later entries rebuilds the whole site."""
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("REPO_URL", "https://forge.example/team/errors")
    project = sample_project(tmp_path / "project")
    data, config = project / "data" / "errors.yml", project / "mkdocs.yml"
    build = Counted(config)
    live = tmp_path / "work" / "site"
    rebuild = Rebuilder(build, live, [config, project / "docs", project / "data"], data)
    rebuild()
    assert "forge.example/team/errors/blob/main/data/errors.yml#L" in (
        live / "en" / "1002" / "index.md"
    ).read_text("utf-8")

    def same_as_a_whole_build(name: str) -> None:
        fresh = tmp_path / name
        build_site(config, fresh, strict=False, preview=True)
        assert _differences(live, fresh) == []

    english = "      action: The recipient's number is not registered on WhatsApp.\n"
    edit(data, english, english.replace("not registered", "*not* registered"))  # same lines
    rebuild()
    same_as_a_whole_build("same-lines")
    assert build.whole == 1
    edit(data, *SOURCE_EDIT)
    edit(data, SOURCE_EDIT[1], SOURCE_EDIT[1] + "      # a comment: the entries below move\n")
    rebuild()
    same_as_a_whole_build("moved")
    assert build.whole == 2
