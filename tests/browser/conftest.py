"""The built site in real Chromium: a local server for it, the browser, and pages to drive
(the helpers are in tests/helpers/browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from gupshup_errors.site import build_into

from ..helpers import serve
from ..helpers.browser import ARTIFACTS, Pages, cases_project, pages_at


def _address(site: Path) -> Iterator[str]:
    with serve(site) as served:
        yield served.url


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port."""
    yield from _address(site)


@pytest.fixture
def pages(browser: Browser, base_url: str) -> Iterator[Pages]:
    with pages_at(browser, base_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def case_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The browser cases' own table (tests/helpers/browser.py), built and served."""
    root = tmp_path_factory.mktemp("cases")
    build_into(cases_project(root / "project") / "mkdocs.yml", root / "site")
    yield from _address(root / "site")


@pytest.fixture
def case_pages(browser: Browser, case_url: str) -> Iterator[Pages]:
    """Pages of the cases' own table (see case_url)."""
    with pages_at(browser, case_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
