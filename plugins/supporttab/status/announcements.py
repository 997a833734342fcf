"""What `supporttab notify` announces: every published update and postmortem as one `Announcement` with a stable
key, and the small state file deployed with the site that lists those keys (so the next run knows what was
published before it)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..core.urls import SiteInfo
from .index import EventView, StatusIndex
from .social import plain_text

STATE_FILE = "api/supporttab/published.json"
STATE_VERSION = 1


@dataclass(frozen=True)
class Announcement:
    key: str  # "<event id>-<update number>" (the Statuspage update id) or "<event id>-postmortem"
    event: EventView
    status: str  # the update's status, or "postmortem"
    status_label: str
    body: str  # Markdown
    author: str
    at: dt.datetime
    next_update_by: dt.datetime | None
    url: str  # absolute, to the event's page (the postmortem's section for a postmortem)

    @property
    def text(self) -> str:
        return plain_text(self.body)


def announcements(index: StatusIndex, site: SiteInfo) -> list[Announcement]:
    """Every update and postmortem on the site, oldest first (the order they are announced in)."""
    found = []
    for event in index.events:
        url = site.absolute(event.url)
        for update in event.updates:
            found.append(Announcement(_key(event, update.number), event, update.status, update.status_label,
                                      update.body, update.author, update.at, update.next_update_by,
                                      f"{url}#{update.anchor}" if update.number > 1 else url))
        if event.postmortem:
            found.append(Announcement(_key(event, "postmortem"), event, "postmortem", "Postmortem",
                                      event.postmortem.apology, event.postmortem.author,
                                      event.postmortem.published_at, None, f"{url}#postmortem"))
    return sorted(found, key=lambda a: (a.at, a.key))


def _key(event: EventView, part: int | str) -> str:
    """An update's key (its event and number, or "postmortem"): what the ledger of announcements lists."""
    return f"{event.id}-{part}"


def state_file(index: StatusIndex, site: SiteInfo) -> str:
    """The keys of everything this build publishes, as JSON: the next notify's "published before"."""
    keys = sorted(_key(event, part) for event in index.events
                  for part in [*(update.number for update in event.updates), *(["postmortem"] * bool(event.postmortem))])
    return json.dumps({"version": STATE_VERSION, "published": keys}, indent=1) + "\n"

