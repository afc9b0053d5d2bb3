"""The peer that writes the same table alone: one `mkdocs build` with mkdocs-static-i18n,
against `make site`, run again and again as a maintainer runs them (no quiet disk waited for)."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import LANGUAGES
from tests.helpers.interface import interface

from . import builds, data


def project(root: Path, rows: list[dict[str, Any]]) -> Path:
    """The baseline's table page in every language, one site with mkdocs-static-i18n's
    suffix layout (docs/index.<lang>.md); its folder."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for config in data.baseline(root / "plain", rows):
        page = (config.parent / "docs" / "index.md").read_text("utf-8")
        (docs / f"index.{config.parent.name}.md").write_text(page, "utf-8")
    languages = [
        {"locale": language, "default": index == 0, "name": language, "build": True}
        for index, language in enumerate(LANGUAGES)
    ]
    settings: dict[str, object] = {
        "site_name": interface(LANGUAGES[0])["site name"],
        "site_url": "http://127.0.0.1:8000/",
        "site_dir": str(root / "site"),
        "theme": {"name": "material", "language": LANGUAGES[0], "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": languages}}],
        "markdown_extensions": ["attr_list", "tables"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return root


def compare(temp: Path, sizes: list[int], runs: int) -> str:
    """`make site` (into the same folder each time) and the peer, alternating, at each size."""
    lines = [
        "| codes | make site | static-i18n, the table alone | ratio | "
        "peak memory (make site / peer) |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        rows = data.table(size)
        ours = data.project(temp / f"gen-{size}", size)
        theirs = project(temp / f"peer-{size}", rows)
        made, peer = [], []
        for _ in range(runs):
            made.append(builds.measured(["gupshup_errors", "build", "--site-dir", "site"], ours))
            peer.append(builds.measured(["mkdocs", "build", "-q"], theirs))
        ours_s = statistics.median(run.seconds for run in made)
        theirs_s = statistics.median(run.seconds for run in peer)
        lines.append(
            f"| {size:,} | {ours_s:.2f} s | {theirs_s:.2f} s | {ours_s / theirs_s:.2f} | "
            f"{statistics.median(r.peak_mib for r in made):.0f} / "
            f"{statistics.median(r.peak_mib for r in peer):.0f} MiB |"
        )
    return "\n".join(lines)
