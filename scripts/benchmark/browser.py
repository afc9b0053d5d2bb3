"""The reader's figures in Chromium: a deep link to the last code, the filter per keystroke,
search to the code's row, and the bytes the page transfers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, GITHUB_PAGES, LANGUAGES, serve

from .builds import ENV

FILTER = "input.gs-filter__input"

# Runs in the page: resolves with milliseconds since navigation start once the row is fully
# in view below the sticky header.
_DEEP_LINK_JS = """(code) => new Promise((resolve) => {
  const check = () => {
    const row = document.querySelector(`[id="${code}"]`);
    const header = document.querySelector(".md-header");
    if (row && header) {
      const box = row.getBoundingClientRect();
      const top = header.getBoundingClientRect().bottom;
      if (box.top >= top - 1 && box.bottom <= innerHeight + 1) return resolve(performance.now());
    }
    if (performance.now() > 120000) return resolve(Infinity);
    requestAnimationFrame(check);
  };
  check();
})"""

# One keystroke: set the box's value, fire the event typing fires, and wait until the table
# shows the answer (the filter marks it) and the next frame is painted.
_KEYSTROKE_JS = """async ([selector, value]) => {
  const input = document.querySelector(selector);
  const box = input.closest(".gs-filter");
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve) => {
    const check = () => box.getAttribute("data-applied") === value
      ? requestAnimationFrame(() => setTimeout(resolve, 0))
      : setTimeout(check, 0);
    check();
  });
  return performance.now() - start;
}"""

_TRANSFERRED_JS = """() => [...performance.getEntriesByType("navigation"),
                             ...performance.getEntriesByType("resource")]
    .reduce((sum, entry) => sum + (entry.encodedBodySize || 0), 0)"""

# A search for a code: milliseconds from the query until the first result links to its row.
_SEARCH_JS = """async (code) => {
  const input = document.querySelector("input.md-search__input");
  // Material groups results by page: the first group's first link to a section is the top hit.
  const first = () => document.querySelector(
    ".md-search-result__list > li:first-child a.md-search-result__link[href*='#']");
  const start = performance.now();
  input.value = String(code);
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "0"}));
  input.dispatchEvent(new Event("input", {bubbles: true}));
  return await new Promise((resolve, reject) => {
    const check = () => {
      const link = first();
      if (link && link.getAttribute("href").endsWith(`#${code}`)) {
        return resolve(performance.now() - start);
      }
      if (performance.now() - start > 60000) return reject(new Error(`no result for ${code}`));
      requestAnimationFrame(check);
    };
    check();
  });
}"""


@dataclass
class BrowserFigures:
    deep_link_ms: list[float] = field(default_factory=list)
    deep_link_cpu_ms: list[float] = field(default_factory=list)
    filter_ms: list[float] = field(default_factory=list)
    filter_cpu_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    transferred_bytes: int | None = None
    """None where the page was not loaded (`--browser-samples 0`)."""
    foreign_requests: int = 0


def typed_word(rows: Sequence[dict[str, Any]]) -> str:
    """A word a reader would type: the one most names share in the first language (the data
    decides, not a text written here), the longest among equals."""
    words: Counter[str] = Counter(
        str(word).lower()
        for row in rows
        for word in re.findall(r"\w{4,}", row[LANGUAGES[0]]["name"])
        if not word.isdigit()
    )
    return max(words, key=lambda word: (words[word], len(word)))


TRACED = ["toplevel", "devtools.timeline"]


def main_thread_cpu_ms(trace: bytes) -> float:
    """CPU time of the pages' main threads in a Chromium trace: what the page cost, whatever
    else the (shared) machine was doing meanwhile, unlike the wall-clock figures."""
    events = json.loads(trace)["traceEvents"]
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    return sum(
        float(e["tdur"]) / 1000
        for e in events
        if (e.get("pid"), e.get("tid")) in main
        and e.get("name") == "ThreadControllerImpl::RunTask"
        and "tdur" in e
    )


def _filter(browser: Browser, page: Page, word: str, figures: BrowserFigures) -> None:
    page.wait_for_selector(FILTER)
    page.focus(FILTER)  # as a reader does, by click or Tab, before typing
    # The word letter by letter; clearing the box is a keystroke too: every row comes back.
    for typed in [*(word[:end] for end in range(1, len(word) + 1)), ""]:
        browser.start_tracing(page=page, categories=TRACED)
        figures.filter_ms.append(page.evaluate(_KEYSTROKE_JS, [FILTER, typed]))
        figures.filter_cpu_ms.append(main_thread_cpu_ms(browser.stop_tracing()))


def measure(project: Path, rows: Sequence[dict[str, Any]], samples: int) -> BrowserFigures:
    codes = [int(row["code"]) for row in rows]
    last, probe = codes[-1], codes[len(codes) // 2]
    figures = BrowserFigures()
    site = project / "site-served"
    language = LANGUAGES[0]
    # Served as GitHub Pages serves it: compressed, with its cache headers.
    with serve(site, GITHUB_PAGES) as served, sync_playwright() as playwright:
        # Built for the address it is served at, as it would be deployed: Material's language
        # switch fetches the sitemaps from SITE_URL.
        subprocess.run(
            [sys.executable, "-m", "gupshup_errors", "build", "--site-dir", str(site)],
            cwd=project, env={**ENV, "SITE_URL": served.root}, check=True, capture_output=True,
        )  # fmt: skip
        url = served.url
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for _ in range(samples):
                page = browser.new_page()
                browser.start_tracing(page=page, categories=TRACED)
                page.goto(f"{url}/{language}/#{last}", wait_until="commit")
                figures.deep_link_ms.append(page.evaluate(_DEEP_LINK_JS, last))
                figures.deep_link_cpu_ms.append(main_thread_cpu_ms(browser.stop_tracing()))
                page.close()
            page = browser.new_page()
            foreign: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(url) else foreign.append(r.url))
            page.goto(f"{url}/{language}/", wait_until="networkidle")
            # Bytes as the page's own resource timing counts them (the page and what it loads).
            figures.transferred_bytes = int(page.evaluate(_TRANSFERRED_JS))
            figures.foreign_requests = len(foreign)
            for address in foreign:
                print(f"request to another host: {address}", file=sys.stderr)
            _filter(browser, page, typed_word(rows), figures)
            page.click("label.md-search__icon, .md-search__input")
            page.evaluate(_SEARCH_JS, probe)  # the first query waits for the index to load
            for sample in range(samples):
                code = codes[(sample * 7919) % len(codes)]
                figures.search_ms.append(page.evaluate(_SEARCH_JS, code))
        finally:
            browser.close()
    return figures
