"""Each lint rule on text that must fire and text that must not, through the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL_HUB, NOW
from supporttab.authoring.lint import lint
from supporttab.config import LintSetting, Options
from supporttab.site import load_site

COMPONENTS = ("regions:\n  - id: uk\n    name: United Kingdom\n  - id: eu\n    name: European Union\n"
              "components:\n  - id: api\n    name: API\n  - id: dashboard\n    name: Dashboard\n")
TEAM = {"team/patty.yml": "name: Patty Hughes\nrole: Support lead\n",
        "team/support.yml": "name: Support\nrole: Shared inbox\n"}


def incident(updates: str, *, head: str = "", tail: str = "") -> str:
    return f"title: API errors\nimpact: major\ncomponents: [api]\n{head}updates:\n{updates}{tail}"


def update(at: str, status: str, body: str, author: str = "patty", extra: str = "") -> str:
    return f"  - at: {at}\n    status: {status}\n    author: {author}\n{extra}    body: \"{body}\"\n"


ACK = update("2026-11-23T09:00:00+00:00", "investigating",
             "The API fails for some requests. We are on it, and will post again within the hour.")
RESOLVED = update("2026-11-23T10:00:00+00:00", "resolved",
                  "The API works normally again. Requests that failed can be sent again now.")
POSTMORTEM = ("postmortem:\n  published_at: 2026-11-23T11:00:00+00:00\n  author: patty\n"
              "  apology: We are sorry for the hour your integrations failed.\n"
              "  cause: A configuration change reached every server at once, because our checks missed the API.\n"
              "  prevention: Changes now reach one server first for ten minutes, with checks for the API too.\n")


def findings(tmp_path: Path, text: str, settings: dict | None = None, components: str = COMPONENTS) -> list[str]:
    files = {"content/hub.yml": MINIMAL_HUB, "incidents/components.yml": components, "incidents/api.yml": text,
             **TEAM}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    data = load_site(tmp_path, tmp_path / "content", Options(), NOW, keep_documents=True)
    rules = {rule: LintSetting(**setting) for rule, setting in (settings or {}).items()}
    return [f"{f.line}:{f.column} {f.severity} {f.rule}: {f.message}"
            for f in lint(data.status, data.status.documents, NOW, rules, data.team, data.hub.organization.name)]


def test_a_well_run_incident_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, incident(ACK + RESOLVED, tail=POSTMORTEM)) == []


def test_slow_acknowledgement(tmp_path: Path) -> None:
    late = incident(ACK + RESOLVED, head="started_at: 2026-11-23T08:15:00+00:00\n", tail=POSTMORTEM)
    assert findings(tmp_path, late) == [
        "6:9 warning slow-acknowledgement: the first public update came 45 min after customers were affected; "
        "acknowledge within minutes (\"we know, we're on it\"), before you know the cause"]
    quick = late.replace("08:15:00", "08:45:00")
    assert findings(tmp_path, quick) == []


def test_stale_incident_without_updates_or_past_its_promise(tmp_path: Path) -> None:
    assert findings(tmp_path, incident(ACK)) == [
        "5:9 warning stale-incident: no update for 3 h on an open incident; post one now, and say when the next "
        "will come"]
    promised = update("2026-11-23T11:00:00+00:00", "identified", "We found the cause and are fixing it.",
                      extra="    next_update_by: 2026-11-23T11:30:00+00:00\n")
    assert findings(tmp_path, incident(ACK + promised)) == [
        "12:21 warning stale-incident: the next update was promised by 2026-11-23 11:30 UTC and is 30 min late; "
        "post an update now, even if nothing has changed"]
    kept = promised.replace("11:30:00", "12:30:00")
    assert findings(tmp_path, incident(ACK + kept)) == []
    # A promise made long ago that still stands is kept, however long the silence before it falls due.
    long_promise = ACK.replace('    body:', '    next_update_by: 2026-11-23T18:00:00+00:00\n    body:')
    assert findings(tmp_path, incident(long_promise)) == []


def test_no_closure_for_a_bare_resolution(tmp_path: Path) -> None:
    bare = update("2026-11-23T10:00:00+00:00", "resolved", "Resolved.")
    assert findings(tmp_path, incident(ACK + bare, tail=POSTMORTEM)) == [
        "12:11 warning no-closure: the resolving update closes nothing; say what works again, what customers need "
        "to do (or that they need do nothing), and when you will explain what happened"]


def test_no_closure_for_an_incident_open_too_long(tmp_path: Path) -> None:
    old_ack = ACK.replace("2026-11-23T09:00", "2026-11-10T09:00")
    recent = update("2026-11-23T11:30:00+00:00", "monitoring", "We are watching the fix; errors are rare now.",
                    extra="    next_update_by: 2026-11-23T13:00:00+00:00\n")
    assert findings(tmp_path, incident(old_ack + recent)) == [
        "5:9 warning no-closure: open for 13 days; resolve it when it is over, or say why it is still open"]


def test_missing_postmortem_after_the_limit(tmp_path: Path) -> None:
    old = (ACK + RESOLVED).replace("2026-11-23T", "2026-11-10T")
    assert findings(tmp_path, incident(old)) == [
        "2:9 warning missing-postmortem: a major incident resolved 13 days ago has no postmortem; say sorry, how it "
        "came about, and what changes so it does not happen again"]
    assert findings(tmp_path, incident(ACK + RESOLVED)) == []  # resolved two hours ago: there is time
    assert findings(tmp_path, incident(old).replace("impact: major", "impact: minor")) == []


def test_incomplete_postmortem_points_at_each_hollow_part(tmp_path: Path) -> None:
    hollow = POSTMORTEM.replace("We are sorry for the hour your integrations failed.",
                                "This incident is regrettable.").replace(
        "A configuration change reached every server at once, because our checks missed the API.",
        "The incident was caused by an unexpected technical issue in one of our systems.")
    assert [f.split(":")[0] + " " + f.split("warning ")[1].split(":")[0] for f in
            findings(tmp_path, incident(ACK + RESOLVED, tail=hollow))] == [
        "16 incomplete-postmortem", "17 incomplete-postmortem"]


def test_a_role_account_signature(tmp_path: Path) -> None:
    by_role = ACK.replace("author: patty", "author: support")
    assert findings(tmp_path, incident(by_role + RESOLVED, tail=POSTMORTEM)) == [
        "7:13 warning unsigned-update: signed by 'support', a role or a team, not a person; sign with your own name "
        "(customers relate to people), and add your role after a comma if it helps"]


def test_a_postmortem_or_an_update_signed_by_a_role_or_the_company(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "acme.yml").write_text("name: Acme\nrole: Company account\n", encoding="utf-8")
    by_company = ACK.replace("author: patty", "author: acme")  # Acme is MINIMAL_HUB's organization
    text = incident(by_company + RESOLVED, tail=POSTMORTEM.replace("author: patty", "author: support"))
    assert [f.split(" warning ")[0] + " " + f.split("signed by ")[1].split(",")[0] for f in findings(tmp_path, text)
            ] == ["7:13 'acme'", "15:11 'support'"]


@pytest.mark.parametrize(("rule", "within", "beyond"), [
    ("no-closure", "2026-11-16T13:00", "2026-11-16T11:00"),  # 7 days: opened just under, and just over
    ("missing-postmortem", "2026-11-18T13:00", "2026-11-18T11:00"),  # 5 days after the resolution
])
def test_default_limits(tmp_path: Path, rule: str, within: str, beyond: str) -> None:
    def run(moment: str) -> list[str]:
        if rule == "no-closure":
            ack = ACK.replace("2026-11-23T09:00", moment)
            text = incident(ack + update("2026-11-23T11:30:00+00:00", "monitoring", "Still watching the fix."))
        else:
            text = incident((ACK + RESOLVED).replace("2026-11-23T09:00", moment[:11] + "09:00")
                            .replace("2026-11-23T10:00", moment))
        return [f for f in findings(tmp_path, text) if rule in f]

    assert run(within) == []
    assert len(run(beyond)) == 1


def test_a_rule_can_be_switched_off_per_incident_with_a_reason(tmp_path: Path) -> None:
    text = incident(ACK, head="lint_ignore:\n  stale-incident: waiting on the bank until Monday, said so above\n")
    assert findings(tmp_path, text) == []


def test_an_opt_out_needs_a_real_reason(tmp_path: Path) -> None:
    from supporttab.core.problems import DataError

    text = incident(ACK, head="lint_ignore:\n  stale-incident: no\n")
    with pytest.raises(DataError) as caught:
        findings(tmp_path, text)
    assert str(caught.value) == ("incidents/api.yml:5:3: lint_ignore: ignoring stale-incident needs a written reason, "
                                 "not 'no'; say in a few words why")


def test_site_settings_change_severity_and_limits(tmp_path: Path) -> None:
    assert findings(tmp_path, incident(ACK), {"stale-incident": {"severity": "error", "limit": "4h"}}) == []
    assert findings(tmp_path, incident(ACK), {"stale-incident": {"severity": "error"}})[0].startswith(
        "5:9 error stale-incident:")
    assert findings(tmp_path, incident(ACK), {"stale-incident": {"severity": "off"}}) == []


def test_a_limit_on_a_rule_without_one_is_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Options.model_validate({"lint": {"unsigned-update": {"limit": "2h"}}})
    assert ("the rule 'unsigned-update' has no time limit; remove `limit` (rules with one: slow-acknowledgement, "
            "stale-incident, no-closure, missing-postmortem, overdue-maintenance)") in str(caught.value)
