"""`serve` as a maintainer uses it: both languages, live rebuilds, and mistakes shown, not hung."""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from .helpers import SAMPLE_LANGUAGES, SOURCE_EDIT, edit, fetch, preview, wait_for
from .helpers.interface import interface


@pytest.fixture
def server(project: Path) -> Iterator[str]:
    with preview(project, log=project.parent / "serve.log") as url:
        yield url


@pytest.mark.parametrize(
    "stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda stop: stop.name
)
def test_stopped_it_deletes_the_site_it_built(
    project: Path, tmp_path: Path, stop: signal.Signals
) -> None:
    # A service manager stops it with SIGTERM, a closed terminal with SIGHUP, Ctrl-C with
    # SIGINT: each leaves nothing behind (at 10,000 codes, 400 MB per run of the preview).
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with preview(project, env={"TMPDIR": str(temporary)}, stop=stop) as url:
        assert 'id="1002"' in fetch(f"{url}/en/")
        assert any(temporary.iterdir())
    assert not any(temporary.iterdir())


def _waits_for_reload(url: str) -> threading.Thread:
    """A browser's live-reload request, waiting for the next build (as an open tab does)."""
    found = re.search(r"livereload\((\d+),", fetch(f"{url}/en/"))
    assert found is not None, "MkDocs' reload script is not in the page"

    def wait() -> None:
        with contextlib.suppress(Exception):  # the preview may end first: that is the point
            fetch(f"{url}/livereload/{found.group(1)}/1", 60)

    waiting = threading.Thread(target=wait, daemon=True)
    waiting.start()
    return waiting


@pytest.mark.parametrize(
    "stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda stop: stop.name
)
def test_a_signal_at_any_moment_ends_it_cleanly(
    project: Path, tmp_path: Path, stop: signal.Signals
) -> None:
    # During a quick rebuild, a whole one, a write, or while a browser waits for its reload:
    # it ends (`preview` waits for that), with no traceback and nothing left behind.
    data, css = project / "data" / "errors.yml", project / "docs" / "assets" / "errors.css"
    good = data.read_text("utf-8")
    for attempt, delay in enumerate((0.0, 0.05, 0.15, 0.3, 0.6)):
        temporary, log = tmp_path / f"tmp-{attempt}", tmp_path / f"serve-{attempt}.log"
        temporary.mkdir()
        with preview(project, log=log, env={"TMPDIR": str(temporary)}, stop=stop) as url:
            _waits_for_reload(url)
            data.write_text(good.replace("Contact the Gupshup team.", f"Call ({attempt})."))
            if attempt % 2:  # and the whole site too
                css.write_text(f"{css.read_text('utf-8')}\n.gs-{attempt} {{ color: red; }}\n")
            time.sleep(delay)
        assert not any(temporary.iterdir()), f"left behind after {delay} s"
        output = log.read_text("utf-8")
        assert "Traceback" not in output and "Shutting down" in output, output


def test_serves_every_language_and_the_root(server: str) -> None:
    for language in SAMPLE_LANGUAGES:
        assert f'lang="{language}"' in fetch(f"{server}/{language}/")
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
    # A rule, not a comment: the build minifies the stylesheet, comments and all.
    css.write_text(css.read_text("utf-8") + "\n.gs-edited-here { color: red; }\n", "utf-8")
    wait_for(
        lambda: ".gs-edited-here" in fetch(f"{server}/ru/assets/errors.css"), "the new stylesheet"
    )


def test_mistake_is_in_the_terminal_and_over_every_page_in_its_language(
    server: str, project: Path
) -> None:
    data = project / "data" / "errors.yml"
    data.write_text(data.read_text("utf-8").replace("  - code: 1003", "  - code: 1002"), "utf-8")
    wait_for(lambda: "gs-build-error" in fetch(f"{server}/ru/"), "the error overlay")
    for language in SAMPLE_LANGUAGES:
        title = interface(language)["not built"]
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
    source, target = SAMPLE_LANGUAGES[:2]
    data = project / "data" / "errors.yml"
    assert "gs-outdated-note" not in fetch(f"{server}/{target}/")
    edit(data, *SOURCE_EDIT)
    wait_for(lambda: "gs-outdated-note" in fetch(f"{server}/{target}/"), "the outdated note")
    soup = BeautifulSoup(fetch(f"{server}/{target}/"), "html.parser")
    note = soup.find(id="1002").select_one(".gs-outdated-note")
    assert interface(target)["outdated"] in note.get_text()
    assert note.find("a")["href"] == f"../{source}/#1002"
    assert "gs-build-error" not in str(soup)  # a note, not a failed build
    terminal = (project.parent / "serve.log").read_text("utf-8")
    assert "1 translation may be out of date" in terminal
    assert f"[code 1002, field 'action', language '{target}']" in terminal


def test_a_saved_page_shows_in_every_language_and_a_broken_one_over_the_last_good(
    server: str, project: Path
) -> None:
    page, translation = project / "docs" / "howto.md", project / "docs" / "howto.en.md"
    page.write_text("# Страница\n\nСтрока [1002](index.md#1002).\n", "utf-8")  # noqa: RUF001
    for language in SAMPLE_LANGUAGES:
        address = f"{server}/{language}/howto/"
        wait_for(lambda: "Страница" in fetch(address), "the new page")  # noqa: B023
    translation.write_text("# A page\n\nCode [1002](index.md#1002).\n", "utf-8")
    wait_for(lambda: "A page" in fetch(f"{server}/en/howto/"), "the translation")
    page.write_text("# Страница\n\nСтрока [1020](index.md#1020).\n", "utf-8")  # noqa: RUF001
    wait_for(lambda: "gs-build-error" in fetch(f"{server}/en/howto/"), "the error overlay")
    shown = fetch(f"{server}/en/howto/")
    assert "howto.md:3:1: link &#x27;index.md#1020&#x27;: no code 1020" in shown
    assert "A page" in shown  # the last good page is still there under the message
