"""Every place the package relies on another project's internals, one module per project.

Each module names the versions it was checked against and has a `broken()` that lists, in
words, every assumption the installed version no longer meets (tests/test_fences.py runs them),
so an upgrade fails with the broken assumption named rather than with a wrong page.
"""

from __future__ import annotations

from importlib.metadata import version


def installed(distribution: str) -> str:
    """'name version' of the installed distribution, for messages."""
    return f"{distribution} {version(distribution)}"
