"""Build every language of the site into one folder, all or nothing."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from . import translated
from .plugin import ErrorTablePlugin
from .root import root_files

log = logging.getLogger("gupshup_errors.site")

PLUGIN = "gupshup-errors"


def _config(
    config_file: Path, site_dir: Path, language: str | None, strict: bool, preview: bool
) -> MkDocsConfig:
    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    _plugin(config).config.preview = preview
    if language is not None:
        _plugin(config).config.language = language
    return config


def _plugin(config: MkDocsConfig) -> ErrorTablePlugin:
    plugin = config.plugins[PLUGIN]
    assert isinstance(plugin, ErrorTablePlugin)
    return plugin


def build_into(
    config_file: Path, out: Path, *, strict: bool = True, preview: bool = False
) -> list[str]:
    """Build every language into `out` (which must be empty); returns the languages built.

    A `preview` build lets new codes show before they are in the published record."""
    first = _config(config_file, out, None, strict, preview)
    plugin = _plugin(first)
    languages = list(plugin.config.languages)
    # Validate the data once up front, so a mistake stops the build before anything is written.
    table = plugin.load_table(first)
    review = plugin.review(first, table)
    _warn_outdated(review, plugin.data_path(first), languages)
    date = plugin.source_date(first)
    for language in languages:
        build(_config(config_file, out, language, strict, preview))
    files = root_files(table, languages, first.site_url, date, review.status)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return languages


def _warn_outdated(review: translated.Review, data: Path, languages: list[str]) -> None:
    """Outdated translations never stop a build (their rows carry a note), but whoever builds
    is told, in the terminal of `make site` and of the preview."""
    if review.stale:
        problems = review.problems(data.read_text("utf-8"), str(data), languages)
        count = len(problems)
        log.warning(
            "%d %s may be out of date; the site shows a note on %s:\n%s",
            count,
            "translation" if count == 1 else "translations",
            "its row" if count == 1 else "their rows",
            "\n".join(map(str, problems)),
        )


def build_site(
    config_file: Path, site_dir: Path, *, strict: bool = True, preview: bool = False
) -> list[str]:
    """Build beside `site_dir`, then swap it in: a failure leaves `site_dir` as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        languages = build_into(config_file, staging, strict=strict, preview=preview)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return languages


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
