"""The example's status pages, built by real MkDocs at a fixed clock: what a customer reads."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

INCIDENT = "incidents/2026-11-20-card-payments-failing/index.html"
ACTIVE = "incidents/2026-11-22-slow-pdf-exports/index.html"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def summary_of(html: str) -> str:
    return text_of(html[html.index('<section class="st-summary'):html.index("</section>", html.index("st-summary"))])


@pytest.mark.parametrize("path", ["index.html", "status/index.html"])
def test_hub_and_status_page_open_with_one_plain_answer(built_example: Path, path: str) -> None:
    html = read(built_example, path)
    main = html[html.index('<h1 id="content-start"'):]
    assert main.index('<section class="st-summary st-summary--minor"') < main.index("<h2", main.index("st-summary") + 200)
    assert summary_of(html) == (
        "Minor problem PDF exports: slower than usual "
        "Who Customers in every region "
        "Where we are A fix is in place; we are checking that it holds. "
        "What you can do Nothing you asked for is lost. Need an invoice PDF now? Open the invoice and choose Print . "  # (a tag ends after Print)
        "Next update Overdue: was due by 23 Nov 2026, 09:00 GMT "  # built at 12:00: the promise was missed
        "All updates on “PDF exports are slow”")
    assert '<span class="st-due st-due--overdue"' in html
    # the icon repeats the words and is hidden from screen readers; Statuspage's words stay in the API
    assert '<span class="st-icon st-icon--minor" aria-hidden="true"><svg' in html
    for jargon in ("Partially Degraded Service", "All Systems Operational", "degraded performance)"):
        assert jargon not in text_of(main)
    assert '<p class="st-banner' not in html  # the summary is the answer here: no banner saying it again


def test_status_page_lists_planned_maintenance_and_offers_one_get_updates_control(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    planned = html[html.index('id="upcoming"'):html.index('id="components"')]
    assert "Moving card payments to a new connection" in planned
    ways = html[html.index('<details class="st-get-updates">'):html.index("</details>", html.index("st-get-updates"))]
    assert html.index("st-get-updates") < html.index('id="upcoming"')
    assert re.findall(r"<h3>([^<]+)</h3>", ways) == ["Everything, in a feed reader", "Only the parts you use",
                                                     "Planned maintenance in your calendar", "For developers"]
    assert 'href="components/pdf-exports/history.atom">PDF exports</a>' in ways
    assert "Times are UK time." in text_of(html)


def test_every_component_shows_its_state_in_words(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    states = re.findall(r'<span class="st-component__name">([^<]+)</span>\s*<span class="st-pill st-pill--(\w+)">'
                        r"([^<]+)</span>", html)
    assert len(states) == 8
    assert ("PDF exports", "degraded_performance", "Slower than usual") in states
    assert ("Card payments", "operational", "Working normally") in states
    groups = re.findall(r'<h3 id="group-[^"]+">([^<]+)</h3>', html)
    assert groups == ["Brightwell app", "Payments"]


def test_uptime_has_90_days_and_a_text_equivalent(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    card = html[html.index('<li class="st-component" data-st-components="card-payments"'):]
    card = card[:card.index("</details>")]
    bars = re.findall(r'<span class="st-bar(?: st-bar--(\w+)" title="([^"]+))?"></span>', card)
    assert len(bars) == 90
    assert bars[-1] == ("", "")  # a plain day: green, described by "normal on the other days"
    # 20 Nov: a major outage from 08:52 (start) to 10:12 (back up) = 80 minutes
    assert bars[-4] == ("major_outage", "Fri 20 Nov: major outage for 1 hour 20 minutes")
    assert [bar for bar in bars if bar[0]] == [bars[-4]]
    assert "99.94% uptime over the past 90 days." in text_of(card)
    assert '<li><time datetime="2026-11-20">Fri 20 Nov</time>: major outage for 1 hour 20 minutes</li>' in card


def test_incident_page_tells_the_story_from_acknowledgement_to_closure(built_example: Path) -> None:
    html = read(built_example, INCIDENT)
    text = text_of(html)
    assert "<h1 id=\"content-start\">Card payments failing for customers in the UK and EU</h1>" in html
    assert "Affects Card payments and Invoice emails in United Kingdom and European Union" in text
    assert "First public update 12 minutes after it started" in text
    assert "Cause Outside Brightwell, at a supplier or partner" in text
    # each duration says what it measures: the whole incident, and each part (the postmortem's "80 minutes")
    assert ("From start to resolved 2 hours 6 minutes Not working normally Card payments: 1 hour 20 minutes "
            "Invoice emails: 2 hours 6 minutes") in text
    assert "For 80 minutes on 20 November" in text
    # the newest first: where it stands, the postmortem's link, then the updates newest first
    assert text.index("It is fixed. Ended 20 Nov 2026, 10:58 GMT") < text.index("Updates, newest first")
    top = html[html.index('<h1 id="content-start"'):html.index('id="updates"')]
    assert '<a href="#postmortem">What happened, and what we are changing</a>' in top
    assert "1 day 4 hours after it was resolved" in text
    statuses = re.findall(r'<li class="st-update st-update--(\w+)" id="(update-\d)">', html)
    assert statuses == [("resolved", "update-4"), ("monitoring", "update-3"), ("identified", "update-2"),
                        ("investigating", "update-1")]
    assert '<time datetime="2026-11-20T09:04:00Z" data-st-local data-st-zone="Europe/London" data-st-offset="0">20 Nov 2026, 09:04 GMT</time>' in html
    # signed: each update shows its author's headshot or initials and name, linking to the team page
    signatures = re.findall(r'<a class="st-signature__person" href="../../team/#member-(\w+)">.*?'
                            r'<span class="st-signature__name">([^<]+)</span></a>', html, re.S)
    assert signatures == [("bob", "Bob Okafor"), ("bob", "Bob Okafor"), ("amara", "Amara Lindqvist"),
                          ("patty", "Patty Hughes"), ("patty", "Patty Hughes")]  # the last signs the postmortem
    postmortem = text[text.index("What happened, and what we are changing"):]
    for heading in ("We are sorry", "How it came about and how we handled it", "What changes so it does not happen again"):
        assert heading in postmortem


def test_open_incident_leads_with_what_to_do_and_its_missed_promise(built_example: Path) -> None:
    html = read(built_example, ACTIVE)
    top = html[html.index('<h1 id="content-start"'):html.index('id="updates"')]
    text = text_of(top)
    assert text.startswith("PDF exports are slow A fix is in place; we are checking that it holds. "
                           "Minor problem PDF exports: slower than usual")
    assert "What you can do Nothing you asked for is lost." in text
    assert "Next update Overdue: was due by 23 Nov 2026, 09:00 GMT" in text  # built at 12:00: the promise was missed
    assert '<span class="st-due st-due--overdue"' in top


def test_customer_pages_say_states_in_plain_words_not_statuspage_words(built_example: Path) -> None:
    """Statuspage's enum words ("Degraded performance", "Monitoring") belong in the API and feeds; every pill a
    customer reads says the state in plain words, whichever status it shows."""
    from supporttab.core.vocabulary import LABELS, PLAIN_LABELS

    assert LABELS.keys() == PLAIN_LABELS.keys()
    pills = []
    for page in built_example.rglob("*.html"):
        pills += re.findall(r'<span class="st-pill st-pill--(\w+)">([^<]+)</span>', page.read_text(encoding="utf-8"))
    assert {status for status, _ in pills} >= {"operational", "degraded_performance", "resolved", "monitoring",
                                               "identified", "investigating", "scheduled", "completed"}
    assert all(label == PLAIN_LABELS[status] for status, label in pills), set(pills)
    assert not {label for _, label in pills} & (set(LABELS.values()) - set(PLAIN_LABELS.values()))


def test_an_unknown_start_is_never_a_zero_minute_acknowledgement(built_example: Path) -> None:
    text = text_of(read(built_example, ACTIVE))  # the file gives no started_at
    assert "First public update 22 Nov 2026, 14:10 GMT (when it started is not recorded)" in text
    assert "0 minutes" not in text and "Started" not in text


def test_banner_on_every_other_page_says_the_summary_in_one_line(built_example: Path) -> None:
    pages = [p for p in sorted(built_example.rglob("*.html"))  # not those that open with the summary
             if p.relative_to(built_example).as_posix() not in ("index.html", "status/index.html", ACTIVE)]
    assert len(pages) >= 13
    for page in pages:
        html = page.read_text(encoding="utf-8")
        banner = re.search(r'<p class="st-banner st-banner--minor">(.*?)</p>', html, re.S)
        assert banner, page
        assert text_of(banner[1]) == ("PDF exports: slower than usual. Next update overdue 23 Nov, 09:00 GMT "
                                      "Details"), page  # the time shows only while the update is not overdue
        assert re.search(r'<a href="[./a-z-]*/2026-11-22-slow-pdf-exports/">Details</a>', banner[1]), page
    assert '<p class="st-banner' not in read(built_example, ACTIVE)


def test_recent_days_show_an_open_incident_on_every_day_it_runs(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    days = html[html.index('id="recent"'):]
    days = re.findall(r'<h3 class="st-day__date"><time datetime="[-0-9]+">([^<]+)</time></h3>(.*?)</li>\s*(?=<li class="st-day">|</ol>)', days, re.S)
    listed = {day: re.findall(r'class="st-event__title"[^>]*>([^<]+)<', body) for day, body in days}
    assert listed["Monday, 23 November 2026"] == ["PDF exports are slow"]  # still open: shown today too
    assert listed["Sunday, 22 November 2026"] == ["PDF exports are slow"]
    assert listed["Friday, 20 November 2026"] == ["Card payments failing for customers in the UK and EU"]
    assert listed["Saturday, 21 November 2026"] == []


def test_generated_pages_stay_out_of_the_navigation(built_example: Path) -> None:
    html = read(built_example, "articles/reset-password/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary'):html.index("</nav>", html.index('md-nav--primary'))]
    assert "status/" in nav
    assert "incidents/" not in html[html.index('md-nav--primary'):html.index('class="md-content"')]


def test_history_lists_every_incident_and_maintenance_by_month(built_example: Path) -> None:
    html = read(built_example, "status/history/index.html")
    assert re.findall(r"<h2>([^<]+)</h2>", html) == ["November 2026"]
    titles = re.findall(r'<a class="st-event__title" href="[^"]+">([^<]+)</a>', html)
    assert titles == ["PDF exports are slow", "Card payments failing for customers in the UK and EU",
                      "Database upgrade"]
    # only the incident with a postmortem is marked, linking straight to it
    assert re.findall(r'<a class="st-event__postmortem" href="([^"]+)">', html) == [
        "../../incidents/2026-11-20-card-payments-failing/#postmortem"]


def test_status_page_has_a_region_and_component_filter(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    form = re.search(r'<form class="st-filter" data-st-filter[^>]*>(.*?)</form>', html, re.S)
    assert form
    assert re.findall(r'<option value="([^"]*)">', form[1])[:4] == ["", "uk", "eu", "na"]


def test_history_is_paginated_newest_first(tmp_path: Path) -> None:
    from conftest import MINIMAL_HUB, run_mkdocs_build, write_resolved_incidents

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "hub.yml").write_text(MINIMAL_HUB, encoding="utf-8")
    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents" / "components.yml").write_text("components:\n  - id: api\n    name: API\n")
    write_resolved_incidents(tmp_path / "incidents", range(30), "api", "Patty")
    (tmp_path / "mkdocs.yml").write_text("site_name: Acme\nsite_url: https://status.example.com/\ndocs_dir: content\n"
                                         "theme: {name: material, font: false}\nplugins: [search, supporttab]\n")
    result = run_mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    first = read(tmp_path / "site", "status/history/index.html")
    second = read(tmp_path / "site", "status/history/2/index.html")
    assert re.findall(r">Past incident (\d+)<", first) == [str(n) for n in range(29, 4, -1)]
    assert re.findall(r">Past incident (\d+)<", second) == ["4", "3", "2", "1", "0"]
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


def description_of(html: str) -> str:
    return html_lib.unescape(re.search(r'<meta name="description" content="([^"]*)"', html)[1])


def test_incident_pages_describe_themselves_in_plain_words(built_example: Path) -> None:
    """The description search engines and link previews show opens with where the work stands in plain words, as
    the page's own pill does, never with Statuspage's word for it ("Monitoring: ...")."""
    from supporttab.core.vocabulary import LABELS, PLAIN_LABELS

    pages = sorted((built_example / "incidents").glob("*/index.html"))
    assert len(pages) == 4  # both incidents and both maintenance windows
    for page in pages:
        html = page.read_text(encoding="utf-8")
        status = re.search(r'<span class="st-pill st-pill--(\w+)">', html)[1]
        assert description_of(html).startswith(f"{PLAIN_LABELS[status]}: "), page
        assert not any(description_of(html).startswith(f"{word}:") for word in LABELS.values()), page
