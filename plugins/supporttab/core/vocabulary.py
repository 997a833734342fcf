"""The one vocabulary of the status part: statuses, impacts, their order, labels, Statuspage's indicator words and
the colours that go with them. Models, loaders, views, outputs, the CLI and the stylesheet all read it from here."""

from __future__ import annotations

import re

from .i18n import N_

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
    "operational": N_("Operational"), "under_maintenance": N_("Under maintenance"),
    "degraded_performance": N_("Degraded performance"), "partial_outage": N_("Partial outage"),
    "major_outage": N_("Major outage"),
    "investigating": N_("Investigating"), "identified": N_("Identified"), "monitoring": N_("Monitoring"),
    "resolved": N_("Resolved"), "scheduled": N_("Scheduled"), "in_progress": N_("In progress"),
    "verifying": N_("Verifying"), "completed": N_("Completed"),
}

# The component statuses as words inside a sentence ("major outage for 2 hours") and on badges.
STATE_WORDS = {"operational": N_("operational"), "under_maintenance": N_("under maintenance"),
               "degraded_performance": N_("degraded performance"), "partial_outage": N_("partial outage"),
               "major_outage": N_("major outage")}

# Plain words for customers, at the top of pages and in the banner: what a component's state means for them, where
# our work stands, and how bad it is. Statuspage's words (LABELS above, the descriptions below) stay in the API.
PLAIN_STATES = {"operational": N_("working normally"), "under_maintenance": N_("in planned maintenance"),
                "degraded_performance": N_("slower than usual"), "partial_outage": N_("partly not working"),
                "major_outage": N_("not working")}
PLAIN_PROGRESS = {
    "investigating": N_("We are finding out what is wrong."),
    "identified": N_("We have found the cause and are fixing it."),
    "monitoring": N_("A fix is in place; we are checking that it holds."),
    "resolved": N_("It is fixed."),
    "scheduled": N_("The maintenance is planned."), "in_progress": N_("The maintenance is under way."),
    "verifying": N_("The maintenance is done; we are checking that everything works."),
    "completed": N_("The maintenance is done."),
}
# The same, short enough for a status pill on customer pages, beside names and times.
PLAIN_LABELS = {
    "operational": N_("Working normally"), "under_maintenance": N_("In planned maintenance"),
    "degraded_performance": N_("Slower than usual"), "partial_outage": N_("Partly not working"),
    "major_outage": N_("Not working"),
    "investigating": N_("Finding the cause"), "identified": N_("Cause found"), "monitoring": N_("Fix in place"),
    "resolved": N_("Fixed"), "scheduled": N_("Planned"), "in_progress": N_("Under way"), "verifying": N_("Checking"),
    "completed": N_("Done"),
}
PLAIN_SEVERITY = {"none": N_("All working"), "maintenance": N_("Planned maintenance"), "minor": N_("Minor problem"),
                  "major": N_("Major problem"), "critical": N_("Outage")}

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

# The overall state on the site-wide badge, in Statuspage's words as the badge has always said them.
BADGE_WORDS = {"All Systems Operational": N_("all systems operational"),
               "Partially Degraded Service": N_("partially degraded service"),
               "Partial System Outage": N_("partial system outage"), "Major System Outage": N_("major system outage"),
               "Service Under Maintenance": N_("service under maintenance"),
               "Minor Service Outage": N_("minor service outage")}

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
