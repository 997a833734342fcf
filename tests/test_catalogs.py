"""The message catalogs: every message of the sources is in the template, translated in every shipped language with
its placeholders intact, passes Babel's checks, and the shipped .mo files are the .po files compiled."""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import REPO
from supporttab.core.i18n import LOCALE_DIR, load_language, shipped_languages, use_language

TRANSLATED = [code for code in shipped_languages() if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _catalog(path):
    with open(path, "rb") as file:
        return read_po(file)


def _messages(catalog) -> dict:
    return {message.id: message for message in catalog if message.id}


def test_five_languages_ship_english_first() -> None:
    assert shipped_languages() == ("en", "ar", "de", "es", "fr")


def test_the_template_holds_every_message_of_the_sources() -> None:
    """`make catalogs` was run after the last change to a message: extracting again finds the same ids."""
    method_map = [("plugins/supporttab/**.py", "python"), ("plugins/supporttab/templates/**.html", "jinja2")]
    found = {message for _, _, message, _, _ in extract_from_dir(str(REPO), method_map)}
    found = {message if isinstance(message, str) else tuple(message[:2]) for message in found}
    assert set(_messages(_catalog(LOCALE_DIR / "messages.pot"))) == found


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(code: str) -> None:
    template = _messages(_catalog(LOCALE_DIR / "messages.pot"))
    catalog = _catalog(LOCALE_DIR / code / "LC_MESSAGES" / "messages.po")
    messages = _messages(catalog)
    assert set(messages) == set(template), "run `make catalogs` and translate what it adds"
    single = _single_number_forms(code)
    problems = []
    for msgid, message in messages.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | ({"num"} if isinstance(msgid, tuple) else set())
        if message.fuzzy or not all(forms):
            problems.append(f"not translated: {ids[0]!r}")
        # A form said of one number only (Arabic's one and two) may say it in words: 'يومان', not '2 يومان'.
        problems += [f"placeholders of {ids[0]!r} in {form!r}" for index, form in enumerate(forms)
                     if set(PLACEHOLDER.findall(form)) not in (wanted, wanted - {"num"} if index in single else wanted)]
        if isinstance(msgid, tuple) and len(forms) != catalog.num_plurals:
            problems.append(f"{ids[0]!r} has {len(forms)} plural forms; {code} has {catalog.num_plurals}")
    assert problems == []


def _numbers_by_form(code: str) -> dict[int, set[int]]:
    """Which counts (0 to 999) each plural form of the language's catalog is said of."""
    plural = load_language(code).translations.plural
    forms: dict[int, set[int]] = {}
    for n in range(1000):
        forms.setdefault(plural(n), set()).add(n)
    return forms


def _single_number_forms(code: str) -> set[int]:
    """The forms said of one count only, zero aside (Arabic says '0 يوم' as it says '100 يوم'): one, two."""
    return {form for form, numbers in _numbers_by_form(code).items() if len(numbers) == 1 and numbers != {0}}


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_form_for_one_number_is_not_a_copy_of_another(code: str) -> None:
    """Arabic says one day and two days in words of their own (يوم واحد, يومان), and German 'Tag' is not 'Tage': a
    form said of a single number must differ from every other form of its message."""
    single = _single_number_forms(code)
    copies = []
    for msgid, message in _messages(_catalog(LOCALE_DIR / code / "LC_MESSAGES" / "messages.po")).items():
        if isinstance(msgid, tuple):
            forms = message.string
            copies += [(msgid[0], index) for index in single
                       if any(forms[index] == other for n, other in enumerate(forms) if n != index)]
    assert copies == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_plural_says_its_number(code: str) -> None:
    """Each plural message for 0, 1, 2, 3, 11 and 100: the number is written, or the form is the one of that number
    alone and says it in words."""
    from supporttab.core.i18n import ngettext

    single = _single_number_forms(code)
    plural = load_language(code).translations.plural
    template = _messages(_catalog(LOCALE_DIR / "messages.pot"))
    missing = []
    with use_language(load_language(code)):
        for msgid in (msgid for msgid in template if isinstance(msgid, tuple)):
            values = {name: f"<{name}>" for name in PLACEHOLDER.findall(msgid[1]) if name != "num"}
            for n in (0, 1, 2, 3, 11, 100):
                said = ngettext(*msgid, n, **values)
                if str(n) not in said and plural(n) not in single:
                    missing.append((msgid[0], n, said))
    assert missing == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalog_passes_babels_checks_and_ships_compiled(code: str) -> None:
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    catalog = _catalog(folder / "messages.po")
    assert [(message.id, [str(error) for error in errors]) for message, errors in catalog.check()] == []
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert (folder / "messages.mo").read_bytes() == compiled.getvalue(), "run `make catalogs` to compile it"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_plural_forms_follow_the_language(code: str) -> None:
    """0, 1, 2, 3, 11 and 100 of a thing, as each language says them: Arabic has six forms, and says one and two
    in words (يوم واحد, يومان), as CLDR's own unit patterns do."""
    import datetime as dt

    from supporttab.core.i18n import ngettext
    from supporttab.core.timefmt import duration_text

    with use_language(load_language(code)):
        said = [ngettext("%(num)s day", "%(num)s days", n) for n in (0, 1, 2, 3, 11, 100)]
        duration = duration_text(dt.timedelta(hours=2, minutes=3))
    expected = {"de": (["0 Tage", "1 Tag", "2 Tage", "3 Tage", "11 Tage", "100 Tage"], "2 Stunden 3 Minuten"),
                "fr": (["0 jour", "1 jour", "2 jours", "3 jours", "11 jours", "100 jours"], "2 heures 3 minutes"),
                "es": (["0 días", "1 día", "2 días", "3 días", "11 días", "100 días"], "2 horas y 3 minutos"),
                "ar": (["0 يوم", "يوم واحد", "يومان", "3 أيام", "11 يومًا", "100 يوم"], "ساعتان و3 دقائق")}
    assert (said, duration) == expected[code]
