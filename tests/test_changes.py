"""What changed, and when: the record the commands write (data/changes.txt), its checks, the
"What changed" page and feed in every language, the dates on rows, code pages and /errors.json."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag

from gupshup_errors.data.load import load
from gupshup_errors.data.model import ErrorTable
from gupshup_errors.records import changes
from gupshup_errors.render import history as readers_history
from gupshup_errors.text import i18n

from .helpers import NEW_ENTRY, SAMPLE_LANGUAGES, SOURCE_EDIT, edit, make_project, run
from .helpers.project import FIRST_DATE, SAMPLE, document, entries

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
    # The first publication is one line with its count and the table's link, no list of codes.
    first = sections[-1]
    assert first.select("a.gs-change__code") == []
    assert plain(first.get_text()).count(" 3 ") == 2  # the heading and the summary
    assert [str(a["href"]) for a in first.select(".gs-change__summary a")] == ["../"]
    links = [str(a["href"]) for a in sections[1].select("a.gs-change__code")]
    assert links == ["../#1003"]
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
    assert newest.link.startswith(f"http://127.0.0.1:8000/{language}/changes/2026/#change-")
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
    # The first publication: one line, its count and the table's address, no code listed.
    assert every.splitlines()[-2:] == [
        f"{FIRST_DATE}  Опубликовано 3 кода",
        "  http://127.0.0.1:8000/ru/",
    ]
    assert "+ action 1002 ru{+, now longer+}" in every


def _grown_record(project: Path, rows: list[dict[str, object]], days: list[str]) -> str:
    """The record `make published` writes when the first codes are published on days[0] and
    one more code on each later day; the data file is left with every row."""
    data = project / "data" / "errors.yml"
    first = len(rows) - len(days) + 1
    text: str | None = None
    for count, day in zip(range(first, len(rows) + 1), days, strict=True):
        data.write_text(document(rows[:count], SAMPLE_LANGUAGES), "utf-8")
        record = changes.parse(text, "changes.txt", SAMPLE_LANGUAGES)[0] if text else None
        table = load(data, SAMPLE_LANGUAGES)
        text = changes.appended(
            text, changes.pending(record, table, SOURCE, date.fromisoformat(day))
        )
    assert text is not None
    return text


LONG_DAYS = [
    (date(2025, 2, 1) + timedelta(days=25 * step)).isoformat()
    for step in range(readers_history.LATEST + 5)
]
"""More entries than the feed carries, over two years; the first publishes 4 codes."""


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long-history")
    rows = entries(range(2001, 2001 + 3 + len(LONG_DAYS)), SAMPLE_LANGUAGES)
    project = make_project(root / "project", languages=SAMPLE_LANGUAGES, codes=rows)
    record = _grown_record(project, rows, LONG_DAYS)
    (project / "data" / "changes.txt").write_text(record, "utf-8")
    built = run("build", "--site-dir", str(root / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    return root


def _ids(page: Path) -> list[str]:
    return [str(section["id"]) for section in _soup(page).select("section.gs-change")]


def _resolves(page: Path, href: str) -> Path:
    """The built file a relative link from `page` leads to, checked to hold its fragment."""
    path, _, fragment = href.partition("#")
    target = (page.parent / path / "index.html").resolve()
    assert target.is_file(), href
    if fragment:
        assert _soup(target).find(id=fragment) is not None, href
    return target


@pytest.mark.parametrize("language", SAMPLE_LANGUAGES)
def test_the_changes_page_shows_the_newest_entries_and_every_year_has_its_page(
    long_history: Path, language: str
) -> None:
    folder = long_history / "site" / language / "changes"
    every = [f"change-{n}" for n in range(len(LONG_DAYS), 0, -1)]
    latest = folder / "index.html"
    assert _ids(latest) == every[: readers_history.LATEST]
    years = sorted({day[:4] for day in LONG_DAYS}, reverse=True)
    soup = _soup(latest)
    assert [a.get_text() for a in soup.select(".gs-change-years a")] == years
    on_year_pages: list[str] = []
    for link in soup.select(".gs-change-years a"):
        year_page = _resolves(latest, str(link["href"]))
        assert year_page == (folder / link.get_text() / "index.html").resolve()
        on_year_pages += _ids(year_page)
        # Back to the newest entries and on to every year, from every year's page.
        hrefs = [str(a["href"]) for a in _soup(year_page).select(".gs-change-years a")]
        assert {_resolves(year_page, href) for href in hrefs} >= {latest.resolve()}
    assert on_year_pages == every  # each entry once, on its year's page, newest first
    for heading in soup.select("section.gs-change h2 a.gs-change__link"):
        _resolves(latest, str(heading["href"]))  # each entry's lasting address
    first = _soup(folder / years[-1] / "index.html").select("section.gs-change")[-1]
    assert first["id"] == "change-1"
    assert first.select("a.gs-change__code") == []
    assert [str(a["href"]) for a in first.select(".gs-change__summary a")] == ["../../"]


@pytest.mark.parametrize("language", SAMPLE_LANGUAGES)
def test_the_feed_carries_the_newest_entries_each_whole(long_history: Path, language: str) -> None:
    site = long_history / "site"
    parsed = feedparser.parse((site / language / "changes.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    numbers = range(len(LONG_DAYS), len(LONG_DAYS) - readers_history.LATEST, -1)
    assert [entry.id.rsplit("#", 1)[1] for entry in parsed.entries] == [
        f"change-{n}" for n in numbers
    ]
    newest = parsed.entries[0]
    prefix = f"http://127.0.0.1:8000/{language}/"
    assert newest.link.startswith(f"{prefix}changes/{LONG_DAYS[-1][:4]}/#change-")
    _resolves(site / language / "index.html", newest.link.removeprefix(prefix))
    code = 2003 + len(LONG_DAYS)  # the newest entry added the last code: its link and name
    content = BeautifulSoup(newest.summary, "html.parser")
    assert [str(a["href"]) for a in content.select("a.gs-change__code")] == [f"{prefix}#{code}"]


@pytest.mark.parametrize(("language", "said"), [("en", "1,234 codes published"), ("ru", "1 234")])
def test_the_first_publication_says_how_many_codes_in_the_reader_s_language(
    language: str, said: str
) -> None:
    items = tuple(changes.Item(code, "name", now="x") for code in range(1, 1235))
    record = changes.Record(
        "changes.txt", (changes.Change(date(2026, 1, 5), "added", items, number=1),)
    )
    table = ErrorTable("table", {lang: "t" for lang in SAMPLE_LANGUAGES}, ())
    shown = readers_history.views(record, table, language, i18n.PACKAGE)
    page = next(readers_history.pages(shown, language, SOURCE, i18n.PACKAGE))
    heading = BeautifulSoup(page.body, "html.parser").select_one("section.gs-change h2")
    assert heading is not None
    assert said in heading.get_text().replace("\xa0", " ").replace("\u202f", " ")
    assert len(page.body) < 2000  # one line, not 1,234
