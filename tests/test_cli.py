"""The `supporttab` command run as a user runs it: a subprocess on a copy of the example site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# The console script installed beside the interpreter running the tests (a venv need not be activated).
SUPPORTTAB = shutil.which("supporttab", path=str(Path(sys.executable).parent))


def run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert SUPPORTTAB, "the supporttab console script is not installed"
    return subprocess.run([SUPPORTTAB, *args], cwd=site, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONWARNINGS": "error"})


def test_check_passes_on_the_example_site(site: Path) -> None:
    result = run(site, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "supporttab: every authored file is valid\n"


def test_check_lists_problems_and_exits_1(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("email: help@brightwell.example", "email: help"),
                   encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    line = next(n for n, text in enumerate(hub.read_text(encoding="utf-8").splitlines(), 1) if "email: help" in text)
    assert result.stderr == (f"content/hub.yml:{line}:14: help_from_us.channels[3].email: 'help' is not an email "
                             "address; write it like help@example.com\n")


def test_check_reports_a_bad_plugin_option_in_mkdocs_yml(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("timezone: Europe/London", "timezone: Nowhere"),
                      encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    assert result.stderr == ("mkdocs.yml: plugins.supporttab.timezone: 'Nowhere' is not a time zone name; write an "
                             "IANA name like Europe/Amsterdam or America/New_York\n")


def test_check_outside_a_site_says_where_to_run_it(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 1
    assert result.stderr == (f"supporttab: no mkdocs.yml in {tmp_path.resolve()}; run this in the site's folder "
                             "or pass --site\n")


def test_every_command_has_help_with_examples(site: Path) -> None:
    for command in ("check", "schema"):
        result = run(site, command, "--help")
        assert result.returncode == 0
        assert "examples:" in result.stdout and f"supporttab {command}" in result.stdout


def test_unknown_command_is_a_usage_error(site: Path) -> None:
    result = run(site, "chek")
    assert result.returncode == 2
    assert "invalid choice: 'chek'" in result.stderr
