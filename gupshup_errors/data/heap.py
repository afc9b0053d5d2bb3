"""The cyclic garbage collector around the one big reading of the data.

Python's collector runs whenever allocations outnumber deallocations by a threshold, and each
full run walks every live object. Composing a 10,000-code file makes about half a million
objects (a node and two marks per value) that all stay alive, so the collector ran again and
again over a growing heap and found nothing: 1.1 s of the 1.35 s that libyaml's compose took
(measured at 10,000 codes, 2026-12-04; `scripts/bench` reports the whole build).

Neither the reading nor the table it gives makes reference cycles, so nothing is lost by not
looking for them: the collector is paused while the data is read, and the table (with all
that is alive beside it) is kept out of the collector's scans while the site is built from it.
Both undo themselves, so a long-running preview rebuilds with the collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything
    else); cycles made meanwhile, if any, are found by the next collection after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """What is alive now is left out of every collection inside the block; afterwards it is
    back in the oldest generation. A process forked inside the block does not touch those
    objects' headers either, so its pages of memory stay shared with this one."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
