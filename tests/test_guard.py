"""The history guard on real git repositories: published updates never change; appending is fine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_cli import run

CARD = "incidents/2026-11-20-card-payments-failing.yml"
PDF = "incidents/2026-11-22-slow-pdf-exports.yml"


def git(site: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=site,
                   check=True, capture_output=True)


@pytest.fixture
def published(site: Path) -> Path:
    """The example site as a git repository whose last commit is what is published."""
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "published")
    return site


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def guard_errors(site: Path) -> list[str]:
    result = run(site, "check", "--since", "HEAD")
    return [line for line in result.stdout.splitlines() if "[published-history]" in line]


PDF_LAST = ("  - at: 2026-11-22T15:40:00+00:00\n    status: monitoring\n    author: patty\n")


def test_nothing_changed_nothing_to_say(published: Path) -> None:
    result = run(published, "check", "--since", "HEAD")
    assert result.returncode == 0 and "[published-history]" not in result.stdout


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("Invoice PDFs and data exports take several minutes", "Some PDFs take a little longer",
     f"{PDF}:8:5: error: update 1 (published at HEAD) changed its body; published updates never change: undo the "
     "edit and add a new update with `correction: true` [published-history]"),
    ("  - at: 2026-11-22T14:10:00+00:00", "  - at: 2026-11-22T14:30:00+00:00",
     f"{PDF}:8:5: error: update 1 (published at HEAD) changed its at; published updates never change: undo the edit "
     "and add a new update with `correction: true` [published-history]"),
    ("    status: identified", "    status: investigating",
     f"{PDF}:18:5: error: update 2 (published at HEAD) changed its status; published updates never change: undo the "
     "edit and add a new update with `correction: true` [published-history]"),
    ("    author: bob\n    next_update_by: 2026-11-22T16:00", "    author: patty\n    next_update_by: 2026-11-22T16:00",
     f"{PDF}:18:5: error: update 2 (published at HEAD) changed its author; published updates never change: undo the "
     "edit and add a new update with `correction: true` [published-history]"),
], ids=["body", "time", "status", "author"])
def test_a_changed_published_update_is_refused(published: Path, old: str, new: str, expected: str) -> None:
    edit(published, PDF, old, new)
    assert guard_errors(published) == [expected]
    assert run(published, "check", "--since", "HEAD").returncode == 1


def test_a_deleted_update_is_refused(published: Path) -> None:
    text = (published / PDF).read_text(encoding="utf-8")
    (published / PDF).write_text(text[:text.index(PDF_LAST)], encoding="utf-8")
    assert guard_errors(published) == [
        f"{PDF}:8:3: error: update 3 (published at HEAD) was deleted; published updates stay: put it back, and add a "
        "correction update instead [published-history]"]


def test_reordered_updates_are_refused(published: Path) -> None:
    text = (published / PDF).read_text(encoding="utf-8")
    first_start = text.index("  - at: 2026-11-22T14:10")
    second_start = text.index("  - at: 2026-11-22T14:52")
    third_start = text.index("  - at: 2026-11-22T15:40")
    swapped = (text[:first_start] + text[second_start:third_start] + text[first_start:second_start]
               + text[third_start:])
    (published / PDF).write_text(swapped.replace("2026-11-22T14:52", "2026-11-22T14:09", 1), encoding="utf-8")
    errors = guard_errors(published)
    assert errors[0].startswith(f"{PDF}:8:5: error: update 1 (published at HEAD) moved to position 2; keep published "
                                "updates in their order")


def test_a_removed_or_renamed_incident_is_refused(published: Path) -> None:
    (published / CARD).rename(published / "incidents" / "2026-11-20-payments.yml")
    assert guard_errors(published) == [
        f"{CARD}:1:1: error: this file was published at HEAD and is now removed or renamed; published incidents "
        "stay: restore it, and add a correction update if something in it was wrong [published-history]"]


def test_the_guard_reads_only_the_files_that_changed_since_the_base(published: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """At thousands of incidents an update merge touches one file: the guard must not read every published one."""
    from supporttab.authoring import guard

    for number in range(20):  # published and untouched
        shutil.copy2(published / PDF, published / "incidents" / f"2026-10-{number + 1:02d}-old-incident.yml")
    git(published, "add", "-A")
    git(published, "commit", "-qm", "twenty more published incidents")
    read_from_git: list[str] = []
    parse_yaml = guard.parse_yaml
    monkeypatch.setattr(guard, "parse_yaml", lambda text, shown: read_from_git.append(shown) or parse_yaml(text, shown))
    edit(published, PDF, "Invoice PDFs and data exports take several minutes", "Some PDFs take a little longer")
    git(published, "commit", "-qam", "an edit to a published update, merged")
    shutil.copy2(published / CARD, published / "incidents" / "2026-11-29-new-incident.yml")  # new: nothing to guard
    edit(published, "incidents/2026-10-01-old-incident.yml", "  - at: 2026-11-22T14:10", "  - at: 2026-11-22T14:20")
    (published / "incidents" / "2026-10-02-old-incident.yml").unlink()  # uncommitted, as a local check sees them
    errors = [line.split(": error: ")[0] for line in run(published, "check", "--since", "HEAD~1").stdout.splitlines()
              if "[published-history]" in line]
    assert errors == ["incidents/2026-10-01-old-incident.yml:8:5", "incidents/2026-10-02-old-incident.yml:1:1",
                      f"{PDF}:8:5"]
    assert sorted(read_from_git) == ["incidents/2026-10-01-old-incident.yml", PDF]


def test_appending_updates_corrections_and_postmortems_is_fine(published: Path) -> None:
    appended = run(published, "update", "2026-11-22-slow-pdf-exports", "--status", "resolved", "--author", "bob",
                   "Every export from the backlog has arrived, and new exports take seconds again.")
    assert appended.returncode == 0, appended.stderr
    corrected = run(published, "update", "2026-11-20-card-payments-failing", "--status", "resolved", "--correction",
                    "--author", "patty", "Correction: the outage began at 08:52, not 09:04 as we first wrote.")
    assert corrected.returncode == 0, corrected.stderr
    postmortem = run(published, "postmortem", "2026-11-22-slow-pdf-exports", "--author", "patty", "--apology",
                     "We are sorry: your exports took hours instead of seconds.", "--cause", "@/dev/null", "--prevention",
                     "Export servers now warn us at 70% disk, long before they fill up, and clean up old files daily.")
    assert postmortem.returncode == 2  # an empty cause is refused before anything is written
    assert postmortem.stderr == "supporttab: your cause is empty; write the text\n"
    postmortem = run(published, "postmortem", "2026-11-22-slow-pdf-exports", "--author", "patty", "--apology",
                     "We are sorry: your exports took hours instead of seconds.", "--cause", "A year-end backlog "
                     "filled the disk of one export server, and we had no alert for it.", "--prevention",
                     "Export servers now warn us at 70% disk, long before they fill up, and clean up old files daily.")
    assert postmortem.returncode == 0, postmortem.stderr
    assert guard_errors(published) == []
    git(published, "commit", "-qam", "updates")
    resolved = run(published, "check", "--since", "HEAD~1")
    assert resolved.returncode == 0 and "[published-history]" not in resolved.stdout


def test_an_unknown_revision_is_a_usage_error(published: Path) -> None:
    result = run(published, "check", "--since", "origin/main")
    assert result.returncode == 2
    assert result.stderr == ("supporttab: 'origin/main' is not a git revision here; fetch it first (for a pull "
                             "request: git fetch origin main)\n")


def test_a_published_postmortem_is_held_to_the_same_rule(published: Path) -> None:
    text = (published / CARD).read_text(encoding="utf-8")
    line = text[:text.index("postmortem:")].count("\n") + 1
    edit(published, CARD, "  apology: |\n", "  apology: |\n    Apologies for any inconvenience.\n")
    assert guard_errors(published) == [
        f"{CARD}:{line}:1: error: the postmortem (published at HEAD) changed its apology; published text never "
        "changes: undo the edit and add a correction update [published-history]"]
    (published / CARD).write_text(text[:text.index("postmortem:")], encoding="utf-8")
    assert guard_errors(published) == [
        f"{CARD}:2:1: error: the postmortem (published at HEAD) was deleted; put it back, and add a correction "
        "update if something in it was wrong [published-history]"]


def test_the_publish_workflow_refuses_a_push_that_rewrote_history(published: Path) -> None:
    import os
    import sys

    import yaml
    from conftest import REPO

    workflow = yaml.load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    steps = workflow["jobs"]["build"]["steps"]
    script = next(step["run"] for step in steps if "supporttab check" in step.get("run", ""))
    before = subprocess.run(["git", "rev-parse", "HEAD"], cwd=published, capture_output=True, text=True).stdout.strip()
    edit(published, PDF, "Invoice PDFs and data exports take several minutes", "Some PDFs take a little longer")
    git(published, "commit", "-qam", "a direct push to main")

    def step(before_sha: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "BEFORE": before_sha, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.run(["bash", "-e", "-c", script], cwd=published, capture_output=True, text=True, env=env)

    pushed = step(before)
    assert pushed.returncode == 1
    assert "update 1 (published at " in pushed.stdout and "changed its body" in pushed.stdout
    manual = step("")  # a manual run, or the first push: nothing to compare with
    assert manual.returncode == 0
    assert manual.stdout.startswith("::warning::No published commit of main to compare with")


MIGRATION = "incidents/maintenance/2027-01-10-payment-provider-migration.yml"
UPGRADE = "incidents/maintenance/2026-11-15-database-upgrade.yml"
FACT = ("error: `{name}` (published at HEAD) changed; published facts never change: undo the edit, and add an update "
        "with `correction: true` that says what was wrong{extra} [published-history]")
GROWS = " (a component or region may be added at the end)"


@pytest.mark.parametrize(("name", "file", "old", "new", "at"), [
    ("title", CARD, "title: Card payments failing for customers in the UK and EU", "title: Card payments were slow",
     "2:1"),
    ("impact", CARD, "impact: major", "impact: minor", "3:1"),
    ("source", CARD, "source: external", "source: internal", "4:1"),
    ("started_at", CARD, "started_at: 2026-11-20T08:52:00+00:00", "started_at: 2026-11-20T09:00:00+00:00", "5:1"),
    ("components", CARD, "components: [card-payments, invoice-emails]", "components: [card-payments]", "6:1"),
    ("regions", CARD, "regions: [uk, eu]", "regions: [eu, uk]", "7:1"),
    ("title", MIGRATION, "title: Moving card payments to a new connection", "title: A small change", "2:1"),
    ("scheduled_for", UPGRADE, "scheduled_for: 2026-11-15T02:00:00+00:00", "scheduled_for: 2026-11-15T02:30:00+00:00",
     "3:1"),
], ids=["title", "impact", "source", "started_at", "components-removed", "regions-reordered", "maintenance-title",
        "window-that-began"])
def test_every_published_fact_of_an_event_is_guarded(published: Path, name: str, file: str, old: str, new: str,
                                                     at: str) -> None:
    edit(published, file, old, new)
    extra = GROWS if name in ("components", "regions") else ""
    assert f"{file}:{at}: {FACT.format(name=name, extra=extra)}" in guard_errors(published)


@pytest.mark.parametrize(("old", "new", "what"), [
    ("      card-payments: major_outage\n    next_update_by: 2026-11-20T09:35",
     "      card-payments: degraded_performance\n    next_update_by: 2026-11-20T09:35", "components"),
    ("    next_update_by: 2026-11-20T09:35:00+00:00", "    next_update_by: 2026-11-20T10:35:00+00:00",
     "next_update_by"),
], ids=["component-state", "promise"])
def test_what_an_update_set_is_guarded_too(published: Path, old: str, new: str, what: str) -> None:
    edit(published, CARD, old, new)
    assert guard_errors(published) == [
        f"{CARD}:10:5: error: update 1 (published at HEAD) changed its {what}; published updates never change: undo "
        "the edit and add a new update with `correction: true` [published-history]"]


@pytest.mark.parametrize(("old", "new", "what"), [
    ("    status: identified\n    author: amara\n", "    status: identified\n    correction: yes\n    author: amara\n",
     "correction"),
    ("      We found the cause: our payment provider rejects requests after a certificate change on their side.\n"
     "      We are switching", "      We found the cause: our payment provider rejects requests after a certificate "
     "change on their side.\n\n      We are switching", "body"),
], ids=["made-a-correction-with-yes", "paragraph-split"])
def test_a_published_update_cannot_change_its_meaning_in_another_spelling(published: Path, old: str, new: str,
                                                                          what: str) -> None:
    edit(published, CARD, old, new)
    assert [line for line in guard_errors(published) if f"changed its {what}" in line], guard_errors(published)


def test_rewrapping_a_published_paragraph_is_not_a_change(published: Path) -> None:
    edit(published, CARD, "side.\n      We are switching", "side. We are\n      switching")
    assert guard_errors(published) == []


def test_a_component_may_be_added_and_a_window_not_yet_begun_may_move(published: Path) -> None:
    edit(published, CARD, "components: [card-payments, invoice-emails]",
         "components: [card-payments, invoice-emails, web-app]")
    edit(published, MIGRATION, "scheduled_for: 2027-01-10T01:00:00+00:00", "scheduled_for: 2027-01-17T01:00:00+00:00")
    edit(published, MIGRATION, "scheduled_until: 2027-01-10T02:30:00+00:00",
         "scheduled_until: 2027-01-17T02:30:00+00:00")
    assert guard_errors(published) == []
