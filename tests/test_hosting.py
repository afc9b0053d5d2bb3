"""What search engines, link previews and static hosts see: canonical and hreflang links, Open
Graph, sitemaps, robots.txt, and output that is the same on every build of one commit."""

from __future__ import annotations

import gzip
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from gupshup_errors.builder.site import build_into
from gupshup_errors.data.model import ErrorTable
from gupshup_errors.text import urls

from .helpers import CONFIG, LANGUAGES, REPO, fetch, preview, run
from .helpers.cli import environment
from .helpers.interface import interface

Page = Callable[[str], BeautifulSoup]
SITE_URL = urls.root(load_config(str(CONFIG)).site_url)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OG_LOCALE = {"ru": "ru_RU", "en": "en_US"}  # another language: its own, as checked above


def _hreflang(soup: BeautifulSoup) -> list[tuple[str, str]]:
    links = soup.select("head link[rel=alternate][hreflang]")
    return [(str(link["hreflang"]), str(link["href"])) for link in links]


@pytest.mark.parametrize("relative", [f"{lang}/index.html" for lang in LANGUAGES] + ["index.html"])
def test_every_page_has_its_canonical_url_and_every_alternate(page: Page, relative: str) -> None:
    soup = page(relative)
    canonical = [str(link["href"]) for link in soup.select("head link[rel=canonical]")]
    assert canonical == [SITE_URL + relative.removesuffix("index.html")]
    alternates = _hreflang(soup)
    assert sorted(alternates) == sorted(
        [(lang, f"{SITE_URL}{lang}/") for lang in LANGUAGES] + [("x-default", SITE_URL)]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_graph_is_in_the_page_language(page: Page, language: str) -> None:
    soup = page(f"{language}/index.html")
    tags = {}
    for meta in soup.select("head meta[property^='og:']"):
        tags.setdefault(str(meta["property"]), []).append(str(meta["content"]))
    assert tags["og:url"] == [f"{SITE_URL}{language}/"]
    assert tags["og:type"] == ["website"]
    description = soup.select_one("head meta[name=description]")
    h1 = soup.find("h1")
    assert description is not None and h1 is not None
    assert tags["og:description"] == [description["content"]]
    assert tags["og:title"] == [h1.get_text(strip=True)]
    assert len(tags["og:locale"]) == 1
    assert tags["og:locale"][0].split("_")[0] == language
    assert sorted(tags["og:locale:alternate"]) == sorted(
        page(f"{other}/index.html").select_one("meta[property='og:locale']")["content"]
        for other in LANGUAGES
        if other != language
    )
    words = interface(language)
    assert tags["og:title"] == [words["title"]]
    assert tags["og:description"] == [words["description"]]
    assert tags["og:site_name"] == [words["site name"]]
    assert tags["og:locale"] == [OG_LOCALE.get(language, tags["og:locale"][0])]


def test_root_sitemap_indexes_every_language_sitemap(site: Path, table: ErrorTable) -> None:
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locations == [f"{SITE_URL}{lang}/sitemap.xml" for lang in LANGUAGES]
    for lang in LANGUAGES:
        pages = ET.parse(site / lang / "sitemap.xml").getroot()
        # The table, what changed (its newest entries, then each year's page), the pages of
        # docs/ (tests/test_pages.py has which), then every code's own page, retired ones too.
        found = [loc.text for loc in pages.iter(f"{SITEMAP}loc")]
        codes = [f"{SITE_URL}{lang}/{row.code}/" for row in table.codes]
        assert found[:2] == [f"{SITE_URL}{lang}/", f"{SITE_URL}{lang}/changes/"]
        assert found[len(found) - len(codes) :] == codes
        years = [
            page
            for page in found[2:]
            if re.fullmatch(rf"{SITE_URL}{lang}/changes/[0-9]{{4}}/", str(page))
        ]
        assert years and found[2 : 2 + len(years)] == years
        for page in found[2 + len(years) : len(found) - len(codes)]:
            path = str(page).removeprefix(f"{SITE_URL}{lang}/").rstrip("/")
            assert (REPO / "docs" / f"{path}.md").is_file(), f"{page} is no page of docs/"
        packed = gzip.decompress((site / lang / "sitemap.xml.gz").read_bytes())
        assert packed == (site / lang / "sitemap.xml").read_bytes()


def test_robots_txt_allows_everything_and_names_the_sitemap_index(site: Path) -> None:
    lines = (site / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert not [line for line in lines if line.startswith("Disallow:") and line != "Disallow:"]
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


# --- reproducible output -------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_one_commit_are_byte_identical(site: Path, tmp_path: Path) -> None:
    # The second build runs in another process from another folder, into another folder.
    out = tmp_path / "again"
    result = subprocess.run(
        [sys.executable, "-m", "gupshup_errors", "-f", str(CONFIG), "build", "-d", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, second = _tree(site), _tree(out)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def _dates(site: Path) -> set[str]:
    """Every date the site states: sitemap lastmods and the gzip headers' mtimes."""
    found: set[str] = set()
    for sitemap in site.rglob("sitemap.xml"):
        found |= set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap.read_text("utf-8")))
    for packed in site.rglob("*.gz"):
        (mtime,) = struct.unpack("<I", packed.read_bytes()[4:8])
        found.add(datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%d"))
        gzip.decompress(packed.read_bytes())  # and it is a whole gzip file
    return found


def _build(project: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    return run("build", cwd=project, env=env)


def test_dates_come_from_source_date_epoch(project: Path) -> None:
    result = _build(project, SOURCE_DATE_EPOCH="981173106")  # 2001-02-03 04:05:06 UTC
    assert result.returncode == 0, result.stderr
    assert _dates(project / "site") == {"2001-02-03"}


def test_dates_come_from_the_last_commit(project: Path) -> None:
    when = "2002-03-04T05:06:07+00:00"
    git = environment(
        dict(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_CONFIG_GLOBAL=os.devnull)
    )
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "data"],
    ):
        subprocess.run(["git", *command], cwd=project, env=git, check=True, timeout=60)
    result = _build(project, SOURCE_DATE_EPOCH=None)
    assert result.returncode == 0, result.stderr
    assert _dates(project / "site") == {"2002-03-04"}


def test_without_git_dates_come_from_the_input_files(project: Path) -> None:
    when = datetime(2003, 4, 5, 6, 7, 8, tzinfo=UTC).timestamp()
    for path in project.rglob("*"):
        os.utime(path, (when, when))
    # A copy in a temporary folder is outside any repository; the ceiling makes sure of it.
    result = _build(project, SOURCE_DATE_EPOCH=None, GIT_CEILING_DIRECTORIES=str(project.parent))
    assert result.returncode == 0, result.stderr
    assert _dates(project / "site") == {"2003-04-05"}


def test_a_bad_source_date_epoch_is_a_clear_error(project: Path) -> None:
    result = _build(project, SOURCE_DATE_EPOCH="yesterday")
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_build_into_a_sub_path_puts_every_link_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_url = "https://someone.github.io/errors/"
    monkeypatch.setenv("SITE_URL", site_url)
    build_into(CONFIG, tmp_path)
    soup = BeautifulSoup((tmp_path / "en" / "index.html").read_text("utf-8"), "html.parser")
    assert dict(_hreflang(soup))["x-default"] == site_url
    selector = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert selector == {lang: f"/errors/{lang}/" for lang in LANGUAGES}
    assert f"Sitemap: {site_url}sitemap.xml" in (tmp_path / "robots.txt").read_text("utf-8")


def test_preview_serves_under_the_sub_path_of_site_url(project: Path) -> None:
    with preview(project, prefix="/repo/", log=project.parent / "serve.log") as url:
        root = f"{url}/"
        assert '<a href="/repo/ru/" hreflang="ru"' in fetch(f"{root}en/")
        assert "location.hash" in fetch(root)
