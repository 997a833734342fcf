"""Authored YAML -> validated models; every problem becomes `file:line:column: field: message`."""

from __future__ import annotations

import csv
import difflib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .config import Options
from .model import Hub
from .problems import DataError, Problem, format_field_path
from .yamlread import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, shown_as: str, model: type[M]) -> tuple[M | None, YamlDocument]:
    """Read and validate one file. On failure the model is None and `doc.problems` says why."""
    doc = read_yaml(path, shown_as)
    if doc.problems:
        return None, doc
    if doc.data is None:
        doc.problems.append(Problem(shown_as, 1, 1, "", "the file is empty; expected fields like `name: value`"))
        return None, doc
    try:
        return model.model_validate(doc.data), doc
    except ValidationError as error:
        doc.problems.extend(_problem(doc, model, detail) for detail in error.errors(include_url=False))
        return None, doc


def _problem(doc: YamlDocument, model: type[BaseModel], detail: dict[str, Any]) -> Problem:
    path = tuple(detail["loc"])
    kind = detail["type"]
    if path and path[-1] == "[key]":  # a mapping key itself is wrong, e.g. a misspelt weekday
        path = path[:-1]
        return doc.problem(path, explain_error(detail), key=True, field_name=format_field_path(path))
    if kind == "extra_forbidden":
        known = _field_names_at(model, path[:-1])
        close = difflib.get_close_matches(str(path[-1]), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "known fields here: " + ", ".join(known)
        message = f"'{path[-1]}' is not a known field; {hint}"
        return doc.problem(path, message, key=True, field_name=format_field_path(path))
    return doc.problem(path, explain_error(detail), field_name=format_field_path(path))


def _found(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (name: value lines)"
    if isinstance(value, list):
        return "a list"
    return repr(value)


_EXPLANATIONS = {
    "missing": "this field is required; add it",
    "string_type": "expected text, found {found}",
    "bool_parsing": "expected true or false, found {found}",
    "bool_type": "expected true or false, found {found}",
    "int_parsing": "expected a whole number, found {found}",
    "int_type": "expected a whole number, found {found}",
    "dict_type": "expected a mapping of fields (name: value lines), found {found}",
    "model_type": "expected a mapping of fields (name: value lines), found {found}",
    "model_attributes_type": "expected a mapping of fields (name: value lines), found {found}",
    "list_type": "expected a list (lines starting with '- '), found {found}",
    "tuple_type": "expected a list (lines starting with '- '), found {found}",
    "date_parsing": "expected a date like 2026-12-25, found {found}",
    "date_from_datetime_parsing": "expected a date like 2026-12-25, found {found}",
    "date_type": "expected a date like 2026-12-25, found {found}",
    "datetime_parsing": "expected a date and time with its UTC offset, like 2026-11-23T14:05:00+01:00, "
                        "found {found}",
    "datetime_from_date_parsing": "expected a date and time with its UTC offset, like "
                                  "2026-11-23T14:05:00+01:00, found {found}",
    "datetime_type": "expected a date and time with its UTC offset, like 2026-11-23T14:05:00+01:00, "
                     "found {found}",
    "timezone_aware": "{found} has no UTC offset; add one, like 2026-11-23T14:05:00+01:00",
    "too_short": "needs at least {min_length} item(s); add one",
    "too_long": "has more than {max_length} items; remove some",
    "greater_than_equal": "must be at least {ge}, found {found}",
    "less_than_equal": "must be at most {le}, found {found}",
    "string_pattern_mismatch": "{found} does not have the expected form ({pattern})",
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


# --- the whole site ------------------------------------------------------------------------------------


class SiteData(BaseModel):
    """Everything authored for the site, validated and cross-checked."""

    model_config = {"frozen": True, "arbitrary_types_allowed": True}

    hub: Hub
    page_views: dict[str, int] = {}
    data_files: tuple[Path, ...] = ()


def load_site(root: Path, docs_dir: Path, options: Options) -> SiteData:
    """Load every authored file under `root` (the folder of mkdocs.yml); raise DataError listing all problems."""
    problems: list[Problem] = []
    hub_path = _confined(root, options.hub)
    if hub_path is None or not hub_path.is_file():
        raise DataError([Problem("mkdocs.yml", 1, 1, "plugins.supporttab.hub",
                                 f"the hub file '{options.hub}' does not exist inside the site folder; create "
                                 "it or fix the path")])
    hub, doc = load_model(hub_path, _shown(root, hub_path), Hub)
    problems += doc.problems
    page_views: dict[str, int] = {}
    data_files = [hub_path]
    if hub is not None:
        problems += _check_page_links(hub, doc, docs_dir)
        if hub.help_myself.popular.page_views:
            page_views, csv_problems = _load_page_views(hub, doc, hub_path.parent, root)
            problems += csv_problems
            data_files.append((hub_path.parent / hub.help_myself.popular.page_views).resolve())
    if problems:
        raise DataError(problems)
    return SiteData(hub=hub, page_views=page_views, data_files=tuple(data_files))


def _shown(root: Path, path: Path) -> str:
    """A file's name as shown in messages: relative to the site root, with forward slashes."""
    return path.resolve().relative_to(root.resolve()).as_posix()


def _confined(folder: Path, relative: str) -> Path | None:
    """`folder/relative`, or None when it would leave `folder` (through `..`, an absolute path or a symlink)."""
    candidate = (folder / relative).resolve()
    return candidate if candidate.is_relative_to(folder.resolve()) else None


def _check_page_links(hub: Hub, doc: YamlDocument, docs_dir: Path) -> list[Problem]:
    """Every page the hub names must exist in the content folder."""
    linked: list[tuple[tuple[str | int, ...], str]] = [
        (("help_myself", "popular", "pins", i), pin) for i, pin in enumerate(hub.help_myself.popular.pins)]
    linked += [(("help_myself", "guides", i, "page"), guide.page)
               for i, guide in enumerate(hub.help_myself.guides) if guide.page]
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    problems = []
    for path, page in linked:
        if page not in pages:
            close = difflib.get_close_matches(page, pages, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "check the path"
            problems.append(doc.problem(path, f"the page '{page}' does not exist in "
                                              f"{docs_dir.name}/; {hint}", field_name=format_field_path(path)))
    return problems


def _load_page_views(hub: Hub, doc: YamlDocument, hub_dir: Path, root: Path) -> tuple[dict[str, int], list[Problem]]:
    field = ("help_myself", "popular", "page_views")
    name = hub.help_myself.popular.page_views
    path = _confined(hub_dir, name)
    if path is None or not path.is_file():
        return {}, [doc.problem(field, f"the page-view export '{name}' does not exist next to the hub file; "
                                       "export it from your analytics as CSV with columns path,views",
                                field_name=format_field_path(field))]
    return read_page_views(path, _shown(root, path))


def read_page_views(path: Path, shown_as: str) -> tuple[dict[str, int], list[Problem]]:
    """Read an analytics export (`path,views` CSV) into URL path -> views; problems name the bad line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, [Problem(shown_as, 1, 1, "", "the file is not UTF-8 text; export it again as UTF-8 CSV")]
    rows = list(csv.reader(text.splitlines()))
    if not rows or [cell.strip().lower() for cell in rows[0][:2]] != ["path", "views"]:
        return {}, [Problem(shown_as, 1, 1, "", "the first line must be the header `path,views`; add it")]
    views: dict[str, int] = {}
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != 2 or not row[1].strip().isdigit():
            problems.append(Problem(shown_as, number, 1, "", f"expected `path,views` with a whole number of "
                                                             f"views, found {','.join(row)!r}"))
            continue
        views[row[0].strip()] = views.get(row[0].strip(), 0) + int(row[1])
    return views, problems
