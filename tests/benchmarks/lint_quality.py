"""Precision and recall of the comms linter on the labelled corpus (tests/lint_corpus/), per rule and overall,
on the whole corpus and on the held-out fifth (sha256(id) % 5 == 0, see the corpus README).

    .venv/bin/python tests/benchmarks/lint_quality.py

Each case becomes a small incident around its text: an update with its status, a resolution after an
acknowledgement, or one part of a postmortem beside neutral other parts. Only findings that point at the case's
own text or signature (or the incident's impact, which understated-impact questions) count. The site each case
belongs to declares every component and region that any case from the same source file lists (named after its
id, as the corpus gives no names), so unlisted-affected sees what a real components.yml would declare."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "plugins"))

from supporttab.authoring.lint import CHECKS, _Context  # noqa: E402  (the engine under test)
from supporttab.status.model import Components, Incident  # noqa: E402

CORPUS = REPO / "tests" / "lint_corpus"
AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
NEUTRAL = {"apology": "We are sorry: for two hours you could not send invoices, and that cost you time.",
           "cause": "A database migration locked the invoices table for two hours because it ran without a "
                    "time limit, and our alert only watched error rates, which stayed low.",
           "prevention": "Migrations now run with a 5 second lock limit, and an alert fires when invoice sending "
                         "stalls for more than 5 minutes, whatever the error rate."}


def held_out(case_id: str) -> bool:
    return int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 5 == 0


def incident(case: dict) -> tuple[Incident, tuple]:
    """The case as an incident, and the path of its own text in it."""
    components = case.get("components") or {"service": "major_outage"}
    update = {"at": AT, "status": case.get("status", "investigating"), "author": case.get("author") or "Sam Lee",
              "body": case["text"], "components": components}
    if case.get("next_update_promised"):
        update["next_update_by"] = AT + dt.timedelta(hours=1)
    data = {"title": "Case", "impact": case.get("impact", "major"), "components": list(components),
            "regions": case.get("regions") or [], "updates": [update]}
    if case["kind"] == "update":
        return Incident.model_validate(data), ("updates", 0)
    ack = {"at": AT - dt.timedelta(hours=1), "status": "investigating", "author": "Sam Lee",
           "body": "We are looking into it and will post again within the hour.", "next_update_by": AT}
    if case["kind"] == "resolution":
        data["updates"] = [ack, {**update, "status": "resolved"}]
        return Incident.model_validate(data), ("updates", 1)
    data["updates"] = [ack, {**update, "status": "resolved", "body": "It works again. An explanation follows."}]
    data["postmortem"] = {"published_at": AT + dt.timedelta(hours=1), "author": case.get("author") or "Sam Lee",
                          **NEUTRAL, case["part"]: case["text"]}
    return Incident.model_validate(data), ("postmortem", case["part"])


def catalogue(cases: list[dict]) -> Components:
    """Every component and region the cases list, declared as a site would, named after its id."""
    components = sorted({c for case in cases for c in case.get("components") or {}})
    regions = sorted({r for case in cases for r in case.get("regions") or []})
    return Components.model_validate({
        "components": [{"id": c, "name": c.replace("-", " ").capitalize()} for c in components],
        "regions": [{"id": r, "name": r.replace("-", " ").upper() if len(r) <= 3 else r.replace("-", " ").title()}
                    for r in regions]})


def predicted(case: dict, site: Components) -> set[str]:
    event, own = incident(case)
    context = _Context(now=AT + dt.timedelta(minutes=1), settings={}, team=None, organization="", components=site)
    rules = set()
    for check in CHECKS:
        for rule, path, _ in check(event, context):
            signature = own[0] == "postmortem" and path == ("postmortem", "author")
            if path[:len(own)] == own or signature or path == ("impact",):  # the case's own text, its signature
                rules.add(rule)
    return rules


def table(cases: list[dict], title: str, sites: dict[str, Components]) -> None:
    counts: dict[str, Counter] = {}
    for case in cases:
        found = predicted(case, sites[case["id"]])
        for rule in set(case.get("fires") or []) | set(case.get("does_not_fire") or []) | found:
            tally = counts.setdefault(rule, Counter())
            should, did = rule in (case.get("fires") or []), rule in found
            quiet = rule in (case.get("does_not_fire") or [])
            tally["tp"] += should and did
            tally["fn"] += should and not did
            tally["fp"] += did and quiet
            tally["other"] += did and not should and not quiet  # fired where the case says nothing either way
    print(f"\n{title}: {len(cases)} cases")
    print(f"{'rule':<24}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}{'unlabelled':>12}")
    total = Counter()
    for rule in sorted(counts):
        tally = counts[rule]
        total.update(tally)
        print(f"{rule:<24}{_ratio(tally['tp'], tally['tp'] + tally['fp']):>10}"
              f"{_ratio(tally['tp'], tally['tp'] + tally['fn']):>8}{tally['tp']:>5}{tally['fp']:>5}{tally['fn']:>5}"
              f"{tally['other']:>12}")
    print(f"{'overall':<24}{_ratio(total['tp'], total['tp'] + total['fp']):>10}"
          f"{_ratio(total['tp'], total['tp'] + total['fn']):>8}{total['tp']:>5}{total['fp']:>5}{total['fn']:>5}"
          f"{total['other']:>12}")
    print("(precision counts a firing as false only where the case says the rule must not fire; 'unlabelled'\n"
          " counts firings on cases that say nothing about that rule, which may be right or wrong)")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main() -> None:
    sources = {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted(CORPUS.glob("*.yml"))}
    if "--tuning" in sys.argv:  # while tuning: the four fifths, never the held-out one, not even its catalogue
        tuning = {name: [case for case in cases if not held_out(case["id"])] for name, cases in sources.items()}
        sites = {case["id"]: catalogue(cases) for cases in tuning.values() for case in cases}
        table([case for cases in tuning.values() for case in cases], "Tuning part", sites)
        return
    sites = {case["id"]: catalogue(cases) for cases in sources.values() for case in cases}
    cases = [case for cases in sources.values() for case in cases]
    table(cases, "Whole corpus", sites)
    table([case for case in cases if held_out(case["id"])], "Held-out fifth (report this one)", sites)


if __name__ == "__main__":
    main()
