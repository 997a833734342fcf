"""The `supporttab` command for comms staff and CI. It reuses the core and never imports mkdocs."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from pydantic import ValidationError

from . import authoring
from .clock import build_time
from .config import Options, parse_duration
from .guard import GitError, guard_history
from .lint import RULES, Finding, lint
from .load import explain_error
from .model import FILE_KINDS
from .paths import shown_path
from .problems import DataError, format_field_path
from .schemas import SCHEMA_DIR, render_schema, write_schemas
from .site import SiteData, load_site
from .social import social_post
from .status_files import MAINTENANCE_DIR
from .team_photos import make_headshots
from .yamlread import read_yaml, syntax_error

INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
MAINTENANCE_STATUSES = ("scheduled", "in_progress", "verifying", "completed")
COMPONENT_STATES = ("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")


class UsageError(Exception):
    """A mistake in the command line: exit code 2, with a sentence saying what to write instead."""


class Refused(Exception):
    """Invalid data, in mkdocs.yml or in what a command would write: exit code 1, with located sentences."""


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags matter to MkDocs but not to us."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Site:
    root: Path
    docs_dir: Path
    options: Options
    url: str

    @property
    def incidents(self) -> Path:
        return self.root / self.options.incidents_dir

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.options.timezone)

    def now(self) -> dt.datetime:
        return build_time().astimezone(self.zone).replace(microsecond=0)

    def load(self, *, keep_documents: bool = False) -> SiteData:
        return load_site(self.root, self.docs_dir, self.options, build_time(), keep_documents=keep_documents)

    def load_for_writing(self, event_id: str | None = None) -> SiteData:
        """What a command that writes to the file of `event_id` (or a new file) needs. Problems in other files
        are mentioned, not fatal: an outage must be postable while someone's typo elsewhere waits for its fix.
        Problems in the file itself are the author's to fix first."""
        try:
            return self.load()
        except DataError as error:
            partial = error.partial
            own = {shown_path(self.root, folder / f"{event_id}{suffix}") for suffix in (".yml", ".yaml")
                   for folder in (self.incidents, self.incidents / MAINTENANCE_DIR)} if event_id else set()
            if not isinstance(partial, SiteData) or partial.status is None or any(
                    problem.file in own for problem in error.problems):
                raise
            count = len(error.problems)
            print(f"supporttab: {count} problem{'s' * (count != 1)} in other files; `supporttab check` lists "
                  "them", file=sys.stderr)
            return partial


def read_site(folder: Path) -> Site:
    """The site whose mkdocs.yml is in `folder`, with its Support Tab options."""
    config_path = folder / "mkdocs.yml"
    if not config_path.is_file():
        raise UsageError(f"no mkdocs.yml in {folder.resolve()}; run this in the site's folder or pass --site")
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    except yaml.MarkedYAMLError as error:
        line, column, what = syntax_error(error)
        raise Refused(f"mkdocs.yml:{line}:{column}: this is not valid YAML ({what}); fix it, then run this "
                      "again") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise Refused(f"mkdocs.yml:1:1: this file cannot be read ({error}); save it as UTF-8 YAML") from None
    if not isinstance(config, dict):
        raise Refused("mkdocs.yml:1:1: expected settings like `site_name: ...`, found something else; fix the file")
    options: dict = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "supporttab" in entry:
            options = dict(entry["supporttab"] or {})
    options.pop("enabled", None)
    try:
        parsed = Options.model_validate(options)
    except ValidationError as error:
        raise Refused("\n".join(f"mkdocs.yml: plugins.supporttab.{format_field_path(tuple(d['loc']))}: "
                                 f"{explain_error(d)}" for d in error.errors())) from None
    root = folder.resolve()
    return Site(root, (root / config.get("docs_dir", "docs")).resolve(), parsed, config.get("site_url") or "")


# --- check ------------------------------------------------------------------------------------------------


def command_check(args: argparse.Namespace, site: Site) -> int:
    findings: list[Finding] = []
    try:
        data = site.load(keep_documents=True)
    except DataError as error:
        data = None
        findings += [Finding("invalid-data", "error", p.file, p.line, p.column,
                             f"{p.field}: {p.message}" if p.field else p.message) for p in error.problems]
    if data is not None:
        if data.team:
            _, photo_warnings = make_headshots(data.team, site.options, site.root)  # as the build will
            findings += [Finding("photo", "warning", w.file, w.line, w.column, f"{w.field}: {w.message}")
                         for w in data.team.warnings + photo_warnings]
        if data.status:
            findings += lint(data.status, data.status.documents, build_time(), site.options.lint, data.team,
                             data.hub.organization.name)
    if args.since:
        try:
            findings += guard_history(site.root, site.incidents, args.since)
        except GitError as error:
            raise UsageError(str(error)) from None
    _report(findings, args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"))
    return 1 if any(f.severity == "error" for f in findings) else 0


def _report(findings: list[Finding], style: str) -> None:
    if style == "json":
        print(json.dumps([f.__dict__ for f in findings], indent=2, ensure_ascii=False))
        return
    for finding in findings:
        if style == "github":
            message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::{finding.severity} file={finding.file},line={finding.line},col={finding.column},"
                  f"title={finding.rule}::{message}")
        else:
            print(finding)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    summary = "supporttab: every authored file is valid" if not findings else \
        f"supporttab: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(summary, file=sys.stderr if findings else sys.stdout)


# --- schema -----------------------------------------------------------------------------------------------


def command_schema(args: argparse.Namespace, site: Site | None = None) -> int:
    folder = Path(args.out) if args.out else SCHEMA_DIR
    if not args.check:
        for path in write_schemas(folder):
            print(path)
        return 0
    stale = [kind for kind in FILE_KINDS
             if not (folder / f"{kind}.schema.json").is_file()
             or (folder / f"{kind}.schema.json").read_text(encoding="utf-8") != render_schema(kind)]
    for kind in stale:
        print(f"{folder / f'{kind}.schema.json'}: out of date; run `supporttab schema`", file=sys.stderr)
    return 1 if stale else 0


# --- writing incidents ------------------------------------------------------------------------------------


def command_new(args: argparse.Namespace, site: Site) -> int:
    data = site.load_for_writing()
    _check_known(data, components=args.component, regions=args.region, author=args.author)
    now = site.now()
    event_id = _free_id(site, f"{now:%Y-%m-%d}-{authoring.slugify(args.title)}")
    body = _message(args, default=_acknowledgement(args, data, now))
    first = {"at": now, "status": args.status, "author": args.author,
             "components": {c: _impact_state(args.impact) for c in args.component},
             "next_update_by": _next_update(args.next_update, now), "body": body}
    header = {"title": args.title, "impact": args.impact, "source": args.source, "components": args.component,
              "regions": args.region, "started_at": _time(args.started_at, "--started-at") if args.started_at else None}
    path = site.incidents / f"{event_id}.yml"
    text = authoring.new_file_text(_schema_ref(site, path, "incident"), header, first)
    _write(site, path, text)
    print(shown_path(site.root, path))
    _print_social(site, data, event_id, args.title, args.status, body, args.author)
    return 0


def command_maintenance(args: argparse.Namespace, site: Site) -> int:
    data = site.load_for_writing()
    _check_known(data, components=args.component, regions=args.region, author=args.author)
    now = site.now()
    start, end = _time(args.start, "--start"), _time(args.end, "--end")
    event_id = _free_id(site, f"{start.astimezone(site.zone):%Y-%m-%d}-{authoring.slugify(args.title)}")
    body = _message(args)
    header = {"title": args.title, "scheduled_for": start, "scheduled_until": end, "components": args.component,
              "regions": args.region}
    path = site.incidents / MAINTENANCE_DIR / f"{event_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = authoring.new_file_text(_schema_ref(site, path, "maintenance"),
                                   header, {"at": now, "status": "scheduled", "author": args.author, "body": body})
    _write(site, path, text)
    print(shown_path(site.root, path))
    _print_social(site, data, event_id, args.title, "scheduled", body, args.author)
    return 0


def command_update(args: argparse.Namespace, site: Site, *, resolving: bool = False) -> int:
    data = site.load_for_writing(args.id)
    path, event = _find_event(site, data, args.id)
    statuses = MAINTENANCE_STATUSES if path.parent.name == MAINTENANCE_DIR else INCIDENT_STATUSES
    status = statuses[-1] if resolving else args.status  # resolving ends either: resolved, or completed
    if status not in statuses:
        raise UsageError(f"'{status}' is not a status here; {_suggest(status, statuses)}")
    _check_known(data, author=args.author)
    changes = dict(_component_change(item, event.components) for item in getattr(args, "component", None) or [])
    now = site.now()
    body = _message(args)
    fields = {"at": now, "status": status, "author": args.author, "correction": getattr(args, "correction", False),
              "components": changes, "next_update_by": _next_update(getattr(args, "next_update", None), now),
              "body": body}
    doc = read_yaml(path, shown_path(site.root, path))
    _write(site, path, authoring.keeping_line_endings(path, lambda text: authoring.append_update(text, doc, fields)))
    print(shown_path(site.root, path))
    _print_social(site, data, args.id, event.title, status, body, args.author)
    return 0


def command_resolve(args: argparse.Namespace, site: Site) -> int:
    return command_update(args, site, resolving=True)


def command_postmortem(args: argparse.Namespace, site: Site) -> int:
    data = site.load_for_writing(args.id)
    path, event = _find_event(site, data, args.id)
    _check_known(data, author=args.author)
    if getattr(event, "postmortem", None) is not None:
        raise UsageError(f"{args.id} already has a postmortem; published text stays, so add a correction update "
                         "if something in it was wrong")
    parts = "".join(authoring.block(name, _text_argument(getattr(args, name), f"--{name}"), "  ")
                    for name in ("apology", "cause", "prevention"))
    text = f"postmortem:\n  published_at: {authoring.stamp(site.now())}\n  author: {args.author}\n{parts}"
    _write(site, path, authoring.keeping_line_endings(path, lambda old: authoring.append_block(old, text)))
    print(shown_path(site.root, path))
    return 0


def _write(site: Site, path: Path, text: str) -> None:
    """Write, validate the whole site, and undo the write when the edited file has problems."""
    shown = shown_path(site.root, path)

    def problems_in_this_file() -> list[str]:
        try:
            site.load()
        except DataError as error:
            return [str(p) for p in error.problems if p.file == shown]
        return []

    problems = authoring.write_validated(path, text, problems_in_this_file)
    if problems:
        raise Refused("\n".join(problems) + f"\nsupporttab: {shown} was left as it was")


def _print_social(site: Site, data: SiteData, event_id: str, title: str, status: str, body: str, author: str) -> None:
    name = data.team.members[author].name if data.team and author in data.team.members else author
    url = f"{site.url.rstrip('/')}/incidents/{event_id}/" if site.url else f"/incidents/{event_id}/"
    label = status.replace("_", " ").capitalize()
    print("\nReady to post on social media:\n" + social_post(label, title, body, url, name))


def _find_event(site: Site, data: SiteData, event_id: str):
    status = data.status
    known = {**(status.incidents if status else {}), **(status.maintenances if status else {})}
    if event_id not in known:
        raise UsageError(f"there is no incident or maintenance '{event_id}' in {site.options.incidents_dir}/; "
                         f"{_suggest(event_id, list(known))}")
    folder = site.incidents / MAINTENANCE_DIR if event_id in status.maintenances else site.incidents
    path = next(p for p in (folder / f"{event_id}.yml", folder / f"{event_id}.yaml") if p.exists())
    return path, known[event_id]


def _check_known(data: SiteData, *, components: list[str] = (), regions: list[str] = (),
                 author: str | None = None) -> None:
    if data.status is None:
        raise UsageError("this site has no incidents folder with a components.yml; create it first (see the "
                         "authoring guide)")
    declared = [c.id for g in data.status.components.groups for c in g.components] + \
               [c.id for c in data.status.components.components]
    for component in components:
        if component not in declared:
            raise UsageError(f"'{component}' is not a component; {_suggest(component, declared)}")
    region_ids = [r.id for r in data.status.components.regions]
    for region in regions:
        if region not in region_ids:
            raise UsageError(f"'{region}' is not a region; {_suggest(region, region_ids)}")
    if author and data.team and author not in data.team.ids:  # a member whose file has a typo still signs
        raise UsageError(f"'{author}' is not a member of the team; {_suggest(author, sorted(data.team.ids))}")


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else f"choose one of {', '.join(choices) or 'none yet'}"


def _component_change(item: str, allowed: list[str]) -> tuple[str, str]:
    name, _, state = item.partition("=")
    if name not in allowed:
        raise UsageError(f"'{name}' is not among this incident's components; {_suggest(name, allowed)}")
    if state not in COMPONENT_STATES:
        raise UsageError(f"'{state}' is not a component state; {_suggest(state, COMPONENT_STATES)} "
                         "(write --component api=partial_outage)")
    return name, state


def _impact_state(impact: str) -> str:
    return {"none": "operational", "minor": "degraded_performance", "major": "partial_outage",
            "critical": "major_outage"}[impact]


def _acknowledgement(args: argparse.Namespace, data: SiteData, now: dt.datetime) -> str:
    names = {c.id: c.name for g in data.status.components.groups for c in g.components}
    names.update({c.id: c.name for c in data.status.components.components})
    affected = " and ".join(names[c] for c in args.component)
    promise = _next_update(args.next_update, now)
    when = f" by {promise:%H:%M}" if promise else " within 30 minutes"
    return f"We know {affected} is not working as it should, and we are working on it. We will post again{when}."


def _free_id(site: Site, wanted: str) -> str:
    taken = {p.stem for folder in (site.incidents, site.incidents / MAINTENANCE_DIR) if folder.is_dir()
             for p in folder.iterdir()}
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def _schema_ref(site: Site, path: Path, kind: str) -> str:
    """The schema line's target: the repository's own copy when the site has one, else the published one."""
    in_repository = site.root / "plugins" / "supporttab" / "schemas"
    if in_repository.is_dir() or not site.url:
        folder = in_repository if in_repository.is_dir() else SCHEMA_DIR
        return os.path.relpath(folder / f"{kind}.schema.json", path.parent).replace(os.sep, "/")
    return f"{site.url.rstrip('/')}/schemas/{kind}.schema.json"


def _time(text: str, flag: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag} {text!r} is not a date and time; write it like 2026-11-23T14:05+00:00") from None
    if moment.tzinfo is None:
        raise UsageError(f"{flag} {text!r} has no UTC offset; add one, like 2026-11-23T14:05+00:00")
    return moment


def _next_update(value: str | None, now: dt.datetime) -> dt.datetime | None:
    if not value:
        return None
    try:
        return now + parse_duration(value)
    except ValueError:
        return _time(value, "--next-update")


def _text_argument(value: str, flag: str) -> str:
    """A text given on the command line, or read from a file when written as @file.md."""
    if value.startswith("@"):
        try:
            return Path(value[1:]).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{flag}: cannot read {value[1:]} ({error.strerror})") from None
    return value


def _message(args: argparse.Namespace, default: str | None = None) -> str:
    """The update's text: the argument, else standard input when piped, else the editor, else `default`."""
    if args.message:
        return _text_argument(args.message, "message")
    if not sys.stdin.isatty():
        text = sys.stdin.read().strip()
        if text:
            return text
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor and sys.stdin.isatty():
        with tempfile.NamedTemporaryFile("w+", suffix=".md", encoding="utf-8") as draft:
            draft.write(default or "")
            draft.flush()
            subprocess.run([*editor.split(), draft.name], check=False)
            draft.seek(0)
            text = draft.read().strip()
            if text:
                return text
    if default:
        return default
    raise UsageError("write the message: as the last argument in quotes, on standard input, or in $EDITOR")


# --- the command line ---------------------------------------------------------------------------------------

EXAMPLES = {
    "check": """examples:
  supporttab check                          validate every file, then lint the communication
  supporttab check --since origin/main      also refuse edits to published updates
  supporttab check --format json            findings as JSON (github: annotations for pull requests)""",
    "schema": """examples:
  supporttab schema                         regenerate the JSON Schemas shipped in the package
  supporttab schema --check                 fail if the shipped schemas differ from the models""",
    "new": """examples:
  supporttab new incident "Card payments failing" --component card-payments --impact major --author patty
  supporttab new incident "Slow exports" --component pdf-exports --impact minor --author bob \\
      --next-update 30m "Exports take minutes instead of seconds. We are on it."
  (without a message, a plain acknowledgement naming the components is written for you)""",
    "update": """examples:
  supporttab update 2026-11-20-card-payments --status identified --author patty "We found the cause..."
  supporttab update 2026-11-20-card-payments --status monitoring --author bob \\
      --component card-payments=operational --next-update 1h "Payments work again; we are watching."
  echo "Text from a file or another tool" | supporttab update ID --status monitoring --author bob""",
    "resolve": """examples:
  supporttab resolve 2026-11-20-card-payments --author bob "Card payments work normally again. ..."
  (for a maintenance, resolve marks it completed)""",
    "postmortem": """examples:
  supporttab postmortem 2026-11-20-card-payments --author patty \\
      --apology @apology.md --cause @cause.md --prevention @prevention.md""",
    "maintenance": """examples:
  supporttab maintenance "Database upgrade" --component api --start 2026-12-06T02:00+00:00 \\
      --end 2026-12-06T03:00+00:00 --author patty "The API is read-only for up to 10 minutes."
  supporttab update 2026-12-06-database-upgrade --status in_progress --author bob "Started." """,
}


def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and one parser per command (each parses its options and text in any order)."""
    top = argparse.ArgumentParser(prog="supporttab", description="Author and check a Support Tab site. "
                                  f"Lint rules: {', '.join(RULES)}. Run `supporttab COMMAND --help` for examples.")
    top.add_argument("--site", default=".", help="folder holding mkdocs.yml (default: this folder)")
    top.add_argument("command", type=_one_of(list(EXAMPLES), "a command"), metavar="COMMAND", help=", ".join(EXAMPLES))
    top.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parsers: dict[str, argparse.ArgumentParser] = {}

    def command(name: str, help_text: str, run) -> argparse.ArgumentParser:
        sub = argparse.ArgumentParser(prog=f"supporttab {name}", description=help_text, epilog=EXAMPLES[name],
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--site", default=None, help="folder holding mkdocs.yml")
        sub.set_defaults(run=run)
        parsers[name] = sub
        return sub

    check = command("check", "validate every authored file and lint the communication", command_check)
    check.add_argument("--format", type=_one_of(("text", "json", "github"), "a format"),
                       help="output format (default: github inside GitHub Actions, else text)")
    check.add_argument("--since", metavar="GIT_REF", help="also check that no published update changed since "
                                                          "this git revision")

    schema = command("schema", "write the JSON Schemas editors use", command_schema)
    schema.add_argument("--out", help=f"folder to write to (default: the package's {SCHEMA_DIR.name}/)")
    schema.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 if stale")

    new = command("new", "open an incident with its acknowledgement, stamped now", command_new)
    new.add_argument("kind", type=_one_of(("incident",), "something `new` can open"),
                     help="what to open (maintenance has its own command)")
    new.add_argument("title", help="what is wrong, in customers' words")
    new.add_argument("message", nargs="?", help="the acknowledgement (default: one is written for you)")
    new.add_argument("--component", action="append", required=True, help="an affected component id (repeat)")
    new.add_argument("--impact", required=True, type=_one_of(("none", "minor", "major", "critical"), "an impact"),
                     help="none, minor, major or critical")
    new.add_argument("--author", required=True, help="your id in team/")
    new.add_argument("--region", action="append", default=[], help="an affected region id (repeat)")
    new.add_argument("--source", type=_one_of(("internal", "external"), "a source"),
                     help="internal or external: where the cause lies, if known")
    new.add_argument("--status", default="investigating",
                     type=_one_of(("investigating", "identified"), "an opening status"),
                     help="investigating (the default) or identified")
    new.add_argument("--started-at", help="when customers were first affected, with its UTC offset")
    new.add_argument("--next-update", help="when the next update will come: 30m, 1h, or a time")

    update = command("update", "append a signed, time-stamped update", command_update)
    _update_arguments(update, with_status=True)

    resolve = command("resolve", "append the resolving update (completes a maintenance)", command_resolve)
    _update_arguments(resolve, with_status=False)

    postmortem = command("postmortem", "add the postmortem to a resolved incident", command_postmortem)
    postmortem.add_argument("id", help="the incident's id (its file name)")
    postmortem.add_argument("--author", required=True, help="your id in team/")
    for name, what in (("apology", "saying sorry, and for what"), ("cause", "how it came about and was handled"),
                       ("prevention", "what changes so it does not happen again")):
        postmortem.add_argument(f"--{name}", required=True, help=f"Markdown {what}; @file.md reads a file")

    maintenance = command("maintenance", "schedule a maintenance window", command_maintenance)
    maintenance.add_argument("title")
    maintenance.add_argument("message", nargs="?", help="what will happen and what customers will notice")
    maintenance.add_argument("--component", action="append", required=True)
    maintenance.add_argument("--region", action="append", default=[])
    maintenance.add_argument("--start", required=True, help="with its UTC offset, like 2026-12-06T02:00+00:00")
    maintenance.add_argument("--end", required=True)
    maintenance.add_argument("--author", required=True)
    return top, parsers


def _one_of(choices: tuple[str, ...] | list[str], what: str):
    """An argument type that accepts one of `choices` and suggests the closest one for a typo; `what` reads
    like "an impact"."""

    def parse(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(f"'{text}' is not {what}; {_suggest(text, choices)}")
        return text

    return parse


def _update_arguments(parser: argparse.ArgumentParser, *, with_status: bool) -> None:
    parser.add_argument("id", help="the incident's or maintenance's id (its file name)")
    parser.add_argument("message", nargs="?", help="the update (default: standard input, or $EDITOR)")
    if with_status:
        parser.add_argument("--status", required=True,
                            help=f"{', '.join(INCIDENT_STATUSES)}; for maintenance {', '.join(MAINTENANCE_STATUSES)}")
    parser.add_argument("--author", required=True, help="your id in team/")
    parser.add_argument("--component", action="append", help="a component's new state, like api=operational")
    parser.add_argument("--next-update", help="when the next update will come: 30m, 1h, or a time")
    parser.add_argument("--correction", action="store_true", help="this update corrects an earlier one")


def main(argv: list[str] | None = None) -> int:
    top, parsers = build_parsers()
    first = top.parse_args(sys.argv[1:] if argv is None else argv)
    args = parsers[first.command].parse_intermixed_args(first.arguments)
    try:
        site = read_site(Path(args.site or first.site)) if first.command != "schema" else None
        return args.run(args, site)
    except UsageError as error:
        print(f"supporttab: {error}", file=sys.stderr)
        return 2
    except (Refused, DataError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
