"""The linter's labelled corpus (tests/lint_corpus/) stays usable as ground truth: every case well-formed, ids
unique, only known rules, no rule both required and forbidden, and a third or more honest must-not-fire cases."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "lint_corpus"
RULES = {"minimising-language", "no-closure", "incomplete-postmortem", "unsigned-update", "no-next-update",
         "contradicts-status", "unlisted-affected", "understated-impact", "blames-person"}
KINDS = {"update", "resolution", "postmortem"}


def load() -> list[dict]:
    return [case for path in sorted(CORPUS.glob("*.yml")) for case in yaml.safe_load(path.read_text("utf-8"))]


def held_out(case_id: str) -> bool:
    """The fixed rule for the fifth set aside (see tests/lint_corpus/README.md)."""
    return int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 5 == 0


def test_every_case_is_well_formed_and_labelled_with_known_rules() -> None:
    cases = load()
    assert len(cases) >= 250
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        fires, quiet = set(case.get("fires") or []), set(case.get("does_not_fire") or [])
        assert case["kind"] in KINDS and case["text"].strip(), case["id"]
        assert fires | quiet and (fires | quiet) <= RULES and not fires & quiet, case["id"]
        assert case["kind"] != "postmortem" or case.get("part") in ("apology", "cause", "prevention"), case["id"]


def test_a_third_are_honest_uses_and_a_fifth_is_set_aside() -> None:
    cases = load()
    assert sum(1 for case in cases if not case.get("fires")) >= len(cases) / 3
    aside = [case for case in cases if held_out(case["id"])]
    assert 0.1 * len(cases) <= len(aside) <= 0.3 * len(cases)
