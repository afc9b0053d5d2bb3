"""What some tests need from the system: Java and the browser engines (skipped where missing,
failed in CI), and how Chromium is started."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FIREFOX = Path(os.environ.get("FIREFOX", "/usr/bin/firefox-esr"))
WEBKIT_DRIVER = Path(os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver"))
XVFB = Path(os.environ.get("XVFB", "/usr/bin/Xvfb"))
# glibc's locale sources: the WebKit tests make the browser's language from them.
LOCALE_SOURCES = Path(os.environ.get("LOCALE_SOURCES", "/usr/share/i18n/locales"))
# Chromium as installed on the machine; Playwright never downloads a browser.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def require(found: bool, what: str, package: str) -> None:
    """Skip the test without `what`, saying how to install it; in CI (CI=true) fail instead."""
    if found:
        return
    message = (
        f"{what} is not installed; `make test` installs it when run as root, "
        f"otherwise: sudo apt-get install -y {package}"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def minibrowser() -> Path | None:
    """WebKitGTK's MiniBrowser (it comes with WebKitWebDriver), wherever the architecture put it."""
    found = sorted(Path("/usr/lib").glob("*/webkit2gtk-4.*/MiniBrowser"))
    return found[-1] if found else None
