"""The hub in a real headless Chromium at phone size: layout, contact links, open-now, search, no JavaScript."""

from __future__ import annotations

import json

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
        page.set_content(f'<p data-st-open-now></p><script type="application/json" id="st-hours">{hours}</script>'
                         f'<script type="application/json" id="st-words">{json.dumps(script_words())}</script>')
        page.add_script_tag(content=script_source("supporttab.js"))  # as the build publishes it
        assert page.locator("[data-st-open-now]").inner_text() == expected
    finally:
        context.close()
