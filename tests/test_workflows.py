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
