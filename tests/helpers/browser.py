"""What the browser tests share: pages opened in fresh contexts, and small questions they ask a
page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Browser, BrowserContext, Page

from gupshup_errors.builder.site import build_into

from .project import LANGUAGES, REPO, entries, make_project
from .server import Hosting, serve

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
# Screenshots and PDFs for people to look at; the folder is ignored by git.
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO / "tests" / "artifacts"))


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


@contextmanager
def pages_at(browser: Browser, base_url: str) -> Iterator[Pages]:
    """Pages of the site at `base_url`; every context is closed at the end, and the pages must
    have raised no JavaScript error."""
    opened = Pages(browser, base_url)
    yield opened
    for context in opened.contexts:
        context.close()
    assert opened.errors == [], "the page raised JavaScript errors"


@contextmanager
def built_and_served(config: Path, out: Path, hosting: Hosting | None = None) -> Iterator[str]:
    """The project of `config`, built into `out` and served from 127.0.0.1 (as `hosting`
    says, plainly without it): its address."""
    build_into(config, out)
    with serve(out, hosting or Hosting()) as served:
        yield served.url


@dataclass(frozen=True)
class Box:
    top: float
    bottom: float
    left: float
    right: float


def row(code: int | str) -> str:
    """The selector of a code's row (an id starting with a digit is no valid `#id`)."""
    return f'#gs-table tr[id="{code}"]'


def box(page: Page, selector: str) -> Box:
    found = page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }",
    )
    return Box(**found)


def header_bottom(page: Page) -> float:
    return box(page, "header.md-header").bottom


# The codes of the rows the reader can see: the filter's matches while it filters (copies, in a
# table of their own), otherwise the table's own rows. A function body, for any engine.
# WebKit's checkVisibility() misses a `content-visibility: hidden` ancestor beyond row groups
# of their own (the filter hides the full table so), hence the walk up.
VISIBLE_ROWS = (
    "const skipped = el => { for (let up = el.parentElement; up; up = up.parentElement)"
    " { if (getComputedStyle(up).contentVisibility === 'hidden') return true; } return false; };"
    " return [...document.querySelectorAll('.gs-table tbody tr')]"
    ".filter(r => r.checkVisibility() && r.getClientRects().length && !skipped(r))"
    ".map(r => r.id || r.dataset.code);"
)


def visible_rows(page: Page) -> list[str]:
    rows: list[str] = page.evaluate(f"() => {{ {VISIBLE_ROWS} }}")
    return rows


def search_results(page: Page, typed: str) -> list[str]:
    """Type into Material's search box; the fragments of the results it lists."""
    page.click("input.md-search__input")
    # The whole text at once, then one key: Material searches on keyup, which inserted (or
    # typed Cyrillic) text does not fire, so exactly one query runs, for the whole text.
    page.keyboard.insert_text(typed)
    page.keyboard.press("End")
    page.wait_for_selector("a.md-search-result__link")
    links: list[str] = page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.map(a => new URL(a.href).hash)"
    )
    return links


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds wrong on the page, one line per rule."""
    # Colours are judged as they end up, not halfway through a fade.
    page.wait_for_function("document.getAnimations().length === 0")
    page.add_script_tag(path=str(AXE_FILE_PATH))
    found: list[str] = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v =>
                `${v.id} (${v.impact}): ${v.help}: ` +
                v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
        }"""
    )
    return found


# The browser cases' own table, whatever the repository's data says: the rows the filter and
# search cases look for, and BIG more rows, every one with the word 'common'.
BIG = 450  # more rows than the filter draws at once
CASE_TEXTS = {
    500: {"ru": ("Внутренняя ошибка сервера", "Обратитесь в команду Gupshup."),
          "en": ("Internal server error", "Contact the Gupshup team.")},
    1002: {"ru": ("Номер не существует в WhatsApp", "Номер не зарегистрирован."),
           "en": ("Number does not exist on WhatsApp", "The number is not registered.")},
    1004: {"ru": ("Номер отключённого аккаунта", "Аккаунт получателя отключён."),
           "en": ("Number of a disabled account", "The recipient's account is off.")},
    4005: {"ru": ("Шаблон приостановлен", "Отправка не удалась."),
           "en": ("Paused template", "Sending failed.")},
}  # fmt: skip
CASE_CODES = [*range(10, 10 + BIG), *CASE_TEXTS]
# An API message that holds a number another code has (as "retry after 100 seconds" might).
CASE_MESSAGES = {1004: "Retry After 100 Seconds"}
CASE_LANGUAGES = ["ru", "en", *(lang for lang in LANGUAGES if lang not in ("ru", "en"))]


def _case_text(code: int, language: str, field: str) -> str:
    if code in CASE_TEXTS:  # in another language, words that match no case
        known = CASE_TEXTS[code].get(language)
        return known[field == "action"] if known else f"{field} {code}"
    return f"common {code - 10}" if field == "name" else f"act {code - 10}"


def cases_project(where: Path) -> Path:
    """The project of the browser cases' own table, in CASE_LANGUAGES."""
    codes = entries(CASE_CODES, CASE_LANGUAGES, _case_text, messages=CASE_MESSAGES)
    return make_project(where, languages=CASE_LANGUAGES, codes=codes)
