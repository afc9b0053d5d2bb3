"""The command line: parse (arguments.py), hand each command to its module, and turn every
problem into its report and the exit status."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from ..builder.settings import Settings, read
from ..builder.site import SiteError
from ..data.problems import DataError
from ..records import dates
from ..text import i18n
from ..text.writer import BusyError, WriteError
from . import arguments, check, export, lookup, records, site
from .report import reported

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_WRITING = {"published", "schema", "translated", "import"}


def _with_settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run a command that reads the settings, once its languages are checked against them."""
    settings = read(args.config_file)
    languages = list(settings.languages)
    language = getattr(args, "lang", None)
    if language is not None and language not in languages:
        parser.error(f"--lang {language}: the site's languages are {languages}")
    if args.command == "export" and args.format == "po" and language is None:
        parser.error("--format po needs --lang, the language the file is translated into")
    unknown = [lang for lang in getattr(args, "langs", []) if lang not in languages]
    if unknown:
        parser.error(f"--lang {unknown[0]}: the site's languages are {languages}")
    if args.command in _WRITING:
        return _writing(settings, args)
    if args.command == "check":
        return check.check(settings, args.format)
    if args.command == "changes":
        return export.list_changes(settings, args.since, language or languages[0])
    if args.command == "lookup":
        return lookup.lookup(settings, args.codes, language or languages[0])
    return export.write_export(settings, args.format, language)


def _writing(settings: Settings, args: argparse.Namespace) -> int:
    """Run a command that writes the records."""
    if args.command == "schema":
        return records.write_schema(settings)
    when = args.date or dates.today()  # SOURCE_DATE_EPOCH read only to date entries
    if args.command == "published":
        return records.record_published(settings, when)
    if args.command == "translated":
        return records.record_translated(settings, args.codes, args.langs, when)
    return records.import_translations(settings, args.file, when)


def main(argv: Sequence[str] | None = None) -> int:
    parser = arguments.parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        if args.command == "build":
            return site.build(args.config_file, args.site_dir)
        if args.command == "serve":
            return site.serve(args.config_file, args.host, args.port)
        return _with_settings(parser, args)
    except DataError as error:
        reported(error)
    except (SiteError, i18n.MissingCatalogError, dates.SourceDateError) as error:
        print(f"error: {error}", file=sys.stderr)
    except (WriteError, BusyError) as error:
        print(error, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
