"""The command line of `scripts/bench`, and the order the jobs run in."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from tests.helpers import LANGUAGES, REPO

from . import browser, builds, data, disk, lighthouse, pages, saves, speedups
from .report import SizeResult, Weight, report, saves_table

DESCRIPTION = """Benchmark the generator against plain MkDocs + Material on the same content.

Everything is built in temporary folders; nothing in the repository is touched. Prints
Markdown tables of medians and writes every sample to .bench/results.json (ignored)."""


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[17, 2000, 10000],
        help="table sizes (none: Lighthouse only)",
    )  # fmt: skip
    parser.add_argument("--runs", type=int, default=5, help="build runs per size (median taken)")
    parser.add_argument(
        "--edits", type=int, default=3, help="edit-to-preview samples per size (median taken)"
    )
    parser.add_argument(
        "--preview-only", action="store_true",
        help="only edit -> preview (and the preview's stop), at each size: no builds, no browser",
    )  # fmt: skip
    parser.add_argument(
        "--speedups", action="store_true",
        help="only what each speed-up buys: builds with one turned off, --runs each, at each size",
    )  # fmt: skip
    parser.add_argument(
        "--disk-wait", type=float, default=disk.LIMIT_SECONDS,
        help="longest wait for a quiet disk before each interleaved build, in seconds",
    )  # fmt: skip
    parser.add_argument(
        "--twins", action="store_true",
        help="only what the Markdown twins and llms files cost: builds with and without them",
    )  # fmt: skip
    parser.add_argument(
        "--browser-samples",
        type=int,
        default=5,
        help="browser samples per size (0: skip the browser, build figures only)",
    )
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3,
        help="Lighthouse runs per page and device on the real site (median taken; 0: none)",
    )  # fmt: skip
    parser.add_argument(
        "--page-runs", type=int, default=3,
        help="builds of 50 guide pages, ours and mkdocs-static-i18n's (median taken; 0: none)",
    )  # fmt: skip
    return parser.parse_args(argv)


def one_size(temp: Path, size: int, args: argparse.Namespace) -> SizeResult:
    rows = data.table(size)
    project = data.project(temp / f"gen-{size}", size)
    configs = data.baseline(temp / f"base-{size}", rows)
    peer = data.peer(temp / f"peer-{size}", rows)
    runs = args.runs if size <= 2000 else max(3, args.runs // 2)
    result = SizeResult(
        size,
        builds.interleaved(project, configs, peer, runs, args.disk_wait),
        Weight.of(builds.site_of(project, runs - 1), LANGUAGES[0]),
        # No samples: the build figures only (the reader's figures show as n/a).
        browser.measure(project, rows, args.browser_samples)
        if args.browser_samples
        else browser.BrowserFigures(),
    )
    result.saves = saves.every_save(project, rows, args.edits)
    return result


def preview_only(temp: Path, sizes: list[int], edits: int) -> str:
    """Edit -> preview alone, for every kind of save at each size: a table of its own."""
    figures = []
    for size in sizes:
        rows = data.table(size)
        project = data.project(temp / f"gen-{size}", size)
        figures.append((size, saves.every_save(project, rows, edits)))
        print(f"{size} codes: done", file=sys.stderr)
    return "\n".join(saves_table(figures))


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    if args.speedups or args.twins:
        variants = speedups.TWINS if args.twins else speedups.VARIANTS
        with tempfile.TemporaryDirectory(prefix="gupshup-bench-") as temp:
            print(speedups.table(Path(temp), args.sizes, args.runs, variants))
        return 0
    if args.preview_only:
        with tempfile.TemporaryDirectory(prefix="gupshup-bench-") as temp:
            print(preview_only(Path(temp), args.sizes, args.edits))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="gupshup-bench-") as temp:
        for size in args.sizes:
            results.append(one_size(Path(temp), size, args))
            print(f"{size} codes: done", file=sys.stderr)
        guide = pages.measure(Path(temp), args.page_runs) if args.page_runs else None
        if results:  # before the temporary folder's deletion, which takes minutes at 10,000
            print(report(results), flush=True)
    first_visit = lighthouse.measure(args.lighthouse_runs) if args.lighthouse_runs else []
    out = REPO / ".bench"
    out.mkdir(exist_ok=True)
    everything = {
        "sizes": [asdict(r) for r in results],
        "lighthouse": [asdict(f) for f in first_visit],
        "pages": asdict(guide) if guide else None,
    }
    (out / "results.json").write_text(json.dumps(everything, indent=2), "utf-8")
    if guide:
        print(f"\n{guide.line()}")
    if first_visit:
        print(f"\n{lighthouse.report(first_visit)}")
    return 0
