"""The command line's declarations: every command, its options and their help, in one place."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..records import translated
from ..render.export import FORMATS
from ..text import urls

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


def parser() -> argparse.ArgumentParser:
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
