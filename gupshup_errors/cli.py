"""Thin commands: load, hand off, and set the exit status."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import i18n
from .load import load
from .problems import DataError
from .site import PLUGIN, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _languages_and_data(config_file: Path) -> tuple[list[str], Path]:
    config = load_config(str(config_file))
    plugin = config.plugins[PLUGIN]
    return list(plugin.config.languages), config_file.parent / plugin.config.data_file


def check(config_file: Path) -> int:
    """Validate the data and the catalogs; print every problem."""
    languages, data = _languages_and_data(config_file)
    failed = False
    try:
        table = load(data, languages)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        failed = True
    else:
        print(f"{data}: {len(table.codes)} codes in {', '.join(languages)}: OK")
    catalog_problems = i18n.catalog_problems(languages)
    for problem in catalog_problems:
        print(problem, file=sys.stderr)
    if not catalog_problems:
        print(f"catalogs for {', '.join(languages)}: complete")
    return 1 if failed or catalog_problems else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gupshup-errors",
        description="Build, check and preview the Gupshup WhatsApp API error-code reference.",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the MkDocs configuration (default: mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check", help="validate data/errors.yml and the catalogs; non-zero exit on any problem"
    )
    site = commands.add_parser(
        "build", help="build every language into the site folder, strict, all or nothing"
    )
    site.add_argument(
        "-d", "--site-dir", type=Path, default=Path("site"), help="output folder (default: site)"
    )
    serve = commands.add_parser("serve", help="preview every language with live reload")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        if args.command == "check":
            return check(args.config_file)
        if args.command == "build":
            languages = build_site(args.config_file, args.site_dir)
            print(f"built {', '.join(languages)} into {args.site_dir}/")
            return 0
        from .serve import serve  # only the preview needs the server machinery

        serve(args.config_file, args.host, args.port)
        return 0
    except DataError as error:
        print(error.report(), file=sys.stderr)
    except MkDocsException as error:
        print(f"error: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
