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
    problems = []
    for msgid, message in messages.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | ({"num"} if isinstance(msgid, tuple) else set())
        if message.fuzzy or not all(forms):
            problems.append(f"not translated: {ids[0]!r}")
        problems += [f"placeholders of {ids[0]!r} in {form!r}" for form in forms
                     if set(PLACEHOLDER.findall(form)) != wanted]
        if isinstance(msgid, tuple) and len(forms) != catalog.num_plurals:
            problems.append(f"{ids[0]!r} has {len(forms)} plural forms; {code} has {catalog.num_plurals}")
    assert problems == []


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
    """1, 2, 3, 11 and 100 of a thing, as each language says them: Arabic has six forms."""
    from supporttab.core.i18n import ngettext

    with use_language(load_language(code)):
        said = [ngettext("%(num)s day", "%(num)s days", n) for n in (1, 2, 3, 11, 100)]
    expected = {"de": ["1 Tag", "2 Tage", "3 Tage", "11 Tage", "100 Tage"],
                "fr": ["1 jour", "2 jours", "3 jours", "11 jours", "100 jours"],
                "es": ["1 día", "2 días", "3 días", "11 días", "100 días"],
                "ar": ["1 يوم", "2 يوم", "3 أيام", "11 يومًا", "100 يوم"]}
    assert said == expected[code]
