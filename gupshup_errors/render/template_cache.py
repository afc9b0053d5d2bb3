"""A Jinja bytecode cache shared by the builds of one process, and kept on disk for the next.

Each language is its own MkDocs build, and each build makes a new Jinja environment that
would compile Material's templates again; each `make site` is a new process that would too.
Jinja checks every cached entry against a checksum of the template's source (and its own
bytecode version), so an edited template is compiled afresh. The disk copy is Jinja's own
`FileSystemBytecodeCache`: a folder of this user's in the system's temporary folder, each
entry written whole (a temporary file renamed), so builds running at once never read half a
file.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self._store: dict[str, bytes] = {}
        self._disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)
            if bucket.code is not None:
                self._store[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            self._disk.dump_bytecode(bucket)

    def clear(self) -> None:
        self._store.clear()


def kept_on_disk() -> MemoryBytecodeCache:
    """A cache for one process whose entries are also kept on disk for the next process."""
    try:
        disk: BytecodeCache | None = FileSystemBytecodeCache(pattern="gupshup-errors-%s.cache")
    except RuntimeError:  # no safe temporary folder for this user: compile in memory only
        disk = None
    return MemoryBytecodeCache(disk)
