"""Guide pages: 50 pages in Russian with their English translations, built by us (with the
real table) and by mkdocs-static-i18n (the pages alone, suffix convention), interleaved."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import LANGUAGES, make_project

from . import builds, data

PAGES = 50

# One page in each language, numbered: headings, paragraphs, a list, a code block, a table
# and links to codes, as a guide page has them.
_PAGE = {
    "ru": """# Раздел {n}: как читать ответ

Если сообщение не доставлено, ответ содержит код ошибки. Найдите код в таблице: строка
объясняет, что он значит и что делать дальше. Страница {n} описывает один из шагов.

## Что проверить сначала {{#first-{n}}}

- Откройте строку кода [1002](../index.md#1002) и прочитайте, что делать.
- Сравните текст ошибки из ответа и текст строки.
- Если код не найден, проверьте, не опечатка ли это.

## Пример {{#example-{n}}}

```json
{{"code": 1002, "page": {n}}}
```

| Шаг | Что сделать |
| --- | --- |
| 1 | Найти код |
| 2 | Прочитать строку |
""",
    "en": """# Section {n}: how to read a response

When a message is not delivered, the response holds an error code. Find the code in the
table: its row says what it means and what to do next. Page {n} describes one of the steps.

## What to check first {{#first-{n}}}

- Open the row of code [1002](../index.md#1002) and read what to do.
- Compare the error text of the response with the API's message in the row.
- If the code is not found, check it for a typo.

## An example {{#example-{n}}}

```json
{{"code": 1002, "page": {n}}}
```

| Step | What to do |
| --- | --- |
| 1 | Find the code |
| 2 | Read the row |
""",
}


def _pages(languages: list[str]) -> dict[str, str]:
    """docs/guide/page-N.md in the first language, and docs/guide/page-N.<lang>.md."""
    source, *translations = languages
    files = {}
    for n in range(1, PAGES + 1):
        files[f"docs/guide/page-{n}.md"] = _PAGE[source].format(n=n)
        for language in translations:
            files[f"docs/guide/page-{n}.{language}.md"] = _PAGE[language].format(n=n)
    return files


def ours(root: Path) -> tuple[Path, Path]:
    """Our project with the real table, without pages and with the 50 pages."""
    return make_project(root / "table"), make_project(root / "pages", files=_pages(LANGUAGES))


def theirs(root: Path) -> Path:
    """The same pages (and a plain index page) as one mkdocs-static-i18n site."""
    for name, text in _pages(LANGUAGES).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for language in LANGUAGES:
        suffix = "" if language == LANGUAGES[0] else f".{language}"
        (root / "docs" / f"index{suffix}.md").write_text("# 1002\n", "utf-8")
    return data.static_i18n(root, "Pages")


@dataclass
class PageBuilds:
    """Our build without and with the pages, and the peer's build of the pages alone."""

    table: list[float] = field(default_factory=list)
    pages: list[float] = field(default_factory=list)
    peer: list[float] = field(default_factory=list)

    def line(self) -> str:
        table, pages, peer = (statistics.median(x) for x in (self.table, self.pages, self.peer))
        return (
            f"{PAGES} pages in {len(LANGUAGES)} languages, medians of {len(self.peer)}: "
            f"our table alone {table:.2f} s, with the pages {pages:.2f} s "
            f"(the pages cost {pages - table:+.2f} s); mkdocs-static-i18n, the pages alone "
            f"{peer:.2f} s; ratio ours with the table / peer {pages / peer:.2f}, "
            f"the pages' own cost / peer {(pages - table) / peer:.2f}"
        )


def measure(temp: Path, runs: int) -> PageBuilds:
    """`runs` builds of each, alternating, as a maintainer runs them (each into the same
    folder, with no wait for a quiet disk: neither side makes many folders here)."""
    table, pages = ours(temp / "ours")
    config = theirs(temp / "theirs")
    result = PageBuilds()
    for _ in range(runs):
        result.table.append(builds.generator(table, table / "site").seconds)
        result.pages.append(builds.generator(pages, pages / "site").seconds)
        result.peer.append(builds.baseline([config]).seconds)
    return result
