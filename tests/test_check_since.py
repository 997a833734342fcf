"""`check --since BASE` reads the wording of only the incident files new or edited since BASE (published text can
no longer be reworded, so its warnings were for when it was written), runs the rules on data on every file and
lists their warnings in the files the change touched and on every incident or maintenance still open (the closed
ones' in one line; errors always), and agrees with the lint at posting; a full `check` still reads and lists
everything. On real git repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, write_resolved_incidents
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
    since = run(published, "check", "--since", "HEAD")
    late = f"{OPEN_INCIDENT}:29:21: warning: the next update was promised by 2026-11-23 09:00 UTC"
    assert late in since.stdout  # the other open incident's, which this change did not touch
    assert late in run(published, "check").stdout
    assert "older warning" not in since.stderr


# --- what --since shows of the files a change did not touch ----------------------------------------------

OLDER = "1 older warning on a closed incident this change did not touch"


def old_major_incidents(site: Path, count: int) -> list[str]:
    """`count` major incidents resolved in September without a postmortem: a standing missing-postmortem each."""
    write_resolved_incidents(site / "incidents", range(1, count + 1), "card-payments", "patty")
    names = sorted(path for path in (site / "incidents").glob("2026-past-*.yml"))
    for path in names:
        path.write_text(path.read_text(encoding="utf-8").replace("impact: minor", "impact: major"), "utf-8")
    return [path.relative_to(site).as_posix() for path in names]


def commit(site: Path, message: str) -> None:
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", message)


def set_lint(site: Path, rule: str) -> None:
    """One rule's setting in mkdocs.yml, such as `stale-incident: {severity: error}`."""
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    hub = "      hub: content/hub.yml\n"
    config.write_text(text.replace(hub, f"{hub}      lint:\n        {rule}\n"), "utf-8")


def finding_files(output: str) -> list[str]:
    return sorted({line.split(":")[0] for line in output.splitlines() if line.startswith("incidents/")})


@pytest.mark.parametrize("change", [add_new_file, append_an_update], ids=["new file", "new update"])
def test_warnings_standing_in_files_the_change_did_not_touch_are_counted_in_one_line(published: Path, change
                                                                                      ) -> None:
    """The bench's 334 missing-postmortem warnings at every merge, in small: the author of an update sees what
    their change says and what is late on the incidents still open, and one line for the rest; a plain `check`
    still lists every warning."""
    old = old_major_incidents(published, 3)
    commit(published, "three old incidents")
    changed = change(published)
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 0, since.stderr
    assert finding_files(since.stdout) == sorted({changed, OPEN_INCIDENT})
    assert ("supporttab: notice: 3 older warnings on 3 closed incidents this change did not touch (missing-postmortem "
            "3); run `supporttab check` to see them") in since.stderr.splitlines()
    everything = run(published, "check")
    assert finding_files(everything.stdout) == sorted({*old, CARD, changed, OPEN_INCIDENT})
    assert "older warning" not in everything.stderr


OVERRUN_MAINTENANCE = """title: Network upgrade
scheduled_for: 2026-11-22T01:00:00+00:00
scheduled_until: 2026-11-22T02:00:00+00:00
components: [api]
updates:
  - at: 2026-11-22T01:00:00+00:00
    status: in_progress
    author: bob
    body: The upgrade has started.
"""  # its window ended the day before the clock, and no update completed it
OVERRUN = ("incidents/maintenance/2026-11-22-network-upgrade.yml", OVERRUN_MAINTENANCE)


@pytest.mark.parametrize(("rule", "setting", "extra"), [
    ("stale-incident", None, None),  # the example's open incident missed its 09:00 promise
    ("no-closure", "no-closure: {limit: 12h}", None),  # the same incident, open for 22 hours
    ("overdue-maintenance", None, OVERRUN),
], ids=["stale-incident", "no-closure", "overdue-maintenance"])
def test_warnings_on_what_is_still_open_are_listed_whatever_file_they_are_in(
        published: Path, rule: str, setting: str | None, extra: tuple[str, str] | None) -> None:
    """During an outage a late promise on the other open incident is what the author must see: every warning on an
    incident or maintenance that is not closed is listed, whether or not the change touched its file; only the
    closed incidents' standing warnings are counted in the one line."""
    old_major_incidents(published, 1)
    if setting:
        set_lint(published, setting)
    if extra:
        (published / extra[0]).write_text(extra[1], encoding="utf-8")
    commit(published, "an old incident, and one still open")
    add_new_file(published)
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 0, since.stderr
    shown = [line for line in since.stdout.splitlines() if line.endswith(f"[{rule}]")]
    assert shown == [line for line in run(published, "check").stdout.splitlines() if line.endswith(f"[{rule}]")]
    assert shown and NEW not in "".join(shown)
    assert f"{OLDER} (missing-postmortem 1)" in since.stderr


def test_a_changed_file_shows_its_own_data_warnings_in_full(published: Path) -> None:
    (published / "incidents" / "2026-09-01-old-outage.yml").write_text(
        "title: Old outage\nimpact: critical\ncomponents: [card-payments]\nupdates:\n"
        "  - at: 2026-09-01T09:00:00+00:00\n    status: investigating\n    author: patty\n    body: Down.\n"
        "  - at: 2026-09-01T10:00:00+00:00\n    status: resolved\n    author: patty\n    body: It works again.\n",
        encoding="utf-8")
    since = run(published, "check", "--since", "HEAD")
    assert "incidents/2026-09-01-old-outage.yml:2:9: warning: a critical incident resolved" in since.stdout
    assert "older warning" not in since.stderr  # nothing else stands on a closed incident


@pytest.mark.parametrize("base_rule", ["stale-incident: {severity: error}", "missing-postmortem: {severity: error}"])
def test_an_error_in_a_file_the_change_did_not_touch_is_shown_in_full(published: Path, base_rule: str) -> None:
    """A rule the site made an error stops the publish job, whatever file it is in: never set aside."""
    old_major_incidents(published, 1)
    set_lint(published, base_rule)
    commit(published, "a stricter site")
    add_new_file(published)
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 1
    rule = base_rule.split(":")[0]
    assert [line for line in since.stdout.splitlines() if line.endswith(f"[{rule}]")] == [
        line for line in run(published, "check").stdout.splitlines() if line.endswith(f"[{rule}]")] != []
    assert ": error: " in since.stdout


def test_an_invalid_file_the_change_did_not_touch_is_shown_in_full(published: Path) -> None:
    """Removing a team member makes the unchanged incidents they signed invalid: the change caused it."""
    (published / "team" / "amara.yml").unlink()
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 1
    assert f"{CARD}:" in since.stdout and "[invalid-data]" in since.stdout


def test_a_change_to_the_rules_settings_shows_every_warning(published: Path) -> None:
    """The rules' limits live in mkdocs.yml: a change there is a change to every file's warnings."""
    old = old_major_incidents(published, 2)
    commit(published, "two old incidents")
    set_lint(published, "missing-postmortem: {limit: 3d}")
    since = run(published, "check", "--since", "HEAD")
    assert finding_files(since.stdout) == sorted([*old, OPEN_INCIDENT])
    assert "older warning" not in since.stderr


def edit_config(site: Path, old: str, new: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new), "utf-8")


@pytest.mark.parametrize("edit", [
    ("site_name: Brightwell Support", "site_name: Brightwell Help"),
    ("  - attr_list\n", "  - attr_list\n  - footnotes\n"),
    ("missing-postmortem: {limit: 3d}", "missing-postmortem:\n          limit: 3d"),
    ("      timezone: Europe/London\n", "      timezone: Europe/London\n      timezone_label: London time\n"),
], ids=["site name", "a Markdown extension", "the same rule settings written otherwise", "another option"])
def test_an_edit_to_mkdocs_yml_that_leaves_the_rules_alone_lists_no_old_warning(published: Path, edit) -> None:
    """Renaming the site does not change a single warning: compared are the rules' settings as read, not the
    file's text."""
    old = old_major_incidents(published, 2)
    set_lint(published, "missing-postmortem: {limit: 3d}")
    edit_config(published, "      timezone_label: UK time\n", "")
    commit(published, "two old incidents, a site with its own postmortem limit")
    edit_config(published, *edit)
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 0, since.stderr
    assert not set(old) & set(finding_files(since.stdout))
    assert "2 older warnings on 2 closed incidents this change did not touch (missing-postmortem 2)" in since.stderr


@pytest.mark.parametrize("before", ["plugins: [", "plugins:\n  - supporttab:\n      lint: {missing-postmortem: 3}\n"],
                         ids=["not YAML", "settings that are not valid"])
def test_settings_that_cannot_be_read_at_the_revision_count_as_changed(published: Path, before: str) -> None:
    old = old_major_incidents(published, 1)
    config = (published / "mkdocs.yml").read_text("utf-8")
    (published / "mkdocs.yml").write_text(before, "utf-8")
    commit(published, "an old incident, and a broken mkdocs.yml")
    (published / "mkdocs.yml").write_text(config, "utf-8")
    since = run(published, "check", "--since", "HEAD")
    assert since.returncode == 0, since.stderr
    assert set(old) <= set(finding_files(since.stdout)) and "older warning" not in since.stderr


@pytest.mark.parametrize("style", ["json", "github"])
def test_the_older_warnings_line_in_json_and_github_annotations(published: Path, style: str) -> None:
    [old] = old_major_incidents(published, 1)
    commit(published, "an old incident")
    add_new_file(published)
    since = run(published, "check", "--since", "HEAD", "--format", style)
    if style == "json":  # standard output stays the JSON of what is shown; the line goes to standard error
        assert {finding["file"] for finding in json.loads(since.stdout)} == {NEW, OPEN_INCIDENT}
        assert f"supporttab: notice: {OLDER} (missing-postmortem 1)" in since.stderr
    else:
        assert (f"::notice title=older warnings::{OLDER} (missing-postmortem 1); run `supporttab check` to see it"
                in since.stdout.splitlines())
        assert old not in since.stdout and f"file={OPEN_INCIDENT}," in since.stdout


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


# --- what the publish path's check loads ---------------------------------------------------------------

# Not needed to check a site whose headshots are in the cache: OpenCV, Pillow's images and the process pool (making a
# headshot), MkDocs and its theme (the build), and the code of the commands that write or announce (the editor, every
# channel's requests).
NOT_FOR_CHECKING = ("cv2", "numpy", "PIL.Image", "concurrent.futures.process", "mkdocs", "material", "jinja2",
                    "supporttab.plugin", "supporttab.authoring.write", "supporttab.authoring.notify",
                    "supporttab.authoring.channels", "supporttab.authoring.review")


def test_check_since_loads_only_what_checking_needs(published: Path, tmp_path: Path) -> None:
    """Every module a fresh `check --since` process imports, after an earlier check put the headshots in the cache
    (as every build after the first finds them)."""
    assert run(published, "check").returncode == 0
    append_an_update(published)
    listing = tmp_path / "modules.txt"
    # The modules that ran: one loaded on first use (core.packages.lazy) counts once something used it.
    code = ("import sys\nfrom supporttab.authoring.cli import main\ncode = main(['check', '--since', 'HEAD'])\n"
            "run = [name for name, module in sys.modules.items() if type(module).__name__ != '_LazyModule']\n"
            "open(sys.argv[1], 'w').write('\\n'.join(run))\nsys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, str(listing)], cwd=published, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(listing.read_text().split())
    assert {"supporttab.authoring.check", "supporttab.team.headshots"} <= loaded  # the headshots are still checked
    assert {name for name in loaded for heavy in NOT_FOR_CHECKING
            if name == heavy or name.startswith(f"{heavy}.")} == set()


# --- an incidents folder that is its own git repository (a submodule, a separate checkout) --------------------

def head(folder: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.parametrize("site_in_git", [False, True], ids=["site folder not in git", "site in its own repository"])
def test_the_settings_are_looked_up_where_the_history_guard_looks(site: Path, site_in_git: bool) -> None:
    """The revision names a commit of the incidents folder's repository, which does not hold mkdocs.yml: the
    rules' settings at that revision are unknown, so they count as changed and every warning is listed. Asking
    the site folder's git instead failed (`git diff failed: error: Could not access ...`, exit 2)."""
    old = old_major_incidents(site, 1)
    incidents = site / "incidents"
    git(incidents, "init", "-q", "-b", "main")
    commit(incidents, "published incidents")
    if site_in_git:  # the site's own history, which knows nothing of the incidents' commits
        (site / ".gitignore").write_text("incidents/\n", encoding="utf-8")
        git(site, "init", "-q", "-b", "main")
        commit(site, "the site")
    add_new_file(site)
    since = run(site, "check", "--since", head(incidents))
    assert since.returncode == 0, since.stderr
    assert finding_files(since.stdout) == sorted([*old, NEW, OPEN_INCIDENT])
    assert "older warning" not in since.stderr


def test_the_help_says_which_warnings_are_set_aside(site: Path) -> None:
    """Only the lint rules' warnings on closed incidents in untouched files are counted instead of listed: not
    "the warnings" of untouched files (errors, photos, articles and whatever is still open are always listed)."""
    described = " ".join(run(site, "check", "--help").stdout.split())
    assert ("list the lint rules' warnings on closed incidents only in the incident files changed since, and count "
            "the others; list everything else") in described
