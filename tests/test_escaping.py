"""Authored text stays text in every place it lands: RSS descriptions (HTML by convention), iCalendar lines, and
raw HTML a site opted into, which passes an allow-list sanitizer (nh3) instead of being trusted."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from conftest import copy_example_site, run_mkdocs_build

INCIDENT = "incidents/2026-11-22-slow-pdf-exports.yml"
MAINTENANCE = "incidents/maintenance/2027-01-10-payment-provider-migration.yml"
TITLE = "Exports <script>alert(1)</script> & slow"
RAW = ('Kept <b>bold</b>. <a href="javascript:alert(1)">link</a> <img src="x.png" onerror="alert(1)">'
       '<script>alert(2)</script>')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_example_site(tmp_path_factory.mktemp("escaping") / "src")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      timezone: Europe/London\n",
                                                                  "      timezone: Europe/London\n"
                                                                  "      allow_html: true\n"), encoding="utf-8")
    incident = site / INCIDENT
    text = incident.read_text(encoding="utf-8")
    text = text.replace("title: PDF exports are slow", f'title: "{TITLE}"')
    text = text.rstrip("\n") + f"\n  - at: 2026-11-23T11:00:00+00:00\n    status: monitoring\n    author: patty\n" \
                               f"    body: '{RAW}'\n"
    incident.write_text(text, encoding="utf-8")
    maintenance = site / MAINTENANCE
    text = maintenance.read_text(encoding="utf-8")  # a title cannot hold a line break (an error); a body can
    body = text[text.index("    body: |"):]
    maintenance.write_text(text.replace(body, '    body: "Card payments may fail\\rBEGIN:VEVENT for 5 minutes."\n'),
                           encoding="utf-8")
    (site / "content" / "articles" / "meta.md").write_text(
        '---\ntitle: "Fees <script>alert(3)</script> & refunds"\ndescription: \'Costs "><script>alert(4)</script>\'\n'
        "---\n\nWhat a refund costs.\n", encoding="utf-8")
    (site / "content" / "articles" / "heading.md").write_text(
        "# Closing &lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt; `</title><b>`\n\nText.\n", encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def test_an_rss_description_shows_a_title_as_text_not_html(built: Path) -> None:
    items = ET.parse(built / "status" / "history.rss").getroot().iter("item")
    description = next(item.findtext("description") for item in items if "Exports" in item.findtext("title"))
    assert "<script>" not in description  # the reader gets &lt;script&gt;, which it shows as text
    assert "Exports &lt;script&gt;alert(1)&lt;/script&gt; &amp; slow" in description


def test_a_carriage_return_cannot_break_an_icalendar_line(built: Path) -> None:
    raw = (built / "status" / "maintenance.ics").read_bytes()
    assert b"\r" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    descriptions = [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]
    assert len(descriptions) == 2  # the CR started no event of its own
    assert any(d.startswith("Card payments may fail\nBEGIN:VEVENT for 5 minutes.") for d in descriptions), descriptions


def test_opted_in_raw_html_passes_the_allow_list_only(built: Path) -> None:
    page = (built / "incidents" / "2026-11-22-slow-pdf-exports" / "index.html").read_text(encoding="utf-8")
    body = page[page.index("Kept <b>bold</b>"):]
    body = body[:body.index("</div>")]
    assert "javascript:" not in body and "onerror" not in body and "<script" not in body and "alert(2)" not in body
    assert '<a>link</a> <img src="x.png">' in body


@pytest.mark.parametrize("page", ["articles/meta/index.html", "articles/heading/index.html", "index.html"])
def test_an_articles_title_and_description_stay_text_everywhere_the_theme_prints_them(built: Path, page: str) -> None:
    html = (built / page).read_text(encoding="utf-8")
    assert "<script>alert" not in html
    head = html[:html.index("</head>")]
    assert head.count("<title>") == 1 and head.count("</title>") == 1
    if page == "articles/meta/index.html":
        assert "<title>Fees &lt;script&gt;alert(3)&lt;/script&gt; &amp; refunds - Brightwell Support</title>" in head
        assert '<meta name="description" content="Costs &#34;&gt;&lt;script&gt;alert(4)&lt;/script&gt;">' in head
