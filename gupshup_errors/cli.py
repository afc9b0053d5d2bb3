"""Thin commands: load, hand off, and set the exit status."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from . import i18n, published, schema
from .load import load
from .plugin import ErrorTablePlugin
from .problems import DataError
from .site import PLUGIN, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _plugin(config_file: Path) -> tuple[ErrorTablePlugin, MkDocsConfig]:
    config = load_config(str(config_file))
    plugin = config.plugins[PLUGIN]
    assert isinstance(plugin, ErrorTablePlugin)
    return plugin, config


def check(config_file: Path) -> int:
    """Validate the data, the published record and the catalogs; print every problem."""
    plugin, config = _plugin(config_file)
    languages = list(plugin.config.languages)
    data = plugin.data_path(config)
    failed = False
    try:
        table = plugin.load_table(config)
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


def record_published(config_file: Path) -> int:
    """Add every new code and retirement to the published record; never drop one."""
    plugin, config = _plugin(config_file)
    record_file = plugin.published_path(config)
    exists = record_file.exists()
    # Without a record yet, the data alone decides; with one, it must still hold every code.
    table = load(plugin.data_path(config), plugin.config.languages, record_file if exists else None)
    before = record_file.read_text("utf-8") if exists else None
    record = published.parse(before, str(record_file))[0] if before is not None else None
    after = published.render(record, table)
    if after == before:
        print(f"{record_file}: up to date")
        return 0
    record_file.write_text(after, "utf-8")
    print(f"{record_file}: updated; commit it with the change to the data")
    return 0


def write_schema(config_file: Path) -> int:
    """Regenerate the data file's JSON Schema from the model."""
    plugin, config = _plugin(config_file)
    path = plugin.data_path(config).with_name(schema.FILE_NAME)
    path.write_text(schema.render(plugin.config.languages), "utf-8")
    print(f"{path}: written")
    return 0


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
        "check",
        help="validate data/errors.yml, the published record and the catalogs; "
        "non-zero exit on any problem",
    )
    commands.add_parser(
        "published",
        help="record every new code and retirement in data/published.txt (never drops one)",
    )
    commands.add_parser("schema", help="regenerate the data file's JSON Schema from the model")
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
        if args.command == "published":
            return record_published(args.config_file)
        if args.command == "schema":
            return write_schema(args.config_file)
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
