"""The bad-input catalogue: one mistake at a time in every kind of authored file, each coming back from
`supporttab check` and from the strict build as the same located sentence (file:line:column: what is wrong; how to
fix it), with a non-zero exit, no traceback and the last good site left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import copy_example_site, run_mkdocs_build
from test_cli import run

HUB = "content/hub.yml"
COMPONENTS = "incidents/components.yml"
PDF = "incidents/2026-11-22-slow-pdf-exports.yml"
CARD = "incidents/2026-11-20-card-payments-failing.yml"
UPGRADE = "incidents/maintenance/2026-11-15-database-upgrade.yml"
PATTY = "team/patty.yml"
VIEWS = "content/page-views.csv"
CONFIG = "mkdocs.yml"

# (id, file, text to replace, replacement, what the message must say). The message must point at the line where
# the replacement starts (or, where marked with a line number, at that line) and say what to do after a ';'.
CASES = [
    # --- the hub ---
    ("hub-time-zone", HUB, "timezone: Europe/London", "timezone: Europe/Londn", "is not a time zone name"),
    ("hub-local-zone", HUB, "timezone: Europe/London", "timezone: localtime", "not a time zone every browser knows"),
    ("hub-phone", HUB, "phone: +44 20 7946 0321", "phone: 555-CALL", "is not a phone number in international form"),
    ("hub-email", HUB, "email: help@brightwell.example", "email: help", "is not an email address"),
    ("hub-url-scheme", HUB, "url: https://community.brightwell.example/", "url: javascript:alert(1)",
     "is not a web address"),
    ("hub-url-relative", HUB, "url: https://brightwell.example/chat", "url: /chat", "is not a web address"),
    ("hub-missing-page", HUB, "- page: guides/getting-started.md", "- page: guides/getting-startd.md",
     "did you mean 'guides/getting-started.md'?"),
    ("hub-page-outside", HUB, "- page: guides/getting-started.md", "- page: ../mkdocs.md",
     "is not a page in the content folder"),
    ("hub-page-not-md", HUB, "- page: guides/getting-started.md", "- page: guides/getting-started.html",
     "is not a page in the content folder"),
    ("hub-links-an-excluded-page", HUB, "- page: guides/getting-started.md", "- page: authoring.md",
     "is not published (MkDocs leaves it out"),
    ("hub-links-itself", HUB, "- page: guides/getting-started.md", "- page: index.md", "is the hub itself"),
    ("hub-pinned-twice", HUB, "      - articles/reset-password.md\n",
     "      - articles/reset-password.md\n      - articles/reset-password.md\n", "is pinned twice"),
    ("hub-unknown-field", HUB, "  search_label: Search", "  search_lable: Search", "did you mean 'search_label'?"),
    ("hub-missing-description", HUB, "description: Get help with Brightwell invoicing", "descriptio: Get help",
     "did you mean 'description'?"),
    ("hub-blank-title", HUB, "title: How can we help?", "title: '   '", "is empty (only spaces)"),
    ("hub-help-title-empty-map", HUB, "help_from_us:\n", "help_from_us:\n  title: {}\n",
     "is empty; write the text, or the text in each language"),
    ("hub-hours-format", HUB, "monday: 08:00-20:00", "monday: 8am to 8pm", "is not a list of opening hours"),
    ("hub-hours-backwards", HUB, "monday: 08:00-20:00", "monday: 20:00-08:00", "is not a list of opening hours"),
    ("hub-hours-overlap", HUB, "monday: 08:00-20:00", "monday: 08:00-12:00, 11:00-20:00", "overlapping opening"),
    ("hub-hours-past-midnight", HUB, "monday: 08:00-20:00", "monday: 08:00-24:30", "is not a list of opening"),
    ("hub-weekday", HUB, "      monday: 08:00-20:00", "      mondy: 08:00-20:00", "is not allowed"),
    ("hub-closure-date", HUB, "- date: 2026-12-25", "- date: 25/12/2026", "expected a date, found '25/12/2026'; write it like 2026-12-25"),
    ("hub-channel-kind", HUB, "- kind: email", "- kind: pigeon", "is not allowed; write one of"),
    ("hub-channel-target", HUB, "      email: help@brightwell.example\n", "",
     "an email channel needs `email`", 83),  # the channel's own line: the whole channel is what is wrong
    ("hub-channel-two-targets", HUB, "      email: help@brightwell.example\n",
     "      email: help@brightwell.example\n      phone: +44 20 7946 0321\n", "takes `email`, not `phone`", 83),
    ("hub-count-zero", HUB, "count: 5", "count: 0", "must be at least 1"),
    ("hub-count-text", HUB, "count: 5", "count: five", "expected a whole number"),
    ("hub-list-expected", HUB, "area_served: [GB, IE, US, CA]", "area_served: GB", "expected a list"),
    ("hub-page-views-missing", HUB, "page_views: page-views.csv", "page_views: views.csv", "does not exist next"),
    ("hub-control-character", HUB, "intro: Most questions are answered in a few minutes with our help articles.",
     'intro: "Most\\u0007 questions"',
     "control character U+0007 (a bell)"),
    ("hub-duplicate-key", HUB, "  search_label: Search the help articles\n",
     "  search_label: Search the help articles\n  search_label: Search\n", "appears twice"),
    ("hub-tab-indent", HUB, "  search_label: Search", "\tsearch_label: Search", "a tab is used for indentation"),
    ("hub-syntax", HUB, "  search_label: Search the help articles", "  search_label: [Search the help",
     "this is not valid YAML"),
    ("hub-alias", HUB, "  search_label: Search the help articles", "  search_label: *label",
     "aliases (`*name`) are not supported"),
    ("hub-python-tag", HUB, "  search_label: Search the help articles",
     "  search_label: !!python/object:os.system Search", "is not allowed; remove it"),
    ("hub-second-document", HUB, "help_from_us:", "---\nhelp_from_us:", "more than one YAML document"),
    # --- the page-view export ---
    ("views-semicolon", VIEWS, "path,views\n", "path;views\n", "separated by a semicolon"),
    ("views-header", VIEWS, "path,views\n", "page,count\n", "the first line must be the header"),
    ("views-not-a-number", VIEWS, "/pricing/,15001", "/pricing/,lots", "whole number of views"),
    ("views-superscript", VIEWS, "/pricing/,15001", "/pricing/,3²", "write `path,views` with digits 0-9"),
    ("views-stray-quote", VIEWS, "/pricing/,15001", '"/pricing/,15001', "close the quote on this line"),
    ("views-broken-address", VIEWS, "/pricing/,15001", "http://[oops/,5", "not a path and a whole number"),
    ("views-three-columns", VIEWS, "/pricing/,15001", "/pricing/,15001,12", "not a path and a whole number"),
    # --- components ---
    ("components-bad-id", COMPONENTS, "- id: web-app", "- id: Web App", "is not a valid id"),
    ("components-twice", COMPONENTS, "      - id: mobile-apps", "      - id: web-app", "is declared twice"),
    ("components-status-id", COMPONENTS, "      - id: payouts", "      - id: status", "the id 'status' is taken"),
    ("components-region", COMPONENTS, "regions: [uk, eu]", "regions: [uk, eu, mars]", "is not a declared region"),
    ("components-blank-name", COMPONENTS, "name: Web app", "name: ' '", "is empty (only spaces)"),
    ("components-unknown-field", COMPONENTS, "description: Signing in", "descripton: Signing in",
     "did you mean 'description'?"),
    ("components-group-empty", COMPONENTS, "  - id: payments\n    name: Payments\n    components:\n",
     "  - id: payments\n    name: Payments\n    components: []\n    old:\n", "needs at least 1 item"),
    # --- incidents ---
    ("incident-impact", PDF, "impact: minor", "impact: small", "is not allowed; write one of"),
    ("incident-source", PDF, "source: internal", "source: inside", "is not allowed; write one of"),
    ("incident-workaround-blank", PDF, "workaround: Nothing you asked for is lost. Need an invoice PDF now? Open the invoice and choose **Print**.", "workaround: ' '", "workaround: is empty (only spaces); write the text"),
    ("incident-workaround-list", PDF, "workaround: Nothing you asked for is lost. Need an invoice PDF now? Open the invoice and choose **Print**.", "workaround: [print it]", "workaround: expected text, found a list"),
    ("incident-status", PDF, "status: monitoring", "status: watching", "is not allowed; write one of"),
    ("incident-opens-late", PDF, "    status: investigating", "    status: monitoring",
     "an incident opens with `investigating` or `identified`"),
    ("incident-out-of-order", PDF, "  - at: 2026-11-22T14:52:00+00:00", "  - at: 2026-11-22T13:52:00+00:00",
     "dated before the one above it"),
    ("incident-future", PDF, "  - at: 2026-11-22T15:40:00+00:00", "  - at: 2027-11-22T15:40:00+00:00",
     "this time is in the future"),
    ("incident-naive-time", PDF, "  - at: 2026-11-22T15:40:00+00:00", "  - at: 2026-11-22T15:40:00",
     "has no UTC offset"),
    ("incident-year-9999", PDF, "next_update_by: 2026-11-23T09:00:00+00:00",
     "next_update_by: 9999-12-31T23:59:59+14:00", "is not a plausible time"),
    ("incident-year-1", PDF, "title: PDF exports are slow", "title: PDF exports are slow\nstarted_at: 0001-01-01T00:00:00-14:00",
     "is not a plausible time"),
    ("incident-not-a-date", PDF, "  - at: 2026-11-22T15:40:00+00:00", "  - at: yesterday",
     "expected a date and time with its UTC offset"),
    ("incident-started-late", PDF, "title: PDF exports are slow",
     "title: PDF exports are slow\nstarted_at: 2026-11-22T15:00:00+00:00", "started_at is after the first update"),
    ("incident-promise-before", PDF, "next_update_by: 2026-11-22T15:00:00+00:00",
     "next_update_by: 2026-11-22T14:00:00+00:00", "the promised next update is not after this update"),
    ("incident-component", PDF, "components: [pdf-exports]", "components: [pdf-export]",
     "did you mean 'pdf-exports'?"),
    ("incident-component-twice", PDF, "components: [pdf-exports]", "components: [pdf-exports, pdf-exports]",
     "is listed twice"),
    ("incident-region", PDF, "components: [pdf-exports]", "components: [pdf-exports]\nregions: [mars]",
     "is not a declared region"),
    ("incident-update-component", PDF, "      pdf-exports: degraded_performance",
     "      api: degraded_performance", "is not among this incident's components"),
    ("incident-component-state", PDF, "      pdf-exports: degraded_performance", "      pdf-exports: slow",
     "is not allowed; write one of"),
    ("incident-author", PDF, "    author: patty", "    author: pattty", "did you mean 'patty'?"),
    ("incident-invisible-author", PDF, "    author: patty", '    author: "patty\\u200b"', "patty\\u200b"),
    ("incident-blank-title", PDF, "title: PDF exports are slow", "title: '  '", "is empty (only spaces)"),
    ("incident-blank-body", UPGRADE, "    body: The upgrade has started.", "    body: ' '",
     "is empty (only spaces)"),
    ("incident-control-body", PDF, "    body: |\n      Invoice PDFs", '    body: "Invoice\\u0000 PDFs"\n    old: |\n      Invoice PDFs',
     "control character U+0000 (NUL)"),
    ("incident-vertical-tab", PDF, "title: PDF exports are slow", 'title: "PDF exports\\v are slow"',
     "U+000B (a vertical tab)"),
    ("incident-no-updates", PDF, "updates:\n  - at: 2026-11-22T14:10:00+00:00", "updates: []\nold:\n  - at: 2026-11-22T14:10:00+00:00",
     "needs at least 1 item"),
    ("incident-unknown-field", PDF, "impact: minor", "impcat: minor", "did you mean 'impact'?"),
    ("incident-lint-rule", PDF, "impact: minor", "impact: minor\nlint_ignore:\n  stale: because we know",
     "is not a lint rule"),
    ("incident-lint-reason", PDF, "impact: minor", "impact: minor\nlint_ignore:\n  stale-incident: ok",
     "needs a written reason"),
    ("incident-postmortem-early", CARD, "  published_at: 2026-11-21T15:00:00+00:00",
     "  published_at: 2026-11-20T10:00:00+00:00", "dated before the incident was resolved"),
    ("incident-postmortem-missing-part", CARD, "  prevention: |", "  preventio: |", "did you mean 'prevention'?"),
    ("incident-empty-file", PDF, None, "", "the file is empty"),
    ("incident-not-a-mapping", PDF, None, "- just\n- a list\n", "expected a mapping of fields"),
    ("incident-bad-bytes", PDF, None, b"title: caf\xe9\n", "is not valid UTF-8"),
    # --- maintenance ---
    ("maintenance-window", UPGRADE, "scheduled_until: 2026-11-15T03:00:00+00:00",
     "scheduled_until: 2026-11-15T01:00:00+00:00", "the maintenance ends before it starts"),
    ("maintenance-status", UPGRADE, "    status: in_progress", "    status: underway", "is not allowed; write one of"),
    ("incident-after-resolved", CARD, "postmortem:\n", "  - at: 2026-11-20T11:30:00+00:00\n    status: monitoring\n"
     "    author: bob\n    body: Watching.\n\npostmortem:\n", "a later update must be marked `correction: true`"),
    ("incident-correction-reopens", CARD, "postmortem:\n", "  - at: 2026-11-20T11:30:00+00:00\n    status: monitoring\n"
     "    correction: true\n    author: bob\n    body: Watching.\n\npostmortem:\n", "does not reopen the incident"),
    ("maintenance-order", UPGRADE, "    status: completed", "    status: scheduled", "cannot follow"),
    ("maintenance-completed-early", UPGRADE, "  - at: 2026-11-15T02:38:00+00:00", "  - at: 2026-11-15T01:38:00+00:00",
     "dated before the one above it"),
    ("maintenance-component", UPGRADE, "components: [web-app, mobile-apps, api]",
     "components: [web-app, mobile-app, api]", "did you mean 'mobile-apps'?"),
    ("maintenance-author", UPGRADE, "    author: sam", "    author: samm", "did you mean 'sam'?"),
    ("maintenance-year", UPGRADE, "scheduled_until: 2026-11-15T03:00:00+00:00",
     "scheduled_until: 9999-12-31T23:59:59-14:00", "is not a plausible time"),
    ("maintenance-unknown-field", UPGRADE, "scheduled_for:", "scheduled_from:", "did you mean 'scheduled_for'?"),
    # --- team ---
    ("member-photo-release-date", "team/amara.yml", "  date:", "  date: someday\n  old:", "expected a date"),
    ("member-bad-file-name", "team/Patty Two.yml", None, "name: Patty Two\nrole: Support\n",
     "does not make a unique member id"),
    ("incident-bad-file-name", "incidents/Big Outage.yml", None, "title: Big outage\n", "does not make a valid id"),
    ("incident-capital-suffix", "incidents/2026-11-24-outage.YML", None, "title: Outage\n",
     "the suffix must be lowercase"),
    ("incident-in-a-subfolder", "incidents/2026/2026-11-24-outage.yml", None, "title: Outage\n",
     "this file is not read: incidents go directly in"),
    ("maintenance-in-a-subfolder", "incidents/maintenance/2027/2027-01-02-upgrade.yml", None, "title: Upgrade\n",
     "this file is not read: incidents go directly in"),
    ("incident-id-taken", "incidents/maintenance/2026-11-22-slow-pdf-exports.yml", None,
     "title: Upgrade\nscheduled_for: 2026-12-01T02:00:00+00:00\nscheduled_until: 2026-12-01T03:00:00+00:00\n"
     "components: [api]\nupdates:\n  - at: 2026-11-20T10:00:00+00:00\n    status: scheduled\n    author: bob\n"
     "    body: We upgrade.\n", "is already used by"),
    ("incident-title-empty-map", PDF, "title: PDF exports are slow", "title: {}",
     "is empty; write the text, or the text in each language, like {en: ..., de: ...}"),
    ("update-body-empty-map", PDF, "    body: |\n      Invoice PDFs and data exports take several minutes to "
     "arrive instead of seconds. Nothing is lost:\n      every export you asked for will arrive. We are looking into "
     "it.\n", "    body: {}\n",
     "is empty; write the text, or the text in each language"),
    ("components-missing", COMPONENTS, None, "", "the file is empty"),
    ("hub-organization-list", HUB, "organization:\n  name: Brightwell", "organization: [Brightwell]\nold:\n  name: B",
     "expected a mapping of fields"),
    ("member-no-letters", PATTY, "name: Patty Hughes", "name: '---'", "is not a name"),
    ("member-blank-role", PATTY, "role: Support lead", "role: ''", "is empty; write the text"),
    ("member-bio-long", PATTY, "bio: Patty has answered", "bio: " + "x" * 401 + " Patty", "longer than 400"),
    ("member-order", PATTY, "order: 1", "order: first", "expected a whole number"),
    ("member-unknown-field", PATTY, "pronouns: she/her", "pronoun: she/her", "did you mean 'pronouns'?"),
    ("member-languages", PATTY, "languages: [English]", "languages: English", "expected a list"),
    ("member-active", PATTY, "group: Support team", "group: Support team\nactive: maybe", "expected true or false"),
    ("member-focus", PATTY, "group: Support team", "group: Support team\nfocus: {x: 2, y: 0.5, height: 0.3}",
     "must be at most 1"),
]

DATA_CASES = [(*case, None) if len(case) == 5 else case for case in CASES]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example for the whole catalogue: each case changes one file and puts it back."""
    site = copy_example_site(tmp_path_factory.mktemp("catalogue") / "site")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


def _apply(site: Path, name: str, old, new) -> int:
    """Make the change; return the line the problem should point at (where the change starts)."""
    path = site / name
    if old is None:
        path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
        return 1
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    changed = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    if new[changed:changed + 1] == "\n":
        changed += 1  # the change is a line added after the common part
    return text.replace(old, new, 1)[:at + changed].count("\n") + 1


@pytest.mark.parametrize(("name", "old", "new", "says", "at"), [case[1:] for case in DATA_CASES],
                         ids=[case[0] for case in DATA_CASES])
def test_check_and_the_strict_build_say_the_same_located_sentence(example: Path, name: str, old, new,
                                                                    says: str, at: int | None) -> None:
    path = example / name
    original = path.read_bytes() if path.exists() else None  # None: the case adds a file
    new_folder = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    before = {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()}
    try:
        line = at or _apply(example, name, old, new)
        if at:
            _apply(example, name, old, new)
        check = run(example, "check", "--format", "json")
        build = run_mkdocs_build(example)
    finally:
        if original is None:
            path.unlink()
            if new_folder:
                path.parent.rmdir()
        else:
            path.write_bytes(original)
    assert check.returncode == 1 and build.returncode == 1
    errors = [f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in json.loads(check.stdout)
              if f["severity"] == "error"]
    assert errors, check.stdout
    assert all(error in build.stderr for error in errors), (errors, build.stderr)  # the same sentences
    assert "Traceback" not in build.stderr + check.stderr
    ours = [error for error in errors if error.startswith(f"{name}:") and says in error]
    assert ours, errors
    lines = range(line, line + (new.count("\n") if isinstance(new, str) else 0) + 2)  # the parser may stop a line on
    assert old is None or any(int(error.split(":")[1]) in lines for error in ours), (line, ours)
    assert all("; " in error for error in ours)  # what is wrong; what to do
    after = {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()}
    assert after == before  # the last good site stays


def test_the_catalogue_covers_every_file_kind_and_over_a_hundred_inputs() -> None:
    kinds = {case[1].split("/")[0] if case[1] != HUB else "hub" for case in CASES}
    assert len(DATA_CASES) + len(COMMAND_CASES) >= 120
    assert {"content", "hub", "incidents", "team"} <= kinds | {"content"}
    assert len({case[0] for case in CASES + COMMAND_CASES}) == len(CASES) + len(COMMAND_CASES)


# --- the command line and its surroundings: exit 2 for a mistake on the command line, 1 for data ---------

OPEN = "2026-11-22-slow-pdf-exports"
COMMAND_CASES = [
    ("cli-next-update-huge", ("update", OPEN, "--status", "monitoring", "--author", "bob", "--next-update",
                              "999999999d", "Still slow."), 2, "'999999999d' is more than a year; write at most 365d"),
    ("cli-next-update-naive", ("update", OPEN, "--status", "monitoring", "--author", "bob", "--next-update",
                               "2026-11-23T10:00", "Still slow."), 2, "has no UTC offset"),
    ("cli-started-at", ("new", "incident", "Down", "--component", "api", "--impact", "major", "--author", "bob",
                        "--started-at", "this morning"), 2, "is not a date and time"),
    ("cli-unknown-incident", ("update", "2026-11-22-slow-pdf-export", "--status", "monitoring", "--author", "bob",
                              "x"), 2, f"did you mean '{OPEN}'?"),
    ("cli-unknown-author", ("update", OPEN, "--status", "monitoring", "--author", "bobb", "x"), 2,
     "did you mean 'bob'?"),
    ("cli-invisible-author", ("update", OPEN, "--status", "monitoring", "--author", "bob\u200b", "x"), 2,
     "'bob\\u200b' is not a member of the team"),
    ("cli-unknown-component", ("new", "incident", "Down", "--component", "apii", "--impact", "major", "--author",
                               "bob"), 2, "did you mean 'api'?"),
    ("cli-unknown-region", ("new", "incident", "Down", "--component", "api", "--region", "ukk", "--impact", "major",
                            "--author", "bob"), 2, "did you mean 'uk'?"),
    ("cli-component-state", ("update", OPEN, "--status", "monitoring", "--author", "bob", "--component",
                             "pdf-exports=slow", "x"), 2, "is not a component state"),
    ("cli-component-not-affected", ("update", OPEN, "--status", "monitoring", "--author", "bob", "--component",
                                    "api=operational", "x"), 2, "is not among this incident's components"),
    ("cli-status", ("update", OPEN, "--status", "fixed", "--author", "bob", "x"), 2, "is not a status here"),
    ("cli-title-control", ("new", "incident", "Down\x1b[31m", "--component", "api", "--impact", "major", "--author",
                           "bob"), 2, "U+001B (an escape)"),
    ("cli-message-control", ("update", OPEN, "--status", "monitoring", "--author", "bob", "Still\x00 slow"), 2,
     "your message contains the invisible control character U+0000 (NUL)"),
    ("cli-message-blank", ("update", OPEN, "--status", "monitoring", "--author", "bob", "   "), 2,
     "your message is empty"),
    ("cli-message-file", ("update", OPEN, "--status", "monitoring", "--author", "bob", "@missing.md"), 2,
     "cannot read missing.md"),
    ("cli-postmortem-unresolved", ("postmortem", OPEN, "--author", "bob", "--apology", "We are sorry.", "--cause",
                                   "A full disk on one export server.", "--prevention", "Alerts at 70% disk."), 1,
     "a postmortem follows a resolved incident"),
    ("cli-start-year-1", ("maintenance", "Upgrade", "--component", "api", "--start", "0001-01-01T00:00+05:00",
                          "--end", "2026-12-06T02:00+00:00", "--author", "bob", "We upgrade."), 2,
     "is not a plausible time"),
    ("cli-window-backwards", ("maintenance", "Upgrade", "--component", "api", "--start", "2026-12-06T03:00+00:00",
                              "--end", "2026-12-06T02:00+00:00", "--author", "bob", "We upgrade."), 1,
     "the maintenance ends before it starts"),
    ("cli-unknown-command", ("chek",), 2, "did you mean 'check'?"),
    ("cli-format", ("check", "--format", "jsn"), 2, "did you mean 'json'?"),
    ("cli-impact", ("new", "incident", "Down", "--component", "api", "--impact", "majr", "--author", "bob"), 2,
     "did you mean 'major'?"),
    ("cli-schema-out-file", ("schema", "--out", "mkdocs.yml"), 2, "is a file; name a folder"),
    ("cli-plugin-options-not-a-mapping", ("check",), 1, "plugins: supporttab: expected its options as `name: "
     "value` lines"),
    ("cli-since-unknown", ("check", "--since", "no-such-revision"), 2, "is not a git revision here"),
]


@pytest.mark.parametrize("label", ["{}", "{en: UK time, de: britische Zeit}"])
def test_a_time_zone_label_with_no_text_or_not_in_the_sites_language_is_one_located_sentence(
        example: Path, label: str) -> None:
    """mkdocs.yml's label as an empty map, or in a language a site of English only does not speak: check and the
    build say where, and what to write, without a traceback, and keep the last good site."""
    config = example / CONFIG
    original = config.read_bytes()
    before = {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()}
    try:
        config.write_text(original.decode().replace("timezone_label: UK time", f"timezone_label: {label}"), "utf-8")
        line = next(n for n, text in enumerate(config.read_text("utf-8").splitlines(), 1) if "timezone_label" in text)
        check, build = run(example, "check"), run_mkdocs_build(example)
    finally:
        config.write_bytes(original)
    says = ("is empty; write the label, or the label in each language, like {en: UK time, de: britische Zeit}"
            if label == "{}" else "'de' is not one of the site's languages (en); correct it")
    assert check.returncode == 1 and build.returncode == 1
    for output in (check.stderr, build.stderr):
        assert f"mkdocs.yml:{line}:7: " in output and says in output and output.count("mkdocs.yml:") == 1, output
        assert "Traceback" not in output
    assert {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("arguments", "code", "says"), [case[1:] for case in COMMAND_CASES],
                         ids=[case[0] for case in COMMAND_CASES])
def test_a_bad_command_is_one_sentence_and_writes_nothing(site: Path, arguments: tuple, code: int,
                                                           says: str, request: pytest.FixtureRequest) -> None:
    if "plugin-options-not-a-mapping" in request.node.name:
        config = site / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  - supporttab:\n      hub: content/hub.yml\n      timezone: Europe/London\n      timezone_label: UK time\n",
            "  - supporttab: yes\n").replace("      headshot_background: '#eef2f6 #c9d3de'\n      headshot_backdrop: true\n",
                                          ""),
            encoding="utf-8")
    authored = [site / part for part in ("content", "team", "incidents", "mkdocs.yml")]
    before = {p: p.read_bytes() for part in authored for p in [part, *part.rglob("*")] if p.is_file()}
    result = run(site, *arguments)
    assert result.returncode == code, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for part in authored for p in [part, *part.rglob("*")] if p.is_file()} == before
