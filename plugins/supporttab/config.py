"""Plugin options, as written under `plugins: - supporttab:` in mkdocs.yml (shared with the CLI)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from .core.fields import Strict, TimeZoneName
from .core.problems import format_field_path, suggest
from .core.rules import RULES, unknown_rule
from .core.timefmt import parse_duration
from .core.validate import explain_error


class LintSetting(Strict):
    severity: Literal["error", "warning", "off"] | None = None
    limit: str | None = Field(None, description="For rules with a time limit: 30m, 2h, 5d")

    @field_validator("limit")
    @classmethod
    def _duration(cls, limit: str | None) -> str | None:
        if limit is not None:
            parse_duration(limit)
        return limit


class Options(Strict):
    enabled: bool = Field(True, description="Turn the plugin off without removing its settings")
    hub: str = Field("content/hub.yml", description="The support hub file, relative to mkdocs.yml")
    team_dir: str = Field("team", description="Folder of team member files, relative to mkdocs.yml")
    incidents_dir: str = Field("incidents", description="Folder of incident files, relative to mkdocs.yml")
    timezone: TimeZoneName = Field("UTC", description="The site's time zone, shown beside every time")
    timezone_label: str | None = Field(None, min_length=1, max_length=40, description='What pages call the time '
                                       'zone, like "UK time"; by default its city, like "London time"')
    allow_html: bool = Field(False, description="Let Markdown in YAML files contain raw HTML")
    cache_dir: str = Field(".supporttab-cache", description="Folder for processed headshots, relative to "
                                                           "mkdocs.yml; CI can keep it between builds")
    headshot_width: int = Field(240, ge=64, le=1024, description="Headshot width in CSS pixels (4:5 portrait)")
    headshot_background: str = Field("#dde3ea", pattern=r"^#[0-9a-fA-F]{6}$",
                                     description="Background colour behind every headshot, like #dde3ea")
    max_photo_pixels: int = Field(40_000_000, ge=1_000_000, le=150_000_000, description="Larger photos are refused")
    lint: dict[str, LintSetting] = Field(default_factory=dict, description="Per-rule severity and limit for "
                                                                           "`supporttab check`")

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


def option_problems(error: ValidationError, config_text: str) -> list[tuple[str, str]]:
    """(option, 'mkdocs.yml:line:column: what is wrong; how to fix') for each problem with the options; an
    unknown option gets the closest known one."""
    problems = []
    for detail in error.errors(include_url=False):
        path = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden" and len(path) == 1:
            known = list(Options.model_fields)
            message = f"'{path[0]}' is not a Support Tab option; " + suggest(str(path[0]), known, "the options are "
                                                                             + ", ".join(known))
        else:
            message = explain_error(detail)
        line, column = _option_position(config_text, path)
        problems.append((format_field_path(path), f"mkdocs.yml:{line}:{column}: {message}"))
    return problems


def _option_position(config_text: str, path: tuple) -> tuple[int, int]:
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
