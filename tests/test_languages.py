"""The example built in every shipped language: no English word of Support Tab's own is left in its pages, feeds,
badges, calendar or widget data; dates, times and numbers in the language's own way; right to left in Arabic; a
language without a catalog falls back to English with one warning; the CLI's acknowledgement in the site's
language."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from conftest import copy_example_site, run_mkdocs_build
from supporttab.core.i18n import LOCALE_DIR, load_language, shipped_languages
from supporttab.core.vocabulary import LABELS, PLAIN_LABELS

TRANSLATED = [code for code in shipped_languages() if code != "en"]
_BUILDS: dict[str, Path] = {}


def build_in(tmp_path_factory: pytest.TempPathFactory, language: str, option: str | None = None) -> Path:
    """The example with theme.language switched (or the plugin's `language` option set), built: its site/. A
    language without a catalog warns, so those are built without --strict."""
    key = f"{language}-{option}"
    if key not in _BUILDS:
        source = copy_example_site(tmp_path_factory.mktemp(f"example-{key}") / "src")
        config = source / "mkdocs.yml"
        text = config.read_text(encoding="utf-8").replace("language: en", f"language: {language}")
        if option:
            text = text.replace("      timezone: Europe/London",
                                f"      timezone: Europe/London\n      language: {option}")
        config.write_text(text, encoding="utf-8")
        result = run_mkdocs_build(source, strict=(option or language).split("-")[0] in shipped_languages())
        assert result.returncode == 0, result.stderr
        _BUILDS[key] = source / "site"
    return _BUILDS[key]


@pytest.fixture(scope="module", params=TRANSLATED)
def localized(request, tmp_path_factory) -> tuple[str, Path]:
    return request.param, build_in(tmp_path_factory, request.param)


# --- no English left: the text a reader gets, with what the example's authors wrote (in English) taken out ----

def english_phrases(code: str) -> set[str]:
    """The English catalog's phrases: the text between placeholders of two words or more, a label before a colon
    ("Maintenance:"), and whole one-word messages of eight letters or more ("Investigating"); so a name like
    "API" does not count. Those the language's catalog keeps as they are ("JSON Feed") are left out."""
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        catalog = read_po(file)
    phrases = set()
    for message in catalog:
        if not message.id:
            continue
        translated = " ".join(message.string) if isinstance(message.string, tuple) else message.string
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            found = {_phrase(part, msgid) for part in re.split(r"%\(\w+\)s", msgid)}
            phrases |= {phrase for phrase in found if phrase and phrase not in translated}
    return phrases


def _phrase(part: str, msgid: str) -> str | None:
    words = part.strip(" .,:;()“”")
    if len(words.split()) >= 2 or (len(words) >= 8 and words == msgid.strip(".")):
        return words
    return part.strip() if re.fullmatch(r"\s*[A-Z][a-z]{4,}:\s*", part) else None


def authored_sentences(source: Path) -> list[str]:
    """Every sentence the example's authors wrote (YAML values and Markdown), longest first: the example is in
    English, so these are taken out of the output before looking for Support Tab's own English."""
    texts = []
    for path in sorted(source.rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        elif path.suffix == ".md":
            texts.append(path.read_text(encoding="utf-8"))
    sentences = set()
    for text in texts:
        text = re.sub(r"\]\([^)]*\)|[*_`#>\[\]]", " ", text)
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n", text):
            sentence = " ".join(sentence.split())
            if len(sentence) >= 4:
                sentences.add(sentence)
    return sorted(sentences, key=len, reverse=True)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


class _Text(HTMLParser):
    """The text of an HTML page a reader sees or hears: text outside <style> and code, the words attributes say,
    and the scripts' words (JSON in the page)."""

    SPOKEN = ("title", "alt", "aria-label", "content", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        self.chunks += [value for name, value in attrs.items() if name in self.SPOKEN and value]
        if tag == "style" or (tag == "script" and attrs.get("id") != "st-words"):
            self._skip += 1

    def handle_endtag(self, tag) -> None:
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data) -> None:
        if not self._skip:
            self.chunks.append(data)


def html_text(markup: str) -> list[str]:
    parser = _Text()
    parser.feed(markup)
    return parser.chunks


def output_text(path: Path) -> list[str]:
    """The reader's text of one output file, by its kind."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_text(text)
    if path.suffix in (".atom", ".rss", ".svg"):
        root = ET.fromstring(text)
        chunks = [value for element in root.iter() for value in element.attrib.values()]
        for element in root.iter():
            chunks += html_text(element.text) if element.text and "<" in element.text else [element.text or ""]
        return chunks
    if path.suffix == ".json":
        return [chunk for value in _strings_of_json(json.loads(text))
                for chunk in (html_text(value) if "<" in value else [value])]
    if path.suffix == ".ics":  # unfold lines, then unescape the values
        unfolded = text.replace("\r\n ", "")
        return [re.sub(r"\\([,;\\])", r"\1", line.split(":", 1)[1]).replace("\\n", "\n")
                for line in unfolded.splitlines() if ":" in line]
    raise AssertionError(path)


def _strings_of_json(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings_of_json(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings_of_json(item)]
    return []


def customer_outputs(site: Path) -> list[Path]:
    """Pages, feeds, badges, the maintenance calendar and the widget's data; not the Statuspage API, whose words
    are Statuspage's by design, nor the schemas for authors."""
    kinds = ("*.html", "*.atom", "*.rss", "status/feed.json", "badges/*.svg", "*.ics", "widget/*.json",
             "*/status/feed.json", "*/badges/*.svg")  # and those of each other language, under <language>/
    return sorted({path for kind in kinds for path in site.glob(kind if "/" in kind else f"**/{kind}")
                   if not path.relative_to(site).parts[0] in ("search", "api", "schemas")})


def leaks(site: Path, phrases: set[str], authored: list[str]) -> dict[str, list[str]]:
    found = {}
    for path in customer_outputs(site):
        hits = set()
        for chunk in output_text(path):
            chunk = " ".join(html.unescape(chunk).split())
            for sentence in authored:
                if sentence in chunk:
                    chunk = chunk.replace(sentence, "\0")
            chunk = _drop_shortened_sentence(chunk, authored)
            hits |= {phrase for phrase in phrases if phrase in chunk}
        if hits:
            found[str(path.relative_to(site))] = sorted(hits)
    return found


def _drop_shortened_sentence(chunk: str, authored: list[str]) -> str:
    """A social post ends in an authored sentence cut short with '…': take that out too."""
    if not chunk.endswith("…"):
        return chunk
    head, _, tail = chunk[:-1].rpartition("\0")
    tail = tail.strip()
    return head + "\0" if tail and any(sentence.startswith(tail) for sentence in authored) else chunk


def test_no_english_of_ours_is_left_in_a_translated_build(localized, tmp_path_factory) -> None:
    code, site = localized
    authored = authored_sentences(site.parent)
    outputs = customer_outputs(site)
    assert {"index.html", "status/index.html", "status/history.atom", "status/history.rss", "status/feed.json",
            "badges/status.svg", "status/maintenance.ics", "widget/support-tab.json"} <= {
        str(path.relative_to(site)) for path in outputs}
    assert leaks(site, english_phrases(code), authored) == {}


def test_the_leak_check_finds_english_when_a_catalog_is_missing(tmp_path_factory) -> None:
    """Dutch has no catalog: the words stay English, and the same check reports them, page by page."""
    site = build_in(tmp_path_factory, "nl")
    found = leaks(site, english_phrases("de"), authored_sentences(site.parent))
    assert {"index.html", "status/index.html", "status/history.atom", "badges/status.svg",
            "status/maintenance.ics"} <= set(found)
    assert "Opening hours" in found["index.html"] and "Get updates" in found["status/index.html"]


# --- the language's own dates, times and numbers, direction and words ------------------------------------------

def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


HOURS = '<th scope="row">{}</th><td>{}</td>'


@pytest.mark.parametrize(("code", "expected"), [
    ("de", ['<html lang="de" class="no-js">', "Montag, 23. November 2026", HOURS.format("Montag", "08:00–20:00"),
            "Verfügbarkeit in den letzten 90 Tagen"]),
    ("fr", ['<html lang="fr" class="no-js">', "lundi 23 novembre 2026", HOURS.format("lundi", "08:00–20:00"),
            "de disponibilité sur les 90 derniers jours"]),
    ("es", ['<html lang="es" class="no-js">', "lunes, 23 de noviembre de 2026", HOURS.format("lunes", "8:00–20:00"),
            "de disponibilidad en los últimos 90 días"]),
    ("ar", ['<html lang="ar" class="no-js">', '<body dir="rtl"', "الاثنين، 23 نوفمبر 2026",
            HOURS.format("الاثنين", "8:00 ص–8:00 م"), "خلال آخر 90 يومًا"]),
])
def test_dates_hours_and_numbers_are_written_the_languages_way(tmp_path_factory, code: str, expected) -> None:
    site = build_in(tmp_path_factory, code)
    pages = read(site, "index.html") + read(site, "status/index.html")
    assert [text for text in expected if text not in pages] == []


def test_american_english_gets_a_twelve_hour_clock(tmp_path_factory) -> None:
    site = build_in(tmp_path_factory, "en", option="en-US")  # mkdocs-material has one English: the option says which
    hub = read(site, "index.html")
    assert '<th scope="row">Monday</th><td>8:00\u202fAM–8:00\u202fPM</td>' in hub
    assert "Monday, November 23, 2026" in read(site, "status/index.html")


def test_the_plugin_option_overrides_the_theme_language(tmp_path_factory) -> None:
    site = build_in(tmp_path_factory, "en", option="de")
    page = read(site, "status/index.html")
    words = " ".join(html_text(page))
    assert "Updates abonnieren" in words and "Get updates" not in words
    assert '"locale":"de-u-nu-latn"' in page  # the scripts' words and locale follow it too


@pytest.mark.parametrize(("option", "lang", "direction"), [("de", "de", "ltr"), ("ar", "ar", "rtl"),
                                                            ("en-US", "en", "ltr")])
def test_the_plugin_option_sets_every_pages_language_and_direction(tmp_path_factory, option, lang, direction) -> None:
    """The theme says `en`; the option's language tags every page, and Arabic reads right to left."""
    site = build_in(tmp_path_factory, "en", option=option)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    wrong = [str(page.relative_to(site)) for page in pages
             if f'<html lang="{lang}"' not in (text := page.read_text(encoding="utf-8"))
             or f'<body dir="{direction}"' not in text]
    assert wrong == []


@pytest.mark.parametrize(("code", "expected"), [
    ("en", ["New York time", "Tokyo time", "London time", "Buenos Aires time"]),
    ("de", ["Zeit in New York", "Zeit in Tokio", "Zeit in London", "Zeit in Buenos Aires"]),
    ("fr", ["heure de New York", "heure de Tokyo", "heure de Londres", "heure de Buenos Aires"]),
    ("es", ["hora de Nueva York", "hora de Tokio", "hora de Londres", "hora de Buenos Aires"]),
    ("ar", ["بتوقيت نيويورك", "بتوقيت طوكيو", "بتوقيت لندن", "بتوقيت Buenos Aires"]),
])
def test_a_time_zone_is_called_by_its_city_in_the_language(code, expected) -> None:
    """The city as the language names it (CLDR); a zone CLDR names no city for, by its id's last part."""
    from supporttab.core.i18n import load_language, use_language
    from supporttab.core.timefmt import zone_label

    with use_language(load_language(code)):
        said = [zone_label(zone) for zone in ("America/New_York", "Asia/Tokyo", "Europe/London",
                                              "America/Argentina/Buenos_Aires")]
    assert said == expected


def test_light_pages_keep_the_themes_rules_for_their_text_direction(localized) -> None:
    """Light pages load the theme's stylesheet trimmed to what their templates use; the direction the theme sets by
    the language (rtl for Arabic) is in none of them, and its rules must not be trimmed away."""
    code, site = localized
    page = read(site, "status/index.html")
    direction = re.search(r'<body dir="(\w+)"', page)[1]
    stylesheet = re.search(r'href="[./]*(assets/supporttab/light\.\w+\.css)"', page)[1]
    css = (site / stylesheet).read_text(encoding="utf-8")
    assert direction == ("rtl" if code == "ar" else "ltr")
    assert css.count(f"[dir={direction}]") > 20


def test_every_percentage_on_the_status_page_is_written_the_languages_way(localized) -> None:
    """Uptime ('99,94 %') and shares ('30 %') alike: the locale's spacing before the sign and its decimal mark."""
    from babel.numbers import get_decimal_symbol
    from supporttab.core.i18n import load_language, percent_text, use_language

    code, site = localized
    with use_language(load_language(code)):
        space = percent_text(0.5).removeprefix("50").removesuffix("%")
    text = " ".join(html_text(read(site, "status/index.html")))
    figures = re.findall(r"(\d+(?:[.,]\d+)?)(\s?)%", text)
    assert len({figure for figure, _ in figures}) >= 3
    assert {gap for _, gap in figures} == {space}
    decimals = {figure[-3] for figure, _ in figures if len(figure) > 3 and not figure[-3].isdigit()}
    assert decimals == {get_decimal_symbol(load_language(code).locale)}


@pytest.mark.parametrize(("code", "expected"), [("en", "1,234 days"), ("de", "1.234 Tage"), ("fr", "1\u202f234 jours"),
                                              ("ar", "1,234 يومًا")])
def test_a_count_in_a_template_is_written_as_the_locale_writes_numbers(code: str, expected: str) -> None:
    """Templates' ngettext fills `%(num)s` as Python's does: '1.234 Tage', not '1234 Tage'."""
    from jinja2 import Environment
    from supporttab.core.i18n import load_language, use_language
    from supporttab.plugin import _install_translations

    env = Environment()
    _install_translations(env)
    template = env.from_string('{{ ngettext("%(num)s day", "%(num)s days", count) }}')
    with use_language(load_language(code)):
        assert template.render(count=1234) == expected


def test_the_feeds_say_their_language(localized) -> None:
    import feedparser

    code, site = localized
    for name in ("status/history.atom", "status/history.rss"):
        feed = feedparser.parse(read(site, name))
        assert not feed.bozo and feed.feed.language == code, name
    assert json.loads(read(site, "status/feed.json"))["language"] == code


def test_the_scripts_get_their_words_in_the_page(localized) -> None:
    code, site = localized
    words = json.loads(re.search(r'<script type="application/json" id="st-words">(.*?)</script>',
                                 read(site, "index.html")).group(1))
    assert words["locale"] == f"{code}-u-nu-latn"  # Latin digits in the browser, as on the server
    assert "Open now" not in words["openUntil"] and "%(time)s" in words["openUntil"]


# --- a language without a catalog ----------------------------------------------------------------------------

def test_a_language_without_a_catalog_builds_in_english_with_one_warning(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: nl"), encoding="utf-8")
    strict = run_mkdocs_build(site)
    assert strict.returncode == 1
    warnings = [line for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == ["WARNING -  Support Tab has no translation into 'nl', so the words it writes itself stay in "
                        "English (dates and numbers follow 'nl'); its languages are en, ar, de, es, fr. The "
                        "authoring guide says how to add one"]
    built = run_mkdocs_build(site, strict=False)
    assert built.returncode == 0
    status = read(site / "site", "status/index.html")
    assert "Get updates" in status and "maandag 23 november 2026" in status


@pytest.mark.parametrize("tag", ["nl", "zh_TW", "sh"])  # a CLDR locale; written with an underscore; unknown to CLDR
def test_check_warns_of_a_language_without_a_catalog_as_the_build_does(site: Path, tag: str) -> None:
    from test_cli import run

    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", f"language: {tag}"), encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                if f"language: {tag}" in text)
    result = run(site, "check")
    build = run_mkdocs_build(site)
    said = [text.removeprefix("WARNING -  ") for text in build.stderr.splitlines() if text.startswith("WARNING")]
    assert len(said) == 1 and f"mkdocs.yml:{line}:3: warning: {said[0]} [language]" in result.stdout.splitlines()


@pytest.mark.parametrize(("tag", "same_as"), [("EN", "en"), ("En", "en"), ("EN-us", "en-US"), ("DE", "de"),
                                              ("Ar", "ar"), ("de_AT", "de-AT"), ("PT_br", "pt-BR")])
def test_a_language_tag_means_the_same_in_any_case_and_with_either_separator(tag: str, same_as: str) -> None:
    from supporttab.core.i18n import load_language

    language, canonical = load_language(tag), load_language(same_as)
    assert (language.locale, language.fallback, language.bcp47) == (canonical.locale, canonical.fallback,
                                                                     canonical.bcp47)


def test_the_warning_for_a_tag_no_locale_data_knows_says_what_the_site_gets() -> None:
    """'sh' (no CLDR locale): dates, numbers and the feeds follow British English, and the warning says so."""
    from supporttab.core.i18n import fallback_warning, load_language

    language = load_language("sh")
    assert language.bcp47 == "en-GB"
    assert "follow 'sh'" not in fallback_warning(language)
    assert "dates, numbers and the feeds' language are British English, en-GB" in fallback_warning(language)


def test_a_misspelt_language_option_is_refused_with_its_place(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      timezone: Europe/London", "      timezone: Europe/London\n      language: German"), encoding="utf-8")
    from test_cli import run

    result = run_mkdocs_build(site)
    said = "mkdocs.yml:41:7: 'German' is not a language code; write one like de, fr, ar or pt-BR"
    assert result.returncode == 1 and said in result.stderr and "Traceback" not in result.stderr
    check = run(site, "check")  # the command line says the same
    assert check.returncode == 1 and said.replace(": ", ": plugins.supporttab.language: ", 1) in check.stderr


# --- the command line writes in the site's language ------------------------------------------------------------

def test_the_acknowledgement_written_for_you_is_in_the_sites_language(site: Path) -> None:
    from test_cli import run

    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: de"), encoding="utf-8")
    result = run(site, "new", "incident", "Exporte schlagen fehl", "--component", "pdf-exports", "--component", "api",
                 "--impact", "major", "--author", "bob")
    assert result.returncode == 0, result.stderr
    update = yaml.safe_load((site / result.stdout.splitlines()[0]).read_text(encoding="utf-8"))["updates"][0]
    assert update["body"].strip() == ("PDF exports, Public API: Wir wissen, dass etwas nicht stimmt, und arbeiten "
                                      "daran. Wir melden uns spätestens um 12:30 GMT wieder.")


def test_incident_pages_describe_themselves_in_the_sites_plain_words(localized) -> None:
    """Each incident page's description opens with the translated plain words of its state ("Behoben: ..."),
    not Statuspage's word, in English or translated."""
    code, site = localized
    language = load_language(code)
    plain = {language.translations.gettext(label) for label in PLAIN_LABELS.values()}
    enum = {language.translations.gettext(label) for label in LABELS.values()} - plain
    for page in sorted((site / "incidents").glob("*/index.html")):
        description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"',
                                              read(site, str(page.relative_to(site))))[1])
        lead = re.split(r"\s*:", description)[0]  # French puts a space before the colon
        assert lead in plain and lead not in enum, (page, description)



@pytest.mark.parametrize(("code", "joined"), [("en", "A, B and C"), ("de", "A, B und C"), ("fr", "A, B et C"),
                                              ("es", "A, B y C"), ("ar", "A وB وC")])
def test_lists_are_joined_the_languages_way_in_opening_hours(code: str, joined: str) -> None:
    """A day with several opening stretches is listed with the language's commas and 'and' (Arabic's own و), as the
    summary's and the calendar's lists are (one function, list_text), never with an English ', '."""
    from supporttab.core.i18n import list_text, use_language
    from supporttab.hub.model import OpeningHours
    from supporttab.hub.view import hours_table

    hours = OpeningHours.model_validate({"timezone": "Europe/London", "weekly": {"monday": "08:00-12:00, 13:00-17:00"}})
    with use_language(load_language(code)):
        assert list_text(["A", "B", "C"]) == joined
        between = list_text(["<", ">"])[1:-1]  # what the language writes between two things
        monday = hours_table(hours)[0][1]
    assert monday.count("–") == 2 and len(monday.split(between)) == 2, (monday, between)
