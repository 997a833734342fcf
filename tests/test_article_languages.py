"""Articles in several languages: `reset-password.de.md` is published as `de/articles/reset-password/`; an article
not translated yet is published there too, as written, under a note in the reader's language; the language menu,
hreflang, search, the untranslated postmortem's note and the header's language marks. The example made
three-language (English first, German, Arabic) through `supporttab check` and the build."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import copy_example_site, run_mkdocs_build
from test_cli import run
from test_translations import (
    EVENT,
    SITE,
    edit,
    located_errors,
    refused_alike,
    set_languages,
)

ARTICLES = ("reset-password", "two-step-verification", "send-first-invoice", "card-payment-failed",
            "export-your-data", "change-or-cancel-plan")
GERMAN = """---
description: Ein vergessenes Passwort zurücksetzen, in unter zwei Minuten.
---

# Passwort zurücksetzen

Sie können Ihr Passwort jederzeit selbst zurücksetzen: siehe auch die
[Bestätigung in zwei Schritten](two-step-verification.md), den [Status](../status/index.md), die
[Hilfe von uns](../index.md#help-from-us) und dieses Bild: ![Anmeldeseite](sign-in.jpg)

## Passwortschutz
"""
NOTE = {"de": "Noch nicht übersetzt: Diese Seite steht hier so, wie wir sie auf Englisch geschrieben haben.",
        "ar": "لم تُترجم بعد: تظهر هذه الصفحة كما كتبناها، باللغة الإنجليزية."}
PICTURE = Path(__file__).parent / "example" / "team" / "photos"
POSTMORTEM = """postmortem:
  published_at: 2026-11-21T15:00:00+00:00
  author: patty
  apology:
    en: For 80 minutes on 20 November your customers could not pay your invoices by card. We are sorry.
    de: Auf Deutsch, apology.
  cause:
    en: Our payment provider stopped accepting an older protocol version that our main connection still used.
    de: Auf Deutsch, cause.
  prevention:
    en: Payment failures now page the on-call engineer directly, at any hour.
    de: Auf Deutsch, prevention.
"""


def translate_article(site: Path) -> Path:
    """`site` with `languages: [en, de, ar]`, the reset-password article in German (with an image only the
    original's folder has), and the postmortem of the first incident translated into German: conftest's
    three_languages."""
    set_languages(site, "[en, de, ar]")
    (site / "content/articles/reset-password.de.md").write_text(GERMAN, encoding="utf-8")
    shutil.copy(next(PICTURE.glob("*.jpg")), site / "content/articles/sign-in.jpg")
    incident = site / f"incidents/{EVENT}.yml"
    text = incident.read_text(encoding="utf-8")
    incident.write_text(text[:text.index("postmortem:\n")] + POSTMORTEM, encoding="utf-8")
    return site


@pytest.fixture
def built(three_languages_built: Path) -> Path:
    return three_languages_built


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_a_translated_article_is_published_in_its_languages_section_in_its_chrome(built: Path) -> None:
    german = page(built, "de/articles/reset-password")
    assert '<html lang="de"' in german and '<body dir="ltr"' in german
    assert re.search(r'<h1 id="[^"]*">Passwort zurücksetzen', german)
    assert "<title>Passwort zurücksetzen - Brightwell Support</title>" in german
    assert 'placeholder="Suche"' in german  # the theme's own words, in German
    assert "st-untranslated" not in german
    # never also under its file's name
    assert not [p for p in built.rglob("*reset-password.de*")], "published under its file's name too"


def test_its_links_stay_in_its_language_and_reach_what_only_the_original_has(built: Path) -> None:
    """A link to another article, the hub or the status page leads to its German version; a link to what the
    German section has no copy of (an image) leads to the site's own."""
    german = page(built, "de/articles/reset-password")
    folder = built / "de/articles/reset-password"
    body = german[german.index('<article'):german.index("</article>")]
    targets = {(folder / href.split("#")[0]).resolve().relative_to(built).as_posix()
               for href in re.findall(r'(?:href|src)="([^"#:]+)(?:#[^"]*)?"', body)}
    assert {"de/articles/two-step-verification", "de/status", "articles/sign-in.jpg", "de"} <= targets, targets
    for target in targets:
        assert (built / target).exists(), target


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_article_not_translated_yet_is_shown_as_written_under_a_note(built: Path, language: str) -> None:
    english = page(built, "articles/two-step-verification")
    shown = page(built, f"{language}/articles/two-step-verification")
    assert f'<html lang="{language}"' in shown
    assert f'<body dir="{"rtl" if language == "ar" else "ltr"}"' in shown
    note = re.search(r'<p class="st-untranslated"><em>([^<]*)</em></p>'
                     r'<div class="st-as-written" lang="en" dir="ltr">(.*?)</div>\s*(?:<form|<aside|</article>)',
                     shown, re.DOTALL)
    assert note and note[1] == NOTE[language]
    original = english[english.index('<h1'):english.index("</article>")]
    assert note[2].strip().startswith(original[:200])  # the original, whole, in the block marked English
    # its header shows the site's name and the page's title as written, in English: marked so
    assert '<div class="md-header__topic" lang="en" dir="auto">' in shown
    assert '<div class="md-header__topic" data-md-component="header-topic" lang="en" dir="auto">' in shown
    assert '<ul class="md-nav__list" data-md-component="toc" lang="en" dir="auto"' in shown  # its headings
    # the same text as the original's: search engines are pointed at that one
    assert f'<link rel="canonical" href="{SITE}articles/two-step-verification/">' in shown
    assert "st-untranslated" not in english and '<div class="md-header__topic">' in english
    assert 'data-md-component="toc" data-md-scrollfix>' in english


def test_every_article_has_a_page_in_every_language_and_the_menu_leads_to_each(built: Path) -> None:
    for article in ARTICLES:
        for language in ("", "de/", "ar/"):
            path = f"{language}articles/{article}"
            markup = page(built, path)
            menu = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', markup)
            where = {lang: (built / path / href).resolve().relative_to(built).as_posix() for href, lang in menu}
            assert where == {"en": f"articles/{article}", "de": f"de/articles/{article}",
                             "ar": f"ar/articles/{article}"}, path
    for guide in ("getting-started", "add-support-to-your-product"):
        assert (built / "de/guides" / guide / "index.html").is_file()


def test_hreflang_names_only_real_translations(built: Path) -> None:
    def declared(path: str) -> dict[str, str]:
        return {lang: href.removeprefix(SITE) for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', page(built, path))}

    both = {"en": "articles/reset-password/", "de": "de/articles/reset-password/"}
    assert declared("articles/reset-password") == both and declared("de/articles/reset-password") == both
    for path in ("ar/articles/reset-password", "articles/two-step-verification", "de/articles/two-step-verification"):
        assert declared(path) == {}, path


def test_search_finds_translations_and_not_pages_shown_as_written(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "de", "ar"]  # stemmed and stopped in each language
    sections = {doc["location"].split("#")[0] for doc in index["docs"] if doc["location"].startswith(("de/", "ar/"))}
    assert sections == {"de/articles/reset-password/"}  # the original is found already; no doubles in English
    assert any("Passwort" in doc["title"] for doc in index["docs"])


def test_the_sitemap_lists_every_page_of_its_own_and_no_page_shown_as_written(built: Path) -> None:
    """sitemap.xml (and its .gz) names exactly the pages that name themselves as the page to index: every generated
    page and article in each language, each real translation, and none of the pages that show an article as
    written in another language's section (they name their original)."""
    sitemap = (built / "sitemap.xml").read_bytes()
    assert gzip.decompress((built / "sitemap.xml.gz").read_bytes()) == sitemap
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = [loc.text for loc in ElementTree.fromstring(sitemap).iter(f"{namespace}loc")]
    assert len(listed) == len(set(listed))
    own = set()
    for path in built.glob("**/index.html"):
        canonical = re.search(r'<link rel="canonical" href="([^"]*)">', path.read_text(encoding="utf-8"))
        folder = path.parent.relative_to(built).as_posix()
        if canonical and canonical.group(1) == (SITE if folder == "." else f"{SITE}{folder}/"):
            own.add(canonical.group(1))
    assert set(listed) == own
    for language in ("de/", "ar/"):
        assert f"{SITE}{language}articles/two-step-verification/" not in listed  # shown as written
        assert f"{SITE}{language}status/" in listed
    assert f"{SITE}de/articles/reset-password/" in listed and f"{SITE}ar/articles/reset-password/" not in listed


def test_a_postmortem_shown_as_written_says_so_in_the_readers_language(built: Path) -> None:
    arabic, german, english = (page(built, f"{section}incidents/{EVENT}") for section in ("ar/", "de/", ""))
    note = re.search(r'<p class="st-postmortem__untranslated"><em>([^<]*)</em></p>', arabic)
    assert note and note[1] == "لم تُترجم بعد: تظهر مراجعة ما بعد العطل هذه كما كتبناها."
    postmortem = arabic[arabic.index('<section class="st-postmortem"'):]
    assert postmortem.count('<div lang="en" dir="auto">') == 3  # each part, marked
    assert "st-postmortem__untranslated" not in german + english  # translated; written in English
    assert "Auf Deutsch, cause." in german


def test_the_header_marks_the_site_name_written_in_another_language(built: Path) -> None:
    """On every page of another language the site's name is marked English; the page's title only where it is
    shown as written (an untranslated incident's title on the Arabic page), never on its own language's page."""
    for path in ("de/status", f"ar/incidents/{EVENT}", "de/articles/reset-password"):
        markup = page(built, path)
        assert '<div class="md-header__topic" lang="en" dir="auto">' in markup, path
        assert '<label class="md-nav__title" for="__drawer" lang="en">' in markup, path
    assert '<div class="md-header__topic" data-md-component="header-topic" lang="en" dir="auto">' in page(
        built, f"ar/incidents/{EVENT}")
    for path in ("de/status", "status", "articles/reset-password", "."):
        assert 'data-md-component="header-topic">' in page(built, path), path


# Each file named as a translation it cannot be: where, and the sentence, alike from check and build.
MISNAMED = [
    pytest.param("[en, de, ar]", "articles/reset-password.fr.md",
                 "'fr' is not one of the site's languages (en, de, ar); add 'fr' to `languages` under the supporttab "
                 "plugin in mkdocs.yml, or rename the file without '.fr'", id="language-not-on-the-site"),
    pytest.param("[en, de, ar]", "articles/reset-password.DE.md",
                 "'DE' is not one of the site's languages (en, de, ar); did you mean 'de'?", id="in-capitals"),
    pytest.param("[en, de, ar]", "articles/reset-password.en.md",
                 "'en' is the site's first language, whose pages have no language in their name; rename it "
                 "reset-password.md", id="first-language"),
    pytest.param("[en, fil]", "articles/reset-password.fi.md",
                 "'fi' is not one of the site's languages (en, fil); did you mean 'fil'?", id="three-letters"),
    pytest.param("[en, de, ar]", "articles/forgot.de.md",
                 "it translates forgot.md, which does not exist; write forgot.md in English too (the page readers "
                 "of every other language fall back to), or rename this one forgot.md", id="no-original"),
    pytest.param(None, "articles/reset-password.de.md",
                 "the name says this page is the 'de' version of reset-password.md, but the site has one language "
                 "(en); to publish it so, list the languages under the supporttab plugin in mkdocs.yml "
                 "(`languages: [en, de]`), or rename the file without '.de'", id="one-language-site"),
]


@pytest.mark.parametrize(("languages", "name", "says"), MISNAMED)
def test_check_and_the_build_refuse_a_misnamed_translation_alike(tmp_path: Path, languages: str | None, name: str,
                                                                 says: str) -> None:
    site = copy_example_site(tmp_path / "site")
    if languages:
        set_languages(site, languages)
    (site / "content" / name).write_text("# Passwort\n", encoding="utf-8")
    check, build = refused_alike(site)
    errors = located_errors(check)
    assert errors == [f"content/{name}:1:1: {says}"]
    assert errors[0] in build.stderr, build.stderr


@pytest.mark.parametrize(("old", "new"), [
    ("      - articles/reset-password.md\n", "      - articles/reset-password.de.md\n"),
    ("    - page: guides/getting-started.md\n", "    - page: guides/getting-started.ar.md\n"),
], ids=["pin", "guide"])
def test_a_hub_link_to_a_translation_is_said_alike_by_check_and_build(three_languages: Path, tmp_path: Path,
                                                                     old: str, new: str) -> None:
    """hub.yml names the original of a page: a pin or guide naming its translation is one located sentence, the
    same from check and the build, which writes no site."""
    site = tmp_path / "site"
    shutil.copytree(three_languages, site, ignore=shutil.ignore_patterns("site"))
    (site / "content/guides/getting-started.ar.md").write_text("# البدء\n", encoding="utf-8")
    edit(site, "content/hub.yml", old, new)
    check, build = refused_alike(site)
    errors = [f for f in json.loads(check.stdout) if f["severity"] == "error"]
    page = new.split(": ")[-1].strip(" -\n")
    original, code = page.rsplit(".", 2)[0] + ".md", page.rsplit(".", 2)[1]
    assert [(f["file"], f["message"]) for f in errors] == [("content/hub.yml", (
        f"{'help_myself.popular.pins[0]' if 'pin' in old or 'reset' in old else 'help_myself.guides[0].page'}: "
        f"'{page}' is the '{code}' translation of '{original}'; link the original, '{original}': each language's "
        "hub shows its own version of it"))], errors
    lines = (site / "content/hub.yml").read_text(encoding="utf-8").splitlines()
    assert page in lines[errors[0]["line"] - 1][errors[0]["column"] - 1:]
    assert f"content/hub.yml:{errors[0]['line']}:{errors[0]['column']}: {errors[0]['message']}" in build.stderr


def test_a_name_with_a_dot_that_is_no_language_is_an_ordinary_page(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    (site / "content/articles/release-2.0.md").write_text("# Release 2.0\n", encoding="utf-8")
    (site / "content/articles/notes.draft.md").write_text("# Notes\n", encoding="utf-8")
    (site / "content/articles/notes.bak.md").write_text("# Notes\n", encoding="utf-8")  # Bashkir, not listed
    assert run(site, "check").returncode == 0
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site/articles/release-2.0/index.html").is_file()
    assert (site / "site/articles/notes.draft/index.html").is_file()


def test_a_site_without_status_pages_has_its_articles_in_each_language_too(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de]")
    shutil.rmtree(site / "incidents")
    edit(site, "mkdocs.yml", "  - Status: status/index.md\n", "")
    (site / "content/articles/reset-password.de.md").write_text("# Passwort zurücksetzen\n\nSiehe "
                                                                "[Bestätigung](two-step-verification.md).\n")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    german = page(site / "site", "de/articles/reset-password")
    assert '<html lang="de"' in german and 'placeholder="Suche"' in german
    assert 'href="../two-step-verification/"' in german
    shown = page(site / "site", "de/articles/two-step-verification")
    assert NOTE["de"] in shown and not (site / "site/de/status").exists()


def test_the_hubs_most_visited_articles_are_the_first_languages(tmp_path: Path) -> None:
    """An analytics export counts the German pages too: however much read, they are no link on the English hub."""
    site = copy_example_site(tmp_path / "site")
    set_languages(site, "[en, de]")
    (site / "content/articles/reset-password.de.md").write_text(GERMAN, encoding="utf-8")
    shutil.copy(next(PICTURE.glob("*.jpg")), site / "content/articles/sign-in.jpg")
    with (site / "content/page-views.csv").open("a", encoding="utf-8") as views:
        views.write("/de/articles/reset-password/,99999\n/de/articles/export-your-data/,88888\n/de/status/,77777\n")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    popular = re.search(r'<ol class="st-links[^"]*".*?</ol>', page(site / "site", "."), re.DOTALL)
    assert popular and "articles/card-payment-failed/" in popular[0]
    assert "de/" not in popular[0] and "export-your-data" not in popular[0]  # German views: no link, no count


def test_each_languages_hub_lists_its_own_articles_and_guides(built: Path) -> None:
    """The German hub's most visited articles and guides lead to their German pages (a translation's title, or
    the original shown under a note), never back to the English site."""
    for language in ("de", "ar"):
        hub = page(built, language)
        lists = "".join(m[0] for m in re.finditer(r'<([ou]l) class="st-links".*?</\1>', hub, re.DOTALL))
        links = re.findall(r'href="([^":]+)"', lists)  # the site's own pages
        assert len(links) >= 4
        for link in links:
            assert (built / language / link / "index.html").resolve().is_relative_to((built / language).resolve())
            assert (built / language / link / "index.html").is_file(), link
    assert "Passwort zurücksetzen" in page(built, "de") and "Passwort zurücksetzen" not in page(built, ".")
