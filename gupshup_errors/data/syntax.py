"""Text -> composed YAML tree, plain and safe, or located and explained syntax problems.

Nothing is constructed here: the tree is composed only, and tags, anchors and aliases are
refused before that, so no YAML feature can build objects, run code or repeat a text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

import yaml

from .model import CODE
from .problems import Problem, lines, position

# libyaml's parser when PyYAML has it: the same nodes and marks, many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENTRY = re.compile(r"-\s+code:\s*(" + CODE + r")\s*$")
_KEY = re.compile(r"\s*(?:-\s+)?([\w-]+)\s*:")
# Characters YAML reads as layout that editors do not show as such.
_NEW_LINE = "delete it; YAML reads it as a new line"
_LAYOUT = {
    "\t": ("a tab character", "YAML indents with spaces only; replace the tab with spaces"),
    "\u2028": ("an invisible line separator (U+2028)", _NEW_LINE),
    "\u2029": ("an invisible paragraph separator (U+2029)", _NEW_LINE),
    "\x85": ("an invisible next-line character (U+0085)", _NEW_LINE),
}
_GENERIC_HINT = (
    "check the indentation and the colons here and on the line above; "
    "put a text in double quotes if it holds ': ' or starts with a symbol"
)
_QUOTE_HINT = "put the whole text in double quotes"
# libyaml's own words -> what went wrong, in the words of someone editing the file.
_EXPLAINED: dict[str, tuple[str, str]] = {
    "mapping values are not allowed in this context": (
        "a ': ' inside a text that is not in quotes",
        'put the whole text in double quotes, e.g. action: "Sending failed: …"',
    ),
    "did not find expected key": (
        "this line is not lined up with the lines above it",
        "indent it with exactly as many spaces as the field above it",
    ),
    "could not find expected ':'": (
        "a line without 'field: value' (or a text that goes on over several lines)",
        "write 'field: value' on one line; indent a text's next lines more than its field",
    ),
    "found character that cannot start any token": (
        "a text that starts with {symbol} must be in quotes",
        _QUOTE_HINT,
    ),
    "did not find expected alphabetic or numeric character": (
        "a text that starts with '*' or '&' must be in quotes",
        _QUOTE_HINT,
    ),
    "did not find expected ',' or ']'": (
        "a text that starts with '[' must be in quotes",
        _QUOTE_HINT,
    ),
    "did not find expected ',' or '}'": (
        "a text that starts with '{' must be in quotes",
        _QUOTE_HINT,
    ),
}


def context(
    source: Sequence[str], line: int, languages: Collection[str], fields: Collection[str]
) -> tuple[int | None, str | None, str | None]:
    """Best guess at the code, field and language of a line the parser could not read."""
    code = language = field = None
    if not 0 < line <= len(source):
        return code, field, language
    here = _KEY.match(source[line - 1])
    if here and here.group(1) in fields:
        field = here.group(1)
    indent = len(source[line - 1]) - len(source[line - 1].lstrip())
    for text in reversed(source[: line - 1]):
        stripped = text.lstrip()
        depth = len(text) - len(stripped)
        name = stripped.rstrip(": ")
        if language is None and depth < indent and name in languages:
            language = name
        found = _ENTRY.match(stripped)
        if found:
            code = int(found.group(1))
            break
        if depth == 0 and stripped:
            break
    return code, field, language


# A tag, anchor or alias starts a token, which libyaml never starts inside a word, nor on a
# line that starts with '#' (a comment, or a line inside a text). A text with no '!', '&' or
# '*' elsewhere has none of them and skips the token scan (a fifth of the load of 10,000
# codes); tests/test_fuzz.py checks the shortcut against the scanner.
_COMMENT_LINE = re.compile("^[ \t]*#[^\n\r\x85\u2028\u2029]*", re.M)
_OUTSIDE_A_WORD = re.compile(r"(?<!\w)[!&*]")


def may_hold_node_properties(text: str) -> bool:
    """False only for a text that cannot hold a tag, an anchor or an alias."""
    return _OUTSIDE_A_WORD.search(_COMMENT_LINE.sub("", text)) is not None


def _tokens(text: str) -> Iterator[tuple[yaml.Token, str, str]]:
    """YAML features that turn a text into something else: tags, anchors and aliases."""
    if not may_hold_node_properties(text):
        return
    for token in yaml.scan(text, Loader=_LOADER):
        if isinstance(token, yaml.TagToken):
            handle, suffix = token.value
            yield (
                token,
                f"the YAML tag '{handle or ''}{suffix}' is not allowed",
                "the file holds plain text, numbers and lists: remove the tag, or put the "
                "text in double quotes if it starts with '!'",
            )
        elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
            sign, kind = ("&", "anchor") if isinstance(token, yaml.AnchorToken) else ("*", "alias")
            yield (
                token,
                f"'{sign}{token.value}' is a YAML {kind}, which is not allowed",
                f"write every text out in full; put a text that starts with '{sign}' "
                "in double quotes",
            )


def _explain(
    error: yaml.MarkedYAMLError, source: Sequence[str]
) -> tuple[yaml.Mark | None, str, str]:
    """Where a parse error is, what it means and how to fix it; libyaml's words kept."""
    said = error.problem or error.context or "unreadable"
    if "end of stream" in said and error.context == "while scanning a quoted scalar":
        return error.context_mark, "this quote is never closed", "add the closing quote"
    mark = error.problem_mark or error.context_mark
    if error.context in ("while scanning an alias", "while scanning an anchor"):
        mark = error.context_mark  # where the text starts, not where the name stopped
    if said in _EXPLAINED:
        message, hint = _EXPLAINED[said]
        line = source[mark.line] if mark and mark.line < len(source) else ""
        symbol = line[mark.column : mark.column + 1] if mark else ""
        message = message.replace("{symbol}", f"'{symbol}'" if symbol.strip() else "a symbol")
        return mark, f"{message} (YAML: {said})", hint
    if said.startswith("expected <block end>"):
        message, hint = _EXPLAINED["did not find expected key"]
        return mark, f"{message} (YAML: {said})", hint
    extra = f" ({error.context})" if error.context and error.problem else ""
    return mark, f"this is not valid YAML: {said}{extra}", _GENERIC_HINT


def compose(
    text: str, file: str, languages: Collection[str], fields: Collection[str]
) -> tuple[yaml.Node | None, list[Problem]]:
    """The composed tree of `text`, or the problems that keep it from being safe YAML."""
    source = lines(text)

    def problem(line: int, column: int, message: str, hint: str) -> Problem:
        if line > len(source):  # libyaml's end of stream can be one line past the text
            line, column = len(source), len(source[-1]) + 1
        code, field, language = context(source, line, languages, fields)
        return Problem(file, line, column, message, code, field, language, hint)

    layout = [
        problem(number, line.index(char) + 1, f"{what} is here", hint)
        for number, line in enumerate(source, start=1)
        for char, (what, hint) in _LAYOUT.items()
        if char in line
    ]
    if layout:
        return None, sorted(layout, key=lambda p: (p.line, p.column))
    try:
        found = [
            problem(token.start_mark.line + 1, token.start_mark.column + 1, message, hint)
            for token, message, hint in _tokens(text)
        ]
        return (None, found) if found else (yaml.compose(text, Loader=_LOADER), [])
    except yaml.MarkedYAMLError as error:
        mark, message, hint = _explain(error, source)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [problem(line, column, message, hint)]
    except yaml.reader.ReaderError as error:
        line, column = position(text, error.position)
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        return None, [
            problem(
                line,
                column,
                f"the invisible character {character} is here, which YAML does not allow",
                "delete it (it often comes with copy and paste)",
            )
        ]
    except yaml.YAMLError as error:
        return None, [problem(1, 1, f"this is not valid YAML: {error}", _GENERIC_HINT)]


def read_file(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), 1, 1, "the file does not exist")]
    except OSError as error:
        return None, [Problem(str(path), 1, 1, f"the file cannot be read: {error.strerror}")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", "replace")
        line, column = position(before, len(before))
        return None, [
            Problem(
                str(path),
                line,
                column,
                f"byte 0x{raw[error.start]:02X} here is not UTF-8 text",
                hint="save the file as UTF-8 (editors offer it under 'encoding')",
                excerpt=lines(raw.decode("utf-8", "replace"))[line - 1],
            )
        ]
