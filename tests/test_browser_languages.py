"""The German and Arabic builds of the example in a real headless Chromium at phone size: nothing runs off the
screen (German words are long), the open-now line and the reader's own times in the language's words and clock,
axe finds nothing, and Arabic reads right to left, its uptime bars too. Screenshots of each hub are saved under
test-artifacts/screenshots/ (or $SUPPORTTAB_ARTIFACTS) for a person to look at."""

from __future__ import annotations

import pytest
from conftest import PHONE, axe_violations, serve, watched
from test_browser_layout import ARTIFACTS, OVERFLOWS
from test_languages import build_in

pytestmark = pytest.mark.browser

INCIDENT = "incidents/2026-11-20-card-payments-failing/"
ACTIVE = "incidents/2026-11-22-slow-pdf-exports/"


@pytest.fixture(scope="module", params=["de", "ar"])
def served(request, tmp_path_factory):
    server, url = serve(build_in(tmp_path_factory, request.param))
    yield request.param, url
    server.shutdown()


@pytest.fixture
def open_in(chromium, served):
    """Open a page of the build in `served`'s language at phone size, the reader's browser set to that language;
    `page.problems` collects script errors and failed requests."""
    code, url = served
    contexts = []

    def _open(path: str = "", *, timezone: str = "Europe/London", now: str | None = None):
        context = chromium.new_context(viewport=PHONE, timezone_id=timezone, locale=code)
        contexts.append(context)
        page = watched(context.new_page())
        if now:
            page.clock.set_fixed_time(now)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield code, _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", ["", "status/", ACTIVE, INCIDENT, "status/history/", "team/"])
def test_every_page_kind_fits_a_phone_and_axe_finds_nothing(open_in, path: str) -> None:
    code, open_page = open_in
    page = open_page(path, now="2026-11-23T12:00:00Z")
    if path == "":
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"hub-{code}-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(OVERFLOWS) == []
    assert page.problems == []
    assert axe_violations(page) == []


OPEN_NOW = {
    # A reader in New York at 10:00 London time on a Monday: open until 20:00, 15:00 for them.
    "de": "Jetzt geöffnet bis 20:00 (Ihre Zeit: 15:00).",
    "ar": "مفتوح الآن حتى الساعة 8:00 م (بتوقيتك: 3:00 م).",
}
CLOSED = {
    # Saturday 16:00 in London, a reader in Honolulu: closed until Monday 08:00, Sunday 22:00 for them.
    "de": "Jetzt geschlossen. Wir öffnen am Montag um 08:00 (Ihre Zeit: Sonntag, 22:00).",
    "ar": "مغلق الآن. نفتح يوم الاثنين الساعة 8:00 ص (بتوقيتك: الأحد 10:00 م).",
}


def test_open_now_speaks_the_language_and_its_clock(open_in) -> None:
    code, open_page = open_in
    page = open_page("", timezone="America/New_York", now="2026-11-23T10:00:00Z")
    assert page.locator("[data-st-open-now]").inner_text() == OPEN_NOW[code]
    page = open_page("", timezone="Pacific/Honolulu", now="2026-11-28T16:00:00Z")
    assert page.locator("[data-st-open-now]").inner_text() == CLOSED[code]


LOCAL_TIME = {"de": "(Ihre Zeit: 04:04)", "ar": "(بتوقيتك: 4:04 ص)"}
DUE = {"de": ("Bis", "Überfällig: versprochen bis"), "ar": ("قبل", "متأخر: كان موعده قبل")}


def test_the_readers_own_time_and_a_promise_are_in_the_language(open_in) -> None:
    code, open_page = open_in
    page = open_page(INCIDENT, timezone="America/New_York")
    assert page.locator("#update-1 .st-local-time").inner_text().strip() == LOCAL_TIME[code]
    due, overdue = DUE[code]
    page = open_page(ACTIVE, now="2026-11-23T08:00:00Z")  # the promise of 09:00 still ahead
    assert page.locator("[data-st-due-label]").first.inner_text() == due
    page = open_page(ACTIVE, now="2026-11-23T12:00:00Z")  # the promise has passed
    assert page.locator("[data-st-due-label]").first.inner_text() == overdue


def test_the_layout_and_the_uptime_bars_run_in_the_languages_direction(open_in) -> None:
    """Arabic reads right to left: the page is mirrored and the oldest day's bar is on the right, today's on the
    left, as the reader's eye travels through time. German keeps left to right."""
    code, open_page = open_in
    page = open_page("status/")
    assert page.evaluate("getComputedStyle(document.body).direction") == ("rtl" if code == "ar" else "ltr")
    oldest, today = page.evaluate("""() => {  // on a phone the last 30 days show
        const bars = [...document.querySelector('.st-uptime__bars').children].filter(b => b.getClientRects().length);
        return [bars[0], bars[bars.length - 1]].map(bar => bar.getBoundingClientRect().left); }""")
    assert (oldest > today) == (code == "ar")
    heading, pill = page.evaluate("""() => { const head = document.querySelector('.st-component__head');
        return [head.children[0], head.children[1]].map(e => e.getBoundingClientRect().left); }""")
    assert (heading > pill) == (code == "ar")  # the name starts where the reader starts


@pytest.mark.parametrize("tag", ["ar", "ar-EG", "ar-SA", "fa", "de", "en"])
def test_the_browser_writes_the_same_digits_as_the_page(chromium, tag: str) -> None:
    """The scripts' Intl gets the locale tag Support Tab hands them; its clock has the digits Babel wrote on the
    server ('3:04', not '٣:٠٤' in Egyptian Arabic), and so do its numbers."""
    import datetime as dt
    import re

    from supporttab.core.i18n import load_language, number_text, use_language
    from supporttab.core.scriptwords import script_words
    from supporttab.core.timefmt import clock_text

    with use_language(load_language(tag)):
        locale, server = script_words()["locale"], (clock_text(dt.time(15, 4)), number_text(1234.5))
    page = chromium.new_page()
    try:
        browser = page.evaluate("""locale => [
            new Intl.DateTimeFormat(locale, {timeStyle: "short", timeZone: "UTC"}).format(Date.UTC(2026, 10, 23, 15, 4)),
            new Intl.NumberFormat(locale).format(1234.5)]""", locale)
    finally:
        page.close()
    assert [re.findall(r"\d", text) for text in browser] == [re.findall(r"\d", text) for text in server]
