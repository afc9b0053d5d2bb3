"""ProperDocs standing in for MkDocs (`make site ENGINE=properdocs`) builds the site MkDocs
builds, byte for byte but the generator tag, and what we rely on in the engine (the fences)
holds with either."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from .helpers import REPO, make, make_project

ENGINES = ("mkdocs", "properdocs")
# Material names the engine and its version in every page's head; nothing else may differ.
_GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# The fences' own tests, in a process where ProperDocs stood in before anything imported MkDocs.
_UNDER_PROPERDOCS = """
import sys
from gupshup_errors.fences.properdocs import stand_in
stand_in()
import pytest
from gupshup_errors.fences.mkdocs import engine
status = pytest.main(sys.argv[1:])
print("engine:", engine())
sys.exit(status)
"""


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*")
            if path.is_file()}  # fmt: skip


def _generators(files: dict[str, bytes]) -> set[str]:
    return {found.decode() for data in files.values() for found in _GENERATOR.findall(data)}


def test_properdocs_builds_the_site_mkdocs_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # one build date for both
    sites = {}
    for engine in ENGINES:
        project = make_project(tmp_path / engine)
        built = make("site", f"ENGINE={engine}", cwd=project)
        assert built.returncode == 0, built.stderr
        sites[engine] = _files(project / "site")
    mkdocs, properdocs = (sites[engine] for engine in ENGINES)
    material = f"mkdocs-material-{version('mkdocs-material')}"
    assert _generators(mkdocs) == {f"mkdocs-{version('mkdocs')}, {material}"}
    (generator,) = _generators(properdocs)
    assert f"ProperDocs {version('properdocs')}" in generator, "built with MkDocs after all"
    assert sorted(properdocs) == sorted(mkdocs)
    tagged = [name for name, data in mkdocs.items() if _GENERATOR.search(data)]
    assert tagged, "no page names its generator: the comparison below would prove nothing"
    different = [
        name
        for name, data in mkdocs.items()
        if _GENERATOR.sub(b"", data) != _GENERATOR.sub(b"", properdocs[name])
    ]
    assert different == []


def test_the_fences_hold_with_properdocs_standing_in(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _UNDER_PROPERDOCS, "-q", "-p", "no:cacheprovider",
         f"--basetemp={tmp_path / 'pytest'}", str(REPO / "tests" / "test_fences.py")],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"engine: properdocs {version('properdocs')}" in done.stdout.splitlines()
    assert " passed" in done.stdout


def test_an_engine_we_do_not_know_is_refused_by_name() -> None:
    done = make("--dry-run", "site", "ENGINE=zensical", cwd=REPO)
    assert done.returncode != 0
    assert "ENGINE=zensical: the engines are mkdocs and properdocs" in done.stderr
