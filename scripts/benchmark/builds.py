"""Build time and peak memory: our build against plain MkDocs on the same content."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.cli import environment

ENV = environment({"NO_MKDOCS_2_WARNING": "1"})


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float
    """User and system time of the build and every process it waited for."""


@dataclass
class Builds:
    """Every build of one size, interleaved: ours and plain MkDocs."""

    generator: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)

    @staticmethod
    def median(runs: list[Run], attribute: str) -> float:
        return float(statistics.median(getattr(run, attribute) for run in runs))


def measured(command: list[str], cwd: Path) -> Run:
    """Run a command; its wall time and the peak resident memory of its process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    assert process.stderr is not None
    with process.stderr:
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def generator(project: Path, out: Path) -> Run:
    command = [sys.executable, "-m", "gupshup_errors", "build", "--site-dir", str(out)]
    return measured(command, project)


def baseline(configs: list[Path]) -> Run:
    runs = [
        measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(c)], c.parent)
        for c in configs
    ]
    return Run(
        sum(r.seconds for r in runs),
        max(r.peak_mib for r in runs),
        sum(r.cpu_seconds for r in runs),
    )


def site_of(project: Path, run: int) -> Path:
    return project / f"site-{run}"


def interleaved(project: Path, configs: list[Path], runs: int) -> Builds:
    """`runs` builds of each, alternating, so drift in the machine's load hits both alike.

    Each of our builds goes to a new folder, and none is deleted until the benchmark ends:
    on an ext4 disk mounted with `discard` (this machine's), creating files right after
    deleting a 10,000-code site (40,000 folders and files) took two to three times as long,
    which measured the deletion of the last build rather than this one."""
    builds = Builds()
    for run in range(runs):
        builds.generator.append(generator(project, site_of(project, run)))
        builds.baseline.append(baseline(configs))
    return builds
