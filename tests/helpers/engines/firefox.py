"""Firefox ESR, headless, through Mozilla's own client (marionette-driver; no geckodriver)."""

from __future__ import annotations

import gc
import warnings
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from . import DriverTab, Engine, Tab, Viewport, one_window

# marionette-driver's helpers (mozrunner, mozinfo) import telnetlib and call distro's old API
# as they load, both deprecated; the tests turn warnings into errors, so hush these here only.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from marionette_driver.errors import StaleElementException
    from marionette_driver.marionette import Marionette

# Firefox keeps its window at least 500 px wide; a style in the browser's own (chrome) documents
# lifts that, so the page can be seen at a phone's 375 px.
_NO_MINIMUM_SIZE = """
    const sheets = Cc["@mozilla.org/content/style-sheet-service;1"]
        .getService(Ci.nsIStyleSheetService);
    const css = ":root { min-width: 0 !important; min-height: 0 !important; }";
    const uri = Services.io.newURI("data:text/css," + encodeURIComponent(css));
    sheets.loadAndRegisterSheet(uri, sheets.AGENT_SHEET);
"""
_READ_CLIPBOARD = """
    const transfer = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
    transfer.init(null);
    transfer.addDataFlavor("text/plain");
    Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
    const data = {};
    try {
        transfer.getTransferData("text/plain", data);
    } catch (_) {
        return "";  // nothing on the clipboard
    }
    return data.value.QueryInterface(Ci.nsISupportsString).data;
"""


class FirefoxTab(DriverTab[Marionette]):
    stale = StaleElementException

    def open(self, url: str) -> None:
        self.client.navigate(url)

    def run(self, body: str, *args: Any) -> Any:
        return self.client.execute_script(body, script_args=list(args))

    def hover(self, selector: str) -> None:
        # From the corner first: a pointer that is already there (left by the previous page)
        # would not move, and the page would never see it arrive.
        mouse = self.client.actions.sequence("pointer", "mouse")
        mouse.pointer_move(1, 1).pointer_move(0, 0, origin=self.find(selector)).perform()

    def screenshot(self) -> bytes:
        png: bytes = self.client.screenshot(format="binary", full=False)
        return png

    def copied(self) -> str:
        with self.client.using_context("chrome"):
            text: str = self.client.execute_script(_READ_CLIPBOARD)
        return text


class Firefox(Engine):
    name = "firefox"

    def __init__(self, binary: Path, workdir: Path) -> None:
        # While it waits for Firefox to listen, marionette-driver drops a socket per attempt
        # without closing it: let those go here, not fail the first test that meets them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            self.client = Marionette(
                bin=str(binary),
                headless=True,
                port=0,  # a free one
                gecko_log=str(workdir / "gecko.log"),
                workspace=str(workdir),
            )
            gc.collect()
        self.client.start_session()
        with self.client.using_context("chrome"):
            self.client.execute_script(_NO_MINIMUM_SIZE)

    def tab(self, viewport: Viewport, locale: str) -> AbstractContextManager[Tab]:
        # navigator.languages comes from this preference, read as each page loads.
        self.client.set_pref("intl.accept_languages", locale)
        return one_window(FirefoxTab(self.name, self.client), viewport, self.client.set_window_rect)

    def close(self) -> None:
        self.client.delete_session()
        self.client.cleanup()
