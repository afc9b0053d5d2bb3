"""Theme settings that speak the page's language: the names of the palette toggles."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..text import i18n


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
