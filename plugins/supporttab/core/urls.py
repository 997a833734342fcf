"""The one URL scheme: where each generated page's source and address are, and the site's own name and address
as machine-readable outputs (feeds, the API, calendars) print them."""

from __future__ import annotations

import re
from dataclasses import dataclass

HUB_PAGE = "index.md"
TEAM_PAGE = "team/index.md"
STATUS_PAGE = "status/index.md"


# The status part's machine-readable outputs, by path in the site: the feeds, the calendar and the API link here.
HISTORY_FEED = "status/history"  # .atom and .rss
JSON_FEED = "status/feed.json"
CALENDAR = "status/maintenance.ics"
API_SUMMARY = "api/v2/summary.json"


def component_feed(component_id: str) -> str:
    """One component's feeds, without the .atom or .rss suffix."""
    return f"status/components/{component_id}/history"


def event_page(event_id: str) -> str:
    """The generated page of an incident or maintenance, as a path in docs_dir."""
    return f"incidents/{event_id}.md"


def history_page(number: int) -> str:
    return "status/history.md" if number == 1 else f"status/history/{number}.md"


@dataclass(frozen=True)
class UrlScheme:
    """Where a page is published, as MkDocs does it: `incidents/x/` with use_directory_urls (its default), else
    `incidents/x.html`. Every link to a generated page is made here."""

    directory_urls: bool = True
    section: str = ""  # a language's folder, like "de/" (the default language's pages are at the root)

    def source(self, source: str) -> str:
        """Where a generated page's source is, in this language's section."""
        return f"{self.section}{source}"

    def page(self, source: str) -> str:
        stem = self.source(source).removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            folder = stem.removesuffix("index")
            return (folder or ".") if self.directory_urls else f"{folder}index.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def event(self, event_id: str) -> str:
        return self.page(event_page(event_id))

    def history(self, number: int = 1) -> str:
        return self.page(history_page(number))

    @property
    def hub(self) -> str:
        return self.page(HUB_PAGE)

    @property
    def status(self) -> str:
        return self.page(STATUS_PAGE)

    @property
    def team(self) -> str:
        return self.page(TEAM_PAGE)


@dataclass(frozen=True)
class SiteInfo:
    name: str
    base_url: str  # absolute with a trailing slash, or "" when mkdocs.yml has no site_url
    description: str = ""
    urls: UrlScheme = UrlScheme()

    def absolute(self, path: str) -> str:
        """A site-relative path as an address readers can follow from a feed or an API client."""
        return f"{self.base_url}{path}" if self.base_url else f"/{path}"

    @property
    def page_id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "status"


def site_info(name: str, site_url: str | None, description: str | None = None, *,
              directory_urls: bool = True) -> SiteInfo:
    base = (site_url or "").strip()
    if base and not base.endswith("/"):
        base += "/"
    return SiteInfo(name=name, base_url=base, description=description or "", urls=UrlScheme(directory_urls))
