"""Authored texts in several languages: a text written once, or as `{en: ..., de: ...}` in the site's `languages`.
The example made two-language (English first, German) through the real loader, `supporttab check` and the build."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_HUB, NOW, copy_example_site, run_mkdocs_build
from supporttab import plugin
from supporttab.authoring.lint import lint
from supporttab.config import Options
from supporttab.site import load_site
from test_cli import run
from test_lint import COMPONENTS, TEAM

INCIDENT = "incidents/2026-11-20-card-payments-failing.yml"
TITLE = "title: Card payments failing for customers in the UK and EU\n"
FIRST_BODY = """    body: |
      Card payments on invoices are failing for customers in the UK and the EU: your customers see
      "Payment could not be completed". We are working on it now. Invoices stay open, and no one is
      charged twice. We will post again by 09:35.
"""
TRANSLATED_TITLE = """title:
  en: Card payments failing for customers in the UK and EU
  de: Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl
"""
TRANSLATED_BODY = """    body:
      en: |
        Card payments on invoices are failing for customers in the UK and the EU: your customers see
        "Payment could not be completed". We are working on it now. Invoices stay open, and no one is
        charged twice. We will post again by 09:35.
      de: Kartenzahlungen auf Rechnungen schlagen fehl. Wir arbeiten daran und melden uns bis 09:35 wieder. <img src=x onerror=alert(1)>
"""


def set_languages(site: Path, languages: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      timezone: Europe/London\n",
                                   f"      timezone: Europe/London\n      languages: {languages}\n", 1),
                      encoding="utf-8")


def refused_alike(site: Path):
    """`supporttab check` and the build of `site`, which must both refuse it: no traceback, nothing half-written.
    Returns both finished processes (check's findings are JSON)."""
    check = run(site, "check", "--format", "json")
    build = run_mkdocs_build(site)
    assert check.returncode != 0 and build.returncode == 1
    assert "Traceback" not in build.stderr + check.stderr
    assert not (site / "site").exists()  # nothing half-written
    return check, build


def located_errors(check) -> list[str]:
    """Check's errors as it prints them: 'file:line:column: message'."""
    return [f"{f['file']}:{f['line']}:{f['column']}: {f['message']}"
            for f in json.loads(check.stdout) if f["severity"] == "error"]


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def translate_incident(site: Path) -> Path:
    """`site` with `languages: [en, de, ar]` and the first incident's title and first update, and the time zone's
    label, in English and German (nothing in Arabic): conftest's two_languages."""
    set_languages(site, "[en, de, ar]")
    edit(site, INCIDENT, TITLE, TRANSLATED_TITLE)
    edit(site, INCIDENT, FIRST_BODY, TRANSLATED_BODY)
    edit(site, "mkdocs.yml", "timezone_label: UK time\n", "timezone_label: {en: UK time, de: britische Zeit}\n")
    return site


def site_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def test_a_text_written_in_one_language_of_one_builds_byte_for_byte_as_a_plain_text(tmp_path: Path,
                                                                                      built_example: Path) -> None:
    """A one-language site is unchanged by the feature: the same text as a map of its one language, with the
    `languages` option, publishes exactly the site of the plain text without it (the example)."""
    mapped = copy_example_site(tmp_path / "mapped")
    set_languages(mapped, "[en]")
    edit(mapped, INCIDENT, TITLE, TRANSLATED_TITLE.replace(
        "  de: Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl\n", ""))
    edit(mapped, INCIDENT, FIRST_BODY, TRANSLATED_BODY.split("      de:")[0])
    result = run_mkdocs_build(mapped)
    assert result.returncode == 0, result.stderr
    assert site_files(mapped / "site") == site_files(built_example)


def test_translations_are_accepted_by_check_and_build(two_languages: Path, built_two: Path) -> None:
    check = run(two_languages, "check", "--format", "json")
    assert check.returncode == 0, check.stdout + check.stderr
    assert [f for f in json.loads(check.stdout) if f["severity"] == "error"] == []
    page = (built_two / "incidents/2026-11-20-card-payments-failing/index.html").read_text()  # built, strictly
    assert "Card payments failing for customers in the UK and EU" in page  # the default language's text
    assert "Payment could not be completed" in page


# Each kind of mistake in a translated text or in the languages option, where it is, and the sentence.
BAD = [
    pytest.param(INCIDENT, TRANSLATED_BODY, TRANSLATED_BODY.replace("      de:", "      fr:"), "      fr:",
                 "'fr' is not one of the site's languages (en, de, ar); correct it, or add it to `languages` under the "
                 "supporttab plugin in mkdocs.yml", id="language-not-on-the-site"),
    pytest.param(INCIDENT, TRANSLATED_BODY, TRANSLATED_BODY.replace("      de:", "      dee:"), "      dee:",
                 "'dee' is not one of the site's languages (en, de, ar); did you mean 'de'?", id="misspelt-language"),
    pytest.param(INCIDENT, TRANSLATED_BODY, TRANSLATED_BODY.replace("      de:", "      DE:"), "      DE:",
                 "'DE' is not one of the site's languages (en, de, ar); did you mean 'de'?", id="language-in-capitals"),
    pytest.param(INCIDENT, TRANSLATED_TITLE, TRANSLATED_TITLE.replace(
        "  en: Card payments failing for customers in the UK and EU\n", ""), "de: Kartenzahlungen schlagen",
                 "has no text in 'en', the site's default language; add a line `en: ...` under it, the text the "
                 "other languages fall back to", id="no-default-language"),
    pytest.param(INCIDENT, TRANSLATED_BODY, TRANSLATED_BODY.replace(
        "de: Kartenzahlungen auf Rechnungen schlagen fehl. Wir arbeiten daran und melden uns bis 09:35 wieder. "
        "<img src=x onerror=alert(1)>",
        'de: ""'), 'de: ""', "is empty; write the text", id="empty-translation"),
    pytest.param(INCIDENT, TRANSLATED_BODY, TRANSLATED_BODY.replace(
        "de: Kartenzahlungen auf Rechnungen schlagen fehl. Wir arbeiten daran und melden uns bis 09:35 wieder. "
        "<img src=x onerror=alert(1)>",
        "de: [Kartenzahlungen]"), "de: [Kartenzahlungen]", "expected text, found a list; write the text", id="translation-not-text"),
    pytest.param(INCIDENT, TRANSLATED_TITLE, "title: {}\n", "title:",
                 "is empty; write the text, or the text in each language, like {en: ..., de: ...}",
                 id="no-text-at-all"),
    pytest.param("mkdocs.yml", "languages: [en, de, ar]", "languages: [en, de, en]", None,
                 "'en' is listed twice; name each language once", id="language-twice"),
    pytest.param("mkdocs.yml", "languages: [en, de, ar]", "languages: [en, 'de DE']", None,
                 "'de DE' is not a language code; write one like de, fr, ar or pt-BR", id="not-a-language-code"),
    pytest.param("mkdocs.yml", "languages: [en, de, ar]", "languages: [en, de]\n      language: de", None,
                 "language is 'de' but languages starts with 'en'; remove `language`", id="two-defaults"),
]


@pytest.mark.parametrize(("name", "old", "new", "marker", "says"), BAD)
def test_check_and_the_build_say_the_same_located_sentence(two_languages: Path, tmp_path: Path, name: str, old: str,
                                                          new: str, marker: str | None, says: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(two_languages, site, ignore=shutil.ignore_patterns("site"))
    edit(site, name, old, new)
    lines = (site / name).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, start=1) if text.strip().startswith(str(marker).strip())), None)
    check, build = refused_alike(site)
    if name == "mkdocs.yml":  # the options are refused before any file is read, in one sentence each
        assert says in check.stderr and says in build.stderr, (check.stderr, build.stderr)
        return
    errors = located_errors(check)
    ours = [error for error in errors if says in error]
    assert len(ours) == 1, errors
    assert ours[0].startswith(f"{name}:{line}:"), ours
    assert ours[0].split(": ", 1)[1] in build.stderr, build.stderr  # the same sentence, at the same place


def test_a_translation_is_linted_in_its_own_language(tmp_path: Path) -> None:
    """English wording rules read an English translation on a German site (at the translation's own line), and
    do not read the German text: each text goes to its language's phrase book."""
    minimising = "Der Ausfall ist behoben.", "The outage only lasted 10 minutes, it was just a small glitch."
    body = {"de": minimising[0], "en": minimising[1]}
    data = {"title": "Kartenzahlungen", "impact": "minor", "components": ["api"],
            "updates": [{"at": "2026-11-23T09:00:00+00:00", "status": "investigating", "author": "patty",
                         "next_update_by": "2026-11-23T10:00:00+00:00", "body": body}]}
    files = {"content/hub.yml": MINIMAL_HUB, "incidents/components.yml": COMPONENTS,
             "incidents/api.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False), **TEAM}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    found = {}
    for languages in (("de", "en"), ("en", "de")):
        body_order = dict(sorted(body.items(), key=lambda item: languages.index(item[0])))
        data["updates"][0]["body"] = body_order
        (tmp_path / "incidents/api.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        site = load_site(tmp_path, tmp_path / "content", Options(languages=list(languages)), NOW,
                         keep_documents=True, languages=languages)
        found[languages] = [(f.rule, f.where) for f in lint(site.status, site.status.documents, NOW, {}, site.team,
                                                            site.hub.organization.name, language=languages[0])]
    minimising_at = {where for rule, where in found[("de", "en")] if rule == "minimising-language"}
    assert minimising_at == {("updates", 0, "body", "en")}  # the English translation, read as English
    assert {where for rule, where in found[("en", "de")] if rule == "minimising-language"} == {
        ("updates", 0, "body")}  # the same words as the default text: the same finding, at the text


# --- a section per language -----------------------------------------------------------------------------

EVENT = "2026-11-20-card-payments-failing"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def updates(markup: str) -> list[str]:
    return re.findall(r'<li class="st-update st-update--\w+" id="(update-\d+)">', markup)


def test_every_generated_page_has_its_german_twin_in_german(built_two: Path) -> None:
    english = sorted(p.relative_to(built_two).as_posix() for p in built_two.glob("**/index.html")
                     if p.relative_to(built_two).parts[0] in ("status", "incidents", "team", "index.html"))
    german = sorted(p.relative_to(built_two / "de").as_posix() for p in (built_two / "de").glob("**/index.html")
                    if p.relative_to(built_two / "de").parts[0] in ("status", "incidents", "team", "index.html"))
    assert german == english and len(german) >= 6
    words = {}
    for language, direction in (("de", "ltr"), ("ar", "rtl")):
        for path in german:
            markup = (built_two / language / path).read_text(encoding="utf-8")
            assert f'<html lang="{language}"' in markup and f'<body dir="{direction}"' in markup, path
            words[language] = json.loads(re.search(r'<script type="application/json" id="st-words">(.*?)</script>',
                                                   markup).group(1))
    english = page(built_two, f"incidents/{EVENT}")
    assert '<html lang="en' in english and '<body dir="ltr"' in english
    # The scripts' words, in each page's language: "Overdue: was due by".
    # Their Intl locale asks for Latin digits, as the server writes them (core.i18n's script_locale).
    assert (words["de"]["overdue"], words["de"]["locale"]) == ("Überfällig: versprochen bis", "de-u-nu-latn")
    assert words["ar"]["locale"] == "ar-u-nu-latn" and not re.search("[A-Za-z]", words["ar"]["overdue"])


def test_an_untranslated_update_is_shown_as_written_with_a_note_never_held_back(built_two: Path) -> None:
    english, german = page(built_two, f"incidents/{EVENT}"), page(built_two, f"de/incidents/{EVENT}")
    assert updates(german) == updates(english) and len(updates(english)) >= 4  # every update, in every language
    assert "Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl" in german  # the translated title
    assert "Wir arbeiten daran und melden uns bis 09:35 wieder." in german  # the translated update, no note
    assert "<img src=x" not in german and "&lt;img src=x onerror=alert(1)&gt;" in german  # escaped like any text
    note = "Noch nicht übersetzt: Dieses Update steht hier so, wie wir es geschrieben haben."
    shown_as_written = re.findall(r'<p class="st-update__untranslated"><em>([^<]*)</em></p>\s*'
                                  r'<div class="st-update__body" lang="en" dir="auto">', german)
    # each untranslated one, in English, marked so (and laid out in its own direction on an Arabic page)
    assert shown_as_written == [note] * (len(updates(german)) - 1)
    assert "We found the cause: our payment provider" in german
    assert '<p class="st-update__untranslated">' not in english and "Kartenzahlungen" not in english


def test_the_language_menu_leads_to_each_version_and_the_nav_stays_the_default_languages(built_two: Path) -> None:
    """From an article, the menu leads to its page in each language (test_article_languages.py)."""
    article = page(built_two, "articles/reset-password")
    assert re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">\s*([^<]+?)\s*</a>', article) == [
        ("./", "en", "English"), ("../../de/articles/reset-password/", "de", "Deutsch"),
        ("../../ar/articles/reset-password/", "ar", "العربية")]
    assert "de/status/" not in re.search(r'<nav class="md-tabs".*?</nav>', article, re.DOTALL).group(0)


def language_versions(site: Path, path: Path) -> dict[str, str]:
    """What a built page's head declares as itself in each language: {language: the page it links to}."""
    links = re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', path.read_text("utf-8"))
    versions = {}
    for href, language in links:
        assert href.startswith(SITE), href  # a full address: the site has one
        target = (site / href.removeprefix(SITE)).resolve()
        versions[language] = (target / "index.html" if target.is_dir() else target).relative_to(site).as_posix()
    assert len(versions) == len(links)  # one link per language
    return versions


def test_a_page_declares_as_its_other_languages_only_its_own_versions(built_two: Path) -> None:
    """hreflang says "this very page, in another language". The hub, the team page and the status part (status
    page, history, each incident) exist in every language: each of their pages names its three versions, itself
    included, at their full address, and each of those names the same three. Articles and the page-not-found page
    exist once, in English: they name none (the language menu of the page-not-found page leads to the hub in each
    language)."""
    pages = {path.relative_to(built_two).as_posix(): path for path in [*built_two.glob("**/index.html"),
                                                                        built_two / "404.html"]}
    kinds = {"status/index.html", "status/history/index.html", f"incidents/{EVENT}/index.html", "404.html"}
    assert kinds <= set(pages)
    for name, path in pages.items():
        versions = language_versions(built_two, path)
        english = name.removeprefix("de/").removeprefix("ar/")
        if english.startswith(("status/", "incidents/", "team/")) or english == "index.html":
            expected = {"en": english, "de": f"de/{english}", "ar": f"ar/{english}"}
            assert versions == expected, name
            menu = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', path.read_text("utf-8"))
            assert {language: ((path.parent / href).resolve() / "index.html").relative_to(built_two).as_posix()
                    for href, language in menu} == expected, name
        else:
            assert versions == {}, name
    menu = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', pages["404.html"].read_text("utf-8"))
    assert {language: posixpath.normpath(href) for href, language in menu} == {"en": "/", "de": "/de", "ar": "/ar"}
    assert {"index.html", "team/index.html", "articles/reset-password/index.html"} <= set(pages)


def test_a_site_without_an_address_links_its_language_versions_relatively(two_languages: Path,
                                                                          tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(two_languages, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "mkdocs.yml", f"site_url: {SITE}\n", "")
    assert run_mkdocs_build(site, strict=False).returncode == 0  # it warns that feeds have no address
    links = re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', page(site / "site", "de/status"))
    assert links == [("../../status/", "en"), ("./", "de"), ("../../ar/status/", "ar")]


def test_each_sections_banner_and_header_speak_its_language(built_two: Path) -> None:
    """The banner and the header are the same on many pages, so they are rendered once and shared: per language."""
    def banner(path: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(r'<p class="st-banner.*?</p>', page(
            built_two, path), re.DOTALL).group(0))).strip()

    def header(path: str) -> str:
        return re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>',
                         page(built_two, path)).group(1)

    for section, words in (("", "slower than usual. Next update overdue 23 Nov, 09:00 GMT Details"),
                           ("de/", "langsamer als sonst. Nächstes Update überfällig 23. Nov., 09:00 GMT")):
        for path in (f"{section}incidents/{EVENT}", f"{section}status/history"):
            assert words in banner(path), (path, banner(path))
    assert not re.search("[a-z]{3,}", banner(f"ar/incidents/{EVENT}").replace("PDF exports", "").replace(
        "GMT", "")), banner(f"ar/incidents/{EVENT}")
    assert header("status") == "Brightwell status" and header("de/status") == "Status von Brightwell"
    assert header(f"incidents/{EVENT}") == "Card payments failing for customers in the UK and EU"
    assert header(f"de/incidents/{EVENT}") == "Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl"


def test_a_part_shared_without_links_to_its_section_is_still_rendered_per_language(two_languages: Path,
                                                                                   tmp_path: Path,
                                                                                   monkeypatch) -> None:
    """A site's own banner (custom_dir) that links nowhere comes out the same on German and Arabic pages at the
    same folder depth but for its words: the shared render must not carry one language's into the other's."""
    from test_build_shortcuts import check_shared

    site = tmp_path / "site"
    shutil.copytree(two_languages, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    own = site / "overrides" / "supporttab" / "partials" / "banner.html"
    own.parent.mkdir(parents=True)
    own.write_text('{% call supporttab_shared("banner") %}{% autoescape true %}<p class="st-banner">'
                   '{{ supporttab_summary.headline }} · {{ _("Next update by") }}</p>{% endautoescape %}{% endcall %}',
                   encoding="utf-8")
    reused, wrong = check_shared(site, monkeypatch, plugin.SharedRenders.render)
    assert wrong == [] and reused["banner"] >= 10
    shown = {language: re.search(r'<p class="st-banner">(.*?)</p>', page(site / "site", f"{language}status/history"))
             .group(1) for language in ("", "de/", "ar/")}
    assert shown[""].endswith("· Next update by") and shown["de/"].endswith("· Nächstes Update bis")
    assert not re.search("[A-Za-z]{4,}", shown["ar/"].replace("PDF exports", "")), shown


def test_a_preview_renders_again_only_the_pages_of_a_changed_translation_and_shows_what_a_build_writes(
        two_languages: Path, tmp_path: Path) -> None:
    """`mkdocs serve` keeps each incident and history page of each language: a new German title renders the
    incident's page and the history listing it (in English too: both are made from the text, which carries its
    translations), and no other; a translation of the active incident (in every section's banner) renders every
    page again."""
    from test_build_shortcuts import fresh_serve_build, serve_build, snapshot

    site, preview = tmp_path / "site", tmp_path / "preview"
    shutil.copytree(two_languages, site, ignore=shutil.ignore_patterns("site"))
    serve_build(site, preview)
    assert serve_build(site, preview) == 15  # four incident pages and a history page in each of three languages
    edit(site, INCIDENT, "de: Kartenzahlungen schlagen", "de: Kartenzahlungen scheitern")
    assert serve_build(site, preview) == 11  # the incident's page and the history, in German and in English
    assert "Kartenzahlungen scheitern" in page(preview, f"de/incidents/{EVENT}")
    assert snapshot(preview) == fresh_serve_build(site, tmp_path / "fresh")
    edit(site, "incidents/2026-11-22-slow-pdf-exports.yml", "title: PDF exports are slow\n",
         "title:\n  en: PDF exports are slow\n  de: PDF-Exporte sind langsam\n")
    assert serve_build(site, preview) == 0
    assert snapshot(preview) == fresh_serve_build(site, tmp_path / "fresh")


def test_a_text_equals_another_only_with_what_it_carries() -> None:
    """The class behind a stale preview: authored texts are strings that carry their translations, or the language
    they are shown in; two with the same characters but different translations, or one shown as written and one
    translated, must differ wherever texts are compared or hashed (previews, remembered feeds)."""
    from supporttab.core.fields import Translated
    from supporttab.core.i18n import AsWritten, OurWords

    different = [("Help", Translated("Help", {"de": "Hilfe"})), (Translated("Help", {"de": "Hilfe"}),
                 Translated("Help", {"de": "Hilfe von uns"})), (Translated("Help", {"de": "Hilfe"}),
                 Translated("Help", {"de": "Hilfe", "fr": "Aide"})), ("Help", AsWritten("Help", "en")),
                 (AsWritten("Help", "en"), AsWritten("Help", "de")), ("Help from us", OurWords("Help from us"))]
    for one, other in different:
        assert one != other and other != one and not one == other and len({one, other}) == 2, (one, other)  # noqa: SIM201
        assert {"text": one} != {"text": other} and (one,) != (other,)
    same = [("Help", Translated("Help")), (Translated("Help", {"de": "Hilfe"}), Translated("Help", {"de": "Hilfe"})),
            (AsWritten("Help", "en"), AsWritten("Help", "en"))]
    for one, other in same:
        assert one == other and not one != other and hash(one) == hash(other), (one, other)  # noqa: SIM202


def test_a_preview_renders_again_the_pages_whose_help_strip_changed_only_in_another_language(two_languages: Path,
                                                                                            tmp_path: Path) -> None:
    """The help strip's title is on every page of every section: a change to its German text alone (the English
    stays), or to whether it is translated at all, renders the German incident and history pages again."""
    from test_build_shortcuts import fresh_serve_build, serve_build, snapshot

    site, preview = tmp_path / "site", tmp_path / "preview"
    shutil.copytree(two_languages, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "content/hub.yml", "help_from_us:\n", "help_from_us:\n  title: {en: Help from us, de: Hilfe von uns}\n")
    serve_build(site, preview)
    assert serve_build(site, preview) == 15
    for old, new, shown in (("de: Hilfe von uns", "de: Hilfe vom Team", ">Hilfe vom Team<"),
                            ("de: Hilfe vom Team", "de: Help from us", ">Help from us<"),  # as English, in German
                            (", de: Help from us}", "}", '<span lang="en" dir="auto">Help from us</span>')):
        edit(site, "content/hub.yml", old, new)
        serve_build(site, preview)
        for path in (f"de/incidents/{EVENT}", "de/status/history", "de/status"):
            assert shown in page(preview, path), (new, path)
        assert snapshot(preview) == fresh_serve_build(site, tmp_path / "fresh"), new


def test_every_sections_pages_stay_light_and_keep_their_directions_rules(built_two: Path) -> None:
    """Status, history and incident pages in every language load one trimmed stylesheet and no theme script; the
    Arabic ones read right to left, so that stylesheet keeps the theme's [dir=rtl] rules."""
    for section, direction in (("", "ltr"), ("de/", "ltr"), ("ar/", "rtl")):
        for path in (f"{section}status", f"{section}status/history", f"{section}incidents/{EVENT}"):
            markup = page(built_two, path)
            assert re.search(r'<body dir="(\w+)"', markup)[1] == direction, path
            sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', markup)
            assert len(sheets) == 1 and "assets/supporttab/light." in sheets[0], (path, sheets)
            assert not re.search(r"<script[^>]+src=\"[^\"]*assets/javascripts/", markup), path
            css = (built_two / path / sheets[0]).resolve().read_text(encoding="utf-8")
            assert css.count("[dir=rtl]") > 20 and css.count("[dir=ltr]") > 20


SITE = "https://support.brightwell.example/"


def test_each_language_has_its_own_feeds_calendar_and_badges(built_two: Path) -> None:
    """Feeds, the maintenance calendar and badges again under `de/`, read by real clients: our words from the German
    catalog, the authors' in German where translated, links to the German pages; and the Statuspage API again."""
    import feedparser
    import icalendar

    atom = feedparser.parse((built_two / "de/status/history.atom").read_bytes())
    assert not atom.bozo and atom.feed.title == "Status von Brightwell Support" and atom.feed.language == "de"
    assert atom.feed.link == f"{SITE}de/status/"
    assert {entry.link.split("#")[0] for entry in atom.entries} == {
        f"{SITE}de/incidents/{path.name}/" for path in (built_two / "de/incidents").iterdir()}
    translated = [entry for entry in atom.entries if entry.link.endswith(f"{EVENT}/#update-1")][0]
    assert translated.title == "Wird untersucht: Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl"
    assert "Wir arbeiten daran und melden uns bis 09:35 wieder." in translated.content[0].value
    untranslated = [entry for entry in atom.entries if entry.link.endswith(f"{EVENT}/#update-2")][0]
    assert untranslated.content[0].value == [entry for entry in feedparser.parse(
        (built_two / "status/history.atom").read_bytes()).entries if entry.link.endswith(
        f"{EVENT}/#update-2")][0].content[0].value  # as written, as on the page
    rss = feedparser.parse((built_two / "de/status/history.rss").read_bytes())
    assert not rss.bozo and rss.feed.language == "de" and len(rss.entries) == len(atom.entries)
    feed = json.loads((built_two / "de/status/feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "de" and feed["feed_url"] == f"{SITE}de/status/feed.json"
    component = feedparser.parse((built_two / "de/status/components/card-payments/history.atom").read_bytes())
    assert component.feed.title == "Status von Brightwell Support: Card payments" and component.entries
    calendar = icalendar.Calendar.from_ical((built_two / "de/status/maintenance.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Wartung: Brightwell Support"
    assert all(str(event["SUMMARY"]).startswith("Wartung: ") and f"{SITE}de/incidents/" in str(event["URL"])
               for event in calendar.walk("VEVENT"))
    assert "Status" in (built_two / "de/badges/status.svg").read_text(encoding="utf-8")
    assert {path.name for path in (built_two / "de/badges").iterdir()} == {
        path.name for path in (built_two / "badges").iterdir()}
    assert (built_two / "de/api/v2/summary.json").is_file() and (built_two / "api/v2/summary.json").is_file()


def test_a_feed_item_or_calendar_event_says_a_language_only_for_what_is_in_it(built_two: Path) -> None:
    """In the German feeds, an entry whose title and text are both shown as written (English) is English; one with
    a German title and an English text is neither (its text says its own); a translated one is the feed's. The
    German calendar marks an untranslated title's SUMMARY as English (RFC 5545's LANGUAGE), and the English none."""
    import icalendar

    feed = json.loads((built_two / "de/status/feed.json").read_text(encoding="utf-8"))
    items = {item["id"].split("/incidents/")[1]: item for item in feed["items"]}
    assert "language" not in items[f"{EVENT}/#update-1"]  # both in German
    assert "language" not in items[f"{EVENT}/#update-2"]  # German title, English text: its div says so
    assert items[f"{EVENT}/#update-2"]["content_html"].startswith('<div lang="en" dir="auto">')
    others = [item for key, item in items.items() if not key.startswith(EVENT)]
    assert others and all(item.get("language") == "en" for item in others)
    for section, marked in (("de/", True), ("", False)):
        text = (built_two / section / "status/maintenance.ics").read_text(encoding="utf-8")
        events = icalendar.Calendar.from_ical(text).walk("VEVENT")
        assert events and all((event["SUMMARY"].params.get("LANGUAGE") == "en") == marked for event in events)
        assert text.count("SUMMARY;LANGUAGE=en:") == (len(events) if marked else 0)


def test_each_sections_get_updates_control_leads_to_its_own_feeds(built_two: Path) -> None:
    """The status page in each language offers that language's feeds, calendar, component feeds and API. (No feed
    <link rel="alternate"> in the head: mkdocs-material reads those as language versions.)"""
    for section in ("", "de/", "ar/"):
        control = re.search(r'<details class="st-get-updates">.*?</details>', page(built_two, f"{section}status"),
                            re.DOTALL).group(0)
        targets = {(built_two / f"{section}status" / href).resolve().relative_to(built_two).as_posix()
                   for href in re.findall(r'href="([^"]+)"', control)}
        assert {f"{section}status/history.atom", f"{section}status/maintenance.ics",
                f"{section}status/components/api/history.atom", f"{section}api/v2/summary.json"} <= targets
        assert all(target.startswith(section) for target in targets), targets


def test_no_english_of_ours_is_left_in_another_languages_feeds_calendar_or_badges(built_two: Path) -> None:
    """The leak check of every shipped locale's build (test_languages), on the German and Arabic copies."""
    from test_languages import authored_sentences, english_phrases, leaks

    for code in ("de", "ar"):
        outputs = {path.relative_to(built_two).as_posix() for path in built_two.glob(f"{code}/**/*")
                   if path.suffix in (".atom", ".rss", ".json", ".ics", ".svg")}
        assert {f"{code}/status/history.atom", f"{code}/status/history.rss", f"{code}/status/feed.json",
                f"{code}/status/maintenance.ics", f"{code}/badges/status.svg"} <= outputs
        found = leaks(built_two, english_phrases(code), authored_sentences(built_two.parent))
        assert {path: words for path, words in found.items() if path in outputs} == {}


def test_every_link_in_every_language_leads_to_a_page_of_the_site(built_two: Path) -> None:
    """Every link of every page in every section leads to a page that was written: the section's own hub and team
    page (the help strip, the search button, signatures), or the default language's articles."""
    broken = []
    for path in sorted(built_two.glob("**/*.html")):
        folder = path.parent
        for link in re.findall(r'(?:href|src)="([^"]*)"', path.read_text(encoding="utf-8")):
            target = unescape(link).split("#")[0].split("?")[0]  # an e-mail autolink's is character entities
            if not target or re.match(r"[a-z][a-z0-9+.-]*:|/", target):
                continue  # within the page, another site, a phone number or an address
            resolved = (folder / target).resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{path.relative_to(built_two)}: {link}")
    assert broken == []


def test_a_site_of_one_language_has_no_language_menu(built_example: Path) -> None:
    assert "md-select__link" not in page(built_example, ".") and not (built_example / "de").exists()


# --- published history ----------------------------------------------------------------------------------


def test_translating_a_published_text_later_is_no_change_but_rewording_it_is(site: Path) -> None:
    """Post first, translate after: adding a translation to a published title or update passes the history
    guard; changing the text as published, or a published translation, does not."""
    from test_guard import git, guard_errors

    set_languages(site, "[en, de]")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "published")
    edit(site, INCIDENT, TITLE, TRANSLATED_TITLE)
    edit(site, INCIDENT, FIRST_BODY, TRANSLATED_BODY)
    assert guard_errors(site) == []
    git(site, "commit", "-q", "-am", "translated")
    edit(site, INCIDENT, "melden uns bis 09:35 wieder.", "melden uns bald wieder.")
    edit(site, INCIDENT, "  en: Card payments failing for customers", "  en: Card payments slow for customers")
    errors = guard_errors(site)
    assert len(errors) == 2 and "`title` (published at HEAD) changed" in errors[0], errors
    assert "update 1 (published at HEAD) changed its body" in errors[1], errors


def test_a_language_without_a_catalog_warns_in_check_and_the_build_alike(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, nl]")
    check = run(site, "check", "--format", "json")
    warnings = [f for f in json.loads(check.stdout) if f["rule"] == "language"]
    line = (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("      languages: [en, nl]") + 1
    assert [(f["file"], f["line"], f["column"]) for f in warnings] == [("mkdocs.yml", line, 7)]  # where it was chosen
    assert "no translation into 'nl'" in warnings[0]["message"]
    build = run_mkdocs_build(site)
    assert build.returncode == 1 and warnings[0]["message"] in build.stderr  # --strict stops on it
    assert run_mkdocs_build(site, strict=False).returncode == 0
    assert (site / "site/nl/status/index.html").is_file()


def test_a_site_without_status_pages_gets_no_language_menu_to_sections_it_does_not_have(tmp_path: Path) -> None:
    """A site of several languages without an incidents folder has a hub and team page in each language, and no
    menu or hreflang link to a de/status/ that is never written."""
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de, ar]")
    shutil.rmtree(site / "incidents")
    edit(site, "mkdocs.yml", "  - Status: status/index.md\n", "")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert not (site / "site" / "de" / "status").exists() and (site / "site" / "de" / "index.html").is_file()
    hub = (site / "site" / "index.html").read_text("utf-8")
    assert 'hreflang="de"' in hub and "de/status/" not in hub


def test_an_arabic_page_lists_components_and_regions_the_arabic_way(built_two: Path) -> None:
    """Components and regions are listed with the language's words between them (و), on the incident page and in
    the status page's line for it, as the summary and the calendar list them; never with an English ', '."""
    for path in (f"ar/incidents/{EVENT}", "ar/status/history"):
        markup = page(built_two, path)
        assert "Card payments وInvoice emails" in markup and "Card payments, Invoice emails" not in markup, path


# --- text shown as written says its language --------------------------------------------------------------

class _Languages(HTMLParser):
    """Each piece of text of a page with the language it is marked in: the nearest `lang` around it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None, tuple[str, ...]]] = []  # (text, language, classes around it)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            found = dict(attrs)
            self.open.append((tag, found.get("lang"), found.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            language = next((lang for _, lang, _ in reversed(self.open) if lang), None)
            self.texts.append((" ".join(data.split()), language, tuple(c for _, _, c in self.open)))


def marked_texts(markup: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    parser = _Languages()
    parser.feed(markup)
    return parser.texts


def authored_snippets(site: Path, name: str) -> dict[str, str]:
    """A few words of every authored text of an incident file (its default language's), by where it is."""
    data = yaml.safe_load((site / name).read_text(encoding="utf-8"))
    texts = {"title": data["title"], "workaround": data.get("workaround")}
    texts.update({f"updates[{n}].body": u["body"] for n, u in enumerate(data["updates"])})
    texts.update({f"postmortem.{part}": data["postmortem"][part] for part in ("apology", "cause", "prevention")}
                 if "postmortem" in data else {})
    found = {}
    for where, text in texts.items():
        if text:
            text = text["en"] if isinstance(text, dict) else text
            found[where] = re.search(r"[A-Za-z][A-Za-z ]{12,}[A-Za-z]", " ".join(text.split())).group(0)
    return found


STATUS_PAGES = ("status", "status/history", f"incidents/{EVENT}", "incidents/2026-11-22-slow-pdf-exports")


def test_every_authored_text_shown_untranslated_says_its_language_on_an_arabic_page(built_two: Path) -> None:
    """Nothing of the two incidents is in Arabic: each of their texts (title, workaround, every update, each part
    of the postmortem), wherever a page shows it in its body, is marked as English and laid out in its own
    direction; the German translation of the title is not marked. (The theme's header and <title> are left.)"""
    snippets = {**authored_snippets(built_two.parent, INCIDENT),
                **{f"pdf {where}": words for where, words in authored_snippets(
                    built_two.parent, "incidents/2026-11-22-slow-pdf-exports.yml").items()}}
    assert {"title", "workaround", "postmortem.cause", "updates[3].body"} <= {w.split(" ")[-1] for w in snippets}
    seen = set()
    for path in STATUS_PAGES:
        markup = page(built_two, f"ar/{path}")
        body = markup[markup.index('<div class="md-content"'):]
        for text, language, around in marked_texts(body):
            for where, words in snippets.items():
                if words in text:
                    seen.add(where)
                    assert language == "en", (path, where, text, language)
        assert re.search(r'lang="en" dir="auto"', body), path
    assert seen == set(snippets)  # every text was found on some page, and all were marked
    german = marked_texts(page(built_two, f"de/incidents/{EVENT}"))
    title = [language for text, language, _ in german if "Kartenzahlungen schlagen" in text]
    assert title and set(title) == {"de"}  # translated: in the page's own language, not marked


def test_feeds_say_the_language_of_an_update_shown_as_written(built_two: Path) -> None:
    """Atom marks an untranslated update's content with xml:lang; RSS, which cannot, and JSON Feed, whose item
    language would cover the translated title too, wrap the HTML in a block that says it; a translated update
    carries none."""
    import feedparser

    atom = feedparser.parse((built_two / "ar/status/history.atom").read_bytes())
    languages = {entry.link.rsplit("#", 1)[1]: entry.content[0].language for entry in atom.entries
                 if entry.link.split("#")[0].endswith(f"{EVENT}/")}
    assert languages["update-1"] == "en" and languages["postmortem"] == "ar", languages
    german = feedparser.parse((built_two / "de/status/history.atom").read_bytes())
    first = [entry for entry in german.entries if entry.link.endswith(f"{EVENT}/#update-1")][0]
    assert first.content[0].language == "de"
    feed = json.loads((built_two / "de/status/feed.json").read_text(encoding="utf-8"))
    items = {item["id"].rsplit("/", 2)[-2] + item["id"].rsplit("/", 1)[1]: item for item in feed["items"]}
    assert "language" not in items[f"{EVENT}#update-2"] and "language" not in items[f"{EVENT}#update-1"]
    assert items[f"{EVENT}#update-2"]["content_html"].startswith('<div lang="en" dir="auto">')
    rss = (built_two / "ar/status/history.rss").read_text(encoding="utf-8")
    assert "&lt;div lang=\"en\" dir=\"auto\"&gt;" in rss


def test_the_help_strip_time_zone_and_theme_speak_each_sections_language(built_two: Path) -> None:
    """On every page of a section: the help strip's default words ("Help from us", which the hub leaves to us) in
    the section's language; the time zone's label as translated, or as written saying its language; the theme's
    own words (its header, search, skip link) in the section's language too, and the navigation's titles, which
    the site writes once, marked as English."""
    theme = {"": ("Header", "Search", "Skip to content"), "de/": ("Kopfzeile", "Suche", "Zum Inhalt"),
             "ar/": ("عنوان العارضة", "إبحث", "انتقل إلى المحتوى")}
    strip = {"": "Help from us", "de/": "Hilfe von uns", "ar/": "مساعدة منا"}
    zone = {"": ("UK time", None), "de/": ("britische Zeit", None), "ar/": ("UK time", "en")}  # (label, marked as)
    for section in ("", "de/", "ar/"):
        for path in ("status", "status/history", f"incidents/{EVENT}"):
            markup = page(built_two, section + path)
            texts = marked_texts(markup)
            help_link = [(text, language) for text, language, around in texts
                         if any("st-help__all" in classes for classes in around)]
            assert help_link == [(strip[section], section.strip("/") or "en")], (section, path, help_link)
            for menu in ("md-tabs__list", "md-nav__list"):  # the navigation's titles, the site's own: in English
                titles = {language for _, language, around in texts if any(menu in classes for classes in around)}
                assert titles == {"en"}, (section, path, menu, titles)
            header, search, skip = theme[section]
            assert f'aria-label="{header}"' in markup and f'aria-label="{search}"' in markup, (section, path)
            assert skip in [text for text, _, _ in texts], (section, path)
        label, language = zone[section]
        shown = [(text == label, marked) for text, marked, _ in marked_texts(page(built_two, f"{section}status"))
                 if label in text]  # "Times are UK time.", or on its own when marked
        assert shown == [(language is not None, language or section.strip("/") or "en")], (section, shown)


def test_a_time_zone_label_in_a_language_the_site_does_not_have_is_refused(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de]")
    edit(site, "mkdocs.yml", "timezone_label: UK time\n", "timezone_label: {en: UK time, fr: heure du Royaume-Uni}\n")
    says = "'fr' is not one of the site's languages (en, de); correct it, or add it to `languages`"
    check, build = run(site, "check", "--format", "json"), run_mkdocs_build(site)
    line = next(n for n, text in enumerate((site / "mkdocs.yml").read_text("utf-8").splitlines(), start=1)
                if "timezone_label" in text)
    for output in (check.stderr, build.stderr):
        assert f"mkdocs.yml:{line}:7: " in output and says in output and "Traceback" not in output, output
    assert check.returncode != 0 and build.returncode == 1


@pytest.mark.parametrize(("theme", "option", "label", "says"), [
    ("language: de", "", "{en: UK time, de: britische Zeit}", "'en' is not one of the site's languages (de); "),
    ("language: de", "", "{de: britische Zeit, fr: heure du Royaume-Uni}", "'fr' is not one of the site's "
                                                                          "languages (de); "),
    ("", "", "{de: britische Zeit}", "'de' is not one of the site's languages (en); "),  # MkDocs' default: en
    ("language: fr", "      language: de\n", "{fr: heure du Royaume-Uni}", "'fr' is not one of the site's "
                                                                            "languages (de); "),
])
def test_a_time_zone_label_follows_the_sites_language_as_authored_texts_do(tmp_path: Path, theme: str, option: str,
                                                                           label: str, says: str) -> None:
    """Without `languages`, a site speaks its `language`, else theme.language: the label may be written only in it,
    as an incident's title may, and check and the build refuse the same, at the label."""
    site = copy_example_site(tmp_path / "site")
    if theme:
        edit(site, "mkdocs.yml", "  name: material\n  language: en\n", f"  name: material\n  {theme}\n")
    edit(site, "mkdocs.yml", "timezone_label: UK time\n", f"timezone_label: {label}\n{option}")
    line = next(n for n, text in enumerate((site / "mkdocs.yml").read_text("utf-8").splitlines(), start=1)
                if "timezone_label" in text)
    check, build = run(site, "check", "--format", "json"), run_mkdocs_build(site)
    for output in (check.stderr, build.stderr):
        assert re.search(rf"timezone_label'?: mkdocs\.yml:{line}:7: {re.escape(says)}|mkdocs\.yml:{line}:7: "
                         rf"plugins\.supporttab\.timezone_label: {re.escape(says)}", output), output
        assert "Traceback" not in output and output.count("mkdocs.yml:") == 1, output
    assert check.returncode != 0 and build.returncode == 1
    assert not (site / "site").exists()


def test_a_time_zone_label_in_the_themes_language_is_shown_in_it(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    edit(site, "mkdocs.yml", "  name: material\n  language: en\n", "  name: material\n  language: de\n")
    edit(site, "mkdocs.yml", "timezone_label: UK time\n", "timezone_label: {de: britische Zeit}\n")
    check, build = run(site, "check", "--format", "json"), run_mkdocs_build(site)
    assert check.returncode == 0 and build.returncode == 0, check.stderr + build.stderr
    assert "britische Zeit" in page(site / "site", "status")


@pytest.mark.parametrize(("written", "says"), [
    ("languages: [en, no]", "YAML reads a bare no (or off) as false, not as a language; write Norwegian's code in "
                            "quotes: 'no'"),
    ("languages: [en, de]\n      language: no", "YAML reads a bare no (or off) as false"),
    ("languages: [en, on]", "YAML reads a bare yes (or on) as true, not as a language; write the language's code "
                            "in quotes, like 'de'"),
    ("languages: [en, de]\n      timezone_label: {en: UK time, no: britisk tid}", "YAML reads a bare no (or off) as "
                                                                                 "false"),
])
def test_a_language_yaml_reads_as_true_or_false_says_to_quote_it(tmp_path: Path, written: str, says: str) -> None:
    """mkdocs.yml is YAML 1.1: a bare `no` (Norwegian) is false. Check and the build say so, where it is written."""
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de, ar]")
    edit(site, "mkdocs.yml", "timezone_label: UK time\n", "")
    edit(site, "mkdocs.yml", "languages: [en, de, ar]", written)
    key = written.rsplit("\n", 1)[-1].strip().split(":")[0]
    lines = (site / "mkdocs.yml").read_text("utf-8").splitlines()
    plugin = next(n for n, text in enumerate(lines) if text.strip() == "- supporttab:")
    line = next(n for n, text in enumerate(lines, start=1) if n > plugin and text.strip().startswith(f"{key}:"))
    check, build = run(site, "check", "--format", "json"), run_mkdocs_build(site)
    assert check.returncode != 0 and build.returncode == 1
    for output in (check.stderr, build.stderr):  # check names the option before the place, the build after it
        assert re.search(rf"{key}'?: mkdocs\.yml:{line}:7: {re.escape(says)}|mkdocs\.yml:{line}:7: "
                         rf"plugins\.supporttab\.{key}: {re.escape(says)}", output), output
        assert "Traceback" not in output and output.count("mkdocs.yml:") == 1, output


def test_each_languages_calendar_has_its_own_event_uids_and_the_default_keeps_its_own(built_two: Path,
                                                                                      built_example: Path) -> None:
    """A calendar app subscribed to the English and the German calendar must not take their events for one (same
    UID, two summaries): UIDs differ per language, stay the same from build to build, and the default language's
    are those a site of one language publishes, so its subscribers see no duplicates."""
    import icalendar

    def uids(site: Path, section: str) -> list[str]:
        calendar = icalendar.Calendar.from_ical((site / section / "status/maintenance.ics").read_bytes())
        return [str(event["UID"]) for event in calendar.walk("VEVENT")]

    one_language = uids(built_example, "")
    by_language = {section: uids(built_two, section) for section in ("", "de/", "ar/")}
    assert len(one_language) >= 2 and by_language[""] == one_language
    every = [uid for found in by_language.values() for uid in found]
    assert len(set(every)) == len(every) == 3 * len(one_language)
    assert by_language["de/"] == [uid.replace("@", ".de@") for uid in one_language]
