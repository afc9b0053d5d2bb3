"""Work that goes on beside the build: each job runs in a forked process of its own.

Writing 10,000 codes' pages in each language is mostly the kernel creating 20,000 folders and
files; forked, one language's pages are written while the next language builds, on another
core. A job may only write files: it shares nothing back but whether it failed, and why.

Where forking is not safe or not there (a process with other threads, such as the preview's
server, or a platform without fork), a job runs at once, in this process, with the same
result.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from types import TracebackType
from typing import NoReturn

# What a failed job says, at most: a pipe's buffer, so that it never blocks on a full pipe.
_MESSAGE_BYTES = 4096


class JobError(Exception):
    """One or more jobs failed; the message names each and says why."""


@dataclass(frozen=True)
class _Running:
    name: str
    pid: int
    said: int
    """The read end of the pipe the job writes its failure to."""


def can_fork() -> bool:
    """Forking copies one thread only: safe only while this process has no other."""
    return hasattr(os, "fork") and threading.active_count() == 1


def _workers() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class Jobs:
    """Jobs run beside the caller; leaving the `with` block waits for every one of them and
    raises JobError if any failed (unless the block itself raised, which then goes on)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = max(1, limit or _workers())
        self._running: list[_Running] = []
        self._failures: list[str] = []

    def run(self, name: str, job: Callable[[], None]) -> None:
        """Start `job` in a forked process (or, where that is unsafe, run it now)."""
        if not can_fork():
            try:
                job()
            except Exception as error:
                self._failures.append(f"{name}: {type(error).__name__}: {error}")
            return
        while len(self._running) >= self.limit:
            self._reap(self._running[0])
        # Anything still buffered would be written twice, once by each process.
        sys.stdout.flush()
        sys.stderr.flush()
        said, say = os.pipe()
        pid = os.fork()
        if pid == 0:  # the job's process: it never returns into the caller's code
            os.close(said)
            _run_and_exit(job, say)
        os.close(say)
        self._running.append(_Running(name, pid, said))

    def _reap(self, running: _Running) -> None:
        chunks = []
        while chunk := os.read(running.said, _MESSAGE_BYTES):
            chunks.append(chunk)
        os.close(running.said)
        _, status = os.waitpid(running.pid, 0)
        self._running.remove(running)
        if os.waitstatus_to_exitcode(status) != 0:
            why = b"".join(chunks).decode("utf-8", "replace") or f"exit status {status}"
            self._failures.append(f"{running.name}: {why}")

    def wait(self) -> None:
        """Wait for every job; JobError if any failed."""
        while self._running:
            self._reap(self._running[0])
        failures, self._failures = self._failures, []
        if failures:
            raise JobError("\n".join(failures))

    def __enter__(self) -> Jobs:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.wait()
            return
        with suppress(JobError):  # the block's own error is the one to report
            self.wait()


def _run_and_exit(job: Callable[[], None], say: int) -> NoReturn:
    status = 0
    try:
        job()
    except BaseException as error:  # everything, as nothing may unwind into the caller's code
        message = f"{type(error).__name__}: {error}".encode("utf-8", "replace")
        os.write(say, message[:_MESSAGE_BYTES])
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the caller's buffers
