"""The Statuspage v2 public API as static JSON (`api/v2/...`): same paths, field names and enum values as
Atlassian Statuspage, so existing clients, widgets and exporters work against the static site. A site of several
languages publishes it again in each further language's folder (`de/api/v2/...`): the same ids and Statuspage's
own values (status, impact, indicator), the authors' texts in that language."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from ..core.urls import API_FOLDER, SiteInfo
from ..core.vocabulary import worst
from .index import ComponentView, EventView, StatusIndex

RECENT_LIMIT = 50  # Statuspage returns the 50 most recent incidents and maintenances


def api_files(index: StatusIndex, site: SiteInfo) -> dict[str, str]:
    """Every API document, by its path in the site: in `site.urls`' language section, as `index` reads."""
    api = _Api(index, site)
    incidents = [e for e in index.events if e.kind == "incident"]
    maintenances = sorted((e for e in index.events if e.kind == "maintenance"),
                          key=lambda e: (e.scheduled_for, e.id), reverse=True)
    unresolved = [e for e in incidents if e.active]
    upcoming = list(index.upcoming)
    active = [e for e in index.active if e.kind == "maintenance"]
    documents = {
        "summary.json": {"page": api.page, "components": api.components, "incidents": api.events(unresolved),
                         "scheduled_maintenances": api.events(active + upcoming), "status": api.status},
        "status.json": {"page": api.page, "status": api.status},
        "components.json": {"page": api.page, "components": api.components},
        "incidents.json": {"page": api.page, "incidents": api.events(incidents[:RECENT_LIMIT])},
        "incidents/unresolved.json": {"page": api.page, "incidents": api.events(unresolved)},
        "scheduled-maintenances.json": {"page": api.page,
                                        "scheduled_maintenances": api.events(maintenances[:RECENT_LIMIT])},
        "scheduled-maintenances/upcoming.json": {"page": api.page, "scheduled_maintenances": api.events(upcoming)},
        "scheduled-maintenances/active.json": {"page": api.page, "scheduled_maintenances": api.events(active)},
    }
    return {site.urls.source(f"{API_FOLDER}{name}"): json.dumps(doc, ensure_ascii=False) + "\n"
            for name, doc in documents.items()}


def incident_object(index: StatusIndex, site: SiteInfo, event: EventView) -> dict[str, Any]:
    """One incident or maintenance as Statuspage writes it, for webhooks that expect Statuspage's payload."""
    return _Api(index, site).events([event])[0]


def _last_touched(events: Iterable[EventView]) -> dict[str, dt.datetime]:
    """Per component, when an event about it (other than one still scheduled) was last updated."""
    touched: dict[str, dt.datetime] = {}
    for event in events:
        if event.status != "scheduled":
            for component in event.components:
                if component.id not in touched or touched[component.id] < event.updated_at:
                    touched[component.id] = event.updated_at
    return touched


class _Api:
    """Statuspage objects built from the index; timestamps in the site's zone, like Statuspage does."""

    def __init__(self, index: StatusIndex, site: SiteInfo):
        self.index = index
        self.site = site
        self.page = {"id": site.page_id, "name": site.name, "url": site.absolute(site.urls.section),
                     "time_zone": index.zone.key, "updated_at": self.time(index.updated_at)}
        self.status = {"indicator": index.indicator, "description": index.description}
        self._since = min((e.created_at for e in index.events), default=index.updated_at)
        self._touched = _last_touched(index.events)
        self.components = self._components()
        self._by_id = {c["id"]: c for c in self.components}

    def time(self, moment: dt.datetime | None) -> str | None:
        return moment.astimezone(self.index.zone).isoformat(timespec="milliseconds") if moment else None

    def _component(self, component: ComponentView, group_id: str | None) -> dict[str, Any]:
        return {
            "id": component.id, "name": component.name, "status": component.status,
            "created_at": self.time(self._since), "updated_at": self.time(self._touched.get(component.id, self._since)),
            "position": 0, "description": component.description, "showcase": True, "start_date": None,
            "group_id": group_id, "page_id": self.site.page_id, "group": False, "only_show_if_degraded": False,
        }

    def _components(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for group, members in self.index.groups:
            children = [self._component(c, group.id if group else None) for c in members]
            if group:
                                result.append({
                    "id": group.id, "name": group.name, "status": worst(c.status for c in members),
                    "created_at": self.time(self._since),
                    "updated_at": max(c["updated_at"] for c in children), "position": 0,
                    "description": None, "showcase": False, "start_date": None, "group_id": None,
                    "page_id": self.site.page_id, "group": True, "only_show_if_degraded": False,
                    "components": [c.id for c in members],
                })
            result += children
        for position, component in enumerate(result, start=1):
            component["position"] = position
        return result

    def events(self, events: list[EventView]) -> list[dict[str, Any]]:
        return [self._event(e) for e in events]

    def _event(self, event: EventView) -> dict[str, Any]:
        # Statuspage moves a resolved incident to `postmortem` once its postmortem is published.
        status = "postmortem" if event.postmortem else event.status
        data: dict[str, Any] = {
            "id": event.id, "name": event.title, "status": status,
            "created_at": self.time(event.created_at), "updated_at": self.time(event.updated_at),
            "monitoring_at": self.time(event.monitoring_at), "resolved_at": self.time(event.resolved_at),
            "impact": event.impact, "shortlink": self.site.absolute(event.url),
            "started_at": self.time(event.started_at), "page_id": self.site.page_id,
            "incident_updates": self._updates(event),
            "components": [self._by_id[c.id] for c in event.components],
        }
        if event.kind == "maintenance":
            data["scheduled_for"] = self.time(event.scheduled_for)
            data["scheduled_until"] = self.time(event.scheduled_until)
        return data

    def _updates(self, event: EventView) -> list[dict[str, Any]]:
        updates = []
        for update in event.updates:
            changes = [{"code": code, "name": self._by_id[code]["name"], "old_status": old, "new_status": new}
                       for code, (old, new) in update.changes.items()]
            updates.append({
                "id": f"{event.id}-{update.number}", "status": update.status, "body": update.body.strip(),
                "incident_id": event.id, "created_at": self.time(update.at), "updated_at": self.time(update.at),
                "display_at": self.time(update.at), "affected_components": changes or None,
                "deliver_notifications": True, "custom_tweet": None, "tweet_id": None,
            })
        return updates[::-1]  # newest first, as Statuspage lists them
