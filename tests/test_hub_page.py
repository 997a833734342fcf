"""The example site's hub, built by real MkDocs: what a customer and a search engine read in the HTML."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_mkdocs_build


class _Collector(HTMLParser):
    """Collects elements with their attributes and text, enough to assert on structure without a DOM."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: dict[str, list[str]] = {}
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script = attributes.get("type", "")
            self.scripts.setdefault(self._script, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[self._script][-1] += data


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def links(page: _Collector) -> list[str]:
    return [attrs["href"] for tag, attrs in page.elements if tag == "a" and "href" in attrs]


def test_hub_sections_come_in_the_fixed_order(built_example: Path) -> None:
    html = (built_example / "index.html").read_text(encoding="utf-8")
    positions = [html.index(f'<section class="st-hub__section" id="{name}"')
                 for name in ("help-myself", "help-from-others", "help-from-us")]
    assert positions == sorted(positions)
    assert "<h1 id=\"content-start\">How can we help?</h1>" in html
    # is it broken? the hub answers first (tests/test_status_pages.py reads the answer), then links to the status page
    assert html.index('<section class="st-summary') < positions[0]
    assert '<a href="status/">Status of every part of Brightwell</a>' in html


def test_contact_channels_are_links_customers_can_use(built_example: Path) -> None:
    hub_links = links(parse(built_example / "index.html"))
    assert "tel:+442079460321" in hub_links
    assert "tel:+14155550132" in hub_links
    assert "mailto:help@brightwell.example" in hub_links
    assert "https://brightwell.example/chat" in hub_links
    html = (built_example / "index.html").read_text(encoding="utf-8")
    assert '<a class="st-channel__link" href="tel:+442079460321">+44 20 7946 0321</a>' in html
    assert "<strong>Reply time:</strong> Answered within 3 minutes" in html


def test_help_strip_sits_in_the_same_place_on_every_page(built_example: Path) -> None:
    pages = sorted(built_example.rglob("index.html")) + [built_example / "404.html"]
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        header_end = html.index("</header>")
        strip = html.index('<nav class="st-help"')
        container = html.index('<div class="md-container"')
        assert header_end < strip < container, page
        assert 'href="tel:+442079460321"' in html[strip:container], page
        assert "#help-from-us" in html[strip:container], page


def test_most_visited_articles_rank_pins_first_then_views(built_example: Path) -> None:
    html = (built_example / "index.html").read_text(encoding="utf-8")
    popular = html[html.index('id="popular-articles"'):html.index('id="guides"')]
    titles = re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', popular)
    # reset-password is pinned; the rest follow the page-view export; /pricing/ is not a page here
    assert titles == ["Reset your password", "Why a card payment failed", "Send your first invoice",
                      "Getting started with Brightwell", "Set up two-step verification"]


def test_search_box_hands_the_query_to_materials_search(built_example: Path) -> None:
    page = parse(built_example / "index.html")
    form = next(attrs for tag, attrs in page.elements if tag == "form" and attrs.get("role") == "search")
    field = next(attrs for tag, attrs in page.elements if tag == "input" and attrs.get("id") == "st-search-input")
    assert form["action"] == "." and form["method"] == "get"
    assert field["name"] == "q"  # mkdocs-material opens its search with ?q=
    assert any(tag == "label" and attrs.get("for") == "st-search-input" for tag, attrs in page.elements)


def test_opening_hours_table_and_data_for_open_now(built_example: Path) -> None:
    html = (built_example / "index.html").read_text(encoding="utf-8")
    assert '<tr><th scope="row">Monday</th><td>08:00–20:00</td></tr>' in html
    assert '<tr><th scope="row">Sunday</th><td>Closed</td></tr>' in html
    assert "<caption>Times are UK time</caption>" in html  # mkdocs.yml's timezone_label, not an IANA name
    hours = json.loads(unescape(re.search(r'<p class="st-open-now" data-st-open-now data-st-hours="([^"]*)"', html)[1]))
    assert hours["timezone"] == "Europe/London"
    assert hours["weekly"]["1"] == [["08:00", "20:00"]] and hours["weekly"]["0"] == []
    assert "2026-12-25" in hours["closures"]


def test_json_ld_describes_the_organization_and_its_contact_points(built_example: Path) -> None:
    page = parse(built_example / "index.html")
    (ld_text,) = page.scripts["application/ld+json"]
    data = json.loads(ld_text)
    assert data["@type"] == "Organization" and data["name"] == "Brightwell"
    phones = [point for point in data["contactPoint"] if "telephone" in point]
    assert [p["telephone"] for p in phones] == ["+442079460321", "+14155550132"]
    uk = phones[0]
    assert uk["@type"] == "ContactPoint" and uk["contactType"] == "customer support"
    assert uk["availableLanguage"] == ["en"] and uk["areaServed"] == ["GB", "IE"]
    monday = uk["hoursAvailable"][0]
    assert monday == {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
                      "opens": "08:00", "closes": "20:00"}
    assert {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00",
            "validFrom": "2026-12-25", "validThrough": "2026-12-25"} in uk["hoursAvailable"]
    email = next(point for point in data["contactPoint"] if "email" in point)
    assert "hoursAvailable" not in email  # email is answered later, not live


def test_page_has_meta_description_and_no_external_requests(built_example: Path) -> None:
    html = (built_example / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Get help with Brightwell invoicing' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert re.search(r'<div class="md-search"[^>]*role="dialog" aria-label="Search"', html)


def test_authored_data_files_are_not_published_but_schemas_are(built_example: Path) -> None:
    assert not (built_example / "hub.yml").exists()
    assert not (built_example / "page-views.csv").exists()
    assert not (built_example / "authoring").exists()
    schema = json.loads((built_example / "schemas" / "hub.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Hub"


def test_authored_text_is_escaped_and_raw_html_in_markdown_shown_as_text(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    text = hub.read_text(encoding="utf-8")
    text = text.replace("title: How can we help?", 'title: "<script>alert(1)</script> help"')
    text = text.replace("  intro: Most questions are answered in a few minutes with our help articles.",
                        '  intro: "<img src=x onerror=alert(2)> [click](javascript:alert(3))"')
    text = text.replace("label: Live chat", 'label: "Chat \\" onmouseover=\\"alert(4)"')
    hub.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; help" in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; help - Brightwell Support</title>" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "javascript:" not in html
    assert 'onmouseover="alert(4)' not in html and "Chat &#34; onmouseover=&#34;alert(4)" in html


def test_site_without_page_views_lists_only_pins(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("    page_views: page-views.csv\n", ""),
                   encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    popular = html[html.index('id="popular-articles"'):html.index('id="guides"')]
    assert re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', popular) == ["Reset your password"]


def test_a_closure_is_past_once_its_day_is_over_where_the_hours_are(tmp_path: Path) -> None:
    import datetime as dt

    from conftest import MINIMAL_HUB
    from supporttab.core.validate import load_model
    from supporttab.hub.model import Hub
    from supporttab.hub.view import build_hub_view

    text = MINIMAL_HUB.replace("timezone: Europe/Amsterdam", "timezone: Pacific/Auckland").replace(
        "    weekly:\n", "    closures:\n      - date: 2026-11-23\n        name: Staff day\n    weekly:\n")
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    hub, doc = load_model(tmp_path / "hub.yml", "hub.yml", Hub)
    assert hub is not None, doc.problems

    def closures(now: str) -> list[str]:
        view = build_hub_view(hub, {}, {}, site_url=None, now=dt.datetime.fromisoformat(now))
        return [closed.name for closed in view.closures]

    assert closures("2026-11-23T10:00:00+00:00") == ["Staff day"]  # 23:00 on the 23rd in Auckland
    assert closures("2026-11-23T12:00:00+00:00") == []  # 01:00 on the 24th there, though still the 23rd in UTC


# Open Monday to Friday; a holiday of 17 days written day by day, then days off for one reason or another.
CLOSURES = [*((f"2026-12-{day}", "Christmas holidays") for day in range(19, 32)),
            *((f"2027-01-0{day}", "Christmas holidays") for day in range(1, 5)),
            ("2027-01-06", "Staff day"),  # Tuesday the 5th is open between
            ("2027-01-07", "Stocktaking"),  # the next day, for another reason
            ("2027-02-12", "Half term"), ("2027-02-15", "Half term")]  # Friday and Monday: the weekend is closed
# The long run in each shipped language, as CLDR writes a range of days (thin spaces around the dash, but in Arabic).
HOLIDAYS = {"en": "Sat, 19 Dec 2026\u2009\u2013\u2009Mon, 4 Jan 2027",
            "de": "Sa., 19. Dez. 2026\u2009\u2013\u2009Mo., 4. Jan. 2027",
            "fr": "sam. 19 d\xe9c. 2026\u2009\u2013\u2009lun. 4 janv. 2027",
            "es": "s\xe1b, 19 dic 2026\u2009\u2013\u2009lun, 4 ene 2027",
            "ar": "السبت، 19 ديسمبر 2026 – الاثنين، 4 يناير 2027"}


def holiday_hub(tmp_path: Path):
    from conftest import MINIMAL_HUB
    from supporttab.core.validate import load_model
    from supporttab.hub.model import Hub

    weekly = "".join(f"      {day}: 09:00-17:00\n" for day in ("monday", "tuesday", "wednesday", "thursday", "friday"))
    closures = "".join(f"      - date: {day}\n        name: {name}\n" for day, name in CLOSURES)
    text = MINIMAL_HUB.replace("    weekly:\n      monday: 09:00-17:00\n", f"    weekly:\n{weekly}    closures:\n{closures}")
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    hub, doc = load_model(tmp_path / "hub.yml", "hub.yml", Hub)
    assert hub is not None, doc.problems
    return hub


@pytest.mark.parametrize("language", ["en", "ar", "de", "es", "fr"])
def test_consecutive_closed_days_for_one_reason_read_as_one_range_in_every_language(tmp_path: Path,
                                                                                   language: str) -> None:
    import datetime as dt

    from supporttab.core.i18n import load_language, shipped_languages, use_language
    from supporttab.hub.view import build_hub_view

    assert set(HOLIDAYS) == set(shipped_languages())
    with use_language(load_language(language)):
        view = build_hub_view(holiday_hub(tmp_path), {}, {}, site_url=None,
                              now=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    rows = [(closed.first.isoformat(), closed.last.isoformat(), closed.name) for closed in view.closures]
    assert rows == [("2026-12-19", "2027-01-04", "Christmas holidays"), ("2027-01-06", "2027-01-06", "Staff day"),
                    ("2027-01-07", "2027-01-07", "Stocktaking"), ("2027-02-12", "2027-02-15", "Half term")]
    assert view.closures[0].text == HOLIDAYS[language]
    # A run already under way is listed whole while its last day is to come.
    with use_language(load_language(language)):
        view = build_hub_view(holiday_hub(tmp_path), {}, {}, site_url=None,
                              now=dt.datetime(2027, 1, 4, 12, tzinfo=dt.timezone.utc))
    assert view.closures[0].text == HOLIDAYS[language]


def html_text(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_the_hub_lists_a_long_closure_on_one_line(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    closures = "".join(f"      - date: 2027-01-{day:02d}\n        name: Winter break\n" for day in range(4, 16))
    hub.write_text(hub.read_text("utf-8").replace("    closures:\n", f"    closures:\n{closures}"), "utf-8")
    assert run_mkdocs_build(site).returncode == 0
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<li>(.*?)</li>", html[html.index('class="st-closures"'):], re.S)
    assert [html_text(item) for item in listed[:4]] == [
        "Fri, 25 Dec 2026: Christmas Day", "Sat, 26 Dec 2026: Boxing Day", "Fri, 1 Jan 2027: New Year's Day",
        "Mon, 4\u2009Jan \u2013\u2009Fri, 15 Jan 2027: Winter break"]  # the year once, as CLDR writes it
    assert '<time datetime="2026-12-25">' in html
    # Each end of the run a <time> of its own (HTML has no date range), the dash between them.
    assert ('<time datetime="2027-01-04">Mon, 4\u2009Jan</time> \u2013\u2009<time datetime="2027-01-15">'
            'Fri, 15 Jan 2027</time>: Winter break') in html
