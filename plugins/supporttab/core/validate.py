"""Authored YAML -> validated models (pydantic); every problem becomes `file:line:column: field: message`."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .fields import ONE_LANGUAGE, SEVERAL_LANGUAGES
from .problems import Problem, format_field_path, suggest
from .yamlread import YamlDocument, parse_yaml, read_yaml

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, shown_as: str, model: type[M], raw: bytes | None = None,
               languages: tuple[str, ...] | None = None) -> tuple[M | None, YamlDocument]:
    """Read and validate one file (or `raw`, the bytes about to be written to it). On failure the model is None
    and `doc.problems` says why. `languages`, the site's (default first), are those a translated text may use."""
    doc = read_yaml(path, shown_as) if raw is None else parse_yaml(raw, shown_as)
    if not doc.complete:
        return None, doc
    if doc.data is None:
        doc.problems.append(Problem(shown_as, 1, 1, "", "the file is empty; expected fields like `name: value`"))
        return None, doc
    try:
        validated = model.model_validate(doc.data, context={"languages": languages})
    except ValidationError as error:
        doc.problems.extend(_problem(doc, model, detail) for detail in error.errors(include_url=False))
        return None, doc
    # A duplicate key does not stop validation, so the author sees every mistake at once, but still fails.
    return (None if doc.problems else validated), doc


class ValidatedFiles:
    """Files validated before, by path and bytes: `mkdocs serve` loads the whole site again on every save, when all
    but the saved file are as they were. Only a file that validated without a problem is kept (its model is frozen,
    its document holds no problem to add to); any other is read again, so its messages are made afresh."""

    def __init__(self) -> None:
        self._kept: dict[tuple[type, str, tuple[str, ...] | None], tuple[bytes, BaseModel, YamlDocument]] = {}

    def load(self, path: Path, shown_as: str, model: type[M], raw: bytes | None = None,
             languages: tuple[str, ...] | None = None) -> tuple[M | None, YamlDocument]:
        """What `load_model` returns, from the last load when the file's bytes and the site's languages (which
        decide what a translated text may use) are the same."""
        raw = path.read_bytes() if raw is None else raw
        kept = self._kept.get((model, shown_as, languages))
        if kept is not None and kept[0] == raw:
            return kept[1], kept[2]  # type: ignore[return-value]
        return self.keep(shown_as, model, raw, languages, load_model(path, shown_as, model, raw, languages))

    def keep(self, shown_as: str, model: type[M], raw: bytes, languages: tuple[str, ...] | None,
             loaded: tuple[M | None, YamlDocument]) -> tuple[M | None, YamlDocument]:
        """Remember what `load_model` made of `raw` (here, or in a helper process), if it validated."""
        key = (model, shown_as, languages)
        if loaded[0] is None:
            self._kept.pop(key, None)
        else:
            self._kept[key] = (raw, *loaded)
        return loaded

    def empty(self) -> bool:
        return not self._kept


def _problem(doc: YamlDocument, model: type[BaseModel], detail: dict[str, Any]) -> Problem:
    path = tuple(part for part in detail["loc"] if part not in _FORMS)
    kind = detail["type"]
    if path and path[-1] == "[key]":  # a mapping key itself is wrong, e.g. a misspelt weekday
        path = path[:-1]
        return doc.problem(path, explain_error(detail), key=True, field_name=format_field_path(path))
    if kind == "extra_forbidden":
        known = _field_names_at(model, path[:-1])
        hint = suggest(str(path[-1]), known, "known fields here: " + ", ".join(known))
        message = f"'{path[-1]}' is not a known field; {hint}"
        return doc.problem(path, message, key=True, field_name=format_field_path(path))
    return doc.problem(path, explain_error(detail), field_name=format_field_path(path))


_FORMS = (ONE_LANGUAGE, SEVERAL_LANGUAGES)  # which form a translated text took: not where the author wrote it


def _found(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (name: value lines)"
    if isinstance(value, list):
        return "a list"
    return repr(value)


_EXPLANATIONS = {  # what is wrong; how to write it instead
    "missing": "this field is required; add it",
    "string_type": "expected text, found {found}; write the text",
    "bool_parsing": "expected true or false, found {found}; write true or false",
    "bool_type": "expected true or false, found {found}; write true or false",
    "int_parsing": "expected a whole number, found {found}; write digits only, like 5",
    "int_type": "expected a whole number, found {found}; write digits only, like 5",
    "float_parsing": "expected a number, found {found}; write it like 0.5",
    "float_type": "expected a number, found {found}; write it like 0.5",
    "dict_type": "expected a mapping of fields (name: value lines), found {found}; indent the fields under this key",
    "model_type": "expected a mapping of fields (name: value lines), found {found}; indent the fields under this key",
    "model_attributes_type": "expected a mapping of fields (name: value lines), found {found}; indent the fields "
                             "under this key",
    "list_type": "expected a list, found {found}; write [a, b], or one item per line starting with '- '",
    "tuple_type": "expected a list, found {found}; write [a, b], or one item per line starting with '- '",
    "date_parsing": "expected a date, found {found}; write it like 2026-12-25",
    "date_from_datetime_parsing": "expected a date, found {found}; write it like 2026-12-25",
    "date_type": "expected a date, found {found}; write it like 2026-12-25",
    "datetime_parsing": "expected a date and time with its UTC offset, found {found}; write it like "
                        "2026-11-23T14:05:00+01:00",
    "datetime_from_date_parsing": "expected a date and time with its UTC offset, found {found}; write it like "
                                  "2026-11-23T14:05:00+01:00",
    "datetime_type": "expected a date and time with its UTC offset, found {found}; write it like "
                     "2026-11-23T14:05:00+01:00",
    "timezone_aware": "{found} has no UTC offset; add one, like 2026-11-23T14:05:00+01:00",
    "too_short": "needs at least {min_length} item(s); add one",
    "string_too_short": "is empty; write the text",
    "string_too_long": "is longer than {max_length} characters; shorten it",
    "too_long": "has more than {max_length} items; remove some",
    "greater_than": "must be more than {gt}, found {found}; write a larger number",
    "greater_than_equal": "must be at least {ge}, found {found}; write {ge} or more",
    "less_than_equal": "must be at most {le}, found {found}; write {le} or less",
    "string_pattern_mismatch": "{found} does not have the expected form ({pattern}); write it in that form",
}


def explain_error(detail: dict[str, Any]) -> str:
    kind, ctx = detail["type"], detail.get("ctx", {})
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind in ("literal_error", "enum"):
        return f"{_found(detail['input'])} is not allowed; write one of {ctx.get('expected', '')}"
    template = _EXPLANATIONS.get(kind)
    if template is None:
        return f"{detail['msg'][:1].lower()}{detail['msg'][1:]}"
    return template.format(found=_found(detail["input"]), **ctx)


def _field_names_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `path` inside `model` (for 'did you mean' hints)."""
    annotation: Any = model
    for part in path:
        annotation = _inner(annotation, part)
    candidates = [a for a in _alternatives(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
    return list(candidates[0].model_fields) if candidates else []


def _inner(annotation: Any, part: Any) -> Any:
    for option in _alternatives(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel) and part in option.model_fields:
            return option.model_fields[part].annotation
        args = typing.get_args(option)
        origin = typing.get_origin(option)
        if origin in (list, tuple) and args and isinstance(part, int):
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
    return None


def _alternatives(annotation: Any) -> list[Any]:
    """Unwrap Annotated and Optional/Union into the plain types they allow."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for arg in typing.get_args(annotation) for a in _alternatives(arg)]
    return [annotation]

