"""Feeds, the Statuspage-compatible API, the maintenance calendar and badges, read by real clients."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import jsonschema

# Card payments (and its postmortem), PDF exports, database upgrade, payment migration.
ENTRIES_IN_EXAMPLE = 4 + 1 + 3 + 3 + 1


def test_atom_and_rss_carry_every_update_as_an_entry(built_example: Path) -> None:
    for name in ("history.atom", "history.rss"):
        feed = feedparser.parse((built_example / "status" / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == "Brightwell Support status"
        assert len(feed.entries) == ENTRIES_IN_EXAMPLE
        newest = feed.entries[0]
        assert newest.title == "Monitoring: PDF exports are slow"
        assert newest.link == "https://support.brightwell.example/incidents/2026-11-22-slow-pdf-exports/#update-3"
        assert newest.published_parsed[:5] == (2026, 11, 22, 15, 40)
        assert newest.author == "Patty Hughes"
        assert "Exports are back to normal speed" in newest.summary
        links = [entry.link for entry in feed.entries]
        assert len(set(links)) == len(links)


def test_json_feed_follows_version_1_1(built_example: Path) -> None:
    feed = json.loads((built_example / "status" / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://support.brightwell.example/status/feed.json"
    assert len(feed["items"]) == ENTRIES_IN_EXAMPLE
    first = feed["items"][0]
    assert first["date_published"] == "2026-11-22T15:40:00Z" and first["authors"] == [{"name": "Patty Hughes"}]
    assert first["tags"] == ["PDF exports"]


def test_a_published_postmortem_is_an_entry_of_its_own(built_example: Path) -> None:
    url = "https://support.brightwell.example/incidents/2026-11-20-card-payments-failing/#postmortem"
    atom = feedparser.parse((built_example / "status" / "history.atom").read_bytes())
    entry = next(e for e in atom.entries if e.link == url)
    assert entry.title == "Postmortem: Card payments failing for customers in the UK and EU"
    assert entry.published_parsed[:5] == (2026, 11, 21, 15, 0)
    assert entry.summary.startswith("Postmortem: Card payments failing for customers in the UK and EU. ")
    assert len(entry.summary) <= 280
    html = entry.content[0].value
    assert html.index("We are sorry") < html.index("How it came about") < html.index("What changes so it")
    feed = json.loads((built_example / "status" / "feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in feed["items"] if item["url"] == url] == [entry.title]


def test_component_feeds_hold_only_that_components_updates(built_example: Path) -> None:
    feed = feedparser.parse((built_example / "status/components/card-payments/history.atom").read_bytes())
    assert not feed.bozo
    titles = {entry.title.split(": ", 1)[1] for entry in feed.entries}
    assert titles == {"Card payments failing for customers in the UK and EU",
                      "Moving card payments to a new connection"}
    assert len(feed.entries) == 6
    assert feedparser.parse((built_example / "status/components/payouts/history.rss").read_bytes()).entries == []


STATUSPAGE_COMPONENT = {
    "type": "object",
    "required": ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase",
                 "start_date", "group_id", "page_id", "group", "only_show_if_degraded"],
    "properties": {"status": {"enum": ["operational", "degraded_performance", "partial_outage", "major_outage",
                                       "under_maintenance"]},
                   "group": {"type": "boolean"}, "position": {"type": "integer"}},
}
STATUSPAGE_UPDATE = {
    "type": "object",
    "required": ["id", "status", "body", "incident_id", "created_at", "updated_at", "display_at",
                 "affected_components", "deliver_notifications", "custom_tweet", "tweet_id"],
}
STATUSPAGE_EVENT = {
    "type": "object",
    "required": ["id", "name", "status", "created_at", "updated_at", "monitoring_at", "resolved_at", "impact",
                 "shortlink", "started_at", "page_id", "incident_updates", "components"],
    "properties": {
        "status": {"enum": ["investigating", "identified", "monitoring", "resolved", "postmortem", "scheduled",
                            "in_progress", "verifying", "completed"]},
        "impact": {"enum": ["none", "minor", "major", "critical", "maintenance"]},
        "incident_updates": {"type": "array", "minItems": 1, "items": STATUSPAGE_UPDATE},
        "components": {"type": "array", "items": STATUSPAGE_COMPONENT},
    },
}
STATUSPAGE_PAGE = {"type": "object", "required": ["id", "name", "url", "time_zone", "updated_at"]}
STATUSPAGE_STATUS = {"type": "object", "required": ["indicator", "description"],
                     "properties": {"indicator": {"enum": ["none", "minor", "major", "critical", "maintenance"]}}}


def _document(**lists: dict) -> dict:
    properties = {"page": STATUSPAGE_PAGE, **lists}
    return {"type": "object", "required": list(properties), "properties": properties}


STATUSPAGE_SHAPES = {
    "summary.json": _document(components={"type": "array", "items": STATUSPAGE_COMPONENT},
                              incidents={"type": "array", "items": STATUSPAGE_EVENT},
                              scheduled_maintenances={"type": "array", "items": STATUSPAGE_EVENT},
                              status=STATUSPAGE_STATUS),
    "status.json": _document(status=STATUSPAGE_STATUS),
    "components.json": _document(components={"type": "array", "items": STATUSPAGE_COMPONENT}),
    "incidents.json": _document(incidents={"type": "array", "items": STATUSPAGE_EVENT}),
    "incidents/unresolved.json": _document(incidents={"type": "array", "items": STATUSPAGE_EVENT}),
    "scheduled-maintenances.json": _document(scheduled_maintenances={"type": "array", "items": STATUSPAGE_EVENT}),
    "scheduled-maintenances/upcoming.json": _document(scheduled_maintenances={"type": "array",
                                                                              "items": STATUSPAGE_EVENT}),
    "scheduled-maintenances/active.json": _document(scheduled_maintenances={"type": "array",
                                                                            "items": STATUSPAGE_EVENT}),
}


def api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / "v2" / name).read_text(encoding="utf-8"))


def test_every_api_document_has_statuspages_shape(built_example: Path) -> None:
    for name, schema in STATUSPAGE_SHAPES.items():
        jsonschema.validate(api(built_example, name), schema)


def test_api_reports_the_current_state(built_example: Path) -> None:
    summary = api(built_example, "summary.json")
    assert summary["status"] == {"indicator": "minor", "description": "Partially Degraded Service"}
    assert summary["page"]["url"] == "https://support.brightwell.example/"
    assert summary["page"]["time_zone"] == "Europe/London"
    assert [i["id"] for i in summary["incidents"]] == ["2026-11-22-slow-pdf-exports"]
    assert [m["id"] for m in summary["scheduled_maintenances"]] == ["2027-01-10-payment-provider-migration"]
    components = {c["id"]: c for c in summary["components"]}
    assert components["pdf-exports"]["status"] == "degraded_performance"
    assert components["app"]["group"] is True and "pdf-exports" in components["app"]["components"]
    assert components["app"]["status"] == "degraded_performance"
    assert components["card-payments"]["group_id"] == "payments"


def test_api_incident_carries_its_updates_newest_first(built_example: Path) -> None:
    incidents = {i["id"]: i for i in api(built_example, "incidents.json")["incidents"]}
    assert list(incidents) == ["2026-11-22-slow-pdf-exports", "2026-11-20-card-payments-failing"]
    card = incidents["2026-11-20-card-payments-failing"]
    assert card["status"] == "postmortem" and card["impact"] == "major"  # resolved, with its postmortem out
    assert card["resolved_at"] == "2026-11-20T10:58:00.000+00:00"
    assert card["started_at"] == "2026-11-20T08:52:00.000+00:00"
    assert card["shortlink"] == "https://support.brightwell.example/incidents/2026-11-20-card-payments-failing/"
    assert [u["status"] for u in card["incident_updates"]] == ["resolved", "monitoring", "identified",
                                                              "investigating"]
    monitoring = card["incident_updates"][1]
    assert monitoring["affected_components"] == [
        {"code": "card-payments", "name": "Card payments", "old_status": "major_outage", "new_status": "operational"},
        {"code": "invoice-emails", "name": "Invoice emails", "old_status": "partial_outage",
         "new_status": "degraded_performance"}]
    # The acknowledgement sets every affected component: the state it names, or the one the impact implies; the
    # API, the uptime bars and the status page tell one story.
    assert card["incident_updates"][-1]["affected_components"] == [
        {"code": "card-payments", "name": "Card payments", "old_status": "operational", "new_status": "major_outage"},
        {"code": "invoice-emails", "name": "Invoice emails", "old_status": "operational",
         "new_status": "partial_outage"}]
    assert api(built_example, "incidents/unresolved.json")["incidents"][0]["id"] == "2026-11-22-slow-pdf-exports"


def test_api_maintenance_lists(built_example: Path) -> None:
    every = api(built_example, "scheduled-maintenances.json")["scheduled_maintenances"]
    assert [m["id"] for m in every] == ["2027-01-10-payment-provider-migration", "2026-11-15-database-upgrade"]
    assert every[0]["scheduled_for"] == "2027-01-10T01:00:00.000+00:00" and every[0]["impact"] == "maintenance"
    assert [m["status"] for m in every] == ["scheduled", "completed"]
    upcoming = api(built_example, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"]
    assert [m["id"] for m in upcoming] == ["2027-01-10-payment-provider-migration"]
    assert api(built_example, "scheduled-maintenances/active.json")["scheduled_maintenances"] == []


def test_maintenance_calendar_parses_with_one_event_per_maintenance(built_example: Path) -> None:
    raw = (built_example / "status" / "maintenance.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["2026-11-15-database-upgrade@support.brightwell.example",
                                               "2027-01-10-payment-provider-migration@support.brightwell.example"]
    upgrade = events[0]
    assert upgrade.decoded("DTSTART") == dt.datetime(2026, 11, 15, 2, 0, tzinfo=dt.timezone.utc)
    assert upgrade.decoded("DTEND") == dt.datetime(2026, 11, 15, 3, 0, tzinfo=dt.timezone.utc)
    assert str(upgrade["SUMMARY"]) == "Maintenance: Database upgrade"
    assert "Affects: Web app, Mobile apps and Public API" in str(upgrade["DESCRIPTION"])  # listed as the language does


def test_badges_say_the_state_in_text(built_example: Path) -> None:
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    overall = ET.parse(built_example / "badges" / "status.svg").getroot()
    assert overall.get("aria-label") == "status: partially degraded service"
    assert [t.text for t in overall.iterfind(".//svg:text", namespace)] == ["status", "partially degraded service"]
    component = ET.parse(built_example / "badges" / "pdf-exports.svg").getroot()
    assert component.find("svg:title", namespace).text == "PDF exports: degraded performance"
    assert len(list((built_example / "badges").glob("*.svg"))) == 9


def test_feed_entries_carry_the_short_signed_social_text(built_example: Path) -> None:
    atom = feedparser.parse((built_example / "status" / "history.atom").read_bytes())
    rss = feedparser.parse((built_example / "status" / "history.rss").read_bytes())
    feed = json.loads((built_example / "status" / "feed.json").read_text(encoding="utf-8"))
    texts = [atom.entries[0].summary, rss.entries[0].summary, feed["items"][0]["summary"]]
    assert texts[0] == texts[1] == texts[2]
    assert texts[0].startswith("Monitoring: PDF exports are slow. Exports are back to normal speed")
    assert texts[0].endswith(" https://support.brightwell.example/incidents/2026-11-22-slow-pdf-exports/ ^PH")
    assert all(len(entry.summary) <= 280 for entry in atom.entries)
    assert "Exports are back to normal speed" in rss.entries[0].content[0].value  # the full update, as HTML
