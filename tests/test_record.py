"""The public communication record (status/record.py): first public update, promises kept, postmortems, over the
last 90 days, from the same incidents the linter reads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from supporttab.status.record import communication_record
from test_overall_status import status_index
from test_status_pages import read, text_of

KEPT_LATE_PENDING = """\
title: Web app failing
impact: major
started_at: 2026-11-23T07:50:00+00:00
components: [web-app]
updates:
  - at: 2026-11-23T08:00:00+00:00
    status: investigating
    author: Patty
    next_update_by: 2026-11-23T08:30:00+00:00
    body: The web app does not load. We are on it; more by 08:30.
  - at: 2026-11-23T08:30:00+00:00
    status: identified
    author: Patty
    next_update_by: 2026-11-23T09:00:00+00:00
    body: We know why. More by 09:00.
  - at: 2026-11-23T09:20:00+00:00
    status: monitoring
    author: Patty
    next_update_by: {promise}
    body: A fix is in.
"""


def record_of(tmp_path: Path, promise: str, started: str = "2026-11-23T07:50:00+00:00"):
    incident = KEPT_LATE_PENDING.format(promise=promise).replace(
        "started_at: 2026-11-23T07:50:00+00:00\n", f"started_at: {started}\n" if started else "")
    return communication_record(status_index(tmp_path, incident))


def test_a_promise_counts_once_its_time_has_come(tmp_path: Path) -> None:
    # built at 12:00: kept on the minute, 20 minutes late, and one still ahead (not counted yet)
    pending = record_of(tmp_path / "a", "2026-11-23T13:00:00+00:00")
    assert (pending.promises_kept, pending.promises_due) == (1, 2)
    missed = record_of(tmp_path / "b", "2026-11-23T11:00:00+00:00")  # passed with no update since
    assert (missed.promises_kept, missed.promises_due) == (1, 3)


def test_first_update_counts_only_incidents_with_a_recorded_start(tmp_path: Path) -> None:
    record = record_of(tmp_path / "a", "2026-11-23T13:00:00+00:00")
    assert (record.first_update, record.timed_starts, record.incidents) == (dt.timedelta(minutes=10), 1, 1)
    unknown = record_of(tmp_path / "b", "2026-11-23T13:00:00+00:00", started="")
    assert (unknown.first_update, unknown.timed_starts, unknown.incidents) == (None, 0, 1)


def test_an_incident_older_than_90_days_is_left_out(tmp_path: Path) -> None:
    old = KEPT_LATE_PENDING.format(promise="2026-08-01T13:00:00+00:00").replace("2026-11-23T", "2026-08-01T")
    record = communication_record(status_index(tmp_path, old))
    assert (record.incidents, record.promises_due, record.first_update) == (0, 0, None)


def test_the_status_page_shows_the_examples_record(built_example: Path) -> None:
    html = read(built_example, "status/index.html")
    record = text_of(html[html.index('<h2 id="record"'):html.index("</dl>", html.index('id="record"'))])
    assert record == (
        "How we kept you informed Over the past 90 days: 2 incidents. "
        "First public update a median of 12 minutes after a problem started (1 incident with a recorded start) "
        "Promised updates on time 5 of 6 (83%) "  # the PDF incident's 09:00 promise was missed
        "Postmortems published 1 of 1 resolved incident, a median of 1 day 4 hours after the incident was resolved")
    assert re.search(r'<dl class="st-facts st-record">', html)
