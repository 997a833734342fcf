"""The overall status Statuspage clients read: indicator and description always tell the same story."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import MINIMAL_HUB, NOW
from markupsafe import escape
from supporttab.config import Options
from supporttab.core.urls import site_info
from supporttab.site import load_site
from supporttab.status.index import build_status_index
from supporttab.status.statuspage import api_files
from supporttab.status.summary import summarize
from supporttab.status.uptime import UPTIME_DAYS
from test_status_errors import COMPONENTS, INCIDENT, MAINTENANCE

OPEN = INCIDENT[:INCIDENT.index("  - at: 2026-11-23T09:30")]  # acknowledged, not resolved


def status_index(tmp_path: Path, incident: str, maintenance: str = MAINTENANCE, render=escape):
    """The status index of a small site holding `incident` beside the components and a maintenance."""
    files = {"content/hub.yml": MINIMAL_HUB, "content/articles/reset-password.md": "# Reset\n",
             "incidents/components.yml": COMPONENTS, "incidents/web-down.yml": incident,
             "incidents/maintenance/db-upgrade.yml": maintenance}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = load_site(tmp_path, tmp_path / "content", Options(), NOW)
    return build_status_index(data.status, now=NOW, zone=ZoneInfo("UTC"), render=render)


def overall(tmp_path: Path, incident: str) -> tuple[str, str, str, str]:
    """What the API says (indicator, description) and what the pages say (tone, headline), which must agree."""
    index = status_index(tmp_path, incident)
    summary = summarize(index)
    return index.indicator, index.description, summary.tone, summary.headline


@pytest.mark.parametrize(("impact", "state", "expected"), [
    ("major", None, ("major", "Partial System Outage", "major", "Web app: partly not working")),  # the
    # impact marks the incident's components until an update says otherwise
    ("none", None, ("none", "All Systems Operational", "good", "Web app is down")),  # a notice: its title
    ("minor", "degraded_performance", ("minor", "Partially Degraded Service", "minor", "Web app: slower than usual")),
    ("none", "major_outage", ("critical", "Major System Outage", "critical", "Web app: not working")),
    ("critical", "degraded_performance", ("critical", "Major System Outage", "critical",
                                          "Web app: slower than usual")),
])
def test_the_api_and_the_plain_words_summary_agree(tmp_path: Path, impact: str, state: str | None,
                                                   expected: tuple[str, str, str, str]) -> None:
    incident = OPEN.replace("impact: major", f"impact: {impact}")
    if state:
        incident = incident.replace("    author: Patty\n",
                                    f"    author: Patty\n    components:\n      web-app: {state}\n")
    assert overall(tmp_path, incident) == expected


def test_all_clear_once_resolved(tmp_path: Path) -> None:
    assert overall(tmp_path, INCIDENT) == ("none", "All Systems Operational", "good", "Everything is working normally")


STORY = """\
title: Web app and API failing
impact: major
started_at: 2026-11-23T08:00:00+00:00
components: [web-app, api]
updates:
  - at: 2026-11-23T09:00:00+00:00
    status: investigating
    author: Patty
    components:
      web-app: major_outage
    body: The web app does not load and the API is slow. We are on it.
  - at: 2026-11-23T10:00:00+00:00
    status: monitoring
    author: Patty
    components:
      api: operational
    body: The API works again; the web app is still down.
  - at: 2026-11-23T11:00:00+00:00
    status: resolved
    author: Patty
    components:
      web-app: operational
    body: Both work again.
"""


def test_uptime_and_the_api_tell_one_story_of_each_component(tmp_path: Path) -> None:
    """The acknowledgement sets every affected component (what it names, else what the impact implies) from the
    moment customers were affected; the API's old and new states and the uptime record both follow from that."""
    index = status_index(tmp_path, STORY)
    api = json.loads(api_files(index, site_info("Acme", None))["api/v2/incidents.json"])
    changes = [[(c["code"], c["old_status"], c["new_status"]) for c in update["affected_components"]]
               for update in reversed(api["incidents"][0]["incident_updates"])]
    assert changes == [[("web-app", "operational", "major_outage"), ("api", "operational", "partial_outage")],
                       [("api", "partial_outage", "operational")],
                       [("web-app", "major_outage", "operational")]]
    today = {c.id: c.uptime[-1] for c in index.components}
    assert (today["web-app"].status, today["web-app"].affected.total_seconds()) == ("major_outage", 3 * 3600)
    assert (today["api"].status, today["api"].affected.total_seconds()) == ("partial_outage", 2 * 3600)
    percent = {c.id: c.uptime_percent for c in index.components}  # a major outage counts whole, a partial one 0.3
    assert percent["web-app"] == round(100 * (1 - 3 * 3600 / (UPTIME_DAYS * 86400)), 2)
    assert percent["api"] == round(100 * (1 - 0.3 * 2 * 3600 / (UPTIME_DAYS * 86400)), 2)
