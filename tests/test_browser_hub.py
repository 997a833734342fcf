"""The hub in a real headless Chromium at phone size: layout, contact links, open-now, search, no JavaScript."""

from __future__ import annotations

import html
import json
from datetime import date, timedelta

import pytest
from conftest import PHONE
from supporttab.core.scripts import script_source
from supporttab.core.scriptwords import script_words

pytestmark = pytest.mark.browser


@pytest.fixture
def open_hub(open_page):
    return lambda **options: open_page("", **options)


def test_hub_fits_a_phone_screen_without_sideways_scrolling(open_hub) -> None:
    page = open_hub()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []


def test_phone_number_is_visible_at_the_top_without_opening_a_menu(open_hub) -> None:
    page = open_hub()
    strip_phone = page.locator(".st-help a[href^='tel:']")
    assert strip_phone.get_attribute("href") == "tel:+442079460321"
    assert strip_phone.inner_text() == "+44 20 7946 0321"
    box = strip_phone.bounding_box()
    assert strip_phone.is_visible() and box["y"] + box["height"] <= PHONE["height"]
    channel = page.locator(".st-channel--phone .st-channel__link").first
    assert channel.get_attribute("href") == "tel:+442079460321"


def test_tap_targets_are_at_least_24_pixels(open_hub) -> None:
    page = open_hub()
    selector = ".st-help a, .st-search input, .st-search button, .st-links a, .st-card a, .st-channel__link"
    sizes = page.eval_on_selector_all(selector, """elements => elements.map(e => {
        const box = e.getBoundingClientRect();
        return [e.textContent.trim().slice(0, 40), Math.round(box.width), Math.round(box.height)];
    })""")
    assert len(sizes) > 15
    small = [size for size in sizes if size[1] < 24 or size[2] < 24]
    assert small == []


@pytest.mark.parametrize(("reader_zone", "now", "expected"), [
    pytest.param("America/New_York", "2026-11-23T10:00:00Z", "Open now until 20:00 (your time 15:00).",
                 id="open-monday-reader-in-new-york"),
    pytest.param("Europe/London", "2026-11-23T10:00:00Z", "Open now until 20:00.", id="open-same-zone"),
    pytest.param("Asia/Tokyo", "2026-11-22T12:00:00Z", "Closed now. Opens tomorrow 08:00 (your time 17:00).",
                 id="closed-sunday-reader-in-tokyo"),
    pytest.param("America/Los_Angeles", "2026-11-24T21:30:00Z",
                 "Closed now. Opens tomorrow 08:00 (your time 00:00).", id="evening-reader-in-los-angeles"),
    pytest.param("Europe/London", "2026-12-25T12:00:00Z", "Closed now. Opens Monday 08:00.",
                 id="christmas-and-boxing-day-closures"),
])
def test_open_now_line_follows_the_hours_under_a_fixed_clock(open_hub, reader_zone, now, expected) -> None:
    page = open_hub(timezone=reader_zone, now=now)
    line = page.locator("[data-st-open-now]")
    assert line.is_visible()
    assert line.inner_text() == expected


def test_reader_time_names_the_day_when_it_differs(open_hub) -> None:
    # Saturday 16:00 in London: closed until Monday 08:00, which is Sunday 22:00 in Honolulu.
    page = open_hub(timezone="Pacific/Honolulu", now="2026-11-28T16:00:00Z")
    assert page.locator("[data-st-open-now]").inner_text() == ("Closed now. Opens Monday 08:00 "
                                                                "(your time Sunday 22:00).")


def test_without_javascript_the_hours_table_is_the_answer(open_hub) -> None:
    page = open_hub(javascript=False)
    assert not page.locator("[data-st-open-now]").is_visible()
    assert page.locator("table.st-hours").is_visible()
    assert page.locator("table.st-hours tr").count() == 7
    assert page.locator(".st-help a[href^='tel:']").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_hub_search_opens_materials_search_with_the_query(open_hub) -> None:
    page = open_hub()
    page.fill("#st-search-input", "password")
    page.press("#st-search-input", "Enter")
    page.wait_for_load_state()
    search_input = page.locator("input.md-search__input")
    search_input.wait_for(state="visible")
    assert search_input.input_value() == "password"
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert "Reset your password" in page.locator(".md-search-result").inner_text()


NIGHT_SHIFT = {"0": [], "1": [["22:00", "24:00"]], "2": [["00:00", "02:00"], ["09:00", "17:00"]]}
ROUND_THE_CLOCK = {str(day): [["00:00", "24:00"]] for day in range(7)}
EARLY = {str(day): [["00:30", "01:30"]] for day in range(7)}


@pytest.mark.parametrize(("weekly", "zone", "now", "expected"), [
    pytest.param(NIGHT_SHIFT, "Europe/London", "2026-11-23T23:00:00Z", "Open now until tomorrow 02:00.",
                 id="open-across-midnight"),
    pytest.param(NIGHT_SHIFT, "Europe/London", "2026-11-24T01:00:00Z", "Open now until 02:00.",
                 id="after-midnight-in-the-same-stretch"),
    pytest.param(NIGHT_SHIFT, "Europe/London", "2026-11-23T21:00:00Z", "Closed now. Opens today 22:00.",
                 id="before-the-night-shift"),
    pytest.param({"1": [["18:00", "24:00"]]}, "Europe/London", "2026-11-23T20:00:00Z", "Open now until midnight.",
                 id="until-midnight"),
    pytest.param(ROUND_THE_CLOCK, "Europe/London", "2026-11-25T03:00:00Z", "Open now, day and night.",
                 id="round-the-clock"),
    pytest.param(ROUND_THE_CLOCK, "Europe/London", "2026-10-25T01:30:00Z", "Open now, day and night.",
                 id="round-the-clock-as-the-clocks-go-back"),
    # 25 October 2026: London's clocks go back at 02:00 BST to 01:00 GMT, so 01:00-01:30 happens twice.
    pytest.param(EARLY, "Europe/London", "2026-10-25T00:45:00Z", "Open now until 01:30.",
                 id="in-the-hour-the-clocks-go-back"),
    pytest.param(EARLY, "Europe/London", "2026-10-25T02:00:00Z", "Closed now. Opens tomorrow 00:30.",
                 id="after-the-repeated-hour"),
])
def test_open_now_holds_across_midnight_round_the_clock_and_clock_changes(chromium, weekly, zone, now,
                                                                         expected) -> None:
    """The real script in Chromium on a page holding only the hours it reads, under a fixed clock."""
    context = chromium.new_context(timezone_id=zone, locale="en-GB")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(now)
        hours = json.dumps({"timezone": zone, "weekly": weekly, "closures": []})
        page.set_content(f'<p data-st-open-now data-st-hours="{html.escape(hours)}"></p>'
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        page.add_script_tag(content=script_source("hub.js"))  # as the build publishes it
        assert page.locator("[data-st-open-now]").inner_text() == expected
    finally:
        context.close()


# --- "Open now" from the build's table (hub/openings.py): numbers at load, Intl only for a reader elsewhere -------

COUNT_INTL = """(() => {
  let made = 0;
  window.intlFormattersMade = () => made;
  Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
    construct(target, args, newTarget) { made++; return Reflect.construct(target, args, newTarget); },
    apply(target, self, args) { made++; return Reflect.apply(target, self, args); }
  });
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) {
    const real = Date.prototype[name];
    Date.prototype[name] = function () { made++; return real.apply(this, arguments); };
  }
})()"""
EXAMPLE_WEEKLY = {"monday": "08:00-20:00", "tuesday": "08:00-20:00", "wednesday": "08:00-20:00",
                  "thursday": "08:00-20:00", "friday": "08:00-18:00", "saturday": "10:00-14:00",
                  "sunday": "22:00-24:00"}


def hours_with_table(zone: str, built: str, weekly: dict = EXAMPLE_WEEKLY, closures: tuple = ()) -> dict:
    """The hours as the hub carries them for a build at `built`: as authored, and the table worked out from them."""
    import datetime as dt

    from supporttab.hub.model import OpeningHours
    from supporttab.hub.openings import open_now_table
    from supporttab.hub.view import hours_data

    hours = OpeningHours.model_validate({"timezone": zone, "weekly": weekly,
                                         "closures": [{"date": day, "name": "Closed"} for day in closures]})
    return {**hours_data(hours), "table": open_now_table(hours, dt.datetime.fromisoformat(built))}


@pytest.fixture
def open_now_page(chromium):
    """A page holding only the open-now code (as the build includes it) under a reader's time zone;
    `sentences(hours, instants)` says each instant's line."""
    contexts = []

    def _open(reader_zone: str):
        context = chromium.new_context(timezone_id=reader_zone, locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        page.set_content("<p>open now</p>")
        page.add_script_tag(content=script_source("open-now.js"))
        page.sentences = lambda hours, instants, words=None: page.evaluate(
            "([hours, instants, words]) => instants.map(at => openNowText(hours, new Date(at), words))",
            [hours, instants, words or script_words()])
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("reader_zone", ["Europe/London", "America/New_York", "Asia/Tokyo", "Pacific/Chatham"])
def test_the_builds_table_says_what_the_script_works_out_itself_across_a_clock_change(open_now_page,
                                                                                      reader_zone) -> None:
    """Every 50 minutes for twelve days around London's clocks going forward (28 March 2027), for readers in the
    same zone and in zones whose own changes fall elsewhere: the line from the table is the line the script makes
    with Intl from the weekly hours (and never a stray word from a missing time)."""
    import datetime as dt

    hours = hours_with_table("Europe/London", "2027-03-20T09:00:00+00:00")
    start = dt.datetime(2027, 3, 21, tzinfo=dt.timezone.utc)
    instants = [(start + dt.timedelta(minutes=50 * step)).isoformat() for step in range(12 * 24 * 60 // 50)]
    page = open_now_page(reader_zone)
    from_table = page.sentences(hours, instants)
    worked_out = page.sentences({key: value for key, value in hours.items() if key != "table"}, instants)
    assert from_table == worked_out
    assert not [line for line in from_table if "undefined" in line or "%(" in line]
    assert len(set(from_table)) > 5


def without_table(hours: dict) -> dict:
    return {key: value for key, value in hours.items() if key != "table"}


# Midnight is where Santiago's and Havana's clocks change: a 24:00 close or a 00:30 opening falls in the hour skipped
# or repeated. Both ways take the later reading of a closing time, and an opening in the skipped hour comes late.
MIDNIGHT_HOURS = {"saturday": "00:00-24:00", "sunday": "00:30-03:00", "monday": "22:00-24:00",
                  "tuesday": "00:00-02:00, 08:00-20:00"}


@pytest.mark.parametrize(("zone", "built"), [
    pytest.param("America/Santiago", "2026-08-31T12:00:00+00:00", id="santiago-forward-6-september-2026"),
    pytest.param("America/Santiago", "2027-03-29T12:00:00+00:00", id="santiago-back-4-april-2027"),
    pytest.param("America/Havana", "2027-03-08T12:00:00+00:00", id="havana-forward-14-march-2027"),
    pytest.param("America/Havana", "2027-11-01T12:00:00+00:00", id="havana-back-7-november-2027"),
])
@pytest.mark.parametrize("reader_zone", ["same", "Asia/Tokyo"])
def test_the_table_and_the_script_agree_where_clocks_change_at_midnight(open_now_page, zone, built,
                                                                        reader_zone) -> None:
    """Every 13 minutes for twelve days across a change at midnight: the browser's own reckoning places a 24:00
    close and a 00:30 opening where the build does, so its line is the table's."""
    import datetime as dt

    hours = hours_with_table(zone, built, MIDNIGHT_HOURS)
    start = dt.datetime.fromisoformat(built)
    instants = [(start + dt.timedelta(minutes=13 * step)).isoformat() for step in range(12 * 24 * 60 // 13)]
    page = open_now_page(zone if reader_zone == "same" else reader_zone)
    from_table = page.sentences(hours, instants)
    assert from_table == page.sentences(without_table(hours), instants)
    assert not [line for line in from_table if "undefined" in line or "%(" in line]


# 19 December 2026 to 4 January 2027 closed: from the Friday evening before, the next opening is Tuesday 5 January.
HOLIDAYS = tuple((date.fromisoformat("2026-12-19") + timedelta(days=day)).isoformat() for day in range(17))
WEEKDAYS_ONLY = {day: "08:00-20:00" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")}


@pytest.mark.parametrize(("reader_zone", "now", "expected"), [
    pytest.param("Europe/London", "2026-12-18T20:30:00Z", "Closed now. Opens Tuesday 5 January 08:00.",
                 id="friday-evening-before-the-holidays"),
    pytest.param("Europe/London", "2026-12-28T10:00:00Z", "Closed now. Opens Tuesday 5 January 08:00.",
                 id="a-week-before-the-end"),
    pytest.param("Europe/London", "2026-12-30T10:00:00Z", "Closed now. Opens Tuesday 08:00.",
                 id="under-a-week-the-weekday-is-enough"),
    pytest.param("Pacific/Honolulu", "2026-12-19T06:30:00Z",
                 "Closed now. Opens Tuesday 5 January 08:00 (your time Monday 4 January at 22:00).",
                 id="a-reader-on-the-day-before"),
    pytest.param("America/New_York", "2026-12-19T06:30:00Z",
                 "Closed now. Opens Tuesday 5 January 08:00 (your time 03:00).", id="a-reader-on-the-same-day"),
])
@pytest.mark.parametrize("table", [True, False], ids=["from-the-table", "worked-out-with-intl"])
def test_an_opening_a_week_or_more_ahead_is_named_by_its_date(chromium, reader_zone, now, expected, table) -> None:
    """The hub's real script under a fixed clock, with the table of a build on 1 December, and without it (a page
    read after its table ends, or the widget): both name the date, so no one reads "Tuesday" as the 22nd."""
    context = chromium.new_context(timezone_id=reader_zone, locale="en-GB")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(now)
        hours = hours_with_table("Europe/London", "2026-12-01T12:00:00+00:00", WEEKDAYS_ONLY, HOLIDAYS)
        hours = json.dumps(hours if table else without_table(hours))
        page.set_content(f'<p data-st-open-now data-st-hours="{html.escape(hours)}"></p>'
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        page.add_script_tag(content=script_source("hub.js"))
        assert page.locator("[data-st-open-now]").inner_text() == expected
    finally:
        context.close()


# Korean is no shipped language, and the only one tried here whose words still differ: Babel's CLDR writes "AM 8:00"
# (the abbreviated day period), Chromium's ICU "오전 8:00". Agreeing would mean formatting by hand on one side.
KOREAN = pytest.param("ko", marks=pytest.mark.xfail(strict=True, reason="Babel 'AM 8:00', Chromium '오전 8:00'"))


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "ar", "en-US", KOREAN])
def test_far_dates_read_alike_from_the_table_and_from_intl_in_every_language(open_now_page, code) -> None:
    """Every 47 minutes through the holidays and a week after, in each shipped language: the build's date words
    (Babel) are Intl's, and the long ways round name a date. Also a stretch open for almost a week: "until" a date."""
    import datetime as dt

    from supporttab.core.i18n import load_language, use_language

    almost_always = {day: "00:00-24:00" for day in ("tuesday", "wednesday", "thursday", "friday", "saturday",
                                                    "sunday")} | {"monday": "00:00-07:00, 08:00-24:00"}
    with use_language(load_language(code)):
        words = script_words()
        cases = [(hours_with_table("Europe/London", "2026-12-01T12:00:00+00:00", WEEKDAYS_ONLY, HOLIDAYS),
                  dt.datetime(2026, 12, 17, tzinfo=dt.timezone.utc)),
                 (hours_with_table("Europe/London", "2027-03-10T12:00:00+00:00", almost_always),
                  dt.datetime(2027, 3, 20, tzinfo=dt.timezone.utc))]
    page = open_now_page("Europe/London")
    for hours, start in cases:
        instants = [(start + dt.timedelta(minutes=47 * step)).isoformat() for step in range(24 * 24 * 60 // 47)]
        from_table = page.sentences(hours, instants, words)
        from_intl = page.sentences(without_table(hours), instants, words)
        # The first few differences, not pytest's diff of two 700-line lists: that diff took 20 minutes in CI.
        differ = [(at, ours, theirs) for at, ours, theirs in zip(instants, from_table, from_intl, strict=True)
                  if ours != theirs]
        assert not differ, differ[:3]
        assert not [line for line in from_table if "undefined" in line or "%(" in line]
        assert any(date in line for line in from_table for date in hours["table"]["dates"].values())


@pytest.mark.parametrize(("reader_zone", "now", "expected"), [
    pytest.param("Europe/London", "2027-03-27T19:00:00Z", "Closed now. Opens tomorrow 22:00.",
                 id="saturday-evening-before-the-change"),
    pytest.param("Europe/London", "2027-03-28T23:30:00Z", "Closed now. Opens today 08:00.",
                 id="monday-00-30-bst"),
    pytest.param("America/New_York", "2027-03-29T06:30:00Z", "Closed now. Opens today 08:00 (your time 03:00).",
                 id="new-york-reader-after-both-changes"),
    pytest.param("Asia/Tokyo", "2027-03-29T07:00:00Z", "Open now until 20:00 (your time Tuesday 04:00).",
                 id="tokyo-reader-a-day-ahead"),
])
def test_open_now_from_the_table_under_a_fixed_clock_across_a_clock_change(chromium, reader_zone, now,
                                                                           expected) -> None:
    """The hub's real script (hub.js) on a page with the hours of a build a week before London's clocks go
    forward; the reader's own clock faked."""
    context = chromium.new_context(timezone_id=reader_zone, locale="en-GB")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(now)
        hours = json.dumps(hours_with_table("Europe/London", "2027-03-21T12:00:00+00:00"))
        page.set_content(f'<p data-st-open-now data-st-hours="{html.escape(hours)}"></p>'
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        page.add_script_tag(content=COUNT_INTL)
        page.add_script_tag(content=script_source("hub.js"))
        assert page.locator("[data-st-open-now]").inner_text() == expected
        assert (page.evaluate("intlFormattersMade()") == 0) == ("your time" not in expected)
    finally:
        context.close()


@pytest.mark.parametrize(("reader_zone", "now", "expected", "intl"), [
    pytest.param("Europe/London", "2026-11-23T13:00:00Z", "Open now until 20:00.", False, id="same-zone-no-intl"),
    pytest.param("Europe/Dublin", "2026-11-28T16:00:00Z", "Closed now. Opens Monday 08:00.", False,
                 id="other-zone-same-offset-no-intl"),
    pytest.param("America/New_York", "2026-11-23T13:00:00Z", "Open now until 20:00 (your time 15:00).", True,
                 id="reader-elsewhere"),
    pytest.param("Europe/London", "2027-02-22T10:00:00Z", "Open now until 20:00.", True,
                 id="past-the-table-as-before"),
])
def test_the_hub_makes_no_intl_formatter_at_load_for_a_reader_on_the_teams_clock(chromium, example_url, reader_zone,
                                                                                  now, expected, intl) -> None:
    """The built hub (built 23 November 2026, its table lasting eight weeks): a reader whose clock agrees with the
    team's gets the line with no Intl date formatter made; one elsewhere, only what their own time needs; a page
    read after the table ends (a site not published for weeks) works the line out with Intl, as before."""
    context = chromium.new_context(viewport=PHONE, timezone_id=reader_zone, locale="en-GB")
    try:
        page = context.new_page()
        page.add_init_script(COUNT_INTL)
        page.clock.set_fixed_time(now)
        page.goto(example_url)
        assert page.locator("[data-st-open-now]").inner_text() == expected
        assert (page.evaluate("intlFormattersMade()") > 0) == intl
    finally:
        context.close()
