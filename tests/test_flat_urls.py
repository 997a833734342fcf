"""A site built with `use_directory_urls: false` (pages as `name.html`, for file:// or servers without index
files): every link Support Tab writes, in pages, feeds, the API and the calendar, reaches a file of the site."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import copy_example_site, run_mkdocs_build

SITE_URL = "https://support.brightwell.example/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.links += [value for name, value in attrs if name in ("href", "src", "action") and value]


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_example_site(tmp_path_factory.mktemp("flat") / "src")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def _missing(site: Path, page: str, links: list[str]) -> list[str]:
    """The links of `page` (a path in the site) that reach no file of the site."""
    missing = []
    for link in links:
        if link.startswith(SITE_URL):
            link = "/" + link[len(SITE_URL):]
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path:  # other sites, mailto:, tel:, #anchors
            continue
        target = urljoin("/" + page, parts.path).lstrip("/")
        if not (site / target).is_file():
            missing.append(f"{page}: {link}")
    return missing


def test_every_link_in_every_page_reaches_a_file(flat: Path) -> None:
    pages = sorted(path.relative_to(flat).as_posix() for path in flat.rglob("*.html"))
    assert "incidents/2026-11-22-slow-pdf-exports.html" in pages and "status/history.html" in pages
    missing = []
    for page in pages:
        parser = _Links()
        parser.feed((flat / page).read_text(encoding="utf-8"))
        missing += _missing(flat, page, parser.links)
    assert missing == []


def test_the_most_visited_articles_still_follow_the_page_views(flat: Path) -> None:
    hub = (flat / "index.html").read_text(encoding="utf-8")
    popular = hub[hub.index('id="popular-articles"'):]
    popular = popular[:popular.index("</ol>")]
    assert re.findall(r'href="([^"]+)"', popular) == [
        "articles/reset-password.html", "articles/card-payment-failed.html", "articles/send-first-invoice.html",
        "guides/getting-started.html", "articles/two-step-verification.html"]  # the pin, then by views


def test_feeds_the_api_and_the_calendar_link_to_files(flat: Path) -> None:
    links = [link.get("href") for link in ET.parse(flat / "status/history.atom").getroot().iter()
             if link.tag.endswith("link")]
    links += [item.findtext("link") for item in ET.parse(flat / "status/history.rss").getroot().iter("item")]
    links += [item["url"] for item in json.loads((flat / "status/feed.json").read_text())["items"]]
    links += [i["shortlink"] for i in json.loads((flat / "api/v2/incidents.json").read_text())["incidents"]]
    calendar = (flat / "status/maintenance.ics").read_bytes().decode().replace("\r\n ", "")  # unfolded
    links += re.findall(r"^URL:(\S+)", calendar, flags=re.MULTILINE)
    assert len(links) > 10
    assert _missing(flat, "index.html", [link.split("#")[0] for link in links]) == []
