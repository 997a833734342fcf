"""Plugin options, as written under `plugins: - supporttab:` in mkdocs.yml (shared with the CLI)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .core.fields import (
    EmailAddress,
    Slug,
    Strict,
    TimeZoneName,
    Translated,
    WebUrl,
    as_translated,
    check_language_code,
)
from .core.i18n import LANGUAGE_TAG, site_language_tag
from .core.problems import format_field_path, suggest
from .core.rules import RULES, unknown_rule
from .core.timefmt import parse_duration
from .core.validate import explain_error


ZoneLabel = Annotated[str, Field(min_length=1, max_length=40)]


def _refuse_yaml_boolean(value: object) -> None:
    """MkDocs reads mkdocs.yml as YAML 1.1, where a bare no (Norwegian's code), off, yes or on is true or false."""
    if value is False:
        raise ValueError("YAML reads a bare no (or off) as false, not as a language; write Norwegian's code in "
                         "quotes: 'no'")
    if value is True:
        raise ValueError("YAML reads a bare yes (or on) as true, not as a language; write the language's code in "
                         "quotes, like 'de'")


class LintSetting(Strict):
    severity: Literal["error", "warning", "off"] | None = None
    limit: str | None = Field(None, description="For rules with a time limit: 30m, 2h, 5d")

    @field_validator("limit")
    @classmethod
    def _duration(cls, limit: str | None) -> str | None:
        if limit is not None:
            parse_duration(limit)
        return limit


CHANNEL_TYPES = ("webhook", "slack", "teams", "discord", "google_chat", "mastodon", "bluesky", "email")


def _check_env_name(name: str) -> str:
    if not re.fullmatch(r"[A-Z_][A-Z0-9_]*", name):
        raise ValueError(f"{name!r} is not the name of an environment variable; write the variable's name in "
                         "capitals, like SLACK_WEBHOOK_URL, and keep the secret itself out of mkdocs.yml")
    return name


EnvName = Annotated[str, AfterValidator(_check_env_name)]


def _env(what: str, **default):
    """A field naming the environment variable that holds a secret: the secret itself never sits in mkdocs.yml."""
    return Field(**default, description=f"Name of the environment variable holding {what}, like "
                                        "SLACK_WEBHOOK_URL (the value itself never goes in mkdocs.yml)")


KIND_NAMES = {"webhook": "Webhook", "slack": "Slack", "teams": "Microsoft Teams", "discord": "Discord",
              "google_chat": "Google Chat", "mastodon": "Mastodon", "bluesky": "Bluesky", "email": "Email"}


@dataclass(frozen=True)
class UpdateChannel:
    """A configured channel as customers may see it on a "Get updates" page: no address that is a secret."""

    kind: str  # the channel's type, like mastodon
    kind_name: str  # as people say it, like Microsoft Teams
    name: str  # the site's own name for it
    link: str | None  # where to follow or join it, when the site says
    components: tuple[str, ...]
    regions: tuple[str, ...]
    impacts: tuple[str, ...]


class Channel(Strict):
    """Where `supporttab notify` announces updates; `components`, `regions` and `impacts` narrow what it takes
    (empty: everything)."""

    name: Slug | None = Field(None, description="A short name for this channel in summaries; default: its type")
    subscribe: WebUrl | None = Field(None, description="Where customers follow or join this channel (a profile, "
                                                       "a community, a mailing list's sign-up page), for the "
                                                       "site's Get updates list")
    components: list[Slug] = Field(default_factory=list, description="Only updates affecting these components")
    regions: list[Slug] = Field(default_factory=list, description="Only updates affecting these regions")
    impacts: list[Literal["none", "minor", "major", "critical", "maintenance"]] = Field(
        default_factory=list, description="Only incidents of these impacts (maintenance for planned work)")

    @property
    def label(self) -> str:
        return self.name or self.type  # type: ignore[attr-defined]

    def for_customers(self) -> UpdateChannel:
        kind = self.type  # type: ignore[attr-defined]
        return UpdateChannel(kind, KIND_NAMES[kind], self.label, self.subscribe or self._public_link(),
                             tuple(self.components), tuple(self.regions), tuple(self.impacts))

    def _public_link(self) -> str | None:
        return None


class WebhookChannel(Channel):
    type: Literal["webhook"]
    url: WebUrl | None = Field(None, description="Where to POST the Statuspage-shaped JSON (public: shown in the "
                                                 "pull request's dry run)")
    url_env: EnvName | None = _env("the address, when it holds a token (use instead of url)", default=None)
    secret_env: EnvName | None = _env("the shared secret that signs each request (HMAC-SHA256)", default=None)

    @field_validator("url_env")
    @classmethod
    def _one_address(cls, name: str | None, info) -> str | None:
        if name and info.data.get("url"):
            raise ValueError("give the address once: either url (public) or url_env (secret), not both")
        return name

    @model_validator(mode="after")
    def _an_address(self) -> WebhookChannel:
        if not self.url and not self.url_env:
            raise ValueError("a webhook needs an address: url (public) or url_env (the name of the environment "
                             "variable that holds it)")
        return self


class ChatChannel(Channel):
    """Slack, Microsoft Teams, Discord and Google Chat take a secret incoming-webhook address."""

    type: Literal["slack", "teams", "discord", "google_chat"]
    url_env: EnvName = _env("the incoming webhook's address")


class MastodonChannel(Channel):
    type: Literal["mastodon"]
    instance: WebUrl = Field(description="Your Mastodon server, like https://mastodon.social")
    token_env: EnvName = _env("an access token with the write:statuses scope")


class BlueskyChannel(Channel):
    type: Literal["bluesky"]
    service: WebUrl = Field("https://bsky.social", description="Your account's PDS (default https://bsky.social)")
    handle: str = Field(min_length=3, description="The account, like brightwell.bsky.social")
    password_env: EnvName = _env("an app password (Settings, Privacy and security, App passwords)")

    def _public_link(self) -> str | None:
        return f"https://bsky.app/profile/{self.handle}"


class EmailChannel(Channel):
    type: Literal["email"]
    host: str = Field(min_length=1, description="SMTP server, like smtp.example.com")
    port: int = Field(587, ge=1, le=65535, description="587 for STARTTLS (the default)")
    starttls: bool = Field(True, description="Encrypt with STARTTLS before logging in; false only for a local relay")
    sender: EmailAddress = Field(description="The From address, like status@example.com")
    to: list[EmailAddress] = Field(min_length=1, description="Addresses or mailing lists to send to")
    username_env: EnvName | None = _env("the SMTP user name", default=None)
    password_env: EnvName | None = _env("the SMTP password", default=None)

    @field_validator("username_env", "password_env")
    @classmethod
    def _no_login_in_the_clear(cls, name: str | None, info) -> str | None:
        if name and info.data.get("starttls") is False:
            raise ValueError("a login with starttls: false would send the password unencrypted; remove "
                             "`starttls: false` (a login needs STARTTLS) or the login, for a local relay")
        return name


AnyChannel = Annotated[WebhookChannel | ChatChannel | MastodonChannel | BlueskyChannel | EmailChannel,
                       Field(discriminator="type")]


class Options(Strict):
    enabled: bool = Field(True, description="Turn the plugin off without removing its settings")
    hub: str = Field("content/hub.yml", description="The support hub file, relative to mkdocs.yml")
    team_dir: str = Field("team", description="Folder of team member files, relative to mkdocs.yml")
    incidents_dir: str = Field("incidents", description="Folder of incident files, relative to mkdocs.yml")
    timezone: TimeZoneName = Field("UTC", description="The site's time zone, shown beside every time")
    language: str | None = Field(None, description="The language Support Tab writes in, like de or pt-BR; "
                                                   "default: theme.language")
    languages: list[str] = Field(default_factory=list, description="The languages authored texts may be written "
                                 "in, the default first, like [en, de]; default: only the site's language")
    # After `languages`, which its translations are checked against.
    timezone_label: ZoneLabel | dict[str, ZoneLabel] | None = Field(
        None, description='What pages call the time zone, like "UK time"; or the same in each of the site\'s '
                          'languages, like {en: UK time, de: britische Zeit}; by default its city, like "London time"')
    allow_html: bool = Field(False, description="Let Markdown in YAML files contain raw HTML")
    cache_dir: str = Field(".supporttab-cache", description="Folder for processed headshots, relative to "
                                                           "mkdocs.yml; CI can keep it between builds")
    headshot_width: int = Field(240, ge=64, le=1024, description="Headshot width in CSS pixels (4:5 portrait)")
    headshot_background: str = Field("#dde3ea", description="Background behind every headshot: a colour like "
                                     "#dde3ea, or two for a soft gradient from top to bottom, like '#eef2f6 #c9d3de'")
    headshot_backdrop: bool = Field(False, description="Replace each photo's own background with "
                                                       "headshot_background (needs the backdrop extra)")
    headshot_even_out: bool = Field(True, description="Even out each photo's exposure and colour so the team "
                                    "reads as one shoot; false keeps each photo's own colours, such as a sepia or "
                                    "black-and-white look chosen on purpose")
    max_photo_pixels: int = Field(40_000_000, ge=1_000_000, le=150_000_000, description="Larger photos are refused")
    lint: dict[str, LintSetting] = Field(default_factory=dict, description="Per-rule severity and limit for "
                                                                           "`supporttab check`")
    notify: list[AnyChannel] = Field(default_factory=list, description="Where `supporttab notify` announces each "
                                                                       "new update, once")

    @field_validator("headshot_background")
    @classmethod
    def _colours(cls, background: str) -> str:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}( #[0-9a-fA-F]{6})?", background):
            raise ValueError(f"{background!r} is not a colour like #dde3ea, nor two colours for a gradient from top "
                             "to bottom like '#eef2f6 #c9d3de'; write # and six hexadecimal digits for each")
        return background

    @field_validator("language", "languages", "timezone_label", mode="before")
    @classmethod
    def _no_yaml_booleans(cls, value: object) -> object:
        """A language code, each one listed, or each one a text is written in."""
        for item in value if isinstance(value, list | dict) else [value]:
            _refuse_yaml_boolean(item)
        return value

    @field_validator("language")
    @classmethod
    def _language_tag(cls, language: str | None) -> str | None:
        if language is not None and not LANGUAGE_TAG.fullmatch(language):
            raise ValueError(f"{language!r} is not a language code; write one like de, fr, ar or pt-BR")
        return language

    @field_validator("languages")
    @classmethod
    def _language_tags(cls, languages: list[str]) -> list[str]:
        for language in languages:
            cls._language_tag(language)
        twice = sorted({language for language in languages if languages.count(language) > 1})
        if twice:
            raise ValueError(f"'{twice[0]}' is listed twice; name each language once")
        return languages

    @model_validator(mode="after")
    def _one_default_language(self) -> Options:
        if self.language and self.languages and self.language != self.languages[0]:
            raise ValueError(f"language is '{self.language}' but languages starts with '{self.languages[0]}'; "
                             "remove `language` (the first of `languages` is the site's language)")
        return self

    @field_validator("timezone_label")
    @classmethod
    def _zone_label_languages(cls, label: str | dict[str, str] | None, info: ValidationInfo) -> Translated | None:
        """The label as a text in several languages, each of them one of the site's, as authored texts are (a site
        without `languages` has one: its `language`, else theme.language, passed as context where it is known)."""
        if label is None:
            return None
        context = info.context if isinstance(info.context, dict) else {}
        if info.data.get("languages"):
            languages: tuple[str, ...] | None = tuple(info.data["languages"])
        elif info.data.get("language") or THEME_LANGUAGE in context:
            languages = (site_language_tag(info.data.get("language"), context.get(THEME_LANGUAGE)),)
        else:
            languages = None  # MkDocs gives a plugin its options before the theme's; the plugin checks again later
        if isinstance(label, dict):
            for code in label:
                check_language_code(code, languages)
        return as_translated(label, languages, what="the label", example="{en: UK time, de: britische Zeit}")

    def site_languages(self, theme_language: str | None) -> tuple[str, ...]:
        """The languages authored texts may be written in, the site's own first (core.i18n.site_language_tag when
        `languages` is not set)."""
        return tuple(self.languages) or (site_language_tag(self.language, theme_language),)

    @field_validator("lint")
    @classmethod
    def _known_rules(cls, lint: dict[str, LintSetting]) -> dict[str, LintSetting]:
        for rule, setting in lint.items():
            if unknown_rule(rule):
                raise ValueError(unknown_rule(rule))
            if setting.limit and RULES[rule].limit is None:
                raise ValueError(f"the rule {rule!r} has no time limit; remove `limit` (rules with one: "
                                 f"{', '.join(r.id for r in RULES.values() if r.limit)})")
        return lint

    @property
    def update_channels(self) -> tuple[UpdateChannel, ...]:
        """The channels `notify` announces on, as a "Get updates" page lists them (never a secret)."""
        return tuple(channel.for_customers() for channel in self.notify)

    @field_validator("notify")
    @classmethod
    def _distinct_names(cls, channels: list[Channel]) -> list[Channel]:
        labels = [channel.label for channel in channels]
        twice = sorted({label for label in labels if labels.count(label) > 1})
        if twice:
            raise ValueError(f"two channels are called {twice[0]!r}; give each a different `name`")
        return channels


THEME_LANGUAGE = "theme_language"  # validation context: theme.language, which a site without `languages` speaks


def validate_options(options: dict, theme_language: object) -> Options:
    """The options as the site reads them, knowing theme.language."""
    return Options.model_validate(options, context={THEME_LANGUAGE: theme_language})


def located_option_problems(error: ValidationError, config_text: str) -> list[str]:
    """Each problem with the options as one sentence, 'mkdocs.yml:line:column: plugins.supporttab.option: what is
    wrong; how to fix', as `supporttab check` and the build say it."""
    return [message.replace(": ", f": plugins.supporttab.{option}: ", 1)
            for option, message in option_problems(error, config_text)]


def option_problems(error: ValidationError, config_text: str) -> list[tuple[str, str]]:
    """(option, 'mkdocs.yml:line:column: what is wrong; how to fix') for each problem with the options; an
    unknown option gets the closest known one."""
    problems = []
    for detail in error.errors(include_url=False):
        path = _without_channel_tag(tuple(detail["loc"]))
        if detail["type"] == "union_tag_invalid":
            tag = str(detail["ctx"]["tag"])
            message = f"{tag!r} is not a kind of channel; " + suggest(tag, CHANNEL_TYPES, "the kinds are "
                                                                      + ", ".join(CHANNEL_TYPES))
        elif detail["type"] == "extra_forbidden" and len(path) == 1:
            known = list(Options.model_fields)
            message = f"'{path[0]}' is not a Support Tab option; " + suggest(str(path[0]), known, "the options are "
                                                                             + ", ".join(known))
        else:
            message = explain_error(detail)
        line, column = option_position(config_text, path)
        problems.append((format_field_path(path), f"mkdocs.yml:{line}:{column}: {message}"))
    return problems


def _without_channel_tag(path: tuple) -> tuple:
    """('notify', 0, 'slack', 'url_env') -> ('notify', 0, 'url_env'): pydantic names the channel's type in the
    path, which is not where the author wrote it."""
    if len(path) > 2 and path[0] == "notify" and path[2] in CHANNEL_TYPES:
        return path[:2] + path[3:]
    return path


def option_position(config_text: str, path: tuple) -> tuple[int, int]:
    """Where an option is written under `- supporttab:` in mkdocs.yml, found by its key (MkDocs keeps no
    positions); the plugin's own line when the key cannot be found."""
    lines = config_text.splitlines()
    start = next((n for n, line in enumerate(lines) if re.match(r"\s*-?\s*supporttab\s*:", line)), None)
    if start is None:
        return 1, 1
    keys = [str(part) for part in path if isinstance(part, str)]
    found = (start, lines[start].index("supporttab") + 1)
    for key in keys:
        for number in range(found[0] + 1, len(lines)):
            match = re.match(rf"(\s*){re.escape(key)}\s*:", lines[number])
            if match:
                found = (number, match.end(1) + 1)
                break
    return found[0] + 1, found[1]
