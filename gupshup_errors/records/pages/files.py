"""Reading every page under docs/ (tree.py says which file is a page, which a translation)."""

from __future__ import annotations

from pathlib import Path

from ...data.problems import Problem
from ...text.paths import shown
from .tree import SUFFIX


def read_docs(docs_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """Every Markdown file under the docs folder, nested folders included, by its path
    relative to it ('/'-separated); a file that cannot be read is a problem instead."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob(f"*{SUFFIX}")):
        if not path.is_file():
            continue
        name = path.relative_to(docs_dir).as_posix()
        try:
            texts[name] = path.read_text("utf-8")
        except UnicodeDecodeError as error:
            said = f"byte {error.start} of the page is not UTF-8 text"
            problems.append(Problem(str(shown(path)), 1, 1, said, hint="save it as UTF-8"))
        except OSError as error:
            said = f"the page cannot be read: {error.strerror}"
            problems.append(Problem(str(shown(path)), 1, 1, said, hint="check its permissions"))
    return texts, problems
