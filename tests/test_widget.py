"""The embeddable <support-tab>: its JSON and script as the build writes them, the plain-words status summary and
the size budget. Its behaviour in a browser is in test_browser_widget.py."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
import supporttab
from conftest import run_mkdocs_build
from supporttab.core.vocabulary import (
    INDICATOR_DESCRIPTIONS,
    LABELS,
    OVERALL_DESCRIPTIONS,
)
from supporttab.status.index import Named
from supporttab.status.summary import ALL_WELL, _problem_sentence, plain_summary
from test_overall_status import OPEN, status_index
from test_status_errors import INCIDENT

BUDGET = 10 * 1024  # bytes, gzip-compressed, for script and styles together (the styles are inside the script)
STATUSPAGE_WORDS = {*OVERALL_DESCRIPTIONS.values(), *INDICATOR_DESCRIPTIONS.values(), *LABELS.values()}


def with_state(state: str) -> str:
    """The open incident with no impact of its own, marking the web app `state`: the tone follows the part."""
    marked = f"    author: Patty\n    components:\n      web-app: {state}\n"
    return OPEN.replace("impact: major", "impact: none").replace("    author: Patty\n", marked)


EVERYWHERE = "regions: [eu]\n", ""  # an incident without regions affects every customer


@pytest.mark.parametrize(("state", "text", "tone"), [
    ("degraded_performance", "Web app: slower than usual", "minor"),
    ("partial_outage", "Web app: partly not working", "major"),  # the same words as the pages
    ("major_outage", "Web app: not working", "critical"),
    ("under_maintenance", "Web app: in planned maintenance", "maintenance"),
])
@pytest.mark.parametrize(("regions", "who"), [(None, ", for customers in Europe"), (EVERYWHERE, "")])
def test_summary_says_what_is_wrong_with_each_part_and_for_whom(tmp_path: Path, state, text, tone, regions,
                                                                 who) -> None:
    incident = with_state(state).replace(*regions) if regions else with_state(state)
    summary = plain_summary(status_index(tmp_path, incident))
    assert (summary.text, summary.tone) == (text + who + ".", tone)
    assert not [word for word in STATUSPAGE_WORDS if word.lower() in summary.text.lower()]


@pytest.mark.parametrize(("regions", "who"), [(None, ", for customers in Europe"), (EVERYWHERE, "")])
def test_summary_names_an_open_incident_that_marks_no_part(tmp_path: Path, regions, who) -> None:
    incident = OPEN.replace("impact: major", "impact: none")
    summary = plain_summary(status_index(tmp_path, incident.replace(*regions) if regions else incident))
    assert (summary.text, summary.tone) == (f"We are looking into a problem: Web app is down{who}.", "good")


@pytest.mark.parametrize(("names", "words"), [
    (["Europe"], ", for customers in Europe"),
    (["Europe", "Asia"], ", for customers in Europe and Asia"),
    (["Europe", "Asia", "North America"], ", for customers in Europe, Asia and North America"),
])
def test_regions_are_listed_as_a_sentence_says_them(names, words) -> None:
    regions = tuple(Named(name.lower(), name) for name in names)
    assert _problem_sentence("Web app is down", regions) == f"We are looking into a problem: Web app is down{words}."


def test_summary_is_all_well_once_resolved(tmp_path: Path) -> None:
    summary = plain_summary(status_index(tmp_path, INCIDENT))
    assert (summary.text, summary.tone) == (ALL_WELL, "good")


def test_json_has_the_status_the_signed_update_and_the_hub(built_example: Path) -> None:
    data = json.loads((built_example / "widget" / "support-tab.json").read_text(encoding="utf-8"))
    assert data["status"]["text"] == "PDF exports: slower than usual."
    event = data["status"]["event"]
    assert event["url"] == "incidents/2026-11-22-slow-pdf-exports/"
    assert (built_example / event["url"] / "index.html").is_file()  # every path is a page of the site
    assert event["update"]["author"] == "Patty Hughes"
    assert event["update"]["at"] == "2026-11-22T15:40:00+00:00"
    assert event["update"]["text"].startswith("Exports are back to normal speed")
    assert [c["href"] for c in data["channels"]][:2] == ["tel:+442079460321", "tel:+14155550132"]
    assert data["articles"][0] == {"title": "Reset your password", "url": "articles/reset-password/"}
    for article in data["articles"]:
        assert (built_example / article["url"] / "index.html").is_file()
    assert data["hours"]["timezone"] == "Europe/London"


def test_script_carries_the_channels_and_its_styles(built_example: Path) -> None:
    script = (built_example / "widget" / "support-tab.js").read_text(encoding="utf-8")
    assert "__SUPPORT_TAB_" not in script
    assert '"href":"tel:+442079460321"' in script and "prefers-reduced-motion" in script
    assert '"status"' not in script  # the live status comes only from the JSON


def test_the_hub_and_the_widget_share_one_open_now(built_example: Path) -> None:
    shared = (Path(supporttab.__file__).parent / "assets" / "open-now.js").read_text(encoding="utf-8").rstrip()
    for script in ["widget/support-tab.js", "assets/supporttab/hub.js"]:
        text = (built_example / script).read_text(encoding="utf-8")
        assert shared in text and "/* include:" not in text, script
        assert text.count("function wallClock(") == 1, script


def test_script_and_styles_fit_the_budget(built_example: Path) -> None:
    script = (built_example / "widget" / "support-tab.js").read_bytes()
    assert len(gzip.compress(script, compresslevel=9)) <= BUDGET


def test_a_site_without_a_status_page_publishes_the_hub_alone(site: Path) -> None:
    shutil.rmtree(site / "incidents")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Status: status/index.md\n", ""), "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    data = json.loads((site / "site" / "widget" / "support-tab.json").read_text(encoding="utf-8"))
    assert data["status"] is None and data["status_page"] is None  # the panel then shows no status part
    assert data["channels"][0]["href"] == "tel:+442079460321"


def test_a_page_asks_for_the_widget_in_its_front_matter(built_example: Path) -> None:
    demo = (built_example / "guides" / "add-support-to-your-product" / "index.html").read_text(encoding="utf-8")
    assert '<script defer src="../../widget/support-tab.js"></script>' in demo
    assert "<support-tab></support-tab>" in demo
    article = (built_example / "articles" / "reset-password" / "index.html").read_text(encoding="utf-8")
    assert "widget/support-tab.js" not in article
