"""The hub and the team page in every language of a site of several: hub.yml's texts written once or as
`{en: ..., de: ...}`, checked like incident texts, and a hub and team page in each language's section."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from babel import Locale
from babel.lists import format_list
from conftest import run_mkdocs_build
from test_cli import run
from test_translations import edit, marked_texts, page, refused_alike, set_languages

SITE = "https://support.brightwell.example/"

# Every kind of text a company writes in hub.yml, translated into German (nothing into Arabic): (where, English
# as the example writes it, German).
TRANSLATED = {
    "title": ("title: How can we help?\n", "Wie können wir helfen?"),
    "description": (("description: Get help with Brightwell invoicing and payments from our help articles, the "
                    "community or our support team.\n"), "Hilfe zu Rechnungen und Zahlungen mit Brightwell."),
    "intro": (("  Find an answer yourself, ask other Brightwell customers, or talk to our support team.\n"
              "  If something is not working right now, the box above says what to do and when we post next.\n"),
              "Finden Sie selbst eine Antwort oder sprechen Sie mit unserem Team."),
    "help_myself.intro": ("  intro: Most questions are answered in a few minutes with our help articles.\n",
                          "Die meisten Fragen beantworten unsere Hilfeartikel in wenigen Minuten."),
    "help_myself.search_label": ("  search_label: Search the help articles\n", "Hilfeartikel durchsuchen"),
    "guide.description": (("      description: Set up your account, add your logo and send your first invoice in "
                          "15 minutes.\n"), "Konto einrichten und die erste Rechnung in 15 Minuten senden."),
    "guide.title": ("      title: Bookkeeping basics (free course)\n", "Grundlagen der Buchhaltung (kostenloser Kurs)"),
    "help_from_others.intro": (("  intro: Thousands of small businesses use Brightwell. Many have solved the problem "
                               "you have.\n"), "Tausende kleine Firmen nutzen Brightwell."),
    "community.name": ("    - name: Brightwell Community forum\n", "Brightwell-Forum der Gemeinschaft"),
    "community.description": ("      description: Ask a question, share a template or suggest a feature.\n",
                              "Stellen Sie eine Frage oder teilen Sie eine Vorlage."),
    "community.expect": (("      expect: We read every mention during opening hours and reply to questions within "
                         "4 hours.\n"), "Wir lesen jede Erwähnung und antworten binnen 4 Stunden."),
    "help_from_us.intro": (("  intro: Our support team works from London and Toronto. Every reply is signed by the "
                           "person who wrote it.\n"), "Unser Team arbeitet in London und Toronto."),
    "closure.name": ("        name: Christmas Day\n", "Erster Weihnachtstag"),
    "channel.label": ("      label: Live chat\n", "Live-Chat"),
    "channel.reply_time": ("      reply_time: A person replies within 2 minutes\n",
                           "Ein Mensch antwortet binnen 2 Minuten"),
}


def translate(line: str, german: str) -> str:
    """One line of hub.yml (`key: text`, or a block's text) as the same key with the text in English and German."""
    if ":" not in line.split("\n")[0] or line.startswith("  Find"):
        indent = "  "
        english = " ".join(part.strip() for part in line.strip().splitlines())
        return f"{indent}en: {json.dumps(english)}\n{indent}de: {json.dumps(german, ensure_ascii=False)}\n"
    head, english = line.rstrip("\n").split(": ", 1)
    key_indent = len(head) - len(head.lstrip(" -"))
    indent = " " * (key_indent + 2)
    return (f"{head}:\n{indent}en: {json.dumps(english)}\n"
            f"{indent}de: {json.dumps(german, ensure_ascii=False)}\n")


def english(where: str) -> str:
    line = TRANSLATED[where][0]
    text = line.split(": ", 1)[1] if ": " in line and not line.startswith("  Find") else line
    return " ".join(part.strip() for part in text.strip().splitlines())


def translate_hub(site: Path) -> Path:
    """`site` in English, German and Arabic, every kind of hub text translated into German: conftest's
    translated_hub."""
    set_languages(site, "[en, de, ar]")
    hub = site / "content/hub.yml"
    text = hub.read_text(encoding="utf-8")
    for where, (line, german) in TRANSLATED.items():
        assert text.count(line) == 1, where
        if where == "intro":
            text = text.replace("intro: |\n" + line, "intro:\n" + translate(line, german), 1)
        else:
            text = text.replace(line, translate(line, german), 1)
    hub.write_text(text, encoding="utf-8")
    member = site / "team/patty.yml"
    member.write_text(member.read_text(encoding="utf-8").replace(
        "role: Support lead\npronouns: she/her\n", "role: {en: Support lead, de: Leiterin Support}\npronouns: "
        "{en: she/her, de: sie/ihr}\n").replace("group: Support team\n", "group: {en: Support team, de: Support}\n"),
        encoding="utf-8")
    return site


@pytest.fixture
def built(translated_hub_built: Path) -> Path:
    return translated_hub_built


def test_every_kind_of_hub_text_may_be_translated_and_check_agrees(translated_hub: Path, built: Path) -> None:
    check = run(translated_hub, "check", "--format", "json")
    assert check.returncode == 0, check.stdout + check.stderr
    assert [f for f in json.loads(check.stdout) if f["severity"] == "error"] == []
    hub = page(built, ".")
    for where in TRANSLATED:
        if where != "description":
            assert english(where).split(" (")[0].replace("'", "&#39;") in hub, where  # the default language's
        assert TRANSLATED[where][1] not in hub, where
    assert f'content="{english("description")}"' in hub


def body(site: Path, path: str) -> str:
    """A page's content, whose texts say a language (marked_texts) only where it differs from the page's."""
    markup = page(site, path)
    return markup[markup.index('<div class="md-content"'):]


def test_the_hub_of_each_language_shows_its_translations_and_the_original_marked_where_there_is_none(
        built: Path) -> None:
    """Every kind of hub text: on de/ in German as the author wrote it; on ar/, which has no translations, as
    written, marked as English and laid out in its own direction; never a text of another language unmarked."""
    german, arabic = marked_texts(body(built, "de")), marked_texts(body(built, "ar"))
    for where, (_, words) in TRANSLATED.items():
        if where == "description":
            continue  # in the head only
        shown = [language for text, language, _ in german if words in text]
        assert shown and set(shown) == {None}, (where, shown)  # in the page's language: nothing to mark
        first = english(where).split(" (")[0]
        assert not [text for text, _, _ in german if first in text], where
        shown = [language for text, language, _ in arabic if first in text]
        assert shown and set(shown) == {"en"}, (where, shown)
    head = page(built, "de")
    assert f'<meta name="description" content="{TRANSLATED["description"][1]}">' in head
    assert "<title>Wie können wir helfen? - Brightwell Support</title>" in head


def test_our_words_on_each_hub_are_the_sections_and_untranslated_texts_stay_with_the_page_language(
        built: Path) -> None:
    """What the author left to us (the headings they did not write) in the page's language; the weekdays, clock
    and closures of the opening hours too."""
    for section, words in {"de": ("Selbst weiterkommen", "Hilfe von anderen", "Hilfe von uns", "Öffnungszeiten",
                                  "Montag"),
                           "ar": ("أساعد نفسي", "مساعدة من الآخرين", "مساعدة منا", "الاثنين")}.items():
        texts = marked_texts(body(built, section))
        for word in words:
            shown = [language for text, language, _ in texts if word in text]
            assert shown and set(shown) == {None}, (section, word, shown)  # the page's language, unmarked
    assert '<html lang="ar"' in page(built, "ar") and '<body dir="rtl"' in page(built, "ar")


def test_each_languages_hub_and_team_page_lead_to_their_own_section(built: Path) -> None:
    """On every page of a section, the help strip, the search box, the signatures and the navigation lead to the
    hub, team and status page of that section; the team page speaks its language."""
    for section in ("de", "ar"):
        for path in sorted((built / section).glob("**/index.html")):
            markup = path.read_text(encoding="utf-8")
            for pattern in (r'class="st-help__all" href="([^"#]*)#', r'class="st-signature__person" href="([^"#]*)#',
                            r'class="st-search" action="([^"]*)"'):
                for link in re.findall(pattern, markup):
                    target = (path.parent / link).resolve().relative_to(built.resolve()).as_posix()
                    assert target.split("/")[0] == section, (path, link)
    for section in ("de", "ar"):  # the navigation's tabs and links to the generated pages: the section's own
        for path in sorted((built / section).glob("**/index.html")):
            markup = path.read_text(encoding="utf-8")
            links = re.findall(r'href="([^"]*)" class="md-(?:tabs|nav)__link', markup)
            targets = {(path.parent / link).resolve().relative_to(built.resolve()).as_posix() for link in links}
            assert {f"{section}", f"{section}/status", f"{section}/team"} <= targets, (path, targets)
            assert not targets & {".", "status", "team"}, (path, targets)
    team = page(built, "de/team")
    assert '<h1 id="content-start">Unser Team</h1>' in team and '<html lang="de"' in team
    assert re.search(r'class="st-signature__person" href="\.\./\.\./team/#member-', page(
        built, "de/incidents/2026-11-20-card-payments-failing"))


def language_versions(site: Path, path: Path) -> dict[str, str]:
    """What a page's head declares as itself in each language, and its language menu: {language: page}."""
    markup = path.read_text("utf-8")
    declared = {}
    for href, language in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', markup):
        assert href.startswith(SITE), href
        declared[language] = href.removeprefix(SITE)
    menu = {language: ((path.parent / href).resolve().relative_to(site.resolve()).as_posix() + "/").lstrip("./")
            for href, language in re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', markup)}
    return {"head": declared, "menu": {language: "" if link == "/" else link for language, link in menu.items()}}


@pytest.mark.parametrize("kind", ["", "team/"])
def test_the_hub_and_team_page_name_their_own_versions_in_each_language(built: Path, kind: str) -> None:
    expected = {"en": kind, "de": f"de/{kind}", "ar": f"ar/{kind}"}
    for version in expected.values():
        versions = language_versions(built, built / version / "index.html")
        assert versions == {"head": expected, "menu": expected}, version


def test_a_mistake_in_a_translated_hub_text_is_said_alike_by_check_and_build(translated_hub: Path,
                                                                             tmp_path: Path) -> None:
    """A misspelt language anywhere in hub.yml: one located sentence, the same in check and the build, and no
    site written."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    hub = site / "content/hub.yml"
    text = hub.read_text(encoding="utf-8")
    wrong = [line for line in text.splitlines() if line.strip().startswith("de: ")]
    assert len(wrong) == len(TRANSLATED)
    text = text.replace('    de: "Ein Mensch antwortet', '    dee: "Ein Mensch antwortet', 1)
    text = text.replace('  de: "Wie können', '  DE: "Wie können', 1)
    hub.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    check, build = refused_alike(site)
    errors = [f for f in json.loads(check.stdout) if f["severity"] == "error"]
    assert [(f["file"], lines[f["line"] - 1].strip()[:4], f["column"]) for f in errors] == [
        ("content/hub.yml", "DE: ", 3), ("content/hub.yml", "dee:", 9)], errors
    for error, code in zip(errors, ("DE", "dee")):
        assert f"'{code}' is not one of the site's languages (en, de, ar); did you mean 'de'?" in error["message"]
        assert f"content/hub.yml:{error['line']}:{error['column']}: {error['message']}" in build.stderr


def test_a_site_of_several_languages_without_status_pages_has_a_hub_and_team_page_in_each(
        translated_hub: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    shutil.rmtree(site / "incidents")
    edit(site, "mkdocs.yml", "  - Status: status/index.md\n", "")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    assert not (built / "de/status").exists()
    for path in ("", "de/", "ar/team/"):
        assert language_versions(built, built / path / "index.html")["menu"]["de"] == (
            "de/team/" if "team" in path else "de/")
    article = language_versions(built, built / "articles/reset-password/index.html")
    assert article == {"head": {}, "menu": {"en": "articles/reset-password/", "de": "de/articles/reset-password/",
                                            "ar": "ar/articles/reset-password/"}}  # its own page in each language


def test_the_team_page_shows_each_members_texts_in_its_language_or_as_written(built: Path) -> None:
    """Role, pronouns and group heading as translated; a bio nobody translated as written, marked on de/ and ar/."""
    texts = {section: marked_texts(body(built, f"{section}team")) for section in ("", "de/", "ar/")}
    def shown(section: str, words: str) -> set[str | None]:
        return {language for text, language, _ in texts[section] if words in text}
    assert shown("de/", "Leiterin Support") == {None} and shown("de/", "sie/ihr") == {None}
    assert shown("de/", "Support lead") == set()
    assert shown("ar/", "Support lead") == {"en"} and shown("ar/", "Support team") == {"en"}
    assert shown("", "Support lead") == {None} and shown("", "Leiterin") == set()
    # One group, whichever of its members' files translate its heading: headed as its first member's says.
    headings = {section: re.findall(r'<h2 id="group-\d+">(.*?)</h2>', body(built, f"{section}team"))
                for section in ("", "de/", "ar/")}
    assert headings == {"": ["Support team"], "de/": ["Support"],
                        "ar/": ['<span lang="en" dir="auto">Support team</span>']}, headings
    for section in ("de/", "ar/"):
        assert shown(section, "Patty has answered Brightwell customers") == {"en"}, section


def test_a_bio_too_long_in_any_language_is_refused_with_its_place(translated_hub: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    member = site / "team/patty.yml"
    text = member.read_text(encoding="utf-8")
    bio = next(line for line in text.splitlines() if line.startswith("bio: "))
    member.write_text(text.replace(bio, f"bio:\n  en: {bio[5:]}\n  de: {'Sehr lang. ' * 40}"), encoding="utf-8")
    check, build = refused_alike(site)
    errors = [f for f in json.loads(check.stdout) if f["severity"] == "error"]
    assert len(errors) == 1 and errors[0]["file"] == "team/patty.yml" and "400" in errors[0]["message"], errors
    line = text.replace(bio, "bio:").splitlines().index("bio:") + 3
    assert (errors[0]["line"], errors[0]["column"]) == (line, 7), errors
    assert f"team/patty.yml:{line}:7: {errors[0]['message']}" in build.stderr


def test_an_authors_own_page_in_a_section_is_not_named_as_the_generated_pages_version(translated_hub: Path,
                                                                                     tmp_path: Path) -> None:
    """An author's de/team/index.md wins over the generated German team page (with a note): the team
    pages then name no versions, as they are no longer the same page in each language; the hubs still do."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    (site / "content/de/team").mkdir(parents=True)
    (site / "content/de/team/index.md").write_text("# Unsere eigene Teamseite\n", encoding="utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert "content/de/team/index.md is your own page, so Support Tab does not generate" in result.stderr
    built = site / "site"
    assert "Unsere eigene Teamseite" in page(built, "de/team")
    for path in ("team", "ar/team"):
        assert language_versions(built, built / path / "index.html")["head"] == {}, path
    assert language_versions(built, built / "ar/index.html")["head"] == {"en": "", "de": "de/", "ar": "ar/"}


def test_no_languages_hub_is_listed_among_the_most_visited_articles(translated_hub: Path, tmp_path: Path) -> None:
    """The analytics count visits to every language's pages: no hub is listed as an article, nor another
    language's generated page (each language's hub lists the same pages)."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    with (site / "content/page-views.csv").open("a", encoding="utf-8") as export:
        export.write("/,900000\n/de/,800000\n/ar/index.html,700000\n/de/team/,600000\n")
    assert run_mkdocs_build(site).returncode == 0
    for section in ("", "de/", "ar/"):
        popular = re.search(r'<ol class="st-links".*?</ol>', page(site / "site", section), re.DOTALL).group(0)
        titles = re.findall(r'<a href="[^"]*">(.*?)</a>', popular)
        assert titles[0] == "Reset your password" and len(titles) == 5, (section, titles)  # pinned first
        assert not [title for title in titles if "helfen" in title or "help?" in title or "Team" in title], titles


def test_each_languages_most_visited_lists_generated_pages_as_its_own_versions(translated_hub: Path,
                                                                              tmp_path: Path) -> None:
    """The analytics count the first language's status and team pages: a hub in another language lists them as its
    own section's pages (or not at all), never as a link back to the first language's."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    with (site / "content/page-views.csv").open("a", encoding="utf-8") as export:
        export.write("/status/,900000\n/team/,800000\n/incidents/2026-11-20-card-payments-failing/,700000\n")
    assert run_mkdocs_build(site).returncode == 0
    built = (site / "site").resolve()
    for section in ("", "de/", "ar/"):
        popular = re.search(r'<ol class="st-links".*?</ol>', page(built, section), re.DOTALL).group(0)
        targets = [(built / section / href).resolve().relative_to(built).as_posix()
                   for href in re.findall(r'<a href="([^"#:]*)"', popular)]
        assert len(targets) == 5, (section, targets)
        assert {f"{section}status", f"{section}team"} <= set(targets), (section, targets)
        for target in targets:
            assert target.startswith(section), (section, targets)
            assert (built / target / "index.html").is_file(), target


def test_a_group_heading_translated_in_any_members_file_heads_the_group(translated_hub: Path, tmp_path: Path) -> None:
    """Headed, in each language, as the first member whose file translates it says it: a translation only in a
    later member's file still shows; an earlier member's translation wins over a later one's."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "team/aerin.yml", "group: Support team\n", "group: {en: Support team, ar: فريق الدعم, de: Später}\n")
    assert run_mkdocs_build(site).returncode == 0
    headings = {section: re.findall(r'<h2 id="group-\d+">(.*?)</h2>', body(site / "site", f"{section}team"))
                for section in ("", "de/", "ar/")}
    assert headings == {"": ["Support team"], "de/": ["Support"], "ar/": ["فريق الدعم"]}, headings


def test_an_authors_own_first_language_hub_is_not_named_as_the_generated_hubs_version(translated_hub: Path,
                                                                                      tmp_path: Path) -> None:
    """An author's content/index.md wins over the generated hub: the German and Arabic hubs then name no version
    at the root in their heads (it would not name them back); the team pages still name each other."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    (site / "content/index.md").write_text("# Our own front page\n", encoding="utf-8")
    result = run_mkdocs_build(site, strict=False)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    assert "Our own front page" in page(built, ".")
    for path in ("index.html", "de/index.html", "ar/index.html"):
        assert "" not in language_versions(built, built / path)["head"].values(), path
    for path in ("team", "de/team", "ar/team"):  # the team pages are still the same page in each language
        assert language_versions(built, built / path / "index.html")["head"] == {"en": "team/", "de": "de/team/",
                                                                                   "ar": "ar/team/"}, path


@pytest.mark.parametrize("section", ["", "de/", "ar/"])
def test_the_tab_and_navigation_link_of_the_page_shown_are_highlighted_in_every_language(built: Path,
                                                                                        section: str) -> None:
    """On each language's hub, team and status page, the tab and the navigation link marked as the current one lead
    to the page itself, as on the first language's."""
    root = built.resolve()
    for kind in ("", "team/", "status/"):
        path = root / section / kind / "index.html"
        markup = path.read_text(encoding="utf-8")
        tabs = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"', markup)
        links = re.findall(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active"', markup)
        for found in (tabs, links):
            assert [(path.parent / link).resolve() for link in found] == [path.parent], (path, tabs, links)


def test_the_hubs_search_form_is_named_by_its_label_in_its_language_or_marked_as_written(built: Path) -> None:
    """The search form's accessible name is its visible label (an attribute could not say the language of a label
    shown as written): translated on de/, English marked as such on ar/."""
    for section, label in (("", "Search the help articles"), ("de/", "Hilfeartikel durchsuchen"),
                           ("ar/", '<span lang="en" dir="auto">Search the help articles</span>')):
        hub = page(built, section)
        form = re.search(r'<form class="st-search"[^>]*>', hub).group(0)
        assert "aria-label=" not in form and 'aria-labelledby="st-search-label"' in form, form
        assert re.search(r'<label class="st-search__label" id="st-search-label" for="st-search-input">(.*?)</label>',
                         hub).group(1) == label, section


def anchored_links(built: Path, path: Path) -> list[tuple[str, Path, str]]:
    """The help strip's and signatures' links of a page, to an anchor on another page: (link, file, anchor)."""
    markup = path.read_text(encoding="utf-8")
    found = []
    for link in re.findall(r'class="st-(?:help__all|signature__person)" href="([^"]*#[^"]*)"', markup):
        target, anchor = link.split("#", 1)
        folder = (built / target.lstrip("/") if target.startswith("/") else path.parent / target).resolve()
        found.append((link, folder / "index.html" if folder.is_dir() else folder, anchor))
    return found


def broken_fragment_links(built: Path) -> dict[str, list[str]]:
    """Every link within the site that names a fragment (#...) and whose target page has no element of that id:
    {link as written: [pages it is on]}. The theme's own (#__...) and text fragments (#:~:) are left out."""
    ids: dict[Path, set[str]] = {}
    broken: dict[str, list[str]] = {}
    for path in sorted(built.glob("**/*.html")):
        for link in map(html.unescape, re.findall(r'href="([^"]*)"', path.read_text(encoding="utf-8"))):
            if "#" not in link:
                continue
            if link.startswith(SITE):
                link = "/" + link.removeprefix(SITE)
            target, fragment = link.split("#", 1)
            if re.match(r"[a-z][a-z0-9+.-]*:", target) or fragment.startswith(("__", ":~:")):
                continue
            file = (built / target.lstrip("/") if target.startswith("/") else path.parent / target).resolve() \
                if target else path
            file = file / "index.html" if file.is_dir() else file
            if file not in ids:
                text = file.read_text(encoding="utf-8") if file.is_file() else ""
                ids[file] = set(re.findall(r'\bid="([^"]*)"', text))
            if unquote(fragment) not in ids[file]:
                broken.setdefault(link, []).append(path.relative_to(built).as_posix())
    return broken


@pytest.mark.parametrize("own", ["de/index.md", "de/team/index.md", "ar/team/index.md", "ar/status/index.md"])
def test_an_authors_own_page_in_a_section_passes_strict_and_every_contact_link_reaches_its_anchor(
        translated_hub: Path, tmp_path: Path, own: str) -> None:
    """An author's own hub, team or status page in a language's folder is a page written for that language on
    purpose: the strict build passes with a note that says where links to it lead, the page is published in its
    section's language (its <html lang>, direction and our words: the help strip's), and every link with a fragment
    on every page (help strips, signatures, articles shown as written) leads to a page that has that anchor (the
    first language's, when the section's own is the author's), never to one the author's page lacks."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    (site / "content" / own).parent.mkdir(parents=True, exist_ok=True)
    (site / "content" / own).write_text("---\nsupport_tab: true\n---\n# Unsere eigene Seite\n\nGeschrieben von Hand.\n",
                                        encoding="utf-8")
    result = run_mkdocs_build(site)  # strict
    assert result.returncode == 0, result.stderr
    built = (site / "site").resolve()
    folder = built / own.removesuffix("index.md")  # the widget it shows is its language's
    widget = re.search(r'<script defer src="([^"]*support-tab\.js)"', page(built, own.removesuffix("index.md")))
    assert (folder / widget.group(1)).resolve() == built / own.split("/")[0] / "widget/support-tab.js"
    section = own.split("/")[0]
    authors = page(built, own.removesuffix("index.md"))
    assert "Geschrieben von Hand." in authors
    incident = page(built, f"{section}/incidents/2026-11-20-card-payments-failing")
    for markup in (authors, incident):  # the author's page speaks its section's language, as ours there do
        assert f'<html lang="{section}"' in markup and f'<body dir="{"rtl" if section == "ar" else "ltr"}"' in markup
    help_label = re.compile(r'<nav class="st-help" aria-label="([^"]*)"')
    assert help_label.search(authors).group(1) == help_label.search(incident).group(1) != "Help from us"
    assert broken_fragment_links(built) == {}
    checked = set()
    for path in sorted(built.glob("**/*.html")):
        for link, target, anchor in anchored_links(built, path):
            checked.add(anchor.split("-")[0])
    assert checked == {"help", "member"}, checked
    # what is ours in the section is still where its links lead
    incident = built / section / "incidents/2026-11-20-card-payments-failing/index.html"
    hub_link = re.search(r'class="st-help__all" href="([^"#]*)#', incident.read_text("utf-8")).group(1)
    team_link = re.search(r'class="st-signature__person" href="([^"#]*)#', incident.read_text("utf-8")).group(1)
    hub, team = ((incident.parent / link).resolve().relative_to(built).as_posix() for link in (hub_link, team_link))
    assert (hub, team) == (("." if own.endswith("/index.md") and own.count("/") == 1 else section),
                           ("team" if own.endswith("team/index.md") else f"{section}/team")), (hub, team)
    note = re.search(rf"INFO    -  content/{own} is your own page, .*?; (.*)", result.stderr).group(1)
    assert note == {"index.md": "links to its contact details lead to the first language's hub, which has them",
                    "team/index.md": "links to its people lead to the first language's team page, which has them",
                    "status/index.md": "links to the status page lead to the first language's, which shows what is "
                                       "working"}[own.split("/", 1)[1]]


def spoken(site: Path, file: str, where: str) -> list[list[str]]:
    """Each `languages:` list of a hub.yml's channels (where="channels") or a member file, as written; a channel
    without one speaks the site's first language."""
    data = yaml.safe_load((site / file).read_text(encoding="utf-8"))
    if where == "channels":
        return [channel.get("languages", ["en"]) for channel in data["help_from_us"]["channels"]]
    return [data["languages"]] if data.get("languages") else []


def names_in(language: str, written: list[str]) -> str:
    """CLDR's names of the languages written (codes or English names) in `language`, listed as it lists things; a
    word CLDR has no language for as written, marked as English on another language's page."""
    english = {name.casefold(): code for code, name in Locale("en").languages.items()}
    names = []
    for value in written:
        code = value if value in Locale("en").languages else english.get(value.casefold())
        names.append(Locale.parse(language).languages[code] if code else
                     value if language == "en" else f'<span lang="en">{value}</span>')
    return format_list(names, locale="en_GB" if language == "en" else language)  # a plain `en` is British


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_languages_a_channel_or_member_speaks_are_named_in_each_pages_language(translated_hub: Path, built: Path,
                                                                                 language: str) -> None:
    """Every channel's and every member's spoken languages, written as English names in the example (and left out:
    the site's own), are named by CLDR in the reader's language; a language CLDR has no name for (Mandarin) is shown
    as written and says it is English."""
    section = "" if language == "en" else f"{language}/"
    hub = page(built, section or ".")
    shown = [unescape_keep_spans(meta.split("·", 1)[1])
             for meta in re.findall(r'<p class="st-channel__meta">(.*?)</p>', hub, re.DOTALL)]
    assert shown == [names_in(language, written) for written in spoken(translated_hub, "content/hub.yml",
                                                                         "channels")]
    team = page(built, f"{section}team")
    members = re.findall(r'<li class="st-member" id="member-([^"]+)">.*?</li>', team, re.DOTALL)
    checked = 0
    for member in members:
        written = spoken(translated_hub, f"team/{member}.yml", "member")
        found = re.search(rf'id="member-{member}".*?<p class="st-member__languages">(.*?)</p>', team, re.DOTALL)
        if not written:
            continue
        assert names_in(language, written[0]) in unescape_keep_spans(found.group(1)), member
        checked += 1
    assert checked >= 5 and ("Mandarin" in team)


def unescape_keep_spans(html: str) -> str:
    return " ".join(html.split()).replace("&#39;", "'").replace("&amp;", "&")


def test_languages_written_as_codes_are_named_in_each_language_and_given_to_search_engines_as_codes(
        translated_hub: Path, tmp_path: Path) -> None:
    """Codes in any case, with - or _, and a word CLDR has no code for: the German hub names each in German, the
    structured data gives search engines the codes (BCP 47) and the word as written; check agrees."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "content/hub.yml", "      languages: [English, French]\n",
         "      languages: [en, FR, pt_br, Mandarin, '  brazilian  portuguese ', English, EN, mandarin, Mandarin]\n")
    check = run(site, "check", "--format", "json")
    assert [f for f in json.loads(check.stdout) if f["severity"] == "error"] == []
    assert run_mkdocs_build(site).returncode == 0
    german = page(site / "site", "de")  # each language once, however often and however it was written
    assert 'Englisch, Französisch, Portugiesisch (Brasilien) und <span lang="en">Mandarin</span>' in german
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page(site / "site", "."),
                                re.DOTALL).group(1))
    points = data["contactPoint"] if "contactPoint" in data else data["@graph"][0]["contactPoint"]
    assert ["en", "fr", "pt-BR", "Mandarin"] in [point["availableLanguage"] for point in points]


def test_a_bare_code_is_named_by_cldrs_table_in_each_language_or_in_english_where_that_has_none(
        translated_hub: Path, tmp_path: Path) -> None:
    """A code alone is the language CLDR's table names, never a region CLDR thinks likeliest (tl is Tagalog, not
    'Filipino (Philippines)'; tw and fat are Twi and Fanti, not 'Akan (Ghana)'); where the page's language has no name
    for it, its English name, marked as English, never the bare code; a code with a region names both."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    codes = ["tl", "tw", "fat", "blt", "cic", "hnj", "trw", "ase", "en-US", "pt-BR"]
    edit(site, "content/hub.yml", "      languages: [English, French]\n", f"      languages: [{', '.join(codes)}]\n")
    assert run_mkdocs_build(site).returncode == 0
    for language in ("en", "de", "ar"):
        shown = [unescape_keep_spans(meta.split("·", 1)[1]) for meta in re.findall(
            r'<p class="st-channel__meta">(.*?)</p>', page(site / "site", "." if language == "en" else language),
            re.DOTALL)]
        reader, english = Locale.parse(language), Locale("en")
        names = [reader.languages.get(code) or (english.languages[code] if language == "en" else
                                                f'<span lang="en">{english.languages[code]}</span>')
                 for code in codes[:-2]]
        names += [Locale.parse(code, sep="-").get_display_name(reader) for code in codes[-2:]]
        assert format_list(names, locale="en_GB" if language == "en" else language) in shown, (language, shown)
        assert "Filipino" not in " ".join(shown) and "Akan" not in " ".join(shown), language


def test_a_language_that_is_no_language_is_said_alike_by_check_and_build_at_its_place(translated_hub: Path,
                                                                                    tmp_path: Path) -> None:
    """A code no language has and a blank one, in hub.yml and a member's file: one located sentence each, the
    same in check and the build, and no site written. A bare `no` is Norwegian, not YAML's false."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    edit(site, "content/hub.yml", "      languages: [English, French]\n", "      languages: [en, xx]\n")
    edit(site, "content/hub.yml", "      languages: [English, French]\n", "      languages: [no, ' ']\n")  # no: Norwegian
    edit(site, "team/patty.yml", "languages: [English]\n", "languages: [English, zz-DE]\n")
    check, build = refused_alike(site)
    errors = [f for f in json.loads(check.stdout) if f["severity"] == "error"]
    found = {(f["file"], f["message"].split(";")[0]) for f in errors}
    assert found == {("content/hub.yml", "help_from_us.channels[2].languages[1]: 'xx' is not a language code"),
                     ("content/hub.yml", "help_from_us.channels[3].languages[1]: a language is blank"),
                     ("team/patty.yml", "languages[1]: 'zz-DE' is not a language code")}, errors
    for error in errors:
        file = (site / error["file"]).read_text(encoding="utf-8").splitlines()
        assert "languages: [" in file[error["line"] - 1] and file[error["line"] - 1][error["column"] - 1] != " "
        assert f"{error['file']}:{error['line']}:{error['column']}: {error['message']}" in build.stderr, error


def test_a_word_that_names_no_language_and_a_channel_without_any_are_refused_alike_by_check_and_build(
        translated_hub: Path, tmp_path: Path) -> None:
    """Digits, YAML's true/false/on/off/null, codes that say 'no language' (und, zxx, mul) and symbols are no
    language a person speaks: each one located sentence, in check and the build alike; a channel must speak one."""
    site = tmp_path / "site"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    bad = ["true", "123", "1.5", "false", "on", "off", "null", "und", "zxx", "mul", "'3rd'", "'C++'", "'~'"]
    edit(site, "team/patty.yml", "languages: [English]\n", f"languages: [English, {', '.join(bad)}]\n")
    edit(site, "content/hub.yml", "      languages: [English, French]\n", "      languages: []\n")
    check, build = refused_alike(site)
    errors = [f for f in json.loads(check.stdout) if f["severity"] == "error"]
    found = {(f["file"], f["message"].split(";")[0]) for f in errors}
    written = [value.strip("'") for value in bad]
    assert found == {("team/patty.yml", f"languages[{at}]: " + (
        "expected text, found nothing" if value == "null" else f"{value!r} is not a language code"))
                     for at, value in enumerate(written, 1)} | {
        ("content/hub.yml", "help_from_us.channels[2].languages: needs at least 1 item(s)")}, found
    for error in errors:
        line = (site / error["file"]).read_text(encoding="utf-8").splitlines()[error["line"] - 1]
        assert "languages: [" in line, error
        assert f"{error['file']}:{error['line']}:{error['column']}: {error['message']}" in build.stderr, error


@pytest.mark.parametrize("own", ["de/index.md", "de/team/index.md"])
def test_a_preview_shows_the_links_of_a_fresh_build_when_an_author_adds_or_removes_their_own_section_page(
        translated_hub: Path, tmp_path: Path, own: str) -> None:
    """`mkdocs serve` keeps incident and history pages from the rebuild before while nothing around them changed;
    an author's own hub or team page in a section changes where their help strips and signatures lead, so after
    adding it, and after deleting it again, every page is what a fresh build writes."""
    from test_build_shortcuts import fresh_serve_build, serve_build, snapshot

    site, preview = tmp_path / "site", tmp_path / "preview"
    shutil.copytree(translated_hub, site, ignore=shutil.ignore_patterns("site"))
    serve_build(site, preview)
    assert serve_build(site, preview) > 0  # kept from the rebuild before
    written = site / "content" / own
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_text("# Unsere eigene Seite\n", encoding="utf-8")
    for step in ("added", "deleted"):
        if step == "deleted":
            written.unlink()
        serve_build(site, preview)
        kept, fresh = snapshot(preview), fresh_serve_build(site, tmp_path / f"fresh-{step}")
        assert sorted(path for path in kept.keys() | fresh.keys() if kept.get(path) != fresh.get(path)) == [], step
