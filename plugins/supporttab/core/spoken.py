"""The languages people speak with customers (a channel's, a team member's `languages:`): written as a language code
(`fr`, `pt-BR`) or a language's English name (`French`, as sites wrote them before), kept as the code, and shown
by CLDR's name in the reader's language ("Französisch" on a German page, "anglais" on a French one). A language
CLDR has no code for ("Mandarin") is a word written once, shown as written; a code CLDR does not know is a typo, and
so is a word that is no language's name (digits, YAML's true) or a code that names none (und, zxx, mul)."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape
from pydantic import AfterValidator, Field

from .i18n import active, list_text

_CODE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")
# A language's name as a word of its own: letters, with spaces, hyphens or apostrophes between them.
_WORD = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
_NO_LANGUAGE = frozenset({"und", "zxx", "mul"})  # CLDR's codes for an unknown, no or several languages
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null"})  # `no` alone is Norwegian's code


@cache
def _names(tag: str) -> dict[str, str]:
    """CLDR's language names in `tag`, each as its code: {'french': 'fr', 'brazilian portuguese': 'pt_BR'}."""
    names: dict[str, str] = {}
    for code, name in Locale.parse(tag).languages.items():
        names.setdefault(name.casefold(), code)
    return names


def _known_code(text: str) -> str | None:
    """`text` as a code CLDR names (its language part, at least), written the way BCP 47 writes it, else None."""
    if not _CODE.fullmatch(text):
        return None
    language, *rest = re.split(r"[_-]", text)
    if language.lower() not in _names("en").values() or language.lower() in _NO_LANGUAGE:
        return None
    return "-".join([language.lower(), *(_subtag(part) for part in rest)])


def _subtag(part: str) -> str:
    """As BCP 47 writes it: a region in capitals (BR), a script in title case (Hant), anything else in lower case."""
    return part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower()


def _check_spoken(text: str) -> str:
    written = " ".join(text.split())
    if not written:
        raise ValueError("a language is blank; write its code, like fr or pt-BR")
    code = _known_code(written) or _names("en").get(written.casefold())
    if code is not None and code not in _NO_LANGUAGE:
        return code.replace("_", "-")
    if _CODE.fullmatch(written) or not _WORD.fullmatch(written) or written.casefold() in _YAML_WORDS:
        # looks like a code but names no language, or is no word at all (123, true): a typo, not a name
        raise ValueError(f"{written!r} is not a language code; write one like fr or pt-BR, or the language's "
                         "English name, like French")
    return written  # a language CLDR has no code for ("Mandarin"): shown as written, in every language


def _drop_repeats(values: list[str]) -> list[str]:
    """Each language once, however it was written (en, English, EN are one; so are Mandarin and mandarin)."""
    first: dict[str, str] = {}
    for value in values:
        first.setdefault(value.casefold(), value)
    return list(first.values())


SpokenLanguage = Annotated[str, AfterValidator(_check_spoken), Field(
    description="A language code like fr or pt-BR (or its English name, like French); shown by its name in the "
                "reader's language",
    # For editors: a letter at least, so "123" and a blank are flagged as typed (the loader says more).
    json_schema_extra={"pattern": r"[^\s\d]"})]
SpokenLanguages = Annotated[list[SpokenLanguage], AfterValidator(_drop_repeats)]


def spoken_name(value: str, reader: Locale) -> str | None:
    """A spoken language's name in `reader`'s language, as CLDR writes it ("Französisch"; the region's too where
    the code names one: "Portugiesisch (Brasilien)"); None where CLDR has no name for it in that language, or for a
    language written as a word of its own. A bare code is named as written (tl is Tagalog, not CLDR's likeliest
    "Filipino (Philippines)"), so names come from the table, never from a guessed region."""
    if _known_code(value) is None:
        return None
    if "-" not in value:
        return reader.languages.get(value)
    try:
        return Locale.parse(value, sep="-").get_display_name(reader) or None
    except (UnknownLocaleError, ValueError):
        return reader.languages.get(value.replace("-", "_")) or reader.languages.get(value.split("-")[0])


def spoken_names(values: list[str], written_in: str) -> Markup:
    """'Englisch und Mandarin': the languages' names listed as the active language lists things. A word written as
    such, and a language CLDR names only in English (Tai Dam), say their language where the page speaks another:
    the word in `written_in` (the site's first), CLDR's English name in English."""
    page = active()
    names = []
    for value in values:
        name = spoken_name(value, page.locale)
        if name is not None:
            names.append(escape(name))
            continue
        if _known_code(value):
            name, language, same = spoken_name(value, Locale("en")) or value, "en", page.locale.language == "en"
        else:
            name, language, same = value, written_in, page.tag == written_in
        names.append(escape(name) if same else Markup('<span lang="{}">{}</span>').format(language, name))
    return Markup(list_text(names))


def site_default() -> list[str]:
    """A channel's languages when left out: the site's own (the language spoken while hub.yml loads)."""
    return [active().locale.language]
