"""The GitHub Actions workflows: lint-clean under zizmor, and publishing the way the README promises."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")


def load(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True; BaseLoader keeps every key and value as text.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_workflows_pass_zizmor_pedantic() -> None:
    assert ZIZMOR, "zizmor is not installed (it is in the test extra)"
    result = subprocess.run([ZIZMOR, "--offline", "--persona=pedantic", str(WORKFLOWS)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_publish_deploys_every_merge_with_the_official_pages_actions() -> None:
    workflow = load("publish.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "actions": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"] + deploy["steps"]]
    assert 'python -m pip install -c requirements.lock -e ".[test,faces]"' in runs
    check = next(step for step in build["steps"] if "supporttab check" in step.get("run", ""))
    assert 'supporttab check --since "$BEFORE"' in check["run"]  # a push that rewrote history is refused
    assert check["env"] == {"BEFORE": "${{ steps.base.outputs.sha }}"}  # what was last published
    assert build["steps"][0]["with"]["fetch-depth"] == "0"
    cache = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/cache@"))
    # the check frames photos as the build does: with the cache restored, and before anything is deployed
    assert build["steps"].index(cache) < build["steps"].index(check) < runs.index("mkdocs build --strict")
    assert any(run.startswith("python -m pytest") for run in runs)
    assert uses[-3:] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert "actions/cache" in uses and build["steps"][1]["with"]["cache"] == "pip"


def test_pull_requests_run_the_tests_a_strict_build_and_the_history_guard() -> None:
    workflow = load("check.yml")
    assert set(workflow["on"]) == {"pull_request"}
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "python -m pytest -n auto" in runs and 'python -m "$SUPPORTTAB_HOST" build --strict -f mkdocs.yml' in runs
    assert workflow["jobs"]["test"]["strategy"]["matrix"]["host"] == ["mkdocs", "properdocs"]
    assert workflow["jobs"]["test"]["env"]["SUPPORTTAB_HOST"] == "${{ matrix.host }}"
    guard = next(step for step in steps if "--since" in step.get("run", ""))
    assert guard["run"] == 'supporttab check --since "origin/$BASE_REF" --format github'
    assert guard["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert steps[0]["with"]["fetch-depth"] == "0"


def test_posting_from_a_phone_runs_the_tested_step_with_inputs_only_in_the_environment() -> None:
    from supporttab.authoring.actions import FIELDS

    workflow = load("post-update.yml")
    assert set(workflow["on"]) == {"workflow_dispatch"}
    assert set(workflow["on"]["workflow_dispatch"]["inputs"]) == set(FIELDS)
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["post"]
    assert job["permissions"] == {"contents": "write", "actions": "write"}
    assert job["steps"][0]["with"] == {"ref": "main", "persist-credentials": "false"}
    step = next(s for s in job["steps"] if s.get("run") == "python -m supporttab.authoring.actions")
    assert step["env"] == {**{f"INPUT_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in FIELDS},
                           "PUSH_REMOTE": "https://x-access-token:${{ github.token }}@github.com/"
                                          "${{ github.repository }}.git"}  # the step pushes, retrying on a race
    # A shared group keeps one pending run and cancels it when the next is queued: posts would be lost.
    assert workflow["concurrency"]["group"].endswith("${{ github.run_id }}")
    assert not any("git push" in s.get("run", "") for s in job["steps"])
    runs = [s.get("run", "") for s in job["steps"]]
    assert not any("${{" in run for run in runs)  # an input is never pasted into a shell command
    assert runs.index(step["run"]) < runs.index("gh workflow run publish.yml --ref main")


def test_publish_announces_after_a_successful_deploy_from_a_ledger_only_written_after_notify_ran() -> None:
    workflow = load("publish.yml")
    build, notify, record = (workflow["jobs"][job] for job in ("build", "notify", "record"))
    assert not any("supporttab notify" in step.get("run", "") for step in build["steps"])  # no "live state"
    assert notify["needs"] == "deploy" and notify["permissions"] == {"contents": "read"}
    assert notify["environment"] == "announcements"
    runs = [step.get("run", "") for step in notify["steps"]]
    read = next(run for run in runs if "ref=supporttab-announced" in run)
    announce = next(run for run in runs if "supporttab notify" in run)
    assert runs.index(read) < runs.index(announce) and "|| true" not in read and "for try in" in read
    assert announce == 'supporttab notify --ledger ledger/announced.json ${START_AFTER:+--start-after "$START_AFTER"}'
    keep = notify["steps"][-1]
    assert keep["if"] == "${{ always() }}" and keep["with"]["name"] == "announced-${{ github.run_attempt }}"
    assert not any("continue-on-error" in step for step in notify["steps"])
    assert record["needs"] == "notify" and record["permissions"] == {"contents": "write"}
    assert "environment" not in record  # the job that can push never sees the channels' secrets
    push = record["steps"][-1]["run"]
    assert "HEAD:refs/heads/supporttab-announced" in push and "for try in" in push and "${{" not in push


def test_pull_requests_show_the_announcements_they_would_send() -> None:
    job = load("check.yml")["jobs"]["announcements"]
    assert job["permissions"] == {"contents": "read"}
    step = next(step for step in job["steps"] if "--dry-run" in step.get("run", ""))
    assert 'supporttab notify --ledger announced.json --start-after "$since" --dry-run' in step["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in step["run"]


PUBLISH_SITE = ("mkdocs.yml", "content", "team", "incidents")  # what the publish job checks and builds
AUTHORED = ["content/articles/reset-password.md", "team/bob.yml", "incidents/2026-11-22-slow-pdf-exports.yml",
            "incidents/2026-12-01-new-incident.yml"]
CODE = ["plugins/supporttab/plugin.py", "plugins/supporttab/templates/supporttab/incident.html", "pyproject.toml",
        "requirements.lock", ".github/workflows/publish.yml", "mkdocs.yml", "tests/test_workflows.py", "Makefile",
        "overrides/main.html"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=folder,
                          check=True, capture_output=True, text=True).stdout.strip()


def publish_step(step_id: str) -> dict:
    return next(step for step in load("publish.yml")["jobs"]["build"]["steps"] if step.get("id") == step_id)


def run_step(folder: Path, script: str, tmp_path: Path, real_clock: bool = False,
             **env: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    """Run a workflow step's script as the runner does (bash -e), in `folder`; returns the step's outputs. With
    `real_clock`, on the clock of the day the tests run (as a person posting an update has), not the tests' own."""
    outputs = tmp_path / "github_output"
    outputs.write_text("")
    environment = {**os.environ, **env, "GITHUB_OUTPUT": str(outputs),
                   "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', os.environ['PATH'])}"}
    environment.pop("GITHUB_ACTIONS", None)
    if real_clock:
        environment.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(["bash", "-e", "-c", script], cwd=folder, capture_output=True, text=True, env=environment,
                          timeout=300)
    return done, dict(line.split("=", 1) for line in outputs.read_text().splitlines())


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository holding one file of every kind the publish job may see change, all committed to main."""
    folder = tmp_path / "repo"
    for name in AUTHORED[:-1] + CODE:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"{name}\n")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "main before the push")
    return folder


def push(folder: Path, names: list[str]) -> str:
    """Change (or add) `names` and commit them, as a merge would; returns the commit before it."""
    before = git(folder, "rev-parse", "HEAD")
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        with (folder / name).open("a") as file:
            file.write("changed\n")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "the push")
    return before


def test_the_publish_job_runs_the_tests_only_when_the_step_says_so() -> None:
    steps = load("publish.yml")["jobs"]["build"]["steps"]
    tests = next(step for step in steps if step.get("run", "").startswith("python -m pytest"))
    assert tests["if"] == "steps.changes.outputs.tests == 'true'"
    assert steps.index(publish_step("changes")) < steps.index(tests)
    assert publish_step("changes")["env"] == {"BEFORE": "${{ steps.base.outputs.sha }}"}
    assert steps.index(publish_step("base")) < steps.index(publish_step("changes"))


def fake_gh(tmp_path: Path, answer: str) -> str:
    """A `gh` on PATH that answers `gh run list` with `answer` (the last successful Publish run's commit)."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    (folder / "gh").write_text(f"#!/bin/sh\nprintf '%s\\n' '{answer}'\n", encoding="utf-8")
    (folder / "gh").chmod(0o755)
    return f"{folder}:{os.environ['PATH']}"


def test_an_unpublished_code_change_is_tested_with_the_content_push_after_it(repository: Path,
                                                                              tmp_path: Path) -> None:
    """A code push whose run failed (or was cancelled while it waited) was never published: the next push, an
    incident update, is compared with the last published commit, so the code's tests run before it goes live."""
    published = git(repository, "rev-parse", "HEAD")
    push(repository, CODE[:1])  # its Publish run failed: never published
    before = push(repository, AUTHORED[:1])  # what GitHub would call "before" for this push
    _, base = run_step(repository, publish_step("base")["run"], tmp_path, PATH=fake_gh(tmp_path, published))
    assert base == {"sha": published} and before != published
    done, outputs = run_step(repository, publish_step("changes")["run"], tmp_path, BEFORE=base["sha"])
    assert done.returncode == 0, done.stderr
    assert outputs == {"tests": "true"}


@pytest.mark.parametrize("answer", ["", "1234567890abcdef1234567890abcdef12345678"], ids=["none", "not-an-ancestor"])
def test_without_a_published_ancestor_everything_is_checked_and_tested(repository: Path, tmp_path: Path,
                                                                        answer: str) -> None:
    push(repository, AUTHORED[:1])
    done, base = run_step(repository, publish_step("base")["run"], tmp_path, PATH=fake_gh(tmp_path, answer))
    assert done.returncode == 0, done.stderr
    assert base == {"sha": ""}
    _, outputs = run_step(repository, publish_step("changes")["run"], tmp_path, BEFORE="")
    assert outputs == {"tests": "true"}


@pytest.mark.parametrize("changed", [[name] for name in AUTHORED] + [AUTHORED], ids=AUTHORED + ["all-authored"])
def test_a_push_of_authored_content_only_skips_the_test_suite(repository: Path, tmp_path: Path,
                                                              changed: list[str]) -> None:
    before = push(repository, changed)
    done, outputs = run_step(repository, publish_step("changes")["run"], tmp_path, BEFORE=before)
    assert done.returncode == 0, done.stderr
    assert outputs == {"tests": "false"}


@pytest.mark.parametrize("changed", [[name] for name in CODE] + [[AUTHORED[2], CODE[0]]], ids=CODE + ["mixed"])
def test_a_push_that_changes_anything_else_runs_the_test_suite(repository: Path, tmp_path: Path,
                                                               changed: list[str]) -> None:
    before = push(repository, changed)
    done, outputs = run_step(repository, publish_step("changes")["run"], tmp_path, BEFORE=before)
    assert done.returncode == 0, done.stderr
    assert outputs == {"tests": "true"}


@pytest.mark.parametrize("before", ["", "0" * 40, "1234567890abcdef1234567890abcdef12345678"],
                         ids=["manual-run", "first-push", "force-push"])
def test_a_push_with_nothing_to_compare_with_runs_the_test_suite(repository: Path, tmp_path: Path,
                                                                 before: str) -> None:
    push(repository, AUTHORED[:1])
    done, outputs = run_step(repository, publish_step("changes")["run"], tmp_path, BEFORE=before)
    assert done.returncode == 0, done.stderr
    assert outputs == {"tests": "true"}


def test_an_update_posted_now_to_the_live_site_passes_the_publish_job(tmp_path: Path) -> None:
    """The company's own files, updated today with the real clock: the publish job checks, skips the tests (they
    run on their own frozen example) and builds strictly. A copy: the live files are never touched."""
    folder = tmp_path / "live"
    folder.mkdir()
    for part in PUBLISH_SITE:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns(".supporttab-cache"))
        else:
            shutil.copy2(source, folder / part)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "published")
    before = git(folder, "rev-parse", "HEAD")
    incident = max(path.stem for path in (folder / "incidents").glob("*.yml") if path.name != "components.yml")
    post = (f'supporttab update {incident} --status monitoring --author {min((folder / "team").glob("*.yml")).stem}'
            ' --next-update 1h "We are watching this closely and will post again within the hour."')
    posted, _ = run_step(folder, post, tmp_path, real_clock=True)
    assert posted.returncode == 0, posted.stdout + posted.stderr
    git(folder, "commit", "-qam", "an update, merged")
    steps = load("publish.yml")["jobs"]["build"]["steps"]
    check = next(step["run"] for step in steps if "supporttab check" in step.get("run", ""))
    checked, _ = run_step(folder, check, tmp_path, BEFORE=before, real_clock=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    decided, outputs = run_step(folder, publish_step("changes")["run"], tmp_path, BEFORE=before, real_clock=True)
    assert decided.returncode == 0 and outputs == {"tests": "false"}, decided.stderr
    built, _ = run_step(folder, "python -m mkdocs build --strict", tmp_path, real_clock=True)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (folder / "site" / "incidents" / incident / "index.html").is_file()
    assert "We are watching this closely" in (folder / "site" / "incidents" / incident / "index.html").read_text()
