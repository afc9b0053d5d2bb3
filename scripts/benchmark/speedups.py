"""What each speed-up buys: the same build with one of them turned off, alternating.

Each variant patches the package before it runs `gupshup_errors build`, the way the speed-up
would be undone in the code. Every build goes to a new folder and none is deleted until the
benchmark ends (a deletion slows the folders made after it: disk.py), and each round starts
the variants at a different place, so that neither the disk nor the order favours one."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
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
        "import gupshup_errors.builder.plugin as p\n"
        "p.ErrorTablePlugin.on_env = lambda self, env, *, config, files: env\n"
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


def _seconds(project: Path, patch: str, site: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", patch + _BUILD, str(site)],
        cwd=project, env=ENV, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def measure(
    project: Path, runs: int, variants: dict[str, str] = VARIANTS
) -> dict[str, list[float]]:
    """Seconds of `runs` builds of each variant, interleaved, each into a new folder."""
    names = list(variants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            site = project / f"speedups-{run}-{names.index(name)}"
            times[name].append(_seconds(project, variants[name], site))
    return times


def report(size: int, times: dict[str, list[float]]) -> list[str]:
    """Lines of a Markdown table: each variant's median and its ratio to the first's."""
    base = statistics.median(next(iter(times.values())))
    lines = []
    for name, seconds in times.items():
        median = statistics.median(seconds)
        samples = ", ".join(f"{value:.2f}" for value in seconds)
        lines.append(f"| {size:,} | {name} | {median:.2f} s | {median / base:.2f} | {samples} |")
    return lines


def table(temp: Path, sizes: list[int], runs: int, variants: dict[str, str] = VARIANTS) -> str:
    """The whole comparison at each size, as a Markdown table."""
    lines = ["| codes | variant | build | ratio | samples |", "| ---: | --- | ---: | ---: | --- |"]
    for size in sizes:
        project = data.project(temp / f"gen-{size}", size)
        lines += report(size, measure(project, runs, variants))
        print(f"{size} codes: done", file=sys.stderr)
    return "\n".join(lines)
