"""The inline formatting an entry's text may use, read into spans and written as safe HTML.

Only two forms are markup: `inline code` between single backticks, and a link written
[text](address) to an https://, http://, mailto: or #<code> address. Everything else is
literal text: HTML, Markdown syntax and a lone backtick appear exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# LINK is whatever a person types as a link; its address is checked afterwards, so that a
# mistyped or unsafe one is an error instead of silently showing as plain text. The data
# file's JSON Schema uses the same expressions.
LINK = r"\[(?P<text>[^\[\]]*)\]\((?P<address>[^)]*)\)"
SAFE_ADDRESS = r"(?:https?://[^\s()/][^\s()]*|mailto:[^\s()@]+@[^\s()]+|#[^\s()]+)"
UNSAFE_LINK = r"\[[^\[\]]*\]\((?!" + SAFE_ADDRESS + r"\))"
_SPANS = re.compile(r"`(?P<code>[^`]+)`|" + LINK)
_SAFE = re.compile(SAFE_ADDRESS)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Text:
    """Literal text."""

    text: str


@dataclass(frozen=True)
class Code:
    """Inline code: shown in a monospaced font, still literal."""

    text: str


@dataclass(frozen=True)
class Link:
    """A link with a checked, safe address."""

    text: str
    address: str

    @property
    def fragment(self) -> str | None:
        """The row or heading a '#...' link points to on the same page."""
        return self.address[1:] if self.address.startswith("#") else None


Span = Text | Code | Link


@dataclass(frozen=True)
class Mistake:
    """A link that cannot be used, with its place in the text (character offsets)."""

    start: int
    message: str
    hint: str


def _address_mistake(address: str) -> tuple[str, str] | None:
    """Why a link address is refused, and how to fix it; None when it is safe."""
    if _SAFE.fullmatch(address):
        return None
    if not address.strip():
        return "the link has no address", "write the address between ( and ), e.g. (https://…)"
    scheme = _SCHEME.match(address)
    if not address.startswith("#") and (
        scheme is None or scheme.group().lower() not in ("https:", "http:", "mailto:")
    ):
        shown = scheme.group() if scheme else address
        return (
            f"the link goes to '{shown}', which is not allowed",
            "links may go to https://, http://, mailto: or #<code> addresses only",
        )
    if any(char.isspace() for char in address):
        return "the link address contains a blank", "remove it, or write %20 for a space"
    if "(" in address:
        return "the link address contains '('", "write %28 for '(' and %29 for ')'"
    return (
        f"'{address}' is not a full address",
        "write a web address as https://host/path, an e-mail one as mailto:name@host",
    )


def is_plain(text: str) -> bool:
    """Whether `text` cannot hold markup, as most texts do not (cheaper than searching it)."""
    return "`" not in text and "[" not in text


def parse(text: str) -> tuple[list[Span], list[Mistake]]:
    """The spans of `text`, and every link in it that cannot be used."""
    if is_plain(text):
        return ([Text(text)] if text else []), []
    spans: list[Span] = []
    mistakes: list[Mistake] = []
    position = 0
    for match in _SPANS.finditer(text):
        if match.start() > position:
            spans.append(Text(text[position : match.start()]))
        position = match.end()
        if match.group("code") is not None:
            spans.append(Code(match.group("code")))
            continue
        label, address = match.group("text"), match.group("address")
        problem = _address_mistake(address)
        if problem is None and not label.strip():
            problem = ("the link has no text", "write the words to click between [ and ]")
        if problem is None:
            spans.append(Link(label, address))
        else:
            mistakes.append(Mistake(match.start("address"), *problem))
            spans.append(Text(match.group()))  # shown as typed, never as a link
    if position < len(text):
        spans.append(Text(text[position:]))
    return spans, mistakes


def _literal(text: str) -> str:
    # A line break stays a line break without ever putting a raw newline into the page's
    # Markdown, where a blank line would end the HTML table and start Markdown again.
    return str(escape(text)).replace("\n", "<br>")


def to_html(text: str, fragment_base: str = "") -> Markup:
    """`text` as HTML: literal except for its inline code and safe links. A link to a row
    (#1002) gets `fragment_base` before it, for pages other than the table's.

    Both are isolated from the text around them (a `dir` attribute isolates), so that in a
    right-to-left text code stays left to right and a link keeps the direction of its own
    words: neither is reordered with, nor reorders, its neighbours.
    """
    parts = []
    for span in parse(text)[0]:
        if isinstance(span, Code):
            parts.append(f'<code dir="ltr">{_literal(span.text)}</code>')
        elif isinstance(span, Link):
            address = f"{fragment_base}{span.address}" if span.fragment else span.address
            parts.append(f'<a href="{escape(address)}" dir="auto">{_literal(span.text)}</a>')
        else:
            parts.append(_literal(span.text))
    return Markup("".join(parts))


def to_html_unlinked(text: str) -> Markup:
    """`text` as HTML to put inside a link: its inline code stays, its own links become text
    (a link inside a link is not HTML)."""
    parts = []
    for span in parse(text)[0]:
        if isinstance(span, Code):
            parts.append(f'<code dir="ltr">{_literal(span.text)}</code>')
        else:
            parts.append(_literal(span.text))
    return Markup("".join(parts))


def to_plain(text: str) -> str:
    """`text` as a reader sees it, without the markup: for search results and snippets."""
    return "".join(span.text for span in parse(text)[0])
