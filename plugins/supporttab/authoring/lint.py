"""The crisis doctrine as lint rules on incidents: acknowledge fast, keep talking, close it, say sorry, sign your
name, don't minimise. Each rule has an id, a default severity and limit, and a message saying what to do."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..config import LintSetting
from ..core.rules import RULES
from ..core.timefmt import parse_duration
from ..core.yamlread import YamlDocument
from ..status.load import StatusData
from ..status.model import Incident, Maintenance
from ..team.load import TeamData


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" or "warning"
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"


# (pattern, what to say instead), in the spirit of "say the site is up and running", not "it only lasted
# 10 minutes". Matched case-insensitively on whole words.
MINIMISING = [
    (r"only (lasted|took|affected|impacted)", "say what happened and what works now, not how small it was"),
    (r"just a (few|couple|handful)", "give the number, or say \"some customers\""),
    (r"(minor|slight|small) (inconvenience|hiccup|glitch|blip)", "say what customers could not do"),
    (r"never (been|was|went) down", "don't deny it: say what customers saw and what works now"),
    (r"some users may have", "say who was affected: \"customers in the UK could not pay by card\""),
    (r"(a|an) (tiny|small) (number|percentage|fraction) of", "say who was affected, plainly"),
    (r"(briefly|momentarily) (unavailable|down|degraded)", "say how long it lasted, without softening it"),
    (r"no (real|significant) impact", "let customers judge the impact: say what they could not do"),
    (r"(apologi[sz]e|sorry) for any inconvenience", "say sorry for what happened, specifically"),
]
ROLE_ACCOUNTS = {"support", "team", "admin", "administrator", "staff", "status", "ops", "operations", "system",
                 "bot", "the team", "support team", "customer support", "noreply", "no-reply"}
APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|apologies)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Context:
    now: dt.datetime
    settings: dict[str, LintSetting]
    team: TeamData | None
    organization: str  # the company's own name is a role account too

    def severity(self, rule: str) -> str:
        setting = self.settings.get(rule)
        return setting.severity if setting and setting.severity else RULES[rule].severity

    def limit(self, rule: str) -> dt.timedelta:
        setting = self.settings.get(rule)
        return parse_duration(setting.limit if setting and setting.limit else RULES[rule].limit)


Check = Callable[[Incident | Maintenance, _Context], Iterator[tuple[str, tuple, str]]]


def lint(status: StatusData, docs: dict[str, YamlDocument], now: dt.datetime,
         settings: dict[str, LintSetting], team: TeamData | None = None, organization: str = "") -> list[Finding]:
    """Every finding in every incident and maintenance, in file order. `docs` gives positions per id."""
    context = _Context(now, settings, team, organization)
    findings = []
    events: list[tuple[str, Incident | Maintenance]] = [*status.incidents.items(), *status.maintenances.items()]
    for event_id, event in events:
        doc = docs[event_id]
        for check in CHECKS:
            for rule, path, message in check(event, context):
                if context.severity(rule) == "off" or rule in event.lint_ignore:
                    continue
                line, column = doc.position(path)
                findings.append(Finding(rule, context.severity(rule), doc.file, line, column, message))
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule))


def _slow_acknowledgement(event, context):
    if isinstance(event, Incident) and event.started_at:
        waited = event.updates[0].at - event.started_at
        if waited > context.limit("slow-acknowledgement"):
            yield ("slow-acknowledgement", ("updates", 0, "at"),
                   f"the first public update came {_minutes(waited)} after customers were affected; acknowledge "
                   "within minutes (\"we know, we're on it\"), before you know the cause")


def _stale_incident(event, context):
    if not isinstance(event, Incident) or _resolved(event):
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


def _no_closure(event, context):
    if not isinstance(event, Incident):
        return
    resolved = _resolved(event)
    if resolved is not None:
        index, update = resolved
        if len(update.body.split()) < 8:
            yield ("no-closure", ("updates", index, "body"),
                   "the resolving update is too short to close the incident; say what works again, what customers "
                   "need to do, and that an explanation will follow")
    elif context.now - event.updates[0].at > context.limit("no-closure"):
        yield ("no-closure", ("updates", 0, "at"),
               f"open for {_minutes(context.now - event.updates[0].at)}; resolve it when it is over, or say why it "
               "is still open")


def _missing_postmortem(event, context):
    resolved = _resolved(event) if isinstance(event, Incident) else None
    if resolved and event.impact in ("major", "critical") and event.postmortem is None:
        waited = context.now - resolved[1].at
        if waited > context.limit("missing-postmortem"):
            yield ("missing-postmortem", ("impact",),
                   f"a {event.impact} incident resolved {_minutes(waited)} ago has no postmortem; say sorry, how it "
                   "came about, and what changes so it does not happen again")


def _incomplete_postmortem(event, context):
    postmortem = getattr(event, "postmortem", None)
    if postmortem is None:
        return
    if not APOLOGY.search(postmortem.apology):
        yield ("incomplete-postmortem", ("postmortem", "apology"),
               "the apology does not say sorry; say it plainly, and say what it cost customers")
    for field, what in (("cause", "how it came about and how it was handled"),
                        ("prevention", "what changes so it does not happen again")):
        if len(getattr(postmortem, field).split()) < 12:
            yield ("incomplete-postmortem", ("postmortem", field), f"the {field} is too short; explain {what}")


def _unsigned_update(event, context):
    signed = [(("updates", index, "author"), update.author) for index, update in enumerate(event.updates)]
    if getattr(event, "postmortem", None):
        signed.append((("postmortem", "author"), event.postmortem.author))
    roles = ROLE_ACCOUNTS | {context.organization.strip().lower()}
    for path, author in signed:
        name = author
        if context.team and name in context.team.members:
            name = context.team.members[name].name
        if name.strip().lower() in roles:
            yield ("unsigned-update", path,
                   f"signed by '{author}', not a person; sign with your own name, customers relate to people")


def _minimising_language(event, context):
    texts = [(("updates", index, "body"), update.body) for index, update in enumerate(event.updates)]
    if getattr(event, "postmortem", None):
        texts += [(("postmortem", part), getattr(event.postmortem, part))
                  for part in ("apology", "cause", "prevention")]
    for path, text in texts:
        for pattern, advice in MINIMISING:
            found = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
            if found:
                yield ("minimising-language", path,
                       f"\"{found[0]}\" minimises the problem; {advice} (say \"the website is up and running\", "
                       "not \"the outage only lasted 10 minutes\")")


CHECKS: list[Check] = [_slow_acknowledgement, _stale_incident, _no_closure, _missing_postmortem,
                       _incomplete_postmortem, _unsigned_update, _minimising_language]


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
