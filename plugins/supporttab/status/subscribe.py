"""Every way to get updates without reloading the page, in one list the status page's "Get updates" control shows:
feeds, the maintenance calendar, each component's feeds, the API, and the channels where the company posts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.i18n import gettext
from ..core.urls import API_SUMMARY, CALENDAR, HISTORY_FEED, JSON_FEED, UrlScheme, component_feed
from .index import StatusIndex


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # a path in the site, or an absolute address for a channel elsewhere
    note: str = ""


@dataclass(frozen=True)
class UpdateWays:
    groups: tuple[tuple[str, tuple[Link, ...]], ...]  # (heading, links), in the order shown


def update_ways(status: StatusIndex, channels: Iterable[Link] = (), urls: UrlScheme = UrlScheme()) -> UpdateWays:
    """`channels`: where the company posts each update (chat, social, an email list). The outbound notification
    channels add their public addresses here; with none, that group is left out. Feeds, the calendar and the
    Statuspage API are those of `urls`' language."""
    atom = gettext("Atom feed")
    groups = [
        (gettext("Everything, in a feed reader"), (Link(atom, urls.source(f"{HISTORY_FEED}.atom")),
                                                   Link(gettext("RSS feed"), urls.source(f"{HISTORY_FEED}.rss")),
                                                   Link(gettext("JSON Feed"), urls.source(JSON_FEED)))),
        (gettext("Only the parts you use"), tuple(Link(c.name, urls.source(f"{component_feed(c.id)}.atom"), atom)
                                                  for c in status.components)),
        (gettext("Planned maintenance in your calendar"), (Link(gettext("Maintenance calendar"),
                                                                urls.source(CALENDAR), gettext("iCalendar file")),)),
        (gettext("For developers"), (Link(gettext("Status API"), urls.source(API_SUMMARY),
                                          gettext("Statuspage-compatible JSON")),)),
    ]
    channels = tuple(channels)
    if channels:
        groups.insert(0, (gettext("Where we post each update"), channels))
    return UpdateWays(tuple(groups))
