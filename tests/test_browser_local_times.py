"""The reader's own time beside the site's, in headless Chromium: right on both sides of a clock change, for readers
in the site's zone and in others, and without any `Intl` formatter (a few hundred milliseconds on a slow phone) when
the reader's clock agrees with the site's."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from supporttab.core.scripts import script_source
from supporttab.core.scriptwords import script_words
from supporttab.core.timefmt import time_html

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")
# Counts every Intl date formatter the page makes, before any script of the page runs.
COUNT_FORMATTERS = """(() => {
  const Original = Intl.DateTimeFormat;
  window.__formatters = 0;
  Intl.DateTimeFormat = function (...args) { window.__formatters++; return new Original(...args); };
  Intl.DateTimeFormat.prototype = Original.prototype;
  Intl.DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
})();"""


def note_for(chromium, reader_zone: str, moment: dt.datetime) -> tuple[str, int]:
    """The note the published script adds beside the site's time of `moment`, and how many formatters it made."""
    context = chromium.new_context(timezone_id=reader_zone, locale="en-GB")
    try:
        page = context.new_page()
        page.set_content(f"<p>{time_html(moment, LONDON)}</p>"
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        page.evaluate(COUNT_FORMATTERS)
        page.add_script_tag(content=script_source("supporttab.js"))
        notes = page.locator(".st-local-time")
        return (notes.inner_text().strip() if notes.count() else ""), page.evaluate("window.__formatters")
    finally:
        context.close()


# 2026: British Summer Time (UTC+1) from 29 March 01:00 UTC to 25 October 01:00 UTC.
@pytest.mark.parametrize(("reader_zone", "moment", "expected"), [
    pytest.param("Europe/London", "2026-07-01T12:00:00Z", "", id="london-reader-summer"),
    pytest.param("Europe/London", "2026-12-01T12:00:00Z", "", id="london-reader-winter"),
    pytest.param("Europe/London", "2026-10-25T00:30:00Z", "", id="london-reader-first-of-the-repeated-hour"),
    pytest.param("Europe/London", "2026-10-25T01:30:00Z", "", id="london-reader-second-of-the-repeated-hour"),
    pytest.param("UTC", "2026-07-01T12:00:00Z", "(your time 12:00)", id="utc-reader-while-london-is-on-summer-time"),
    pytest.param("UTC", "2026-12-01T12:00:00Z", "", id="utc-reader-while-london-is-on-utc"),
    pytest.param("Europe/Lisbon", "2026-07-01T12:00:00Z", "", id="same-offset-other-zone"),
    pytest.param("America/New_York", "2026-03-20T12:00:00Z", "(your time 08:00)",
                 id="new-york-on-summer-time-london-not-yet"),
    pytest.param("America/New_York", "2026-07-01T03:30:00Z", "(your time Tue 30 Jun, 23:30)",
                 id="new-york-reader-the-day-before"),
    pytest.param("Australia/Sydney", "2026-04-05T15:30:00Z", "(your time Mon 6 Apr, 01:30)",
                 id="sydney-leaving-summer-time"),
])
def test_the_readers_time_is_added_when_their_clock_differs(chromium, reader_zone: str, moment: str,
                                                            expected: str) -> None:
    note, formatters = note_for(chromium, reader_zone, dt.datetime.fromisoformat(moment.replace("Z", "+00:00")))
    assert note == expected
    if not expected:
        assert formatters == 0  # an agreeing clock is seen from numbers alone


def test_a_time_without_the_sites_offset_keeps_the_sites_time_alone(chromium) -> None:
    context = chromium.new_context(timezone_id="America/New_York", locale="en-GB")
    try:
        page = context.new_page()
        page.set_content('<p><time datetime="2026-11-20T09:04:00Z" data-st-local data-st-zone="Europe/London">'
                         "20 Nov 2026, 09:04 GMT</time></p>"
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_script_tag(content=script_source("supporttab.js"))
        assert page.locator(".st-local-time").count() == 0 and errors == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["status/", "incidents/2026-11-22-slow-pdf-exports/", "status/history/"])
def test_pages_of_times_make_no_formatter_for_a_reader_in_the_sites_zone(chromium, example_url: str,
                                                                        path: str) -> None:
    context = chromium.new_context(timezone_id="Europe/London", locale="en-GB")
    try:
        page = context.new_page()
        page.add_init_script(COUNT_FORMATTERS)
        page.goto(example_url + path, wait_until="load")
        assert page.locator("time[data-st-local]").count() > 0
        assert page.evaluate("window.__formatters") == 0
    finally:
        context.close()
