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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..data.model import Dates, ErrorCode, ErrorTable, Status, translated_fields
from ..fences import material
from ..render.forge import Forge
from ..render.pages import Alternate, localized, time_html
from ..text import i18n, inline, urls
from .pagefiles import CodePage

# The shell's folder, and so the path slot in its addresses: at a code page's depth, so that
# Material's relative links (../assets/...) are right for every code page.
PATH_SLOT = "gupshup-errors-code-slot"
SHELL_URI = f"{PATH_SLOT}/index.md"
_BODY_SLOT = "<!-- gupshup-errors: the code's page -->"


def _slot(name: str) -> Markup:
    """A placeholder that no escaping changes and no text of the data holds."""
    return Markup(f"GupshupErrors{name}Slot")


_TITLE, _DESCRIPTION = _slot("Title"), _slot("Description")
_CODE, _NAME, _MESSAGE = _slot("Code"), _slot("Name"), _slot("Message")
# One slot per translated field: the template chooses which it shows, and where.
_FIELDS = {item.name: _slot(f"Field_{item.name}") for item in translated_fields()}
_OUTDATED, _DATES = _slot("Outdated"), _slot("Dates")
_RETIRED, _PREVIOUS, _NEXT, _TEXT = (
    _slot("Retired"),
    _slot("Previous"),
    _slot("Next"),
    _slot("Text"),
)
SOURCE_SLOT = _slot("Source")
"""Material's edit button on a code's page: the code's entry in the data file, at its line."""
_SLOTS = re.compile(f"({PATH_SLOT}|GupshupErrors[A-Z][A-Za-z_]*?Slot)")


class ShellError(ValueError):
    """The rendered shell is not what the code pages can be written from."""


def shell_markdown(site_url: str | None, languages: Sequence[str]) -> str:
    """The shell page's Markdown: its title and description are slots, its body one slot."""
    meta = {
        "title": _TITLE,
        "description": _DESCRIPTION,
        # The code pages add no search results: a search for a code opens its row.
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
        # Read by theme/main.html and theme/partials/alternate.html.
        "x_default": urls.code_page_url(site_url, languages[0], PATH_SLOT),
        "alternate_suffix": f"{PATH_SLOT}/",
    }
    return f"---\n{json.dumps(meta)}\n---\n\n{_BODY_SLOT}\n"


@dataclass(frozen=True)
class _Parts:
    """Text split at its slots, kept as UTF-8: the texts around the slots, and the slots.

    Bytes, because joining them copies them, while joining text that mixes Latin and Cyrillic
    first widens every character of the page, and then the page is encoded anyway: that was
    most of the time taken to make 20,000 pages."""

    texts: tuple[bytes, ...]
    slots: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> _Parts:
        split = _SLOTS.split(text)
        return cls(tuple(part.encode("utf-8") for part in split[0::2]), tuple(split[1::2]))

    def fill(self, values: Mapping[str, bytes]) -> bytes:
        filled = [self.texts[0]]
        for slot, text in zip(self.slots, self.texts[1:], strict=True):
            filled += (values[slot], text)
        return b"".join(filled)


@dataclass(frozen=True)
class Shell:
    """Material's page for one language with the code page's body in it, split at its slots."""

    page: str


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
    if output.count(_BODY_SLOT) != 1 or _TITLE not in output:
        raise ShellError("the code page's shell lost its title or body slot")
    return Shell(_compact(output))


def _compact(page: str) -> str:
    """The page without blank lines and indentation (Material's templates leave plenty, and
    every code's page repeats them); kept as is if it holds text where blanks matter."""
    if "<pre" in page or "<textarea" in page:
        return page
    return re.sub(r"\n\s+", "\n", page)


def clashes(dest_uris: Sequence[str], table: ErrorTable) -> dict[str, str]:
    """The site's files that stand where a code's page goes, each with its code."""
    anchors = {row.anchor for row in table.codes}
    return {uri: uri.split("/", 1)[0] for uri in dest_uris if uri.split("/", 1)[0] in anchors}


@dataclass(frozen=True)
class _Pieces:
    """The page and its optional parts in one language, rendered once, split at their slots."""

    page: _Parts
    message: _Parts
    retired: bytes
    outdated: _Parts
    previous: _Parts
    next: _Parts
    added: _Parts
    changed: _Parts

    @classmethod
    def of(cls, shell: Shell, language: str, catalogs: i18n.Catalogs, source: str) -> _Pieces:
        original = {
            "language": source,
            "name": i18n.language_name_in(source, language) if source else "",
        }
        template = localized(language, catalogs).get_template("code-page.html.j2")
        module = template.make_module({"original": original})

        def render(macro: str, *slots: Markup | Mapping[str, Markup]) -> str:
            return str(getattr(module, macro)(*slots))

        body = render(
            "body", _CODE, _FIELDS, _MESSAGE, _OUTDATED, _RETIRED, _PREVIOUS, _NEXT, _DATES
        )
        return cls(
            page=_Parts.of(shell.page.replace(_BODY_SLOT, body, 1)),
            message=_Parts.of(render("message", _TEXT)),
            retired=render("retired").encode("utf-8"),
            outdated=_Parts.of(render("outdated", _CODE)),
            previous=_Parts.of(render("previous", _CODE, _NAME)),
            next=_Parts.of(render("next", _CODE, _NAME)),
            added=_Parts.of(render("added", _TEXT)),
            changed=_Parts.of(render("changed", _TEXT)),
        )


@dataclass(frozen=True)
class _Texts:
    """One code's texts in one language, each prepared once for every page that shows it."""

    anchor: bytes
    title: bytes
    description: bytes
    fields: dict[str, bytes]
    """Each translated field's HTML, by its slot."""
    name_in_link: bytes
    message: bytes


def _prepared(row: ErrorCode, language: str, heading: str, pieces: _Pieces) -> _Texts:
    texts = row.texts[language]
    anchor = row.anchor.encode("utf-8")
    message = html.escape(row.message).encode("utf-8") if row.message else b""
    return _Texts(
        anchor=anchor,
        title=_utf8(
            heading.replace("%(code)s", row.anchor).replace("%(name)s", _plain(texts.name))
        ),
        description=_utf8(_plain(texts.action)),
        fields={slot: _linked(getattr(texts, name)) for name, slot in _FIELDS.items()},
        name_in_link=_utf8(inline.to_html_unlinked(texts.name)),
        message=pieces.message.fill({_TEXT: message}) if message else b"",
    )


def _linked(text: str | None) -> bytes:
    """A text as HTML; a link to a row (#1002) leads to that row in the table, one folder up."""
    return _utf8(inline.to_html(text, fragment_base="../")) if text else b""


def _utf8(text: str) -> bytes:
    return str(text).encode("utf-8")


def _plain(text: str) -> str:
    return html.escape(" ".join(inline.to_plain(text).split()))


def pages(
    shell: Shell,
    table: ErrorTable,
    language: str,
    catalogs: i18n.Catalogs = i18n.PACKAGE,
    status: Status | None = None,
    indexes: Iterable[int] | None = None,
    forge: Forge | None = None,
) -> Iterator[CodePage]:
    """Every code's page in `language`, in the table's order (only those of the rows at
    `indexes`, when given); a page whose texts may be out of date carries a note that links to
    the code's page in the source language."""
    status = status or Status()
    pieces = _Pieces.of(shell, language, catalogs, status.source)
    # The page's title (and h1, og:title) before the site's name: the code and its name.
    heading = html.escape(i18n.translations(language, catalogs).gettext("Error %(code)s: %(name)s"))
    rows = table.codes
    if indexes is None:
        texts: Sequence[_Texts | None] = [_prepared(row, language, heading, pieces) for row in rows]
        chosen: Iterable[int] = range(len(rows))
    else:
        chosen = sorted(set(indexes))
        wanted = {at + step for at in chosen for step in (-1, 0, 1)}  # and its neighbours
        texts = [
            _prepared(row, language, heading, pieces) if at in wanted else None
            for at, row in enumerate(rows)
        ]
    for index in chosen:
        row, own = rows[index], texts[index]
        assert own is not None
        values: dict[str, bytes] = {
            PATH_SLOT: own.anchor,
            _TITLE: own.title,
            _DESCRIPTION: own.description,
            _CODE: own.anchor,
            **own.fields,
            _MESSAGE: own.message,
            _OUTDATED: (
                pieces.outdated.fill({_CODE: own.anchor}) if status.row(row.code, language) else b""
            ),
            _RETIRED: pieces.retired if row.retired else b"",
            _PREVIOUS: _neighbour(pieces.previous, texts, index - 1),
            _NEXT: _neighbour(pieces.next, texts, index + 1),
            _DATES: _dates(pieces, status.dates.get(row.code), language),
            SOURCE_SLOT: _utf8(html.escape(forge.code(row.code))) if forge else b"",
        }
        yield CodePage(row.anchor, pieces.page.fill(values))


def _dates(pieces: _Pieces, dates: Dates | None, language: str) -> bytes:
    """The code's added and changed dates, as far as the record of changes knows them."""
    if dates is None:
        return b""
    shown = b""
    for parts, day in ((pieces.added, dates.added), (pieces.changed, dates.changed)):
        if day is not None:
            shown += parts.fill({_TEXT: _utf8(time_html(day, language))})
    return shown


def _neighbour(link: _Parts, texts: Sequence[_Texts | None], at: int) -> bytes:
    if not 0 <= at < len(texts):
        return b""
    other = texts[at]
    assert other is not None
    return link.fill({_CODE: other.anchor, _NAME: other.name_in_link})


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
