"""The overall status Statuspage clients read: indicator and description always tell the same story."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape

from conftest import MINIMAL_HUB, NOW
from supporttab.config import Options
from supporttab.site import load_site
from supporttab.status.index import build_status_index
from test_status_errors import COMPONENTS, INCIDENT, MAINTENANCE

OPEN = INCIDENT[:INCIDENT.index("  - at: 2026-11-23T09:30")]  # acknowledged, not resolved


def overall(tmp_path: Path, incident: str) -> tuple[str, str, str]:
    files = {"content/hub.yml": MINIMAL_HUB, "content/articles/reset-password.md": "# Reset\n",
             "incidents/components.yml": COMPONENTS, "incidents/web-down.yml": incident,
             "incidents/maintenance/db-upgrade.yml": MAINTENANCE}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = load_site(tmp_path, tmp_path / "content", Options(), NOW)
    index = build_status_index(data.status, now=NOW, zone=ZoneInfo("UTC"), render=escape)
    return index.indicator, index.description, index.sentence


@pytest.mark.parametrize(("impact", "state", "expected"), [
    ("major", None, ("major", "Partial System Outage", "Partial System Outage: Web app (partial outage).")),  # the
    # impact marks the incident's components until an update says otherwise
    ("none", None, ("none", "All Systems Operational", "All systems are working normally.")),  # a notice
    ("minor", "degraded_performance", ("minor", "Partially Degraded Service",
                                       "Partially Degraded Service: Web app (degraded performance).")),
    ("none", "major_outage", ("critical", "Major System Outage", "Major System Outage: Web app (major outage).")),
    ("critical", "degraded_performance", ("critical", "Major System Outage",
                                          "Major System Outage: Web app (degraded performance).")),
])
def test_indicator_description_and_sentence_agree(tmp_path: Path, impact: str, state: str | None,
                                                  expected: tuple[str, str, str]) -> None:
    incident = OPEN.replace("impact: major", f"impact: {impact}")
    if state:
        incident = incident.replace("    author: Patty\n",
                                    f"    author: Patty\n    components:\n      web-app: {state}\n")
    assert overall(tmp_path, incident) == expected


def test_all_clear_once_resolved(tmp_path: Path) -> None:
    assert overall(tmp_path, INCIDENT) == ("none", "All Systems Operational", "All systems are working normally.")
