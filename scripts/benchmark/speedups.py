"""What each speed-up buys: the same build with one of them turned off, alternating.

Each variant patches the package before it runs `gupshup_errors build`, the way the speed-up
would be undone in the code. Every build goes to a new folder and none is deleted until the
benchmark ends (a deletion slows the folders made after it: disk.py), and each round starts
the variants at a different place, so that neither the disk nor the order favours one."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import data
from .builds import ENV

_BUILD = (
    "import runpy, sys\n"
    "sys.argv = ['gupshup_errors', 'build', '--site-dir', sys.argv[1]]\n"
    "runpy.run_module('gupshup_errors', run_name='__main__')\n"
)

VARIANTS = {
    "all on": "",
    # builder/background.py: the code pages written by a forked process per language.
    "no forked writers": (
        "import gupshup_errors.builder.background as b\nb.can_fork = lambda: False\n"
    ),
    # data/heap.py: the collector paused while the data is read, the table frozen after.
    "no collector pause": (
        "import contextlib, gupshup_errors.data.heap as h\n"
        "h.collector_paused = h.frozen = contextlib.nullcontext\n"
    ),
    # builder/plugin.py: Material's templates compiled once per process.
    "no theme template cache": (
        "import gupshup_errors.builder.plugin as p\np._THEME_BYTECODE = None\n"
    ),
    # render/history.py: the history pages' HTML put in after MkDocs, never parsed as Markdown.
    "history through Markdown": (
        "import gupshup_errors.render.history as r\n"
        "pages = r.pages\n"
        "def inline(*args):\n"
        "    for page in pages(*args):\n"
        "        whole = page.markdown.replace(r.HISTORY_SLOT, page.body)\n"
        "        yield r.HistoryPage(page.src_uri, whole, '')\n"
        "r.pages = inline\n"
        "r.History.filled = lambda self, src_uri, output: output\n"
    ),
}

TWINS = {
    "with twins": "",
    # builder/twins/files.py and render/markdown/llms.py: no Markdown twin, no llms.txt.
    "without twins": (
        "import gupshup_errors.builder.twins.files as t\n"
        "import gupshup_errors.render.markdown.llms as l\n"
        "t.made = lambda *a, **k: None\n"
        "t.language_files = lambda *a, **k: ({}, None)\n"
        "t.write_codes = lambda *a, **k: None\n"
        "l.root_index = lambda *a, **k: ''\n"
    ),
}
"""What the Markdown twins and llms files cost (`scripts/bench --twins`)."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu_seconds: float


def _seconds(project: Path, patch: str, site: Path) -> Sample:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", patch + _BUILD, str(site)],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stderr is not None
    with process.stderr:
        said = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the build failed:\n{said[-2000:]}")
    # CPU too (the build's and its forked writers'): on a machine shared with other work the
    # wall-clock time swings several-fold, the CPU time much less.
    return Sample(time.perf_counter() - start, usage.ru_utime + usage.ru_stime)


def measure(
    project: Path, runs: int, variants: dict[str, str] = VARIANTS
) -> dict[str, list[Sample]]:
    """`runs` builds of each variant, interleaved, each into a new folder."""
    names = list(variants)
    times: dict[str, list[Sample]] = {name: [] for name in names}
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            site = project / f"speedups-{run}-{names.index(name)}"
            times[name].append(_seconds(project, variants[name], site))
    return times


def report(size: int, times: dict[str, list[Sample]]) -> list[str]:
    """Lines of a Markdown table: each variant's medians and their ratios to the first's."""

    def median(samples: list[Sample], attribute: str) -> float:
        return float(statistics.median(getattr(sample, attribute) for sample in samples))

    first = next(iter(times.values()))
    base, base_cpu = median(first, "seconds"), median(first, "cpu_seconds")
    lines = []
    for name, samples in times.items():
        wall, cpu = median(samples, "seconds"), median(samples, "cpu_seconds")
        each = ", ".join(f"{sample.seconds:.2f}" for sample in samples)
        lines.append(
            f"| {size:,} | {name} | {wall:.2f} s | {wall / base:.2f} | {cpu:.2f} s | "
            f"{cpu / base_cpu:.2f} | {each} |"
        )
    return lines


def table(temp: Path, sizes: list[int], runs: int, variants: dict[str, str] = VARIANTS) -> str:
    """The whole comparison at each size, as a Markdown table."""
    lines = [
        "| codes | variant | build | ratio | CPU | CPU ratio | samples (build) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for size in sizes:
        project = data.project(temp / f"gen-{size}", size)
        lines += report(size, measure(project, runs, variants))
        print(f"{size} codes: done", file=sys.stderr)
    return "\n".join(lines)
