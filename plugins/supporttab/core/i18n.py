"""The language a build speaks: its message catalog (Babel's compiled .mo files in ../locales) and its CLDR locale.

Everything Support Tab writes for customers goes through `gettext`/`ngettext` here, in the language made active
for the build (`use_language`), so the views, feeds and templates of one build agree. Messages are whole
sentences with named placeholders, `%(name)s`, filled in after translation: never fragments glued together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from gettext import NullTranslations
from pathlib import Path
from typing import Self

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from markupsafe import Markup, escape

from .texts import TextWith

LOCALE_DIR = Path(__file__).parent.parent / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
# A bare `en` is written the British way (day before month, 24-hour clock), as Support Tab always has been;
# `en-US` gives American dates and a 12-hour clock.
_DEFAULT_REGION = {"en": "en_GB"}
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class Language:
    """A language as a build uses it: `tag` as the site wrote it, its CLDR `locale` for dates and numbers, and its
    `translations`; `fallback` is True when no catalog speaks it and the words are English."""

    tag: str
    locale: Locale
    translations: NullTranslations
    fallback: bool = False

    @property
    def rtl(self) -> bool:
        return self.locale.text_direction == "rtl"

    @property
    def bcp47(self) -> str:
        """'en-GB', 'ar': the language as feeds and pages name it."""
        return str(self.locale).replace("_", "-")

    @property
    def script_locale(self) -> str:
        """'ar-EG-u-nu-latn': what the browser's Intl takes, asked for Latin digits, as Babel writes them on the
        server; so times the scripts write match the page's ('3:00', never '٣:٠٠' beside '8:00')."""
        return f"{self.bcp47}-u-nu-latn"


def shipped_languages() -> tuple[str, ...]:
    """The languages with a catalog in the package, English (the source language) first."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *[code for code in found if code != SOURCE_LANGUAGE])


def site_language_tag(option: str | None, theme_language: object) -> str:
    """The tag a site speaks: the plugin's `language` option, else theme.language when it is a language tag (en,
    pt-BR, zh_TW), else English, MkDocs' default. The build and the command line both choose by this."""
    if option:
        return option
    if isinstance(theme_language, str) and LANGUAGE_TAG.fullmatch(theme_language):
        return theme_language
    return SOURCE_LANGUAGE


def load_language(tag: str) -> Language:
    """The language for `tag` (en, de, pt-BR, ar; any case, - or _): its catalog, by the whole tag then by the
    language alone; without one, English words (fallback=True) while dates and numbers still follow the tag's CLDR
    locale, or British English's where CLDR does not know the tag. Read again when a catalog has changed (a
    translator compiles one while `mkdocs serve` runs)."""
    return _load_language(tag, catalog_stamps())


def catalog_stamps() -> tuple[tuple[str, int, int], ...]:
    """Each compiled catalog's path, modification time and size: what says a catalog has changed."""
    return tuple((str(path), stat.st_mtime_ns, stat.st_size)
                 for path in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")) for stat in [path.stat()])


@cache
def _load_language(tag: str, stamps: tuple[tuple[str, int, int], ...]) -> Language:
    language, *rest = tag.replace("-", "_").split("_")
    base = language.lower()
    normal = "_".join((base, *rest))
    locale = _locale(_DEFAULT_REGION.get(normal, normal)) or _locale(base) or Locale.parse(_DEFAULT_REGION["en"])
    if base == SOURCE_LANGUAGE:
        return Language(tag, locale, NullTranslations())
    for code in dict.fromkeys((normal, base)) if LANGUAGE_TAG.fullmatch(tag) else ():
        if (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
            return Language(tag, locale, Translations.load(str(LOCALE_DIR), [code], DOMAIN))
    return Language(tag, locale, NullTranslations(), fallback=True)


def _locale(identifier: str) -> Locale | None:
    try:
        return Locale.parse(identifier)
    except (ValueError, UnknownLocaleError):
        return None


def fallback_warning(language: Language) -> str:
    """What the build and `supporttab check` say of a language without a catalog."""
    tag = language.tag
    if language.locale.language == tag.replace("-", "_").split("_")[0].lower():
        dates = f"dates and numbers follow '{tag}'"
    else:
        dates = (f"and as no locale data knows '{tag}', dates, numbers and the feeds' language are British English, "
                 f"{language.bcp47}")
    return (f"Support Tab has no translation into '{tag}', so the words it writes itself stay in English ({dates}); "
            f"its languages are {', '.join(shipped_languages())}. The authoring guide says how to add one")


_ACTIVE: ContextVar[Language | None] = ContextVar("supporttab_language", default=None)


def active() -> Language:
    """The language of the build (or command) under way; English when none was chosen."""
    return _ACTIVE.get() or load_language(SOURCE_LANGUAGE)


def activate(language: Language | None) -> None:
    """Speak `language` from now on in this thread, until another is activated (a build activates its own);
    None: English again."""
    _ACTIVE.set(language)


@contextmanager
def use_language(language: Language) -> Iterator[Language]:
    """Speak `language` inside the `with` block only."""
    token = _ACTIVE.set(language)
    try:
        yield language
    finally:
        _ACTIVE.reset(token)


def gettext(message: str, **values: object) -> str:
    """`message` in the active language, its `%(name)s` placeholders filled with `values`."""
    text = active().translations.gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, num: int, **values: object) -> str:
    """The plural form for `num` in the active language (Arabic has six); `%(num)s` is `num`, as a number of the
    locale, and the other placeholders are filled with `values`."""
    text = active().translations.ngettext(singular, plural, num)
    return text % {"num": number_text(num), **values}


def number_text(number: float, pattern: str | None = None) -> str:
    """A number as the active locale writes it: '1,234.5', '1.234,5', '1 234,5', always in Latin digits (Babel's
    default numbering system, whatever the locale's own; the scripts' Intl is asked for the same)."""
    return _number_text(number, pattern, active().locale)


@lru_cache(maxsize=4096)  # the same few numbers (minutes, hours, counts) on every page
def _number_text(number: float, pattern: str | None, locale: Locale) -> str:
    return format_decimal(number, format=pattern, locale=locale)


def list_text(items: Iterable[str]) -> str:
    """'A, B and C', as the active language lists things (Arabic with its own comma and و)."""
    return format_list(list(items), locale=active().locale)


def percent_text(fraction: float, decimals: int = 0) -> str:
    """'30%', '30 %', '%30': a share as the active locale writes it, with `decimals` digits after its decimal
    sign ('99.87%', '99,87 %')."""
    locale = active().locale
    return format_percent(fraction, format=_percent_pattern(locale, decimals), locale=locale)


@cache
def _percent_pattern(locale: Locale, decimals: int) -> str:
    """The locale's own percent pattern ('#,##0\u00a0%'), its last integer digit given `decimals` more."""
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    if not decimals:
        return pattern
    last = pattern.rindex("0")
    return f"{pattern[:last + 1]}.{'0' * decimals}{pattern[last + 1:]}"


class AsWritten(TextWith):
    """An authored text shown in the language it was written in, `language`, as it has no translation into the
    reader's: never held back for one. Pages mark it with `lang` (and `dir="auto"`, so it is laid out in its own
    direction on an Arabic page), feeds with xml:lang where their format allows."""

    language: str

    def __new__(cls, text: str, language: str) -> Self:
        shown = super().__new__(cls, text)
        shown.language = language
        return shown

    def more(self) -> tuple:
        return (self.language,)


def written_in(text: object) -> str | None:
    """The language `text` is shown in when it is not the reader's (an AsWritten), else None."""
    return getattr(text, "language", None) if isinstance(text, AsWritten) else None


def text_html(text: str) -> Markup:
    """`text` escaped for HTML; shown as written in another language, in a span that says which."""
    language = written_in(text)
    return Markup('<span lang="{}" dir="auto">{}</span>').format(language, text) if language else escape(text)


def markdown_html(text: str | None, render: Callable[[str | None], Markup]) -> Markup:
    """Authored Markdown rendered; shown as written in another language, in a block that says which."""
    html = render(text)
    language = written_in(text)
    return Markup('<div lang="{}" dir="auto">{}</div>').format(language, html) if language else html


class OurWords(TextWith):
    """Our words where an author may write their own and did not (the help strip's "Help from us"): the string in
    the language of the build that loaded them, said again in each section's language (Reading)."""

    message: str

    def __new__(cls, message: str) -> Self:
        words = super().__new__(cls, gettext(message))
        words.message = message
        return words

    def more(self) -> tuple:
        return (self.message,)


@dataclass(frozen=True)
class Reading:
    """The language a section of the site is read in (`language`), and the one authors write in first
    (`default`). None for both: the texts as written, in a site of one section."""

    language: str | None = None
    default: str | None = None

    def text(self, text: str) -> str:
        """`text` in the reader's language, or as written, an AsWritten saying in which, when untranslated."""
        shown, language = self.with_language(text)
        return AsWritten(shown, language) if language else shown

    def html(self, text: str, render: Callable[[str], Markup]) -> Markup:
        """`text` as HTML: in the reader's language, or as written in a block that says its language."""
        return markdown_html(self.text(text), render)

    def with_language(self, text: str) -> tuple[str, str | None]:
        """(the text in the reader's language, None), or (the original, its language) when untranslated: an
        update is never held back for its translation."""
        if isinstance(text, OurWords):  # a default of ours, no author's: in the language being spoken
            return gettext(text.message), None
        if self.language is None or self.language == self.default:
            return text, None
        translation = getattr(text, "translations", {}).get(self.language)
        return (translation, None) if translation is not None else (str(text), self.default)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined (a table of words); it is translated where used."""
    return message


def own_name(tag: str) -> str:
    """A language's name in itself, as a language menu lists it: English, Deutsch, Français, العربية."""
    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name() or tag
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:]
