"""What changed, and when: the record the commands write (data/changes.txt), its checks, the
"What changed" page and feed in every language, the dates on rows, code pages and /errors.json."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag

from gupshup_errors.records import changes

from .helpers import NEW_ENTRY, SAMPLE_LANGUAGES, SOURCE_EDIT, edit, make_project, run
from .helpers.project import FIRST_DATE, SAMPLE, entries

OLD, NEW = SOURCE_EDIT
SOURCE, TARGET = SAMPLE_LANGUAGES
LAST = '      action: "Sending failed: the template is paused."\n'


def body(project: Path) -> list[str]:
    """The record's lines after its header comment."""
    text = (project / "data" / "changes.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def history(project: Path) -> changes.Record:
    record, problems = changes.read(project / "data" / "changes.txt", SAMPLE_LANGUAGES)
    assert record is not None and not problems, problems
    return record


def ok(*args: str, cwd: Path) -> str:
    result = run(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_published_records_a_new_code_a_change_and_a_retirement_then_nothing(
    project: Path,
) -> None:
    data = project / "data" / "errors.yml"
    before = body(project)
    edit(data, LAST, LAST + NEW_ENTRY)
    edit(data, OLD, NEW)
    edit(data, "  - code: 1003\n", "  - code: 1003\n    retired: true\n")
    ok("published", "--date", "2026-11-20", cwd=project)
    added = body(project)[len(before) :]
    assert added[0] == "2026-11-20 added"
    assert '  4006 name: "Новая ошибка"' in added
    assert '  4006 action: "Новое действие."' in added
    at = added.index("2026-11-20 changed")
    assert added[at + 1 : at + 3] == [
        '  1002 action was: "Номер получателя не зарегистрирован в WhatsApp."',
        '  1002 action now: "Номер получателя не зарегистрирован в WhatsApp или недоступен."',
    ]
    assert added[-2:] == ["2026-11-20 retired", "  1003"]
    assert body(project)[: len(before)] == before  # only ever appended
    kept = (project / "data" / "changes.txt").read_bytes()
    assert "up to date" in ok("published", "--date", "2026-11-21", cwd=project)
    assert (project / "data" / "changes.txt").read_bytes() == kept
    stale = run("check", cwd=project)  # 1002's translation is stale: the record is not
    assert stale.returncode == 1 and "data/changes.txt" not in stale.stderr, stale.stderr
    ok("translated", "--date", "2026-11-21", cwd=project)
    assert run("check", cwd=project).returncode == 0


def test_a_bad_source_date_epoch_stops_published_as_it_stops_a_build(project: Path) -> None:
    """The date of new entries and of a build are read in one place (records/dates.py), with
    one handling of a bad value: a clear error, nothing written."""
    data = project / "data" / "errors.yml"
    edit(data, OLD, NEW)
    before = (project / "data" / "changes.txt").read_bytes()
    for command in (("published",), ("build", "--site-dir", "site")):
        result = run(*command, cwd=project, env={"SOURCE_DATE_EPOCH": "yesterday"})
        assert result.returncode == 1, command
        assert "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds" in result.stderr
        assert "Traceback" not in result.stderr
    assert (project / "data" / "changes.txt").read_bytes() == before
    assert not (project / "site").exists()
    dated = run("published", cwd=project, env={"SOURCE_DATE_EPOCH": "981173106"})
    assert dated.returncode == 0, dated.stderr
    assert "2001-02-03 changed" in body(project)


def test_translated_records_the_translations_it_brings_up_to_date(project: Path) -> None:
    data = project / "data" / "errors.yml"
    edit(data, OLD, NEW)
    ok("published", "--date", "2026-11-10", cwd=project)
    ok("translated", "1002", "--lang", TARGET, "--date", "2026-11-12", cwd=project)
    assert body(project)[-2:] == ["2026-11-12 translated", f"  1002 action {TARGET}"]
    kept = (project / "data" / "changes.txt").read_bytes()
    ok("translated", "--date", "2026-11-13", cwd=project)
    assert (project / "data" / "changes.txt").read_bytes() == kept  # nothing else was stale
    assert run("check", cwd=project).returncode == 0


def test_import_records_the_translations_it_brings_up_to_date(project: Path) -> None:
    edit(project / "data" / "errors.yml", OLD, NEW)
    ok("published", "--date", "2026-11-10", cwd=project)
    exported = run("export", "--format", "po", "--lang", TARGET, cwd=project).stdout
    po_file = project / f"{TARGET}.po"
    po_file.write_text(
        exported.replace(
            'msgstr "The recipient\'s number is not registered on WhatsApp."',
            'msgstr "The recipient\'s number is not registered on WhatsApp or is unavailable."',
        ).replace("#, fuzzy\n", ""),
        "utf-8",
    )
    ok("import", str(po_file), "--date", "2026-11-14", cwd=project)
    assert body(project)[-2:] == ["2026-11-14 translated", f"  1002 action {TARGET}"]


def test_a_text_changed_without_published_is_a_located_problem(project: Path) -> None:
    data = project / "data" / "errors.yml"
    edit(data, OLD, NEW)
    result = run("check", cwd=project)
    assert result.returncode == 1
    line = next(
        n for n, text in enumerate(data.read_text("utf-8").splitlines(), 1) if NEW[6:-1] in text
    )
    assert (
        f"data/errors.yml:{line}:15: [code 1002, field 'action', language 'ru'] this text "
        "changed since data/changes.txt last recorded it"
    ) in result.stderr
    assert "fix: run `make published`" in result.stderr


@pytest.mark.parametrize(
    ("entry", "message", "fix"),
    [
        ("2026-11-05 retired\n  7777\n", "code 7777 has no entry in the data file", "restore"),
        ("2999-01-01 retired\n  1003\n", "2999-01-01 is in the future", "--date"),
        ("2026-10-01 retired\n  1003\n", "is earlier than the entry before it", "restore"),
        ("2026-11-05 removed\n  1003\n", "is not '<YYYY-MM-DD> added|changed", "git checkout"),
    ],
)
def test_a_bad_entry_is_a_located_problem_with_the_fix(
    tmp_path: Path, entry: str, message: str, fix: str
) -> None:
    project = make_project(
        tmp_path / "p",
        languages=SAMPLE_LANGUAGES,
        data=SAMPLE / "errors.yml",
        record=SAMPLE / "published.txt",
        translated=SAMPLE / "translated.txt",
    )
    record = project / "data" / "changes.txt"
    text = record.read_text("utf-8")
    record.write_text(text + entry, "utf-8")
    line = len(text.splitlines()) + (2 if "7777" in entry else 1)
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert f"data/changes.txt:{line}:" in result.stderr
    assert message in result.stderr
    assert "fix:" in result.stderr and fix in result.stderr


def test_a_deleted_entry_is_caught_like_a_deleted_published_code(project: Path) -> None:
    record = project / "data" / "changes.txt"
    text = record.read_text("utf-8")
    start = text.index("  1002 name:")
    end = text.index("  1003 name:")
    record.write_text(text[:start] + text[end:], "utf-8")
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "code 1002 was published but data/changes.txt has no entry adding it" in result.stderr
    assert "git checkout -- data/changes.txt" in result.stderr
    # And no command rewrites that history with today's date.
    refused = run("published", cwd=project)
    assert refused.returncode == 1
    assert "an entry was deleted" in refused.stderr


def test_a_missing_record_is_created_by_published(project: Path) -> None:
    (project / "data" / "changes.txt").unlink()
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "data/changes.txt:1:1: the file does not exist" in result.stderr
    assert "run `make published` to create it" in result.stderr
    ok("published", "--date", FIRST_DATE, cwd=project)
    assert body(project)[0] == f"{FIRST_DATE} added"
    assert run("check", cwd=project).returncode == 0


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with a history: codes added, a text changed, a code retired and a
    translation brought up to date, on four dates; built twice."""
    root = tmp_path_factory.mktemp("changes")
    codes = entries([1001, 1002, 1003], SAMPLE_LANGUAGES, messages={1002: "Number Not Exist"})
    project = make_project(root / "project", languages=SAMPLE_LANGUAGES, codes=codes)
    data = project / "data" / "errors.yml"
    edit(data, "action 1002 ru", "action 1002 ru, now longer")
    ok("published", "--date", "2026-11-10", cwd=project)
    edit(data, "- code: 1003\n", "- code: 1003\n  retired: true\n")
    ok("published", "--date", "2026-11-20", cwd=project)
    ok("translated", "--date", "2026-12-01", cwd=project)
    for name in ("site", "again"):
        built = run("build", "--site-dir", str(root / name), cwd=project)
        assert built.returncode == 0, built.stderr
    return root


def plain(text: str) -> str:
    """A date as the tests write it: CLDR separates some words with no-break spaces."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


DAYS = {
    "ru": ["1 декабря 2026 г.", "20 ноября 2026 г.", "10 ноября 2026 г.", "1 ноября 2026 г."],  # noqa: RUF001
    "en": ["December 1, 2026", "November 20, 2026", "November 10, 2026", "November 1, 2026"],
}


@pytest.mark.parametrize("language", SAMPLE_LANGUAGES)
def test_the_page_lists_every_entry_newest_first_in_its_language(
    changed_site: Path, language: str
) -> None:
    soup = _soup(changed_site / "site" / language / "changes" / "index.html")
    sections = soup.select("section.gs-change")
    days = [plain(time.get_text()) for s in sections if (time := s.select_one("h2 time"))]
    assert days == DAYS[language]
    kinds = [next(c for c in s["class"] if c.startswith("gs-change--")) for s in sections]
    assert kinds == [f"gs-change--{kind}" for kind in ("translated", "retired", "changed", "added")]
    links = [str(a["href"]) for a in sections[-1].select("a.gs-change__code")]
    assert links == ["../#1001", "../#1002", "../#1003"]
    changed = sections[2]
    assert [tag.get_text() for tag in changed.select("ins")] == [", now longer"]
    assert changed.select_one("dd del") is None  # nothing was removed
    # The table links to the page, and the navigation has it.
    table = _soup(changed_site / "site" / language / "index.html")
    assert table.select_one('.gs-changes-link a[href="changes/"]') is not None


@pytest.mark.parametrize("language", SAMPLE_LANGUAGES)
def test_rows_and_code_pages_say_when_added_and_changed(changed_site: Path, language: str) -> None:
    table = _soup(changed_site / "site" / language / "index.html")
    row = table.find(id="1002")
    assert isinstance(row, Tag)
    times = [t["datetime"] for t in row.select(".gs-dates time")]
    assert times == [FIRST_DATE, "2026-11-10"]
    untouched = table.find(id="1001")
    assert isinstance(untouched, Tag)
    assert [t["datetime"] for t in untouched.select(".gs-dates time")] == [FIRST_DATE]
    page = _soup(changed_site / "site" / language / "1003" / "index.html")
    history_lines = page.select(".gs-code-page__history time")
    assert [t["datetime"] for t in history_lines] == [FIRST_DATE, "2026-11-20"]
    assert plain(history_lines[0].get_text()) == DAYS[language][-1]


@pytest.mark.parametrize("language", SAMPLE_LANGUAGES)
def test_the_feed_parses_with_one_entry_per_change_and_every_page_links_it(
    changed_site: Path, language: str
) -> None:
    site = changed_site / "site"
    parsed = feedparser.parse((site / language / "changes.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    record, _ = changes.read(changed_site / "project" / "data" / "changes.txt", SAMPLE_LANGUAGES)
    assert record is not None
    assert len(parsed.entries) == len(record.changes)
    assert parsed.feed.language == language
    newest = parsed.entries[0]
    assert plain(newest.title).startswith(DAYS[language][0])
    assert newest.link.startswith(f"http://127.0.0.1:8000/{language}/changes/#change-")
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)
    assert "http://127.0.0.1:8000/" in newest.summary
    for page in (site / language).rglob("*.html"):
        if page.name == "404.html":
            continue
        head = _soup(page).head
        assert head is not None
        link = head.select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert link is not None, page
        assert link["href"] == f"/{language}/changes.xml"


def test_errors_json_has_the_dates_and_fits_its_schema(changed_site: Path) -> None:
    site = changed_site / "site"
    document = json.loads((site / "errors.json").read_text("utf-8"))
    schema = json.loads((site / "errors.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    dates = {code["code"]: (code["added"], code["changed"]) for code in document["codes"]}
    assert dates == {
        1001: (FIRST_DATE, None),
        1002: (FIRST_DATE, "2026-11-10"),
        1003: (FIRST_DATE, "2026-11-20"),
    }


def test_two_builds_are_byte_identical(changed_site: Path) -> None:
    first, second = changed_site / "site", changed_site / "again"
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_changes_since_a_date_newest_first(changed_site: Path) -> None:
    project = changed_site / "project"
    english = ok("changes", "--since", "2026-11-15", "--lang", "en", cwd=project)
    heads = [line.split("  ")[0] for line in english.splitlines() if not line.startswith(" ")]
    assert heads == ["2026-12-01", "2026-11-20"]
    assert "http://127.0.0.1:8000/en/#1003" in english
    every = ok("changes", cwd=project)
    assert "Добавлено 3 кода" in every
    assert "+ action 1002 ru{+, now longer+}" in every
