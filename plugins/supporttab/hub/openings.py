"""When the team opens and closes over the coming weeks, as instants (UTC): the build works them out from the weekly
hours, the closures and the zone's clock changes, so the hub's "Open now" line compares numbers. Its script would
otherwise need `Intl` formatters at load, the first of which costs a slow phone a few hundred milliseconds."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from ..core.timefmt import clock_text, weekday_date_text, weekday_text
from .model import WEEKDAYS, OpeningHours

WEEKS = 8  # how long after the build the page says "open now" from its own table; after that, as before (Intl)
LOOK_AHEAD = 15  # days past the last one, closed days not counted: enough to find the next opening, or a stretch
FAR = 7  # days ahead from which a weekday alone is ambiguous ("Opens Tuesday" read on a Friday before a fortnight off)
UTC = dt.timezone.utc
MINUTE = dt.timedelta(minutes=1)


def _as_browsers_write(clock: str) -> str:
    """'8:00 AM' with a plain space, as Chromium's `Intl` writes it (V8 went back to one for the web's sake), where
    CLDR (since version 42) puts a narrow no-break space before AM and PM: the open-now line reads alike from the
    table and from the browser's fallback."""
    return clock.replace("\u202f", " ")


def open_now_table(hours: OpeningHours, now: dt.datetime, weeks: int = WEEKS) -> dict[str, Any]:
    """What the hub's script needs to say "Open now until 20:00" from `now` (a day before, for a reader's clock that
    runs late) to `weeks` later without `Intl`: the open stretches and the zone's UTC offsets, in minutes after
    `from` (milliseconds since 1970), the weekday names (Sunday first, as JavaScript counts), each time of day a
    stretch starts or ends at, and the dates (by the team's calendar) of those a week or more ahead of when the line
    may name them, as the page's language writes them."""
    zone = ZoneInfo(hours.timezone)
    start = (now - dt.timedelta(days=1)).astimezone(UTC).replace(second=0, microsecond=0)
    until = start + dt.timedelta(days=1, weeks=weeks)
    first = start.astimezone(zone).date() - dt.timedelta(days=1)
    stretches = open_stretches(hours, first, _look_ahead(hours, first, until.astimezone(zone).date()))
    walls = {moment.astimezone(zone).strftime("%H:%M"): moment.astimezone(zone).time()
             for stretch in stretches for moment in stretch}
    return {
        "from": int(start.timestamp()) * 1000,
        "until": int(until.timestamp()) * 1000,
        "open": [[_minutes(opens - start), _minutes(closes - start)] for opens, closes in stretches],
        "offsets": [[_minutes(at - start), _minutes(offset)]
                    for at, offset in offset_changes(zone, start, max([until, *(closes for _, closes in stretches)]))],
        "days": [weekday_text(index) for index in (6, 0, 1, 2, 3, 4, 5)],
        "clocks": {key: _as_browsers_write(clock_text(wall)) for key, wall in sorted(walls.items())},
        "dates": {day.isoformat(): weekday_date_text(day) for day in sorted(_far_days(stretches, start, until, zone))},
    }


def _look_ahead(hours: OpeningHours, first: dt.date, last: dt.date) -> dt.date:
    """The last day to work out: LOOK_AHEAD days past `last`, and one more for each closed day from `first`, so a
    long closure (19 December to 4 January) still ends in a known opening. The script's own reckoning does the same."""
    end = last + dt.timedelta(days=LOOK_AHEAD)
    for closed in sorted(closure.date for closure in hours.closures):
        if first <= closed <= end:
            end += dt.timedelta(days=1)
    return end


def _far_days(stretches: list[tuple[dt.datetime, dt.datetime]], start: dt.datetime, until: dt.datetime,
              zone: ZoneInfo) -> set[dt.date]:
    """The team's dates the line may name FAR or more days ahead of a moment from `start` to `until`, where it says
    the date, not only the weekday: an opening that far after the closing before it, and a closing that far after
    its opening (each counted from `start` at the earliest)."""
    def days(later: dt.datetime, earlier: dt.datetime) -> int:
        return (later.astimezone(zone).date() - max(earlier, start).astimezone(zone).date()).days

    far, previous = set(), start
    for opens, closes in stretches:
        if previous < until and days(opens, previous) >= FAR:
            far.add(opens.astimezone(zone).date())
        if opens < until and days(closes, opens) >= FAR:
            far.add(closes.astimezone(zone).date())
        previous = closes
    return far


def open_stretches(hours: OpeningHours, first: dt.date, last: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The opening hours of the days `first` to `last` (the team's calendar) as [opens, closes) in UTC, in time order,
    those that touch or overlap merged: Monday 22:00-24:00 and Tuesday 00:00-02:00 are one stretch, and a line open
    every hour of the week is one long one. A closure takes out its day's hours."""
    zone, closed = ZoneInfo(hours.timezone), {closure.date for closure in hours.closures}
    ranges = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        if day in closed:
            continue
        for opens, closes in hours.weekly.get(WEEKDAYS[day.weekday()], ()):
            ranges.append((_instant(zone, day, opens, closing=False), _instant(zone, day, closes, closing=True)))
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for opens, closes in sorted(ranges):
        if closes <= opens:  # a range the clocks going forward swallowed
            continue
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return merged


def _instant(zone: ZoneInfo, day: dt.date, text: str, *, closing: bool) -> dt.datetime:
    """The instant the team's clock shows `text` ('08:00', '24:00' for the end of the day) on `day`. In the hour the
    clocks go back that time comes twice: the team opens at the first and closes at the second. In the hour they skip,
    it comes late by the hour skipped (as `zoneinfo` has it)."""
    wall = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=int(text[:2]), minutes=int(text[3:]))
    first = wall.replace(tzinfo=zone).astimezone(UTC)
    return max(first, wall.replace(tzinfo=zone, fold=1).astimezone(UTC)) if closing else first


def offset_changes(zone: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.timedelta]]:
    """The zone's UTC offset at `start` and at each change before `end`: [(start, +0:00), (2027-03-28 01:00, +1:00)].
    Zones change on the minute, so each change found between two hours is narrowed down to its minute."""
    changes = [(start, _offset(zone, start))]
    hour = dt.timedelta(hours=1)
    moment = start
    while moment < end:
        later = moment + hour
        if _offset(zone, later) != changes[-1][1]:
            low, high = moment, later  # the offset changes after `low`, at or before `high`
            while high - low > MINUTE:
                middle = low + (high - low) // 2 // MINUTE * MINUTE
                low, high = (low, middle) if _offset(zone, middle) != changes[-1][1] else (middle, high)
            changes.append((high, _offset(zone, high)))
        moment = later
    return changes


def _offset(zone: ZoneInfo, moment: dt.datetime) -> dt.timedelta:
    return moment.astimezone(zone).utcoffset() or dt.timedelta()


def _minutes(delta: dt.timedelta) -> int:
    return int(delta // MINUTE)
