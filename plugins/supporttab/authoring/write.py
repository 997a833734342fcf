"""The commands that write: open an incident, schedule maintenance, append an update, resolve, add a postmortem.
Each drafts the file's new text from its arguments and the site, then it is checked, linted and written in one step
only when the whole site is valid with it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path

from ..core.characters import visible
from ..core.fields import EARLIEST_YEAR, LATEST_YEAR, is_plausible_time
from ..core.i18n import gettext
from ..core.paths import shown_path
from ..core.problems import suggest
from ..core.timefmt import clock_text, parse_duration
from ..core.urls import site_info
from ..core.vocabulary import (
    COMPONENT_STATUSES,
    IMPACT_TO_STATUS,
    INCIDENT_STATUSES,
    LABELS,
    MAINTENANCE_STATUSES,
)
from ..core.yamlread import read_yaml
from ..site import SiteData
from ..status.load import MAINTENANCE_DIR
from ..status.social import social_post
from . import yamltext
from .files import WriteFailed, replace_file
from .message import NO_MESSAGE, checked, message, text_argument
from .review import (
    Draft,
    added_findings,
    held_back,
    interactive,
    show_after_writing,
    until_approved,
)
from .schema import SCHEMA_DIR
from .site import Refused, Site, UsageError


def command_post(args: argparse.Namespace, site: Site) -> int:
    """Any command that writes, under the site's lock: its draft, checked, written, then shown with what the linter
    says of it, unless the author has already answered to that (see review.py)."""
    return _post(site, DRAFTS[args.command](args, site), reviewed=args.reviewed)


def take_texts(args: argparse.Namespace, site: Site) -> None:
    """What the author says, asked before the site is locked (a person may spend minutes in an editor): the
    message (see message.py) or the postmortem's parts; then, at a terminal, their answer to the linter."""
    if args.command == "postmortem":
        for name in POSTMORTEM_PARTS:
            setattr(args, name, text_argument(getattr(args, name), f"--{name}"))
    else:
        args.text = _take_message(args, site)
    args.reviewed = interactive()
    if args.reviewed:
        until_approved(args, site, DRAFTS[args.command])


def _draft_new(args: argparse.Namespace, site: Site) -> Draft:
    checked(args.title, "your title")
    data = site.load_for_writing()
    _check_known(data, components=args.component, regions=args.region, author=args.author)
    now = site.now()
    event_id = _free_id(site, f"{now:%Y-%m-%d}-{yamltext.slugify(args.title)}")
    promise = _next_update(args.next_update, now) if args.text else _acknowledgement_promise(args, now)
    drafted = getattr(args, "draft_promise", None)  # the acknowledgement drafted in the editor, and its time
    if args.text and not args.next_update and drafted and f"{drafted:%H:%M}" in args.text:
        promise = drafted  # kept as written, or edited around its promise: the promise still holds
    body = args.text or _acknowledgement(args, data, promise)  # post first, perfect later
    first = {"at": now, "status": args.status, "author": args.author,
             "components": {c: IMPACT_TO_STATUS[args.impact] for c in args.component},
             "next_update_by": promise, "body": body}
    header = {"title": args.title, "impact": args.impact, "source": args.source, "components": args.component,
              "regions": args.region, "started_at": _time(args.started_at, "--started-at") if args.started_at else None}
    path = site.incidents / f"{event_id}.yml"
    text = yamltext.new_file_text(_schema_ref(site, path, "incident"), header, first)
    return Draft(path, text, data, {"text": body},
                 _social(site, data, event_id, args.title, args.status, body, args.author))


def _draft_maintenance(args: argparse.Namespace, site: Site) -> Draft:
    checked(args.title, "your title")
    data = site.load_for_writing()
    _check_known(data, components=args.component, regions=args.region, author=args.author)
    now = site.now()
    start, end = _time(args.start, "--start"), _time(args.end, "--end")
    event_id = _free_id(site, f"{start.astimezone(site.zone):%Y-%m-%d}-{yamltext.slugify(args.title)}")
    body = _required(args.text)
    header = {"title": args.title, "scheduled_for": start, "scheduled_until": end, "components": args.component,
              "regions": args.region}
    path = site.incidents / MAINTENANCE_DIR / f"{event_id}.yml"
    text = yamltext.new_file_text(_schema_ref(site, path, "maintenance"),
                                   header, {"at": now, "status": "scheduled", "author": args.author, "body": body})
    return Draft(path, text, data, {"text": body},
                 _social(site, data, event_id, args.title, "scheduled", body, args.author))


def _draft_update(args: argparse.Namespace, site: Site, *, resolving: bool = False) -> Draft:
    data = site.load_for_writing(args.id)
    path, event = _find_event(site, data, args.id)
    statuses = MAINTENANCE_STATUSES if path.parent.name == MAINTENANCE_DIR else INCIDENT_STATUSES
    status = statuses[-1] if resolving else args.status  # resolving ends either: resolved, or completed
    if status not in statuses:
        raise UsageError(f"'{status}' is not a status here; {_suggest(status, statuses)}")
    _check_known(data, author=args.author)
    changes = dict(_component_change(item, event.components) for item in getattr(args, "component", None) or [])
    now = site.now()
    body = _required(args.text)
    fields = {"at": now, "status": status, "author": args.author, "correction": getattr(args, "correction", False),
              "components": changes, "next_update_by": _next_update(getattr(args, "next_update", None), now),
              "body": body}
    doc = read_yaml(path, shown_path(site.root, path))
    text = yamltext.keeping_line_endings(path, lambda old: yamltext.append_update(old, doc, fields))
    return Draft(path, text, data, {"text": body}, _social(site, data, args.id, event.title, status, body, args.author))


def _draft_resolve(args: argparse.Namespace, site: Site) -> Draft:
    return _draft_update(args, site, resolving=True)


def _draft_postmortem(args: argparse.Namespace, site: Site) -> Draft:
    data = site.load_for_writing(args.id)
    path, event = _find_event(site, data, args.id)
    _check_known(data, author=args.author)
    if getattr(event, "postmortem", None) is not None:
        raise UsageError(f"{args.id} already has a postmortem; published text stays, so add a correction update "
                         "if something in it was wrong")
    parts = {name: getattr(args, name) for name in POSTMORTEM_PARTS}  # read by take_texts, @files included
    blocks = "".join(yamltext.block(name, text, "  ") for name, text in parts.items())
    block = f"postmortem:\n  published_at: {yamltext.stamp(site.now())}\n  author: {args.author}\n{blocks}"
    return Draft(path, yamltext.keeping_line_endings(path, lambda old: yamltext.append_block(old, block)), data, parts)


POSTMORTEM_PARTS = ("apology", "cause", "prevention")
DRAFTS = {"new": _draft_new, "update": _draft_update, "resolve": _draft_resolve, "postmortem": _draft_postmortem,
          "maintenance": _draft_maintenance}


def _post(site: Site, draft: Draft, *, reviewed: bool) -> int:
    """Check the whole site as it would be with the draft, then write it in one step; on any problem, or a
    finding the site made an error, the file stays exactly as it was, and the command says so. Then print the
    path, the social message and, unless the author has seen them, what the linter says of the new text."""
    shown = shown_path(site.root, draft.path)
    data = draft.text.encode("utf-8")  # exactly these bytes: no newline translation
    after, problems = site.as_if_written(draft.path, data)
    if problems:
        raise Refused("\n".join(problems) + f"\nsupporttab: {shown} was left as it was")
    findings = [] if reviewed else added_findings(site, draft, after)
    refusal = held_back(findings, shown)
    if refusal:
        raise Refused(refusal)
    try:
        replace_file(draft.path, data)
    except WriteFailed as error:
        raise Refused(f"supporttab: {shown} could not be written ({error}); it was left as it was") from None
    print(shown)
    if draft.social:
        print(f"\nReady to post on social media:\n{draft.social}")
    show_after_writing(findings)
    return 0


def _social(site: Site, data: SiteData, event_id: str, title: str, status: str, body: str, author: str) -> str:
    name = data.team.members[author].name if data.team and author in data.team.members else author
    url = site_info("", site.url).absolute(site.urls.event(event_id))
    return social_post(gettext(LABELS[status]), title, body, url, name)


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
    declared = [c.id for c in data.status.components.all]
    for component in components:
        if component not in declared:
            raise UsageError(f"'{visible(component)}' is not a component; {_suggest(component, declared)}")
    region_ids = [r.id for r in data.status.components.regions]
    for region in regions:
        if region not in region_ids:
            raise UsageError(f"'{visible(region)}' is not a region; {_suggest(region, region_ids)}")
    if author and data.team and author not in data.team.ids:  # a member whose file has a typo still signs
        raise UsageError(f"'{visible(author)}' is not a member of the team; "
                         f"{_suggest(author, sorted(data.team.ids))}")


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    return suggest(word, choices, f"choose one of {', '.join(choices) or 'none yet'}")


def _component_change(item: str, allowed: list[str]) -> tuple[str, str]:
    name, _, state = item.partition("=")
    if name not in allowed:
        raise UsageError(f"'{name}' is not among this incident's components; {_suggest(name, allowed)}")
    if state not in COMPONENT_STATUSES:
        raise UsageError(f"'{state}' is not a component state; {_suggest(state, COMPONENT_STATUSES)} "
                         "(write --component api=partial_outage)")
    return name, state


def _take_message(args: argparse.Namespace, site: Site) -> str | None:
    """The text of a new update (see message.py); a new incident's editor draft is its plain acknowledgement."""
    if args.command != "new":
        return message(args)
    def draft() -> str:
        args.draft_promise = _acknowledgement_promise(args, site.now())
        return _acknowledgement(args, site.load_for_writing(), args.draft_promise)

    return message(args, draft=draft)


def _required(text: str | None) -> str:
    if text is None:
        raise UsageError(NO_MESSAGE)
    return text


def _acknowledgement(args: argparse.Namespace, data: SiteData, promise: dt.datetime) -> str:
    """Posted when the author gives no text: names the components as they are written (at the start, so a name
    keeps its capital) and promises the next update, which the update's next_update_by then holds it to."""
    names = {c.id: c.name for c in data.status.components.all}
    affected = ", ".join(names[c] for c in args.component)
    return gettext("%(components)s: we know something is wrong, and we are working on it. We will post again by "
                   "%(time)s %(zone)s.", components=affected, time=clock_text(promise.time()), zone=promise.tzname())


def _acknowledgement_promise(args: argparse.Namespace, now: dt.datetime) -> dt.datetime:
    """When the acknowledgement says the next update comes: --next-update, or within half an hour."""
    return _next_update(args.next_update, now) or now + dt.timedelta(minutes=30)


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
    if not is_plausible_time(moment):
        raise UsageError(f"{flag} {text!r} is not a plausible time; write a date between {EARLIEST_YEAR} and "
                         f"{LATEST_YEAR}, like 2026-11-23T14:05+00:00")
    return moment


def _next_update(value: str | None, now: dt.datetime) -> dt.datetime | None:
    if not value:
        return None
    if not re.fullmatch(r"\s*\d+\s*[a-z]+\s*", value):  # not a duration: a time
        return _time(value, "--next-update")
    try:
        return now + parse_duration(value)
    except ValueError as error:
        raise UsageError(f"--next-update: {error}") from None

