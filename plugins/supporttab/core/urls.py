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
API_FOLDER = "api/v2/"  # Statuspage's public API, in each language's section
API_SUMMARY = f"{API_FOLDER}summary.json"


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
    # The section's hub, team or status page an author's own page stands in for: links to them (and to their
    # contact details' and people's anchors, which the author's page may not have) lead to the first language's.
    stand_ins: frozenset[str] = frozenset()

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

    def generated(self, source: str) -> str:
        """A generated page as links to it and its anchors need it: the section's, else the first language's."""
        return UrlScheme(self.directory_urls).page(source) if source in self.stand_ins else self.page(source)

    @property
    def hub(self) -> str:
        return self.generated(HUB_PAGE)

    @property
    def status(self) -> str:
        return self.generated(STATUS_PAGE)

    @property
    def team(self) -> str:
        return self.generated(TEAM_PAGE)


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
