"""The one fixture project builder: a throwaway copy of the project's inputs (mkdocs.yml, docs/,
data/) in a temporary folder, with the languages, the codes and their texts a test needs."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from gupshup_errors.builder import settings
from gupshup_errors.data.load import load
from gupshup_errors.data.model import TEXT_FIELDS
from gupshup_errors.data.problems import DataError
from gupshup_errors.records import changes as history
from gupshup_errors.records import translated
from gupshup_errors.records.pages.commands import PageFiles, confirm
from gupshup_errors.text.writer import writing

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
_SETTINGS = settings.read(CONFIG)
LANGUAGES: list[str] = list(_SETTINGS.languages)
"""The languages the repository's site builds, as mkdocs.yml lists them."""
DATA = CONFIG.parent / _SETTINGS.data_file
_PAGES_RECORD = PageFiles.named_by(_SETTINGS).record_file.resolve().relative_to(REPO)
ANCHOR = "gupshup-whatsapp-api"

Text = Callable[[int, str, str], str]
"""The text of (code, language, field), field being 'name' or 'action'."""


def _numbered(code: int, language: str, field: str) -> str:
    return f"{field} {code} {language}"


def entries(
    codes: Iterable[int],
    languages: Sequence[str] = LANGUAGES,
    text: Text = _numbered,
    retired: Iterable[int] = (),
    messages: Mapping[int, str] | None = None,
) -> list[dict[str, Any]]:
    """Data entries for `codes`, each with a name and an action in every language, and the
    API's message for the codes in `messages`."""
    gone, messages = set(retired), messages or {}
    return [
        {
            "code": code,
            **({"message": messages[code]} if code in messages else {}),
            **({"retired": True} if code in gone else {}),
            **{lang: {f: text(code, lang, f) for f in ("name", "action")} for lang in languages},
        }
        for code in codes
    ]


def document(codes: Sequence[Mapping[str, Any]], languages: Sequence[str] = LANGUAGES) -> str:
    """A whole data file holding `codes`, under a title in every language."""
    title = yaml.safe_load(DATA.read_text("utf-8"))["table"]["title"]
    table = {
        "anchor": ANCHOR,
        "title": {lang: title.get(lang, f"Table ({lang})") for lang in languages},
    }
    data = {"table": table, "codes": list(codes)}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def record_of(codes: Sequence[Mapping[str, Any]]) -> str:
    """The published record listing every one of `codes`, retirements marked."""
    lines = [f"{entry['code']}{' retired' if entry.get('retired') else ''}" for entry in codes]
    return "".join(f"{line}\n" for line in lines)


def _write(target: Path, content: str | bytes | Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copy(content, target)
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, "utf-8")


def _all_current(data: Path, languages: Sequence[str]) -> str | None:
    """The translation record of a data file whose every translation is current; None when
    the data cannot be read (its problems come first anyway)."""
    try:
        table = load(data, languages)
    except DataError:
        return None
    return translated.render(translated.sources(table, languages, TEXT_FIELDS))


FIRST_DATE = "2026-11-01"
"""The date of a fixture project's first entry in its record of changes."""


def _all_added(data: Path, languages: Sequence[str]) -> str | None:
    """The record of changes of a data file whose every code was added on FIRST_DATE, as
    `make published` would have written it; None when the data cannot be read."""
    try:  # the data's own languages: a settings case may build more than the repository
        own = list(yaml.safe_load(data.read_text("utf-8"))["table"]["title"])
        table = load(data, own)
    except (DataError, TypeError, KeyError, yaml.YAMLError, UnicodeDecodeError):
        try:
            table = load(data, languages)
        except DataError:
            return None
    first = history.pending(None, table, languages[0], date.fromisoformat(FIRST_DATE))
    return history.appended(None, first)


def _with_languages(config: str, languages: Sequence[str]) -> str:
    edited, found = re.subn(
        r"^(\s*languages:\s*)\[[^\]]*\]", rf"\g<1>[{', '.join(languages)}]", config, flags=re.M
    )
    assert found == 1, "mkdocs.yml lists the plugin's languages as `languages: [..]` no more"
    return edited


def _holds_only(codes: Sequence[Mapping[str, Any]], languages: Sequence[str]) -> None:
    """A fixture's data holds the languages its project builds, and no other: with the
    repository's languages (entries()' default) in a project of its own languages, a language
    added to the repository would break the fixture, not the code."""
    found = {key for entry in codes for key, value in entry.items() if isinstance(value, Mapping)}
    extra = sorted(found - set(languages))
    assert not extra, (
        f"the codes hold {extra}, which the project does not build: pass its languages to entries()"
    )


def make_project(
    where: Path,
    *,
    languages: Sequence[str] | None = None,
    codes: Sequence[Mapping[str, Any]] | None = None,
    data: str | bytes | Path | None = None,
    record: str | bytes | Path | None = None,
    translated: str | bytes | Path | None = None,
    changes: str | bytes | Path | None = None,
    files: Mapping[str, str | bytes | Path] | None = None,
    config: Callable[[str], str] | None = None,
    pages_recorded: bool = True,
) -> Path:
    """A project at `where` to build, break or edit freely.

    - `languages`: what mkdocs.yml builds (default: the repository's languages);
    - `codes`: the data's entries (see `entries`), or `data`: the data file as written;
      neither: the repository's own data file;
    - `record`: data/published.txt (default: the repository's with its own data, else every
      code of `codes` published);
    - `translated`: data/translated.txt (default: the repository's with its own data, else
      every translation of the given data recorded as current, as `make translated` would);
    - `changes`: data/changes.txt (default: the repository's with its own data, else every
      code of the given data added on FIRST_DATE; none when the data cannot be read);
    - `files`: more files, by path relative to the project (the repository's pages in docs/
      come only with the repository's data); pages among them have their translations
      recorded as current (data/translated-pages.txt) unless `files` gives that record or
      `pages_recorded` is False (no record, as before the first `make translated`);
    - `config`: an edit of mkdocs.yml's text.
    """
    where.mkdir(parents=True)
    text = CONFIG.read_text("utf-8")
    if languages is not None:
        text = _with_languages(text, languages)
    (where / "mkdocs.yml").write_text(config(text) if config else text, "utf-8")
    # The repository's pages link to the repository's codes: a project with its own data
    # gets docs/ without them (its `files` add its own).
    own_data = codes is not None or data is not None
    pages = shutil.ignore_patterns("*.md") if own_data else None
    shutil.copytree(REPO / "docs", where / "docs", ignore=pages)
    shutil.copytree(DATA.parent, where / "data")  # with the editor's schema beside the data
    if own_data:  # nor the record of the repository's pages' translations
        (where / _PAGES_RECORD).unlink(missing_ok=True)
    if codes is not None:
        _holds_only(codes, languages or LANGUAGES)
        data = document(codes, languages or LANGUAGES)
        record = record_of(codes) if record is None else record
    if data is not None:
        _write(where / "data" / "errors.yml", data)
    if record is not None:
        _write(where / "data" / "published.txt", record)
    if translated is None and data is not None:
        translated = _all_current(where / "data" / "errors.yml", languages or LANGUAGES)
    if translated is not None:
        _write(where / "data" / "translated.txt", translated)
    if changes is None and data is not None:
        changes = _all_added(where / "data" / "errors.yml", languages or LANGUAGES)
        if changes is None:
            (where / "data" / "changes.txt").unlink(missing_ok=True)
    if changes is not None:
        _write(where / "data" / "changes.txt", changes)
    for relative, content in (files or {}).items():
        _write(where / relative, content)
    if pages_recorded and files and any(name.startswith("docs/") for name in files):
        _record_pages(where, files)
    return where


def _record_pages(where: Path, files: Mapping[str, object]) -> None:
    """Every translation of docs/ recorded as made from its source as it is now, as
    `make translated` would, unless `files` gives the record itself."""
    pages = PageFiles.named_by(settings.read(where / "mkdocs.yml"))
    if pages.record_file.resolve().relative_to(where.resolve()).as_posix() not in files:
        with writing() as out:
            confirm(pages, [], [], out)


SAMPLE = Path(__file__).parents[1] / "data" / "sample"
SAMPLE_LANGUAGES = ("ru", "en")
"""tests/data/sample: a data file (today's table, frozen) for the tests that edit particular
lines and texts; its languages are its own, whatever the repository's site builds."""


NEW_ENTRY = """
  - code: 4006
    ru:
      name: Новая ошибка
      action: Новое действие.
    en:
      name: New error
      action: New action.
"""
"""A new code (4006) in the sample's languages, to append after the last entry."""


SOURCE_EDIT = (
    "      action: Номер получателя не зарегистрирован в WhatsApp.\n",
    "      action: Номер получателя не зарегистрирован в WhatsApp или недоступен.\n",
)
"""A change to a source (ru) text of the sample, 1002's action: its translations go stale."""


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file with `new`, as a maintainer's editor would."""
    text = path.read_text("utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def sample_project(where: Path, **options: Any) -> Path:
    """A project with the sample data and its record, building the sample's languages."""
    sample = {
        "data": SAMPLE / "errors.yml",
        "record": SAMPLE / "published.txt",
        "translated": SAMPLE / "translated.txt",
    }
    return make_project(where, languages=SAMPLE_LANGUAGES, **(sample | options))


def translate(po: str, context: str, new: str, *, keep_fuzzy: bool = False) -> str:
    """`po` with one entry's msgstr replaced, as a translator's tool saves it."""
    entry = po.index(f'msgctxt "{context}"\n')
    start = po.index("msgstr ", entry)
    end = po.find("\n\n", start)
    end = len(po) if end < 0 else end
    head = po[:entry]
    if not keep_fuzzy:  # the translator's tool clears the flag and the previous source
        block = head.rfind("\n\n") + 2
        kept = [line for line in head[block:].splitlines(True) if not line.startswith(("#,", "#|"))]
        head = head[:block] + "".join(kept)
    quoted = new.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return head + po[entry:start] + f'msgstr "{quoted}"' + po[end:]
