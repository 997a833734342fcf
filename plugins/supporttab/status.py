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

from .model.status import Component, Components, Incident, Maintenance
from .status_files import StatusData, all_components

# Worst last. Maintenance is planned, so it ranks below any unplanned degradation.
SEVERITY = ("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage")
STATUS_LABELS = {
    "operational": "Operational", "under_maintenance": "Under maintenance",
    "degraded_performance": "Degraded performance", "partial_outage": "Partial outage",
    "major_outage": "Major outage",
    "investigating": "Investigating", "identified": "Identified", "monitoring": "Monitoring",
    "resolved": "Resolved", "scheduled": "Scheduled", "in_progress": "In progress", "verifying": "Verifying",
    "completed": "Completed",
}
IMPACT_TO_STATUS = {"none": "operational", "minor": "degraded_performance", "major": "partial_outage",
                    "critical": "major_outage"}
OVERALL_DESCRIPTIONS = {  # Statuspage's wording, by the worst component status
    "operational": "All Systems Operational", "degraded_performance": "Partially Degraded Service",
    "partial_outage": "Partial System Outage", "major_outage": "Major System Outage",
    "under_maintenance": "Service Under Maintenance",
}
# Statuspage's indicator, from least to most severe; the one a component status implies; and its wording when
# an incident's impact is worse than any component shows.
INDICATORS = ("none", "maintenance", "minor", "major", "critical")
INDICATOR_OF_STATUS = {"operational": "none", "under_maintenance": "maintenance", "degraded_performance": "minor",
                       "partial_outage": "major", "major_outage": "critical"}
INDICATOR_DESCRIPTIONS = {"none": "All Systems Operational", "maintenance": "Service Under Maintenance",
                          "minor": "Minor Service Outage", "major": "Partial System Outage",
                          "critical": "Major System Outage"}
# Share of a period counted as downtime in uptime figures; degraded service and maintenance count as up.
DOWNTIME_WEIGHT = {"major_outage": 1.0, "partial_outage": 0.3}
UPTIME_DAYS = 90
RECENT_DAYS = 7
HISTORY_PAGE_SIZE = 25

Render = Callable[[str], Markup]
NameOf = Callable[[str], str]


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class UpdateView:
    number: int
    at: dt.datetime
    status: str
    body: str
    body_html: Markup
    author: str  # the name customers see
    author_id: str  # the team member's id (or the name, on a site without a team)
    components: dict[str, str]
    next_update_by: dt.datetime | None
    correction: bool

    @property
    def anchor(self) -> str:
        return f"update-{self.number}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class PostmortemView:
    published_at: dt.datetime
    author: str
    author_id: str
    apology: str  # Markdown, for the short social text
    apology_html: Markup
    cause_html: Markup
    prevention_html: Markup

    @property
    def sections(self) -> tuple[tuple[str, str, Markup], ...]:
        """(anchor, heading, HTML) of each part in reading order, so the page and the feeds say them alike."""
        return (("apology", "We are sorry", self.apology_html),
                ("cause", "How it came about and how we handled it", self.cause_html),
                ("prevention", "What changes so it does not happen again", self.prevention_html))


@dataclass(frozen=True)
class EventView:
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
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

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


@dataclass(frozen=True)
class UptimeDay:
    date: dt.date
    status: str  # the worst status that day
    downtime: dt.timedelta  # weighted
    affected: dt.timedelta  # how long anything was not operational

    @property
    def text(self) -> str:
        label = f"{self.date:%a} {self.date.day} {self.date:%b}"
        if self.status == "operational":
            return f"{label}: no incidents"
        return f"{label}: {STATUS_LABELS[self.status].lower()} for {duration_text(self.affected)}"


@dataclass(frozen=True)
class ComponentView:
    id: str
    name: str
    description: str | None
    group: Named | None
    regions: tuple[Named, ...]
    status: str
    uptime: tuple[UptimeDay, ...]
    uptime_percent: float

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


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
    description: str
    sentence: str
    recent_days: tuple[tuple[dt.date, tuple[EventView, ...]], ...]
    history_pages: tuple[HistoryPage, ...]
    active: tuple[EventView, ...]  # for the banner and the top of the status page: incidents, then maintenance
    upcoming: tuple[EventView, ...]  # planned maintenance, soonest first
    updated_at: dt.datetime  # the newest update anywhere

    @property
    def incidents(self) -> tuple[EventView, ...]:
        return tuple(e for e in self.events if e.kind == "incident")

    @property
    def maintenances(self) -> tuple[EventView, ...]:
        return tuple(e for e in self.events if e.kind == "maintenance")

    def component(self, component_id: str) -> ComponentView:
        return next(c for c in self.components if c.id == component_id)


def event_url(event_id: str) -> str:
    return f"incidents/{event_id}/"


def build_status_index(data: StatusData, *, now: dt.datetime, zone: ZoneInfo, render: Render,
                       author_name: NameOf = str) -> StatusIndex:
    """Derive everything the status pages, feeds and API show, once."""
    names = _names(data.components)
    events = [_incident_view(i, m, names, render, author_name) for i, m in data.incidents.items()]
    events += [_maintenance_view(i, m, names, now, render, author_name) for i, m in data.maintenances.items()]
    events.sort(key=lambda e: (e.started_at, e.id), reverse=True)
    states = _current_component_states(events)
    timelines = _component_timelines(events, now)
    today = now.astimezone(zone).date()
    components = tuple(_component_view(c, data.components, names, states.get(c.id, "operational"),
                                       timelines.get(c.id, []), today, zone)
                       for c in all_components(data.components))
    worst = max((c.status for c in components), key=SEVERITY.index, default="operational")
    indicator, description = _overall(events, worst)
    return StatusIndex(
        now=now, zone=zone, components=components, groups=_group_views(data.components, components),
        regions=tuple(Named(r.id, r.name) for r in data.components.regions), events=tuple(events),
        indicator=indicator, description=description,
        sentence=_sentence(components, events, description), recent_days=_recent_days(events, today, zone),
        history_pages=_history_pages(events, zone),
        active=tuple(sorted((e for e in events if e.active),
                            key=lambda e: (e.kind != "incident", -e.updated_at.timestamp(), e.id))),
        upcoming=tuple(sorted((e for e in events if e.upcoming), key=lambda e: (e.scheduled_for, e.id))),
        updated_at=max((e.updated_at for e in events), default=now),
    )


def _names(components: Components) -> dict[str, str]:
    names = {r.id: r.name for r in components.regions}
    names.update({g.id: g.name for g in components.groups})
    names.update({c.id: c.name for c in all_components(components)})
    return names


def _update_views(updates: Sequence, render: Render, author_name: NameOf) -> tuple[UpdateView, ...]:
    return tuple(UpdateView(number=n, at=u.at, status=u.status, body=u.body, body_html=render(u.body),
                            author=author_name(u.author), author_id=u.author,
                            components=dict(getattr(u, "components", {})),
                            next_update_by=getattr(u, "next_update_by", None), correction=u.correction)
                 for n, u in enumerate(updates, start=1))


def _incident_view(event_id: str, incident: Incident, names: dict[str, str], render: Render,
                   author_name: NameOf) -> EventView:
    updates = _update_views(incident.updates, render, author_name)
    resolved = next((u for u in updates if u.status == "resolved"), None)
    status = "resolved" if resolved else updates[-1].status
    states = {c: IMPACT_TO_STATUS[incident.impact] for c in incident.components}
    for update in updates:
        states.update(update.components)
    pm = incident.postmortem
    return EventView(
        id=event_id, kind="incident", title=incident.title, impact=incident.impact, status=status,
        url=event_url(event_id), components=tuple(Named(c, names[c]) for c in incident.components),
        regions=tuple(Named(r, names[r]) for r in incident.regions), updates=updates,
        started_at=incident.started_at or updates[0].at, resolved_at=resolved.at if resolved else None,
        source=incident.source, active=resolved is None, component_states=states,
        postmortem=PostmortemView(pm.published_at, author_name(pm.author), pm.author, pm.apology,
                                  render(pm.apology), render(pm.cause), render(pm.prevention)) if pm else None,
    )


def maintenance_status(maintenance: Maintenance, now: dt.datetime) -> str:
    """The status at `now`: a scheduled window that has begun is in progress; one that has passed, completed."""
    latest = maintenance.updates[-1].status
    if latest == "scheduled" and maintenance.scheduled_for <= now:
        return "in_progress" if now < maintenance.scheduled_until else "completed"
    return latest


def _maintenance_view(event_id: str, maintenance: Maintenance, names: dict[str, str], now: dt.datetime,
                      render: Render, author_name: NameOf) -> EventView:
    updates = _update_views(maintenance.updates, render, author_name)
    status = maintenance_status(maintenance, now)
    completed = next((u.at for u in updates if u.status == "completed"), None)
    if status == "completed" and completed is None:
        completed = maintenance.scheduled_until
    return EventView(
        id=event_id, kind="maintenance", title=maintenance.title, impact="maintenance", status=status,
        url=event_url(event_id), components=tuple(Named(c, names[c]) for c in maintenance.components),
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
                states[component] = max(states.get(component, "operational"), state, key=SEVERITY.index)
    return states


Interval = tuple[dt.datetime, dt.datetime, str]


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
    default = IMPACT_TO_STATUS[event.impact]
    end = event.resolved_at or now
    for component in event.component_states:
        changes = [(event.started_at, default)]
        changes += [(u.at, u.components[component]) for u in event.updates
                    if component in u.components and u.at < end]
        for (start, state), (stop, _) in zip(changes, changes[1:] + [(end, "")]):
            if state != "operational" and stop > start:
                timelines[component].append((start, stop, state))


def _component_view(component: Component, components: Components, names: dict[str, str], status: str,
                    intervals: list[Interval], today: dt.date, zone: ZoneInfo) -> ComponentView:
    group = next((g for g in components.groups if component in g.components), None)
    days = _uptime_days(intervals, today, zone)
    total = sum((d.downtime for d in days), dt.timedelta())
    percent = 100 * (1 - total / dt.timedelta(days=UPTIME_DAYS))
    return ComponentView(id=component.id, name=component.name, description=component.description,
                         group=Named(group.id, group.name) if group else None,
                         regions=tuple(Named(r, names[r]) for r in component.regions), status=status,
                         uptime=days, uptime_percent=round(percent, 2))


def _uptime_days(intervals: list[Interval], today: dt.date, zone: ZoneInfo) -> tuple[UptimeDay, ...]:
    first = today - dt.timedelta(days=UPTIME_DAYS - 1)
    worst: dict[dt.date, str] = {}
    downtime: dict[dt.date, dt.timedelta] = defaultdict(dt.timedelta)
    affected: dict[dt.date, dt.timedelta] = defaultdict(dt.timedelta)
    for start, end, state in intervals:
        day = max(start.astimezone(zone).date(), first)
        while day <= min(end.astimezone(zone).date(), today):
            day_start = dt.datetime.combine(day, dt.time(), zone)
            overlap = min(end, day_start + dt.timedelta(days=1)) - max(start, day_start)
            if overlap > dt.timedelta():
                worst[day] = max(worst.get(day, "operational"), state, key=SEVERITY.index)
                downtime[day] += overlap * DOWNTIME_WEIGHT.get(state, 0.0)
                affected[day] += overlap
            day += dt.timedelta(days=1)
    one_day = dt.timedelta(days=1)
    return tuple(UptimeDay(d, worst.get(d, "operational"), min(downtime[d], one_day), min(affected[d], one_day))
                 for d in (first + dt.timedelta(days=i) for i in range(UPTIME_DAYS)))


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


def _sentence(components: Sequence[ComponentView], events: Sequence[EventView], description: str) -> str:
    """One plain sentence for the top of the status page, in the same words as the API's description: what is
    affected, or which incidents are open when no component is marked yet."""
    parts = [f"{c.name} ({c.status_label.lower()})" for c in components if c.status != "operational"]
    if not parts and description != OVERALL_DESCRIPTIONS["operational"]:
        parts = [e.title for e in events if e.active and e.kind == "incident"]
    if not parts:
        return "All systems are working normally."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{description}: {listed}."


def _recent_days(events: Sequence[EventView], today: dt.date, zone: ZoneInfo):
    days = [today - dt.timedelta(days=i) for i in range(RECENT_DAYS)]
    by_day: dict[dt.date, list[EventView]] = defaultdict(list)
    for event in events:
        if event.kind == "incident" or not event.upcoming:
            by_day[event.started_at.astimezone(zone).date()].append(event)
    return tuple((day, tuple(by_day.get(day, ()))) for day in days)


def _history_pages(events: Sequence[EventView], zone: ZoneInfo) -> tuple[HistoryPage, ...]:
    past = [e for e in events if not e.upcoming]
    pages = []
    for number, start in enumerate(range(0, max(len(past), 1), HISTORY_PAGE_SIZE), start=1):
        months: dict[str, list[EventView]] = {}
        for event in past[start:start + HISTORY_PAGE_SIZE]:
            months.setdefault(f"{event.started_at.astimezone(zone):%B %Y}", []).append(event)
        url = "status/history/" if number == 1 else f"status/history/{number}/"
        pages.append(HistoryPage(number, url, tuple((m, tuple(es)) for m, es in months.items())))
    return tuple(pages)


def duration_text(delta: dt.timedelta) -> str:
    """'1 h 05 min', '12 min', '2 d 3 h': for people, not machines."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"
