"""A link checker for a built site: every internal link must reach a file, and its #fragment an id.

Pure Python over parsed HTML. A link is internal when it resolves under the site's URL; links
are resolved the way a browser would, from the page's own address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

# (tag, attribute) pairs whose value is a URL; meta content only for the URL-valued properties.
_LINKING = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "form": "action",
}
_URL_META = {"og:url", "og:image", "twitter:image"}


@dataclass(frozen=True)
class Broken:
    source: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.url}: {self.reason}"


class Site:
    """A built site on disk, published at `site_url`."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.site_url = site_url
        self.base = urlsplit(site_url)
        self._ids: dict[Path, set[str]] = {}

    def url_of(self, path: Path) -> str:
        """The address a page is read at; a 404 page, at a missing address deeper down."""
        relative = path.relative_to(self.root).as_posix().removesuffix("index.html")
        if path.name == "404.html":
            relative = relative.removesuffix("404.html") + "no/such/page"
        return urljoin(self.site_url, relative)

    def file_for(self, url: str) -> Path | None:
        """The file a URL under the site serves, or None for a URL outside the site."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            return None
        if not parts.path.startswith(self.base.path):
            return None
        path = self.root / unquote(parts.path[len(self.base.path) :])
        return path / "index.html" if path.is_dir() else path

    def ids(self, page: Path) -> set[str]:
        if page not in self._ids:
            soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
            found = {str(tag["id"]) for tag in soup.find_all(id=True)}
            found |= {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}
            self._ids[page] = found
        return self._ids[page]

    def check(self, source: str, url: str) -> Broken | None:
        """Whether an absolute URL that a file of the site refers to is reachable."""
        if urlsplit(url).scheme not in {"http", "https"}:
            return None  # mailto:, data:, javascript: and the like
        target = self.file_for(url)
        if target is None:
            return None  # another site: not ours to check here
        if not target.is_file():
            return Broken(source, url, f"no file {target.relative_to(self.root)}")
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.ids(target):
            return Broken(source, url, f"no id '{fragment}' in {target.relative_to(self.root)}")
        return None


def page_links(html: str, page_url: str) -> Iterator[str]:
    """Every URL a page refers to, made absolute from the page's address (or its <base>)."""
    soup = BeautifulSoup(html, "html.parser")
    base_tag = soup.find("base", href=True)
    base = urljoin(page_url, str(base_tag["href"])) if base_tag else page_url
    for tag_name, attribute in _LINKING.items():
        for tag in soup.find_all(tag_name):
            value = tag.get(attribute)
            if isinstance(value, str) and value.strip():
                yield urljoin(base, value.strip())
    for tag in soup.find_all("img", srcset=True):
        for candidate in str(tag["srcset"]).split(","):
            yield urljoin(base, candidate.split()[0])
    for tag in soup.find_all("meta", property=True):
        if tag["property"] in _URL_META and tag.get("content"):
            yield urljoin(base, str(tag["content"]))


def text_links(text: str) -> Iterator[str]:
    """Absolute http(s) URLs in a text file (sitemaps, robots.txt, JSON)."""
    for match in re.finditer(r"https?://[^\s<>\"']+", text):
        yield match.group(0).rstrip(".,;")


def markdown_links(text: str) -> Iterator[str]:
    """Every link and image address of a Markdown file (a page's twin, llms.txt), as
    markdown-it-py (CommonMark) reads them."""
    for block in MarkdownIt("commonmark").parse(text):
        for token in block.children or []:
            address = token.attrGet("href") if token.type == "link_open" else token.attrGet("src")
            if token.type in ("link_open", "image") and isinstance(address, str):
                yield address


def check_site(root: Path, site_url: str, extra: Iterable[str] = ()) -> list[Broken]:
    """Every broken internal link in the site's pages, their Markdown twins and llms.txt
    files, sitemaps, robots.txt and data files.

    `extra` names more files (relative to the root) whose absolute URLs must all resolve.
    """
    site = Site(root, site_url)
    broken: list[Broken] = []
    for page in sorted(root.rglob("*.html")):
        source = page.relative_to(root).as_posix()
        for url in page_links(page.read_text("utf-8"), site.url_of(page)):
            problem = site.check(source, url)
            if problem:
                broken.append(problem)
    for markdown in sorted({*root.rglob("*.md"), *root.rglob("llms*.txt")}):
        source = markdown.relative_to(root).as_posix()
        for url in markdown_links(markdown.read_text("utf-8")):
            problem = site.check(source, url)
            if problem:
                broken.append(problem)
    text_files = {*root.rglob("sitemap.xml"), *root.glob("robots.txt")}
    text_files |= {root / name for name in extra}
    for path in sorted(text_files):
        source = path.relative_to(root).as_posix()
        for url in text_links(path.read_text("utf-8")):
            problem = site.check(source, url)
            if problem:
                broken.append(problem)
    return broken
