"""The plain-words answer at the top of the hub and status page and in the banner (status/summary.py): what is
affected and how, for whom, what to do now and when we speak next, worked out alike for every kind of event."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import problems_for_site
from markupsafe import escape
from supporttab.core.markdown import MarkdownRenderer
from supporttab.status.summary import NO_WORKAROUND, summarize
from test_overall_status import status_index
from test_status_errors import COMPONENTS, MAINTENANCE

OPEN = """\
title: Web app and API failing
impact: major
components: [web-app, api]
{extra}updates:
  - at: 2026-11-23T09:00:00+00:00
    status: identified
    author: Patty
    components:
      web-app: major_outage
      api: degraded_performance
{promise}    body: We know why and are fixing it.
"""


RESOLVED = OPEN.format(extra="", promise="") + """\
  - at: 2026-11-23T10:00:00+00:00
    status: resolved
    author: Patty
    body: Both work again.
"""


def summary_of(tmp_path: Path, extra: str = "", promise: str = ""):
    return summarize(status_index(tmp_path, OPEN.format(extra=extra, promise=promise),
                                  render=MarkdownRenderer().render))


def test_what_is_affected_worst_first_and_for_whom(tmp_path: Path) -> None:
    summary = summary_of(tmp_path, extra="regions: [eu]\n")
    notice = summary.single
    assert summary.headline == notice.what == "Web app: not working; API: slower than usual"
    assert (summary.tone, summary.severity) == ("critical", "Outage")
    assert notice.who == "Only customers in: Europe"
    assert notice.progress == "We have found the cause and are fixing it."
    assert summary_of(tmp_path / "everyone").single.who == "Customers in every region"


@pytest.mark.parametrize(("promise", "due", "overdue"), [
    ("    next_update_by: 2026-11-23T12:30:00+00:00\n", "2026-11-23T12:30:00+00:00", False),  # built at 12:00
    ("    next_update_by: 2026-11-23T11:30:00+00:00\n", "2026-11-23T11:30:00+00:00", True),
    ("", None, False),
])
def test_the_next_update_is_a_promise_until_it_is_missed(tmp_path: Path, promise: str, due: str | None,
                                                        overdue: bool) -> None:
    summary = summary_of(tmp_path, promise=promise)
    notice = summary.single
    assert (notice.next_update.isoformat() if notice.next_update else None, notice.overdue) == (due, overdue)
    assert summary.overdue is overdue


def test_a_workaround_is_rendered_markdown_with_raw_html_shown_as_text(tmp_path: Path) -> None:
    notice = summary_of(tmp_path, extra="workaround: |\n  Use the **API** <script>alert(1)</script>\n").single
    assert str(notice.todo) == "<p>Use the <strong>API</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert str(summary_of(tmp_path / "none").single.todo) == f"<p>{NO_WORKAROUND}</p>"


def test_maintenance_in_progress_says_until_when(tmp_path: Path) -> None:
    running = MAINTENANCE.replace("2026-11-24T02:00", "2026-11-23T11:00").replace("2026-11-24T03:00",
                                                                                   "2026-11-23T13:00")
    summary = summarize(status_index(tmp_path, RESOLVED, maintenance=running))
    notice = summary.single
    assert (summary.tone, summary.severity, summary.headline) == ("maintenance", "Planned maintenance",
                                                                  "Planned maintenance: API")
    assert notice.next_update.isoformat() == "2026-11-23T13:00:00+00:00" and not notice.overdue


def test_all_clear_has_no_notices(tmp_path: Path) -> None:
    summary = summarize(status_index(tmp_path, RESOLVED))
    assert (summary.tone, summary.severity, summary.headline, summary.notices) == (
        "good", "All working", "Everything is working normally", ())


@pytest.mark.parametrize(("value", "expected"), [
    ('""', "incidents/web-down.yml:4:13: workaround: is empty; write the text"),
    ("[use the API]", "incidents/web-down.yml:4:13: workaround: expected text, found a list; write the text"),
])
def test_a_bad_workaround_is_a_located_sentence(tmp_path: Path, value: str, expected: str) -> None:
    incident = OPEN.format(extra=f"workaround: {value}\n", promise="")
    problems = problems_for_site(tmp_path, {"incidents/components.yml": COMPONENTS, "incidents/web-down.yml": incident})
    assert problems == [expected]


def test_an_earlier_promise_stands_until_an_update_comes_after_its_time(tmp_path: Path) -> None:
    """As the linter's stale-incident rule reads it: an update without a promise leaves the earlier one standing."""
    later = OPEN.format(extra="", promise="    next_update_by: 2026-11-23T11:00:00+00:00\n") + """\
  - at: 2026-11-23T10:00:00+00:00
    status: identified
    author: Patty
    body: Still on it.
"""
    notice = summarize(status_index(tmp_path / "a", later)).single
    assert (notice.next_update.isoformat(), notice.overdue) == ("2026-11-23T11:00:00+00:00", True)
    kept = later.replace("2026-11-23T10:00:00+00:00", "2026-11-23T11:30:00+00:00")  # came after the promise
    assert summarize(status_index(tmp_path / "b", kept)).single.next_update is None


IN_PROGRESS = """\
title: Database upgrade
scheduled_for: 2026-11-23T08:00:00+00:00
scheduled_until: 2026-11-23T23:00:00+00:00
components: [api]
updates:
  - at: 2026-11-23T08:00:00+00:00
    status: in_progress
    author: Bob
    body: We are upgrading the database.
"""


@pytest.mark.parametrize(("language", "mark"), [("en", "; "), ("de", "; "), ("fr", "\u202f; "), ("es", "; "),
                                                ("ar", "\u061b ")])
def test_statements_one_after_another_are_separated_by_the_languages_own_mark(tmp_path: Path, language: str,
                                                                            mark: str) -> None:
    """What each event says, and each component state inside it, are separate statements, not a list: each
    language separates them with its own mark (Arabic's semicolon, French's space before it), in text and HTML."""
    from supporttab.core.i18n import load_language, use_language

    index = status_index(tmp_path, OPEN.format(extra="", promise=""), maintenance=IN_PROGRESS,
                         render=MarkdownRenderer().render)
    with use_language(load_language(language)):
        summary = summarize(index)
        html = str(summary.headline_html)  # made where a page shows it, in its language
    assert len(summary.notices) == 2
    incident, maintenance = (notice.what for notice in summary.notices)
    assert incident.count(mark) == 1 and summary.headline == f"{incident}{mark}{maintenance}"
    assert html == str(escape(summary.headline))
    if mark != "; ":
        assert "; " not in summary.headline.replace(mark, "")
