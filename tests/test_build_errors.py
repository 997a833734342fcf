"""`mkdocs build` on invalid data: clear located lines, a non-zero exit, no traceback, site/ left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_mkdocs_build, run_mkdocs_process


def break_hub(site: Path) -> None:
    hub = site / "content" / "hub.yml"
    text = hub.read_text(encoding="utf-8")
    text = text.replace("phone: +1 415 555 0132", "phone: 555-CALL")
    text = text.replace("timezone: Europe/London", "timezone: Europe/Londn")
    hub.write_text(text, encoding="utf-8")


def line_of(site: Path, needle: str) -> int:
    lines = (site / "content" / "hub.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(("strict", "flags"), [(True, ()), (False, ()), (True, ("--clean",))],
                         ids=["strict", "not-strict", "strict-clean"])
def test_invalid_data_fails_the_build_with_every_problem_and_no_traceback(site: Path, strict: bool,
                                                                          flags: tuple) -> None:
    break_hub(site)
    result = run_mkdocs_process(site, *flags, strict=strict)  # the command itself: its exit code and output
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "2 problems in the authored files:" in output
    assert (f"content/hub.yml:{line_of(site, 'timezone: Europe/Londn')}:15: help_from_us.hours.timezone: "
            "'Europe/Londn' is not a time zone name; write an IANA name like Europe/Amsterdam or America/New_York"
            in output)
    assert (f"content/hub.yml:{line_of(site, 'phone: 555-CALL')}:14: help_from_us.channels[1].phone: "
            "'555-CALL' is not a phone number in international form; write it like +1 415 555 0100" in output)


def test_invalid_data_leaves_the_previous_site_untouched(site: Path) -> None:
    assert run_mkdocs_build(site).returncode == 0
    before = {path: path.read_bytes() for path in (site / "site").rglob("*") if path.is_file()}
    assert len(before) > 10
    break_hub(site)
    (site / "content" / "articles" / "new-article.md").write_text("# A new article\n", encoding="utf-8")
    assert run_mkdocs_build(site).returncode == 1
    after = {path: path.read_bytes() for path in (site / "site").rglob("*") if path.is_file()}
    assert after == before


def test_invalid_data_on_a_first_build_writes_no_site(site: Path) -> None:
    break_hub(site)
    assert run_mkdocs_build(site).returncode == 1
    assert not (site / "site").exists()


def test_invalid_plugin_option_is_a_config_error(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("timezone: Europe/London", "timezone: Moon/Base"),
                      encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("Plugin 'supporttab' option 'timezone': mkdocs.yml:40:7: 'Moon/Base' is not a time zone name; write an "
            "IANA name like Europe/Amsterdam or America/New_York") in result.stderr


def test_a_hand_written_landing_page_is_kept_and_strict_build_says_why(site: Path) -> None:
    (site / "content" / "index.md").write_text("# Our own landing page\n", encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 1
    assert ("content/index.md exists, so Support Tab does not generate 'How can we help?' there; delete that "
            "page to get the generated one") in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_status_without_site_url_fails_the_strict_build_with_a_reason(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://support.brightwell.example/\n", ""),
                      encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 1
    assert ("mkdocs.yml has no site_url, so feeds and the status API carry links without the site's address; set "
            "site_url to the address the site is published at") in result.stderr


def test_a_hub_link_to_an_excluded_page_fails_cleanly_and_keeps_the_site(site: Path) -> None:
    assert run_mkdocs_build(site).returncode == 0
    before = sorted(path for path in (site / "site").rglob("*") if path.is_file())
    hub = site / "content" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("- page: guides/getting-started.md",
                                                           "- page: authoring.md"), encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"content/hub.yml:{line_of(site, '- page: authoring.md')}:13: help_myself.guides[0].page: the page "
            "'authoring.md' is not published (MkDocs leaves it out: exclude_docs or draft_docs in mkdocs.yml, or a "
            "name MkDocs skips); link a published page or publish this one") in result.stderr
    assert sorted(path for path in (site / "site").rglob("*") if path.is_file()) == before


def test_the_enabled_switch_turns_the_plugin_off(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hub: content/hub.yml",
                                                                 "hub: content/hub.yml\n      enabled: false"),
                      encoding="utf-8")
    break_hub(site)  # not even read
    result = run_mkdocs_build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "articles" / "reset-password" / "index.html").is_file()
    assert not (site / "site" / "status").exists()
    assert not (site / "site" / "api").exists()


def test_a_mkdocs_warning_about_the_content_is_said_once(site: Path) -> None:
    (site / "content" / "guides" / "README.md").write_text("# Guides\n", encoding="utf-8")
    (site / "content" / "guides" / "index.md").write_text("# All guides\n", encoding="utf-8")
    result = run_mkdocs_build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Excluding 'guides/README.md' from the site because it conflicts with "
                               "'guides/index.md'.") == 1
