"""Build every language of the site into one folder, all or nothing."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException, PluginError

from ..data import heap
from ..fences import mkdocs as mkdocs_fence
from ..records.reading import Reading
from ..records.reading import read as read_sources
from ..records.sources import Sources, warn_outdated
from ..render.root import root_files
from ..text import i18n
from .background import JobError, Jobs
from .incremental.kept import LanguageParts, SiteBuilt
from .plugin import ErrorTablePlugin, LanguageInput
from .settings import PLUGIN, Settings, read

log = logging.getLogger("gupshup_errors.site")

SiteError = MkDocsException
"""What a build that fails, or a setting that is wrong, raises: the commands report it."""


def build_into(
    config_file: Path,
    out: Path,
    *,
    strict: bool = True,
    preview: bool = False,
    reuse: Path | None = None,
) -> SiteBuilt:
    """Build every language into `out` (which must be empty).

    The sources are read once (records/reading.py), before anything is written, and every
    language is built from that one reading, as are the root files. A `preview` build lets new
    codes show before they are in the published record, and keeps what it rendered for the
    live preview's next edit."""
    settings = read(config_file)
    for language in settings.languages:
        try:
            i18n.translations(language, settings.catalogs)  # a missing catalog stops it here
        except i18n.MissingCatalogError as error:
            raise PluginError(str(error)) from None
    reading = read_sources(Sources.of(settings), require_recorded=not preview, keep_data=preview)
    warn_outdated(reading.outdated())
    with heap.frozen():  # the reading lives as long as the build: see heap.py
        parts = _build_languages(
            config_file, out, settings, reading, strict=strict, keep=preview, reuse=reuse
        )
    return SiteBuilt(settings, reading, parts)


def _build_languages(
    config_file: Path,
    out: Path,
    settings: Settings,
    reading: Reading,
    *,
    strict: bool,
    keep: bool,
    reuse: Path | None = None,
) -> tuple[LanguageParts, ...]:
    docs = _relative(settings.docs_dir, settings.config_file)
    root_files = partial(
        _write_root_files, out, settings, reading, reading.pages.document(docs, problems=False)
    )
    parts: list[LanguageParts] = []
    try:
        # The root files, and each language's code pages, are written while the languages
        # build.
        with Jobs() as jobs:
            jobs.run("the root files", root_files)
            for language in settings.languages:
                given = LanguageInput(reading, language, jobs, reuse, keep)
                built = _build_language(config_file, out, given, strict=strict)
                parts += [built] if built is not None else []
    except JobError as error:
        raise PluginError(f"the site could not be written:\n{error}") from None
    return tuple(parts)


def _build_language(
    config_file: Path, out: Path, given: LanguageInput, *, strict: bool
) -> LanguageParts | None:
    """One language's build, by MkDocs, with a plugin constructed for it; what it rendered
    when it was to keep it."""
    config = load_config(str(config_file), site_dir=str(out), strict=strict)
    loaded = config.plugins[PLUGIN]
    assert isinstance(loaded, ErrorTablePlugin)
    plugin = ErrorTablePlugin.built_from(given, loaded.config)
    config.plugins = mkdocs_fence.with_plugin(config.plugins, PLUGIN, plugin)
    try:
        build(config)
    except Abort:
        # MkDocs logs what stopped it and raises a bare "Aborted": the preview's overlay and
        # the command's last line say what it was, with its place.
        failure = plugin.outcome().failure
        if failure is None:
            raise
        raise PluginError(failure) from None
    return plugin.outcome().parts


def _write_root_files(
    out: Path, settings: Settings, reading: Reading, pages: Mapping[str, object]
) -> None:
    files = root_files(
        reading.table,
        settings.languages,
        settings.site_url,
        reading.date,
        reading.status,
        settings.catalogs,
        pages,
    )
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
) -> SiteBuilt:
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
        built = build_into(config_file, staging, strict=strict, preview=preview, reuse=reuse)
        shutil.rmtree(spare, ignore_errors=True)  # what no page took: little, once warm
        if site_dir.exists():
            site_dir.rename(spare)
        staging.rename(site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return built
