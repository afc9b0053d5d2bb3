"""ProperDocs, the maintained continuation of MkDocs 1.6, standing in for MkDocs: what its
`properdocs.replacement` must keep doing for that, and `python -m gupshup_errors.fences.properdocs
ARGS`, the command line with ProperDocs as the engine (`make site ENGINE=properdocs`).
Checked against properdocs 1.6.7 (notes/engine.md)."""

from __future__ import annotations

import importlib
import importlib.util
import runpy
import sys
from importlib.resources import files

from . import installed

CHECKED = "properdocs 1.6.7"
# What makes ProperDocs a stand-in, file by file: the alias of every `mkdocs` module, and the
# entry points our plugin and Material are registered under (`mkdocs.plugins`, `mkdocs.themes`).
_NEEDED = {
    "replacement.py": {
        "sys.modules['mkdocs'] = sys.modules['properdocs']": "no longer makes `mkdocs` ProperDocs",
        'fullname.startswith("mkdocs.")': "no longer redirects the `mkdocs.*` modules",
    },
    "plugins.py": {
        "'mkdocs': {}": "no longer loads the plugins registered under `mkdocs.plugins` (ours)",
    },
    "utils/__init__.py": {
        "entry_points(group='mkdocs.themes')": "no longer finds Material (`mkdocs.themes`)",
    },
}


class StandInError(RuntimeError):
    """MkDocs itself was imported first, so ProperDocs can no longer stand in for it."""


def stand_in() -> None:
    """From now on every `import mkdocs...` in this process loads ProperDocs' module of the same
    name. It must come before MkDocs is imported: the modules that hold MkDocs' own would mix
    the two engines."""
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != "properdocs":
        raise StandInError("MkDocs is already imported; ProperDocs must stand in before it")
    importlib.import_module("properdocs.replacement")


def _source(name: str) -> str | None:
    """A file of the installed ProperDocs, read as text: importing its modules is no way to
    look (the replacement would swap MkDocs out, and a module imported under a `mkdocs` name
    no longer knows its file)."""
    path = files("properdocs").joinpath(name)
    return path.read_text("utf-8") if path.is_file() else None


def broken(read: dict[str, str | None] | None = None) -> list[str]:
    """Every assumption above the installed ProperDocs (or the given sources, by file) no
    longer meets."""
    if read is None and importlib.util.find_spec("properdocs") is None:
        return ["ProperDocs is not installed: pip install -c constraints.txt -e '.[properdocs]'"]
    found = f"{installed('properdocs')} (checked: {CHECKED})"
    problems = []
    for name, needles in _NEEDED.items():
        source = _source(name) if read is None else read.get(name)
        if source is None:
            problems.append(f"{found}: no properdocs/{name}; it cannot stand in for MkDocs")
            continue
        problems += [
            f"{found}: properdocs/{name} {what}" for n, what in needles.items() if n not in source
        ]
    return problems


if __name__ == "__main__":
    if problems := broken():
        sys.exit("\n".join(problems))  # rather than a build on an engine that is not there
    stand_in()
    runpy.run_module("gupshup_errors", run_name="__main__", alter_sys=True)
