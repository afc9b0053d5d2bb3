"""Build every language of the site into one folder, all or nothing."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException, PluginError

from ..data import heap
from ..data.located import Located
from ..data.model import ErrorTable, Status
from ..records.pages.commands import PageFiles
from ..records.sources import Sources, warn_outdated
from ..render.root import root_files
from ..text import i18n
from .background import JobError, Jobs
from .dates import build_date
from .incremental.kept import Kept, SiteParts
from .plugin import ErrorTablePlugin, Reading
from .settings import PLUGIN, Settings, read
from .twins import files as twinfiles

log = logging.getLogger("gupshup_errors.site")

SiteError = MkDocsException
"""What a build that fails, or a setting that is wrong, raises: the commands report it."""


def build_into(
    config_file: Path,
    out: Path,
    *,
    strict: bool = True,
    preview: bool = False,
    keep: Kept | None = None,
    reuse: Path | None = None,
) -> list[str]:
    """Build every language into `out` (which must be empty); returns the languages built.

    The data is read once, before anything is written, and every language is built from that
    one reading, as are the root files. A `preview` build lets new codes show before they are
    in the published record; with `keep`, what it read and rendered is kept there (for the
    live preview's next edit)."""
    settings = read(config_file)
    for language in settings.languages:
        try:
            i18n.translations(language, settings.catalogs)  # a missing catalog stops it here
        except i18n.MissingCatalogError as error:
            raise PluginError(str(error)) from None
    data = _bytes(settings.data_file) if keep is not None else None
    located = Sources.of(settings).located(require_recorded=not preview)
    with heap.frozen():  # the table lives as long as the build: see heap.py
        _build_languages(config_file, out, settings, located, strict=strict, keep=keep, reuse=reuse)
    if keep is not None and keep.site is not None:
        same = data is not None and data == _bytes(settings.data_file)
        keep.site = replace(keep.site, data=data if same else None, require_recorded=not preview)
    return list(settings.languages)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _build_languages(
    config_file: Path,
    out: Path,
    settings: Settings,
    located: Located,
    *,
    strict: bool,
    keep: Kept | None = None,
    reuse: Path | None = None,
) -> None:
    table = located.table
    files = Sources.of(settings)
    review = files.review(table)
    history = files.history(table)
    status = files.status(review, history)
    pages = PageFiles.named_by(settings).overview()
    docs = _relative(settings.docs_dir, settings.config_file)
    warn_outdated(files.outdated(review, located))
    date = build_date(settings.config_file, settings.data_file)
    if keep is not None:
        keep.site = SiteParts(settings, None, located, review, history, status, date, True)
    try:
        # The root files, and each language's code pages, are written while the languages
        # build.
        with Jobs() as jobs:
            jobs.run(
                "the root files",
                partial(
                    _write_root_files,
                    out,
                    settings,
                    table,
                    date,
                    status,
                    pages.document(docs, problems=False),
                ),
            )
            for language in settings.languages:
                config = load_config(str(config_file), site_dir=str(out), strict=strict)
                plugin = config.plugins[PLUGIN]
                assert isinstance(plugin, ErrorTablePlugin)
                plugin.config.language = language  # the language the plugin builds
                forge = twinfiles.forge(settings, located)
                plugin.hand_over(
                    Reading(table, date, pages, status, jobs, history, keep, reuse, forge)
                )
                try:
                    build(config)
                except Abort:
                    # MkDocs logs what stopped it and raises a bare "Aborted": the preview's
                    # overlay and the command's last line say what it was, with its place.
                    if plugin.failure is None:
                        raise
                    raise PluginError(plugin.failure) from None
    except JobError as error:
        raise PluginError(f"the site could not be written:\n{error}") from None


def _write_root_files(
    out: Path,
    settings: Settings,
    table: ErrorTable,
    date: datetime,
    status: Status,
    pages: Mapping[str, object],
) -> None:
    languages = settings.languages
    files = root_files(table, languages, settings.site_url, date, status, settings.catalogs, pages)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")


def _relative(folder: Path, config_file: Path) -> str:
    """How the published files name a folder: from mkdocs.yml's, wherever the build ran."""
    return Path(os.path.relpath(folder.resolve(), config_file.resolve().parent)).as_posix()


def build_site(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    preview: bool = False,
    keep: Kept | None = None,
) -> list[str]:
    """Build beside `site_dir`, then swap it in: a failure leaves `site_dir` as it was.

    The site it replaces is kept beside it (`.<name>-spare`), and the next build takes its code
    pages' folders from there instead of deleting thousands and making them again: on a disk
    that discards freed blocks, deleting the last site was up to half of a repeated build."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    spare = site_dir.with_name(f".{site_dir.name}-spare")
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    reuse = spare if spare.is_dir() else None
    try:
        languages = build_into(
            config_file, staging, strict=strict, preview=preview, keep=keep, reuse=reuse
        )
        shutil.rmtree(spare, ignore_errors=True)  # what no page took: little, once warm
        if site_dir.exists():
            site_dir.rename(spare)
        staging.rename(site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return languages
