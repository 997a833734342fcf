"""The `supporttab` command as a user runs it, on a copy of the example site: in this process through its `main`
(same arguments, folder, environment, standard input and exit status), and as the installed console script where
the process itself is under test."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH, run_mkdocs_build
from supporttab.authoring.cli import main

# The console script installed beside the interpreter running the tests (a venv need not be activated).
SUPPORTTAB = shutil.which("supporttab", path=str(Path(sys.executable).parent))
INCIDENT = "incidents/2026-11-20-card-payments-failing.yml"
OPEN_INCIDENT = "incidents/2026-11-22-slow-pdf-exports.yml"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(site: Path, *args: str, stdin: str | None = None, epoch: str = BUILD_EPOCH, process: bool = False,
        terminal: bool = False, **env: str) -> Result:
    """`supporttab ARGS` in `site`, with the build clock at `epoch`, outside GitHub Actions, warnings as errors;
    with `terminal`, standard input and output are a person's terminal, who types `stdin`."""
    environment = {"SOURCE_DATE_EPOCH": epoch, **env}
    if process:
        assert SUPPORTTAB, "the supporttab console script is not installed"
        full = {**os.environ, "PYTHONWARNINGS": "error", **environment}
        full.pop("GITHUB_ACTIONS", None)
        full.update(env)
        done = subprocess.run([SUPPORTTAB, *args], cwd=site, capture_output=True, text=True, timeout=120,
                              env=full, input=stdin if stdin is not None else "")
        return Result(done.returncode, done.stdout, done.stderr)
    stdout, stderr = _Terminal() if terminal else io.StringIO(), io.StringIO()
    with _environment(environment, drop=("GITHUB_ACTIONS",)), contextlib.chdir(site), \
            contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
            _stdin(_Terminal(stdin or "") if terminal else io.StringIO(stdin or "")), warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's usage errors and --help
            code = exit.code if isinstance(exit.code, int) else 1
    return Result(code, stdout.getvalue(), stderr.getvalue())


@contextlib.contextmanager
def _environment(values: dict[str, str], drop: tuple[str, ...]):
    saved = dict(os.environ)
    for name in drop:
        if name not in values:
            os.environ.pop(name, None)
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _stdin(stream: io.StringIO):
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


# --- check --------------------------------------------------------------------------------------------------


def test_check_on_the_example_reports_its_stale_incident_as_a_warning(site: Path) -> None:
    result = run(site, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"{OPEN_INCIDENT}:29:21: warning: the next update was promised by 2026-11-23 09:00 "
                             "UTC and is 3 h late; post an update now, even if nothing has changed "
                             "[stale-incident]\n")
    assert result.stderr == "supporttab: 0 errors, 1 warning\n"


def test_check_lists_invalid_data_and_exits_1(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("email: help@brightwell.example", "email: help"),
                   encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    line = next(n for n, text in enumerate(hub.read_text(encoding="utf-8").splitlines(), 1) if "email: help" in text)
    assert result.stdout.splitlines()[0] == (f"content/hub.yml:{line}:14: error: help_from_us.channels[3].email: "
                                             "'help' is not an email address; write it like help@example.com "
                                             "[invalid-data]")
    assert result.stdout.splitlines()[1].endswith("[stale-incident]")  # the other files' warnings, beside it
    assert result.stderr == "supporttab: 1 error, 1 warning\n"


def test_check_formats_for_machines_and_pull_requests(site: Path) -> None:
    findings = json.loads(run(site, "check", "--format", "json").stdout)
    assert findings == [{"rule": "stale-incident", "severity": "warning", "file": OPEN_INCIDENT, "line": 29,
                         "column": 21, "message": "the next update was promised by 2026-11-23 09:00 UTC and is 3 h "
                         "late; post an update now, even if nothing has changed"}]
    github = run(site, "check", "--format", "github").stdout
    assert github.startswith(f"::warning file={OPEN_INCIDENT},line=29,col=21,title=stale-incident::the next update")
    automatic = run(site, "check", GITHUB_ACTIONS="true").stdout
    assert automatic == github


def make_an_error(site: Path, rule: str) -> None:
    """Make `rule` an error in the site's mkdocs.yml, as a site that is strict about it would."""
    config = site / "mkdocs.yml"
    strict = f"      timezone: Europe/London\n      lint:\n        {rule}: {{severity: error}}\n"
    config.write_text(config.read_text(encoding="utf-8").replace("      timezone: Europe/London\n", strict),
                      encoding="utf-8")


def test_lint_severity_is_configured_per_site(site: Path) -> None:
    make_an_error(site, "stale-incident")
    result = run(site, "check")
    assert result.returncode == 1
    assert ": error: the next update was promised" in result.stdout


def test_check_reports_a_bad_plugin_option_in_mkdocs_yml(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("timezone: Europe/London", "timezone: Nowhere"),
                      encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    assert result.stderr == ("mkdocs.yml:40:7: plugins.supporttab.timezone: 'Nowhere' is not a time zone name; write an "
                             "IANA name like Europe/Amsterdam or America/New_York\n")


def test_check_outside_a_site_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert result.stderr == (f"supporttab: no mkdocs.yml in {tmp_path.resolve()}; run this in the site's folder or "
                             "pass --site\n")


@pytest.mark.parametrize("command", ["check", "schema", "new", "update", "resolve", "postmortem", "maintenance", "notify"])
def test_every_command_has_help_with_examples(site: Path, command: str) -> None:
    result = run(site, command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and f"supporttab {command}" in result.stdout


@pytest.mark.parametrize(("arguments", "expected"), [
    (("chek",), "supporttab: error: argument COMMAND: 'chek' is not a command; did you mean 'check'?"),
    (("check", "--format", "jsn"), "supporttab check: error: argument --format: 'jsn' is not a format; did you mean "
     "'json'?"),
    (("new", "incident", "Down", "--component", "api", "--impact", "majr", "--author", "bob"),
     "supporttab new: error: argument --impact: 'majr' is not an impact; did you mean 'major'?"),
    (("new", "incidnt", "Down", "--component", "api", "--impact", "major", "--author", "bob"),
     "supporttab new: error: argument kind: 'incidnt' is not something `new` can open; did you mean 'incident'?"),
])
def test_a_mistyped_word_on_the_command_line_gets_the_closest_one(site: Path, arguments: tuple, expected: str) -> None:
    result = run(site, *arguments, process=True)  # the installed command: its exit code and its own words
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == expected


# --- writing incidents -------------------------------------------------------------------------------------


def test_from_something_broke_to_closed_with_postmortem(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = run(site, "new", "incident", "API errors for some requests", "--component", "api", "--impact",
                 "major", "--author", "bob", "--next-update", "30m")
    assert opened.returncode == 0, opened.stderr
    path = "incidents/2026-11-23-api-errors-for-some-requests.yml"
    assert opened.stdout.startswith(f"{path}\n")
    incident_id = Path(path).stem
    text = (site / path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../plugins/supporttab/schemas/incident.schema.json\n")
    assert "  - at: 2026-11-23T12:00:00+00:00\n    status: investigating\n    author: bob\n" in text
    assert "next_update_by: 2026-11-23T12:30:00+00:00" in text

    later = str(int(BUILD_EPOCH) + 20 * 60)
    steps = [
        ("update", incident_id, "--status", "identified", "--author", "patty", "--component", "api=major_outage",
         "We found the cause: a bad deploy. The API fails for about one request in ten. We are rolling it back."),
        ("update", incident_id, "--status", "monitoring", "--author", "bob", "--component", "api=operational",
         "--next-update", "1h", "The rollback is done and the API works again. We are watching it closely."),
        ("resolve", incident_id, "--author", "bob", "The API works normally again. Requests that failed can be sent "
         "again now. We will publish what happened and what we are changing."),
        ("postmortem", incident_id, "--author", "patty", "--apology", "We are sorry: for 40 minutes your "
         "integrations failed one request in ten.", "--cause", "A configuration change reached every server at "
         "once, and our checks did not cover the API.", "--prevention", "Changes now reach one server first for "
         "ten minutes, and the API has its own checks before any wider rollout."),
    ]
    for number, step in enumerate(steps, start=1):
        result = run(site, *step, epoch=str(int(later) + 60 * number))
        assert result.returncode == 0, (step, result.stderr)
    data = subprocess.run([sys.executable, "-c", f"import yaml,json;print(json.dumps(yaml.safe_load(open('{path}')),"
                           "default=str))"], cwd=site, capture_output=True, text=True, check=True).stdout
    incident = json.loads(data)
    assert [u["status"] for u in incident["updates"]] == ["investigating", "identified", "monitoring", "resolved"]
    assert [u["author"] for u in incident["updates"]] == ["bob", "patty", "bob", "bob"]
    assert incident["updates"][2]["components"] == {"api": "operational"}
    assert set(incident["postmortem"]) == {"published_at", "author", "apology", "cause", "prevention"}
    check = run(site, "check", epoch=str(int(later) + 600))
    assert check.returncode == 0 and path not in check.stdout  # nothing for the linter to say about it
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(later) + 600))
    build = run_mkdocs_build(site)
    assert build.returncode == 0, build.stderr
    page = (site / "site" / "incidents" / incident_id / "index.html").read_text(encoding="utf-8")
    assert "What happened, and what we are changing" in page


def test_update_keeps_the_authors_formatting_and_comments(site: Path) -> None:
    path = site / OPEN_INCIDENT
    original = path.read_text(encoding="utf-8").replace("title: PDF exports are slow\n",
                                                        "# keep this comment\ntitle: PDF exports are slow  # and this\n")
    path.write_text(original, encoding="utf-8")
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "patty",
                 stdin="The backlog is cleared.\nExports arrive within seconds again.\n")
    assert result.returncode == 0, result.stderr
    updated = path.read_text(encoding="utf-8")
    assert updated.startswith(original)
    assert updated[len(original):] == ("  - at: 2026-11-23T12:00:00+00:00\n    status: monitoring\n    author: patty\n"
                                       "    body: |\n      The backlog is cleared.\n"
                                       "      Exports arrive within seconds again.\n")


def test_update_goes_before_a_postmortem_that_follows_the_updates(site: Path) -> None:
    path = site / INCIDENT
    result = run(site, "update", "2026-11-20-card-payments-failing", "--status", "resolved", "--correction",
                 "--author", "patty", "Correction: the outage began at 08:52, not 09:04 as we first wrote.")
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.index("    correction: true") < text.index("postmortem:")
    assert run_mkdocs_build(site).returncode == 0


def test_an_invalid_update_leaves_the_file_untouched(site: Path) -> None:
    path = site / OPEN_INCIDENT
    before = path.read_bytes()
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "bob",
                 "--next-update", "2026-11-23T11:00+00:00", "Still catching up.")  # a promise in the past
    assert result.returncode == 1
    assert result.stderr.startswith(f"{OPEN_INCIDENT}:36:21: updates[3].next_update_by: the promised next update is "
                                    "not after this update; promise a later time\n")
    assert result.stderr.endswith(f"supporttab: {OPEN_INCIDENT} was left as it was\n")
    assert path.read_bytes() == before


@pytest.mark.parametrize(("arguments", "expected"), [
    (("update", "2026-11-22-slow-pdf-export", "--status", "resolved", "--author", "bob", "Done."),
     "supporttab: there is no incident or maintenance '2026-11-22-slow-pdf-export' in incidents/; did you mean "
     "'2026-11-22-slow-pdf-exports'?\n"),
    (("update", "2026-11-22-slow-pdf-exports", "--status", "resolvd", "--author", "bob", "Done."),
     "supporttab: 'resolvd' is not a status here; did you mean 'resolved'?\n"),
    (("update", "2026-11-22-slow-pdf-exports", "--status", "resolved", "--author", "pattty", "Done."),
     "supporttab: 'pattty' is not a member of the team; did you mean 'patty'?\n"),
    (("new", "incident", "Down", "--component", "card-payment", "--impact", "major", "--author", "bob"),
     "supporttab: 'card-payment' is not a component; did you mean 'card-payments'?\n"),
    (("update", "2026-11-22-slow-pdf-exports", "--status", "resolved", "--author", "bob", "--component",
      "pdf-exports=fine", "Done."),
     "supporttab: 'fine' is not a component state; choose one of operational, degraded_performance, "
     "partial_outage, major_outage, under_maintenance (write --component api=partial_outage)\n"),
])
def test_unknown_names_suggest_the_closest_spelling(site: Path, arguments: tuple, expected: str) -> None:
    result = run(site, *arguments)
    assert result.returncode == 2
    assert result.stderr == expected


def test_social_message_fits_280_characters_and_is_signed(site: Path) -> None:
    long_text = "Invoices cannot be sent to customers right now. " * 12
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "identified", "--author", "patty",
                 long_text)
    assert result.returncode == 0, result.stderr
    post = result.stdout.split("Ready to post on social media:\n")[1].strip()
    assert len(post) <= 280
    assert post.startswith("Identified: PDF exports are slow. Invoices cannot be sent")
    assert post.endswith("… https://support.brightwell.example/incidents/2026-11-22-slow-pdf-exports/ ^PH")


def test_maintenance_is_scheduled_then_completed(site: Path) -> None:
    result = run(site, "maintenance", "Search index rebuild", "--component", "web-app", "--start",
                 "2026-12-06T02:00+00:00", "--end", "2026-12-06T03:00+00:00", "--author", "oystein",
                 "Search in the web app may miss invoices from the last hour during the rebuild.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("incidents/maintenance/2026-12-06-search-index-rebuild.yml\n")
    after = str(int(BUILD_EPOCH) + 14 * 24 * 3600)
    done = run(site, "resolve", "2026-12-06-search-index-rebuild", "--author", "oystein",
               "The rebuild is complete; search finds every invoice again.", epoch=after)
    assert done.returncode == 0, done.stderr
    text = (site / "incidents/maintenance/2026-12-06-search-index-rebuild.yml").read_text(encoding="utf-8")
    assert "    status: completed\n    author: oystein\n" in text


def test_an_update_never_moves_a_line_of_the_previous_one(site: Path) -> None:
    opened = run(site, "new", "incident", "Logins failing", "--component", "web-app", "--impact", "major",
                 "--author", "patty", "We know logins fail for some of you, and we are on it.\n\n#outage")
    assert opened.returncode == 0, opened.stderr
    path = site / opened.stdout.splitlines()[0]
    acknowledged = path.read_text(encoding="utf-8")
    assert acknowledged.endswith("      #outage\n")
    updated = run(site, "update", path.stem, "--status", "identified", "--author", "bob", "We found the cause.")
    assert updated.returncode == 0, updated.stderr
    assert path.read_text(encoding="utf-8").startswith(acknowledged)


def test_a_typo_in_another_file_does_not_stop_an_update_even_by_that_member(site: Path) -> None:
    bob = site / "team" / "bob.yml"
    bob.write_text(bob.read_text(encoding="utf-8").replace("role:", "rol:"), encoding="utf-8")
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "bob",
                 "--next-update", "1h", "Exports arrive within seconds again.")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "supporttab: 2 problems in other files; `supporttab check` lists them\n"  # rol, role
    assert ("    author: bob\n    next_update_by: 2026-11-23T13:00:00+00:00\n"
            "    body: Exports arrive within seconds again.\n") in (site / OPEN_INCIDENT).read_text(encoding="utf-8")


def test_a_problem_in_the_file_being_updated_is_shown_not_passed_over(site: Path) -> None:
    path = site / OPEN_INCIDENT
    path.write_text(path.read_text(encoding="utf-8").replace("impact: minor", "impact: minr"), encoding="utf-8")
    before = path.read_bytes()
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "patty",
                 "Exports arrive within seconds again.")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{OPEN_INCIDENT}:")
    assert "impact: 'minr' is not allowed; write one of" in result.stderr
    assert "in other files" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(("config", "expected"), [
    ("site_name: x\nnav: [unclosed\n", "mkdocs.yml:3:1: this is not valid YAML (while parsing a flow sequence "
     "expected ',' or ']', but got '<stream end>'); fix it, then run this again"),
    ("- a list\n", "mkdocs.yml:1:1: expected settings like `site_name: ...`, found something else; fix the file"),
])
def test_a_broken_mkdocs_yml_is_a_sentence_not_a_traceback(site: Path, config: str, expected: str) -> None:
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    assert result.stderr == expected + "\n"


def test_check_warns_about_a_photo_the_build_could_not_use(site: Path) -> None:
    (site / "team" / "photos" / "phone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(100))
    amara = site / "team" / "amara.yml"
    amara.write_text(amara.read_text(encoding="utf-8").replace("photos/amara.jpg", "photos/phone.heic"),
                     encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 0  # a warning, as in a build: the initials stand in
    line = next(n for n, text in enumerate(amara.read_text(encoding="utf-8").splitlines(), 1) if "phone.heic" in text)
    assert (f"team/amara.yml:{line}:8: warning: photo: HEIC photos (the iPhone default) are not supported; convert it "
            "to JPEG or PNG; until then the initials avatar is shown [photo]") in result.stdout


def test_an_update_keeps_windows_line_endings(site: Path) -> None:
    path = site / OPEN_INCIDENT
    original = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    result = run(site, "update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "patty",
                 "Exports arrive within seconds again.")
    assert result.returncode == 0, result.stderr
    updated = path.read_bytes()
    assert updated.startswith(original)
    assert updated[len(original):] == (b"  - at: 2026-11-23T12:00:00+00:00\r\n    status: monitoring\r\n"
                                       b"    author: patty\r\n    body: Exports arrive within seconds again.\r\n")


def test_check_warns_that_html_in_an_articles_title_shows_as_text(site: Path) -> None:
    (site / "content" / "articles" / "fees.md").write_text(
        '---\ntitle: "New <b>fees</b>"\ndescription: Plain words are fine.\n---\n\nBody.\n', encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 0
    assert ("content/articles/fees.md:2:8: warning: title: the title holds HTML (<b…), which the site shows as "
            "text; write plain words [article-metadata]") in result.stdout.splitlines()
    assert "description" not in result.stdout


class _Terminal(io.StringIO):
    """Standard input or output as a person's terminal, so the command offers the editor and asks questions."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("editor", "says"), [
    ("false", "the editor (false) exited with status 1, so nothing was written; run the command again when you are "
              "ready"),
    ("no-such-editor --wait", "the editor in $VISUAL or $EDITOR ('no-such-editor --wait') cannot be started"),
])
def test_an_editor_that_fails_or_is_missing_writes_nothing(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture, editor: str,
                                                           says: str) -> None:
    before = (site / OPEN_INCIDENT).read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    monkeypatch.chdir(site)
    assert main(["update", "2026-11-22-slow-pdf-exports", "--status", "monitoring", "--author", "bob"]) == 2
    assert capsys.readouterr().err.startswith(f"supporttab: {says}")
    assert (site / OPEN_INCIDENT).read_bytes() == before


def test_output_piped_into_head_ends_quietly(site: Path) -> None:
    """`supporttab check --format json | head -1`: no BrokenPipeError traceback once head stops reading."""
    for number in range(400):  # over 64 KB of findings: more than a pipe holds once head has gone
        (site / "team" / f"x{number}.yml").write_text("name: Someone\n", encoding="utf-8")
    shell = f"'{SUPPORTTAB}' check --format json | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], cwd=site, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert done.stdout == "[\n"
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_an_acknowledgement_written_for_you_keeps_its_promise(site: Path) -> None:
    result = run(site, "new", "incident", "Exports failing", "--component", "pdf-exports", "--component", "api",
                 "--impact", "major", "--author", "bob")
    assert result.returncode == 0, result.stderr
    path = site / result.stdout.splitlines()[0]
    update = yaml.safe_load(path.read_text(encoding="utf-8"))["updates"][0]
    assert update["body"].strip() == ("PDF exports, Public API: we know something is wrong, and we are working on it. We "
                              "will post again by 12:30 GMT.")
    assert str(update["next_update_by"]) == "2026-11-23 12:30:00+00:00"  # the promise in words, held in data


def test_warnings_are_shown_beside_errors_in_other_files(site: Path) -> None:
    components = site / "team" / "patty.yml"
    components.write_text(components.read_text(encoding="utf-8").replace("order: 1", "order: first"),
                          encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    assert "[invalid-data]" in result.stdout and "[stale-incident]" in result.stdout


# --- linting what is about to be posted --------------------------------------------------------------------

OPEN_ID = "2026-11-22-slow-pdf-exports"
MINIMISING = "Sorry for any inconvenience."  # minimising-language: say sorry for what happened, specifically
UPDATE = ("update", OPEN_ID, "--status", "monitoring", "--next-update", "1h")  # promised: no-next-update is quiet


def _findings(stderr: str, file: str) -> list[str]:
    """The finding lines in a command's standard error, for `file`: `file:line:col: severity: ... [rule]`."""
    return [line for line in stderr.splitlines() if line.startswith(f"{file}:") and line.endswith("]")]


def _line_of(site: Path, file: str, text: str) -> int:
    return next(n for n, line in enumerate((site / file).read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _role_account(site: Path) -> None:
    """A team file for a shared account, as some teams have: updates it signs are not signed by a person."""
    (site / "team" / "support.yml").write_text("name: Support Team\nrole: Shared inbox\n", encoding="utf-8")


def test_a_script_posts_minimising_words_and_is_told_where_and_why(site: Path) -> None:
    result = run(site, *UPDATE, "--author", "bob", MINIMISING)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{OPEN_INCIDENT}\n")
    assert MINIMISING in (site / OPEN_INCIDENT).read_text(encoding="utf-8")  # written all the same
    line = _line_of(site, OPEN_INCIDENT, MINIMISING)
    found = _findings(result.stderr, OPEN_INCIDENT)
    assert len(found) == 1
    assert found[0].startswith(f"{OPEN_INCIDENT}:{line}:") and found[0].endswith("[minimising-language]")
    assert ": warning: " in found[0]
    assert result.stderr.splitlines()[-1].startswith("supporttab: written as it is, with 1 warning")


def test_a_clean_update_prints_no_finding_even_where_the_file_had_one(site: Path) -> None:
    assert "[stale-incident]" in run(site, "check").stdout  # the open incident's missed promise, before
    result = run(site, *UPDATE, "--author", "patty",
                 "The backlog is cleared. Exports arrive within seconds again.")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_findings_already_in_the_file_are_not_repeated(site: Path) -> None:
    _role_account(site)
    first = run(site, *UPDATE, "--author", "support",
                "Exports arrive within seconds again.")
    assert first.returncode == 0, first.stderr
    assert [f[f.rindex("["):] for f in _findings(first.stderr, OPEN_INCIDENT)] == ["[unsigned-update]"]
    lines_before = len((site / OPEN_INCIDENT).read_text(encoding="utf-8").splitlines())
    second = run(site, *UPDATE, "--author", "support",
                 "The backlog from this afternoon is cleared too.")
    found = _findings(second.stderr, OPEN_INCIDENT)
    assert len(found) == 1 and found[0].endswith("[unsigned-update]")  # only the second update's signature:
    assert int(found[0].split(":")[1]) > lines_before  # on a line the second update added
    third = run(site, *UPDATE, "--author", "bob", "Still fine an hour on.")
    assert third.returncode == 0 and third.stderr == ""  # two old findings in the file, none of them new


def test_a_mistake_in_another_incident_never_stops_the_linting_post(site: Path) -> None:
    """The other file is not linted: whatever the linter would make of its mistake, the post goes ahead."""
    other = site / INCIDENT  # its updates now change a component the incident no longer names
    other.write_text(other.read_text(encoding="utf-8").replace("components: [card-payments, invoice-emails]",
                                                               "components: [card-payments]"), encoding="utf-8")
    result = run(site, *UPDATE, "--author", "bob", MINIMISING)
    assert result.returncode == 0, result.stderr
    assert "in other files; `supporttab check` lists them" in result.stderr
    assert [f[f.rindex("["):] for f in _findings(result.stderr, OPEN_INCIDENT)] == ["[minimising-language]"]
    assert _findings(result.stderr, INCIDENT) == []


@pytest.mark.parametrize("arguments", [
    ("--component", "web-app"),
    ("--component", "card-payments", "--component", "api", "--region", "uk", "--next-update", "1h"),
    ("--component", "pdf-exports", "--status", "identified", "--source", "internal"),
])
def test_the_acknowledgement_written_for_you_has_nothing_for_the_linter(site: Path, arguments: tuple) -> None:
    result = run(site, "new", "incident", "Something is wrong", *arguments, "--impact", "major", "--author", "bob")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_postmortem_that_minimises_gets_a_finding(site: Path) -> None:
    closed = run(site, "resolve", OPEN_ID, "--author", "patty", "Exports arrive within seconds again, and every "
                 "export asked for yesterday has arrived. We will explain what happened.")
    assert closed.returncode == 0 and closed.stderr == "", closed.stderr
    result = run(site, "postmortem", OPEN_ID, "--author", "patty", "--apology", MINIMISING,
                 "--cause", "A year-end backlog filled one export server's disk, and nothing warned us before "
                 "exports slowed down.", "--prevention", "Every export server now warns us at 70% disk use, and "
                 "a backlog spreads over every server instead of one.")
    assert result.returncode == 0, result.stderr
    found = _findings(result.stderr, OPEN_INCIDENT)
    assert any(f.startswith(f"{OPEN_INCIDENT}:{_line_of(site, OPEN_INCIDENT, 'apology')}:")
               and f.endswith("[minimising-language]") for f in found), result.stderr
    assert "postmortem:" in (site / OPEN_INCIDENT).read_text(encoding="utf-8")


def test_a_scheduled_maintenance_is_linted_too(site: Path) -> None:
    result = run(site, "maintenance", "Search index rebuild", "--component", "web-app", "--start",
                 "2026-12-06T02:00+00:00", "--end", "2026-12-06T03:00+00:00", "--author", "oystein",
                 f"Search may be briefly unavailable. {MINIMISING}")
    assert result.returncode == 0, result.stderr
    path = "incidents/maintenance/2026-12-06-search-index-rebuild.yml"
    assert any(f.endswith("[minimising-language]") for f in _findings(result.stderr, path)), result.stderr


def test_at_a_terminal_cancel_writes_nothing(site: Path) -> None:
    before = (site / OPEN_INCIDENT).read_bytes()
    result = run(site, *UPDATE, "--author", "bob", MINIMISING, stdin="c\n",
                 terminal=True, EDITOR="true", VISUAL="")
    assert result.returncode == 1
    assert (site / OPEN_INCIDENT).read_bytes() == before
    assert _findings(result.stderr, OPEN_INCIDENT)[0].endswith("[minimising-language]")
    assert "Post it as it is, edit it, or cancel? [p/e/c] " in result.stderr
    assert result.stderr.endswith("supporttab: cancelled; nothing was written\n")
    assert result.stdout == ""


def test_at_a_terminal_no_answer_is_cancel_and_without_an_editor_edit_is_not_offered(site: Path) -> None:
    before = (site / OPEN_INCIDENT).read_bytes()
    result = run(site, *UPDATE, "--author", "bob", MINIMISING, stdin="",
                 terminal=True, EDITOR="", VISUAL="")
    assert result.returncode == 1
    assert "Post it as it is, or cancel? [p/c] \n" in result.stderr
    assert (site / OPEN_INCIDENT).read_bytes() == before
    posted = run(site, *UPDATE, "--author", "bob", MINIMISING, stdin="e\np\n",
                 terminal=True, EDITOR="", VISUAL="")
    assert posted.returncode == 0, posted.stderr  # "e" is not a choice here: asked again
    assert posted.stderr.count("[p/c]") == 2
    assert MINIMISING in (site / OPEN_INCIDENT).read_text(encoding="utf-8")
    assert "written as it is" not in posted.stderr  # the author has seen the findings once


def test_at_a_terminal_edit_reopens_the_text_then_post_writes_the_edited_one(site: Path, tmp_path: Path) -> None:
    seen = tmp_path / "seen.md"
    editor = tmp_path / "editor.py"
    editor.write_text("import pathlib, sys\npage = pathlib.Path(sys.argv[1])\n"
                      f"pathlib.Path({str(seen)!r}).write_text(page.read_text())\n"
                      "page.write_text('We apologise for any inconvenience: exports took hours.\\n')\n",
                      encoding="utf-8")
    result = run(site, *UPDATE, "--author", "bob", MINIMISING,
                 stdin="e\np\n", terminal=True, EDITOR=f"{sys.executable} {editor}", VISUAL="")
    assert result.returncode == 0, result.stderr
    assert seen.read_text(encoding="utf-8") == MINIMISING  # the editor opened on the text as it was
    text = (site / OPEN_INCIDENT).read_text(encoding="utf-8")
    assert "We apologise for any inconvenience: exports took hours." in text and MINIMISING not in text
    assert result.stderr.count("[p/e/c]") == 2  # linted again after the edit, and asked again
    assert result.stdout.startswith(f"{OPEN_INCIDENT}\n")


def test_at_a_terminal_an_edit_that_fixes_it_is_posted_without_another_question(site: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nprintf 'We are sorry: exports took hours this afternoon.' > \"$1\"\n",
                      encoding="utf-8")
    editor.chmod(0o755)
    result = run(site, *UPDATE, "--author", "bob", MINIMISING,
                 stdin="e\n", terminal=True, EDITOR=str(editor), VISUAL="")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("[p/e/c]") == 1
    assert "We are sorry: exports took hours this afternoon." in (site / OPEN_INCIDENT).read_text(encoding="utf-8")


def test_a_rule_the_site_made_an_error_holds_the_update_back(site: Path) -> None:
    make_an_error(site, "minimising-language")
    before = (site / OPEN_INCIDENT).read_bytes()
    result = run(site, *UPDATE, "--author", "bob", MINIMISING)
    assert result.returncode == 1
    assert (site / OPEN_INCIDENT).read_bytes() == before
    found = _findings(result.stderr, OPEN_INCIDENT)
    assert len(found) == 1 and ": error: " in found[0] and found[0].endswith("[minimising-language]")
    assert result.stderr.splitlines()[-1].startswith(f"supporttab: {OPEN_INCIDENT} was left as it was: this site "
                                                     "makes minimising-language an error")
    asked = run(site, *UPDATE, "--author", "bob", MINIMISING, stdin="p\nc\n",
                terminal=True, EDITOR="true", VISUAL="")
    assert asked.returncode == 1 and "Edit it, or cancel? [e/c] " in asked.stderr
    assert asked.stderr.count("[e/c]") == 2  # "p" is not a choice when publishing would stop on it
    assert (site / OPEN_INCIDENT).read_bytes() == before


def test_the_same_mistake_in_a_new_update_is_reported_again(site: Path) -> None:
    first = run(site, "update", OPEN_ID, "--status", "monitoring", "--author", "bob", MINIMISING)
    assert {f.rsplit("[", 1)[1] for f in _findings(first.stderr, OPEN_INCIDENT)} == {
        "minimising-language]", "no-next-update]"}
    again = run(site, "update", OPEN_ID, "--status", "monitoring", "--author", "patty", MINIMISING)
    found = _findings(again.stderr, OPEN_INCIDENT)
    assert {f.rsplit("[", 1)[1] for f in found} == {"minimising-language]", "no-next-update]"}, again.stderr
    assert all(int(f.split(":")[1]) > _line_of(site, OPEN_INCIDENT, "author: bob") for f in found)


def test_a_timing_rule_the_site_made_an_error_never_holds_a_post_back(site: Path) -> None:
    make_an_error(site, "slow-acknowledgement")
    result = run(site, "new", "incident", "Logins failing", "--component", "web-app", "--impact", "major",
                 "--author", "bob", "--started-at", "2026-11-23T07:00:00+00:00")
    assert result.returncode == 0, result.stderr  # no rewording can make a late acknowledgement early
    found = [line for line in result.stderr.splitlines() if line.endswith("[slow-acknowledgement]")]
    assert len(found) == 1 and ": error: " in found[0]


def test_the_acknowledgement_drafted_in_the_editor_keeps_its_promise(site: Path) -> None:
    result = run(site, "new", "incident", "Logins failing", "--component", "web-app", "--impact", "major",
                 "--author", "bob", stdin="", terminal=True, EDITOR="true", VISUAL="")  # saved as drafted
    assert result.returncode == 0, result.stderr
    written = (site / result.stdout.splitlines()[0]).read_text(encoding="utf-8")
    assert "We will post again by " in written and "next_update_by: " in written
    assert "[no-next-update]" not in result.stderr
