"""The one writer: every file a command writes into the repository goes through here, as SQLite
and git write theirs (a temporary file in the same folder, fsync, rename, fsync the folder),
all of a command's files together, under one lock so that two commands never interleave."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".gupshup-errors.lock"
"""The lock every writing command holds, beside mkdocs.yml; it is there only while one runs."""
WAIT = 120.0
"""How long a command waits for another one to finish writing, in seconds."""

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


class WriteError(Exception):
    """A file could not be written, and so no file was changed: one sentence, located."""

    def __init__(self, path: Path, error: OSError, *, changed: bool = False) -> None:
        reason = _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()
        outcome = "the files before it were written" if changed else "nothing was changed"
        super().__init__(f"{path}: {reason}: {outcome}")


class BusyError(Exception):
    """Another command held the lock for longer than a command waits."""

    def __init__(self, lock_file: Path, waited: float, holder: str) -> None:
        super().__init__(
            f"{lock_file}: another gupshup-errors command ({holder}) has been writing for "
            f"{waited:.0f} seconds: nothing was changed; run this one again when it ends"
        )


def _fsync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _staged(path: Path, text: str) -> Path:
    """`text` in a temporary file beside `path`, on the disk; raises WriteError."""
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise WriteError(path, error) from None
    return temporary


class Writes:
    """The files one command writes: each staged on the disk as it is given, and all put in
    place at the end, so that a full disk or a failure before then changes none of them."""

    def __init__(self) -> None:
        self._staged: dict[Path, Path] = {}

    def write(self, path: Path, text: str) -> None:
        """Stage `text` as the new content of `path` (a later write of it replaces it)."""
        temporary = _staged(path, text)
        earlier = self._staged.pop(path, None)
        if earlier is not None:
            earlier.unlink(missing_ok=True)
        self._staged[path] = temporary

    def discard(self) -> None:
        """Remove every staged file: nothing was changed."""
        for temporary in self._staged.values():
            temporary.unlink(missing_ok=True)
        self._staged.clear()

    def commit(self) -> None:
        """Rename every staged file over its target, then make the folders' entries durable."""
        done: list[Path] = []
        current = next(iter(self._staged), Path())
        try:
            for current, temporary in list(self._staged.items()):
                temporary.replace(current)
                del self._staged[current]
                done.append(current)
            for current in dict.fromkeys(path.parent for path in done):
                _fsync_folder(current)
        except OSError as error:
            self.discard()
            raise WriteError(current, error, changed=bool(done)) from None


@contextmanager
def writing() -> Iterator[Writes]:
    """Writes that take effect together when the block ends, and not at all if it raises."""
    writes = Writes()
    try:
        yield writes
    except BaseException:
        writes.discard()
        raise
    writes.commit()


def write_file(path: Path, text: str) -> None:
    """Replace one file in one step: a failure leaves it as it was."""
    with writing() as writes:
        writes.write(path, text)


def _holder(lock_file: Path) -> str:
    """Who holds the lock, as its holder wrote it."""
    try:
        return lock_file.read_text("utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


def _take(lock_file: Path, deadline: float) -> int | None:
    """The lock file's descriptor, locked, once the lock is free; None after `deadline`.

    The holder deletes the file as it ends: a lock taken on a file no longer at its path
    (deleted by then) is no lock, so it is taken again on the new one."""
    while True:
        handle = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)
            continue
        try:
            same = os.path.samestat(os.fstat(handle), lock_file.stat())
        except FileNotFoundError:
            same = False
        if same:
            return handle
        os.close(handle)


@contextmanager
def locked(folder: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the project's lock (a file in `folder`, beside mkdocs.yml) for the block, so that
    two commands never read and write the records at once; wait up to `wait` seconds for
    another command to end, else raise BusyError naming it. An fcntl lock: the system frees it
    when its holder ends, however it ends."""
    lock_file = folder / LOCK_FILE
    try:
        handle = _take(lock_file, time.monotonic() + wait)
    except OSError as error:
        raise WriteError(lock_file, error) from None
    if handle is None:
        raise BusyError(lock_file, wait, _holder(lock_file))
    try:
        os.ftruncate(handle, 0)
        os.write(handle, f"pid {os.getpid()}\n".encode())
    except OSError:
        pass  # who holds it is only for the message of a command that waits too long
    try:
        yield
    finally:
        lock_file.unlink(missing_ok=True)  # before the lock is freed: see _take
        os.close(handle)
