"""The build clock: two builds of the same inputs with the same SOURCE_DATE_EPOCH write byte-identical sites,
and that instant, not the wall clock, decides what is in the future, in progress or over."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import copy_example_site, run_mkdocs_build


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_same_inputs_and_clock_give_a_byte_identical_site(tmp_path: Path) -> None:
    first = copy_example_site(tmp_path / "first")
    second = copy_example_site(tmp_path / "second")
    assert run_mkdocs_build(first).returncode == 0
    assert run_mkdocs_build(second).returncode == 0
    one, two = snapshot(first / "site"), snapshot(second / "site")
    assert len(one) > 50
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def epoch(moment: str) -> str:
    return str(int(dt.datetime.fromisoformat(moment).timestamp()))


def test_the_build_clock_is_source_date_epoch_not_the_wall_clock(site: Path, monkeypatch) -> None:
    # Before the example's newest incident began, its updates lie in the future of the build clock.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-11-21T12:00:00+00:00"))
    early = run_mkdocs_build(site)
    assert early.returncode == 1
    assert "this time is in the future (the build clock reads 2026-11-21T12:00:00Z)" in early.stderr


def test_maintenance_in_progress_then_completed_as_the_clock_moves(site: Path, monkeypatch) -> None:
    migration = "2027-01-10-payment-provider-migration"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2027-01-10T01:30:00+00:00"))  # inside its window
    assert run_mkdocs_build(site).returncode == 0
    active = json.loads((site / "site/api/v2/scheduled-maintenances/active.json").read_text(encoding="utf-8"))
    assert [(m["id"], m["status"]) for m in active["scheduled_maintenances"]] == [(migration, "in_progress")]
    assert {c["status"] for c in active["scheduled_maintenances"][0]["components"]} == {"under_maintenance"}
    banner = (site / "site/articles/reset-password/index.html").read_text(encoding="utf-8")
    assert "Planned maintenance: Card payments" in banner  # beside the PDF incident, still open: both in one line
    status = (site / "site/status/index.html").read_text(encoding="utf-8")
    assert f'href="../incidents/{migration}/"' in status

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2027-02-01T12:00:00+00:00"))  # long after it
    assert run_mkdocs_build(site).returncode == 0
    every = json.loads((site / "site/api/v2/scheduled-maintenances.json").read_text(encoding="utf-8"))
    assert [(m["id"], m["status"]) for m in every["scheduled_maintenances"]][0] == (migration, "completed")
    assert json.loads((site / "site/api/v2/scheduled-maintenances/upcoming.json").read_text(
        encoding="utf-8"))["scheduled_maintenances"] == []
