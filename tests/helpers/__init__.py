"""The tests' helpers, one of each kind: a fixture project builder (`project`), a static server
like GitHub Pages (`server`), the command line, the Makefile's targets and the live preview
(`cli`), a free port and a wait (`waiting`), and what the tests need from the system
(`system`). The browser tests also have Chromium's pages (`browser`), one interface over every
engine (`engines`) and questions to a screenshot's pixels (`pixels`).

Tests import from here and never from another test module.
"""

from __future__ import annotations

from .cli import make, preview, run
from .project import (
    CONFIG,
    DATA,
    LANGUAGES,
    NEW_ENTRY,
    REPO,
    SAMPLE_LANGUAGES,
    SOURCE_EDIT,
    document,
    edit,
    entries,
    make_project,
    record_of,
    sample_project,
    translate,
)
from .server import GITHUB_PAGES, Hosting, Served, serve
from .system import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIREFOX,
    LOCALE_SOURCES,
    WEBKIT_DRIVER,
    XVFB,
    minibrowser,
    require,
)
from .waiting import fetch, free_port, wait_for

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "CONFIG",
    "DATA",
    "FIREFOX",
    "GITHUB_PAGES",
    "LANGUAGES",
    "LOCALE_SOURCES",
    "NEW_ENTRY",
    "REPO",
    "SAMPLE_LANGUAGES",
    "SOURCE_EDIT",
    "WEBKIT_DRIVER",
    "XVFB",
    "Hosting",
    "Served",
    "document",
    "edit",
    "entries",
    "fetch",
    "free_port",
    "make",
    "make_project",
    "minibrowser",
    "preview",
    "record_of",
    "require",
    "run",
    "sample_project",
    "serve",
    "translate",
    "wait_for",
]
