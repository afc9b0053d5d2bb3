"""What the page's fast rendering must not cost: nothing moves after the first paint, and on a
table whose rows are mostly skipped while off the screen, deep links, find-in-page and print
still reach every row. (How fast it is, is measured by scripts/bench, not here.)"""

from __future__ import annotations

import io
import re
import time

import pytest
from playwright.sync_api import Route
from pypdf import PdfReader

from gupshup_errors.data.model import ErrorTable

from ..helpers import LANGUAGES
from ..helpers.browser import BIG, CASE_TEXTS, DESKTOP, PHONE, Pages, box, header_bottom, row

# Every layout shift the page makes, as Lighthouse counts them (recorded from the start).
_RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      // What moved, from where to where, so that a failure says what to fix.
      const moved = entry.sources.map((s) => {
        const name = s.node ? s.node.className || s.node.nodeName : "?";
        const at = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(",");
        return `${name} ${at(s.previousRect)} -> ${at(s.currentRect)}`;
      });
      const at = Math.round(entry.startTime);
      window.__shifts.push({value: entry.value, at: at, moved: moved.join("; ")});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""


# Whether a code's row is (partly) on the screen.
_IN_VIEW = """code => {
  const b = document.querySelector(`[id="${code}"]`).getBoundingClientRect();
  return b.bottom > 0 && b.top < innerHeight;
}"""


def _slow_scripts(route: Route) -> None:
    # The page is painted before the scripts arrive, as on a slow phone network: whatever
    # they change that moves the page shows up as a shift.
    time.sleep(0.4)
    route.continue_()


# Lighthouse's phone (a Moto G Power) besides the small phone and the desktop.
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE, "lighthouse phone": {"width": 412, "height": 823}}


# The table page, and a code's own page (its copy button sits beside the link to the row, and
# on a phone the line wraps if the button arrives late). Which element errors.js marks ready.
PAGES = {"table": ("", "#gs-table"), "code page": ("{code}/", ".gs-code-page")}


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_moves_after_the_first_paint(
    pages: Pages, table: ErrorTable, language: str, viewport: str, kind: str
) -> None:
    path, ready = PAGES[kind]
    context = pages.browser.new_context(viewport=VIEWPORTS[viewport])
    pages.contexts.append(context)
    context.add_init_script(_RECORD_SHIFTS)
    context.route("**/*.js", _slow_scripts)
    page = context.new_page()
    page.goto(f"{pages.base_url}/{language}/{path.format(code=table.codes[0].code)}")
    page.wait_for_selector(f"{ready}[data-ready]", state="attached")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    page.wait_for_timeout(300)  # a frame or two for anything the scripts changed to show
    assert page.evaluate("performance.getEntriesByType('paint').length") > 0
    assert page.evaluate("window.__shifts") == []


# The cases' table (tests/helpers/browser.py) has BIG rows, code 10 + n reading "act n", in
# several groups of rows, most of them off the screen.


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deep_link_reaches_the_last_of_many_rows(case_pages: Pages, language: str) -> None:
    last = max(CASE_TEXTS)
    page = case_pages.reader(f"/{language}/#{last}")
    page.wait_for_function(_IN_VIEW, arg=last)
    assert box(page, row(last)).top >= header_bottom(page) - 1
    assert page.eval_on_selector(row(last), "r => r.matches(':target')")


@pytest.mark.parametrize("language", LANGUAGES)
def test_find_in_page_finds_a_row_far_off_the_screen(case_pages: Pages, language: str) -> None:
    page = case_pages.reader(f"/{language}/")
    far = 10 + BIG - 3  # its action reads "act 447"
    assert not page.evaluate(_IN_VIEW, far)
    assert page.evaluate("text => window.find(text, true)", f"act {far - 10}")
    found = page.evaluate("getSelection().anchorNode.parentElement.closest('tr').id")
    assert found == str(far)
    page.wait_for_function(_IN_VIEW, arg=far)


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_prints_every_row(case_pages: Pages, language: str) -> None:
    page = case_pages.reader(f"/{language}/")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
    printed = [int(n) for n in re.findall(r"\bact (\d+)\b", text)]
    assert printed == list(range(BIG))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_index_and_sitemaps_load_when_the_reader_needs_them(
    pages: Pages, table: ErrorTable, language: str
) -> None:
    requested: list[str] = []
    context = pages.browser.new_context(viewport={"width": 1280, "height": 800})
    pages.contexts.append(context)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{pages.base_url}/{language}/", wait_until="networkidle")
    page.wait_for_selector("#gs-table[data-ready]", state="attached")

    def fetched(ending: str) -> list[str]:
        return [url for url in requested if url.endswith(ending)]

    assert fetched("/search_index.json") == [] and fetched("/sitemap.xml") == []
    page.hover(".md-select")
    page.wait_for_load_state("networkidle")
    assert fetched("/sitemap.xml") and fetched("/search_index.json") == []
    page.click("label.md-search__icon, .md-search__input")
    page.wait_for_load_state("networkidle")
    assert fetched(f"/{language}/search/search_index.json")
    # and the search answers: the index reached Material's worker through ours
    code = table.codes[-1]
    page.keyboard.type(str(code.code))
    page.wait_for_selector(f".md-search-result__link[href$='#{code.anchor}']")
