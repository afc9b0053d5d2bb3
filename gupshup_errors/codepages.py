"""A page of its own for every code and language (/<lang>/<code>/), written from one shell.

MkDocs and Material render one page per language, the shell: a page at the depth of a code's
page whose code-specific parts are slots. Each code's page is the shell with its slots filled,
so that 10,000 codes cost string joins, not 10,000 page renders. Pure: text in, text out.

The shell's head is Material's; what it rewrites there is fenced in fences/material.py, and
`shell()` fails loudly when a part is not where it was.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from . import i18n, inline, urls
from .fences import material
from .model import ErrorCode, ErrorTable
from .render import Alternate, localized

# The shell's folder, and so the path slot in its addresses: at a code page's depth, so that
# Material's relative links (../assets/...) are right for every code page.
PATH_SLOT = "gupshup-errors-code-slot"
SHELL_URI = f"{PATH_SLOT}/index.md"
_TITLE_SLOT = "GupshupErrorsTitleSlot"
_DESCRIPTION_SLOT = "GupshupErrorsDescriptionSlot"
_BODY_SLOT = "<!-- gupshup-errors: the code's page -->"
_SLOTS = re.compile(f"({PATH_SLOT}|{_TITLE_SLOT}|{_DESCRIPTION_SLOT}|{re.escape(_BODY_SLOT)})")
# One body per code comes out of one template render, each ended by this line.
_END = "<!-- gupshup-errors: end of a code's page -->\n"


class ShellError(ValueError):
    """The rendered shell is not what the code pages can be written from."""


def shell_markdown(site_url: str | None, languages: Sequence[str]) -> str:
    """The shell page's Markdown: its title and description are slots, its body one slot."""
    meta = {
        "title": _TITLE_SLOT,
        "description": _DESCRIPTION_SLOT,
        # The code pages add no search results: a search for a code opens its row.
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
        # Read by theme/main.html and theme/partials/alternate.html.
        "x_default": urls.code_page_url(site_url, languages[0], PATH_SLOT),
        "alternate_suffix": f"{PATH_SLOT}/",
    }
    return f"---\n{json.dumps(meta)}\n---\n\n{_BODY_SLOT}\n"


@dataclass(frozen=True)
class Shell:
    """The rendered shell split at its slots: text, slot, text, slot, ..., text."""

    parts: tuple[str, ...]

    def fill(self, values: dict[str, str]) -> str:
        return "".join(values[part] if index % 2 else part for index, part in enumerate(self.parts))


def shell(output: str, alternates: Sequence[Alternate]) -> Shell:
    """The shell page as Material rendered it, its hreflang links pointed at the code's page."""
    for alt in alternates:
        # Material writes the alternates of config.extra (the language roots) into the head.
        link = material.alternate_link(alt.url, alt.language)
        if output.count(link) != 1:
            raise ShellError(f"Material's head no longer has {link!r} once")
        output = output.replace(
            link, material.alternate_link(f"{alt.url}{PATH_SLOT}/", alt.language)
        )
    if output.count(_BODY_SLOT) != 1 or _TITLE_SLOT not in output:
        raise ShellError("the code page's shell lost its title or body slot")
    return Shell(tuple(_SLOTS.split(_compact(output))))


def _compact(page: str) -> str:
    """The page without blank lines and indentation (Material's templates leave plenty, and
    every code's page repeats them); kept as is if it holds text where blanks matter."""
    if "<pre" in page or "<textarea" in page:
        return page
    return re.sub(r"\n\s+", "\n", page)


@dataclass(frozen=True)
class CodePage:
    """One code's page in one language."""

    anchor: str
    html: str


def _neighbours(
    codes: Sequence[ErrorCode],
) -> Iterator[tuple[ErrorCode, ErrorCode | None, ErrorCode | None]]:
    for index, row in enumerate(codes):
        previous = codes[index - 1] if index else None
        following = codes[index + 1] if index + 1 < len(codes) else None
        yield row, previous, following


def _bodies(table: ErrorTable, language: str) -> list[str]:
    """Every code's body in `language`, from one render of the template."""
    env = localized(language)
    env.filters["inline_here"] = lambda text: inline.to_html(text, fragment_base="../")
    text = env.get_template("code-pages.html.j2").render(
        pages=[
            (row, row.texts[language], previous, following)
            for row, previous, following in _neighbours(table.codes)
        ],
        language=language,
        end=Markup(_END),
    )
    bodies = text.split(_END)
    if len(bodies) != len(table.codes) + 1:
        raise ShellError("a code's text holds the marker that separates the code pages")
    return bodies[:-1]


def _plain(text: str) -> str:
    return html.escape(" ".join(inline.to_plain(text).split()))


def pages(shell: Shell, table: ErrorTable, language: str) -> Iterator[CodePage]:
    """Every code's page in `language`, in the table's order."""
    # The page's title (and h1, og:title) before the site's name: the code and its name.
    heading = html.escape(i18n.translations(language).gettext("Error %(code)s: %(name)s"))
    for row, body in zip(table.codes, _bodies(table, language), strict=True):
        texts = row.texts[language]
        title = heading.replace("%(code)s", row.anchor).replace("%(name)s", _plain(texts.name))
        values = {
            PATH_SLOT: row.anchor,
            _TITLE_SLOT: title,
            _DESCRIPTION_SLOT: _plain(texts.action),
            _BODY_SLOT: body,
        }
        yield CodePage(row.anchor, shell.fill(values))


_SITEMAP_ENTRY = re.compile(r"\s*<url>\s*<loc>[^<]*</loc>.*?</url>", re.S)


def sitemap(xml: str, table: ErrorTable, site_url: str | None, language: str) -> str:
    """MkDocs' sitemap for one language, the shell's entry replaced by every code's page."""
    shell_url = html.escape(urls.code_page_url(site_url, language, PATH_SLOT))
    entries = _SITEMAP_ENTRY.findall(xml)
    shells = [entry for entry in entries if f"<loc>{shell_url}</loc>" in entry]
    if len(shells) != 1:
        raise ShellError(f"the sitemap has no single entry for the shell {shell_url}")
    found = re.search(r"<lastmod>[^<]*</lastmod>", shells[0])
    lastmod = found.group() if found else ""
    page_urls = (urls.code_page_url(site_url, language, row.anchor) for row in table.codes)
    codes = "".join(
        f"\n    <url>\n         <loc>{html.escape(url)}</loc>\n         {lastmod}\n    </url>"
        for url in page_urls
    )
    start = xml.index(">", xml.index("<urlset")) + 1
    kept = "".join(entry for entry in entries if entry is not shells[0])
    return f"{xml[:start]}{kept}{codes}\n</urlset>\n"
