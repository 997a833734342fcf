"""The one URL scheme: where each generated page's source and address are, and the site's own name and address
as machine-readable outputs (feeds, the API, calendars) print them."""

from __future__ import annotations

import re
from dataclasses import dataclass

HUB_PAGE = "index.md"
TEAM_PAGE = "team/index.md"
STATUS_PAGE = "status/index.md"


def event_page(event_id: str) -> str:
    """The generated page of an incident or maintenance, as a path in docs_dir."""
    return f"incidents/{event_id}.md"


def event_url(event_id: str) -> str:
    return f"incidents/{event_id}/"


def history_page(number: int) -> str:
    return "status/history.md" if number == 1 else f"status/history/{number}.md"


def history_url(number: int) -> str:
    return "status/history/" if number == 1 else f"status/history/{number}/"


@dataclass(frozen=True)
class SiteInfo:
    name: str
    base_url: str  # absolute with a trailing slash, or "" when mkdocs.yml has no site_url
    description: str = ""

    def absolute(self, path: str) -> str:
        """A site-relative path as an address readers can follow from a feed or an API client."""
        return f"{self.base_url}{path}" if self.base_url else f"/{path}"

    @property
    def page_id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "status"


def site_info(name: str, site_url: str | None, description: str | None = None) -> SiteInfo:
    base = (site_url or "").strip()
    if base and not base.endswith("/"):
        base += "/"
    return SiteInfo(name=name, base_url=base, description=description or "")
