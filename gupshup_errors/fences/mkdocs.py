"""MkDocs internals we rely on: the wording of its configuration errors, its live-reload
server's private page hook, epoch and build delay, the anchors a rendered page is known to
have, and a plugin's events registered as it joins a plugin collection. Checked against
mkdocs 1.6.1, and against properdocs 1.6.7 standing in for it (properdocs.py), whose modules
then answer to the same names."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.structure.pages import Page

from . import installed

CHECKED = "mkdocs 1.6.1; properdocs 1.6.7"
# How MkDocs words an error in a plugin's option (config_options.Plugins): we name the setting
# as a path instead, "plugins.gupshup-errors.languages", which is what a maintainer looks for.
_PLUGIN_OPTION = re.compile(r"^Plugin '([^']+)' option '([^']+)': ", re.M)


class SettingsError(ConfigurationError):
    """mkdocs.yml holds a setting the site cannot be built with."""


def setting_message(config_name: str, message: str) -> str:
    """MkDocs' error about `config_name` as 'dotted.setting: what is wrong'."""
    if config_name == "plugins" and _PLUGIN_OPTION.match(message):
        return _PLUGIN_OPTION.sub(r"plugins.\1.\2: ", message)
    return f"{config_name}: {message}"


def validated_config(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml, validated as `mkdocs build` would; raises SettingsError naming each bad
    setting, where MkDocs itself would only log them."""
    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with config_file.open("rb") as handle:
            config.load_file(handle)
    except OSError as error:
        raise SettingsError(f"{config_file}: cannot be read: {error.strerror}") from None
    errors, _warnings = config.validate()
    if errors:
        raise SettingsError(
            "\n".join(f"{config_file}: {setting_message(name, str(e))}" for name, e in errors)
        )
    return config


class HookedServer(LiveReloadServer):
    """MkDocs' live-reload server with a public hook on every HTML page it serves."""

    def wait_after_a_change(self, seconds: float) -> None:
        """How long the files must stay unchanged before a rebuild starts (MkDocs: 0.1 s,
        its `build_delay`): a saved file is whole by the next poll."""
        self.build_delay = seconds

    def decorate(self, content: bytes) -> bytes:
        """The page as served, after MkDocs has added its reload script; override it."""
        return content

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        return self.decorate(bytes(content))

    def with_reload_script(self, content: bytes) -> bytes:
        """`content` as MkDocs serves a page of the current build, reload script included."""
        with self._epoch_cond:  # MkDocs: "Must be held when accessing _visible_epoch."
            epoch = self._visible_epoch
        return self._inject_js_into_html(content, epoch)


def add_anchors(page: Page, anchors: Iterable[str]) -> None:
    """Tell MkDocs' anchor check (`validation.anchors`) that `page` has `anchors`: ids our plugin
    puts into it after MkDocs has rendered it (the table's rows), so that a link to a row is
    not reported as "does not contain an anchor"."""
    if page.present_anchor_ids is None:
        raise ValueError(f"{page.file.src_uri} is not rendered yet")
    page.present_anchor_ids.update(anchors)


def with_plugin(plugins: PluginCollection, name: str, plugin: BasePlugin[Any]) -> PluginCollection:
    """`plugins` with `plugin` in place of the one named `name`, in the same order: a new
    collection, as MkDocs registers a plugin's events when it is added to one."""
    collection = PluginCollection()
    for key, loaded in plugins.items():
        collection[key] = plugin if key == name else loaded
    return collection


def engine() -> str:
    """'name version' of the engine behind `import mkdocs`: MkDocs, or ProperDocs standing in."""
    return installed(mkdocs.__name__)


def broken() -> list[str]:
    """Every assumption above the installed MkDocs (or ProperDocs standing in) no longer meets."""
    hook = getattr(LiveReloadServer, "_inject_js_into_html", None)
    init = inspect.getsource(LiveReloadServer.__init__)
    build_loop = getattr(LiveReloadServer, "_build_loop", None)
    checks = [
        (
            hook is not None
            and list(inspect.signature(hook).parameters) == ["self", "content", "epoch"],
            "LiveReloadServer._inject_js_into_html(self, content, epoch) is gone or changed; "
            "the preview's error overlay and 404 page rely on it",
        ),
        *(
            (
                name in init,
                f"LiveReloadServer.__init__ no longer sets '{name}'; the preview relies on it "
                "(the 404 page's epoch, the wait after a change)",
            )
            for name in (
                "self._epoch_cond = threading.Condition()",
                "self._visible_epoch =",
                "self.build_delay =",
            )
        ),
        (
            build_loop is not None and "timeout=self.build_delay" in inspect.getsource(build_loop),
            "LiveReloadServer._build_loop no longer waits `self.build_delay` after a change; "
            "the preview's wait_after_a_change does nothing",
        ),
        (
            "f\"Plugin '{name}' option '{key}': {msg}\""
            in inspect.getsource(config_options.Plugins),
            "config_options.Plugins no longer words an option's error as \"Plugin 'NAME' "
            "option 'KEY': ...\"; settings errors would not name plugins.NAME.KEY",
        ),
        (
            "self._register_event(" in inspect.getsource(PluginCollection.__setitem__),
            "PluginCollection.__setitem__ no longer registers a plugin's events; the site "
            "builder's plugin for each language would not run",
        ),
        (
            "anchor in page.present_anchor_ids" in inspect.getsource(Page.validate_anchor_links),
            "Page.validate_anchor_links no longer checks page.present_anchor_ids; links to "
            "the table's rows would be reported as missing",
        ),
    ]
    found = engine()
    return [f"{found} (checked: {CHECKED}): {message}" for holds, message in checks if not holds]
