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

from . import disk

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
    disk_us: list[float] = field(default_factory=list)
    """The disk probe's cost of a folder just before each build (disk.py)."""
    again: list[Run] = field(default_factory=list)
    """`make site` again and again into the same folder, with no wait, as a maintainer runs it."""
    peer: list[Run] = field(default_factory=list)
    """mkdocs-static-i18n building the same table alone, interleaved with `again`."""

    @staticmethod
    def median(runs: list[Run], attribute: str) -> float:
        return float(statistics.median(getattr(run, attribute) for run in runs))


# Runs a module as `python -m` would, and at exit writes the peak resident memory of this
# process. The kernel's own figure (wait4's ru_maxrss) cannot be used: exec keeps the peak of
# the process it replaces, so every build would report at least the benchmark's own memory.
_PEAK = "gupshup-bench-peak-kib:"
_WITH_PEAK = f"""
import atexit, runpy, sys
def peak():
    with open("/proc/self/status") as status:
        kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write("\\n{_PEAK}" + kib + "\\n")
atexit.register(peak)
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def measured(module: list[str], cwd: Path) -> Run:
    """`python -m module...`: its wall time, its CPU time (with every process it waited for)
    and the peak resident memory of its main process."""
    command = [sys.executable, "-c", _WITH_PEAK, *module]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    with process.stderr:
        said = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    peaks = [line for line in said.splitlines() if line.startswith(_PEAK)]
    if os.waitstatus_to_exitcode(status) != 0 or not peaks:
        raise SystemExit(f"python -m {' '.join(module)} failed:\n{said}")
    peak_kib = int(peaks[-1].removeprefix(_PEAK))
    return Run(seconds, peak_kib / 1024, usage.ru_utime + usage.ru_stime)


def generator(project: Path, out: Path) -> Run:
    return measured(["gupshup_errors", "build", "--site-dir", str(out)], project)


def baseline(configs: list[Path]) -> Run:
    runs = [measured(["mkdocs", "build", "-q", "-f", str(c)], c.parent) for c in configs]
    return Run(
        sum(r.seconds for r in runs),
        max(r.peak_mib for r in runs),
        sum(r.cpu_seconds for r in runs),
    )


def site_of(project: Path, run: int) -> Path:
    return project / f"site-{run}"


def interleaved(
    project: Path, configs: list[Path], peer: Path, runs: int, wait: float = disk.LIMIT_SECONDS
) -> Builds:
    """`runs` builds of each, alternating, so drift in the machine's load hits both alike.

    Each of our builds goes to a new folder, and none is deleted until the benchmark ends,
    and each build starts on a quiet disk: a deletion slows the folders and files made after
    it (disk.py), which would measure the last build's deletion rather than this build."""
    builds = Builds()
    for run in range(runs):
        builds.disk_us.append(disk.wait_until_quiet(project.parent, wait))
        builds.generator.append(generator(project, site_of(project, run)))
        builds.disk_us.append(disk.wait_until_quiet(project.parent, wait))
        builds.baseline.append(baseline(configs))
    _as_a_maintainer(builds, project, peer, runs)
    return builds


def _as_a_maintainer(builds: Builds, project: Path, peer: Path, runs: int) -> None:
    """`make site` run again and again (each build replaces site/, deleting the last one) with
    no wait for a quiet disk, alternating with the peer that builds the table alone."""
    site = project / "site"
    for _ in range(runs):
        builds.again.append(generator(project, site))
        builds.peer.append(baseline([peer]))
