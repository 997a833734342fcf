"""The crisis doctrine as lint rules on incidents: acknowledge fast, keep talking, close it, say sorry, sign your
name, don't minimise. Each rule has an id, a default severity and limit, and a message saying what to do.

The rules on data (timing, promises, postmortems) run on every event in any language; the rules that read the
wording (authoring/wording.py) read the texts in languages they have a phrase book for, and may be narrowed to
some files: a text already published can no longer be reworded, so `check --since` reads only what changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from ..config import LintSetting
from ..core.clock import build_time
from ..core.rules import RULES
from ..core.timefmt import parse_duration
from ..core.yamlread import YamlDocument
from ..site import SiteData
from ..status.load import StatusData
from ..status.model import Components, Incident, Maintenance
from ..team.load import TeamData
from .phrases import book_languages, phrase_book
from .wording import TEXT_CHECKS


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" or "warning"
    file: str
    line: int
    column: int
    message: str
    where: tuple = field(default=(), compare=False)  # the path inside the event: ("updates", 2, "body")

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"


@dataclass(frozen=True)
class _Context:
    now: dt.datetime
    settings: dict[str, LintSetting]
    team: TeamData | None
    organization: str  # the company's own name is a role account too
    components: Components | None = None  # what the site declares, to tell listed from unlisted
    language: str = "en"  # the site's: the language its texts are written in

    def severity(self, rule: str) -> str:
        setting = self.settings.get(rule)
        return setting.severity if setting and setting.severity else RULES[rule].severity

    def limit(self, rule: str) -> dt.timedelta:
        setting = self.settings.get(rule)
        return parse_duration(setting.limit if setting and setting.limit else RULES[rule].limit)


Check = Callable[[Incident | Maintenance, _Context], Iterator[tuple[str, tuple, str]]]


def lint(status: StatusData, docs: dict[str, YamlDocument], now: dt.datetime,
         settings: dict[str, LintSetting], team: TeamData | None = None, organization: str = "", *,
         language: str = "en", wording: Collection[str] | None = None) -> list[Finding]:
    """Every finding in every incident and maintenance, in file order. `docs` gives positions per id. The texts
    are in `language`; only the files in `wording` (all when None) are read by the rules on wording."""
    context = _Context(now, settings, team, organization, status.components, language)
    findings = []
    events: list[tuple[str, Incident | Maintenance]] = [*status.incidents.items(), *status.maintenances.items()]
    for event_id, event in events:
        doc = docs[event_id]
        checks = CHECKS if wording is None or doc.file in wording else DATA_CHECKS
        for check in checks:
            for rule, path, message in check(event, context):
                if context.severity(rule) == "off" or rule in event.lint_ignore:
                    continue
                line, column = doc.position(path)
                findings.append(Finding(rule, context.severity(rule), doc.file, line, column, message, path))
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule))


def lint_site(data: SiteData, settings: dict[str, LintSetting], language: str, status: StatusData | None = None,
              wording: Collection[str] | None = None) -> list[Finding]:
    """Lint as `supporttab check` does: now, with the site's settings, language, team and company name. `status`
    narrows it to some of the site's events (a post lints only its own file), `wording` the files whose words are
    read (`check --since`: the changed ones)."""
    status = status or data.status
    return lint(status, status.documents, build_time(), settings, data.team,
                data.hub.organization.name if data.hub else "", language=language, wording=wording)


def wording_notice(language: str) -> str | None:
    """What to tell a site whose language has no phrase book: its wording goes unread. None when it has one."""
    if phrase_book(language).language:
        return None
    names = sorted(LANGUAGE_NAMES.get(tag, tag) for tag in book_languages())
    listed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return (f"the rules on wording read {listed} only, and this site's language is '{language}': its texts are "
            "checked by the rules on data alone (timing, promised updates, postmortems)")


LANGUAGE_NAMES = {"de": "German", "en": "English"}  # the languages with a phrase book, named in that notice


def _slow_acknowledgement(event, context):
    if isinstance(event, Incident) and event.started_at:
        waited = event.updates[0].at - event.started_at
        if waited > context.limit("slow-acknowledgement"):
            yield ("slow-acknowledgement", ("updates", 0, "at"),
                   f"the first public update came {_minutes(waited)} after customers were affected; acknowledge "
                   "within minutes (\"we know, we're on it\"), before you know the cause")


def still_open(event: Incident | Maintenance) -> bool:
    """Whether an event is not over: an incident no update resolved, a maintenance whose latest update is not
    `completed`. What the rules on timing warn about, and what `check --since` always lists."""
    if isinstance(event, Incident):
        return _resolved(event) is None
    return event.updates[-1].status != "completed"


def _stale_incident(event, context):
    if not isinstance(event, Incident) or not still_open(event):
        return
    last = event.updates[-1]
    promised = next((u.next_update_by for u in reversed(event.updates) if u.next_update_by), None)
    index = len(event.updates) - 1
    if promised and promised >= last.at:  # a promise stands: it is kept until it falls due
        if promised < context.now:
            yield ("stale-incident", ("updates", index, "next_update_by"),
                   f"the next update was promised by {_clock(promised)} and is {_minutes(context.now - promised)} "
                   "late; post an update now, even if nothing has changed")
    elif context.now - last.at > context.limit("stale-incident"):
        yield ("stale-incident", ("updates", index, "at"),
               f"no update for {_minutes(context.now - last.at)} on an open incident; post one now, and say when "
               "the next will come")


def _open_too_long(event, context):
    if isinstance(event, Incident) and still_open(event):
        if context.now - event.updates[0].at > context.limit("no-closure"):
            yield ("no-closure", ("updates", 0, "at"),
                   f"open for {_minutes(context.now - event.updates[0].at)}; resolve it when it is over, or say "
                   "why it is still open")


def _overdue_maintenance(event, context):
    if isinstance(event, Maintenance) and still_open(event):
        late = context.now - event.scheduled_until
        if late > context.limit("overdue-maintenance"):
            yield ("overdue-maintenance", ("scheduled_until",),
                   f"the window ended {_minutes(late)} ago without a completing update; post one (supporttab "
                   "resolve), or say it overran and when it will end")


def _missing_postmortem(event, context):
    resolved = _resolved(event) if isinstance(event, Incident) else None
    if resolved and event.impact in ("major", "critical") and event.postmortem is None:
        waited = context.now - resolved[1].at
        if waited > context.limit("missing-postmortem"):
            yield ("missing-postmortem", ("impact",),
                   f"a {event.impact} incident resolved {_minutes(waited)} ago has no postmortem; say sorry, how it "
                   "came about, and what changes so it does not happen again")


DATA_CHECKS: list[Check] = [_slow_acknowledgement, _stale_incident, _open_too_long, _missing_postmortem,
                            _overdue_maintenance]
CHECKS: list[Check] = [*DATA_CHECKS, *TEXT_CHECKS]


def _resolved(incident: Incident):
    return next(((i, u) for i, u in enumerate(incident.updates) if u.status == "resolved"), None)


def _minutes(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


def _clock(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
