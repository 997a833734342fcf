"""The state of the service in plain words: what is not working and for whom, as a customer would say it.
Statuspage's words ("Partial System Outage") stay in the API; this is what the widget shows."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.vocabulary import TONES
from .index import Named, StatusIndex

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
    parts = [f"{c.name}: {PLAIN_STATES[c.status]}{_who(status, c.id)}." for c in status.components
             if c.status != "operational"]
    if not parts:
        parts = [f"We are looking into a problem: {e.title}{_for_customers_in(e.regions)}." for e in status.active
                 if e.kind == "incident"]
    return StatusSummary(" ".join(parts) or ALL_WELL, TONES[status.indicator])


def _who(status: StatusIndex, component: str) -> str:
    """Who the part is down for: the regions of the active events that mark it, or no one in particular when
    one of them names no region (it affects everyone)."""
    events = [e for e in status.active if component in e.component_states]
    if not events or any(not e.regions for e in events):
        return ""
    return _for_customers_in(tuple(dict.fromkeys(r for e in events for r in e.regions)))


def _for_customers_in(regions: tuple[Named, ...]) -> str:
    """The words after a part or an incident: ", for customers in United Kingdom and European Union"; none for
    no regions, which means everyone."""
    names = [r.name for r in regions]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f", for customers in {listed}"
