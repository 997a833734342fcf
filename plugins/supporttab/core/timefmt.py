"""Times and durations: as pages show them (in the site's time zone, with a machine-readable <time> underneath),
as machines read them, and as authors write them (30m, 2h, 5d)."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape


def utc_iso(moment: dt.datetime) -> str:
    """'2026-11-20T09:04:00Z'"""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(moment: dt.datetime, zone: ZoneInfo) -> str:
    """'20 Nov 2026, 09:04 GMT' in the site's zone."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M} {local.tzname()}"


def time_html(moment: dt.datetime, zone: ZoneInfo) -> Markup:
    """A <time> element; the page's script adds the reader's own time beside it when that differs."""
    # Plain formatting around escaped parts: Markup.format costs as much again, on every time of every page.
    return Markup(f'<time datetime="{utc_iso(moment)}" data-st-local data-st-zone="{escape(zone.key)}">'
                  f'{escape(local_text(moment, zone))}</time>')


def short_time_html(moment: dt.datetime, zone: ZoneInfo) -> Markup:
    """'23 Nov, 09:00 GMT' in a <time> element, in the site's zone only: for a one-line banner on a phone."""
    local = moment.astimezone(zone)
    return Markup(f'<time datetime="{utc_iso(moment)}">{local.day} {local:%b, %H:%M} {escape(local.tzname())}</time>')


def zone_label(zone: str, label: str | None = None) -> str:
    """What a page calls a time zone: the site's own words ("UK time"), else its city ("London time"), never a
    bare IANA name."""
    if label:
        return label
    if "/" not in zone:
        return f"{zone} time"
    return f"{zone.rsplit('/', 1)[1].replace('_', ' ')} time"


def date_text(day: dt.date) -> str:
    """'Friday 25 December 2026'"""
    return f"{day:%A} {day.day} {day:%B %Y}"


def duration_text(delta: dt.timedelta) -> str:
    """'1 h 05 min', '12 min', '2 d 3 h', 'under a minute': for people, not machines."""
    minutes = int(delta.total_seconds() // 60)
    if minutes == 0:
        return "under a minute"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


LONGEST = {"minutes": 365 * 24 * 60, "hours": 365 * 24, "days": 365}
_DURATION = re.compile(r"(\d+)\s*(m|min|h|d)")


def parse_duration(text: str) -> dt.timedelta:
    """'30m', '2h', '5d' -> timedelta."""
    match = _DURATION.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a duration; write minutes, hours or days like 30m, 2h or 5d")
    unit = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days"}[match[2]]
    if int(match[1]) > LONGEST[unit]:  # also keeps every time it is added to on the calendar
        raise ValueError(f"{text!r} is more than a year; write at most 365d")
    return dt.timedelta(**{unit: int(match[1])})
