"""How busy the disk is: each build starts only once it is quiet.

On this kind of machine (ext4 mounted with `discard`, on a virtual disk) the kernel's cost of
making a folder swings tenfold: about 35 µs on a quiet disk, 300 µs for two minutes after a
few gigabytes of small files were deleted (say, by the previous benchmark's clean-up), while
the journal commits the discards. A 10,000-code build makes 20,000 folders and 20,000 files,
and plain MkDocs almost none, so a busy disk alone moved the same build from -14 % to +110 %
against plain MkDocs (2026-12-04). Waiting for a quiet disk measures the build, not the
benchmark's own past; the probe's figure is reported beside the times.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

QUIET_US = 35.0
"""A folder made in at most this much system time, twice in a row, is a quiet disk: 20-40 µs
here when nothing else is going on, 40-120 µs while the disk is still settling."""
PROBE_FOLDERS = 2000
"""Enough that the 10 ms steps of the process' clock are 5 µs a folder."""
PAUSE_SECONDS = 5.0
LIMIT_SECONDS = 600.0
"""The longest wait before a build (`scripts/bench --disk-wait`): on a machine shared with
other work the disk may never be quiet."""


def probe(where: Path) -> float:
    """Microseconds of this process' system time per folder made in a new folder under
    `where` (left for the benchmark's clean-up: deleting them now would be more discards)."""
    folder = os.open(tempfile.mkdtemp(prefix="disk-probe-", dir=where), os.O_RDONLY)
    try:
        before = os.times().system
        for number in range(PROBE_FOLDERS):
            os.mkdir(str(number), dir_fd=folder)
        return (os.times().system - before) / PROBE_FOLDERS * 1e6
    finally:
        os.close(folder)


def wait_until_quiet(where: Path, limit: float = LIMIT_SECONDS) -> float:
    """Flush what is written, then probe until the disk is quiet (or `limit` seconds pass,
    with a warning); the last probe's figure."""
    os.sync()
    deadline = time.monotonic() + limit
    costs = [probe(where), probe(where)]
    while max(costs[-2:]) > QUIET_US:
        if time.monotonic() > deadline:
            print(f"the disk is still busy ({costs[-1]:.0f} µs a folder); measuring anyway",
                  file=sys.stderr)  # fmt: skip
            break
        if costs[-1] > QUIET_US:
            print(f"waiting for a quiet disk ({costs[-1]:.0f} µs a folder)", file=sys.stderr)
            time.sleep(PAUSE_SECONDS)
        costs.append(probe(where))
    return costs[-1]
