"""A fixture project in languages the repository does not build: Arabic (right to left, six
plural forms) and Ukrainian (no lunr stemmer), with their catalogs in tests/data/locales
(the plugin's `locales_dir`), never in the package."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from gupshup_errors import published
from gupshup_errors.load import load

from .conftest import CONFIG, REPO

LOCALES = REPO / "tests" / "data" / "locales"
DATA = REPO / "tests" / "data" / "languages.yml"


def _config(languages: Sequence[str]) -> str:
    """The repository's mkdocs.yml, building `languages` with the fixture catalogs."""
    text, count = re.subn(
        r"^(\s+)languages:.*$",
        lambda found: (
            f"{found[1]}languages: {list(languages)!r}\n{found[1]}locales_dir: {str(LOCALES)!r}"
        ),
        CONFIG.read_text("utf-8"),
        count=1,
        flags=re.M,
    )
    assert count == 1, "mkdocs.yml no longer sets the plugin's languages on one line"
    return text


def language_project(root: Path, languages: Sequence[str]) -> Path:
    """A project under `root` whose site is built in `languages`; returns its mkdocs.yml."""
    data = yaml.safe_load(DATA.read_text("utf-8"))
    data["table"]["title"] = {lang: data["table"]["title"][lang] for lang in languages}
    data["codes"] = [
        {"code": entry["code"], **{lang: entry[lang] for lang in languages}}
        for entry in data["codes"]
    ]
    (root / "data").mkdir(parents=True)
    errors = root / "data" / "errors.yml"
    errors.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    record = published.render(None, load(errors, languages))
    (root / "data" / "published.txt").write_text(record, "utf-8")
    (root / "docs").symlink_to(REPO / "docs")
    config = root / "mkdocs.yml"
    config.write_text(_config(languages), "utf-8")
    return config
