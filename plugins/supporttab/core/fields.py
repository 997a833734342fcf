"""Building blocks shared by every authored file kind: strict models and validated text types.

Each validator's message says what was wrong and how to write it instead; the loader adds file, line,
column and field path.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import PurePosixPath
from typing import Annotated, Any, Self
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
)

from .problems import suggest
from .texts import TextWith
from .vocabulary import ID_PATTERN, is_id


class Strict(BaseModel):
    """Base of every authored model: unknown fields are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]+")


def _check_phone(text: str) -> str:
    digits = _PHONE_SEPARATORS.sub("", text)
    if not re.fullmatch(r"\+[1-9]\d{6,14}", digits):
        raise ValueError(f"{text!r} is not a phone number in international form; write it like +1 415 555 0100")
    return text.strip()


def phone_e164(text: str) -> str:
    """'+1 (415) 555-0100' -> '+14155550100', the form `tel:` links and schema.org expect."""
    return _PHONE_SEPARATORS.sub("", text)


def _check_email(text: str) -> str:
    if not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}", text.strip()):
        raise ValueError(f"{text!r} is not an email address; write it like help@example.com")
    return text.strip()


def _check_web_url(text: str) -> str:
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{text!r} is not a web address; write a full link starting with https://")
    return text.strip()


def _check_page_path(text: str) -> str:
    path = PurePosixPath(text.strip())
    if path.is_absolute() or ".." in path.parts or "\\" in text or not text.endswith(".md"):
        raise ValueError(f"{text!r} is not a page in the content folder; write its path inside content/, "
                         "like articles/reset-password.md")
    return str(path)


def _check_person_name(text: str) -> str:
    if not any(character.isalpha() for character in text):
        raise ValueError(f"{text!r} is not a name; write the person's name as customers will see it, like "
                         "Patty Hughes")
    return " ".join(text.split())


# Names tzdata ships that are not zones a reader's browser knows: they stand for this machine's zone or none.
_NOT_ZONES = {"Factory", "localtime", "posixrules"}
_zone_names = cache(available_timezones)


def _check_time_zone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{text!r} is not a time zone name; write an IANA name like Europe/Amsterdam or "
                         "America/New_York") from None
    if text in _NOT_ZONES or text.startswith(("posix/", "right/")) or text not in _zone_names():
        raise ValueError(f"{text!r} is not a time zone every browser knows; write an IANA name like "
                         "Europe/Amsterdam or America/New_York") from None
    return text


def _check_not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("is empty (only spaces); write the text" if text else "is empty; write the text")
    return text


def _check_one_line(text: str) -> str:
    if any(character in text for character in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"):
        raise ValueError("has a line break; write it on one line (it becomes a subject line and a heading)")
    return _check_not_blank(text)


def _check_id(text: str) -> str:
    if not is_id(text):
        raise ValueError(f"{text!r} is not a valid id; use lowercase letters, digits and dashes, like card-payments")
    return text


# Times a status page can mean: anything else is a typo, and the far ends of the calendar (year 1, year 9999)
# cannot even be shown in every time zone.
EARLIEST_YEAR, LATEST_YEAR = 1970, 2999


def is_plausible_time(moment: dt.datetime) -> bool:
    return EARLIEST_YEAR <= moment.year <= LATEST_YEAR  # as written: converting year 9999 may overflow


def _check_plausible_time(moment: dt.datetime) -> dt.datetime:
    if not is_plausible_time(moment):
        raise ValueError(f"{moment.isoformat()} is not a plausible time; write a date between {EARLIEST_YEAR} and "
                         f"{LATEST_YEAR} with its UTC offset, like 2026-11-23T14:05:00+01:00")
    return moment


PhoneNumber = Annotated[str, AfterValidator(_check_phone), Field(
    description="International (E.164) phone number, spaces allowed: +1 415 555 0100",
    examples=["+1 415 555 0100"])]
EmailAddress = Annotated[str, AfterValidator(_check_email), Field(
    description="Email address", examples=["help@example.com"])]
WebUrl = Annotated[str, AfterValidator(_check_web_url), Field(
    description="Full web address starting with https://", pattern=r"^https?://")]
PagePath = Annotated[str, AfterValidator(_check_page_path), Field(
    description="Path of a page inside the content folder", pattern=r"\.md$",
    examples=["articles/reset-password.md"])]
PersonName = Annotated[str, AfterValidator(_check_person_name), Field(
    description="As customers will see it, e.g. Patty Hughes", examples=["Patty Hughes"])]
TimeZoneName = Annotated[str, AfterValidator(_check_time_zone), Field(
    description="IANA time zone name", examples=["Europe/Amsterdam"])]
MarkdownText = Annotated[str, AfterValidator(_check_not_blank), Field(description="Markdown text; raw HTML is "
                                                                                   "shown as text")]
Text = Annotated[str, AfterValidator(_check_not_blank)]  # one line or more that customers read
Line = Annotated[str, AfterValidator(_check_one_line)]  # one line customers read: a title, a subject line
Slug = Annotated[str, AfterValidator(_check_id), Field(pattern=f"^{ID_PATTERN}$",
                                                       description="Lowercase letters, digits and dashes")]
Timestamp = Annotated[AwareDatetime, AfterValidator(_check_plausible_time), Field(
    description="Date and time with its UTC offset, like 2026-11-23T14:05:00+01:00")]


# --- text in several languages --------------------------------------------------------------------------
# A text customers read may be written once (in the site's default language) or as a map of language codes,
# `{en: ..., de: ...}`. Which codes are allowed is the site's `languages` option, passed to validation as
# context (see core/validate.load_model); without it any code is taken and the first one is the default.

ONE_LANGUAGE, SEVERAL_LANGUAGES = "one language", "several languages"  # union tags; never a field name


class Translated(TextWith):
    """A text in the site's default language (the string itself, so every reader of the field keeps working),
    with its translations by language code (part of what it equals)."""

    translations: dict[str, str]

    def __new__(cls, text: str, translations: dict[str, str] | None = None) -> Self:
        translated = super().__new__(cls, text)
        translated.translations = dict(translations or {})
        return translated

    def in_language(self, language: str) -> str | None:
        """The text as written in `language` (the default language's is the string itself); None if untranslated."""
        return self.translations.get(language)

    def more(self) -> tuple:
        return tuple(sorted(self.translations.items()))


def site_languages(info: ValidationInfo) -> tuple[str, ...] | None:
    """The site's languages, default first, as the loader passed them; None when validating without a site."""
    context = info.context if isinstance(info.context, dict) else {}
    languages = context.get("languages")
    return tuple(languages) if languages else None


def _check_language_code(code: str, info: ValidationInfo) -> str:
    return check_language_code(code, site_languages(info))


def check_language_code(code: str, languages: tuple[str, ...] | None) -> str:
    """`code`, if it is one of the site's `languages` (any, when None)."""
    if languages is not None and code not in languages:
        raise ValueError(f"'{code}' is not one of the site's languages ({', '.join(languages)}); "
                         + suggest(code, languages, "correct it, or add it to `languages` under the supporttab "
                                                    "plugin in mkdocs.yml"))
    return code


def _as_translated(value: str | dict[str, str], info: ValidationInfo) -> Translated:
    return as_translated(value, site_languages(info))


def as_translated(value: str | dict[str, str], languages: tuple[str, ...] | None, *, what: str = "the text",
                  example: str = "{en: ..., de: ...}") -> Translated:
    """A text written once, or once per language (the site's `languages`, default first; without them, the first
    written is the default)."""
    if isinstance(value, str):
        return Translated(value)
    if not value:  # `{}`: no language to fall back to
        raise ValueError(f"is empty; write {what}, or {what} in each language, like {example}")
    languages = languages or tuple(value)
    default = languages[0]
    if default not in value:
        raise ValueError(f"has no text in '{default}', the site's default language; add a line `{default}: ...` "
                         "under it, the text the other languages fall back to")
    return Translated(value[default], {code: text for code, text in value.items() if code != default})


def _which_form(value: object) -> str:
    return SEVERAL_LANGUAGES if isinstance(value, dict) else ONE_LANGUAGE


LANGUAGE_CODE_PATTERN = r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*"  # as core/i18n.LANGUAGE_TAG
LanguageCode = Annotated[str, AfterValidator(_check_language_code)]


def translatable(text_type: Any, description: str) -> Any:
    """`text_type` written once, or once per language as `{en: ..., de: ...}`; validated into a `Translated`."""
    text = Annotated[text_type, Field(min_length=1)]
    several = Annotated[dict[LanguageCode, text], Field(json_schema_extra={  # an empty map: no default language
        "minProperties": 1, "propertyNames": {"pattern": f"^{LANGUAGE_CODE_PATTERN}$"}})]
    return Annotated[
        Annotated[text, Tag(ONE_LANGUAGE)] | Annotated[several, Tag(SEVERAL_LANGUAGES)],
        Discriminator(_which_form), AfterValidator(_as_translated),
        Field(description=f"{description}; or the same text in each of the site's languages, like "
                          "{en: ..., de: ...}")]


TranslatedMarkdown = translatable(MarkdownText, "Markdown text; raw HTML is shown as text")
TranslatedLine = translatable(Line, "One line of text")
TranslatedText = translatable(Text, "Text")
