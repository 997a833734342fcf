"""`check --since BASE` reads the wording of only the incident files new or edited since BASE (published text can
no longer be reworded, so its warnings were for when it was written), runs the rules on data on every file, and
agrees with the lint at posting; a full `check` still reads everything. On real git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import OPEN_INCIDENT, run
from test_guard import git

CARD = "incidents/2026-11-20-card-payments-failing.yml"
NEW = "incidents/2026-11-23-exports-failing.yml"
HICCUP = "It was just a minor hiccup."  # minimising-language, in any update
NEW_INCIDENT = f"""title: Exports failing
impact: minor
components: [pdf-exports]
updates:
  - at: 2026-11-23T11:50:00+00:00
    status: investigating
    author: patty
    next_update_by: 2026-11-23T12:30:00+00:00
    body: Exports fail. {HICCUP}
"""
LATE_UPDATE = f"""  - at: 2026-11-23T11:55:00+00:00
    status: monitoring
    author: patty
    next_update_by: 2026-11-23T12:30:00+00:00
    body: Exports work again. {HICCUP}
"""


@pytest.fixture
def published(site: Path) -> Path:
    """The example, published with a minimising sentence in the card payments incident: a warning nobody can
    act on any more, since published updates never change."""
    card = site / CARD
    card.write_text(card.read_text(encoding="utf-8").replace("We are working on it now.", HICCUP), encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "published")
    return site


def minimising(output: str) -> list[str]:
    return sorted(line.split(":")[0] for line in output.splitlines() if line.endswith("[minimising-language]"))


def add_new_file(site: Path) -> str:
    (site / NEW).write_text(NEW_INCIDENT, encoding="utf-8")
    return NEW


def append_an_update(site: Path) -> str:
    with (site / OPEN_INCIDENT).open("a", encoding="utf-8") as file:
        file.write(LATE_UPDATE)
    return OPEN_INCIDENT


@pytest.mark.parametrize("change", [add_new_file, append_an_update], ids=["new file", "new update"])
@pytest.mark.parametrize("committed", [False, True], ids=["on disk", "committed"])
def test_only_the_files_changed_since_the_base_have_their_wording_read(published: Path, change, committed: bool
                                                                       ) -> None:
    changed = change(published)
    if committed:
        git(published, "add", "-A")
        git(published, "commit", "-q", "-m", "an update")
    since = run(published, "check", "--since", "HEAD~1" if committed else "HEAD")
    assert since.returncode == 0, since.stderr
    assert minimising(since.stdout) == [changed]  # the published card incident's old warning is not repeated
    everything = run(published, "check")
    assert minimising(everything.stdout) == sorted([CARD, changed])


def test_the_rules_on_data_still_run_on_unchanged_files(published: Path) -> None:
    add_new_file(published)
    since = run(published, "check", "--since", "HEAD").stdout
    assert f"{OPEN_INCIDENT}:29:21: warning: the next update was promised by 2026-11-23 09:00 UTC" in since
    assert since.count("[stale-incident]") == 1


def test_an_edit_to_published_text_is_refused_and_its_wording_read(published: Path) -> None:
    card = published / CARD
    card.write_text(card.read_text(encoding="utf-8").replace(HICCUP, "It was only a tiny blip."), encoding="utf-8")
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 1
    assert "[published-history]" in since.stdout and minimising(since.stdout) == [CARD]


def test_check_since_and_the_lint_at_posting_agree(published: Path) -> None:
    posted = run(published, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "patty",
                 "Exports work again for most customers. Some of you may have noticed slow pages; it was a blip.")
    assert posted.returncode == 0, posted.stderr
    shown_at_posting = [line for line in posted.stderr.splitlines() if line.startswith(OPEN_INCIDENT)]
    assert {line.rsplit("[", 1)[1] for line in shown_at_posting} == {"minimising-language]", "no-next-update]"}
    git(published, "commit", "-q", "-am", "an update")
    checked = run(published, "check", "--since", "HEAD~1").stdout.splitlines()
    assert [line for line in checked if line.startswith(OPEN_INCIDENT)] == shown_at_posting
