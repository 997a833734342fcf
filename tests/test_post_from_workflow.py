"""The "Post a status update" workflow's step, run as Actions runs it (`python -m supporttab.authoring.actions` with
GITHUB_ACTOR and the form's INPUT_* variables) on a real git repository: a post is signed by who ran it and
committed once; anything refused is one sentence in the run's summary, with nothing written or committed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH, REPO

CARD = "2026-11-20-card-payments-failing"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(site: Path) -> Path:
    """The example site in a git repository, with Patty's and Sam's (a former member's) GitHub usernames."""
    (site / "plugins").unlink()  # the schema links point into the package; not part of a site's repository
    for member, name in (("patty", "Patty-Hughes"), ("sam", "sam-former")):
        path = site / "team" / f"{member}.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"github: {name}\n", encoding="utf-8")
    (site / ".gitignore").write_text((REPO / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8")
    git(site, "init", "--quiet", "--initial-branch=main")
    git(site, "add", ".")
    git(site, "-c", "user.name=Setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "Site")
    return site


def post(repo: Path, actor: str, remote: str | None = None,
         **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """The step as the workflow runs it (pushing to `remote` when given); returns the process and what it wrote to
    the run's summary."""
    summary = repo.parent / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(repo.parent), "GITHUB_ACTIONS": "true", "GITHUB_ACTOR": actor,
           "GITHUB_STEP_SUMMARY": str(summary), "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           "PYTHONPATH": str(REPO / "plugins"), **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
           **({"PUSH_REMOTE": remote} if remote else {})}
    done = subprocess.run([sys.executable, "-m", "supporttab.authoring.actions"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    return done, summary.read_text(encoding="utf-8")


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def test_a_new_incident_from_the_form_is_signed_by_who_ran_it_and_committed(repo: Path) -> None:
    done, summary = post(repo, "patty-hughes", incident="new", title="Invoices fail to send", impact="major",
                         components="invoice-emails, api", status="investigating",
                         message="Invoices are not being sent. We are looking into it now.", next_update="30m")
    assert done.returncode == 0, done.stdout + done.stderr
    subject = "Investigating: Invoices fail to send (posted by Patty Hughes from GitHub Actions)"
    assert summary.startswith(f"### Posted\n\n{subject}\n")
    assert git(repo, "log", "-1", "--format=%s%n%an") == f"{subject}\nPatty Hughes\n"
    changed = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert changed == ["incidents/2026-11-23-invoices-fail-to-send.yml"]
    incident = yaml.safe_load((repo / changed[0]).read_text(encoding="utf-8"))
    assert incident["components"] == ["invoice-emails", "api"] and incident["impact"] == "major"
    update = incident["updates"][0]
    assert update["author"] == "patty" and update["body"].startswith("Invoices are not being sent.")
    assert git(repo, "status", "--porcelain") == ""


def test_an_update_to_an_open_incident_reads_the_message_as_text_only(repo: Path) -> None:
    done, _ = post(repo, "Patty-Hughes", incident="2026-11-22-slow-pdf-exports", status="resolved",
                         message="@team/patty.yml --help Exports are fast again; every queued export is done.")
    assert done.returncode == 0, done.stdout + done.stderr
    incident = yaml.safe_load((repo / "incidents" / "2026-11-22-slow-pdf-exports.yml").read_text(encoding="utf-8"))
    last = incident["updates"][-1]
    assert (last["status"], last["author"]) == ("resolved", "patty")
    assert last["body"].startswith("@team/patty.yml --help Exports are fast again")  # never read as a file
    assert git(repo, "log", "-1", "--format=%s") == ("Resolved: 2026-11-22-slow-pdf-exports (posted by Patty Hughes "
                                                     "from GitHub Actions)\n")


@pytest.mark.parametrize(("actor", "inputs", "sentence"), [
    ("mallory", {"incident": CARD, "status": "monitoring", "message": "All good."},
     "The GitHub user mallory is not in the team, so cannot sign a status update; add `github: mallory` to your "
     "file in team/ (by a pull request), then post again."),
    ("sam-former", {"incident": CARD, "status": "monitoring", "message": "All good."},
     "The GitHub user sam-former is not an active member of the team, so cannot sign a status update; add "
     "`github: sam-former` to your file in team/ (by a pull request), then post again."),
    ("", {"incident": CARD, "status": "monitoring", "message": "All good."},
     "The GitHub user (unknown) is not in the team, so cannot sign a status update; add `github: ` to your file in "
     "team/ (by a pull request), then post again."),
    ("patty-hughes", {"incident": "new", "title": "Down", "impact": "huge", "components": "api",
                      "message": "It is down."},
     "supporttab new: error: argument --impact: 'huge' is not an impact; choose one of none, minor, major, critical"),
    ("patty-hughes", {"incident": "new", "title": "Down", "impact": "major", "components": "",
                      "message": "It is down."},
     "A new incident needs a title, an impact and at least one component; fill them in, then run the workflow "
     "again."),
    ("patty-hughes", {"incident": "2026-11-20-card-paymnts-failing", "status": "monitoring", "message": "Fixed."},
     "there is no incident or maintenance '2026-11-20-card-paymnts-failing' in incidents/; did you mean "
     "'2026-11-20-card-payments-failing'?"),
    ("patty-hughes", {"incident": "2026-11-22-slow-pdf-exports", "status": "monitoring", "message": ""},
     "The message is empty; write what customers need to know, then run the workflow again."),
    ("patty-hughes", {"incident": "2026-11-22-slow-pdf-exports", "status": "fixed", "message": "Fixed."},
     "'fixed' is not a status here; choose one of investigating, identified, monitoring, resolved"),
])
def test_a_refused_post_is_one_sentence_in_the_summary_and_writes_nothing(repo: Path, actor: str, inputs: dict,
                                                                          sentence: str) -> None:
    done, summary = post(repo, actor, **inputs)
    assert done.returncode == 1
    assert summary.startswith(f"### Not posted\n\n{sentence}\n\nNothing was written or committed.\n")
    assert f"::error title=Not posted::{sentence}" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert commits(repo) == 1 and git(repo, "status", "--porcelain") == ""


def test_a_lint_rule_the_site_made_an_error_refuses_the_post(repo: Path) -> None:
    from test_cli import make_an_error

    make_an_error(repo, "minimising-language")
    git(repo, "commit", "--quiet", "-am", "Strict about wording", "--author", "Setup <setup@example.com>")
    done, summary = post(repo, "patty-hughes", incident="2026-11-22-slow-pdf-exports", status="resolved",
                         message="The outage only lasted 10 minutes, a minor blip.")
    assert done.returncode == 1
    assert summary.startswith("### Not posted\n\nincidents/2026-11-22-slow-pdf-exports.yml was left as it was: this "
                              "site makes minimising-language an error")
    assert ('error: "The outage only lasted 10 minutes, a minor blip.": this makes the problem smaller than it was'
            in summary)  # what to fix, under the sentence
    assert commits(repo) == 2 and git(repo, "status", "--porcelain") == ""


def test_one_github_username_signs_for_one_member_only(repo: Path) -> None:
    from test_cli import run

    bob = repo / "team" / "bob.yml"
    bob.write_text(bob.read_text(encoding="utf-8") + "github: patty-HUGHES\n", encoding="utf-8")
    line = len((repo / "team" / "patty.yml").read_text(encoding="utf-8").splitlines())
    check = run(repo, "check")
    assert check.returncode == 1  # the files are read in name order: bob.yml first
    assert (f"team/patty.yml:{line}:9: error: github: bob already has the GitHub username 'Patty-Hughes'; a post "
            "from the workflow must be signed by one person, so keep it in the file of the person it belongs to "
            "[invalid-data]") in check.stdout
    git(repo, "commit", "--quiet", "-am", "Bob claims Patty's name", "--author", "Setup <setup@example.com>")
    done, summary = post(repo, "patty-hughes", incident=CARD, status="monitoring", message="Payments work again.")
    assert done.returncode == 1 and commits(repo) == 2
    assert summary.startswith("### Not posted\n\nBoth ")


EXPORTS = "2026-11-22-slow-pdf-exports"


@pytest.fixture
def github(repo: Path) -> Path:
    """A bare repository standing in for GitHub, holding the example site's main."""
    remote = repo.parent / "github.git"
    git(repo.parent, "clone", "--quiet", "--bare", str(repo), str(remote))
    return remote


def checkout(remote: Path, name: str) -> Path:
    """What actions/checkout leaves: a clone of main (the site's cache ignored as in the repository)."""
    folder = remote.parent / name
    git(remote.parent, "clone", "--quiet", "--branch", "main", str(remote), str(folder))
    return folder


@pytest.mark.parametrize("same_incident", [True, False])
def test_posts_made_while_another_lands_on_main_are_posted_again_on_the_new_main(github: Path,
                                                                                  same_incident: bool) -> None:
    """Three people post within a minute: each run checked out main before the others pushed. Every post arrives,
    in order, each written against what main holds by then (the same incident's file included)."""
    runs = [checkout(github, f"run-{n}") for n in range(3)]
    messages = ["Exports are queued again; we are on it.", "Exports are faster now; we keep watching.",
                "Exports are fast again; every queued export is done."]
    statuses = ["identified", "monitoring", "resolved"]
    for run_folder, status, text in zip(runs, statuses, messages, strict=True):
        incident = {"incident": EXPORTS} if same_incident else {
            "incident": "new", "title": f"Invoices fail to send ({status})", "impact": "minor", "components": "api"}
        done, summary = post(run_folder, "Patty-Hughes", remote=str(github), status=status if same_incident else
                             "investigating", message=text, **incident)
        assert done.returncode == 0, done.stdout + done.stderr + summary
    main = checkout(github, "after")
    subjects = git(main, "log", "--format=%s", "-3").splitlines()[::-1]
    assert len(subjects) == 3 and all("(posted by Patty Hughes from GitHub Actions)" in s for s in subjects)
    if same_incident:
        updates = yaml.safe_load((main / "incidents" / f"{EXPORTS}.yml").read_text(encoding="utf-8"))["updates"]
        assert [u["status"] for u in updates[-3:]] == statuses
        assert [u["body"].strip() for u in updates[-3:]] == messages
    else:
        assert len(list((main / "incidents").glob("2026-11-23-invoices-fail-to-send*.yml"))) == 3


def test_a_push_refused_by_branch_protection_says_so_and_posts_nothing(github: Path) -> None:
    hook = github / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'error: GH006: Protected branch update failed for refs/heads/main.' >&2\n"
                    "exit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = git(github, "rev-parse", "main")
    done, summary = post(checkout(github, "run"), "Patty-Hughes", remote=str(github), incident=EXPORTS,
                         status="resolved", message="Exports are fast again.")
    assert done.returncode == 1 and git(github, "rev-parse", "main") == before
    sentence = "GitHub's rules for main (branch protection or a ruleset) refused the push"
    assert sentence in summary and f"::error title=Not posted::{sentence}" in done.stdout
    assert "Someone changed main" not in summary and "Traceback" not in done.stderr


@pytest.mark.parametrize("text", ["50% done\n::warning::injected", "a\r\n::add-mask::x", "100%0A"])
def test_a_refusal_cannot_end_or_start_a_workflow_command(text: str) -> None:
    from supporttab.authoring.actions import workflow_command_data
    data = workflow_command_data(text)
    assert "\n" not in data and "\r" not in data
    assert data.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%") == text
