"""Theme settings that speak the page's language: its language and direction, the language
selector's links, the palette toggles' names."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig

from ..render.pages import alternates
from ..text import i18n
from .settings import THEME


def localize(
    config: MkDocsConfig,
    language: str,
    languages: Sequence[str],
    root_url: str,
    catalogs: i18n.Catalogs,
) -> None:
    """Set the theme of one language's build: Material's language, direction and palette,
    and the language versions that the selector and the page head link to."""
    # Material writes `link` into the head as hreflang links, which must be absolute; our
    # selector (theme/partials/alternate.html) links by `path`, which works on any host.
    config.extra["alternate"] = [
        {
            "name": alt.name,
            "link": alt.url,
            "path": alt.link,
            "lang": alt.language,
            "locale": alt.locale,
            "dir": alt.direction,
        }
        for alt in alternates(root_url, languages, catalogs)
    ]
    config.extra["x_default"] = root_url
    # After a custom_dir, if the site has one, so that the site can still override us.
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    config.theme["language"] = language
    config.theme["direction"] = i18n.direction(language)
    palette_options = config.theme.get("palette")
    if isinstance(palette_options, list):  # a list of schemes, so there are toggles to name
        config.theme["palette"] = palette(palette_options, language, catalogs)


def _switch_to(option: Mapping[str, object], gettext: Callable[[str], str]) -> str:
    """What choosing `option` does, said with `gettext`."""
    if option.get("media") == "(prefers-color-scheme)":
        return gettext("Switch to the system's color scheme")
    if option.get("scheme") == "slate":
        return gettext("Switch to dark mode")
    return gettext("Switch to light mode")


def palette(
    options: Sequence[Mapping[str, object]],
    language: str,
    catalogs: i18n.Catalogs = i18n.PACKAGE,
) -> list[dict[str, object]]:
    """Material's palette options with each toggle named in `language`.

    A toggle's button selects the next option in the list, so it is named after that one.
    """
    gettext = i18n.translations(language, catalogs).gettext
    named: list[dict[str, object]] = []
    for index, option in enumerate(options):
        copy = dict(option)
        toggle = option.get("toggle")
        if isinstance(toggle, Mapping):
            following = options[(index + 1) % len(options)]
            copy["toggle"] = {**toggle, "name": _switch_to(following, gettext)}
        named.append(copy)
    return named
