"""The pages and files Support Tab adds to a site, described without MkDocs: what to generate, where."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .badges import badge_files
from .feeds import feed_files
from .ics import maintenance_calendar
from .model import Hub
from .siteinfo import SiteInfo
from .status import StatusIndex
from .statuspage import api_files

HUB_PAGE = "index.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    template: str
    title: str
    description: str
    in_nav: bool = False
    hide: tuple[str, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)


def generated_pages(hub: Hub, status: StatusIndex | None, has_team: bool) -> list[GeneratedPage]:
    name = hub.organization.name
    pages = [GeneratedPage(HUB_PAGE, "supporttab/hub.html", hub.title, hub.description, in_nav=True,
                           hide=("navigation", "toc"))]
    if has_team:
        pages.append(GeneratedPage("team/index.md", "supporttab/team.html", "Meet the team",
                                   f"The people of {name} who answer your questions and sign our status updates.",
                                   in_nav=True, hide=("navigation", "toc")))
    if status is None:
        return pages
    pages.append(GeneratedPage("status/index.md", "supporttab/status.html", f"{name} status",
                               f"Is {name} working? Current status, incidents and planned maintenance.",
                               in_nav=True, hide=("navigation", "toc")))
    for history in status.history_pages:
        suffix = "" if history.number == 1 else f" (page {history.number})"
        src = "status/history.md" if history.number == 1 else f"status/history/{history.number}.md"
        pages.append(GeneratedPage(src, "supporttab/history.html", f"Incident history{suffix}",
                                   f"Past incidents and maintenance of {name}, newest first.",
                                   hide=("navigation", "toc"), context={"st_history_page": history}))
    for event in status.events:
        pages.append(GeneratedPage(f"incidents/{event.id}.md", "supporttab/incident.html", event.title,
                                   f"{event.status_label}: {event.title}. Updates from {name}.",
                                   hide=("navigation", "toc"), context={"st_event": event}))
    return pages


def status_outputs(status: StatusIndex, site: SiteInfo) -> dict[str, str]:
    """Feeds, the Statuspage-compatible API, the maintenance calendar and badges, by path in the site."""
    outputs = feed_files(status, site)
    outputs.update(api_files(status, site))
    outputs["status/maintenance.ics"] = maintenance_calendar(status, site)
    outputs.update(badge_files(status))
    return outputs
