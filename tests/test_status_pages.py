"""The example's status pages, built by real MkDocs at a fixed clock: what a customer reads."""

from __future__ import annotations

import re
from pathlib import Path

INCIDENT = "incidents/2026-11-20-card-payments-failing/index.html"
ACTIVE = "incidents/2026-11-22-slow-pdf-exports/index.html"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_status_page_leads_with_one_sentence_and_whats_happening_now(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    assert ('<p class="st-overall st-overall--minor" role="status">Partially Degraded Service: PDF exports '
            "(degraded performance).</p>") in html
    happening = html[html.index('id="active"'):html.index('id="upcoming"')]
    assert "PDF exports are slow" in happening and "Card payments failing" not in happening
    planned = html[html.index('id="upcoming"'):html.index('id="components"')]
    assert "Moving card payments to a new connection" in planned


def test_every_component_shows_its_state_in_words(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    states = re.findall(r'<span class="st-component__name">([^<]+)</span>\s*<span class="st-pill st-pill--(\w+)">'
                        r"([^<]+)</span>", html)
    assert len(states) == 8
    assert ("PDF exports", "degraded_performance", "Degraded performance") in states
    assert ("Card payments", "operational", "Operational") in states
    groups = re.findall(r'<h3 id="group-[^"]+">([^<]+)</h3>', html)
    assert groups == ["Brightwell app", "Payments"]


def test_uptime_has_90_days_and_a_text_equivalent(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    card = html[html.index('<li class="st-component" data-st-components="card-payments"'):]
    card = card[:card.index("</details>")]
    bars = re.findall(r'<span class="st-bar(?: st-bar--(\w+)" title="([^"]+))?"></span>', card)
    assert len(bars) == 90
    assert bars[-1] == ("", "")  # a plain day: green, described by "no incidents on the other days"
    # 20 Nov: a major outage from 08:52 (start) to 10:12 (back up) = 80 min
    assert bars[-4] == ("major_outage", "Fri 20 Nov: major outage for 1 h 20 min")
    assert [bar for bar in bars if bar[0]] == [bars[-4]]
    assert "99.94% uptime over the past 90 days." in text_of(card)
    assert "<li>Fri 20 Nov: major outage for 1 h 20 min</li>" in card


def test_incident_page_tells_the_story_from_acknowledgement_to_closure(built_example: Path) -> None:
    html = read(built_example, INCIDENT)
    text = text_of(html)
    assert "<h1 id=\"content-start\">Card payments failing for customers in the UK and EU</h1>" in html
    assert "Affects Card payments, Invoice emails in United Kingdom, European Union" in text
    assert "Time to acknowledge 12 min" in text
    assert "Cause Outside Brightwell (a supplier or partner)" in text
    assert re.search(r"Duration 2 h 06 min \(ended 20 Nov 2026, 10:58 GMT ?\)", text)
    statuses = re.findall(r'<li class="st-update st-update--(\w+)" id="(update-\d)">', html)
    assert statuses == [("resolved", "update-4"), ("monitoring", "update-3"), ("identified", "update-2"),
                        ("investigating", "update-1")]
    assert '<time datetime="2026-11-20T09:04:00Z" data-st-local data-st-zone="Europe/London">20 Nov 2026, 09:04 GMT</time>' in html
    # signed: each update shows its author's headshot or initials and name, linking to the team page
    signatures = re.findall(r'<a class="st-signature__person" href="../../team/#member-(\w+)">.*?'
                            r'<span class="st-signature__name">([^<]+)</span></a>', html, re.S)
    assert signatures == [("bob", "Bob Okafor"), ("bob", "Bob Okafor"), ("amara", "Amara Lindqvist"),
                          ("patty", "Patty Hughes"), ("patty", "Patty Hughes")]  # the last signs the postmortem
    postmortem = text[text.index("What happened, and what we are changing"):]
    for heading in ("We are sorry", "How it came about and how we handled it", "What changes so it does not happen again"):
        assert heading in postmortem


def test_active_incident_says_when_its_promised_update_was_missed(built_example: Path) -> None:
    text = text_of(read(built_example, ACTIVE))
    assert "Next update Was due by 23 Nov 2026, 09:00 GMT" in text  # built at 12:00: the promise was missed


def test_banner_on_every_page_while_something_is_active(built_example: Path) -> None:
    pages = sorted(built_example.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        banner = re.search(r'<p class="st-banner st-banner--incident st-banner--minor">(.*?)</p>', html, re.S)
        assert banner, page
        assert "PDF exports are slow" in banner[1] and "Monitoring" in banner[1]


def test_generated_pages_stay_out_of_the_navigation(built_example: Path) -> None:
    html = read(built_example, "articles/reset-password/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
    assert "status/" in nav
    assert "incidents/" not in html[html.index('md-nav--primary'):html.index('class="md-content"')]


def test_history_lists_every_incident_and_maintenance_by_month(built_example: Path) -> None:
    html = read(built_example, "status/history/index.html")
    assert re.findall(r"<h2>([^<]+)</h2>", html) == ["November 2026"]
    titles = re.findall(r'<a class="st-event__title" href="[^"]+">([^<]+)</a>', html)
    assert titles == ["PDF exports are slow", "Card payments failing for customers in the UK and EU",
                      "Database upgrade"]


def test_status_page_has_a_region_and_component_filter(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    form = re.search(r'<form class="st-filter" data-st-filter[^>]*>(.*?)</form>', html, re.S)
    assert form
    assert re.findall(r'<option value="([^"]*)">', form[1])[:4] == ["", "uk", "eu", "na"]


def test_history_is_paginated_newest_first(tmp_path: Path) -> None:
    import datetime as dt

    from conftest import MINIMAL_HUB, run_mkdocs_build

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "hub.yml").write_text(MINIMAL_HUB, encoding="utf-8")
    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents" / "components.yml").write_text("components:\n  - id: api\n    name: API\n")
    start = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.timezone.utc)
    for number in range(30):
        at = start + dt.timedelta(days=2 * number)
        (tmp_path / "incidents" / f"incident-{number:02d}.yml").write_text(
            f"title: Incident {number}\nimpact: minor\ncomponents: [api]\nupdates:\n"
            f"  - at: {at.isoformat()}\n    status: investigating\n    author: Patty\n    body: Looking.\n"
            f"  - at: {(at + dt.timedelta(hours=1)).isoformat()}\n    status: resolved\n    author: Patty\n"
            "    body: Fixed.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Acme\nsite_url: https://status.example.com/\ndocs_dir: content\n"
                                         "theme: {name: material, font: false}\nplugins: [search, supporttab]\n")
    result = run_mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    first = read(tmp_path / "site", "status/history/index.html")
    second = read(tmp_path / "site", "status/history/2/index.html")
    assert re.findall(r">Incident (\d+)<", first) == [str(n) for n in range(29, 4, -1)]
    assert re.findall(r">Incident (\d+)<", second) == ["4", "3", "2", "1", "0"]
    assert re.findall(r"<h2>([^<]+)</h2>", first) == ["October 2026", "September 2026"]
    assert '<a href="2/" rel="next">Older</a>' in first and "Page 1 of 2" in first
    assert '<a href="../" rel="prev">Newer</a>' in second and "Page 2 of 2" in second


def test_the_status_page_links_every_machine_readable_output(built_example: Path) -> None:
    status = read(built_example, "status/index.html")
    for target in ("history.atom", "history.rss", "feed.json", "maintenance.ics", "../api/v2/summary.json"):
        assert f'href="{target}"' in status
        assert (built_example / "status" / target).resolve().is_file()
    # No <link rel="alternate"> feeds in the head: mkdocs-material reads those as language versions and fetches a
    # sitemap.xml beside each, a 404 on every page.
    assert 'rel="alternate"' not in status.split("</head>")[0]
