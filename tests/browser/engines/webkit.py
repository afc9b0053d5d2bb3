"""WebKitGTK (Safari's engine): MiniBrowser through WebKitWebDriver and Selenium, on an Xvfb
display of its own (MiniBrowser has no headless mode)."""

from __future__ import annotations

import os
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver import ActionChains, WebKitGTK
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from . import Engine, Tab, Viewport, fit

# MiniBrowser's header bar (buttons, address entry) keeps its window at least 447 px wide; a
# user GTK stylesheet lets the window, and so the page, shrink to a phone's 375 px.
_GTK_CSS = """
* { min-width: 0; min-height: 0; }
button, entry { padding-left: 0; padding-right: 0; }
"""
_PASTE_TARGET = "gs-test-paste"


class WebKitTab(Tab):
    engine = "webkit"

    def __init__(self, driver: WebKitGTK) -> None:
        self.driver = driver

    def open(self, url: str) -> None:
        self.driver.get(url)

    @property
    def url(self) -> str:
        return self.driver.current_url

    def run(self, body: str, *args: Any) -> Any:
        return self.driver.execute_script(body, *args)

    def click(self, selector: str) -> None:
        # A list the page redraws (search results) can replace the element between finding
        # and clicking it: find it again, as a reader would.
        for attempt in range(3):
            try:
                self.driver.find_element(By.CSS_SELECTOR, selector).click()
                return
            except StaleElementReferenceException:
                if attempt == 2:
                    raise

    def hover(self, selector: str) -> None:
        target = self.driver.find_element(By.CSS_SELECTOR, selector)
        # From the corner first: a pointer that is already there (left by the previous page)
        # would not move, and the page would never see it arrive.
        actions = ActionChains(self.driver)
        actions.w3c_actions.pointer_action.move_to_location(1, 1)
        actions.move_to_element(target).perform()

    def type(self, selector: str, text: str) -> None:
        field = self.driver.find_element(By.CSS_SELECTOR, selector)
        field.click()
        field.send_keys(text)

    def screenshot(self) -> bytes:
        return self.driver.get_screenshot_as_png()

    def copied(self) -> str:
        # Reading the clipboard from script needs a reader's gesture in WebKit: paste instead,
        # with the keys a reader presses, into a scratch field that is removed again.
        self.run(
            "const field = document.createElement('textarea'); field.id = arguments[0];"
            " field.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 99999';"
            " document.body.append(field);",
            _PASTE_TARGET,
        )
        self.driver.find_element(By.ID, _PASTE_TARGET).send_keys(Keys.CONTROL, "v")
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
        self.driver: WebKitGTK | None = None
        self.locale = ""

    @contextmanager
    def tab(self, viewport: Viewport, locale: str) -> Iterator[Tab]:
        driver = self._driver(locale)
        driver.get("about:blank")
        tab = WebKitTab(driver)
        fit(tab, viewport, driver.set_window_rect)
        try:
            yield tab
        finally:
            if tab.url.startswith("http"):
                tab.run("localStorage.clear(); sessionStorage.clear();")
            driver.get("about:blank")

    def _driver(self, locale: str) -> WebKitGTK:
        """The browser, started again when the language asked for changes: WebKitGTK takes
        navigator.languages from the process's locale (LANG), so a locale needs a process."""
        if self.driver is not None and self.locale == locale:
            return self.driver
        self._quit()
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
        service = Service(str(self.driver_path), env=env, log_output=str(self.workdir / "log"))
        with warnings.catch_warnings():
            # Selenium 4.51's own WebKitGTK() passes its address the way it deprecated.
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            self.driver = WebKitGTK(options=options, service=service)
        self.locale = locale
        return self.driver

    def _compiled(self, locale: str) -> str:
        """The glibc locale for `locale` ("ru-RU" -> "ru_RU.UTF-8"), compiled into a folder
        of this run's own: the machine need not have it generated (LANG=C would make
        navigator.languages ["C"])."""
        name = locale.replace("-", "_") + ".UTF-8"
        if not (self.locales / name).exists():
            source = name.removesuffix(".UTF-8")
            # localedef exits 1 on mere warnings; what counts is whether the locale was written.
            done = subprocess.run(
                ["localedef", "-i", source, "-f", "UTF-8", str(self.locales / name)],
                check=False, capture_output=True, text=True,
            )  # fmt: skip
            if not (self.locales / name).exists():
                raise RuntimeError(f"localedef could not make {name}: {done.stderr}")
        return name

    def _quit(self) -> None:
        if self.driver is not None:
            self.driver.quit()
            self.driver = None

    def close(self) -> None:
        self._quit()
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
