"""The lint rules' catalogue: ids, default severities and limits. Options and file models check names against it;
the checks themselves live with the linter (`authoring/lint.py`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    limit: str | None  # a duration like "30m", "2h" or "5d", where the rule has one
    summary: str


RULES = {rule.id: rule for rule in (
    Rule("slow-acknowledgement", "warning", "30m", "the first public update came long after customers were hit"),
    Rule("stale-incident", "warning", "2h", "an open incident went quiet, or missed its promised next update"),
    Rule("no-closure", "warning", "7d", "a resolution that closes nothing, or an incident open for too long"),
    Rule("missing-postmortem", "warning", "5d", "a major or critical incident resolved long ago without a postmortem"),
    Rule("incomplete-postmortem", "warning", None, "a postmortem without a real apology, cause or prevention"),
    Rule("unsigned-update", "warning", None, "an update signed by a role or a team instead of a person"),
    Rule("minimising-language", "warning", None, "wording that minimises, hedges or denies the problem"),
    Rule("no-next-update", "warning", None, "an open incident's latest update does not say when the next comes"),
    Rule("contradicts-status", "warning", None, "the text says the opposite of the update's status"),
    Rule("unlisted-affected", "warning", None, "the text names an affected region or component the data omits"),
    Rule("understated-impact", "warning", None, "the words are milder than the incident's own data"),
    Rule("blames-person", "warning", None, "a person is blamed instead of the system that let the mistake through"),
    Rule("overdue-maintenance", "warning", "30m", "a maintenance window ended without a completing update"),
)}


def unknown_rule(name: str) -> str | None:
    """Why `name` is not a rule, or None when it is one."""
    if name in RULES:
        return None
    return f"{name!r} is not a lint rule; the rules are {', '.join(RULES)}"
