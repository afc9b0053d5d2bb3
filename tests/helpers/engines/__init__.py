"""One small interface over the engines readers use (Chromium, Firefox, WebKit), so that a
reader test is written once and runs in each of them; and the tabs one test opens."""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from .. import browser
from ..browser import Box

ENGINES = ["chromium", "firefox", "webkit"]
# What the test server puts at the top of every page's <head> (see `errors` below).
RECORD_ERRORS = (Path(__file__).parent / "record-errors.js").read_text("utf-8")


@dataclass(frozen=True)
class Viewport:
    width: int
    height: int


DESKTOP = Viewport(**browser.DESKTOP)
PHONE = Viewport(**browser.PHONE)


C = TypeVar("C")


class Tab(ABC, Generic[C]):
    """One page in one engine, driven as a reader drives it (real clicks and keys) through
    the engine's own client."""

    def __init__(self, engine: str, client: C) -> None:
        self.engine = engine  # the engine's name, for messages and file names
        self.client = client

    @abstractmethod
    def open(self, url: str) -> None:
        """Load `url` and wait for its load event."""

    @abstractmethod
    def run(self, body: str, *args: Any) -> Any:
        """The result of a function `body` (JavaScript, with `return` and `arguments`), run in
        the page; a promise it returns is awaited."""

    @abstractmethod
    def click(self, selector: str) -> None: ...

    @abstractmethod
    def hover(self, selector: str) -> None: ...

    @abstractmethod
    def type(self, selector: str, text: str) -> None:
        """Focus the field and type `text` key by key."""

    @abstractmethod
    def screenshot(self) -> bytes:
        """What the viewport shows, as PNG."""

    @abstractmethod
    def copied(self) -> str:
        """The text on the engine's clipboard, as a paste would give it."""

    def wait(self, body: str, *args: Any, timeout: float = 10) -> Any:
        """Run `body` until it returns something true; that value."""
        deadline = time.monotonic() + timeout
        while not (value := self.run(body, *args)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.engine}: still false after {timeout} s: {body}")
            time.sleep(0.05)
        return value

    def wait_for_url(self, url: str) -> None:
        self.wait("return location.href === arguments[0]", url)

    def box(self, selector: str) -> Box:
        found = self.run(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};",
            selector,
        )
        return Box(**found)

    def errors(self) -> list[str]:
        """What the page's scripts reported since the tab opened: uncaught errors, rejected
        promises, `console.error`, resources that failed to load (recorded by RECORD_ERRORS)."""
        kept = self.run("return sessionStorage.getItem('gs-test-errors') || '[]'")
        found: list[str] = json.loads(kept)
        return found


class Client(Protocol):
    """What the WebDriver clients (Firefox's Marionette, Selenium) share: elements found by a
    locator strategy of the WebDriver standard."""

    def find_element(self, strategy: str, selector: str, /) -> Any: ...


ClientT = TypeVar("ClientT", bound=Client)


class DriverTab(Tab[ClientT]):
    """A tab driven through a WebDriver client: it finds an element by CSS selector, and
    clicks and types into what it found, the same way in every such client."""

    stale: type[Exception]
    """What the client raises when an element it found has left the page."""

    def find(self, selector: str) -> Any:
        """The first element `selector` matches, as the client's element."""
        return self.client.find_element("css selector", selector)  # the standard's name

    def click(self, selector: str) -> None:
        # Up to three times: a list the page redraws (search results) can replace the element
        # between finding and clicking it, and a reader would simply find it again.
        for attempt in range(3):
            try:
                self.find(selector).click()
                return
            except self.stale:
                if attempt == 2:
                    raise

    def type(self, selector: str, text: str) -> None:
        field = self.find(selector)
        field.click()
        field.send_keys(text)


@contextmanager
def one_window(tab: Tab, viewport: Viewport, resize: Callable[..., Any]) -> Iterator[Tab]:
    """`tab`, the engine's one window, blank at `viewport` for one test; left blank again, its
    site's storage cleared, so that the next test starts afresh."""
    tab.open("about:blank")
    fit(tab, viewport, resize)
    try:
        yield tab
    finally:
        if tab.run("return location.protocol").startswith("http"):
            tab.run("localStorage.clear(); sessionStorage.clear();")
        tab.open("about:blank")


class Engine(ABC):
    """A running browser that opens tabs; started once per test session."""

    name: str

    @abstractmethod
    def tab(self, viewport: Viewport, locale: str) -> AbstractContextManager[Tab]:
        """A fresh tab of this size whose browser prefers `locale` (say "en-US")."""

    @abstractmethod
    def close(self) -> None:
        """Stop the browser."""


def fit(tab: Tab, viewport: Viewport, resize: Callable[..., Any]) -> None:
    """Size the window so that the page gets exactly `viewport` (the toolbars take the rest).
    Windows resize asynchronously: wait for the page to see its size, and measure again if a
    resize still under way spoilt the measure."""
    for _ in range(3):
        extra = tab.run("return [outerWidth - innerWidth, outerHeight - innerHeight]")
        resize(width=viewport.width + extra[0], height=viewport.height + extra[1])
        try:
            tab.wait(
                "return innerWidth === arguments[0] && innerHeight === arguments[1]",
                viewport.width, viewport.height, timeout=3,
            )  # fmt: skip
            return
        except TimeoutError:
            continue
    inner = tab.run("return [innerWidth, innerHeight]")
    raise AssertionError(f"{tab.engine}'s viewport stays {inner}, not {viewport}")


@dataclass
class Reading:
    """Tabs of one engine on a served site, for one test."""

    engine: Engine
    base_url: str
    stack: ExitStack
    tabs: list[Tab] = field(default_factory=list)

    def open(self, path: str, *, viewport: Viewport = DESKTOP, locale: str = "en-US") -> Tab:
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
        """Wait for errors.js to set the table up (it marks the table last)."""
        tab.wait("return !!document.querySelector('#gs-table[data-ready]')")


@contextmanager
def reading_at(engine: Engine, base_url: str) -> Iterator[Reading]:
    """Tabs of `engine` on the site at `base_url` (served with RECORD_ERRORS); every page they
    showed must have reported no error."""
    with ExitStack() as stack:
        opened = Reading(engine, base_url, stack)
        yield opened
        errors = [error for tab in opened.tabs for error in tab.errors()]
    assert errors == [], f"{engine.name}: the pages reported errors"
