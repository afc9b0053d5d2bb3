"""The results of one run and the Markdown tables made of them.

Each table is one section: a function from the results to its lines, listed in SECTIONS.
A new figure (say Lighthouse's, or the site's size) is a field on `SizeResult` filled by its
own module, and a section function added to SECTIONS.
"""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .browser import BrowserFigures
from .builds import Builds
from .saves import KINDS, SaveFigures


@dataclass(frozen=True)
class Weight:
    html_bytes: int
    search_index_bytes: int
    site_bytes: int
    whole_bytes: int
    """The whole site/: every language, every code's page, the root files."""
    whole_files: int
    code_page_bytes: int
    history_bytes: int = 0
    """The "What changed" page of the first language."""
    feed_bytes: int = 0
    """The first language's Atom feed."""

    @classmethod
    def of(cls, site: Path, language: str) -> Weight:
        files = [path for path in (site / language).rglob("*") if path.is_file()]
        whole = [path for path in site.rglob("*") if path.is_file()]
        return cls(
            html_bytes=(site / language / "index.html").stat().st_size,
            search_index_bytes=(site / language / "search" / "search_index.json").stat().st_size,
            site_bytes=sum(path.stat().st_size for path in files),
            whole_bytes=sum(path.stat().st_size for path in whole),
            whole_files=len(whole),
            code_page_bytes=next(
                (path.stat().st_size for path in files if path.parent.name.isdigit()), 0
            ),
            history_bytes=(site / language / "changes" / "index.html").stat().st_size,
            feed_bytes=(site / language / "changes.xml").stat().st_size,
        )


@dataclass
class SizeResult:
    """Everything measured on a table of `size` codes."""

    size: int
    builds: Builds
    weight: Weight
    browser: BrowserFigures
    saves: SaveFigures = field(default_factory=SaveFigures)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f} ms" if values else "n/a"


def _worst(values: list[float]) -> str:
    return f"{max(values):,.0f} ms" if values else "n/a"


def _table(columns: list[str], rows: Iterable[list[str]]) -> list[str]:
    """A Markdown table of right-aligned columns: the header, then one line per row."""
    return [f"| {' | '.join(cells)} |" for cells in [columns, ["---:"] * len(columns), *rows]]


def builds(results: list[SizeResult]) -> list[str]:
    lines = [
        "| codes | build (generator) | build (plain MkDocs) | overhead | per code | "
        "CPU (generator / plain) | peak memory (generator / plain) | edit → preview | "
        "preview stop | disk: a folder, before |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        runs = result.builds
        gen = runs.median(runs.generator, "seconds")
        base = runs.median(runs.baseline, "seconds")
        edits = result.saves.seconds.get(KINDS[0])
        edit = f"{statistics.median(edits):.2f} s" if edits else "n/a"
        stopped = result.saves.stop_seconds
        stop = "n/a" if stopped is None else f"{stopped:.2f} s"
        lines.append(
            f"| {result.size:,} | {gen:.2f} s | {base:.2f} s | {100 * (gen / base - 1):+.0f}% | "
            f"{1000 * gen / result.size:.2f} ms | "
            f"{runs.median(runs.generator, 'cpu_seconds'):.2f} / "
            f"{runs.median(runs.baseline, 'cpu_seconds'):.2f} s | "
            f"{runs.median(runs.generator, 'peak_mib'):.0f} / "
            f"{runs.median(runs.baseline, 'peak_mib'):.0f} MiB | {edit} | {stop} | "
            f"{statistics.median(runs.disk_us):.0f} µs |"
        )
    return lines


def reader(results: list[SizeResult]) -> list[str]:
    def row(result: SizeResult) -> list[str]:
        w, b = result.weight, result.browser
        return [
            f"{result.size:,}",
            f"{_ms(b.deep_link_ms)} / {_ms(b.deep_link_cpu_ms)}",
            f"{_ms(b.filter_ms)} / {_worst(b.filter_ms)}; "
            f"{_ms(b.filter_cpu_ms)} / {_worst(b.filter_cpu_ms)}",
            _ms(b.search_ms),
            f"{w.html_bytes / 1024:,.1f} KB",
            "n/a" if b.transferred_bytes is None else f"{b.transferred_bytes / 1024:,.0f} KB",
            f"{w.search_index_bytes / 1024:,.1f} KB",
            str(b.foreign_requests),
        ]

    columns = [
        "codes",
        "deep link to last code (wall / CPU)",
        "filter, per keystroke: median / worst (wall; CPU)",
        "search → code's row first",
        "HTML (first language)",
        "transferred (its page)",
        "search index (its)",
        "other hosts",
    ]
    return _table(columns, map(row, results))


def site(results: list[SizeResult]) -> list[str]:
    def row(result: SizeResult) -> list[str]:
        w = result.weight
        return [
            f"{result.size:,}",
            f"{w.whole_bytes / 2**20:,.1f} MiB",
            f"{w.whole_files:,}",
            f"{w.code_page_bytes / 1024:,.1f} KB",
            f"{w.history_bytes / 1024:,.1f} KB",
            f"{w.feed_bytes / 1024:,.1f} KB",
        ]

    columns = [
        "codes",
        "site/ (generator, every language)",
        "files",
        "a code's page (first language)",
        "what changed (its page)",
        "its feed",
    ]
    return _table(columns, map(row, results))


def again(results: list[SizeResult]) -> list[str]:
    """`make site` as a maintainer runs it, against mkdocs-static-i18n writing the table alone
    (both without waiting for a quiet disk), and the peak memory of each."""

    def row(result: SizeResult) -> list[str]:
        runs = result.builds
        ours, peer = runs.median(runs.again, "seconds"), runs.median(runs.peer, "seconds")
        return [
            f"{result.size:,}",
            f"{ours:.2f} s",
            f"{peer:.2f} s",
            f"{ours / peer:.2f}",
            f"{runs.median(runs.again, 'peak_mib'):.0f} / "
            f"{runs.median(runs.peer, 'peak_mib'):.0f} MiB",
        ]

    columns = [
        "codes",
        "make site, again and again",
        "mkdocs-static-i18n, the table alone",
        "ratio",
        "peak memory (ours / peer)",
    ]
    return _table(columns, map(row, results))


def saves_table(figures: list[tuple[int, SaveFigures]]) -> list[str]:
    """Edit -> preview for every kind of save (medians, seconds), and the preview's peak
    memory; one row per kind, one column per size."""
    columns = ["save", *(f"{size:,} codes" for size, _ in figures)]

    def median(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s" if values else "n/a"

    rows = [[kind, *(median(each.seconds.get(kind, [])) for _, each in figures)] for kind in KINDS]
    peaks = [f"{f.server_peak_mib:.0f} MiB" if f.server_peak_mib else "n/a" for _, f in figures]
    rows.append(["preview's peak memory", *peaks])
    return [
        f"| {' | '.join(cells)} |" for cells in [columns, ["---", *["---:"] * len(figures)], *rows]
    ]


def saves(results: list[SizeResult]) -> list[str]:
    return saves_table([(result.size, result.saves) for result in results])


Section = Callable[[list[SizeResult]], list[str]]
SECTIONS: list[Section] = [builds, again, site, saves, reader]


def report(results: list[SizeResult]) -> str:
    lines = [f"Machine: {machine()}"]
    for section in SECTIONS:
        lines += ["", *section(results)]
    return "\n".join(lines)
