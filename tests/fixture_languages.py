"""A fixture project in languages the repository does not build: Arabic (right to left, six
plural forms) and Ukrainian (no lunr stemmer), with their catalogs in tests/data/locales
(the plugin's `locales_dir`), never in the package."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from gupshup_errors import published
from gupshup_errors.load import load

from .conftest import CONFIG, REPO

LOCALES = REPO / "tests" / "data" / "locales"
ANCHOR = "fixture-table"
TITLES = {
    "ar": "جدول أخطاء Gupshup WhatsApp API",
    "uk": "Gupshup WhatsApp API — повна таблиця помилок",
    "en": "Gupshup WhatsApp API — full error table",
    "ru": "Gupshup WhatsApp API — Полная таблица ошибок",
}
# (name, action) per code and language: inline code and links inside right-to-left text.
TEXTS: dict[int, dict[str, tuple[str, str]]] = {
    1002: {
        "ar": ("الرقم غير موجود في WhatsApp", "رقم المستلم غير مسجّل في WhatsApp. راجع [الرمز 1003](#1003)."),
        "uk": ("Номер не існує в WhatsApp", "Номер одержувача не зареєстровано в WhatsApp."),
        "en": ("Number does not exist on WhatsApp", "The recipient's number is not registered on WhatsApp."),
        "ru": ("Номер не существует в WhatsApp", "Номер получателя не зарегистрирован в WhatsApp."),
    },
    1003: {
        "ar": ("القالب غير معتمد", "أرسل `template_id` صحيحًا، أو راجع [دليل القوالب](https://example.com/templates/)."),
        "uk": ("Шаблон не схвалено", "Надішліть правильний `template_id` або перегляньте [довідник шаблонів](https://example.com/templates/)."),
        "en": ("Template not approved", "Send a valid `template_id` or read [the template guide](https://example.com/templates/)."),
        "ru": ("Шаблон не одобрен", "Отправьте верный `template_id` или прочтите [справку о шаблонах](https://example.com/templates/)."),
    },
    4001: {
        "ar": ("تجاوز حد الإرسال", "انتظر 60 ثانية ثم أعد المحاولة."),
        "uk": ("Перевищено ліміт надсилання", "Зачекайте 60 секунд і спробуйте ще раз."),
        "en": ("Sending limit exceeded", "Wait 60 seconds and try again."),
        "ru": ("Превышен лимит отправки", "Подождите 60 секунд и повторите попытку."),
    },
}  # fmt: skip


def _config(languages: Sequence[str]) -> str:
    """The repository's mkdocs.yml, building `languages` with the fixture catalogs."""
    text, count = re.subn(
        r"^(\s+)languages:.*$",
        lambda found: (
            f"{found[1]}languages: {list(languages)!r}\n{found[1]}locales_dir: {str(LOCALES)!r}"
        ),
        CONFIG.read_text("utf-8"),
        count=1,
        flags=re.M,
    )
    assert count == 1, "mkdocs.yml no longer sets the plugin's languages on one line"
    return text


def language_project(root: Path, languages: Sequence[str]) -> Path:
    """A project under `root` whose site is built in `languages`; returns its mkdocs.yml."""
    data = {
        "table": {"anchor": ANCHOR, "title": {lang: TITLES[lang] for lang in languages}},
        "codes": [
            {
                "code": code,
                **{lang: {"name": texts[lang][0], "action": texts[lang][1]} for lang in languages},
            }
            for code, texts in TEXTS.items()
        ],
    }
    (root / "data").mkdir(parents=True)
    errors = root / "data" / "errors.yml"
    errors.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    record = published.render(None, load(errors, languages))
    (root / "data" / "published.txt").write_text(record, "utf-8")
    (root / "docs").symlink_to(REPO / "docs")
    config = root / "mkdocs.yml"
    config.write_text(_config(languages), "utf-8")
    return config
