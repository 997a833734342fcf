"""Derived status, computed once per build from one index: what is broken now, timelines, uptime, history.

Templates, feeds and the JSON API read this index; nothing scans all incidents per page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..core.i18n import Reading, gettext
from ..core.reading import read_in
from ..core.timefmt import month_text
from ..core.urls import UrlScheme
from ..core.vocabulary import (
    IMPACT_TO_STATUS,
    INDICATOR_DESCRIPTIONS,
    INDICATOR_OF_STATUS,
    INDICATORS,
    LABELS,
    OVERALL_DESCRIPTIONS,
    PLAIN_LABELS,
    PLAIN_PROGRESS,
    worst,
)
from .load import StatusData
from .model import Component, Components, Incident, Maintenance
from .uptime import (
    Interval,
    UptimeDay,
    intervals_of,
    uptime_days,
    uptime_method,
    uptime_percent,
)

RECENT_DAYS = 7
HISTORY_PAGE_SIZE = 25

Render = Callable[[str], Markup]
NameOf = Callable[[str], str]


@dataclass(frozen=True)
class Named:
    id: str
    name: str


class Labelled:
    """A status shown two ways: Statuspage's word for feeds and the API, plain words on customer pages."""

    status: str

    @property
    def status_label(self) -> str:
        return gettext(LABELS[self.status])

    @property
    def plain_label(self) -> str:
        return gettext(PLAIN_LABELS[self.status])


@dataclass(frozen=True)
class UpdateView(Labelled):
    number: int
    at: dt.datetime
    status: str
    body: str
    body_html: Markup
    author: str  # the name customers see
    author_id: str  # the team member's id (or the name, on a site without a team)
    changes: dict[str, tuple[str, str]]  # component -> (state before, state after) for each it sets
    next_update_by: dt.datetime | None
    correction: bool
    written_in: str | None = None  # the language of the body when it is shown untranslated, else None

    @property
    def anchor(self) -> str:
        return f"update-{self.number}"


@dataclass(frozen=True)
class PostmortemView:
    published_at: dt.datetime
    author: str
    author_id: str
    apology: str  # Markdown, for the short social text
    apology_html: Markup
    cause_html: Markup
    prevention_html: Markup
    untranslated: bool = False  # a part shown as written, in a block saying its language (not `written_in`: no
    # feed may mark the whole entry, its headings are in the reader's language)

    @property
    def sections(self) -> tuple[tuple[str, str, Markup], ...]:
        """(anchor, heading, HTML) of each part in reading order, so the page and the feeds say them alike."""
        return (("apology", gettext("We are sorry"), self.apology_html),
                ("cause", gettext("How it came about and how we handled it"), self.cause_html),
                ("prevention", gettext("What changes so it does not happen again"), self.prevention_html))

    # Published like an update, with the same fields a feed entry reads: at, status_label, anchor, body, body_html.
    anchor = "postmortem"

    @property
    def status_label(self) -> str:
        return gettext("Postmortem")

    @property
    def at(self) -> dt.datetime:
        return self.published_at

    @property
    def body(self) -> str:
        return self.apology

    @property
    def body_html(self) -> Markup:
        return Markup("").join(Markup("<h3>{}</h3>").format(heading) + html for _, heading, html in self.sections)


@dataclass(frozen=True)
class EventView(Labelled):
    """An incident or a maintenance, as every page, feed and API response shows it."""

    id: str
    kind: str  # "incident" or "maintenance"
    title: str
    impact: str  # none|minor|major|critical, or "maintenance"
    status: str  # the effective status at build time
    url: str
    components: tuple[Named, ...]
    regions: tuple[Named, ...]
    updates: tuple[UpdateView, ...]
    started_at: dt.datetime
    resolved_at: dt.datetime | None
    scheduled_for: dt.datetime | None = None
    scheduled_until: dt.datetime | None = None
    source: str | None = None
    postmortem: PostmortemView | None = None
    workaround_html: Markup | None = None  # what customers can do meanwhile
    start_known: bool = True  # False when an incident gives no started_at: it starts at its first update
    affected_for: tuple[tuple[Named, dt.timedelta], ...] = ()  # a resolved incident: how long each component
    # was not working normally, the figure a postmortem quotes (the whole incident runs to its resolution)
    active: bool = False
    upcoming: bool = False
    component_states: dict[str, str] = field(default_factory=dict)  # latest state per affected component

    @property
    def created_at(self) -> dt.datetime:
        return self.updates[0].at

    @property
    def updated_at(self) -> dt.datetime:
        return max([u.at for u in self.updates] + ([self.postmortem.published_at] if self.postmortem else []))

    @property
    def progress(self) -> str:
        """Where our work stands, in plain words."""
        return gettext(PLAIN_PROGRESS[self.status])

    @property
    def acknowledged_after(self) -> dt.timedelta:
        return self.created_at - self.started_at

    @property
    def duration(self) -> dt.timedelta | None:
        return self.resolved_at - self.started_at if self.resolved_at else None

    @property
    def monitoring_at(self) -> dt.datetime | None:
        return next((u.at for u in self.updates if u.status == "monitoring"), None)

    @property
    def latest(self) -> UpdateView:
        return self.updates[-1]

    @property
    def promised_update(self) -> dt.datetime | None:
        """When an open incident promised its next update: the latest promise, unless a later update came after
        it (as the linter's stale-incident rule reads it)."""
        promised = next((u.next_update_by for u in reversed(self.updates) if u.next_update_by), None)
        return promised if self.active and promised and promised >= self.latest.at else None


@dataclass(frozen=True)
class ComponentView(Labelled):
    id: str
    name: str
    description: str | None
    group: Named | None
    regions: tuple[Named, ...]
    status: str
    uptime: tuple[UptimeDay, ...]
    uptime_percent: float


@dataclass(frozen=True)
class HistoryPage:
    number: int
    url: str
    months: tuple[tuple[str, tuple[EventView, ...]], ...]  # ("November 2026", events)


@dataclass(frozen=True)
class StatusIndex:
    now: dt.datetime
    zone: ZoneInfo
    components: tuple[ComponentView, ...]
    groups: tuple[tuple[Named | None, tuple[ComponentView, ...]], ...]
    regions: tuple[Named, ...]
    events: tuple[EventView, ...]  # newest first
    indicator: str
    description: str  # Statuspage's words, for the API; pages use status/summary.py
    recent_days: tuple[tuple[dt.date, tuple[EventView, ...]], ...]
    history_pages: tuple[HistoryPage, ...]
    active: tuple[EventView, ...]  # for the banner and the top of the status page: incidents, then maintenance
    upcoming: tuple[EventView, ...]  # planned maintenance, soonest first
    updated_at: dt.datetime  # the newest update anywhere

    @property
    def uptime_method(self) -> str:
        return uptime_method()

    @property
    def maintenances(self) -> tuple[EventView, ...]:
        return tuple(e for e in self.events if e.kind == "maintenance")

def build_status_index(data: StatusData, *, now: dt.datetime, zone: ZoneInfo, render: Render,
                       author_name: NameOf = str, urls: UrlScheme = UrlScheme(),
                       language: Reading | None = None) -> StatusIndex:
    """Derive everything the status pages, feeds and API show, once; in `language`'s words where authors gave
    them (see Reading), else as written."""
    say = language or Reading()
    declared = read_in(data.components, say)  # every name as the reader reads it: pages, feeds, badges, API
    names = _names(declared, say)
    events = [_remembered_incident_view(i, m, names, render, author_name, urls, say)
              for i, m in data.incidents.items()]
    for gone in [key for key in _INCIDENT_VIEWS if key[0] not in data.incidents]:  # deleted or renamed since
        del _INCIDENT_VIEWS[gone]
    events += [_maintenance_view(i, m, names, now, render, author_name, urls, say)
               for i, m in data.maintenances.items()]
    events.sort(key=lambda e: (e.started_at, e.id), reverse=True)
    states = _current_component_states(events)
    timelines = _component_timelines(events, now)
    today = now.astimezone(zone).date()
    components = tuple(_component_view(c, declared, names, states.get(c.id, "operational"),
                                       timelines.get(c.id, []), today, zone)
                       for c in declared.all)
    indicator, description = _overall(events, worst(c.status for c in components))
    return StatusIndex(
        now=now, zone=zone, components=components, groups=_group_views(declared, components),
        regions=tuple(Named(r.id, r.name) for r in declared.regions), events=tuple(events),
        indicator=indicator, description=description,
        recent_days=_recent_days(events, today, zone),
        history_pages=_history_pages(events, zone, urls),
        active=tuple(sorted((e for e in events if e.active),
                            key=lambda e: (e.kind != "incident", -e.updated_at.timestamp(), e.id))),
        upcoming=tuple(sorted((e for e in events if e.upcoming), key=lambda e: (e.scheduled_for, e.id))),
        updated_at=max((e.updated_at for e in events), default=now),
    )


def _names(components: Components, say: Reading) -> dict[str, str]:
    """Every region's, group's and component's name by id; the very dict of the build before when they are the
    same, so that each incident's view is checked against it by identity rather than name by name again."""
    names = {r.id: r.name for r in components.regions}
    names.update({g.id: g.name for g in components.groups})
    names.update({c.id: c.name for c in components.all})
    if _NAMES.get(say) == names:
        return _NAMES[say]
    _NAMES[say] = names
    return names


_NAMES: dict[Reading, dict[str, str]] = {}


def _update_views(updates: Sequence, render: Render, author_name: NameOf,
                  changes: Sequence[dict[str, tuple[str, str]]] = (), say: Reading = Reading()
                  ) -> tuple[UpdateView, ...]:
    changes = list(changes) or [{} for _ in updates]
    views = []
    for n, u in enumerate(updates, start=1):
        body, written_in = say.with_language(u.body)
        views.append(UpdateView(number=n, at=u.at, status=u.status, body=body, body_html=render(body),
                                author=author_name(u.author), author_id=u.author, changes=changes[n - 1],
                                next_update_by=getattr(u, "next_update_by", None), correction=u.correction,
                                written_in=written_in))
    return tuple(views)


def component_changes(incident: Incident) -> list[dict[str, tuple[str, str]]]:
    """Per update, each component it sets: (state before, state after). The one account of a component's state
    over an incident, read by uptime and the API alike: before it every component is operational; the
    acknowledgement puts each affected one in the state it names, else the one the impact implies; later updates
    change only what they name."""
    states = {component: "operational" for component in incident.components}
    implied = IMPACT_TO_STATUS[incident.impact]
    result = []
    for number, update in enumerate(incident.updates):
        named = dict(update.components)
        if number == 0:
            named = {component: named.get(component, implied) for component in incident.components}
        result.append({component: (states[component], state) for component, state in named.items()})
        states.update(named)
    return result


def _remembered_incident_view(event_id: str, incident: Incident, names: dict[str, str], render: Render,
                              author_name: NameOf, urls: UrlScheme, say: Reading) -> EventView:
    """The incident's view as derived last time, when it was derived from the same model (a rebuild of `mkdocs
    serve` loads a file again only when its bytes changed) and the same names, authors, links, language and
    Markdown renderer: the view does not depend on the clock."""
    authors = {update.author for update in incident.updates} | ({incident.postmortem.author}
                                                                if incident.postmortem else set())
    made_from = (names, tuple(sorted((author, author_name(author)) for author in authors)), urls, say,
                 getattr(render, "__self__", render))
    last = _INCIDENT_VIEWS.get((event_id, say))
    if last is not None and last[0] is incident and last[1] == made_from:
        return last[2]
    view = _incident_view(event_id, incident, names, render, author_name, urls, say)
    _INCIDENT_VIEWS[(event_id, say)] = (incident, made_from, view)
    return view


_INCIDENT_VIEWS: dict[tuple[str, Reading], tuple[Incident, tuple, EventView]] = {}


def _incident_view(event_id: str, incident: Incident, names: dict[str, str], render: Render,
                   author_name: NameOf, urls: UrlScheme, say: Reading) -> EventView:
    updates = _update_views(incident.updates, render, author_name, component_changes(incident), say)
    resolved = next((u for u in updates if u.status == "resolved"), None)
    status = "resolved" if resolved else updates[-1].status
    states = {component: after for update in updates for component, (_, after) in update.changes.items()}
    pm = incident.postmortem
    return EventView(
        id=event_id, kind="incident", title=say.text(incident.title), impact=incident.impact, status=status,
        url=urls.event(event_id), components=tuple(Named(c, names[c]) for c in incident.components),
        regions=tuple(Named(r, names[r]) for r in incident.regions), updates=updates,
        started_at=incident.started_at or updates[0].at, resolved_at=resolved.at if resolved else None,
        source=incident.source, active=resolved is None, component_states=states,
        workaround_html=say.html(incident.workaround, render) if incident.workaround else None,
        start_known=incident.started_at is not None, affected_for=_affected_for(incident, names, updates, resolved),
        postmortem=PostmortemView(pm.published_at, author_name(pm.author), pm.author, say.text(pm.apology),
                                  *(say.html(part, render) for part in (pm.apology, pm.cause, pm.prevention)),
                                  untranslated=any(say.with_language(part)[1] for part in (
                                      pm.apology, pm.cause, pm.prevention)))
        if pm else None,
    )


def maintenance_status(maintenance: Maintenance, now: dt.datetime) -> str:
    """The status at `now`: a scheduled window that has begun is in progress; one that has passed, completed."""
    latest = maintenance.updates[-1].status
    if latest == "scheduled" and maintenance.scheduled_for <= now:
        return "in_progress" if now < maintenance.scheduled_until else "completed"
    return latest


def _maintenance_view(event_id: str, maintenance: Maintenance, names: dict[str, str], now: dt.datetime,
                      render: Render, author_name: NameOf, urls: UrlScheme, say: Reading) -> EventView:
    updates = _update_views(maintenance.updates, render, author_name, say=say)
    status = maintenance_status(maintenance, now)
    completed = next((u.at for u in updates if u.status == "completed"), None)
    if status == "completed" and completed is None:
        completed = maintenance.scheduled_until
    return EventView(
        id=event_id, kind="maintenance", title=say.text(maintenance.title), impact="maintenance", status=status,
        url=urls.event(event_id), components=tuple(Named(c, names[c]) for c in maintenance.components),
        regions=tuple(Named(r, names[r]) for r in maintenance.regions), updates=updates,
        started_at=maintenance.scheduled_for, resolved_at=completed, scheduled_for=maintenance.scheduled_for,
        scheduled_until=maintenance.scheduled_until, active=status in ("in_progress", "verifying"),
        upcoming=status == "scheduled", component_states={c: "under_maintenance" for c in maintenance.components},
    )


def _current_component_states(events: Sequence[EventView]) -> dict[str, str]:
    states: dict[str, str] = {}
    for event in events:
        if event.active:
            for component, state in event.component_states.items():
                states[component] = worst([states.get(component, "operational"), state])
    return states


def _component_timelines(events: Sequence[EventView], now: dt.datetime) -> dict[str, list[Interval]]:
    """Per component, the periods it was not operational: (start, end, status)."""
    timelines: dict[str, list[Interval]] = defaultdict(list)
    for event in events:
        if event.kind == "maintenance":
            if event.status != "scheduled":
                end = min(event.resolved_at or now, now)
                for component in event.component_states:
                    timelines[component].append((event.started_at, end, "under_maintenance"))
            continue
        _add_incident_intervals(event, now, timelines)
    return timelines


def _add_incident_intervals(event: EventView, now: dt.datetime, timelines: dict[str, list[Interval]]) -> None:
    for component in event.component_states:
        timelines[component] += _intervals(component, event.started_at, event.updates, event.resolved_at or now)


def _intervals(component: str, started_at: dt.datetime, updates: Sequence[UpdateView],
               end: dt.datetime) -> list[Interval]:
    """When `component` was not operational during an incident: what the acknowledgement says holds from when
    customers were first affected, and each later update's change from when it was posted."""
    states = [(started_at, updates[0].changes[component][1])]
    states += [(u.at, u.changes[component][1]) for u in updates[1:] if component in u.changes]
    return intervals_of(states, end)


def _affected_for(incident: Incident, names: dict[str, str], updates: Sequence[UpdateView],
                  resolved: UpdateView | None) -> tuple[tuple[Named, dt.timedelta], ...]:
    if resolved is None:
        return ()
    started = incident.started_at or updates[0].at
    spans = ((c, sum((end - start for start, end, _ in _intervals(c, started, updates, resolved.at)), dt.timedelta()))
             for c in incident.components)
    return tuple((Named(c, names[c]), span) for c, span in spans if span)


def _component_view(component: Component, components: Components, names: dict[str, str], status: str,
                    intervals: list[Interval], today: dt.date, zone: ZoneInfo) -> ComponentView:
    group = next((g for g in components.groups if component in g.components), None)
    days = uptime_days(intervals, today, zone)
    return ComponentView(id=component.id, name=component.name, description=component.description,
                         group=Named(group.id, group.name) if group else None,
                         regions=tuple(Named(r, names[r]) for r in component.regions), status=status,
                         uptime=days, uptime_percent=uptime_percent(days))


def _group_views(components: Components, views: tuple[ComponentView, ...]):
    by_id = {v.id: v for v in views}
    groups = [(Named(g.id, g.name), tuple(by_id[c.id] for c in g.components)) for g in components.groups]
    if components.components:
        groups.append((None, tuple(by_id[c.id] for c in components.components)))
    return tuple(groups)


def _overall(events: Sequence[EventView], worst: str) -> tuple[str, str]:
    """Statuspage's indicator and description, which must agree: the worse of what the active incidents'
    impact and the worst component status say, in the components' words where they say it."""
    impacts = [e.impact for e in events if e.active and e.kind == "incident"]
    from_events = "maintenance" if any(e.active for e in events) else "none"
    if impacts:
        from_events = max(impacts, key=INDICATORS.index)
    indicator = max(from_events, INDICATOR_OF_STATUS[worst], key=INDICATORS.index)
    if indicator == INDICATOR_OF_STATUS[worst]:
        return indicator, OVERALL_DESCRIPTIONS[worst]
    return indicator, INDICATOR_DESCRIPTIONS[indicator]



def _recent_days(events: Sequence[EventView], today: dt.date, zone: ZoneInfo):
    """The last RECENT_DAYS days, each with every event that ran on it: an incident still open shows on every day
    since it started, not only the first."""
    days = [today - dt.timedelta(days=i) for i in range(RECENT_DAYS)]
    by_day: dict[dt.date, list[EventView]] = defaultdict(list)
    for event in events:
        if event.upcoming:
            continue
        day = event.started_at.astimezone(zone).date()
        last = event.resolved_at.astimezone(zone).date() if event.resolved_at else today
        while day <= min(last, today):
            by_day[day].append(event)
            day += dt.timedelta(days=1)
    return tuple((day, tuple(by_day.get(day, ()))) for day in days)


def _history_pages(events: Sequence[EventView], zone: ZoneInfo, urls: UrlScheme) -> tuple[HistoryPage, ...]:
    past = [e for e in events if not e.upcoming]
    pages = []
    for number, start in enumerate(range(0, max(len(past), 1), HISTORY_PAGE_SIZE), start=1):
        months: dict[str, list[EventView]] = {}
        for event in past[start:start + HISTORY_PAGE_SIZE]:
            months.setdefault(month_text(event.started_at.astimezone(zone)), []).append(event)
        pages.append(HistoryPage(number, urls.history(number), tuple((m, tuple(es)) for m, es in months.items())))
    return tuple(pages)

