"""The interface words a reader of each language must see.

For Russian and English they are written here by hand, so a test never reads back what the
code under test wrote. For any other language the tests expect what its catalog says (read
with Babel straight from the .po file) and what Material's own translation says, so a new
language is checked as ru and en are, rather than skipped.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import material
from babel.messages.pofile import read_po

from .project import REPO

# Short names the tests use, and the catalog's message for each.
MESSAGES = {
    "site name": "Gupshup WhatsApp API error codes",
    "title": "Error codes and what they mean",
    "description": "What each Gupshup WhatsApp API error code means and what to do about it.",
    "code": "Code",
    "error": "Error",
    "meaning": "Meaning / action",
    "copy": "Copy the link to code %(code)s",
    "copied": "Link copied",
    "failed": "Could not copy. The link is now in the address bar.",
    "no match": "No code matches “%(query)s”.",
    "more": "Showing the first %(shown)s of %(total)s matching codes. "
    "Type more to narrow them down.",
    "to dark": "Switch to dark mode",
    "to light": "Switch to light mode",
    "filter": "Filter the table",
    "not found": "Page not found",
    "not built": "The last change was not built",
    "retired": "Retired: the API no longer returns this code.",
    "api message": "API message",
    "copy page": "Copy link",
    "outdated": "This translation may be out of date.",
    "original": "Read the original (%(language)s)",
    "copy markdown": "Copy as Markdown",
    "copy row markdown": "Copy code %(code)s as Markdown",
    "markdown copied": "Markdown copied",
}
WRITTEN = {
    "ru": {
        "site name": "Коды ошибок Gupshup WhatsApp API",
        "title": "Коды ошибок и их значения",
        "description": "Что означает каждый код ошибки Gupshup WhatsApp API и что с ним делать.",  # noqa: RUF001
        "code": "Код",
        "error": "Ошибка",
        "meaning": "Значение / действие",
        "copy": "Скопировать ссылку на код {code}",
        "copied": "Ссылка скопирована",
        "failed": "Не удалось скопировать. Ссылка теперь в адресной строке.",  # noqa: RUF001
        "no match": "Ни один код не подходит под «{query}».",
        "more": "Показаны первые {shown} совпадений из {total}. "
        "Уточните запрос, чтобы сузить список.",
        "to dark": "Включить тёмную тему",
        "to light": "Включить светлую тему",
        "filter": "Фильтр по таблице",
        "not found": "Страница не найдена",
        "not built": "Последнее изменение не собрано",
        "retired": "Код выведен из употребления: API его больше не возвращает.",  # noqa: RUF001
        "api message": "Сообщение API",
        "copy page": "Скопировать ссылку",
        "outdated": "Этот перевод может быть устаревшим.",
        "original": "Читать оригинал ({language})",
        "copy markdown": "Скопировать как Markdown",
        "copy row markdown": "Скопировать код {code} как Markdown",
        "markdown copied": "Markdown скопирован",
        "search": "Поиск",
    },
    "en": {
        **{key: re.sub(r"%\((\w+)\)[sd]", r"{\1}", text) for key, text in MESSAGES.items()},
        "search": "Search",
    },
}
CATALOGS = REPO / "gupshup_errors" / "locales"
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
"""lunr's languages as Material bundles them: lunr.<language>.min.js where lunr can stem it."""


@functools.cache
def interface(language: str) -> dict[str, str]:
    """Each short name -> the words on the page, with `{name}` where a value goes."""
    if language in WRITTEN:
        return WRITTEN[language]
    with (CATALOGS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po, locale=language)
    words = {}
    for key, message in MESSAGES.items():
        found = catalog.get(message)
        assert found is not None and found.string, f"{language}: no translation of {message!r}"
        words[key] = re.sub(r"%\((\w+)\)[sd]", r"{\1}", str(found.string))
    # Material's own translation of its search box (its partials/languages/<language>.html).
    material = (MATERIAL_LANGUAGES / f"{language}.html").read_text("utf-8")
    placeholder = re.search(r'"search\.placeholder": "([^"]*)"', material)
    assert placeholder, f"Material's {language}.html names no search.placeholder"
    return {**words, "search": placeholder[1]}
