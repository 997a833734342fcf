"""Plugin options, as written under `plugins: - supporttab:` in mkdocs.yml (shared with the CLI)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .core.fields import Strict, TimeZoneName
from .core.rules import RULES, unknown_rule
from .core.timefmt import parse_duration


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
