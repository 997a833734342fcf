"""The hub's open-now table (hub/openings.py): the build's stretches and offsets say "open" exactly when the team's
own clock shows a time inside its hours, across clock changes, in zones with odd offsets, with closures."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from supporttab.hub.model import WEEKDAYS, OpeningHours
from supporttab.hub.openings import open_now_table

UTC = dt.timezone.utc
WEEKLY = {"monday": "00:00-02:00, 08:00-20:00", "tuesday": "08:00-20:00", "wednesday": "08:00-12:00, 13:00-20:00",
          "thursday": "08:00-20:00", "friday": "08:00-18:00", "saturday": "00:00-24:00", "sunday": "22:00-24:00"}
CLOSURES = [{"date": day, "name": "Staff day"} for day in ("2026-09-09", "2026-10-28", "2027-03-31")]
SPRING = dt.datetime(2027, 3, 10, 12, tzinfo=UTC)
# Builds a few weeks before each clock change of the year: London and New York go forward in March and back in
# October and November, Santiago and Lord Howe (by half an hour) the other way round, Kathmandu (+05:45) never.
BUILDS = [pytest.param(zone, built, id=f"{zone}-{built:%Y-%m}") for zone, builds in {
    "Europe/London": (SPRING, dt.datetime(2026, 10, 15, 9, 30, tzinfo=UTC)),
    "America/New_York": (SPRING, dt.datetime(2026, 10, 15, 9, 30, tzinfo=UTC)),
    "America/Santiago": (SPRING, dt.datetime(2026, 8, 20, 23, 59, tzinfo=UTC)),
    "Australia/Lord_Howe": (SPRING, dt.datetime(2026, 9, 20, 14, 15, tzinfo=UTC)),
    "Asia/Kathmandu": (SPRING,),
}.items() for built in builds]


def team_is_open(hours: OpeningHours, moment: dt.datetime) -> bool:
    """What a person at the team's desk would say: is the wall clock inside today's hours (and today not closed)?"""
    wall = moment.astimezone(ZoneInfo(hours.timezone))
    if wall.date() in {closure.date for closure in hours.closures}:
        return False
    shown = wall.strftime("%H:%M")
    return any(opens <= shown < closes for opens, closes in hours.weekly.get(WEEKDAYS[wall.weekday()], ()))


def table_says(table: dict, moment: dt.datetime) -> tuple[bool, int]:
    """Open or not, and the zone's offset in minutes, as the page's script reads them from the table."""
    minutes = (moment.timestamp() * 1000 - table["from"]) / 60000
    offset = [change[1] for change in table["offsets"] if change[0] <= minutes][-1]
    return any(opens <= minutes < closes for opens, closes in table["open"]), offset


@pytest.mark.parametrize(("zone", "built"), BUILDS)
def test_the_table_is_open_exactly_when_the_teams_clock_is_inside_its_hours(zone: str, built: dt.datetime) -> None:
    hours = OpeningHours.model_validate({"timezone": zone, "weekly": WEEKLY, "closures": CLOSURES})
    table = json.loads(json.dumps(open_now_table(hours, built)))  # as the page carries it
    start, until = (dt.datetime.fromtimestamp(table[key] / 1000, UTC) for key in ("from", "until"))
    assert start == built - dt.timedelta(days=1) and until == built + dt.timedelta(weeks=8)
    moment, checked, changes = start, 0, set()
    while moment < until:
        is_open, offset = table_says(table, moment)
        assert offset == moment.astimezone(ZoneInfo(zone)).utcoffset() // dt.timedelta(minutes=1), moment
        assert is_open == team_is_open(hours, moment), (moment, moment.astimezone(ZoneInfo(zone)))
        changes.add(offset)
        moment += dt.timedelta(minutes=15)
        checked += 1
    assert checked == 8 * 7 * 96 + 96
    assert len(changes) == (1 if zone == "Asia/Kathmandu" else 2)  # one clock change in every window but Kathmandu's


def test_the_table_names_days_and_times_as_the_page_does() -> None:
    """Days Sunday first, as JavaScript counts them; each time a stretch starts or ends at, by its wall clock."""
    hours = OpeningHours.model_validate({"timezone": "Europe/London", "weekly": {"monday": "08:00-20:00",
                                                                                 "friday": "09:30-24:00"}})
    table = open_now_table(hours, dt.datetime(2027, 3, 20, 12, tzinfo=UTC))
    assert table["days"][0] == "Sunday" and table["days"][1] == "Monday" and len(table["days"]) == 7
    assert table["clocks"] == {"00:00": "00:00", "08:00": "08:00", "09:30": "09:30", "20:00": "20:00"}
    monday_after_the_change = dt.datetime(2027, 3, 29, 7, tzinfo=UTC)  # 08:00 BST
    opens = [table["from"] + minutes[0] * 60000 for minutes in table["open"]]
    assert monday_after_the_change.timestamp() * 1000 in opens
    assert dt.datetime(2027, 3, 22, 8, tzinfo=UTC).timestamp() * 1000 in opens  # 08:00 GMT the week before


def test_the_built_hub_carries_the_table_beside_the_authored_hours(built_example) -> None:
    html = (built_example / "index.html").read_text("utf-8")
    hours = json.loads(unescape(re.search(r'<p class="st-open-now" data-st-open-now data-st-hours="([^"]*)"', html)[1]))
    assert hours["timezone"] == "Europe/London" and hours["weekly"]["1"] == [["08:00", "20:00"]]
    table = hours["table"]
    assert table["from"] == (1795435200 - 86400) * 1000 and table["until"] == (1795435200 + 8 * 7 * 86400) * 1000
    christmas = dt.datetime(2026, 12, 25, 12, tzinfo=UTC)  # a closure, on a Friday
    assert not table_says(table, christmas)[0] and table_says(table, christmas - dt.timedelta(days=1))[0]


# --- Dates: from a week ahead the line names the date, not only the weekday -----------------------------------------

WEEKDAYS_ONLY = {day: "08:00-20:00" for day in WEEKDAYS[:5]}
CHRISTMAS_OFF = [{"date": (dt.date(2026, 12, 19) + dt.timedelta(days=day)).isoformat(), "name": "Holidays"}
                 for day in range(17)]  # 19 December to 4 January
ALMOST_ALWAYS = {day: "00:00-24:00" for day in WEEKDAYS} | {"monday": "00:00-07:00, 08:00-24:00"}


def days_ahead(table: dict, moment: dt.datetime, minutes: int) -> int:
    """How many of the team's calendar days from `moment` to `minutes` into the table, as the script counts them."""
    _, offset = table_says(table, moment)
    later = dt.datetime.fromtimestamp(table["from"] / 1000 + minutes * 60, UTC)
    _, later_offset = table_says(table, later)
    return ((later + dt.timedelta(minutes=later_offset)).date() - (moment + dt.timedelta(minutes=offset)).date()).days


def named_far(table: dict, moment: dt.datetime) -> list[int]:
    """The table minutes the line names at `moment` a week or more ahead (when the next opening, or the closing of a
    stretch ending within a week, falls 7 or more of the team's days on), as the script picks them."""
    minutes = (moment.timestamp() * 1000 - table["from"]) / 60000
    for opens, closes in table["open"]:
        if opens <= minutes < closes:
            return [closes] if closes - minutes <= 7 * 24 * 60 and days_ahead(table, moment, closes) >= 7 else []
        if opens > minutes:
            return [opens] if days_ahead(table, moment, opens) >= 7 else []
    return []


@pytest.mark.parametrize(("zone", "weekly", "closures", "built"), [
    pytest.param("Europe/London", WEEKDAYS_ONLY, CHRISTMAS_OFF, dt.datetime(2026, 12, 1, 12, tzinfo=UTC),
                 id="a-fortnight-off-at-christmas"),
    pytest.param("America/Santiago", WEEKDAYS_ONLY, CHRISTMAS_OFF[:10], dt.datetime(2026, 11, 20, tzinfo=UTC),
                 id="ten-days-off-in-santiago"),
    pytest.param("Europe/London", ALMOST_ALWAYS, [], dt.datetime(2027, 3, 10, tzinfo=UTC),
                 id="closed-an-hour-a-week-across-a-clock-change"),
    pytest.param("Europe/London", WEEKLY, CLOSURES, SPRING, id="no-long-closure"),
])
def test_the_table_has_the_date_of_every_opening_and_closing_it_names_a_week_or_more_ahead(zone, weekly, closures,
                                                                                           built) -> None:
    """Every 30 minutes across the table: each instant the line would name 7 or more days ahead has its date in the
    table, by the team's calendar; and the table carries no other date (the hub page stays small)."""
    hours = OpeningHours.model_validate({"timezone": zone, "weekly": weekly, "closures": closures})
    table = json.loads(json.dumps(open_now_table(hours, built)))
    moment, until = dt.datetime.fromtimestamp(table["from"] / 1000, UTC), dt.datetime.fromtimestamp(table["until"] / 1000, UTC)
    named = set()
    while moment < until:
        for minutes in named_far(table, moment):
            day = dt.datetime.fromtimestamp(table["from"] / 1000 + minutes * 60, UTC).astimezone(ZoneInfo(zone)).date()
            assert day.isoformat() in table["dates"], (moment, day)
            named.add(day.isoformat())
        moment += dt.timedelta(minutes=30)  # every opening and closing here is on the hour
    assert set(table["dates"]) == named
    assert bool(named) == (closures != CLOSURES)


def test_the_dates_are_written_in_full_in_the_pages_language() -> None:
    """The weekday and month in full, in the order the language puts them (as the browser's Intl writes them)."""
    from supporttab.core.i18n import load_language, use_language

    hours = OpeningHours.model_validate({"timezone": "Europe/London", "weekly": WEEKDAYS_ONLY,
                                         "closures": CHRISTMAS_OFF})
    expected = {"en": "Tuesday 5 January", "en-US": "Tuesday, January 5", "de": "Dienstag, 5. Januar",
                "fr": "mardi 5 janvier", "es": "martes, 5 de enero", "ar": "الثلاثاء، 5 يناير"}
    for code, words in expected.items():
        with use_language(load_language(code)):
            table = open_now_table(hours, dt.datetime(2026, 12, 1, 12, tzinfo=UTC))
        assert table["dates"] == {"2027-01-05": words}, code
