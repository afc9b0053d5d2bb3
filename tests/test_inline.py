"""The inline format on its own: what is markup, what stays literal, which links are refused."""

from __future__ import annotations

import re
import unicodedata

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from gupshup_errors.text import inline


def cell(text: str) -> BeautifulSoup:
    return BeautifulSoup(f"<td>{inline.to_html(text)}</td>", "html.parser")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"),
        ("*a* _b_ | c # d", "*a* _b_ | c # d"),
        ("Tom & Jerry &amp;", "Tom &amp; Jerry &amp;amp;"),
        ("one\n\ntwo", "one<br><br>two"),
        ("use `a<b>` here", 'use <code dir="ltr">a&lt;b&gt;</code> here'),
        ("a lone ` backtick", "a lone ` backtick"),
        ("[x] (not a link) and [y]", "[x] (not a link) and [y]"),
        ("see https://example.com", "see https://example.com"),
        (
            'read [the "guide"](https://example.com/?a=1&b=<2>)',
            'read <a href="https://example.com/?a=1&amp;b=&lt;2&gt;" dir="auto">'
            "the &#34;guide&#34;</a>",
        ),
        (
            "[mail us](mailto:team@example.com)",
            '<a href="mailto:team@example.com" dir="auto">mail us</a>',
        ),
        ("see [1002](#1002)", 'see <a href="#1002" dir="auto">1002</a>'),
        ("`[x](javascript:alert(1))`", '<code dir="ltr">[x](javascript:alert(1))</code>'),
    ],
)
def test_html(text: str, html: str) -> None:
    assert inline.to_html(text) == html
    assert inline.parse(text)[1] == []


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("use `a<b>` here", "use a<b> here"),
        ("read [the guide](https://example.com) now", "read the guide now"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("no markup *at* all", "no markup *at* all"),
    ],
)
def test_plain(text: str, plain: str) -> None:
    assert inline.to_plain(text) == plain


@pytest.mark.parametrize(
    ("text", "message", "at"),
    [
        ("[x](javascript:alert(1))", "the link goes to 'javascript:', which is not allowed", 4),
        ("[x](JavaScript:alert(1))", "the link goes to 'JavaScript:', which is not allowed", 4),
        ("a [x](data:text/html,hi)", "the link goes to 'data:', which is not allowed", 6),
        ("[x](vbscript:msgbox)", "the link goes to 'vbscript:', which is not allowed", 4),
        ("[x](//evil.example)", "the link goes to '//evil.example', which is not allowed", 4),
        ("[x](page.html)", "the link goes to 'page.html', which is not allowed", 4),
        ("[x](https://)", "'https://' is not a full address", 4),
        ("[x](mailto:nobody)", "'mailto:nobody' is not a full address", 4),
        ("[x](https://a b)", "the link address contains a blank", 4),
        ("[x]()", "the link has no address", 4),
        ("[ ](https://example.com)", "the link has no text", 4),
    ],
)
def test_refused_links(text: str, message: str, at: int) -> None:
    _, mistakes = inline.parse(text)
    assert [(mistake.message, mistake.start) for mistake in mistakes] == [(message, at)]
    assert cell(text).find("a") is None  # shown as typed if ever rendered, never as a link


@given(st.text())
def test_any_text_becomes_only_text_code_and_safe_links(text: str) -> None:
    soup = cell(text)
    td = soup.td
    assert td is not None
    for tag in td.find_all(True):
        assert tag.name in {"a", "code", "br"}
        # Code and links carry a fixed direction, which isolates them in right-to-left text.
        expected = {"a": {"href", "dir"}, "code": {"dir"}}.get(tag.name, set())
        assert set(tag.attrs) == expected
        if tag.name in expected:
            assert tag["dir"] == ("auto" if tag.name == "a" else "ltr")
        if tag.name == "a":
            assert re.fullmatch(inline.SAFE_ADDRESS, str(tag["href"]))
    # HTML parsing changes some control characters (CR, FF, NUL); the checks refuse them all.
    controls = any(unicodedata.category(char) == "Cc" for char in text.replace("\n", ""))
    if "`" not in text and "](" not in text and not controls:
        for br in td.find_all("br"):
            br.replace_with("\n")
        assert td.get_text() == text
