"""The text reader's pattern of invisible characters is the one Unicode's categories give."""

from __future__ import annotations

import sys
import unicodedata

from gupshup_errors.data.readers import INVISIBLE


def test_the_invisible_pattern_is_every_control_and_separator_but_the_line_break() -> None:
    by_category = {
        chr(point)
        for point in range(sys.maxunicode + 1)
        if unicodedata.category(chr(point)) in ("Cc", "Zl", "Zp")
    } - {"\n"}
    by_pattern = {chr(point) for point in range(sys.maxunicode + 1) if INVISIBLE.match(chr(point))}
    assert by_pattern == by_category
