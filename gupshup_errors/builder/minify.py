"""The site's own stylesheet and script, minified as the build writes them.

The sources in docs/ stay readable in git; readers download what rcssmin and rjsmin (both
maintained, pinned in pyproject.toml) leave of them: no comments, no indentation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin
from markupsafe import Markup

_MINIFIERS: dict[str, Callable[[str], str]] = {
    ".css": rcssmin.cssmin,
    ".js": rjsmin.jsmin,
}


def minified(name: str, text: str) -> str:
    """`text` minified for the file `name`'s kind; other kinds unchanged."""
    minify = _MINIFIERS.get(Path(name).suffix)
    return text if minify is None else minify(text)


def is_minifiable(name: str) -> bool:
    """A stylesheet or script that is not minified already."""
    return Path(name).suffix in _MINIFIERS and ".min." not in Path(name).name


def minify_file(path: Path) -> None:
    """Minify the built file at `path` in place."""
    path.write_text(minified(path.name, path.read_text("utf-8")), encoding="utf-8")


_INLINE_SCRIPT = re.compile(r"(<script>)(.*?)(</script>)", re.S)


def inline_scripts(html: str) -> Markup:
    """Our own template's HTML with each inline `<script>` minified: it is in every page,
    20,000 code pages at 10,000 codes (a Jinja filter of the theme, builder/plugin.py)."""
    return Markup(
        _INLINE_SCRIPT.sub(lambda found: f"{found[1]}{rjsmin.jsmin(found[2])}{found[3]}", html)
    )
