"""The built site in real Chromium: a local server for it, the browser, and pages to drive."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page

from gupshup_errors.site import build_into

from ..conftest import CONFIG, DATA, LANGUAGES, REPO
from ..system import served

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
# Screenshots and PDFs for people to look at; the folder is ignored by git.
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO / "tests" / "artifacts"))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port."""
    with served(site) as url:
        yield url


BIG = 450  # more rows than the filter draws at once, in several groups of rows


@pytest.fixture(scope="session")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A table of BIG codes (code 10 + n is "common n" / "act n"), served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("big")
    shutil.copy(CONFIG, root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "data").mkdir()
    document = yaml.safe_load(DATA.read_text("utf-8"))
    document["codes"] = [
        {
            "code": 10 + n,
            **{lang: {"name": f"common {n}", "action": f"act {n}"} for lang in LANGUAGES},
        }
        for n in range(BIG)
    ]
    (root / "data" / "errors.yml").write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    published = "".join(f"{entry['code']}\n" for entry in document["codes"])
    (root / "data" / "published.txt").write_text(published, "utf-8")
    build_into(root / "mkdocs.yml", root / "site")
    with served(root / "site") as url:
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
        """`path`, once errors.js has set the table up (it marks the table last)."""
        page = self.open(path, **context)
        page.wait_for_selector("#gs-table[data-ready]", state="attached")
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
