"""The languages people speak with customers (a channel's, a team member's `languages:`): written as a language code
(`fr`, `pt-BR`) or a language's English name (`French`, as sites wrote them before), kept as the code, and shown
by CLDR's name in the reader's language ("Französisch" on a German page, "anglais" on a French one). A language
CLDR has no code for ("Mandarin") is a word written once, shown as written; a code CLDR does not know is a typo."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape
from pydantic import AfterValidator, Field

from .i18n import active, list_text

_CODE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")


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
    if language.lower() not in _names("en").values():
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
    if code is not None:
        return code.replace("_", "-")
    if _CODE.fullmatch(written):  # looks like a code, names no language: a typo, not a name
        raise ValueError(f"{written!r} is not a language code; write one like fr or pt-BR, or the language's "
                         "English name, like French")
    return written  # a language CLDR has no code for ("Mandarin"): shown as written, in every language


SpokenLanguage = Annotated[str, AfterValidator(_check_spoken), Field(
    description="A language code like fr or pt-BR (or its English name, like French); shown by its name in the "
                "reader's language")]


def spoken_name(value: str) -> str | None:
    """A spoken language's name in the active language, as CLDR writes it ("Französisch"; the region's too where
    the code names one: "Portugiesisch (Brasilien)"); None for a language written as a word of its own."""
    if _known_code(value) is None:
        return None
    reader = active().locale
    try:
        return Locale.parse(value, sep="-").get_display_name(reader) or value
    except (UnknownLocaleError, ValueError):
        names = reader.languages
        return names.get(value.replace("-", "_")) or names.get(value.split("-")[0]) or value


def spoken_names(values: list[str], written_in: str) -> Markup:
    """'Englisch und Mandarin': the languages' names listed as the active language lists things; a word written as
    such says its language (`written_in`, the site's first) where the page speaks another."""
    marked = active().tag != written_in
    names = [escape(spoken_name(value) or "") or (Markup('<span lang="{}">{}</span>').format(written_in, value)
                                                   if marked else escape(value)) for value in values]
    return Markup(list_text(names))


def site_default() -> list[str]:
    """A channel's languages when left out: the site's own (the language spoken while hub.yml loads)."""
    return [active().locale.language]
