"""Loading `incidents/`: components, incidents and maintenance, checked against each other and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.characters import visible
from ..core.paths import shown_path
from ..core.problems import Problem, format_field_path, suggest
from ..core.secondcore import SecondCore, worth_a_helper
from ..core.timefmt import utc_iso
from ..core.validate import ValidatedFiles, load_model
from ..core.vocabulary import MAINTENANCE_STATUSES, OPENING_STATUSES, is_id
from ..core.yamlread import YamlDocument
from ..team.load import TeamData
from .model import Components, Incident, Maintenance

COMPONENTS_FILE = "components.yml"
MAINTENANCE_DIR = "maintenance"

@dataclass(frozen=True)
class StatusData:
    """The validated contents of `incidents/`, ids sorted."""

    components: Components
    incidents: dict[str, Incident] = field(default_factory=dict)
    maintenances: dict[str, Maintenance] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # id -> the file as shown in messages
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # id -> positions, when asked to keep them


def load_status(root: Path, folder: Path, now: dt.datetime, team: TeamData | None = None, *,
                keep_documents: bool = False, pending: Pending | None = None,
                validated: ValidatedFiles | None = None, languages: tuple[str, ...] = ("en",)
                ) -> tuple[StatusData | None, list[Problem]]:
    """Load every status file in `folder`; (None, []) when the site has no status folder. With a team, every
    author must be a member's id. `pending` is a file with the bytes a command is about to write to it: loaded
    as if written, so a write is checked before it happens. `validated` keeps the files validated by an earlier
    load, to validate only what changed since (the checks between files and against the clock run every time).
    A text may be written in each of `languages`."""
    if not folder.is_dir():
        return None, []
    components_path = folder / COMPONENTS_FILE
    if not components_path.is_file():
        shown = f"{shown_path(root, folder)}/{COMPONENTS_FILE}"
        return None, [Problem(shown, 1, 1, "", "this file is missing; declare the components the status page "
                                               "reports on in it (see the authoring guide)")]
    components, doc = load_model(components_path, shown_path(root, components_path), Components,
                                 languages=languages)
    problems = list(doc.problems)
    if components is None:
        return None, problems
    problems += _check_component_ids(components, doc)
    known = _Known(components, team)
    data = StatusData(components)
    seen: dict[str, str] = {}
    kinds = []  # each kind's misplaced files, and its files to load
    for kind, place, skip in (("incident", folder, (COMPONENTS_FILE, MAINTENANCE_DIR)),
                              ("maintenance", folder / MAINTENANCE_DIR, ())):
        paths, misplaced = _yaml_files(root, place, pending, skip)
        kinds.append((misplaced, [(kind, path, shown, pending[1] if pending and path == pending[0] else None)
                                  for path, shown in _shown(root, place, paths)]))
    load, helper = _loader([file for _, files in kinds for file in files], validated, languages)
    try:
        for misplaced, files in kinds:
            problems += misplaced
            for kind, path, shown, raw in files:
                problems += _load_one(shown, path, kind, known, now, data, seen, keep_documents, raw, languages, load)
    finally:
        if helper is not None:
            helper.close()
    return data, problems  # with problems, `data` holds what the valid files say


def _shown(root: Path, folder: Path, paths: list[Path]) -> list[tuple[Path, str]]:
    """Each file with its name as shown, without resolving each path again (a thousand files cost a tenth of a
    second)."""
    shown_folder = PurePosixPath(shown_path(root, folder)) if paths else PurePosixPath(".")
    return [(path, shown_path(root, path) if path.is_symlink() else (shown_folder / path.name).as_posix())
            for path in paths]


# A status file to load: its kind, path, name as shown, and the bytes about to be written to it (or None).
_File = tuple[str, Path, str, "bytes | None"]


def _loader(files: list[_File], validated: ValidatedFiles | None, languages: tuple[str, ...]
            ) -> tuple[Callable, SecondCore | None]:
    """How each file is loaded (read, parsed, validated: most of a big site's loading), and the helper doing part
    of it: on a first load of many files, a forked helper loads them from the last while this process loads
    them from the first (core/secondcore.py), and hands over what it made, pickled. A file it could not load is
    loaded here, saying what is wrong as on one core."""
    load = validated.load if validated is not None else load_model
    if (validated is not None and not validated.empty()) or not worth_a_helper(len(files)):
        return load, None  # a rebuild of `mkdocs serve` loads only what changed
    models = {"incident": Incident, "maintenance": Maintenance}
    by_name = {str(path): (models[kind], path, shown, raw) for kind, path, shown, raw in files}

    def load_in_helper(name: str) -> tuple[bytes | None, tuple]:
        model, path, shown, raw = by_name[name]
        if validated is not None and raw is None:  # as ValidatedFiles.load loads it
            raw = path.read_bytes()
        return raw, load_model(path, shown, model, raw, languages)

    helper = SecondCore(list(by_name), load_in_helper)

    def load_here(path: Path, shown: str, model: type, raw: bytes | None, languages: tuple[str, ...]) -> tuple:
        made = helper.take(str(path))
        if made is None:
            return load(path, shown, model, raw, languages)
        if validated is not None:
            return validated.keep(shown, model, made[0], languages, made[1])
        return made[1]

    return load_here, helper


# A file about to be written, and its bytes.
Pending = tuple[Path, bytes]


def _yaml_files(root: Path, folder: Path, pending: Pending | None, skip: tuple[str, ...]
                ) -> tuple[list[Path], list[Problem]]:
    """The YAML files directly in `folder`, and a problem for each one that would be silently left out: a
    suffix in capitals, or a subfolder (only maintenance/ is read)."""
    waiting = [pending[0]] if pending and pending[0].parent == folder else []  # a file about to be written
    if not folder.is_dir():
        return waiting, []
    paths, problems = set(waiting), []
    for path in folder.iterdir():
        if path.name in skip or path.name.startswith("."):
            continue
        if path.is_dir():  # every YAML file in it would be silently left out
            problems += [Problem(shown_path(root, lost), 1, 1, "", f"this file is not read: incidents go directly in "
                                                                 f"{shown_path(root, folder)}/ and maintenance in "
                                                                 f"{MAINTENANCE_DIR}/; move it there")
                         for lost in sorted(path.rglob("*")) if lost.suffix.lower() in (".yml", ".yaml")]
        elif path.suffix in (".yml", ".yaml"):
            paths.add(path)
        elif path.suffix.lower() in (".yml", ".yaml"):
            problems.append(Problem(shown_path(root, path), 1, 1, "", f"'{path.name}' is not read: the suffix must "
                                    "be lowercase; "
                                                     f"rename it to {path.stem}{path.suffix.lower()}"))
    return sorted(paths, key=lambda path: path.name), problems  # one folder: by name, without comparing paths


def _load_one(shown: str, path: Path, kind: str, known: _Known, now: dt.datetime, data: StatusData,
              seen: dict[str, str], keep_documents: bool, raw: bytes | None, languages: tuple[str, ...],
              load: Callable = load_model) -> list[Problem]:
    file_id = path.stem
    if not is_id(file_id):
        return [Problem(shown, 1, 1, "", f"the file name '{path.name}' does not make a valid id; rename it with "
                                         "lowercase letters, digits and dashes, like 2026-11-20-card-payments.yml")]
    if file_id in seen:
        return [Problem(shown, 1, 1, "", f"the id '{file_id}' is already used by {seen[file_id]}; ids come from "
                                         "file names and must be unique, so rename one of the files")]
    seen[file_id] = shown
    model_class = Incident if kind == "incident" else Maintenance
    model, doc = load(path, shown, model_class, raw, languages)
    if model is None:
        return doc.problems
    problems = known.check_references(model, doc)
    if isinstance(model, Incident):
        problems += _check_incident_timeline(model, doc, now)
    else:
        problems += _check_maintenance_timeline(model, doc, now)
    if not problems:  # what is left for the linter and for other files' writers is only what is whole
        (data.incidents if isinstance(model, Incident) else data.maintenances)[file_id] = model
    data.files[file_id] = shown
    if keep_documents:
        data.documents[file_id] = doc
    return problems


class _Known:
    """The declared component and region ids, for checking what incidents refer to."""

    def __init__(self, components: Components, team: TeamData | None):
        self.components = [c.id for c in components.all]
        self.regions = [r.id for r in components.regions]
        self.team = team

    def check_references(self, model: Incident | Maintenance, doc: YamlDocument) -> list[Problem]:
        problems = self._check(doc, "components", model.components, self.components, "component")
        problems += self._check(doc, "regions", model.regions, self.regions, "region")
        for index, update in enumerate(getattr(model, "updates", [])):
            for name in getattr(update, "components", {}):
                if name not in model.components:
                    path = ("updates", index, "components", name)
                    problems.append(doc.problem(path, f"'{name}' is not among this incident's components; add it "
                                                      "to `components` at the top", key=True,
                                                field_name=format_field_path(path)))
        return problems + self._check_authors(model, doc)

    def _check_authors(self, model: Incident | Maintenance, doc: YamlDocument) -> list[Problem]:
        if self.team is None:
            return []
        signed = [(("updates", i, "author"), u.author) for i, u in enumerate(model.updates)]
        postmortem = getattr(model, "postmortem", None)
        if postmortem:
            signed.append((("postmortem", "author"), postmortem.author))
        return [doc.problem(path, f"'{visible(author)}' is not a member of the team; {self.team.suggest(author)}",
                            field_name=format_field_path(path))
                for path, author in signed if author not in self.team.ids]

    @staticmethod
    def _check(doc: YamlDocument, field_name: str, used: Sequence[str], declared: list[str],
               what: str) -> list[Problem]:
        problems = []
        for index, name in enumerate(used):
            if name in used[:index]:
                path = (field_name, index)
                problems.append(doc.problem(path, f"'{name}' is listed twice; list each {what} once",
                                            field_name=format_field_path(path)))
            elif name not in declared:
                hint = suggest(name, declared, f"declare it in {COMPONENTS_FILE} first")
                path = (field_name, index)
                problems.append(doc.problem(path, f"'{visible(name)}' is not a declared {what}; {hint}",
                                            field_name=format_field_path(path)))
        return problems


def _check_component_ids(components: Components, doc: YamlDocument) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    regions = {r.id for r in components.regions}
    places: list[tuple[tuple, str]] = [(("regions", i, "id"), r.id) for i, r in enumerate(components.regions)]
    places += [(("groups", g, "id"), group.id) for g, group in enumerate(components.groups)]
    for g, group in enumerate(components.groups):
        places += [(("groups", g, "components", c, "id"), comp.id) for c, comp in enumerate(group.components)]
    places += [(("components", c, "id"), comp.id) for c, comp in enumerate(components.components)]
    for path, name in places:
        if name == "status" and path[-3] == "components":  # components get badges/<id>.svg
            problems.append(doc.problem(path, "the id 'status' is taken by the overall status badge "
                                              "(badges/status.svg); choose another id",
                                        field_name=format_field_path(path)))
        if name in seen:
            problems.append(doc.problem(path, f"the id '{name}' is declared twice; give each region, group and "
                                              "component its own id", field_name=format_field_path(path)))
        seen.add(name)
    for path, component in _component_paths(components):
        for r, region in enumerate(component.regions):
            if region not in regions:
                where = (*path, "regions", r)
                problems.append(doc.problem(where, f"'{region}' is not a declared region; add it under `regions:`",
                                            field_name=format_field_path(where)))
    return problems


def _component_paths(components: Components) -> Iterable[tuple[tuple, object]]:
    for g, group in enumerate(components.groups):
        for c, component in enumerate(group.components):
            yield ("groups", g, "components", c), component
    for c, component in enumerate(components.components):
        yield ("components", c), component


def _problem_at(doc: YamlDocument, path: tuple, message: str) -> Problem:
    return doc.problem(path, message, field_name=format_field_path(path))


def _check_clock_and_order(updates: Sequence, doc: YamlDocument, now: dt.datetime) -> list[Problem]:
    """Updates are listed oldest first and none is dated after the build clock."""
    problems = []
    for index, update in enumerate(updates):
        path = ("updates", index, "at")
        if update.at > now:
            problems.append(_problem_at(doc, path, f"this time is in the future (the build clock reads "
                                                   f"{utc_iso(now)}); fix the date, or publish it when it is due"))
        if index and update.at < updates[index - 1].at:
            problems.append(_problem_at(doc, path, f"this update is dated before the one above it "
                                                   f"({utc_iso(updates[index - 1].at)}); list updates oldest "
                                                   "first, or fix the time"))
    return problems


def _check_incident_timeline(incident: Incident, doc: YamlDocument, now: dt.datetime) -> list[Problem]:
    updates = incident.updates
    problems = _check_clock_and_order(updates, doc, now)
    if updates[0].status not in OPENING_STATUSES:
        problems.append(_problem_at(doc, ("updates", 0, "status"), f"an incident opens with `investigating` or "
                                    f"`identified` (the public acknowledgement), not `{updates[0].status}`; "
                                    "add the acknowledgement first"))
    resolved_at = next((i for i, u in enumerate(updates) if u.status == "resolved"), None)
    for index, update in enumerate(updates):
        if resolved_at is not None and index > resolved_at:
            problems += _check_after_resolution(update, index, resolved_at, doc)
        if update.next_update_by and update.next_update_by <= update.at:
            problems.append(_problem_at(doc, ("updates", index, "next_update_by"), "the promised next update is "
                                        "not after this update; promise a later time"))
    if incident.started_at and incident.started_at > updates[0].at:
        problems.append(_problem_at(doc, ("started_at",), "started_at is after the first update; set it to when "
                                    "customers were first affected, no later than the acknowledgement"))
    if incident.postmortem:
        problems += _check_postmortem(incident, doc, now, resolved_at)
    return problems


def _check_after_resolution(update, index: int, resolved_at: int, doc: YamlDocument) -> list[Problem]:
    """After `resolved` only corrections follow, and a correction does not reopen the incident."""
    where = ("updates", index, "status")
    if not update.correction:
        return [_problem_at(doc, where, f"the incident was resolved in update {resolved_at + 1}; a later update must "
                                        "be marked `correction: true`, or open a new incident")]
    if update.status != "resolved":
        return [_problem_at(doc, where, f"a correction does not reopen the incident resolved in update "
                                        f"{resolved_at + 1}; keep `status: resolved`, or open a new incident if the "
                                        "problem is back")]
    return []


def _check_postmortem(incident: Incident, doc: YamlDocument, now: dt.datetime,
                      resolved_at: int | None) -> list[Problem]:
    published = incident.postmortem.published_at
    path = ("postmortem", "published_at")
    if resolved_at is None:
        return [_problem_at(doc, ("postmortem",), "a postmortem follows a resolved incident; resolve the incident "
                                                  "first, or remove the postmortem until then")]
    if published < incident.updates[resolved_at].at:
        return [_problem_at(doc, path, "the postmortem is dated before the incident was resolved; fix the date")]
    if published > now:
        return [_problem_at(doc, path, f"this time is in the future (the build clock reads {utc_iso(now)}); fix "
                                       "the date, or publish it when it is due")]
    return []


def _check_maintenance_timeline(maintenance: Maintenance, doc: YamlDocument, now: dt.datetime) -> list[Problem]:
    updates = maintenance.updates
    problems = _check_clock_and_order(updates, doc, now)
    rank, completed = 0, False
    for index, update in enumerate(updates):
        if update.correction:
            continue
        step = MAINTENANCE_STATUSES.index(update.status)
        if completed:
            problems.append(_problem_at(doc, ("updates", index, "status"), "the maintenance was completed above; "
                                        "a later update must be marked `correction: true`"))
        elif step < rank:
            problems.append(_problem_at(doc, ("updates", index, "status"), f"`{update.status}` cannot follow "
                                        f"`{MAINTENANCE_STATUSES[rank]}`; maintenance moves through "
                                        f"{', '.join(MAINTENANCE_STATUSES)}"))
        if update.status == "completed" and update.at < maintenance.scheduled_for:
            problems.append(_problem_at(doc, ("updates", index, "at"), "the maintenance is marked completed "
                                        f"before its window opens ({utc_iso(maintenance.scheduled_for)}); fix the "
                                        "time, or move `scheduled_for`"))
        rank, completed = max(rank, step), completed or update.status == "completed"
    return problems
