"""The GitHub Actions workflows: lint-clean under zizmor, and publishing the way the README promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"] + deploy["steps"]]
    assert 'python -m pip install -c requirements.lock -e ".[test,faces]"' in runs
    check = next(step for step in build["steps"] if "supporttab check" in step.get("run", ""))
    assert 'supporttab check --since "$BEFORE"' in check["run"]  # a push that rewrote history is refused
    assert check["env"] == {"BEFORE": "${{ github.event.before }}"}
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
