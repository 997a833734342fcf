"""Uptime: when each component was not operational, and what that makes of each of the last 90 days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from ..core.i18n import gettext, ngettext, percent_text
from ..core.timefmt import date_html, duration_text, short_date_text
from ..core.vocabulary import DOWNTIME_WEIGHT, STATE_WORDS, worst

UPTIME_DAYS = 90

# (start, end, status): a period in which a component was not operational.
Interval = tuple[dt.datetime, dt.datetime, str]


@dataclass(frozen=True)
class UptimeDay:
    date: dt.date
    status: str  # the worst status that day
    downtime: dt.timedelta  # weighted
    affected: dt.timedelta  # how long anything was not operational

    @property
    def text(self) -> str:
        return self._sentence(short_date_text(self.date))

    @property
    def html(self) -> Markup:
        """`text` escaped, its day in a <time> element."""
        mark = "\x00"  # holds the day's place while the sentence is escaped
        return escape(self._sentence(mark)).replace(mark, date_html(self.date, short_date_text(self.date)))

    def _sentence(self, day: str) -> str:
        if self.status == "operational":
            return gettext("%(day)s: no incidents", day=day)
        return gettext("%(day)s: %(state)s for %(duration)s", day=day, state=gettext(STATE_WORDS[self.status]),
                       duration=duration_text(self.affected))


def intervals_of(changes: Iterable[tuple[dt.datetime, str]], end: dt.datetime) -> list[Interval]:
    """A component's states over an event, [(since, state), ...] in time order, as the periods it was not
    operational, up to `end`."""
    steps = [(at, state) for at, state in changes if at < end]
    periods = []
    for (start, state), (stop, _) in zip(steps, steps[1:] + [(end, "")]):
        if state != "operational" and stop > start:
            periods.append((start, stop, state))
    return periods


def uptime_days(intervals: list[Interval], today: dt.date, zone: ZoneInfo) -> tuple[UptimeDay, ...]:
    """The last UPTIME_DAYS days in the site's zone, each with its worst status, downtime and affected time."""
    first = today - dt.timedelta(days=UPTIME_DAYS - 1)
    worst_of: dict[dt.date, str] = {}
    downtime: dict[dt.date, dt.timedelta] = defaultdict(dt.timedelta)
    affected: dict[dt.date, dt.timedelta] = defaultdict(dt.timedelta)
    for start, end, state in intervals:
        day = max(start.astimezone(zone).date(), first)
        while day <= min(end.astimezone(zone).date(), today):
            day_start = dt.datetime.combine(day, dt.time(), zone)
            overlap = min(end, day_start + dt.timedelta(days=1)) - max(start, day_start)
            if overlap > dt.timedelta():
                worst_of[day] = worst([worst_of.get(day, "operational"), state])
                downtime[day] += overlap * DOWNTIME_WEIGHT.get(state, 0.0)
                affected[day] += overlap
            day += dt.timedelta(days=1)
    one_day = dt.timedelta(days=1)
    return tuple(UptimeDay(d, worst_of.get(d, "operational"), min(downtime[d], one_day), min(affected[d], one_day))
                 for d in (first + dt.timedelta(days=i) for i in range(UPTIME_DAYS)))


def uptime_method() -> str:
    """How the uptime figures are counted, in words made from the weights that count them."""
    weights = sorted(DOWNTIME_WEIGHT.items(), key=lambda item: -item[1])
    (whole, _), (partial, share) = weights  # a major outage counts whole, a partial one in part
    return ngettext("How uptime is counted: over the past %(num)s day, a %(whole)s counts as down and a "
                    "%(partial)s counts as %(share)s down; slower service and planned maintenance count as up, though "
                    "the bars show them.",
                    "How uptime is counted: over the past %(num)s days, a %(whole)s counts as down and a "
                    "%(partial)s counts as %(share)s down; slower service and planned maintenance count as up, though "
                    "the bars show them.", UPTIME_DAYS, whole=gettext(STATE_WORDS[whole]),
                    partial=gettext(STATE_WORDS[partial]), share=percent_text(share))


def uptime_percent(days: tuple[UptimeDay, ...]) -> float:
    total = sum((d.downtime for d in days), dt.timedelta())
    return round(100 * (1 - total / dt.timedelta(days=UPTIME_DAYS)), 2)
