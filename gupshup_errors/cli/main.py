"""Thin commands: load, hand off, and set the exit status."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from ..builder.settings import Settings, read
from ..builder.site import SiteError, build_site
from ..data.load import load
from ..data.located import Located
from ..data.model import NOTE, ErrorCode, Kind, code_fields, kind, label, translated_fields
from ..data.problems import DataError
from ..records import audit, changes, dates, published, sources, translated, updates
from ..records.pages import commands as pages
from ..records.pages.review import Overview
from ..records.sources import Sources
from ..render import editor_schema as schema
from ..render import history as history_text
from ..render.export import FORMATS, document, formatted
from ..text import i18n, urls
from ..text.suggest import similar
from . import workflow

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_EPILOG = f"""\
examples:
  gupshup-errors lookup 1002            the code's name, message, action and links, in Russian
  gupshup-errors lookup 1002 --lang en  the same in English
  gupshup-errors export --format csv > errors.csv
  gupshup-errors check                  what `make check` runs
  gupshup-errors build -d site          what `make site` runs
  python -m gupshup_errors ...          the same commands without the console script

environment:
  SITE_URL  the address the site is published at, used in every link
            (default: {urls.DEFAULT_SITE_URL}, set in mkdocs.yml)

exit status: 0 on success, 1 on a problem (unknown code, invalid data), 2 on wrong usage.
"""


def _reported(error: DataError, subject: str = "error table data") -> bool:
    """Print the error's problems, and annotate them on a pull request (titled with their
    `subject`); True when it has none."""
    if not error.problems:
        return True
    print(error.report(), file=sys.stderr)
    workflow.emit(workflow.for_data(error.problems, subject))
    return False


def check(settings: Settings, fmt: str = "text") -> int:
    """Validate the data, the published record, the pages' translations and the catalogs;
    print every problem. With `fmt` 'json', standard output gets only the pages' states as
    JSON, and the report goes to standard error."""
    if fmt == "json":
        with contextlib.redirect_stdout(sys.stderr):
            status, overview = _check(settings)
        document = overview.document(_pages(settings).where.docs) if overview else {}
        sys.stdout.buffer.write(json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n")
        sys.stdout.flush()
        return status
    return _check(settings)[0]


def _pages(settings: Settings) -> pages.PageFiles:
    """The guide pages and their translation record."""
    return pages.PageFiles.named_by(settings)


def _check(settings: Settings) -> tuple[int, Overview | None]:
    """What `check` runs: the exit status, and the pages' states when they could be read."""
    failed = False
    try:
        located = Sources.of(settings).located()
    except DataError as error:
        failed = not _reported(error)
    else:
        table = located.table
        failed = not _translations_current(settings, located)
        failed = not _changes_recorded(settings, located) or failed
        if not failed:
            languages = ", ".join(settings.languages)
            print(f"{settings.data_file}: {len(table.codes)} codes in {languages}: OK")
    overview = _pages_current(settings)
    failed = failed or overview is None or bool(overview.problems())
    catalog_problems = i18n.catalog_problems(settings.languages, settings.catalogs)
    for problem in catalog_problems:
        print(problem, file=sys.stderr)
    workflow.emit(workflow.for_catalogs(catalog_problems))
    if not catalog_problems:
        print(f"catalogs for {', '.join(settings.languages)}: complete")
    return (1 if failed or catalog_problems else 0), overview


def _pages_current(settings: Settings) -> Overview | None:
    """Print every page's state in every language, and every page translation that may be
    out of date, has no record or no source; None when the pages cannot be read."""
    files = _pages(settings)
    try:
        overview = files.overview()
    except DataError as error:
        _reported(error, "guide pages")
        return None
    docs = files.where.docs
    for page in overview.pages:
        states = [
            f"{item.language} {item.state}" for item in overview.translations if item.page == page
        ]
        print(f"{docs}/{page}: {', '.join(states) or 'no translation language'}")
    if not overview.pages:
        print(f"{docs}/: no pages")
    _reported(DataError(overview.problems(), "the pages' translations"), "page translation")
    return overview


def _translations_current(settings: Settings, located: Located) -> bool:
    """Print every translation that may be out of date (or why the record is unusable)."""
    files = Sources.of(settings)
    try:
        review = files.review(located.table)
    except DataError as error:
        return _reported(error)
    return _reported(DataError(files.outdated(review, located)))


def _changes_recorded(settings: Settings, located: Located) -> bool:
    """Print every problem of the record of changes: a broken entry, or a change of the data
    it does not say yet."""
    files = Sources.of(settings)
    record, problems = changes.read(files.changes, files.languages)
    if record is not None:
        problems = audit.check(
            record,
            located.table,
            files.published_codes(),
            files.data_text(located),
            datetime.now(UTC).date(),  # the clock, not SOURCE_DATE_EPOCH: a future is real
        )
    return _reported(DataError(problems))


def lookup(settings: Settings, codes: Sequence[int], language: str) -> int:
    """Print each code's name, API message, action, row link and page; an unknown code is an
    error."""
    files = Sources.of(settings)
    table = files.table()
    outdated = files.review(table).status
    status = 0
    for number in codes:
        row = table.find(number)
        if row is None:
            close = similar(number, (row.code for row in table.codes))
            hint = f"; did you mean {' or '.join(map(str, close))}?" if close else ""
            print(
                f"error: there is no code {number} in {settings.data_file}{hint}\n"
                f"    every code: {urls.language_url(settings.site_url, language)}",
                file=sys.stderr,
            )
            status = 1
            continue
        lines = _described(row, language)
        if outdated.row(row.code, language):
            original = urls.anchor_url(settings.site_url, outdated.source, row.anchor)
            lines += (
                f"\n  may be out of date: the '{outdated.source}' text changed after this "
                f"translation was made; the original: {original}"
            )
        url = urls.anchor_url(settings.site_url, language, row.anchor)
        page = urls.code_page_url(settings.site_url, language, row.anchor)
        print(f"{lines}\n  {url}\n  {page}")
    return status


def _described(row: ErrorCode, language: str) -> str:
    """A code's fields as `lookup` prints them: the number and the first translated text, the
    provider's texts (labelled), the second translated text as the body, any more labelled,
    then the flags that are set."""
    texts = row.texts[language]
    first, body, *more = (
        (item, text) for item in translated_fields() if (text := getattr(texts, item.name))
    )
    own = [(item, value) for item in code_fields() if (value := getattr(row, item.name))]
    lines = [f"{row.code}: {first[1]}"]
    lines += [f"  {label(item)}: {value}" for item, value in own if kind(item) is Kind.PROVIDER]
    lines += [f"  {body[1]}", *(f"  {label(item)}: {text}" for item, text in more)]
    lines += [
        f"  {item.name}: {item.metadata.get(NOTE, label(item))}"
        for item, _ in own
        if kind(item) is Kind.FLAG
    ]
    return "\n".join(lines)


def write_export(settings: Settings, fmt: str, language: str | None) -> int:
    """Write the table in `fmt` to standard output, in one language or every one."""
    languages = [language] if language else list(settings.languages)
    files = Sources.of(settings)
    located = files.located()
    table = located.table
    review = files.review(table)
    status = files.status(review, files.history(table))
    if fmt == "po" and language is not None:
        date, url = dates.build_date(settings.config_file, settings.data_file), settings.site_url
        text = updates.export_po(files, located, review, language, url, date, _pages(settings))
    else:
        doc = document(table, languages, settings.site_url, status)
        text = formatted(doc, fmt, settings.catalogs)
    # Bytes, so that the output is UTF-8 whatever the terminal's locale says.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def record_published(settings: Settings, when: date) -> int:
    """Add every new code and retirement to the published record; never drop one."""
    record_file = settings.published_file
    exists = record_file.exists()
    # Without a record yet, the data alone decides; with one, it must still hold every code.
    table = (
        sources.load_table(settings.data_file, settings.languages, record_file)
        if exists
        else load(settings.data_file, settings.languages)
    )
    before = record_file.read_text("utf-8") if exists else None
    record = published.parse(before, str(record_file))[0] if before is not None else None
    after = published.render(record, table)
    # A new code's translations were written with it: they are translations of its source.
    new = {row.code for row in table.codes} - set(record.entries if record else ())
    files = Sources.of(settings)
    said = updates.record_new_codes(files, table, new if record else ())
    history = updates.record_changes(files, table, when)
    if after == before:
        print(f"{record_file}: up to date")
    else:
        record_file.write_text(after, "utf-8")
        print(f"{record_file}: updated; commit it with the change to the data")
    if said:
        print(said)
    print(history or f"{settings.changes_file}: up to date")
    return 0


def record_translated(
    settings: Settings, codes: Sequence[str], languages: Sequence[str], when: date
) -> int:
    """Record the current source for the reviewed translations (every one by default)."""
    named = [code for code in codes if code.endswith(".md")]
    codes = [code for code in codes if not code.endswith(".md")]
    if codes or not named:
        files = Sources.of(settings)
        print(updates.confirm(files, files.table(), codes, languages, when))
    if named or not codes:
        print(pages.confirm(_pages(settings), named, languages))
    return 0


def import_translations(settings: Settings, po_file: Path, when: date) -> int:
    """Write a translator's PO file back into the data; nothing is written on a problem."""
    files = Sources.of(settings)
    located = files.located()
    review = files.review(located.table)
    print(updates.import_po(files, located, review, po_file, when, _pages(settings)))
    return 0


def list_changes(settings: Settings, since: date, language: str) -> int:
    """Print the record's entries since `since`, newest first, in `language`."""
    files = Sources.of(settings)
    table = files.table()
    history = files.history(table)
    text = history_text.since(history, table, since, language, settings.site_url, settings.catalogs)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def write_schema(settings: Settings) -> int:
    """Regenerate the data file's JSON Schema from the model."""
    path = settings.data_file.with_name(schema.FILE_NAME)
    path.write_text(schema.render(settings.languages), "utf-8")
    print(f"{path}: written")
    return 0


def _code(value: str) -> int:
    digits = value.removeprefix("#")
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"'{value}' is not a code: codes are numbers, e.g. 1002")
    return int(digits)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: write YYYY-MM-DD") from None


def _add_date(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--date",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date of the entries added to data/changes.txt (default: SOURCE_DATE_EPOCH's "
        "day if set, else today in UTC)",
    )


def _code_title_or_page(value: str) -> str:
    return value if value == translated.TITLE or value.endswith(".md") else str(_code(value))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gupshup-errors",
        description="Look up, export, check, build and preview the Gupshup WhatsApp API "
        "error-code reference.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the MkDocs configuration, which names the data file and the languages "
        "(default: mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_reading_commands(commands)
    _add_maintaining_commands(commands)
    return parser


def _add_reading_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """lookup and export: for people and programs that use the table."""
    language = "a language of the site, e.g. ru or en"
    find = commands.add_parser(
        "lookup",
        help="print a code's name, API message, action and its links on the site",
        description="Print each code's name, the message the API returns, the action, and the "
        "links to its row and to its own page on the site (from SITE_URL). Exits with 1 if a "
        "code is not in the table.",
        epilog="example:\n  gupshup-errors lookup 1002 --lang en\n"
        "  1002: Number does not exist on WhatsApp\n"
        "    API message: Number Not Exist On WhatsApp\n"
        "    The recipient's number is not registered on WhatsApp.\n"
        f"    {urls.DEFAULT_SITE_URL}en/#1002\n"
        f"    {urls.DEFAULT_SITE_URL}en/1002/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    find.add_argument("codes", nargs="+", type=_code, metavar="CODE", help="e.g. 1002 or #1002")
    find.add_argument("--lang", help=f"{language} (default: the first in mkdocs.yml)")

    out = commands.add_parser(
        "export",
        help="write the table to standard output as JSON, CSV or Markdown",
        description="Write every code, in every language (or one), to standard output, UTF-8. "
        "JSON is the document the site publishes as /errors.json; CSV has one row per code "
        "with name, action and link per language; Markdown has one table per language.",
        epilog="examples:\n  gupshup-errors export --format json | jq '.codes[0]'\n"
        "  gupshup-errors export --format markdown --lang en > errors.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    out.add_argument("--format", choices=(*FORMATS, "po"), default="json", help="default: json")
    out.add_argument("--lang", help=f"only this language, {language} (default: every one)")
    history = commands.add_parser(
        "changes",
        help="print what changed in the table since a date, newest first",
        description="Print the entries of data/changes.txt (codes added, retired, changed, "
        "translations brought up to date) since a date, newest first, with links to the codes.",
        epilog="example:\n  gupshup-errors changes --since 2026-11-01 --lang en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    history.add_argument(
        "--since", type=_date, default=date.min, metavar="YYYY-MM-DD", help="default: every entry"
    )
    history.add_argument("--lang", help=f"{language} (default: the first in mkdocs.yml)")


def _add_maintaining_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """check, published, schema, build and serve: for maintainers of the table."""
    validate = commands.add_parser(
        "check",
        help="validate data/errors.yml, the published record, the pages' translations and "
        "the catalogs; non-zero exit on any problem",
        description="Validate the data file, the record of published codes, the pages' "
        "translations and the catalogs, as `make check` does; print every page's state in "
        "every language, and every problem with its file, line and column.",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: write every page's state in every language to standard output as JSON "
        "(the report goes to standard error); default: text",
    )
    _add_date(
        commands.add_parser(
            "published",
            help="record every new code and retirement in data/published.txt (never drops "
            "one), and every change in data/changes.txt",
        )
    )
    commands.add_parser("schema", help="regenerate the data file's JSON Schema from the model")
    site = commands.add_parser(
        "build",
        help="build every language into the site folder, strict, all or nothing",
        description="Build every language, the root pages and /errors.json into the site "
        "folder, as `make site` does. A failed build leaves the folder as it was.",
    )
    site.add_argument(
        "-d", "--site-dir", type=Path, default=Path("site"), help="output folder (default: site)"
    )
    serve = commands.add_parser("serve", help="preview every language with live reload")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    _add_translation_commands(commands)


def _add_translation_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """translated and import: for keeping translations current (export --format po too)."""
    confirm = commands.add_parser(
        "translated",
        help="record that translations were reviewed against the current source text",
        description="Record, in data/translated.txt, that the translations of the named codes "
        "(every code and the table's title by default), and in data/translated-pages.txt, "
        "that the named pages' translations, block by block (every page's by default), "
        "in the named language (every "
        "translation language by default) were made from the current source text. Run it "
        "after updating an outdated translation, or to confirm one that still holds.",
        epilog="examples:\n  gupshup-errors translated                 every translation\n"
        "  gupshup-errors translated 1002 --lang en  one code in one language\n"
        "  gupshup-errors translated title           the table's title\n"
        "  gupshup-errors translated docs/guide.md --lang en   one page in one language",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    confirm.add_argument(
        "codes",
        nargs="*",
        type=_code_title_or_page,
        metavar="CODE|PAGE",
        help="e.g. 1002, 'title', or a page: docs/guide.md (every translation of it) or "
        "docs/guide.en.md",
    )
    confirm.add_argument(
        "--lang",
        dest="langs",
        action="append",
        default=[],
        help="only this language, e.g. en (repeat it for several)",
    )
    _add_date(confirm)
    bring = commands.add_parser(
        "import",
        help="write a translator's PO file back into data/errors.yml",
        description="Write the translations of a PO file (made by `export --format po`) into "
        "the data file, changing only the edited texts' lines, and record them as translated "
        "from the current source. Fuzzy and empty entries are skipped. A file that does not "
        "fit the data is refused with every problem listed, and nothing is written.",
        epilog="example:\n  gupshup-errors export --format po --lang en > en.po\n"
        "  (translate en.po in Poedit, Weblate, Lokalize...)\n"
        "  gupshup-errors import en.po",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bring.add_argument("file", type=Path, metavar="FILE.po")
    _add_date(bring)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        if args.command in {
            "check",
            "lookup",
            "export",
            "published",
            "schema",
            "translated",
            "import",
            "changes",
        }:
            settings = read(args.config_file)
            languages = list(settings.languages)
            language = getattr(args, "lang", None)
            if language is not None and language not in languages:
                parser.error(f"--lang {language}: the site's languages are {languages}")
            if args.command == "export" and args.format == "po" and language is None:
                parser.error("--format po needs --lang, the language the file is translated into")
            if args.command == "check":
                return check(settings, args.format)
            given: date | None = getattr(args, "date", None)
            if args.command == "published":
                return record_published(settings, given or dates.today())
            if args.command == "schema":
                return write_schema(settings)
            if args.command == "translated":
                unknown = [lang for lang in args.langs if lang not in languages]
                if unknown:
                    parser.error(f"--lang {unknown[0]}: the site's languages are {languages}")
                return record_translated(settings, args.codes, args.langs, given or dates.today())
            if args.command == "import":
                return import_translations(settings, args.file, given or dates.today())
            if args.command == "changes":
                return list_changes(settings, args.since, language or languages[0])
            if args.command == "lookup":
                return lookup(settings, args.codes, language or languages[0])
            return write_export(settings, args.format, language)
        if args.command == "build":
            built = build_site(args.config_file, args.site_dir)
            print(f"built {', '.join(built.names)} into {args.site_dir}/")
            return 0
        from ..serve.preview import serve  # only the preview needs the server machinery

        build = partial(build_site, args.config_file, strict=False, preview=True)
        serve(args.config_file, build, args.host, args.port)
        return 0
    except DataError as error:
        _reported(error)
    except (SiteError, i18n.MissingCatalogError, dates.SourceDateError) as error:
        print(f"error: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
