"""A fixture project in languages the repository does not build: Arabic (right to left, six
plural forms) and Ukrainian (no lunr stemmer), beside Russian and English, with their catalogs
in tests/data/locales (the plugin's `locales_dir`), never in the package."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from .project import REPO, make_project, record_of

LOCALES = REPO / "tests" / "data" / "locales"
TEXTS = REPO / "tests" / "data" / "languages.yml"
FIXTURE_LANGUAGES = ["ar", "uk", "en"]
"""Arabic first: the root and 404 pages start right to left."""


def _with_locales_dir(config: str) -> str:
    edited, found = re.subn(
        r"^(\s*)(languages:.*)$", rf"\1\2\n\1locales_dir: {LOCALES}", config, count=1, flags=re.M
    )
    assert found == 1, "mkdocs.yml sets the plugin's languages on one line no more"
    return edited


def language_project(where: Path, languages: Sequence[str] = FIXTURE_LANGUAGES) -> Path:
    """A project at `where` building `languages` of the fixture table; its mkdocs.yml."""
    data = yaml.safe_load(TEXTS.read_text("utf-8"))
    data["table"]["title"] = {lang: data["table"]["title"][lang] for lang in languages}
    data["codes"] = [
        {"code": entry["code"], **{lang: entry[lang] for lang in languages}}
        for entry in data["codes"]
    ]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    root = make_project(
        where,
        languages=languages,
        data=text,
        record=record_of(data["codes"]),
        config=_with_locales_dir,
    )
    return root / "mkdocs.yml"
