"""A code as `lookup` prints it on a terminal: its number and texts, labelled."""

from __future__ import annotations

from ..data.model import NOTE, ErrorCode, Kind, code_fields, kind, label, translated_fields


def described(row: ErrorCode, language: str) -> str:
    """A code's fields as `lookup` prints them: the number and the first translated text, the
    provider's texts (labelled), the second translated text as the body, any more labelled,
    then the flags that are set."""
    texts = row.texts[language]
    first, body, *more = (
        (item, text) for item in translated_fields() if (text := getattr(texts, item.name))
    )
    own = [(item, value) for item in code_fields() if (value := getattr(row, item.name))]
    lines = [f"{row.code}: {first[1]}"]
    lines += [f"  {label(item)}: {value}" for item, value in own if kind(item) is Kind.PROVIDER]
    lines += [f"  {body[1]}", *(f"  {label(item)}: {text}" for item, text in more)]
    lines += [
        f"  {item.name}: {item.metadata.get(NOTE, label(item))}"
        for item, _ in own
        if kind(item) is Kind.FLAG
    ]
    return "\n".join(lines)
