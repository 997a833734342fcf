"""Component, group and region names (and descriptions) in several languages: `components.yml` takes
`{en: ..., de: ...}` like every other translatable text, and each language's pages, feeds, badges, calendar and the
linter read them in that language. Real builds of the example made three-language (English, German, Arabic)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_HUB, NOW, copy_example_site, run_mkdocs_build
from supporttab.authoring.lint import lint
from supporttab.config import Options
from supporttab.site import load_site
from test_cli import run
from test_lint import TEAM
from test_translations import (
    FIRST_BODY,
    INCIDENT,
    TITLE,
    TRANSLATED_BODY,
    TRANSLATED_TITLE,
    edit,
    located_errors,
    marked_texts,
    refused_alike,
    set_languages,
    site_files,
)

COMPONENTS = "incidents/components.yml"
# Each declared name, as written today, and as written in English and German.
NAMES = {
    "    name: United Kingdom\n": "    name: {en: United Kingdom, de: Vereinigtes Königreich}\n",
    "    name: Payments\n": "    name: {en: Payments, de: Zahlungen}\n",
    "        name: Card payments\n": "        name: {en: Card payments, de: Kartenzahlungen}\n",
    # One long word, as German writes them: it must break on a phone rather than push its status off the screen.
    "        name: Bank transfers\n": "        name: {en: Bank transfers, de: Überweisungsabwicklungssystem}\n",
    "        description: Customers paying invoices by card.\n":
        "        description:\n          en: Customers paying invoices by card.\n"
        "          de: Kunden bezahlen Rechnungen mit Karte.\n",
}
EVENT = "2026-11-20-card-payments-failing"  # card payments and invoice emails, in the UK and the EU
MAINTENANCE = "2027-01-10-payment-provider-migration"  # card payments, in the UK and the EU


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_example_site(tmp_path_factory.mktemp("component-languages") / "site")
    set_languages(site, "[en, de, ar]")
    for old, new in NAMES.items():
        edit(site, COMPONENTS, old, new)
    edit(site, INCIDENT, TITLE, TRANSLATED_TITLE)
    edit(site, INCIDENT, FIRST_BODY, TRANSLATED_BODY)
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_each_status_page_names_components_groups_and_regions_in_its_language(built: Path) -> None:
    for section, card, group, region in (("", "Card payments", "Payments", "United Kingdom"),
                                         ("de/", "Kartenzahlungen", "Zahlungen", "Vereinigtes Königreich")):
        status = text(built, f"{section}status/index.html")
        assert f'<span class="st-component__name">{card}</span>' in status
        assert f'<h3 id="group-payments">{group}</h3>' in status
        assert f'<option value="uk">{region}</option>' in status
        incident = text(built, f"{section}incidents/{EVENT}/index.html")
        assert card in incident and region in incident
    german = text(built, "de/status/index.html")
    assert '<span class="st-component__name">Card payments</span>' not in german
    assert '<option value="uk">United Kingdom</option>' not in german and ">Payments</h3>" not in german
    assert ('<span class="st-component__name"><span lang="en" dir="auto">Web app</span></span>'
            in text(built, "de/status/index.html"))  # written once: as written, saying its language


def test_a_name_shown_untranslated_says_its_language(built: Path) -> None:
    """On the Arabic page every name is the English one, marked as English; on the German page a translated name
    is not marked, and one written once (in the first language) is."""
    arabic = {words: language for words, language, _ in marked_texts(text(built, "ar/status/index.html"))}
    assert arabic["Card payments"] == "en" and arabic["Payments"] == "en" and arabic["Web app"] == "en"
    german = {words: language for words, language, _ in marked_texts(text(built, "de/status/index.html"))}
    assert german["Kartenzahlungen"] == "de" and german["Zahlungen"] == "de" and german["Web app"] == "en"


def test_each_languages_feeds_badges_and_calendar_name_components_in_it(built: Path) -> None:
    import feedparser
    import icalendar

    for section, card, other in (("", "Card payments", "Kartenzahlungen"), ("de/", "Kartenzahlungen", "Card payments")):
        component = feedparser.parse((built / f"{section}status/components/card-payments/history.atom").read_bytes())
        assert not component.bozo and component.feed.title.endswith(f": {card}")
        atom = feedparser.parse((built / f"{section}status/history.atom").read_bytes())
        labels = {tag.label for entry in atom.entries if EVENT in entry.link for tag in entry.tags}
        assert card in labels and other not in labels, labels
        rss = text(built, f"{section}status/history.rss")
        assert f"<category>{card}</category>" in rss and f"<category>{other}</category>" not in rss
        feed = json.loads(text(built, f"{section}status/feed.json"))
        tags = {tag for item in feed["items"] if EVENT in item["id"] for tag in item["tags"]}
        assert card in tags and other not in tags, tags
        badge = text(built, f"{section}badges/card-payments.svg")
        assert card in badge and other not in badge
        calendar = icalendar.Calendar.from_ical((built / f"{section}status/maintenance.ics").read_bytes())
        event = next(e for e in calendar.walk("VEVENT") if MAINTENANCE in str(e["URL"]))
        affected = str(event["DESCRIPTION"]).splitlines()[-2]  # after the update's text: "Affects: ..."
        assert affected.endswith(f": {card}"), event["DESCRIPTION"]


def test_a_component_name_written_in_its_one_language_builds_byte_for_byte_as_a_plain_name(tmp_path: Path) -> None:
    """A one-language site is unchanged: every name and description as a map of its one language publishes exactly
    the site of the plain names."""
    plain = copy_example_site(tmp_path / "plain")
    mapped = copy_example_site(tmp_path / "mapped")
    set_languages(mapped, "[en]")
    components = mapped / COMPONENTS
    components.write_text(re.sub(r"^(\s+(?:name|description): )(.+)$", lambda m: f"{m[1]}{{en: {json.dumps(m[2])}}}",
                                 components.read_text(encoding="utf-8"), flags=re.MULTILINE), encoding="utf-8")
    assert 'name: {en: "Card payments"}' in components.read_text(encoding="utf-8")
    for site in (plain, mapped):
        result = run_mkdocs_build(site)
        assert result.returncode == 0, result.stderr
    assert site_files(mapped / "site") == site_files(plain / "site")


BAD = [
    pytest.param("name: {en: Card payments, de: Kartenzahlungen}", "name: {en: Card payments, dee: Kartenzahlungen}",
                 "'dee' is not one of the site's languages (en, de, ar); did you mean 'de'?", id="misspelt-language"),
    pytest.param("name: {en: Card payments, de: Kartenzahlungen}", "name: {de: Kartenzahlungen}",
                 "has no text in 'en', the site's default language; add a line `en: ...` under it, the text the "
                 "other languages fall back to", id="no-default-language"),
    pytest.param("name: {en: Payments, de: Zahlungen}", "name: {en: Payments, de: \"\"}", "is empty; write the text",
                 id="empty-translation"),
    pytest.param("name: {en: United Kingdom, de: Vereinigtes Königreich}", "name: {en: United Kingdom, fr: Royaume}",
                 "'fr' is not one of the site's languages (en, de, ar); correct it, or add it to `languages` under "
                 "the supporttab plugin in mkdocs.yml", id="language-not-on-the-site"),
]


@pytest.mark.parametrize(("old", "new", "says"), BAD)
def test_check_and_the_build_refuse_a_bad_name_at_its_line_in_the_same_sentence(tmp_path: Path, old: str, new: str,
                                                                                 says: str) -> None:
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de, ar]")
    for written, translated in NAMES.items():
        edit(site, COMPONENTS, written, translated)
    edit(site, COMPONENTS, old, new)
    line = next(n for n, words in enumerate(text(site, COMPONENTS).splitlines(), start=1) if new in words)
    check, build = refused_alike(site)
    errors = located_errors(check)
    ours = [error for error in errors if says in error]
    assert len(ours) == 1 and ours[0].startswith(f"{COMPONENTS}:{line}:"), errors
    assert ours[0].split(": ", 1)[1] in build.stderr, build.stderr


# --- the linter reads a text's component names in the text's language ------------------------------------

LINT_COMPONENTS = """\
regions:
  - {id: gb, name: {de: Vereinigtes Königreich, en: United Kingdom}}
  - {id: eu, name: {de: Europäische Union, en: European Union}}
components:
  - {id: cards, name: {de: Kartenzahlungen, en: Card payments}}
  - {id: transfers, name: {de: Überweisungen, en: Bank transfers}}
  - {id: payouts, name: Payouts}
"""  # ids unlike the English names: only the names in English say what an English text names


def lint_english_translation(tmp_path: Path, english: str, components: list[str],
                             regions: list[str] | None = None) -> list[tuple[str, tuple, str]]:
    """Lint an update written in German (the site's first language) with `english` as its English translation: the
    English rules read the translation."""
    data = {"title": "Kartenzahlungen", "impact": "major", "components": components, "regions": regions or [],
            "updates": [{"at": "2026-11-23T09:00:00+00:00", "status": "investigating", "author": "patty",
                         "next_update_by": "2026-11-23T10:00:00+00:00",
                         "body": {"de": "Kartenzahlungen schlagen fehl. Wir melden uns bis 10:00 wieder.",
                                  "en": english}}]}
    files = {"content/hub.yml": MINIMAL_HUB, COMPONENTS: LINT_COMPONENTS,
             "incidents/cards.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False), **TEAM}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    languages = ("de", "en")
    site = load_site(tmp_path, tmp_path / "content", Options(languages=list(languages)), NOW,
                     keep_documents=True, languages=languages)
    assert site.status is not None
    return [(f.rule, f.where, f.message) for f in lint(site.status, site.status.documents, NOW, {}, site.team,
                                                       site.hub.organization.name, language="de")
            if f.rule == "unlisted-affected"]


def test_the_linter_accepts_a_listed_components_name_in_the_texts_language(tmp_path: Path) -> None:
    assert lint_english_translation(
        tmp_path, "Card payments are failing in the United Kingdom. Card payments by phone are also failing. We will "
                  "post again by 10:00.", ["cards"], ["gb"]) == []


@pytest.mark.parametrize(("english", "named"), [
    ("Card payments are failing. Bank transfers are failing for some customers. We will post again by 10:00.",
     "'Bank transfers'"),
    ("Card payments are failing, and Bank transfers are down. We will post again by 10:00.", "'Bank transfers'"),
    ("Card payments are failing. Payouts are failing too. We will post again by 10:00.", "'Payouts'"),
])
def test_the_linter_finds_an_unlisted_component_by_its_name_in_the_texts_language(tmp_path: Path, english: str,
                                                                                   named: str) -> None:
    found = lint_english_translation(tmp_path, english, ["cards"], ["gb"])
    assert len(found) == 1 and found[0][1] == ("updates", 0, "body", "en"), found
    assert f"the text says {named} is affected" in found[0][2], found


def test_a_site_of_one_language_reads_component_names_as_before(tmp_path: Path) -> None:
    """`supporttab check` of the example takes its plain names as it always did: no error, no new finding."""
    site = copy_example_site(tmp_path / "site")
    before = run(site, "check", "--format", "json")
    for old, new in NAMES.items():
        edit(site, COMPONENTS, old, re.sub(r", de: [^}]*|          de: .*\n", "", new))
    after = run(site, "check", "--format", "json")
    assert before.returncode == after.returncode == 0, after.stdout + after.stderr
    assert json.loads(after.stdout) == json.loads(before.stdout)


# --- the Statuspage API in each language -------------------------------------------------------------------

SITE = "https://support.brightwell.example/"
TEXTS = {"name", "body", "description", "url", "shortlink"}  # what may differ between languages: words, addresses
# ...but not Statuspage's own words, which tools compare rather than show, nor the page's name, written once.
NOT_TEXTS = {".status.description", ".page.name"}


def api(site: Path, section: str) -> dict[str, object]:
    folder = site / section / "api/v2"
    return {path.relative_to(folder).as_posix(): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(folder.rglob("*.json"))}


def differences(first: object, other: object, where: str = "") -> list[str]:
    """Where `other` differs from `first` other than in a text or an address: a key, an id, a value, an order."""
    if isinstance(first, dict) and isinstance(other, dict):
        if first.keys() != other.keys():
            return [f"{where}: keys {sorted(first)} != {sorted(other)}"]
        return [found for key in first if key not in TEXTS or f"{where}.{key}" in NOT_TEXTS
                for found in differences(first[key], other[key], f"{where}.{key}")]
    if isinstance(first, list) and isinstance(other, list):
        if len(first) != len(other):
            return [f"{where}: {len(first)} items != {len(other)}"]
        return [found for n, (a, b) in enumerate(zip(first, other)) for found in differences(a, b, f"{where}[{n}]")]
    return [] if first == other else [f"{where}: {first!r} != {other!r}"]


def test_each_language_has_the_whole_api_with_the_same_ids_and_statuspages_values(built: Path) -> None:
    """Every document of `api/v2/` again under `de/api/v2/` and `ar/api/v2/`, differing only in texts and
    addresses: the same ids in the same order, and Statuspage's own values (status, impact, indicator, component
    states, times) exactly as in the first language's."""
    first = api(built, "")
    assert {"summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
            "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
            "scheduled-maintenances/active.json"} <= set(first)
    for section in ("de/", "ar/"):
        other = api(built, section)
        assert set(other) == set(first)
        assert {name: differences(first[name], other[name]) for name in first} == {name: [] for name in first}


def test_a_languages_api_carries_its_texts_and_addresses(built: Path) -> None:
    english, german = api(built, "")["incidents.json"], api(built, "de/")["incidents.json"]
    for document, title, body, card, group, section in (
            (english, "Card payments failing for customers in the UK and EU", "Payment could not be completed",
             "Card payments", "Payments", ""),
            (german, "Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl",
             "Wir arbeiten daran und melden uns bis 09:35 wieder.", "Kartenzahlungen", "Zahlungen", "de/")):
        incident = next(i for i in document["incidents"] if i["id"] == EVENT)
        assert incident["name"] == title
        assert body in incident["incident_updates"][-1]["body"]  # the first update, listed last
        assert {c["name"] for c in incident["components"] if c["id"] == "card-payments"} == {card}
        assert {c["name"] for u in incident["incident_updates"] for c in u["affected_components"] or ()
                if c["code"] == "card-payments"} == {card}
        assert incident["shortlink"] == f"{SITE}{section}incidents/{EVENT}/"
        components = api(built, section)["components.json"]
        assert {c["name"] for c in components["components"] if c["id"] in ("card-payments", "payments")} == {
            card, group}
        assert components["page"]["url"] == f"{SITE}{section}"
    bodies = [{u["id"]: u["body"] for i in document["incidents"] if i["id"] == EVENT for u in i["incident_updates"]}
              for document in (english, german)]
    assert bodies[1][f"{EVENT}-1"] != bodies[0][f"{EVENT}-1"]
    assert bodies[1][f"{EVENT}-2"] == bodies[0][f"{EVENT}-2"]  # not translated yet: as written, as on the page
    described = api(built, "de/")["components.json"]["components"]
    assert "Kunden bezahlen Rechnungen mit Karte." in {c["description"] for c in described}


def test_a_site_of_one_language_publishes_one_api(built_example: Path) -> None:
    assert (built_example / "api/v2/summary.json").is_file()
    assert not any(path.name == "api" for path in built_example.glob("*/api"))


def test_a_preview_shows_a_changed_component_name_in_one_language_as_a_build_writes_it(built: Path,
                                                                                      tmp_path: Path) -> None:
    """`mkdocs serve` keeps pages it need not render again: a new German name for a component, or a name no longer
    translated, is on the German pages and in the feeds that name it, exactly as a fresh build writes them."""
    from test_build_shortcuts import fresh_serve_build, serve_build, snapshot

    site, preview = tmp_path / "site", tmp_path / "preview"
    shutil.copytree(built.parent, site, ignore=shutil.ignore_patterns("site"))
    serve_build(site, preview)
    for old, new, listed, facts in (
            ("de: Kartenzahlungen}", "de: Kartenzahlung}", ">Kartenzahlung<", "<dd>Kartenzahlung und"),
            (", de: Kartenzahlung}", "}", '<span lang="en" dir="auto">Card payments</span>', "<dd>Card payments und")):
        edit(site, COMPONENTS, old, new)
        serve_build(site, preview)
        assert listed in text(preview, "de/status/index.html"), new
        assert facts in text(preview, f"de/incidents/{EVENT}/index.html"), new
        assert snapshot(preview) == fresh_serve_build(site, tmp_path / "fresh"), new


def test_an_empty_description_is_no_description_as_before(tmp_path: Path) -> None:
    """`description: ""` was accepted before names could be translated; it still is, from check and the build."""
    site = copy_example_site(tmp_path / "site")
    edit(site, COMPONENTS, "        description: Customers paying invoices by card.\n", '        description: ""\n')
    assert '"invalid-data"' not in run(site, "check", "--format", "json").stdout
    run_mkdocs_build(site)
    cards = next(component for component in json.loads((site / "site/api/v2/components.json").read_text(
        encoding="utf-8"))["components"] if component["name"] == "Card payments")
    assert cards["description"] is None
