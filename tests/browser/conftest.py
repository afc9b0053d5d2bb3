"""The built site in real browsers: a local server for it, Chromium's pages to drive, and every
engine readers use (Chromium, Firefox, WebKit) behind one interface for the core reader tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ..conftest import REPO
from ..system import (
    FIREFOX,
    LOCALE_SOURCES,
    WEBKIT_DRIVER,
    XVFB,
    minibrowser,
    require,
    served,
)
from .engines import DESKTOP as DESKTOP_VIEWPORT
from .engines import ENGINES, RECORD_ERRORS, Engine, Tab, Viewport
from .engines.chromium import Chromium
from .engines.firefox import Firefox
from .engines.webkit import WebKit

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
# Screenshots and PDFs for people to look at; the folder is ignored by git.
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO / "tests" / "artifacts"))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port, recording each page's errors."""
    with served(site, head_script=RECORD_ERRORS) as url:
        yield url


@dataclass
class Pages:
    """Opens pages in fresh browser contexts and closes them after the test."""

    browser: Browser
    base_url: str
    contexts: list[BrowserContext] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str, *, before: str | None = None, **context: Any) -> Page:
        """`path` on the site, in a new context (viewport, locale, permissions, ...);
        `before` is a script to run in the page before the page's own."""
        context.setdefault("viewport", DESKTOP)
        created = self.browser.new_context(**context)
        created.set_default_timeout(10_000)  # for waiting only; a failing wait fails sooner
        if before is not None:
            created.add_init_script(before)
        self.contexts.append(created)
        page = created.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{path}: {error}"))
        page.goto(self.base_url + path)
        return page

    def reader(self, path: str, **context: Any) -> Page:
        """`path`, once errors.js has set the table up (it shows the filter last)."""
        page = self.open(path, **context)
        page.wait_for_selector(".gs-filter", state="visible")
        return page


@pytest.fixture
def pages(browser: Browser, base_url: str) -> Iterator[Pages]:
    opened = Pages(browser, base_url)
    yield opened
    for context in opened.contexts:
        context.close()
    assert opened.errors == [], "the page raised JavaScript errors"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


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


@dataclass
class Reading:
    """Tabs of one engine on the served site; the pages they showed must report no errors."""

    engine: Engine
    base_url: str
    stack: ExitStack
    tabs: list[Tab] = field(default_factory=list)

    def open(
        self, path: str, *, viewport: Viewport = DESKTOP_VIEWPORT, locale: str = "en-US"
    ) -> Tab:
        """`path` on the site in a fresh tab (Firefox and WebKit have one at a time)."""
        tab = self.stack.enter_context(self.engine.tab(viewport, locale))
        self.tabs.append(tab)
        tab.open(self.base_url + path)
        return tab

    def reader(self, path: str, **options: Any) -> Tab:
        """`path`, once errors.js has set the table up."""
        tab = self.open(path, **options)
        self.ready(tab)
        return tab

    @staticmethod
    def ready(tab: Tab) -> None:
        """Wait for errors.js to set the table up (it shows the filter last)."""
        tab.wait(
            "const box = document.querySelector('.gs-filter');"
            " return !!box && box.getClientRects().length > 0"
        )


@pytest.fixture
def reading(engine: Engine, base_url: str) -> Iterator[Reading]:
    with ExitStack() as stack:
        opened = Reading(engine, base_url, stack)
        yield opened
        errors = [error for tab in opened.tabs for error in tab.errors()]
    assert errors == [], f"{engine.name}: the pages reported errors"
