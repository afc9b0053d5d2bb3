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

from .paths import shown

LOCK_FILE = ".gupshup-errors.lock"
"""The lock every writing command holds, beside mkdocs.yml; it is there only while one runs."""
JOURNAL = ".gupshup-errors.journal"
"""The renames a command has still to make, beside the lock; there only while it makes them."""
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
        outcome = "the next command finishes what was begun" if changed else "nothing was changed"
        super().__init__(f"{shown(path)}: {reason}: {outcome}")


class BusyError(Exception):
    """Another command held the lock for longer than a command waits."""

    def __init__(self, lock_file: Path, waited: float, holder: str) -> None:
        super().__init__(
            f"{shown(lock_file)}: another gupshup-errors command ({holder}) has been writing "
            f"for {waited:.0f} seconds: nothing was changed; run this one again when it ends"
        )


def _fsync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _staged(path: Path, text: str) -> Path:
    """`text` in a temporary file beside `path`, on the disk; raises WriteError."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    except OSError as error:
        raise WriteError(path, error) from None
    temporary = Path(name)
    try:
        try:
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(handle, data) :]
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(path, error) from None
    return temporary


def _renamed(pairs: list[tuple[Path, Path]]) -> None:
    """Each temporary file renamed over its target, and then the folders' entries synced."""
    for temporary, target in pairs:
        if temporary.exists():  # else renamed already, before a kill
            temporary.replace(target)
    for folder in dict.fromkeys(target.parent for _, target in pairs):
        _fsync_folder(folder)


def recover(folder: Path) -> None:
    """Finish the renames of a command that was stopped while making them (its journal says
    which), so that its files are all as it would have finished them."""
    journal = folder / JOURNAL
    try:
        text = journal.read_text("utf-8")
    except FileNotFoundError:
        return
    pairs = [line.split("\t") for line in text.splitlines() if line.count("\t") == 1]
    _renamed([(Path(temporary), Path(target)) for temporary, target in pairs])
    journal.unlink()
    _fsync_folder(folder)


def _journal(folder: Path, lines: str) -> None:
    """The journal of the renames to make, in place and on the disk; raises WriteError."""
    journal = _staged(folder / JOURNAL, lines)
    try:
        journal.replace(folder / JOURNAL)
        _fsync_folder(folder)
    except OSError as error:
        journal.unlink(missing_ok=True)
        (folder / JOURNAL).unlink(missing_ok=True)
        raise WriteError(folder / JOURNAL, error) from None


class Writes:
    """The files one command writes: each staged on the disk as it is given, and all put in
    place at the end, so that a full disk or a failure before then changes none of them. With
    a journal, a command killed while renaming them is finished by the next one (`recover`)."""

    def __init__(self, journal_folder: Path | None = None) -> None:
        self._staged: dict[Path, Path] = {}
        self._journal_folder = journal_folder

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
        """Put every staged file in place: the journal first, when there is one, then the
        renames, then the folders synced."""
        pairs = [(temporary, path.absolute()) for path, temporary in self._staged.items()]
        if not pairs:
            return
        folder = self._journal_folder
        if folder is not None:
            lines = "".join(f"{temporary.absolute()}\t{target}\n" for temporary, target in pairs)
            try:
                _journal(folder, lines)
            except WriteError:
                self.discard()
                raise
        self._staged.clear()
        try:
            _renamed(pairs)
        except OSError as error:
            raise WriteError(pairs[0][1], error, changed=True) from None
        if folder is not None:
            (folder / JOURNAL).unlink()


@contextmanager
def writing(journal_folder: Path | None = None) -> Iterator[Writes]:
    """Writes that take effect together when the block ends, and not at all if it raises;
    with a journal in `journal_folder`, together even when the command is killed."""
    writes = Writes(journal_folder)
    try:
        yield writes
    except BaseException:
        writes.discard()
        raise
    writes.commit()


@contextmanager
def transaction(folder: Path) -> Iterator[Writes]:
    """The project's lock (in `folder`, beside mkdocs.yml), and writes that take effect
    together when the block ends, journaled there."""
    with locked(folder), writing(folder) as writes:
        yield writes


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
    two commands never read and write the records at once, and first finish what a killed
    command began; wait up to `wait` seconds for another command to end, else raise BusyError
    naming it. An fcntl lock: the system frees it when its holder ends, however it ends."""
    lock_file = folder / LOCK_FILE
    try:
        handle = _take(lock_file, time.monotonic() + wait)
    except OSError as error:
        raise WriteError(lock_file, error) from None
    if handle is None:
        raise BusyError(lock_file, wait, _holder(lock_file))
    try:
        try:
            os.ftruncate(handle, 0)
            os.write(handle, f"pid {os.getpid()}\n".encode())
        except OSError:
            pass  # who holds it is only for the message of a command that waits too long
        try:
            recover(folder)
        except OSError as error:
            raise WriteError(folder / JOURNAL, error, changed=True) from None
        yield
    finally:
        lock_file.unlink(missing_ok=True)  # before the lock is freed: see _take
        os.close(handle)
