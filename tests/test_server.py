"""The tests' static server served as GitHub Pages serves a site: gzip for text, a ten-minute
cache, 304 for what the client has; plain hosting stays plain."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

from .helpers import GITHUB_PAGES, serve


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_text_is_gzipped_and_cached_for_ten_minutes(site: Path) -> None:
    page = (site / "index.html").read_bytes()
    with serve(site, GITHUB_PAGES) as served:
        status, headers, body = _get(served.root, **{"Accept-Encoding": "gzip"})
        assert (status, headers["Content-Encoding"]) == (200, "gzip")
        assert headers["Cache-Control"] == "max-age=600"
        assert gzip.decompress(body) == page
        again = _get(served.root, **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
        assert (again[0], again[2]) == (304, b"")
        status, headers, body = _get(served.root)  # a client that takes no gzip
        assert (status, body) == (200, page) and "Content-Encoding" not in headers


def test_images_are_not_compressed_and_missing_pages_are_the_404(site: Path) -> None:
    with serve(site, GITHUB_PAGES) as served:
        icon = next(site.rglob("*.png"))
        status, headers, _ = _get(
            served.root + icon.relative_to(site).as_posix(), **{"Accept-Encoding": "gzip"}
        )
        assert status == 200 and "Content-Encoding" not in headers
        assert _get(served.root + "no/such/page/")[0] == 404


def test_plain_hosting_neither_compresses_nor_caches(site: Path) -> None:
    with serve(site) as served:
        _, headers, _ = _get(served.root, **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in headers and "Cache-Control" not in headers
