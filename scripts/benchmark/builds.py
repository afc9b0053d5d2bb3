"""Build time and peak memory: our build against plain MkDocs on the same content."""

from __future__ import annotations

import os
import shutil
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
    return Run(seconds, usage.ru_maxrss / 1024)


def generator(project: Path) -> Run:
    out = project / "site"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "gupshup_errors", "build", "--site-dir", str(out)]
    return measured(command, project)


def baseline(configs: list[Path]) -> Run:
    runs = [
        measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(c)], c.parent)
        for c in configs
    ]
    return Run(sum(r.seconds for r in runs), max(r.peak_mib for r in runs))


def interleaved(project: Path, configs: list[Path], runs: int) -> Builds:
    """`runs` builds of each, alternating, so drift in the machine's load hits both alike."""
    builds = Builds()
    for _ in range(runs):
        builds.generator.append(generator(project))
        builds.baseline.append(baseline(configs))
    return builds
