"""The public communication record: how well we kept customers informed over the last 90 days, from the same
incidents the linter reads. How soon the first public update came, how often a promised update came on time, and
how many resolved incidents got a postmortem, and how soon."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .index import EventView, StatusIndex

RECORD_DAYS = 90


@dataclass(frozen=True)
class CommunicationRecord:
    days: int
    incidents: int  # that started in the period
    first_update: dt.timedelta | None  # the median time from the start to the first public update
    timed_starts: int  # incidents whose start is known, which that median is taken over
    promises_kept: int  # promised next updates that came by the promised time
    promises_due: int  # promises whose time has come (a promise still ahead is not counted yet)
    postmortems: int  # resolved incidents with a published postmortem
    resolved: int
    postmortem_after: dt.timedelta | None  # the median time from resolution to the postmortem


def communication_record(status: StatusIndex) -> CommunicationRecord:
    since = status.now - dt.timedelta(days=RECORD_DAYS)
    incidents = [e for e in status.events if e.kind == "incident" and e.started_at >= since]
    timed = [e for e in incidents if e.start_known]
    kept, due = _promises(incidents, status.now)
    resolved = [e for e in incidents if e.resolved_at]
    with_postmortem = [e for e in resolved if e.postmortem]
    return CommunicationRecord(
        days=RECORD_DAYS, incidents=len(incidents), first_update=_median([e.acknowledged_after for e in timed]),
        timed_starts=len(timed), promises_kept=kept, promises_due=due, postmortems=len(with_postmortem),
        resolved=len(resolved),
        postmortem_after=_median([e.postmortem.published_at - e.resolved_at for e in with_postmortem]))


def _promises(incidents: Sequence[EventView], now: dt.datetime) -> tuple[int, int]:
    """(kept, due): each update's next_update_by against when the next update came, as the linter's
    stale-incident rule holds an open incident to it."""
    kept = due = 0
    for event in incidents:
        for update, following in zip(event.updates, [*event.updates[1:], None]):
            promised = update.next_update_by
            if promised is None or (following is None and promised > now):
                continue
            due += 1
            kept += following is not None and following.at <= promised
    return kept, due


def _median(spans: list[dt.timedelta]) -> dt.timedelta | None:
    return statistics.median(spans) if spans else None
