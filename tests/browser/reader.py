"""What the browser tests know in advance, and small questions they ask a page."""

from __future__ import annotations

from playwright.sync_api import Page

from ..conftest import LANGUAGES
from .engines import Box

# The interface as a reader of each language must see it (not read back from the catalogs).
KNOWN = {
    "ru": {
        "copy": "Скопировать ссылку на код {code}",
        "copied": "Ссылка скопирована",
        "failed": "Не удалось скопировать. Ссылка теперь в адресной строке.",  # noqa: RUF001
        "no match": "Ни один код не подходит под «{query}».",
        "more": "Показаны первые {shown} совпадений из {total}. "
        "Уточните запрос, чтобы сузить список.",
        "to dark": "Включить тёмную тему",
        "to light": "Включить светлую тему",
        "filter": "Фильтр по таблице",
    },
    "en": {
        "copy": "Copy the link to code {code}",
        "copied": "Link copied",
        "failed": "Could not copy. The link is now in the address bar.",
        "no match": "No code matches “{query}”.",
        "more": "Showing the first {shown} of {total} matching codes. "
        "Type more to narrow them down.",
        "to dark": "Switch to dark mode",
        "to light": "Switch to light mode",
        "filter": "Filter the table",
    },
}
KNOWN_LANGUAGES = [language for language in LANGUAGES if language in KNOWN]


def row(code: int | str) -> str:
    """The selector of a code's row (an id starting with a digit is no valid `#id`)."""
    return f'#gs-table tr[id="{code}"]'


def box(page: Page, selector: str) -> Box:
    found = page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }",
    )
    return Box(**found)


def header_bottom(page: Page) -> float:
    return box(page, "header.md-header").bottom


# The codes of the rows the reader can see: the filter's matches while it filters (copies, in a
# table of their own), otherwise the table's own rows. A function body for any engine.
VISIBLE_ROWS = (
    "return [...document.querySelectorAll('.gs-table tbody tr')]"
    ".filter(r => r.checkVisibility() && r.getClientRects().length)"
    ".map(r => r.id || r.dataset.code);"
)


def visible_rows(page: Page) -> list[str]:
    rows: list[str] = page.evaluate(f"() => {{ {VISIBLE_ROWS} }}")
    return rows
