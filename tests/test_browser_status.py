"""Status and incident pages in headless Chromium: banner, the reader's local time, the filter, no JavaScript."""

from __future__ import annotations

import pytest
from conftest import PHONE

pytestmark = pytest.mark.browser
INCIDENT = "incidents/2026-11-20-card-payments-failing/"


@pytest.mark.parametrize("path", ["articles/reset-password/", "team/", "status/history/", INCIDENT])  # a resolved one
def test_active_incident_banner_says_it_in_one_line_and_links_to_it(open_page, path) -> None:
    page = open_page(path, now="2026-11-23T12:00:00Z")
    banner = page.locator(".md-banner .st-banner")
    assert banner.is_visible()
    assert " ".join(banner.inner_text().split()) == "PDF exports: slower than usual. Next update overdue Details"
    banner.locator("a", has_text="Details").click()
    page.wait_for_url("**/incidents/2026-11-22-slow-pdf-exports/")
    assert page.locator("h1").inner_text() == "PDF exports are slow"
    assert page.problems == []


@pytest.mark.parametrize(("now", "expected"), [
    ("2026-11-23T08:30:00Z", "PDF exports: slower than usual. Next update by 23 Nov, 09:00 GMT Details"),
    ("2026-11-23T12:00:00Z", "PDF exports: slower than usual. Next update overdue Details"),
])
@pytest.mark.parametrize("width", [320, 360])
def test_the_banner_takes_at_most_two_lines_on_a_phone(open_page, now: str, expected: str, width: int) -> None:
    """Before and after the promised time (the reader's clock decides), on the narrowest phones."""
    page = open_page("team/", now=now, viewport={"width": width, "height": 740})
    banner = page.locator(".md-banner .st-banner")
    assert " ".join(banner.inner_text().split()) == expected
    line = float(banner.evaluate("element => getComputedStyle(element).lineHeight").removesuffix("px"))
    assert banner.bounding_box()["height"] <= 2 * line + 1  # two lines of text at most
    assert page.problems == []


@pytest.mark.parametrize("path", ["", "status/"])
def test_hub_and_status_page_answer_first_with_no_banner_repeating_it(open_page, path) -> None:
    page = open_page(path)
    assert page.locator(".md-banner").count() == 0 or not page.locator(".md-banner").is_visible()
    summary = page.locator(".st-summary")
    assert summary.is_visible()
    top = summary.bounding_box()["y"]
    assert top < page.locator("h2").nth(1).bounding_box()["y"]  # above every other section
    assert summary.locator("h2").inner_text() == "PDF exports: slower than usual"
    assert page.problems == []


@pytest.mark.parametrize(("zone", "update", "expected"), [
    ("America/New_York", 1, "Finding the cause 20 Nov 2026, 09:04 GMT (your time 04:04)"),
    ("Asia/Kolkata", 1, "Finding the cause 20 Nov 2026, 09:04 GMT (your time 14:34)"),
    ("Pacific/Kiritimati", 4, "Fixed 20 Nov 2026, 10:58 GMT (your time Sat 21 Nov, 00:58)"),
    ("Europe/London", 1, "Finding the cause 20 Nov 2026, 09:04 GMT"),
])
def test_times_add_the_readers_local_time_when_it_differs(open_page, zone, update, expected) -> None:
    page = open_page(INCIDENT, timezone=zone)
    head = page.locator(f"#update-{update} .st-update__head")
    assert " ".join(head.inner_text().split()) == expected


def test_region_filter_narrows_the_lists_with_the_keyboard(open_page) -> None:
    page = open_page("status/")
    region = page.locator("#st-filter-region")
    assert region.is_visible()
    for _ in range(60):  # reached with Tab alone, as a keyboard user reaches it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "st-filter-region":
            break
    assert page.evaluate("document.activeElement.id") == "st-filter-region"
    page.keyboard.press("ArrowDown")  # United Kingdom
    page.keyboard.press("ArrowDown")  # European Union
    page.keyboard.press("ArrowDown")  # North America
    assert region.input_value() == "na"
    bank = page.locator("li.st-component[data-st-components='bank-transfers']")
    cards = page.locator("li.st-component[data-st-components='card-payments']")
    assert not bank.is_visible()  # runs in the UK and EU only
    assert cards.is_visible()  # runs everywhere
    assert not page.locator("#upcoming li.st-event, #upcoming + ul li").first.is_visible()
    page.keyboard.press("Home")  # All regions
    assert region.input_value() == ""
    assert bank.is_visible()


def test_without_javascript_the_status_page_shows_everything(open_page) -> None:
    page = open_page("status/", javascript=False)
    assert not page.locator("[data-st-filter]").is_visible()
    assert page.locator("li.st-component").count() == 8
    assert all(page.locator("li.st-component").nth(i).is_visible() for i in range(8))
    assert page.locator(".st-summary").is_visible()
    assert page.locator(".st-due--overdue").is_visible()  # built at 12:00, after the promised 09:00
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["status/", INCIDENT, "status/history/"])
def test_status_pages_fit_a_phone_without_errors(open_page, path) -> None:
    page = open_page(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []


@pytest.mark.parametrize(("now", "expected", "overdue"), [("2026-11-23T08:30:00Z", "By", False),
                                                      ("2026-11-23T09:30:00Z", "Overdue: was due by", True)])
def test_the_next_update_promise_is_kept_current_by_the_readers_clock(open_page, now: str, expected: str,
                                                                     overdue: bool) -> None:
    page = open_page(INCIDENT.replace("2026-11-20-card-payments-failing", "2026-11-22-slow-pdf-exports"), now=now)
    promises = page.locator("[data-st-due]")
    assert promises.count() == 1  # at the top of the page, which has no banner saying it again
    for i in range(1):
        assert promises.nth(i).locator("[data-st-due-label]").inner_text() == expected
        assert ("st-due--overdue" in promises.nth(i).get_attribute("class")) is overdue
    assert page.problems == []
