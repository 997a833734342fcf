"""Writing incident and maintenance files for the CLI: new files, and updates appended as text so the author's
formatting and comments stay exactly as they were."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from ..core.yamlread import YamlDocument

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"


def slugify(title: str) -> str:
    """'Card payments failing (UK)' -> 'card-payments-failing-uk'"""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:50].rstrip("-") or "incident"


def scalar(value: str) -> str:
    """A one-line YAML value: plain where that is unambiguous, else a double-quoted (JSON) string."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ,.()/'+_-]*", value) and not value.endswith(" ") and ": " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def block(name: str, text: str, indent: str) -> str:
    """`name: |` with the text as a literal block, or a quoted scalar when a block cannot hold it as is."""
    text = text.strip("\n")
    if "\n" not in text and len(text) < 60:
        return f"{indent}{name}: {scalar(text)}\n"
    if text[:1].isspace() or "\t" in text or "\r" in text:
        return f"{indent}{name}: {json.dumps(text, ensure_ascii=False)}\n"
    lines = "".join(f"{indent}  {line}".rstrip() + "\n" for line in text.split("\n"))
    return f"{indent}{name}: |\n{lines}"


def stamp(moment: dt.datetime) -> str:
    """ISO 8601 with the UTC offset, to the second."""
    return moment.isoformat(timespec="seconds")


def update_text(fields: dict[str, object], indent: str) -> str:
    """One list item of `updates:`; `fields` in order, `body` last as a block."""
    lines = []
    first = True
    for name, value in fields.items():
        if value is None or value == {} or value is False:
            continue
        prefix = f"{indent}- " if first else f"{indent}  "
        first = False
        if name == "body":  # never first: `at` leads every update
            lines.append(block(name, str(value), f"{indent}  "))
        elif isinstance(value, dict):
            lines.append(f"{prefix}{name}:\n" + "".join(f"{indent}    {k}: {v}\n" for k, v in value.items()))
        elif isinstance(value, dt.datetime):
            lines.append(f"{prefix}{name}: {stamp(value)}\n")
        elif value is True:
            lines.append(f"{prefix}{name}: true\n")
        else:
            lines.append(f"{prefix}{name}: {scalar(str(value))}\n")
    return "".join(lines)


def new_file_text(schema: str, header: dict[str, object], first_update: dict[str, object]) -> str:
    lines = [SCHEMA_LINE.format(schema)]
    for name, value in header.items():
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            lines.append(f"{name}: [{', '.join(value)}]\n")
        elif isinstance(value, dt.datetime):
            lines.append(f"{name}: {stamp(value)}\n")
        else:
            lines.append(f"{name}: {scalar(str(value))}\n")
    lines.append("\nupdates:\n")
    lines.append(update_text(first_update, "  "))
    return "".join(lines)


def append_update(text: str, doc: YamlDocument, fields: dict[str, object]) -> str:
    """`text` with one more update at the end of its `updates:` list, everything else untouched."""
    lines = text.splitlines(keepends=True)
    first_item = doc.values.get(("updates", 0))
    indent = " " * max(first_item[1] - 3, 0) if first_item else "  "
    at = _end_of_top_level_block(lines, doc, "updates")
    if lines and not lines[at - 1].endswith("\n") and at == len(lines):
        lines[-1] += "\n"
    return "".join(lines[:at]) + update_text(fields, indent) + "".join(lines[at:])


def keeping_line_endings(path: Path, edit) -> str:
    """`edit` applied to the file's text with plain newlines; the result has the file's own line endings, so
    a file saved on Windows keeps its CRLF."""
    original = path.read_bytes().decode("utf-8")
    edited = edit(original.replace("\r\n", "\n"))
    return edited.replace("\n", "\r\n") if "\r\n" in original else edited


def append_block(text: str, block_text: str) -> str:
    """`text` with a new top-level block at its end."""
    return text.rstrip("\n") + "\n\n" + block_text


def _end_of_top_level_block(lines: list[str], doc: YamlDocument, key: str) -> int:
    """The index of the line where the top-level block `key` ends: before the next top-level key (and the
    comments and blank lines just above it), or the end of the file. Only a `#` in the first column starts
    a comment there for sure: an indented one may be a line of text, like a hashtag ending an update."""
    start = doc.keys[(key,)][0]
    following = sorted(line for path, (line, _) in doc.keys.items() if len(path) == 1 and line > start)
    end = following[0] - 1 if following else len(lines)
    while end > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end
