"""What machine-readable outputs say about the site itself: its name and the address it is published at."""

from __future__ import annotations

import re
from dataclasses import dataclass


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
