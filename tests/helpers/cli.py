"""The commands as a maintainer runs them: `python -m gupshup_errors ...` and the Makefile's
targets in a project, and the live preview (`serve`) running in the background."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .project import LANGUAGES, REPO
from .waiting import fetch, free_port, wait_for

MODULE = (sys.executable, "-m", "gupshup_errors")


def environment(env: Mapping[str, str | None] = {}) -> dict[str, str]:
    """This process' environment without SITE_URL (the documented default applies), with
    `env` set on top; a None value removes the variable."""
    merged: dict[str, str | None] = {"SITE_URL": None, "REPO_URL": None, "REPO_BRANCH": None, **env}
    base = {key: value for key, value in os.environ.items() if key not in merged}
    return base | {key: value for key, value in merged.items() if value is not None}


def make(*targets: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real Makefile targets, run in `cwd` with the venv running these tests; `-o` keeps
    make from ever reinstalling it from `cwd`."""
    venv = Path(sys.executable).parent.parent
    installed = venv / "bin" / ".installed"
    assert installed.exists(), "run the suite with `make test`"
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(REPO / "Makefile"), "-o", str(installed),
         *targets, f"VENV={venv}"],
        cwd=cwd, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def run(
    *args: str,
    cwd: Path = REPO,
    env: Mapping[str, str | None] = {},
    program: tuple[str, ...] = MODULE,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """`program *args` in `cwd`, its output captured as text; never raises on failure."""
    return subprocess.run(
        [*program, *args], cwd=cwd, env=environment(env), capture_output=True, text=True,
        encoding="utf-8", timeout=timeout, check=False,
    )  # fmt: skip


@contextmanager
def preview(
    project: Path,
    *,
    prefix: str | None = None,
    log: Path | None = None,
    first: str = LANGUAGES[0],
    limit: float = 60,
    env: Mapping[str, str | None] = {},
    stop: signal.Signals = signal.SIGTERM,
) -> Iterator[str]:
    """`serve` on a free port in `project`, once its first build is up; yields the address
    (without a trailing slash). With `prefix`, SITE_URL is that address under the prefix, so
    the preview serves there. The output goes to `log`, printed at the end (pytest shows it
    when a test fails). `env` is set for it on top of SITE_URL; `stop` is the signal that
    ends it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{(prefix or '/').rstrip('/')}"
    env = {**({"SITE_URL": f"{url}/"} if prefix else {}), **env}
    output = log.open("w") if log else open(os.devnull, "w")  # noqa: SIM115, PTH123
    with output:
        process = subprocess.Popen(
            [*MODULE, "serve", "--port", str(port)],
            cwd=project, env=environment(env), stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for(lambda: "gs-table" in fetch(f"{url}/{first}/"), "the first build", limit)
        yield url
    finally:
        process.send_signal(stop)
        process.wait(timeout=20)
        if log:
            print(log.read_text("utf-8"))
