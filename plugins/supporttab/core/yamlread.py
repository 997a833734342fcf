"""Read one authored YAML file into plain data, remembering where every key and value was written.

Scalars stay text (YAML 1.1's surprises such as `no` -> False or `17:30` -> 1050 never happen); the models
convert text to numbers, dates and booleans. The document is built from the parser's event stream with an
explicit stack, so hostile nesting cannot exhaust the C stack, and anchors, aliases and custom tags are
refused, so alias bombs and `!!python/object` do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import forbidden_message
from .problems import Problem

Position = tuple[int, int]
FieldPath = tuple[str | int, ...]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
_DISCARDED = "\0discarded"
_NULLS = {"", "~", "null", "Null", "NULL"}
_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """Plain data from one file plus the 1-based position of every value and key in it."""

    file: str
    data: Any = None
    values: dict[FieldPath, Position] = field(default_factory=dict)
    keys: dict[FieldPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    complete: bool = False  # parsed to the end: `data` is whole, though it may have dropped duplicate keys

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where `path` was written; falls back to the nearest enclosing value that exists."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: FieldPath, message: str, *, key: bool = False, field_name: str = "") -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.file, line, column, field_name, message)


def read_yaml(path: Path, shown_as: str, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read `path` (reported as `shown_as`); problems are collected in the result, never raised."""
    return parse_yaml(path.read_bytes(), shown_as, max_bytes=max_bytes)


def parse_yaml(raw: bytes, shown_as: str, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Parse YAML bytes (reported as `shown_as`), as `read_yaml` does for a file."""
    doc = YamlDocument(shown_as)
    if len(raw) > max_bytes:
        doc.problems.append(Problem(shown_as, 1, 1, "", f"the file is {len(raw):,} bytes, over the limit of "
                                    f"{max_bytes:,}; split it into smaller files"))
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    _check_tabs(text, doc)
    if doc.problems:
        return doc
    _build(text, doc)
    return doc


def _decode(raw: bytes, doc: YamlDocument) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        doc.problems.append(Problem(doc.file, line, column, "", f"byte 0x{raw[error.start]:02x} is not valid "
                                    "UTF-8; save the file with UTF-8 encoding"))
        return None


def _check_tabs(text: str, doc: YamlDocument) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            doc.problems.append(Problem(doc.file, number, indent.index("\t") + 1, "",
                                        "a tab is used for indentation; indent with spaces instead"))


class _Frame:
    """A mapping or sequence being built, with the key waiting for its value (for mappings)."""

    def __init__(self, path: FieldPath, data: dict | list):
        self.path = path
        self.data = data
        self.key: str | None = None


def _build(text: str, doc: YamlDocument) -> None:
    stack: list[_Frame] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(event, "the file holds more than one YAML document (a second `---`); "
                                          "keep one document per file")
            elif isinstance(event, yaml.AliasEvent):
                raise _Refused(event, "aliases (`*name`) are not supported; write the value out in full")
            elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _check_tag(event)
                _add_node(event, stack, doc)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
        doc.complete = True
    except _Refused as refusal:
        mark = refusal.event.start_mark
        doc.problems.append(Problem(doc.file, mark.line + 1, mark.column + 1, "", refusal.message))
    except yaml.MarkedYAMLError as error:
        line, column, what = syntax_error(error)
        doc.problems.append(Problem(doc.file, line, column, "", f"this is not valid YAML ({what}); check the "
                                    "indentation, and put text containing ': ' or '#' in quotes"))
    except yaml.YAMLError as error:
        doc.problems.append(Problem(doc.file, 1, 1, "", f"this is not valid YAML ({error})"))


def syntax_error(error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """(line, column, what the parser expected) of a YAML syntax error, 1-based."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, " ".join(part for part in (error.context, error.problem) if part)


class _Refused(Exception):
    def __init__(self, event: yaml.Event, message: str):
        self.event = event
        self.message = message


def _check_tag(event: yaml.Event) -> None:
    tag = getattr(event, "tag", None)
    if tag and tag not in _STANDARD_TAGS and tag != "!":
        raise _Refused(event, f"the tag '{tag}' is not allowed; remove it and write a plain value")


def _add_node(event: yaml.Event, stack: list[_Frame], doc: YamlDocument) -> None:
    position = (event.start_mark.line + 1, event.start_mark.column + 1)
    if isinstance(event, yaml.ScalarEvent):
        value: Any = _scalar(event)
        refused = forbidden_message(value) if value else None
        if refused:
            doc.problems.append(Problem(doc.file, *position, "", refused))
    else:
        value = {} if isinstance(event, yaml.MappingStartEvent) else []

    if not stack:
        doc.data, doc.values[()] = value, position
        path: FieldPath = ()
    else:
        frame = stack[-1]
        if isinstance(frame.data, list):
            path = (*frame.path, len(frame.data))
            frame.data.append(value)
            doc.values[path] = position
        elif frame.key is None:
            _take_key(event, value, position, frame, doc)
            return
        else:
            path = (*frame.path, frame.key)
            if not frame.key.startswith(_DISCARDED):
                frame.data[frame.key] = value
                doc.values[path] = position
            frame.key = None

    if not isinstance(event, yaml.ScalarEvent):
        if len(stack) >= MAX_DEPTH:
            raise _Refused(event, f"the data nests deeper than {MAX_DEPTH} levels; flatten it")
        stack.append(_Frame(path, value))


def _take_key(event: yaml.Event, value: Any, position: Position, frame: _Frame, doc: YamlDocument) -> None:
    if not isinstance(event, yaml.ScalarEvent) or value is None:
        raise _Refused(event, "a key must be plain text followed by a colon, like `name: value`")
    key = str(value)
    path = (*frame.path, key)
    if key in frame.data:
        first_line = doc.keys[path][0]
        doc.problems.append(Problem(doc.file, *position, "", f"the key '{key}' appears twice (first on line "
                                    f"{first_line}); keep only one of them"))
        key = f"{_DISCARDED}{position}"  # the repeated value is parsed, then dropped
    else:
        doc.keys[path] = position
    frame.key = key


def _scalar(event: yaml.ScalarEvent) -> str | None:
    plain = not event.style and event.implicit[0]  # libyaml says '' where the pure-Python parser says None
    if plain and event.value in _NULLS or event.tag == "tag:yaml.org,2002:null":
        return None
    return event.value
