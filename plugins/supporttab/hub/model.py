"""The support hub (`content/hub.yml`): help myself, help from others, help from us.

Every text customers read here may be written once or once per language (`{en: ..., de: ...}`); names of
things (the organization), addresses, numbers and links are written once. Our defaults (`OurWords`) are said in
the language of each page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from ..core.fields import (
    EmailAddress,
    PagePath,
    PhoneNumber,
    Strict,
    Text,
    TimeZoneName,
    TranslatedMarkdown,
    TranslatedText,
    WebUrl,
)
from ..core.i18n import N_, OurWords
from ..core.spoken import SpokenLanguages, site_default

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_RANGE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)")
_HOURS_HINT = "write it like 09:00-17:30, or 09:00-12:00, 13:00-17:00, or closed"


def _parse_day_hours(value: object) -> tuple[tuple[str, str], ...]:
    """'09:00-12:00, 13:00-17:30' -> (('09:00', '12:00'), ('13:00', '17:30')); 'closed' -> ()."""
    if not isinstance(value, str):
        raise ValueError(f"expected opening hours as text; {_HOURS_HINT}")
    if value.strip().lower() == "closed":
        return ()
    ranges = []
    for part in value.split(","):
        match = _RANGE.fullmatch(part.strip())
        if not match or (match[3], match[4]) <= (match[1], match[2]) or (match[3] == "24" and match[4] != "00"):
            raise ValueError(f"{value!r} is not a list of opening hours; {_HOURS_HINT}")
        ranges.append((f"{match[1]}:{match[2]}", f"{match[3]}:{match[4]}"))
    ranges.sort()
    if any(later[0] < earlier[1] for earlier, later in zip(ranges, ranges[1:])):
        raise ValueError(f"{value!r} has overlapping opening hours; {_HOURS_HINT}")
    return tuple(ranges)


DayHours = Annotated[
    tuple[tuple[str, str], ...],
    BeforeValidator(_parse_day_hours),
    WithJsonSchema({"type": "string", "description": "Opening hours that day: 09:00-17:30, several ranges "
                    "separated by commas, or closed", "examples": ["09:00-17:30", "closed"]}),
]


class Organization(Strict):
    name: Text = Field(description="Company name, as customers know it")
    url: WebUrl | None = Field(None, description="The company's main website")
    area_served: list[str] = Field(default_factory=list, description="Countries or regions served, e.g. US, NL")


class GuideLink(Strict):
    """A link to a guide: a page of this site (`page`) or a web address (`url` with a `title`)."""

    page: PagePath | None = None
    url: WebUrl | None = None
    title: TranslatedText | None = Field(None, description="Link text; defaults to the page's title")
    description: TranslatedText | None = Field(None, description="One line on what the guide helps with")

    @model_validator(mode="after")
    def _one_target(self) -> GuideLink:
        if (self.page is None) == (self.url is None):
            raise ValueError("give either `page` (a page of this site) or `url` (a web address), not both")
        if self.url and not self.title:
            raise ValueError("a link to a web address needs a `title`, the text customers click")
        return self


class Popular(Strict):
    """The most visited help articles: pins first, then the page-view export, highest first."""

    count: int = Field(5, ge=1, le=20, description="How many articles to list")
    pins: list[PagePath] = Field(default_factory=list, description="Pages always listed first, in this order")
    page_views: str | None = Field(None, description="CSV export with columns path,views, next to hub.yml",
                                   pattern=r"\.csv$")


class HelpMyself(Strict):
    title: TranslatedText = Field(default_factory=lambda: OurWords(N_("Help myself")),
                                  description='The heading; default: "Help myself" in the language of the page')
    intro: TranslatedMarkdown | None = None
    search_label: TranslatedText = Field(default_factory=lambda: OurWords(N_("Search the help articles")),
                                         description="Label of the search box; default: \"Search the help "
                                                     "articles\" in the language of the page")
    popular: Popular = Popular()
    guides: list[GuideLink] = Field(default_factory=list)


class Community(Strict):
    name: TranslatedText
    url: WebUrl
    description: TranslatedText | None = None
    expect: TranslatedText = Field(description="What to expect there, e.g. how fast people answer")


class HelpFromOthers(Strict):
    title: TranslatedText = Field(default_factory=lambda: OurWords(N_("Help from others")),
                                  description='The heading; default: "Help from others" in the language of the page')
    intro: TranslatedMarkdown | None = None
    communities: list[Community] = Field(min_length=1)


class Closure(Strict):
    date: dt.date = Field(description="A day the team is closed, like 2026-12-25")
    name: TranslatedText = Field(description="Why, e.g. Christmas Day")


class OpeningHours(Strict):
    timezone: TimeZoneName
    weekly: dict[Weekday, DayHours] = Field(description="Hours per weekday; a missing day is closed")
    closures: list[Closure] = Field(default_factory=list, description="Holidays and other closed days")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


_CHANNEL_TARGET = {"phone": "phone", "email": "email", "chat": "url", "form": "url"}


class Channel(Strict):
    kind: Literal["phone", "email", "chat", "form"]
    label: TranslatedText = Field(description="What customers see, e.g. Phone (US and Canada)")
    phone: PhoneNumber | None = None
    email: EmailAddress | None = None
    url: WebUrl | None = None
    reply_time: TranslatedText = Field(description="Expected reply time, e.g. 'Answered within 2 minutes'")
    live: bool | None = Field(None, description="Staffed during opening hours (default for phone and chat)")
    contact_type: str = Field("customer support", description="schema.org contactType")
    languages: SpokenLanguages = Field(default_factory=site_default, min_length=1, description=(
        "Languages spoken, as codes like [en, fr] (or English names); default: the site's language"))
    area_served: list[str] = Field(default_factory=list, description="Countries served; default: all")

    @model_validator(mode="after")
    def _target_matches_kind(self) -> Channel:
        wanted = _CHANNEL_TARGET[self.kind]
        examples = {"phone": "phone: +1 415 555 0100", "email": "email: help@example.com",
                    "url": "url: https://example.com/chat"}
        if getattr(self, wanted) is None:
            raise ValueError(f"{_article(self.kind)} {self.kind} channel needs `{wanted}`; add it, like "
                             f"`{examples[wanted]}`")
        extra = [name for name in ("phone", "email", "url") if name != wanted and getattr(self, name)]
        if extra:
            raise ValueError(f"{_article(self.kind)} {self.kind} channel takes `{wanted}`, not `{extra[0]}`; make "
                             "it a channel of its own")
        return self

    @property
    def is_live(self) -> bool:
        return self.live if self.live is not None else self.kind in ("phone", "chat")


class HelpFromUs(Strict):
    title: TranslatedText = Field(default_factory=lambda: OurWords(N_("Help from us")),
                                  description='The heading; default: "Help from us" in the language of the page')
    intro: TranslatedMarkdown | None = None
    hours: OpeningHours
    channels: list[Channel] = Field(min_length=1)


class Hub(Strict):
    """The support hub, the site's landing page."""

    organization: Organization
    title: TranslatedText = Field(default_factory=lambda: OurWords(N_("How can we help?")),
                                  description="The hub's heading; default: \"How can we help?\" in the language "
                                              "of the page")
    description: TranslatedText = Field(description="One sentence for search engines and link previews")
    intro: TranslatedMarkdown | None = None
    help_myself: HelpMyself
    help_from_others: HelpFromOthers
    help_from_us: HelpFromUs
