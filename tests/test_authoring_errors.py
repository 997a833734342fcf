"""Every class of bad input in an authored file gets one exact, located sentence (the error contract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL_HUB, NOW, problems_for_site
from supporttab.config import Options
from supporttab.core.problems import DataError
from supporttab.site import load_site


def problems_for(tmp_path: Path, hub: str | bytes, **files: str) -> list[str]:
    """Write a site with this hub.yml (and extra files in content/), load it, return the problem lines."""
    return problems_for_site(tmp_path, {"content/hub.yml": hub, **{f"content/{k}": v for k, v in files.items()}})


def test_minimal_hub_is_valid(tmp_path: Path) -> None:
    assert problems_for(tmp_path, MINIMAL_HUB) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("+1 415 555 0100", "555-CALL",
                 "content/hub.yml:19:14: help_from_us.channels[0].phone: '555-CALL' is not a phone number in "
                 "international form; write it like +1 415 555 0100", id="phone-not-e164"),
    pytest.param("  name: Acme\n", "  name: Acme\n  name: Acme Ltd\n",
                 "content/hub.yml:3:3: the key 'name' appears twice (first on line 2); keep only one of them",
                 id="duplicate-key"),
    pytest.param("    timezone: Europe/Amsterdam\n", "    timezone: Europe/Amsterdam\n    timezon: UTC\n",
                 "content/hub.yml:14:5: help_from_us.hours.timezon: 'timezon' is not a known field; did you "
                 "mean 'timezone'?", id="unknown-field-typo"),
    pytest.param("  communities:\n    - name: Forum\n      url: https://forum.example.com\n"
                 "      expect: Answers within a day.\n", "  communities: Forum\n",
                 "content/hub.yml:7:16: help_from_others.communities: expected a list, found 'Forum'; write [a, b], "
                 "or one item per line starting with '- '", id="wrong-type-text-for-list"),
    pytest.param("  name: Acme", "  name: [Acme, Inc]",
                 "content/hub.yml:2:9: organization.name: expected text, found a list; write the text",
                 id="wrong-type-list-for-text"),
    pytest.param("description: Help with Acme.\n", "",
                 "content/hub.yml:1:1: description: this field is required; add it", id="missing-field"),
    pytest.param("      monday: 09:00-17:00", "      monday: 9 to 5",
                 "content/hub.yml:15:15: help_from_us.hours.weekly.monday: '9 to 5' is not a list of opening "
                 "hours; write it like 09:00-17:30, or 09:00-12:00, 13:00-17:00, or closed", id="bad-hours"),
    pytest.param("      monday: 09:00-17:00", "      mondey: 09:00-17:00",
                 "content/hub.yml:15:7: help_from_us.hours.weekly.mondey: 'mondey' is not allowed; write one of "
                 "'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday' or 'sunday'",
                 id="bad-weekday"),
    pytest.param("Europe/Amsterdam", "Europe/Amsterdan",
                 "content/hub.yml:13:15: help_from_us.hours.timezone: 'Europe/Amsterdan' is not a time zone "
                 "name; write an IANA name like Europe/Amsterdam or America/New_York", id="bad-time-zone"),
    pytest.param("https://forum.example.com", "javascript:alert(1)",
                 "content/hub.yml:9:12: help_from_others.communities[0].url: 'javascript:alert(1)' is not a web "
                 "address; write a full link starting with https://", id="unsafe-url"),
    pytest.param("      phone: +1 415 555 0100\n", "      phone: +1 415 555 0100\n      email: a@b.example\n",
                 "content/hub.yml:17:7: help_from_us.channels[0]: a phone channel takes `phone`, not `email`; "
                 "make it a channel of its own", id="channel-with-two-targets"),
    pytest.param("  guides: []", "  guides:\n    - page: articles/reset-pasword.md",
                 "content/hub.yml:6:13: help_myself.guides[0].page: the page 'articles/reset-pasword.md' does "
                 "not exist in content/; did you mean 'articles/reset-password.md'?", id="unknown-page"),
    pytest.param("  guides: []", "  popular:\n    pins: [../secrets.md]",
                 "content/hub.yml:6:12: help_myself.popular.pins[0]: '../secrets.md' is not a page in the "
                 "content folder; write its path inside content/, like articles/reset-password.md",
                 id="page-path-leaving-content"),
])
def test_bad_value_is_reported_with_its_position(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in MINIMAL_HUB
    assert problems_for(tmp_path, MINIMAL_HUB.replace(old, new, 1)) == [expected]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    hub = MINIMAL_HUB.replace("+1 415 555 0100", "555-CALL").replace("Europe/Amsterdam", "Mars/Olympus")
    hub = hub.replace("  name: Acme", "  nme: Acme")
    assert problems_for(tmp_path, hub) == [
        "content/hub.yml:2:3: organization.name: this field is required; add it",
        "content/hub.yml:2:3: organization.nme: 'nme' is not a known field; did you mean 'name'?",
        "content/hub.yml:13:15: help_from_us.hours.timezone: 'Mars/Olympus' is not a time zone name; write an "
        "IANA name like Europe/Amsterdam or America/New_York",
        "content/hub.yml:19:14: help_from_us.channels[0].phone: '555-CALL' is not a phone number in "
        "international form; write it like +1 415 555 0100",
    ]


@pytest.mark.parametrize(("hub", "expected"), [
    pytest.param("", "content/hub.yml:1:1: the file is empty; expected fields like `name: value`", id="empty"),
    pytest.param("# only a comment\n", "content/hub.yml:1:1: the file is empty; expected fields like "
                 "`name: value`", id="comment-only"),
    pytest.param("- one\n- two\n", "content/hub.yml:1:1: expected a mapping of fields (name: value lines), "
                 "found a list; indent the fields under this key", id="list-instead-of-mapping"),
    pytest.param("organization:\n\tname: Acme\n", "content/hub.yml:2:1: a tab is used for indentation; indent "
                 "with spaces instead", id="tab-indent"),
    pytest.param(b"organization:\n  name: Acme \xff\n", "content/hub.yml:2:14: byte 0xff is not valid UTF-8; "
                 "save the file with UTF-8 encoding", id="not-utf8"),
    pytest.param("organization:\n  name: Acme\n   description: x: y\n", "content/hub.yml:3:15: this is not "
                 "valid YAML (mapping values are not allowed in this context); check the indentation, and put "
                 "text containing ': ' or '#' in quotes", id="yaml-syntax"),
    pytest.param("organization: &org\n  name: Acme\ncopy: *org\n", "content/hub.yml:3:7: aliases (`*name`) are "
                 "not supported; write the value out in full", id="alias"),
    pytest.param("organization: !!python/object/apply:os.system [echo hi]\n", "content/hub.yml:1:15: the tag "
                 "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; remove it and write a plain "
                 "value", id="python-tag"),
    pytest.param("a: " + "[" * 5000 + "]" * 5000 + "\n", "content/hub.yml:1:43: the data nests deeper than 40 "
                 "levels; flatten it", id="deep-nesting"),
    pytest.param("a: b\n---\na: c\n", "content/hub.yml:2:1: the file holds more than one YAML document (a second "
                 "`---`); keep one document per file", id="two-documents"),
    pytest.param("description: " + "x" * (3 * 1024 * 1024) + "\n", "content/hub.yml:1:1: the file is 3,145,742 "
                 "bytes, over the limit of 2,097,152; split it into smaller files", id="too-large"),
])
def test_malformed_file_is_reported_with_its_position(tmp_path: Path, hub: str | bytes, expected: str) -> None:
    assert problems_for(tmp_path, hub) == [expected]


def test_page_view_export_with_a_bad_row_names_its_line(tmp_path: Path) -> None:
    hub = MINIMAL_HUB.replace("  guides: []", "  popular:\n    page_views: views.csv")
    csv = "path,views\n/articles/reset-password/,12\n/pricing/,lots\n"
    assert problems_for(tmp_path, hub, **{"views.csv": csv}) == [
        "content/views.csv:3:1: found '/pricing/,lots', not a path and a whole number of views; write `path,views` "
        "with digits 0-9, or remove the line"]


def test_missing_page_view_export_is_reported(tmp_path: Path) -> None:
    hub = MINIMAL_HUB.replace("  guides: []", "  popular:\n    page_views: views.csv")
    assert problems_for(tmp_path, hub) == [
        "content/hub.yml:6:17: help_myself.popular.page_views: the page-view export 'views.csv' does not exist "
        "next to the hub file; export it from your analytics as CSV with columns path,views"]


def test_missing_hub_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(DataError) as caught:
        load_site(tmp_path, tmp_path / "content", Options(), NOW)
    assert str(caught.value) == ("mkdocs.yml:1:1: plugins.supporttab.hub: the hub file 'content/hub.yml' does "
                                 "not exist inside the site folder; create it or fix the path")


@pytest.mark.parametrize(("null", "column"), [("~", 14), ("null", 14), ("", 13)])
def test_null_and_empty_values_count_as_missing_not_as_text(tmp_path: Path, null: str, column: int) -> None:
    hub = MINIMAL_HUB.replace("description: Help with Acme.", f"description: {null}".rstrip())
    assert problems_for(tmp_path, hub) == [
        f"content/hub.yml:3:{column}: description: expected text, found nothing; write the text"]


def test_a_duplicate_key_does_not_hide_the_other_problems_of_the_file(tmp_path: Path) -> None:
    hub = MINIMAL_HUB.replace("  name: Acme\n", "  name: Acme\n  name: Acme Ltd\n").replace("+1 415 555 0100",
                                                                                           "555-CALL")
    assert problems_for(tmp_path, hub) == [
        "content/hub.yml:3:3: the key 'name' appears twice (first on line 2); keep only one of them",
        "content/hub.yml:20:14: help_from_us.channels[0].phone: '555-CALL' is not a phone number in "
        "international form; write it like +1 415 555 0100",
    ]
