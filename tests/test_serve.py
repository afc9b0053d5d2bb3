"""`serve` as a maintainer uses it: both languages, live rebuilds, and mistakes shown, not hung."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    # A hanging request fails here rather than stalling the suite.
    with urllib.request.urlopen(url, timeout=15) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], what: str, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def server(project: Path) -> Iterator[str]:
    port = _free_port()
    log = project.parent / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gupshup_errors", "serve", "--port", str(port)],
            cwd=project, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: "gs-table" in fetch(f"{url}/ru/"), "the first build")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        print(log.read_text("utf-8"))  # shown by pytest when a test fails


def test_serves_every_language_and_the_root(server: str) -> None:
    assert 'lang="ru"' in fetch(f"{server}/ru/")
    assert 'lang="en"' in fetch(f"{server}/en/")
    assert "location.hash" in fetch(f"{server}/")


def test_mistake_is_shown_and_the_last_good_site_kept(server: str, project: Path) -> None:
    data = project / "data" / "errors.yml"
    good = data.read_text("utf-8")
    data.write_text(
        good.replace("      action: Contact the Gupshup team.", "      acton: x"), "utf-8"
    )
    wait_for(lambda: "gs-build-error" in fetch(f"{server}/en/"), "the error overlay")
    page = fetch(f"{server}/en/")
    assert "unknown field &#x27;acton&#x27;" in page
    assert 'id="1002"' in page  # the last good table is still there under the message

    data.write_text(good.replace("Contact the Gupshup team.", "Call the Gupshup team."), "utf-8")
    wait_for(lambda: "Call the Gupshup team." in fetch(f"{server}/en/"), "the fixed build")
    assert "gs-build-error" not in fetch(f"{server}/en/")


def test_edit_to_docs_assets_reloads(server: str, project: Path) -> None:
    css = project / "docs" / "assets" / "errors.css"
    css.write_text(css.read_text("utf-8") + "\n/* edited */\n", "utf-8")
    wait_for(
        lambda: "/* edited */" in fetch(f"{server}/ru/assets/errors.css"), "the new stylesheet"
    )


OVERLAY_TITLE = {"ru": "Последнее изменение не собрано", "en": "The last change was not built"}


def test_mistake_is_in_the_terminal_and_over_every_page_in_its_language(
    server: str, project: Path
) -> None:
    data = project / "data" / "errors.yml"
    data.write_text(data.read_text("utf-8").replace("  - code: 1003", "  - code: 1002"), "utf-8")
    wait_for(lambda: "gs-build-error" in fetch(f"{server}/ru/"), "the error overlay")
    for language, title in OVERLAY_TITLE.items():
        page = BeautifulSoup(fetch(f"{server}/{language}/"), "html.parser")
        overlay = page.select_one("#gs-build-error")
        assert overlay is not None and overlay["lang"] == language
        heading = overlay.find("h1")
        assert heading is not None and heading.get_text(strip=True) == title
        assert "code 1002 appears twice" in overlay.get_text()
    terminal = (project.parent / "serve.log").read_text("utf-8")
    assert "Build failed; still serving the last good site." in terminal
    assert "data/errors.yml:" in terminal and "code 1002 appears twice" in terminal
    assert "Traceback" not in terminal


def test_the_browser_shows_the_mistake_and_recovers_by_itself(
    browser: Browser, server: str, project: Path
) -> None:
    data = project / "data" / "errors.yml"
    good = data.read_text("utf-8")
    page = browser.new_page()
    try:
        page.goto(f"{server}/en/#1002", wait_until="load")
        page.wait_for_selector('[id="1002"]')
        data.write_text(good.replace("      name: Internal server error\n", ""), "utf-8")
        # No reload from the test: the page's live-reload script brings the overlay.
        overlay = page.wait_for_selector("#gs-build-error", timeout=30_000)
        assert overlay is not None
        assert "'name' is missing" in overlay.inner_text()
        assert page.locator('[id="1002"]').count() == 1  # the last good table, under it

        data.write_text(good.replace("Internal server error", "Server error"), "utf-8")
        page.wait_for_selector("#gs-build-error", state="detached", timeout=30_000)
        page.wait_for_selector('[id="500"] >> text=Server error', timeout=30_000)
    finally:
        page.close()


def test_an_edited_source_text_shows_the_outdated_note_live(server: str, project: Path) -> None:
    data = project / "data" / "errors.yml"
    old = "      action: Номер получателя не зарегистрирован в WhatsApp.\n"
    new = "      action: Номер получателя не зарегистрирован в WhatsApp или недоступен.\n"
    assert "gs-outdated-note" not in fetch(f"{server}/en/")
    data.write_text(data.read_text("utf-8").replace(old, new), "utf-8")
    wait_for(lambda: "gs-outdated-note" in fetch(f"{server}/en/"), "the outdated note")
    soup = BeautifulSoup(fetch(f"{server}/en/"), "html.parser")
    note = soup.find(id="1002").select_one(".gs-outdated-note")
    assert note.find("a")["href"] == "../ru/#1002"
    assert "gs-build-error" not in str(soup)  # a note, not a failed build
    terminal = (project.parent / "serve.log").read_text("utf-8")
    assert "1 translation may be out of date" in terminal
    assert "[code 1002, field 'action', language 'en']" in terminal
