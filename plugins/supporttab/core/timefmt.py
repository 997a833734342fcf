"""Times and durations: as pages show them (in the site's time zone, with a machine-readable <time> underneath),
as machines read them, and as authors write them (30m, 2h, 5d). Pages' words come from CLDR (Babel) for the
active language: day and month names, the order of the parts, 24- or 12-hour clocks; the unit words of durations
come from our catalog, with the language's plural forms."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from functools import cache, lru_cache

from babel import Locale
from babel.dates import (PATTERN_CHAR_ORDER, DateTimeFormat, DateTimePattern, format_date, format_interval,
                         format_skeleton, get_day_names, get_timezone_location, match_skeleton, parse_pattern,
                         tokenize_pattern, untokenize_pattern)
from markupsafe import Markup, escape

from .i18n import active, gettext, ngettext


def utc_iso(moment: dt.datetime) -> str:
    """'2026-11-20T09:04:00Z'"""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(moment: dt.datetime, zone: ZoneInfo) -> str:
    """'20 Nov 2026, 09:04 GMT' in the site's zone, as the locale orders date and time ('20. Nov. 2026, 09:04
    GMT'). The zone's abbreviation is the tz database's, which every language reads alike."""
    local = moment.astimezone(zone)
    locale = active().locale
    text = _patterns(locale)[2].replace("{1}", _short_date(local.date(), locale))
    return f"{text.replace('{0}', _short_clock(local.hour, local.minute, locale))} {local.tzname()}"


def clock_text(time: dt.time) -> str:
    """'09:04', '9:04 AM', '9:04 ص': a time of day in the locale's own convention."""
    return _short_clock(time.hour, time.minute, active().locale)


# Every time on every page goes through these: the same days and minutes come back, so each is formatted once.
@lru_cache(maxsize=8192)
def _short_date(day: dt.date, locale: Locale) -> str:
    return _patterns(locale)[0].apply(day, locale)


@lru_cache(maxsize=4096)
def _short_clock(hour: int, minute: int, locale: Locale) -> str:
    return _patterns(locale)[1].apply(dt.time(hour, minute), locale)


@cache
def _patterns(locale: Locale) -> tuple[DateTimePattern, DateTimePattern, str]:
    """The locale's short date ('20 Nov 2026'), short time and CLDR's '{1}, {0}' that joins them, parsed once."""
    skeletons = locale.datetime_skeletons
    return (parse_pattern(skeletons[match_skeleton("yMMMd", skeletons)]), locale.time_formats["short"],
            locale.datetime_formats["medium"])


def month_text(moment: dt.datetime) -> str:
    """'November 2026', 'novembre 2026'"""
    return _month_text(moment.year, moment.month, active().locale)


@cache
def _month_text(year: int, month: int, locale: Locale) -> str:
    """Formatted once per month and language: the history names the month of each of its incidents."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale)


def weekday_text(index: int) -> str:
    """The weekday's name, 0 = Monday: 'Monday', 'Montag'."""
    return get_day_names("wide", locale=active().locale)[index]


def weekday_date_text(day: dt.date) -> str:
    """'Tuesday 5 January', 'Dienstag, 5. Januar', 'Tuesday, January 5' (en-US): a day in full, as the browser's
    `Intl` writes a long weekday, day and month, so the hub's open-now line reads alike from the build or the browser."""
    locale = active().locale
    return _weekday_date_pattern(locale).apply(day, locale)


@cache
def _weekday_date_pattern(locale: Locale) -> DateTimePattern:
    """CLDR's pattern nearest a weekday, day and month, with the weekday and month widened to their full names, as
    ICU widens a skeleton's match (Babel keeps the match's widths: 'Di., 5. Jan.'). Quoted literals stay as they are."""
    skeletons = locale.datetime_skeletons
    parts = re.split(r"('[^']*')", skeletons[match_skeleton("MMMMEEEEd", skeletons)].pattern)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"([Ec])\1{0,3}(?![Ec])", lambda found: found[1] * 4, parts[index])
        parts[index] = re.sub(r"(?<![ML])([ML])\1\1(?![ML])", lambda found: found[1] * 4, parts[index])
    return parse_pattern("".join(parts))


def short_date_text(day: dt.date) -> str:
    """'Fri 20 Nov', 'Fr., 20. Nov.'"""
    return format_skeleton("MMMEd", day, locale=active().locale)


def time_html(moment: dt.datetime, zone: ZoneInfo) -> Markup:
    """A <time> element; the page's script adds the reader's own time beside it when that differs. The zone's
    offset from UTC then (minutes) lets it see that a reader's clock agrees without any `Intl` formatter, the first
    of which costs a slow phone a few hundred milliseconds."""
    offset = int(moment.astimezone(zone).utcoffset().total_seconds() // 60)
    # Plain formatting around escaped parts: Markup.format costs as much again, on every time of every page.
    return Markup(f'<time datetime="{utc_iso(moment)}" data-st-local data-st-zone="{escape(zone.key)}" '
                  f'data-st-offset="{offset}">{escape(local_text(moment, zone))}</time>')


def short_time_html(moment: dt.datetime, zone: ZoneInfo) -> Markup:
    """'23 Nov, 09:00 GMT' ('23. Nov., 09:00 GMT') in a <time> element, in the site's zone only: for a one-line
    banner on a phone."""
    local = moment.astimezone(zone)
    locale = active().locale
    day = format_skeleton("MMMd", local.date(), locale=locale)
    text = _patterns(locale)[2].replace("{1}", day).replace("{0}", _short_clock(local.hour, local.minute, locale))
    return Markup(f'<time datetime="{utc_iso(moment)}">{escape(text)} {escape(local.tzname())}</time>')


def zone_label(zone: str, label: str | None = None) -> str:
    """What a page calls a time zone: the site's own words ("UK time"), else its city as the language names it
    ("London time", "بتوقيت لندن", "hora de Nueva York"), never a bare IANA name."""
    if label:
        return label
    return gettext("%(city)s time", city=_city(zone, active().locale))


@cache
def _city(zone: str, locale: Locale) -> str:
    """CLDR's name of the zone's city in `locale`; a zone CLDR names no city for, by the last part of its id."""
    city = get_timezone_location(zone, locale=locale, return_city=True)
    return city.rsplit("/", 1)[-1].replace("_", " ")


def date_html(day: dt.date, text: str) -> Markup:
    """`text`, which shows `day`, in a <time> element that gives the date to machines."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), text)


def date_text(day: dt.date) -> str:
    """'Friday, 25 December 2026', 'Freitag, 25. Dezember 2026'"""
    return format_date(day, "full", locale=active().locale)


def _quoted(text: str) -> str:
    """`text` as literal text in a CLDR pattern."""
    return "'" + text.replace("'", "''") + "'" if text else ""


DAYS = "yMMMEd"  # the skeleton of a closure's days: 'Fri, 25 Dec 2026'


def days_text(first: dt.date, last: dt.date) -> str:
    """'Fri, 25 Dec 2026', 'Sat, 19 Dec 2026 – Mon, 4 Jan 2027', 'Do., 24. – Mo., 28. Dez. 2026': a day, or a run of
    days as the language writes a range (CLDR's interval formats), leaving out what both ends share."""
    return format_interval(first, last, DAYS, locale=active().locale)


def days_parts(first: dt.date, last: dt.date) -> tuple[str, str, str]:
    """days_text as its first day, what stands between and its last day, so that each end can be a <time> of its
    own: ('Sat, 19 Dec 2026', ' – ', 'Mon, 4 Jan 2027'), ('Do., 24.', ' – ', 'Mo., 28. Dez. 2026'); one day is
    (its text, '', ''). The pieces of the interval pattern CLDR has for the ends (as format_interval picks them), the
    first one's trailing words being what stands between; else the locale's fallback, '{0} – {1}'."""
    locale = active().locale
    if first == last:
        return days_text(first, last), "", ""
    formats = locale.interval_formats
    skeleton = DAYS if DAYS in formats else match_skeleton(DAYS, formats)
    pieces = formats.get(skeleton, {}) if skeleton else {}
    ends = DateTimeFormat(first, locale=locale), DateTimeFormat(last, locale=locale)
    field = next((f for f in PATTERN_CHAR_ORDER if f in pieces and ends[0].extract(f) != ends[1].extract(f)), None)
    if field is not None:
        tokens = tokenize_pattern(pieces[field][0])
        cut = len(tokens)
        while cut and tokens[cut - 1][0] == "chars":
            cut -= 1
        trailing = untokenize_pattern(tokens[cut:])
        # What follows the last field up to a space or dash stays with it: German's '24.' keeps its dot.
        stays = len(re.match(r"[^\s\-–—]*", trailing)[0])
        parts = (parse_pattern(untokenize_pattern(tokens[:cut]) + _quoted(trailing[:stays])).apply(first, locale),
                 trailing[stays:], parse_pattern(pieces[field][1]).apply(last, locale))
    else:
        fallback = formats.get(None, "{0} – {1}")
        parts = (format_skeleton(DAYS, first, locale=locale),
                 fallback[fallback.index("{0}") + 3:fallback.index("{1}")], format_skeleton(DAYS, last, locale=locale))
    return parts


def duration_text(delta: dt.timedelta) -> str:
    """'1 hour 5 minutes', '12 minutes', '2 days 3 hours', 'under a minute': for people, not machines; at most
    two units, the larger first."""
    minutes = int(delta.total_seconds() // 60)
    if minutes == 0:
        return gettext("under a minute")
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _two_units(ngettext("%(num)s day", "%(num)s days", days),
                          ngettext("%(num)s hour", "%(num)s hours", hours) if hours else "")
    if hours:
        return _two_units(ngettext("%(num)s hour", "%(num)s hours", hours),
                          ngettext("%(num)s minute", "%(num)s minutes", minutes) if minutes else "")
    return ngettext("%(num)s minute", "%(num)s minutes", minutes)


def _two_units(larger: str, smaller: str) -> str:
    return gettext("%(larger)s %(smaller)s", larger=larger, smaller=smaller) if smaller else larger


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
