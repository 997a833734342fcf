"""The one vocabulary of the status part: statuses, impacts, their order, labels, Statuspage's indicator words and
the colours that go with them. Models, loaders, views, outputs, the CLI and the stylesheet all read it from here."""

from __future__ import annotations

import re

IMPACTS = ("none", "minor", "major", "critical")
COMPONENT_STATUSES = ("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
OPENING_STATUSES = INCIDENT_STATUSES[:2]  # an incident starts with its public acknowledgement
MAINTENANCE_STATUSES = ("scheduled", "in_progress", "verifying", "completed")  # in the order maintenance moves
SOURCES = ("internal", "external")

# Component statuses, worst last. Maintenance is planned, so it ranks below any unplanned degradation.
SEVERITY = ("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage")
# The component status an incident's impact implies until an update says otherwise.
IMPACT_TO_STATUS = dict(zip(IMPACTS, ("operational", "degraded_performance", "partial_outage", "major_outage")))

LABELS = {
    "operational": "Operational", "under_maintenance": "Under maintenance",
    "degraded_performance": "Degraded performance", "partial_outage": "Partial outage",
    "major_outage": "Major outage",
    "investigating": "Investigating", "identified": "Identified", "monitoring": "Monitoring",
    "resolved": "Resolved", "scheduled": "Scheduled", "in_progress": "In progress", "verifying": "Verifying",
    "completed": "Completed",
}

# Plain words for customers, at the top of pages and in the banner: what a component's state means for them, where
# our work stands, and how bad it is. Statuspage's words (LABELS above, the descriptions below) stay in the API.
PLAIN_STATES = {"operational": "working normally", "under_maintenance": "in planned maintenance",
                "degraded_performance": "slower than usual", "partial_outage": "partly not working",
                "major_outage": "not working"}
PLAIN_PROGRESS = {
    "investigating": "We are finding out what is wrong.",
    "identified": "We have found the cause and are fixing it.",
    "monitoring": "A fix is in place; we are checking that it holds.",
    "resolved": "It is fixed.",
    "scheduled": "The maintenance is planned.", "in_progress": "The maintenance is under way.",
    "verifying": "The maintenance is done; we are checking that everything works.",
    "completed": "The maintenance is done.",
}
# The same, short enough for a status pill on customer pages, beside names and times.
PLAIN_LABELS = {
    "operational": "Working normally", "under_maintenance": "In planned maintenance",
    "degraded_performance": "Slower than usual", "partial_outage": "Partly not working", "major_outage": "Not working",
    "investigating": "Finding the cause", "identified": "Cause found", "monitoring": "Fix in place",
    "resolved": "Fixed", "scheduled": "Planned", "in_progress": "Under way", "verifying": "Checking",
    "completed": "Done",
}
PLAIN_SEVERITY = {"none": "All working", "maintenance": "Planned maintenance", "minor": "Minor problem",
                  "major": "Major problem", "critical": "Outage"}

# Statuspage's overall indicator, least to most severe; the one a component status implies; and the words for
# each, by the worst component status or, when an incident's impact is worse than any component shows, by it.
INDICATORS = ("none", "maintenance", "minor", "major", "critical")
INDICATOR_OF_STATUS = {"operational": "none", "under_maintenance": "maintenance", "degraded_performance": "minor",
                       "partial_outage": "major", "major_outage": "critical"}
OVERALL_DESCRIPTIONS = {
    "operational": "All Systems Operational", "degraded_performance": "Partially Degraded Service",
    "partial_outage": "Partial System Outage", "major_outage": "Major System Outage",
    "under_maintenance": "Service Under Maintenance",
}
INDICATOR_DESCRIPTIONS = {"none": "All Systems Operational", "maintenance": "Service Under Maintenance",
                          "minor": "Minor Service Outage", "major": "Partial System Outage",
                          "critical": "Major System Outage"}

# Share of a period counted as downtime in uptime figures; degraded service and maintenance count as up.
DOWNTIME_WEIGHT = {"major_outage": 1.0, "partial_outage": 0.3}

# Colours by tone, each dark enough for white text (badges) or as text on white (pills) at 4.5:1, and the
# lighter ones for uptime bars, which carry no text. Every status and indicator has a tone.
TONE_COLOURS = {"good": "#1b7a3d", "minor": "#8a5a00", "major": "#b34700", "critical": "#b3261e",
                "maintenance": "#2457a6"}
BAR_COLOURS = {"good": "#1b7a3d", "minor": "#d9a400", "major": "#e06c00", "critical": "#b3261e",
               "maintenance": "#2457a6"}
TONES = {
    "operational": "good", "resolved": "good", "completed": "good", "none": "good",
    "degraded_performance": "minor", "monitoring": "minor", "verifying": "minor", "minor": "minor",
    "partial_outage": "major", "identified": "major", "major": "major",
    "major_outage": "critical", "investigating": "critical", "critical": "critical",
    "under_maintenance": "maintenance", "scheduled": "maintenance", "in_progress": "maintenance",
    "maintenance": "maintenance",
}

# Ids of components, regions, groups, incidents and team members: they become file names and URLs.
ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,62}"


def is_id(text: str) -> bool:
    return re.fullmatch(ID_PATTERN, text) is not None


def worst(statuses, default: str = "operational") -> str:
    """The most severe of some component statuses."""
    return max(statuses, key=SEVERITY.index, default=default)


def colour_properties() -> str:
    """The tones as CSS custom properties, so the stylesheet takes its status colours from this vocabulary."""
    text = "".join(f"--st-{tone}:{colour};" for tone, colour in TONE_COLOURS.items())
    bars = "".join(f"--st-bar-{tone}:{colour};" for tone, colour in BAR_COLOURS.items())
    return f":root{{{text}{bars}}}"
