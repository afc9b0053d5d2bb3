"""WebKitGTK (Safari's engine): MiniBrowser through WebKitWebDriver and Selenium, on an Xvfb
display of its own (MiniBrowser has no headless mode)."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver import ActionChains, WebKitGTK
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from . import DriverTab, Engine, Tab, Viewport, one_window

# MiniBrowser's header bar (buttons, address entry) keeps its window at least 447 px wide; a
# user GTK stylesheet lets the window, and so the page, shrink to a phone's 375 px.
_GTK_CSS = """
* { min-width: 0; min-height: 0; }
button, entry { padding-left: 0; padding-right: 0; }
"""
_PASTE_TARGET = "gs-test-paste"


class WebKitTab(DriverTab[WebKitGTK]):
    stale = StaleElementReferenceException

    def open(self, url: str) -> None:
        self.client.get(url)

    def run(self, body: str, *args: Any) -> Any:
        return self.client.execute_script(body, *args)

    def hover(self, selector: str) -> None:
        # From the corner first: a pointer that is already there (left by the previous page)
        # would not move, and the page would never see it arrive.
        actions = ActionChains(self.client)
        actions.w3c_actions.pointer_action.move_to_location(1, 1)
        actions.move_to_element(self.find(selector)).perform()

    def screenshot(self) -> bytes:
        return self.client.get_screenshot_as_png()

    def copied(self) -> str:
        # Reading the clipboard from script needs a reader's gesture in WebKit: paste instead,
        # with the keys a reader presses, into a scratch field that is removed again.
        self.run(
            "const field = document.createElement('textarea'); field.id = arguments[0];"
            " field.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 99999';"
            " document.body.append(field);",
            _PASTE_TARGET,
        )
        self.client.find_element(By.ID, _PASTE_TARGET).send_keys(Keys.CONTROL, "v")
        text: str = self.run(
            "const field = document.getElementById(arguments[0]); field.remove();"
            " return field.value;",
            _PASTE_TARGET,
        )
        return text


class WebKit(Engine):
    name = "webkit"

    def __init__(self, driver: Path, browser: Path, xvfb: Path, workdir: Path) -> None:
        self.driver_path, self.browser, self.workdir = driver, browser, workdir
        (workdir / "gtk-3.0").mkdir(parents=True, exist_ok=True)
        (workdir / "gtk-3.0" / "gtk.css").write_text(_GTK_CSS)
        self.locales = workdir / "locales"
        self.locales.mkdir(exist_ok=True)
        self.display = _start_xvfb(xvfb, workdir)
        self.drivers: dict[str, WebKitGTK] = {}

    def tab(self, viewport: Viewport, locale: str) -> AbstractContextManager[Tab]:
        driver = self._driver(locale)
        return one_window(WebKitTab(self.name, driver), viewport, driver.set_window_rect)

    def _driver(self, locale: str) -> WebKitGTK:
        """The browser for `locale`: WebKitGTK takes navigator.languages from its process's
        locale (LANG), so each language asked for gets a browser of its own, kept for later."""
        if locale in self.drivers:
            return self.drivers[locale]
        name = self._compiled(locale)
        env = {
            **os.environ,
            "DISPLAY": self.display[0],
            "LANG": name,
            "LC_ALL": name,
            "LOCPATH": str(self.locales),
            "XDG_CONFIG_HOME": str(self.workdir),
        }
        options = Options()
        options.binary_location = str(self.browser)
        options.add_argument("--automation")
        log = self.workdir / f"{locale}.log"
        service = Service(str(self.driver_path), env=env, log_output=str(log))
        with warnings.catch_warnings():
            # Selenium 4.51's own WebKitGTK() passes its address the way it deprecated.
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            self.drivers[locale] = WebKitGTK(options=options, service=service)
        return self.drivers[locale]

    def _compiled(self, locale: str) -> str:
        """A glibc locale named for `locale` ("ru-RU" -> "ru_RU.UTF-8") in a folder of this
        run's own: WebKitGTK reports the name the C library accepts, and the machine need not
        have that locale generated (unknown, it falls back to "C": LANG=C.UTF-8 makes
        navigator.languages ["C"]). The data inside is POSIX's, compiled once: compiling
        Russian's collation takes ten seconds and nothing here sorts by it."""
        name = locale.replace("-", "_") + ".UTF-8"
        posix = self.locales / "POSIX.UTF-8"
        if not posix.exists():
            # localedef exits 1 for POSIX's missing categories; what counts is the result.
            done = subprocess.run(
                ["localedef", "-i", "POSIX", "-f", "UTF-8", str(posix)],
                check=False, capture_output=True, text=True,
            )  # fmt: skip
            if not (posix / "LC_CTYPE").exists():
                raise RuntimeError(f"localedef could not compile a locale: {done.stderr}")
        if not (self.locales / name).exists():
            shutil.copytree(posix, self.locales / name)
        return name

    def close(self) -> None:
        for driver in self.drivers.values():
            driver.quit()
        self.display[1].terminate()
        self.display[1].wait()


def _start_xvfb(xvfb: Path, workdir: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """An X display of our own; Xvfb picks a free number and writes it to the pipe."""
    read, write = os.pipe()
    with (workdir / "xvfb.log").open("wb") as log:
        process = subprocess.Popen(
            [str(xvfb), "-displayfd", str(write), "-screen", "0", "1920x1200x24",
             "-nolisten", "tcp"],
            pass_fds=[write], stderr=log,
        )  # fmt: skip
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        number = pipe.readline().decode().strip()
    if not number:
        process.kill()
        raise RuntimeError(f"Xvfb did not start; see {workdir / 'xvfb.log'}")
    return f":{number}", process
