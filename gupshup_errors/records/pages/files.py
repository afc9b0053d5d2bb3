"""Which files under docs/ are pages and which are their translations ('guide.md' and
'guide.en.md', mkdocs-static-i18n's suffix convention), and reading them all."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...data.problems import Problem
from ...text.paths import shown

SUFFIX = ".md"


def translation_name(page: str, language: str) -> str:
    """The translation of `page` ('guide.md') into `language`: 'guide.en.md'."""
    return f"{page.removesuffix(SUFFIX)}.{language}{SUFFIX}"


def source_of(name: str, languages: Sequence[str]) -> tuple[str, str | None]:
    """The source page a Markdown file is about and the language it is in: ('guide.md', 'en')
    for 'guide.en.md', ('guide.md', None) for the source itself. Only the languages the site
    translates into count as a suffix."""
    stem = name.removesuffix(SUFFIX)
    base, dot, language = stem.rpartition(".")
    if dot and base and language in languages[1:]:
        return base + SUFFIX, language
    return name, None


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
