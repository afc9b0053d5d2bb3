"""The dates a build and the records take from the sources, so that rebuilds are identical:
the one place SOURCE_DATE_EPOCH is read.

A build's date, in order: SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/),
the last commit's date, and where there is no git history, the newest input file's modification
time.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path


class SourceDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a usable timestamp."""


def source_date_epoch() -> datetime | None:
    """SOURCE_DATE_EPOCH as a date in UTC; None when it is not set. A value that is not a
    whole number of seconds raises SourceDateError, wherever it is read."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise SourceDateError(
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970; "
            "set it to e.g. $(git log -1 --format=%ct) or unset it"
        )
    return datetime.fromtimestamp(int(value), UTC)


def source_date(root: Path, inputs: Sequence[Path]) -> datetime:
    """When the sources under `root` last changed, in UTC."""
    given = source_date_epoch()
    if given is not None:
        return given
    epoch = _last_commit(root)
    if epoch is None:
        epoch = max(int(path.stat().st_mtime) for path in inputs)
    return datetime.fromtimestamp(epoch, UTC)


def _last_commit(root: Path) -> int | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root, capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None  # no git on this machine
    output = result.stdout.strip()
    return int(output) if result.returncode == 0 and output.isdigit() else None


def build_date(config_file: Path, data_file: Path) -> datetime:
    """The date of a site's sources, for its sitemaps: the same on every build of one commit."""
    return source_date(config_file.parent, [config_file, data_file])


def today() -> date:
    """The date new entries of a record get: SOURCE_DATE_EPOCH's day, else today in UTC."""
    epoch = source_date_epoch()
    return (epoch or datetime.now(UTC)).date()
