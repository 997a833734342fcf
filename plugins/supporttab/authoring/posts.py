"""The words of an announcement, per kind of channel: a short signed post within each network's limit (with the
link), and a fuller message for chat and email (status, what is affected, what to know, next update, who)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import regex

from ..core.timefmt import local_text
from ..status.announcements import Announcement
from ..status.social import signature

# Each network's limit, and how it counts: X-style 280 characters, Mastodon 500, Bluesky 300 graphemes (what a
# reader sees as one character: an emoji with its skin tone, a letter with its accent).
LIMITS = {"x": 280, "mastodon": 500, "bluesky": 300}


def graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


def short_post(item: Announcement, limit: int) -> str:
    """'Identified: Card payments failing. What to know… https://… ^PH', never over `limit` graphemes."""
    head = f"{item.status_label}: {item.event.title.rstrip('.')}."
    tail = f" {item.url} {signature(item.author)}"
    room = limit - graphemes(head) - graphemes(tail) - 1
    if room < 20:  # a very long title: shorten it and leave the details to the link
        return _cut(head, limit - graphemes(tail)) + tail
    summary = item.text
    return f"{head} {_cut(summary, room) if graphemes(summary) > room else summary}{tail}"


def _cut(text: str, room: int) -> str:
    """`text` cut at a word within `room` graphemes, with an ellipsis."""
    clusters = regex.findall(r"\X", text)[: max(room - 1, 1)]
    cut = "".join(clusters)
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(",;:. ") + "…"


@dataclass(frozen=True)
class Message:
    """The fuller message for chat and email: a subject line, facts as (label, value) lines, the text, the link."""

    subject: str
    facts: tuple[tuple[str, str], ...]
    text: str
    url: str
    author: str

    def plain(self) -> str:
        lines = [self.subject, "", *(f"{label}: {value}" for label, value in self.facts), "", self.text, "",
                 f"— {self.author}", self.url]
        return "\n".join(lines)


def message(item: Announcement, zone: ZoneInfo) -> Message:
    event = item.event
    facts = [("Status", item.status_label)]
    if event.components:
        facts.append(("Affected", ", ".join(c.name for c in event.components)))
    if event.regions:
        facts.append(("Where", ", ".join(r.name for r in event.regions)))
    if event.kind == "maintenance" and event.scheduled_for and event.scheduled_until:
        facts.append(("When", f"{local_text(event.scheduled_for, zone)} to {local_text(event.scheduled_until, zone)}"))
    if item.next_update_by:
        facts.append(("Next update", f"by {local_text(item.next_update_by, zone)}"))
    return Message(f"{item.status_label}: {event.title}", tuple(facts), item.text, item.url, item.author)
