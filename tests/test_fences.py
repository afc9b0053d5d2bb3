"""What we rely on in MkDocs (or ProperDocs standing in for it), Material and lunr still holds in
the installed versions; when an upgrade breaks it, the failure names the assumption and the
versions. tests/test_engine.py runs these with ProperDocs standing in too."""

from __future__ import annotations

import re
import sys
import threading
import types
from pathlib import Path

import pytest

from gupshup_errors.fences import lunr, material, mkdocs, properdocs
from gupshup_errors.render.pages import render_search_worker


def test_the_installed_mkdocs_still_has_what_we_hook() -> None:
    assert mkdocs.broken() == []


def test_the_installed_properdocs_can_still_stand_in_for_mkdocs() -> None:
    assert properdocs.broken() == []


def test_a_properdocs_that_can_no_longer_stand_in_is_named_with_its_version() -> None:
    found = f"properdocs 1.6.7 (checked: {properdocs.CHECKED})"
    problems = properdocs.broken(
        {
            "replacement.py": "sys.modules['mkdocs'] = sys.modules['properdocs']",
            "plugins.py": "pluginmaps = {'properdocs': {}}",
            "utils/__init__.py": None,
        }
    )
    assert problems == [
        f"{found}: properdocs/replacement.py no longer redirects the `mkdocs.*` modules",
        f"{found}: properdocs/plugins.py no longer loads the plugins registered under "
        "`mkdocs.plugins` (ours)",
        f"{found}: no properdocs/utils/__init__.py; it cannot stand in for MkDocs",
    ]


def test_a_missing_properdocs_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(properdocs.importlib.util, "find_spec", lambda name: None)
    (problem,) = properdocs.broken()
    assert problem.startswith("ProperDocs is not installed: pip install ")
    assert "'.[properdocs]'" in problem


def test_properdocs_cannot_stand_in_once_mkdocs_is_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "mkdocs", types.ModuleType("mkdocs"))
    with pytest.raises(properdocs.StandInError, match="MkDocs is already imported"):
        properdocs.stand_in()


def test_the_installed_material_still_has_what_we_hook() -> None:
    assert material.broken() == []


def test_the_lunr_in_materials_worker_still_has_what_we_patch() -> None:
    assert lunr.broken() == []


def test_every_lunr_name_our_worker_uses_is_fenced() -> None:
    worker = render_search_worker("search.x.js", {})
    names = (
        r"\blunr\.\w+\.prototype\.\w+|\b(?:clause|pipeline|q)\.\w+|\bthis\.pipeline"
        r"|\btokens\[i\]\.\w+|\bresult\.matchData\.\w+"
    )
    used = set(re.findall(names, worker))
    assert used <= set(lunr.HOOKS), f"not checked against the bundle: {used - set(lunr.HOOKS)}"


def test_a_changed_material_is_named_with_its_version() -> None:
    bundle = material.worker_bundle()
    assert bundle is not None
    problems = material.broken(
        base='<script id="__cfg">{}</script>',
        bundle=bundle.replace("self.lunr=", "self.other="),
        index_source='data = {"docs": entries}',
    )
    assert len(problems) == 8
    assert all(problem.startswith("mkdocs-material 9.8.2 (checked: ") for problem in problems)
    assert 'no longer writes <script id="__config"' in problems[0]
    assert "writes hreflang links another way; codepages.py" in problems[2]
    assert "opens <html> another way; the plugin adds the direction" in problems[3]
    assert "no longer sets self.lunr" in problems[4]
    assert "search: exclude (the code pages' shell)" in problems[6]
    assert "no longer indexes documents' tags" in problems[7]


def test_a_changed_lunr_names_the_hook() -> None:
    bundle = material.worker_bundle()
    assert bundle is not None
    problems = lunr.broken(bundle.replace("Index.prototype.query=function", "Index.q=function"))
    assert problems == [
        f"lunr 2.3.9 (checked: {lunr.CHECKED}): no lunr.Index.prototype.query "
        "(looked for 'Index.prototype.query=function'); the site's search worker patches it"
    ]


def test_mkdocs_option_errors_are_named_as_settings() -> None:
    message = "Plugin 'gupshup-errors' option 'languages': 'xx' is not a language"
    assert mkdocs.setting_message("plugins", message) == (
        "plugins.gupshup-errors.languages: 'xx' is not a language"
    )
    assert mkdocs.setting_message("site_url", "bad") == "site_url: bad"


def test_a_material_that_picks_lunr_languages_otherwise_is_named() -> None:
    bundle = material.worker_bundle()
    assert bundle is not None
    changed = bundle.replace("/min/lunr.${", "/lunr/${").replace(
        '["trimmer","stopWordFilter","stemmer"]', '["trimmer"]'
    )
    problems = material.broken(bundle=changed)
    assert [problem.split("; ")[0].split("): ", 1)[1] for problem in problems] == [
        "the search worker no longer loads min/lunr.<lang>.min.js per language",
        "the search worker no longer keeps only the listed pipeline functions",
    ]


def test_the_installed_material_still_loads_the_page_as_we_expect() -> None:
    assert material.broken_loading() == []


def test_a_material_that_loads_differently_is_named_with_its_version() -> None:
    bundle = material.page_bundle()
    assert bundle is not None
    problems = material.broken_loading(
        base="<html>{% block scripts %}{% endblock %}",
        bundle=bundle.replace("XMLHttpRequest", "fetch").replace('"sitemap.xml"', "s"),
    )
    assert all(problem.startswith("mkdocs-material 9.8.2 (checked: ") for problem in problems)
    assert [problem.split(": ", 2)[2] for problem in problems] == [
        "base.html no longer starts the page with the `no-js` class that theme/main.html swaps "
        "for `js` (and errors.css hides the filter by)",
        "base.html has no block site_meta, where theme/main.html sets the `js` class",
        "the page bundle no longer fetches through XMLHttpRequest, which on-demand.html holds",
        "the page bundle no longer fetches sitemap.xml",
    ]


class _HeldCondition:
    """A condition that says whether someone holds it right now."""

    def __init__(self) -> None:
        self.inner = threading.Condition()
        self.held = False

    def __enter__(self) -> bool:
        entered = self.inner.__enter__()
        self.held = True
        return entered

    def __exit__(self, *exc: object) -> None:
        self.held = False
        self.inner.__exit__(*exc)


class _EpochReadsNoted(mkdocs.HookedServer):
    """The hooked live-reload server, noting for each read of MkDocs' visible epoch whether
    its condition was held (MkDocs: "Must be held when accessing _visible_epoch")."""

    reads: list[bool]

    @property
    def _visible_epoch(self) -> int:
        condition = self.__dict__.get("_epoch_cond")
        self.reads.append(isinstance(condition, _HeldCondition) and condition.held)
        epoch: int = self.__dict__["epoch"]
        return epoch

    @_visible_epoch.setter
    def _visible_epoch(self, value: int) -> None:
        self.__dict__["epoch"] = value


def test_a_page_gets_the_reload_script_of_the_epoch_read_under_its_condition(
    tmp_path: Path,
) -> None:
    server = _EpochReadsNoted(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.reads = []
        server._epoch_cond = _HeldCondition()  # type: ignore[assignment]
        server._visible_epoch = 123456789
        page = server.with_reload_script(b"<html><body><p>Not found.</p></body></html>")
    finally:
        server.server_close()
    assert server.reads == [True]
    assert b"livereload(123456789," in page
