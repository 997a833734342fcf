"""Every date and time the site shows a customer (hub, status, incidents, maintenance, history, team, feeds' HTML; in
every language of the site) sits in a <time> element whose datetime is a valid HTML date or time, so machines
(translators, assistive tools, search engines) read the date the words say. Words a person wrote (an update, a
postmortem, an article) are theirs, shown as written."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import yaml
from babel import Locale

# What holds a date or time of day in any of the site's languages: a day number beside a month's name (each form and
# width CLDR has for the language), an ISO date, or a clock time.
LANGUAGES = ("en", "de", "ar")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def month_names() -> list[str]:
    names = set()
    for code in LANGUAGES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(months[context][width].values())
    return sorted(names, key=len, reverse=True)


MONTHS = "|".join(re.escape(name) for name in month_names())
DATE_OR_TIME = re.compile(rf"\d{{1,2}}\.?\s?(?:{MONTHS})|(?:{MONTHS})\s\d{{1,2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
                          rf"|\b\d{{1,2}}:\d{{2}}\b")

# HTML's valid date and time strings, as the pages use them (a date; a time; a date and time with its offset).
DATE = r"\d{4}-\d{2}-\d{2}"
TIME = r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?"
VALID = re.compile(rf"{DATE}|{TIME}|{DATE}[T ]{TIME}(?:Z|[+-]\d{{2}}:?\d{{2}})?")


def valid_datetime(value: str) -> bool:
    """A valid HTML datetime value that names a real date and time (no 31 November)."""
    if not VALID.fullmatch(value):
        return False
    try:
        if re.fullmatch(TIME, value):
            dt.time.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


class ShownDates(HTMLParser):
    """Dates and times in a page's text outside any <time> (`bare`), and each <time>'s datetime (`times`). Not read:
    the head, scripts and styles, and the opening-hours table (a weekly schedule, no dates)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.bare: list[tuple[str, str]] = []
        self.times: list[tuple[str, str]] = []
        self._time: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            return
        attributes = dict(attrs)
        self.stack.append((tag, attributes))
        if tag == "time":
            self._time = [attributes.get("datetime")]

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if tag == "time" and self._time is not None:
            value, *text = self._time
            self.times.append((value if value is not None else "".join(text).strip(), "".join(text)))
            self._time = None

    def handle_data(self, data: str) -> None:
        if self._time is not None:
            self._time.append(data)
            return
        if any(tag in ("head", "script", "style") or "st-hours" in (attrs.get("class") or "").split()
               for tag, attrs in self.stack):
            return
        self.bare += [(match.group(), " ".join(data.split())) for match in DATE_OR_TIME.finditer(data)]


def shown_dates(html: str) -> ShownDates:
    parser = ShownDates()
    parser.feed(html)
    parser.close()
    return parser


def authored_texts(source: Path) -> list[str]:
    """Every text a person wrote for the site: the YAML's strings and the Markdown pages, with Markdown's marks
    dropped and spaces collapsed, as the pages show them."""
    texts: list[str] = []

    def strings(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                strings(item)
        elif isinstance(value, list):
            for item in value:
                strings(item)

    for path in [*source.glob("incidents/**/*.yml"), *source.glob("team/*.yml"), *source.glob("content/**/*.yml")]:
        strings(yaml.safe_load(path.read_text("utf-8")))
    texts += [path.read_text("utf-8") for path in source.glob("content/**/*.md")]
    return [" ".join(re.sub(r"[*_`]", "", text).split()) for text in texts]


def is_authored(text: str, authored: list[str]) -> bool:
    """Whether a page's text is a person's words: long enough to be no date of ours that happens to occur in them."""
    return len(text) >= 25 and any(text in written for written in authored)


def feed_html(site: Path) -> list[tuple[str, str]]:
    """The HTML of every entry of every feed (Atom, RSS, JSON Feed), named by its feed. (Summaries are plain text,
    where no element can be.)"""
    found = []
    for feed in [*site.rglob("*.atom"), *site.rglob("*.rss")]:
        for entry in feedparser.parse(str(feed)).entries:
            found += [(str(feed), part.value) for part in entry.get("content", [])]
    for feed in site.rglob("feed.json"):
        found += [(str(feed), item.get("content_html", "")) for item in json.loads(feed.read_text("utf-8"))["items"]]
    return found


def pages_and_feeds(site: Path) -> list[tuple[str, str]]:
    pages = [(str(page.relative_to(site)), page.read_text("utf-8")) for page in site.rglob("*.html")
             if page.parts[len(site.parts)] not in ("assets", "search")]
    return pages + feed_html(site)


def test_every_date_shown_sits_in_a_time_element_with_a_valid_datetime(built_example: Path, built_two: Path) -> None:
    """In the example, and the example in English, German and Arabic."""
    bare, invalid, times = [], [], 0
    for site in (built_example, built_two):
        authored = authored_texts(site.parent)
        for name, html in pages_and_feeds(site):
            found = shown_dates(html)
            bare += [(name, match, text) for match, text in found.bare if not is_authored(text, authored)]
            invalid += [(name, value, text) for value, text in found.times if not valid_datetime(value)]
            times += len(found.times)
    assert bare == []
    assert invalid == []
    assert times > 100  # the pages were read


def test_the_hub_closures_each_give_their_days(built_example: Path) -> None:
    """Each closure of the example (single days) gives its day as a <time>; a closure of several days gives its
    first and last day each a <time>, which test_hub_page.py checks on a hub that has one."""
    html = (built_example / "index.html").read_text("utf-8")
    closures = html[html.index('class="st-closures"'):]
    closures = closures[:closures.index("</ul>")]
    items = re.findall(r"<li>(.*?)</li>", closures, re.DOTALL)
    assert items
    for item in items:
        ends = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', item)
        assert len(ends) == 1 and valid_datetime(ends[0][0]), item


@pytest.mark.parametrize("value, valid", [("2026-12-24", True), ("2026-11-31", False), ("2026-11-20T09:04:00Z", True),
                                          ("2026-11-20T09:04:00+01:00", True), ("09:04", True), ("25:00", False),
                                          ("2026-12-24/2027-01-02", False), ("Fri, 25 Dec", False), ("", False)])
def test_the_check_of_datetime_values(value: str, valid: bool) -> None:
    assert valid_datetime(value) is valid


def test_the_check_finds_a_bare_date_and_leaves_a_time_element_and_the_schedule() -> None:
    found = shown_dates('<p>Closed on Fri, 25 Dec 2026 and <time datetime="2026-12-26">Sat, 26 Dez.</time></p>'
                        '<table class="st-hours"><tr><td>08:00–20:00</td></tr></table><p>bis 09:30</p>')
    assert [match for match, _ in found.bare] == ["25 Dec", "09:30"]
    assert found.times == [("2026-12-26", "Sat, 26 Dez.")]


RANGES = [(dt.date(2026, 12, 19), dt.date(2027, 1, 4)), (dt.date(2026, 12, 24), dt.date(2026, 12, 28)),
          (dt.date(2026, 11, 28), dt.date(2026, 12, 2)), (dt.date(2027, 2, 12), dt.date(2027, 2, 15))]


@pytest.mark.parametrize("language", ["en", "de", "ar", "es", "fr"])
def test_a_run_of_days_splits_into_its_two_ends_as_the_language_writes_it(language: str) -> None:
    """The two ends and what stands between read exactly as the whole range (CLDR's interval format): German's
    '24.' keeps its dot, the dash stays between."""
    from supporttab.core.i18n import load_language, use_language
    from supporttab.core.timefmt import days_parts, days_text

    with use_language(load_language(language)):
        for first, last in RANGES:
            start, between, end = days_parts(first, last)
            assert start + between + end == days_text(first, last)
            assert start.strip() and end.strip() and between.strip() == "\u2013", (start, between, end)
            assert str(first.day) in start and str(last.day) in end
        assert days_parts(RANGES[0][0], RANGES[0][0]) == (days_text(RANGES[0][0], RANGES[0][0]), "", "")
