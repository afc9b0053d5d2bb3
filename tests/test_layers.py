"""The package's plan holds: layers import only the layers below them, only the front end
imports MkDocs or Material, and the import graph stays shallow."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "gupshup_errors"
LAYERS = ("text", "data", "records", "render", "builder", "serve", "cli")
"""Bottom to top: a layer may import the layers before it, never one after it."""
FRONT_END = ("builder", "serve", "fences")
"""The only packages that may import MkDocs or Material: the rest moves to another engine."""
MAX_DEPTH = 12
"""The longest chain: the command line, a command's own module (cli/site.py), the site build,
its incremental state, the one reading of the sources (records/reading.py), then the records
and the data's readers below it."""
MAX_MODULES = 12


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in PACKAGE.rglob("*.py")}


@functools.cache
def _imports(module: str) -> list[tuple[str, int]]:
    """Every module of the package that `module` imports, anywhere in it, with the line."""
    path = MODULES[module]
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                name = f"{target}.{alias.name}"
                found.append((name if name in MODULES else target, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name in MODULES and name != module]


def _external(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


_DEPTHS: dict[str, int] = {}
"""Each module's depth once known: the graph is walked once, not once per path through it."""


def _depth(module: str, seen: tuple[str, ...] = ()) -> int:
    assert module not in seen, "import cycle: " + " -> ".join((*seen, module))
    if module not in _DEPTHS:  # known only once all below it are: a cycle still meets `seen`
        below = [_depth(name, (*seen, module)) for name, _ in _imports(module)]
        _DEPTHS[module] = 1 + max(below, default=0)
    return _DEPTHS[module]


def test_the_plan_is_read_from_the_package() -> None:
    found = {_layer(module) for module in MODULES} - {None}
    assert found == set(LAYERS), "a layer was added or renamed: say where it sits in LAYERS"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_layer_imports_a_higher_one(module: str) -> None:
    mine = _layer(module)
    upward = [
        f"line {line}: {name}"
        for name, line in _imports(module)
        if mine is not None
        and (theirs := _layer(name)) is not None
        and LAYERS.index(theirs) > LAYERS.index(mine)
    ]
    assert not upward, f"{module} ({mine}) imports a higher layer: {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_front_end_imports_mkdocs_or_material(module: str) -> None:
    if module.split(".")[1:2] and module.split(".")[1] in FRONT_END:
        return
    assert not _external(module) & {"mkdocs", "material"}, module


READERS = {"located", "table", "review", "history", "overview", "load_located", "load_table"}
"""What reads a build's sources: above the records, only records/reading.py's `read` may."""


@pytest.mark.parametrize(
    "module", sorted(name for name in MODULES if _layer(name) in ("builder", "serve"))
)
def test_a_build_reads_its_sources_only_through_the_one_reading(module: str) -> None:
    calls = [
        f"line {node.lineno}: {name}()"
        for node in ast.walk(ast.parse(MODULES[module].read_text("utf-8")))
        if isinstance(node, ast.Call)
        and (name := getattr(node.func, "attr", getattr(node.func, "id", None))) in READERS
    ]
    assert not calls, f"{module} reads the sources itself; take records.reading.Reading"


def test_the_import_graph_is_shallow() -> None:
    deepest = max(MODULES, key=_depth)
    assert _depth(deepest) <= MAX_DEPTH, f"{deepest} stands {_depth(deepest)} levels deep"


def test_every_folder_is_small_and_every_module_says_its_job() -> None:
    for folder in {path.parent for path in MODULES.values()}:
        assert len(list(folder.glob("*.py"))) <= MAX_MODULES, folder
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text("utf-8"))
        assert ast.get_docstring(tree), f"{module} has no docstring saying its job"
