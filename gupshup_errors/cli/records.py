"""published, translated, import and schema: the commands that write the records, each one call
of the records' layer (records/updates.py), which writes through the one writer; the editor's
schema is rendered by render/editor_schema.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..builder.settings import Settings
from ..records import updates
from ..render import editor_schema


def record_published(settings: Settings, when: date) -> int:
    """Add every new code and retirement to the published record; never drop one."""
    print(updates.publish(settings, when))
    return 0


def record_translated(
    settings: Settings, codes: Sequence[str], languages: Sequence[str], when: date
) -> int:
    """Record the current source for the reviewed translations (every one by default)."""
    print(updates.confirm_reviewed(settings, codes, languages, when))
    return 0


def import_translations(settings: Settings, po_file: Path, when: date) -> int:
    """Write a translator's PO file back into the data; nothing is written on a problem."""
    print(updates.import_file(settings, po_file, when))
    return 0


def write_schema(settings: Settings) -> int:
    """Regenerate the data file's JSON Schema from the model."""
    path = settings.data_file.with_name(editor_schema.FILE_NAME)
    print(updates.write_generated(settings, path, editor_schema.render(settings.languages)))
    return 0
