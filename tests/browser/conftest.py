"""The built site in real browsers: a local server for it, Chromium's pages to drive, and every
engine readers use (Chromium, Firefox, WebKit) behind one interface for the core reader tests
(the helpers are in tests/helpers/browser.py and tests/helpers/engines/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from gupshup_errors.data.model import ErrorTable

from ..helpers import (
    FIREFOX,
    LOCALE_SOURCES,
    WEBKIT_DRIVER,
    XVFB,
    Hosting,
    minibrowser,
    require,
    serve,
)
from ..helpers.browser import ARTIFACTS, Pages, built_and_served, cases_project, pages_at
from ..helpers.engines import ENGINES, RECORD_ERRORS, Engine, Reading, reading_at
from ..helpers.engines.chromium import Chromium
from ..helpers.engines.firefox import Firefox
from ..helpers.engines.webkit import WebKit


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port. Every page records its errors
    where a test in any engine can read them (a module may override this with its own site)."""
    with serve(site, Hosting(head_script=RECORD_ERRORS)) as served:
        yield served.url


@pytest.fixture
def pages(browser: Browser, base_url: str) -> Iterator[Pages]:
    with pages_at(browser, base_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def case_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The browser cases' own table (tests/helpers/browser.py), built and served."""
    root = tmp_path_factory.mktemp("cases")
    config = cases_project(root / "project") / "mkdocs.yml"
    with built_and_served(config, root / "site", Hosting(head_script=RECORD_ERRORS)) as url:
        yield url


@pytest.fixture
def case_pages(browser: Browser, case_url: str) -> Iterator[Pages]:
    """Pages of the cases' own table (see case_url)."""
    with pages_at(browser, case_url) as opened:
        yield opened


@pytest.fixture(scope="session", params=ENGINES)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """Each engine in turn, started once (pytest runs every test of one engine together)."""
    started = _start(request.param, request, tmp_path_factory.mktemp(request.param))
    yield started
    started.close()


def _start(name: str, request: pytest.FixtureRequest, workdir: Path) -> Engine:
    if name == "chromium":
        return Chromium(request.getfixturevalue("browser"))
    if name == "firefox":
        require(
            FIREFOX.exists(), f"Firefox ESR (at {FIREFOX}; FIREFOX=... moves it)", "firefox-esr"
        )
        return Firefox(FIREFOX, workdir)
    browser = minibrowser()
    require(
        WEBKIT_DRIVER.exists() and browser is not None,
        f"WebKitGTK's WebKitWebDriver (at {WEBKIT_DRIVER}) and MiniBrowser",
        "webkit2gtk-driver",
    )
    require(XVFB.exists(), f"Xvfb (at {XVFB}; XVFB=... moves it)", "xvfb")
    require(
        LOCALE_SOURCES.is_dir(), "glibc's locale sources (for the browser's language)", "locales"
    )
    assert browser is not None
    return WebKit(WEBKIT_DRIVER, browser, XVFB, workdir)


@pytest.fixture
def reading(engine: Engine, base_url: str) -> Iterator[Reading]:
    """Tabs of each engine in turn on the built site."""
    with reading_at(engine, base_url) as opened:
        yield opened


@pytest.fixture
def case_reading(engine: Engine, case_url: str) -> Iterator[Reading]:
    """Tabs of each engine in turn on the cases' own table (see case_url)."""
    with reading_at(engine, case_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def linked_code(table: ErrorTable) -> int:
    """The code the tests link to: the table's second, so that reaching its row means
    scrolling past another."""
    return table.codes[1].code


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    """Each colour scheme a reader's system may ask for, in turn (`color_scheme=scheme`)."""
    chosen: str = request.param
    return chosen


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
