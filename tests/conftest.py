"""Shared fixtures: the real site, built once into a temporary folder, and throwaway projects
(helpers live in tests/helpers)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from playwright.sync_api import Browser, sync_playwright

from gupshup_errors.builder.site import build_into
from gupshup_errors.data.load import load
from gupshup_errors.data.model import ErrorTable

from .helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONFIG,
    DATA,
    LANGUAGES,
    make_project,
    require,
    sample_project,
)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# No example database, and Hypothesis' caches in a temporary folder: tests write nothing
# into the repository. CI replays the same examples on every run.
settings.register_profile("repo", database=None, deadline=None)
settings.register_profile("ci", settings.get_profile("repo"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "repo")
_HYPOTHESIS_HOME = Path(tempfile.mkdtemp(prefix="gupshup-errors-hypothesis-"))
set_hypothesis_home_dir(_HYPOTHESIS_HOME)


def pytest_unconfigure() -> None:
    shutil.rmtree(_HYPOTHESIS_HOME, ignore_errors=True)


_BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives a browser, so that `make quick` can leave them out: those
    under tests/browser and any other that takes the `browser` fixture."""
    for item in items:
        uses = getattr(item, "fixturenames", ())
        if "browser" in uses or item.path.is_relative_to(_BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run: Playwright's sync API allows one instance at a time."""
    require(CHROMIUM.exists(), f"Chromium (at {CHROMIUM}; CHROMIUM=... moves it)", "chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def table() -> ErrorTable:
    return load(DATA, LANGUAGES)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bilingual site, built from the repository's own files."""
    out = tmp_path_factory.mktemp("site")
    build_into(CONFIG, out)
    return out


@pytest.fixture(scope="session")
def page(site: Path) -> Callable[[str], BeautifulSoup]:
    cache: dict[str, BeautifulSoup] = {}

    def parse(relative: str) -> BeautifulSoup:
        if relative not in cache:
            cache[relative] = BeautifulSoup((site / relative).read_text("utf-8"), "html.parser")
        return cache[relative]

    return parse


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the sample data (tests/data/sample), to break or edit freely."""
    return sample_project(tmp_path / "project")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's own inputs (config, data, docs), as they are."""
    return make_project(tmp_path / "project")
