"""The live preview's quick rebuilds: after any sequence of edits, the site it serves is, byte
for byte, the site a whole build makes from the same files."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

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
    """Edits inside an entry are read from that entry alone, with the same table and source
    map a whole reading gives; anything else is left to a whole reading."""
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
        ("  - code: 1003\n", "  - code: 1004\n", False),  # renumbered
        ("table:\n", "table:  # the heading\n", False),  # the head
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
