"""Text written into CommonMark so that it reads back exactly as written: data is data.

A text of the data file may hold only two kinds of markup (text/inline.py): `inline code` and
[links](https://...). Everything else in it (`*stars*`, `<script>`, `# `, `1. ` at the start
of a line) must stay literal in a Markdown twin, as it does on the HTML page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...text import inline

# Every character that can start or end markup inside a line. CommonMark lets any ASCII
# punctuation be escaped with a backslash; these are the ones that can mean something.
_INLINE = re.compile(r"([\\`*_\[\]<>&!|~])")
# What makes a line a block of its own when it starts one: a heading, a quote, a list item,
# a setext underline or thematic break; an ordered list item's number (its dot escaped).
_BLOCK_MARK = re.compile(r"^([#>+\-=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# What a text must hold for `literal` to change it: most texts hold none of it.
_ANY_SPECIAL = re.compile(r"[\\`*_\[\]<>&!|~\n]")
_SPECIAL_START = re.compile(r"[ \t#>+\-=]|\d{1,9}[.)]")
_TRAILING_BLANKS = re.compile(r"(\n[ \t]*)+$")
_DESTINATION = re.compile(r"([\\<>()\s])")


def literal(text: str, *, line_start: bool = True, whole: bool = True) -> str:
    """`text` as Markdown that shows `text` as written, its lines joined by hard breaks (a
    blank line would end the paragraph). `line_start`: the text starts a line of the output;
    `whole`: nothing follows it in its paragraph.

    Blanks at the start of a line are dropped, as HTML shows none there either, and so are
    blank lines at the end of a whole text (a break there would show as a backslash)."""
    if not _ANY_SPECIAL.search(text) and not (line_start and _SPECIAL_START.match(text)):
        return text
    lines = (_TRAILING_BLANKS.sub("", text) if whole else text).split("\n")
    escaped = [_line(line, start=line_start or at > 0) for at, line in enumerate(lines)]
    return "\\\n".join(escaped)


def _line(line: str, *, start: bool) -> str:
    escaped = _INLINE.sub(r"\\\1", line)
    if not start:
        return escaped
    escaped = escaped.lstrip(" \t")
    escaped = _BLOCK_MARK.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)


def code_span(text: str) -> str:
    """`text` as an inline code span, whatever backticks it holds."""
    if "`" not in text and "\n" not in text and text.strip() == text and text:
        return f"`{text}`"
    runs = {len(run) for run in re.findall(r"`+", text)}
    fence = "`" * next(size for size in range(1, len(runs) + 2) if size not in runs)
    # A space inside each end keeps a backtick there apart from the fence (it is stripped).
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text.replace(chr(10), ' ')}{pad}{fence}"


def destination(address: str) -> str:
    """A link's address as a Markdown destination."""
    if not _DESTINATION.search(address):
        return address
    return _DESTINATION.sub(lambda found: f"%{ord(found.group(1)):02X}", address)


def link(text: str, address: str) -> str:
    """A link whose words are literal text."""
    return f"[{literal(' '.join(text.split()), line_start=False)}]({destination(address)})"


def formatted(text: str, fragment_link: Callable[[str], str]) -> str:
    """A text of the data file as Markdown: literal but for its inline code and links; a link
    to a row (#1002) goes where `fragment_link` says (an absolute address)."""
    if inline.is_plain(text):
        return literal(text)
    parts = []
    spans = _joined(inline.parse(_TRAILING_BLANKS.sub("", text))[0])
    for span in spans:
        if isinstance(span, inline.Code):
            parts.append(code_span(span.text))
        elif isinstance(span, inline.Link):
            fragment = span.fragment
            address = fragment_link(fragment) if fragment is not None else span.address
            parts.append(link(span.text, address))
        else:
            parts.append(literal(span.text, line_start=not parts, whole=span is spans[-1]))
    return "".join(parts)


def _joined(spans: list[inline.Span]) -> list[inline.Span]:
    """Code next to code as one span: their backticks would run together into one fence."""
    joined: list[inline.Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if isinstance(span, inline.Code) and isinstance(last, inline.Code):
            joined[-1] = inline.Code(last.text + span.text)
        else:
            joined.append(span)
    return joined


def one_line(text: str) -> str:
    """A text as a reader sees it (markup dropped), on one line, as literal Markdown: for the
    descriptions of llms.txt."""
    return literal(" ".join(inline.to_plain(text).split()))
