"""Every bad incident, maintenance or components file gets one exact, located sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import problems_for_site

COMPONENTS = """\
regions:
  - id: eu
    name: Europe
groups:
  - id: app
    name: App
    components:
      - id: web-app
        name: Web app
      - id: api
        name: API
"""

INCIDENT = """\
title: Web app is down
impact: major
components: [web-app]
regions: [eu]
updates:
  - at: 2026-11-23T09:00:00+00:00
    status: investigating
    author: Patty
    body: The web app does not load. We are on it.
  - at: 2026-11-23T09:30:00+00:00
    status: resolved
    author: Patty
    body: The web app works again.
"""

MAINTENANCE = """\
title: Database upgrade
scheduled_for: 2026-11-24T02:00:00+00:00
scheduled_until: 2026-11-24T03:00:00+00:00
components: [api]
updates:
  - at: 2026-11-20T10:00:00+00:00
    status: scheduled
    author: Bob
    body: We will upgrade the database.
"""


def status_problems(tmp_path: Path, *, components: str = COMPONENTS, incident: str = INCIDENT,
                    maintenance: str = MAINTENANCE, **extra: str) -> list[str]:
    files = {"incidents/components.yml": components, "incidents/web-down.yml": incident,
             "incidents/maintenance/db-upgrade.yml": maintenance}
    files.update({f"incidents/{name}": text for name, text in extra.items()})
    return problems_for_site(tmp_path, files)


def test_valid_status_files_load(tmp_path: Path) -> None:
    assert status_problems(tmp_path) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("2026-11-23T09:30:00+00:00", "2026-11-23T08:30:00+00:00",
                 "incidents/web-down.yml:10:9: updates[1].at: this update is dated before the one above it "
                 "(2026-11-23T09:00:00Z); list updates oldest first, or fix the time", id="updates-out-of-order"),
    pytest.param("    body: The web app works again.\n", "    body: The web app works again.\n"
                 "  - at: 2026-11-23T10:00:00+00:00\n    status: monitoring\n    author: Patty\n    body: Watching.\n",
                 "incidents/web-down.yml:15:13: updates[2].status: the incident was resolved in update 2; a later "
                 "update must be marked `correction: true`, or open a new incident", id="status-after-resolved"),
    pytest.param("    body: The web app works again.\n", "    body: The web app works again.\n"
                 "  - at: 2026-11-23T10:00:00+00:00\n    status: investigating\n    correction: true\n"
                 "    author: Patty\n    body: It is down again.\n",
                 "incidents/web-down.yml:15:13: updates[2].status: a correction does not reopen the incident "
                 "resolved in update 2; keep `status: resolved`, or open a new incident if the problem is back",
                 id="correction-reopening"),
    pytest.param("components: [web-app]", "components: [web-app, web-app]",
                 "incidents/web-down.yml:3:23: components[1]: 'web-app' is listed twice; list each component once",
                 id="component-listed-twice"),
    pytest.param("    status: investigating", "    status: monitoring",
                 "incidents/web-down.yml:7:13: updates[0].status: an incident opens with `investigating` or "
                 "`identified` (the public acknowledgement), not `monitoring`; add the acknowledgement first",
                 id="illegal-first-status"),
    pytest.param("components: [web-app]", "components: [web-ap]",
                 "incidents/web-down.yml:3:14: components[0]: 'web-ap' is not a declared component; did you mean "
                 "'web-app'?", id="unknown-component"),
    pytest.param("regions: [eu]", "regions: [mars]",
                 "incidents/web-down.yml:4:11: regions[0]: 'mars' is not a declared region; declare it in "
                 "components.yml first", id="unknown-region"),
    pytest.param("    author: Patty\n    body: The web app does not", "    author: Patty\n    components:\n"
                 "      api: major_outage\n    body: The web app does not",
                 "incidents/web-down.yml:10:7: updates[0].components.api: 'api' is not among this incident's "
                 "components; add it to `components` at the top", id="update-names-another-component"),
    pytest.param("impact: major", "impact: huge",
                 "incidents/web-down.yml:2:9: impact: 'huge' is not allowed; write one of 'none', 'minor', "
                 "'major' or 'critical'", id="unknown-impact"),
    pytest.param("    status: investigating", "    status: investigatin",
                 "incidents/web-down.yml:7:13: updates[0].status: 'investigatin' is not allowed; write one of "
                 "'investigating', 'identified', 'monitoring' or 'resolved'", id="unknown-status"),
    pytest.param("  - at: 2026-11-23T09:30:00+00:00", "  - at: 2026-11-23T13:30:00+00:00",
                 "incidents/web-down.yml:10:9: updates[1].at: this time is in the future (the build clock reads "
                 "2026-11-23T12:00:00Z); fix the date, or publish it when it is due", id="future-update"),
    pytest.param("  - at: 2026-11-23T09:00:00+00:00", "  - at: 2026-11-23T09:00:00",
                 "incidents/web-down.yml:6:9: updates[0].at: '2026-11-23T09:00:00' has no UTC offset; add one, "
                 "like 2026-11-23T14:05:00+01:00", id="naive-time"),
    pytest.param("    body: The web app does not load. We are on it.", "    body: \"\"",
                 "incidents/web-down.yml:9:11: updates[0].body: is empty; write the text", id="empty-body"),
    pytest.param("  - at: 2026-11-23T09:00:00+00:00", "  - at: yesterday morning",
                 "incidents/web-down.yml:6:9: updates[0].at: expected a date and time with its UTC offset, found "
                 "'yesterday morning'; write it like 2026-11-23T14:05:00+01:00", id="not-a-time"),
])
def test_bad_incident_is_reported_with_its_position(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in INCIDENT
    assert status_problems(tmp_path, incident=INCIDENT.replace(old, new, 1)) == [expected]


def test_incident_without_updates_is_reported(tmp_path: Path) -> None:
    incident = INCIDENT[:INCIDENT.index("updates:")] + "updates: []\n"
    assert status_problems(tmp_path, incident=incident) == [
        "incidents/web-down.yml:5:10: updates: needs at least 1 item(s); add one"]


def test_empty_incident_file_is_reported(tmp_path: Path) -> None:
    assert status_problems(tmp_path, incident="") == [
        "incidents/web-down.yml:1:1: the file is empty; expected fields like `name: value`"]


def test_maintenance_ending_before_it_starts_is_reported(tmp_path: Path) -> None:
    maintenance = MAINTENANCE.replace("scheduled_until: 2026-11-24T03:00", "scheduled_until: 2026-11-24T01:00")
    assert status_problems(tmp_path, maintenance=maintenance) == [
        "incidents/maintenance/db-upgrade.yml:3:18: scheduled_until: the maintenance ends before it starts "
        "(2026-11-24T02:00:00+00:00); make scheduled_until later than scheduled_for"]


def test_maintenance_moving_backwards_is_reported(tmp_path: Path) -> None:
    maintenance = MAINTENANCE + ("  - at: 2026-11-21T10:00:00+00:00\n    status: in_progress\n    author: Bob\n"
                                 "    body: Started early.\n  - at: 2026-11-21T11:00:00+00:00\n"
                                 "    status: scheduled\n    author: Bob\n    body: Back to plan.\n")
    assert status_problems(tmp_path, maintenance=maintenance) == [
        "incidents/maintenance/db-upgrade.yml:15:13: updates[2].status: `scheduled` cannot follow `in_progress`; "
        "maintenance moves through scheduled, in_progress, verifying, completed"]


def test_duplicate_ids_across_incidents_and_maintenance(tmp_path: Path) -> None:
    extra = {"maintenance/web-down.yml": MAINTENANCE}
    assert status_problems(tmp_path, **extra) == [
        "incidents/maintenance/web-down.yml:1:1: the id 'web-down' is already used by incidents/web-down.yml; ids "
        "come from file names and must be unique, so rename one of the files"]


def test_same_id_with_yml_and_yaml_extensions(tmp_path: Path) -> None:
    assert status_problems(tmp_path, **{"web-down.yaml": INCIDENT}) == [
        "incidents/web-down.yml:1:1: the id 'web-down' is already used by incidents/web-down.yaml; ids come from "
        "file names and must be unique, so rename one of the files"]


def test_file_name_that_is_not_an_id(tmp_path: Path) -> None:
    assert status_problems(tmp_path, **{"Web Down.yml": INCIDENT}) == [
        "incidents/Web Down.yml:1:1: the file name 'Web Down.yml' does not make a valid id; rename it with "
        "lowercase letters, digits and dashes, like 2026-11-20-card-payments.yml"]


def test_postmortem_before_resolution_is_reported(tmp_path: Path) -> None:
    incident = INCIDENT.replace("    status: resolved", "    status: monitoring") + (
        "postmortem:\n  published_at: 2026-11-23T11:00:00+00:00\n  author: Patty\n  apology: Sorry.\n"
        "  cause: A bad deploy.\n  prevention: Canary deploys.\n")
    assert status_problems(tmp_path, incident=incident) == [
        "incidents/web-down.yml:15:3: postmortem: a postmortem follows a resolved incident; resolve the incident "
        "first, or remove the postmortem until then"]


def test_missing_components_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "incidents").mkdir()
    assert problems_for_site(tmp_path, {}) == [
        "incidents/components.yml:1:1: this file is missing; declare the components the status page reports on "
        "in it (see the authoring guide)"]


def test_component_declared_twice_is_reported(tmp_path: Path) -> None:
    components = COMPONENTS.replace("      - id: api", "      - id: web-app")
    assert status_problems(tmp_path, components=components, maintenance=MAINTENANCE.replace("[api]", "[web-app]")) == [
        "incidents/components.yml:10:13: groups[0].components[1].id: the id 'web-app' is declared twice; give each "
        "region, group and component its own id"]


def test_a_site_without_an_incidents_folder_has_no_status(tmp_path: Path) -> None:
    assert problems_for_site(tmp_path, {}) == []


def test_maintenance_completed_before_its_window_is_reported(tmp_path: Path) -> None:
    maintenance = MAINTENANCE + ("  - at: 2026-11-21T10:00:00+00:00\n    status: completed\n    author: Bob\n"
                                 "    body: Done.\n")
    assert status_problems(tmp_path, maintenance=maintenance) == [
        "incidents/maintenance/db-upgrade.yml:10:9: updates[1].at: the maintenance is marked completed before its "
        "window opens (2026-11-24T02:00:00Z); fix the time, or move `scheduled_for`"]


def test_a_component_cannot_take_the_overall_badges_id(tmp_path: Path) -> None:
    components = COMPONENTS.replace("      - id: api", "      - id: status")
    assert status_problems(tmp_path, components=components, maintenance=MAINTENANCE.replace("[api]", "[status]")) == [
        "incidents/components.yml:10:13: groups[0].components[1].id: the id 'status' is taken by the overall status "
        "badge (badges/status.svg); choose another id"]


def test_a_region_or_group_may_be_called_status(tmp_path: Path) -> None:
    components = COMPONENTS.replace("regions:\n", "regions:\n  - id: status\n    name: Status region\n").replace(
        "groups:\n", "groups:\n  - id: status-group\n    name: Other\n    components:\n"
        "      - id: other\n        name: Other\n")
    assert status_problems(tmp_path, components=components) == []
    components = components.replace("id: status-group", "id: status").replace("  - id: status\n    name: Status "
                                                                               "region\n", "")
    assert status_problems(tmp_path, components=components) == []
