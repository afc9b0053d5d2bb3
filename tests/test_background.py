"""Jobs beside the build: forked where that is safe, at once where it is not, and a failed job
is reported, by name, when they are waited for."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from gupshup_errors.builder.background import JobError, Jobs, can_fork

from .helpers.cli import run


def _write_pid(path: Path) -> None:
    path.write_text(str(os.getpid()), "utf-8")


def _fail() -> None:
    raise OSError(28, "No space left on device")


# Run in a fresh interpreter: the test session itself has other tests' server threads, where
# jobs (rightly) run at once.
_FORKED_JOBS = """
import os, sys
from pathlib import Path
from gupshup_errors.builder.background import JobError, Jobs, can_fork
assert can_fork(), "a fresh interpreter has one thread"
folder = Path(sys.argv[1])

def fail():
    raise OSError(28, "No space left on device")

print(os.getpid())
try:
    with Jobs(limit=1) as jobs:
        jobs.run("the code pages in 'en'", fail)
        for name in "012":  # more jobs than the limit: each waits for a free place
            jobs.run(name, lambda name=name: (folder / name).write_text(str(os.getpid())))
except JobError as error:
    print(error)
"""


def test_jobs_run_in_processes_of_their_own_and_a_failed_one_is_named(tmp_path: Path) -> None:
    ran = run(_FORKED_JOBS, str(tmp_path), program=(sys.executable, "-c"))
    assert ran.returncode == 0, ran.stderr
    caller, said = ran.stdout.split("\n", 1)
    pids = {int((tmp_path / str(index)).read_text("utf-8")) for index in range(3)}
    assert len(pids) == 3 and int(caller) not in pids
    assert said == "the code pages in 'en': OSError: [Errno 28] No space left on device\n"


def test_with_another_thread_running_a_job_runs_at_once_in_this_process(tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        with Jobs() as jobs:
            jobs.run("job", lambda: _write_pid(tmp_path / "pid"))
            assert (tmp_path / "pid").read_text("utf-8") == str(os.getpid())
    finally:
        stop.set()
        thread.join()


def test_a_failed_job_run_at_once_is_named_when_the_jobs_are_waited_for(tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with pytest.raises(JobError) as raised, Jobs() as jobs:
            jobs.run("the code pages in 'en'", _fail)
            jobs.run("the code pages in 'ru'", lambda: _write_pid(tmp_path / "ru"))
    finally:
        stop.set()
        thread.join()
    assert str(raised.value) == (
        "the code pages in 'en': OSError: [Errno 28] No space left on device"
    )
    assert (tmp_path / "ru").exists(), "the other job still ran to its end"


def test_an_error_of_the_block_itself_is_the_one_raised(tmp_path: Path) -> None:
    with pytest.raises(KeyError), Jobs() as jobs:
        jobs.run("failing", _fail)
        jobs.run("writing", lambda: _write_pid(tmp_path / "pid"))
        raise KeyError("the build failed")
    assert (tmp_path / "pid").exists(), "the jobs were waited for before the error went on"
