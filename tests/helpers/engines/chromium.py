"""The system's Chromium through Playwright, behind the engines' interface."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, Page

from . import Engine, Tab, Viewport


class ChromiumTab(Tab[Page]):
    """A page of Playwright's Chromium (its client is the Playwright page)."""

    def open(self, url: str) -> None:
        self.client.goto(url)

    def run(self, body: str, *args: Any) -> Any:
        return self.client.evaluate(
            "([body, args]) => new Function(body).apply(null, args)", [body, list(args)]
        )

    def click(self, selector: str) -> None:
        self.client.click(selector)

    def hover(self, selector: str) -> None:
        self.client.hover(selector)

    def type(self, selector: str, text: str) -> None:
        self.client.click(selector)
        self.client.keyboard.type(text)

    def screenshot(self) -> bytes:
        return self.client.screenshot()

    def copied(self) -> str:
        text: str = self.client.evaluate("navigator.clipboard.readText()")
        return text


class Chromium(Engine):
    name = "chromium"

    def __init__(self, browser: Browser) -> None:
        self.browser = browser  # the session's one Playwright Chromium, shared with its suite

    @contextmanager
    def tab(self, viewport: Viewport, locale: str) -> Iterator[Tab]:
        context = self.browser.new_context(
            viewport={"width": viewport.width, "height": viewport.height},
            locale=locale,
            permissions=["clipboard-read", "clipboard-write"],
        )
        context.set_default_timeout(10_000)
        try:
            yield ChromiumTab(self.name, context.new_page())
        finally:
            context.close()

    def close(self) -> None:
        pass  # the `browser` fixture stops Chromium at the end of the session
