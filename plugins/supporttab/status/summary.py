"""The state of the service in plain words: what is not working and for whom, as a customer would say it.
Statuspage's words ("Partial System Outage") stay in the API; this is what the widget shows."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.vocabulary import TONES
from .index import StatusIndex

# What each component status means to a customer using that part of the product.
PLAIN_STATES = {
    "degraded_performance": "slower than usual",
    "partial_outage": "not working for some customers",
    "major_outage": "not working",
    "under_maintenance": "paused for planned maintenance",
}
ALL_WELL = "Everything is working normally."


@dataclass(frozen=True)
class StatusSummary:
    text: str
    tone: str  # good, minor, major, critical or maintenance: the colour that goes with it


def plain_summary(status: StatusIndex) -> StatusSummary:
    """One short text for the state right now: each affected part and what is wrong with it, else the open
    incidents by title (nothing marked yet), else that everything works."""
    parts = [f"{c.name}: {PLAIN_STATES[c.status]}." for c in status.components if c.status != "operational"]
    if not parts:
        parts = [f"We are looking into a problem: {e.title}." for e in status.active if e.kind == "incident"]
    return StatusSummary(" ".join(parts) or ALL_WELL, TONES[status.indicator])
