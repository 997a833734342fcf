"""The words of an announcement, per kind of channel: a short signed post within each network's limit (with the
link), and a fuller message for chat and email (status, what is affected, what to know, next update, who)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import regex

from ..core.i18n import gettext, list_text
from ..core.timefmt import local_text
from ..status.announcements import Announcement
from ..status.social import signature

# Each network's limit. Mastodon and Bluesky count graphemes (what a reader sees as one character: an emoji with
# its skin tone, a letter with its accent); X weighs each: 1 for Latin and the like, 2 for CJK and for an emoji.
LIMITS = {"x": 280, "mastodon": 500, "bluesky": 300}
_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))  # X's ranges that weigh 1


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


def _weight(cluster: str, network: str) -> int:
    if network != "x":
        return 1
    if len(cluster) > 1 and regex.search(r"\p{Extended_Pictographic}|\p{Regional_Indicator}", cluster):
        return 2  # an emoji sequence counts once, as 2
    return sum(1 if any(lo <= ord(c) <= hi for lo, hi in _LIGHT) else 2 for c in cluster)


def length(text: str, network: str) -> int:
    """How `network` counts `text` against its limit."""
    return sum(_weight(cluster, network) for cluster in _clusters(text))


def short_post(item: Announcement, network: str) -> str:
    """'Identified: Card payments failing. What to know… https://… ^PH', within the network's limit."""
    limit = LIMITS[network]
    head = f"{item.status_label}: {item.event.title.rstrip('.')}."
    tail = f" {item.url} {signature(item.author)}"
    room = limit - length(head, network) - length(tail, network) - 1
    if room < 20:  # a very long title: shorten it and leave the details to the link
        return _cut(head, limit - length(tail, network), network) + tail
    summary = item.text
    return f"{head} {_cut(summary, room, network) if length(summary, network) > room else summary}{tail}"


def _cut(text: str, room: int, network: str) -> str:
    """`text` cut at a word so that it and an ellipsis fit in `room`."""
    kept, used = [], length("…", network)
    for cluster in _clusters(text):
        used += _weight(cluster, network)
        if used > room:
            break
        kept.append(cluster)
    cut = "".join(kept)
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
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
    facts = [(gettext("Status"), item.status_label)]
    if event.components:
        facts.append((gettext("Affected"), list_text(c.name for c in event.components)))
    if event.regions:
        facts.append((gettext("Where"), list_text(r.name for r in event.regions)))
    if event.kind == "maintenance" and event.scheduled_for and event.scheduled_until:
        facts.append((gettext("When"), gettext("%(start)s to %(end)s", start=local_text(event.scheduled_for, zone),
                                               end=local_text(event.scheduled_until, zone))))
    if item.next_update_by:
        facts.append((gettext("Next update"), gettext("by %(time)s", time=local_text(item.next_update_by, zone))))
    return Message(gettext("%(status)s: %(title)s", status=item.status_label, title=event.title), tuple(facts),
                   item.text, item.url, item.author)
