"""Status authoring: components, groups and regions (`incidents/components.yml`), incidents and maintenance."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..core.fields import (
    Line,
    Slug,
    Strict,
    Timestamp,
    TranslatedLine,
    TranslatedMarkdown,
    TranslatedText,
)
from ..core.rules import unknown_rule
from ..core.vocabulary import (
    COMPONENT_STATUSES,
    IMPACTS,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    SOURCES,
)


def _check_lint_ignore(ignored: dict[str, str]) -> dict[str, str]:
    for rule, reason in ignored.items():
        if unknown_rule(rule):
            raise ValueError(unknown_rule(rule))
        if len(reason.split()) < 3:
            raise ValueError(f"ignoring {rule} needs a written reason, not {reason!r}; say in a few words why")
    return ignored


LintIgnore = Annotated[dict[str, str], AfterValidator(_check_lint_ignore), Field(
    description="Rules not to apply to this file, each with the reason why")]


Impact = Literal[IMPACTS]
ComponentStatus = Literal[COMPONENT_STATUSES]
IncidentStatus = Literal[INCIDENT_STATUSES]
MaintenanceStatus = Literal[MAINTENANCE_STATUSES]


# --- components.yml -------------------------------------------------------------------------------------


class Region(Strict):
    id: Slug
    name: TranslatedLine
    places: list[Line] = Field(default_factory=list, description="Other names customers use for places in it, "
                                                                  "e.g. [Glasgow, Edinburgh]; the linter reads them")


class Component(Strict):
    id: Slug
    name: TranslatedLine
    description: TranslatedText | None = None
    regions: list[Slug] = Field(default_factory=list, description="Regions it runs in; empty means all")

    @field_validator("description", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        """`description: ""` was always accepted as no description; a description is optional."""
        return None if isinstance(value, str) and not value.strip() else value


class ComponentGroup(Strict):
    id: Slug
    name: TranslatedLine
    components: list[Component] = Field(min_length=1)


class Components(Strict):
    """Everything the status page reports on, declared once."""

    regions: list[Region] = Field(default_factory=list)
    groups: list[ComponentGroup] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list, description="Components outside any group")

    @property
    def all(self) -> list[Component]:
        """Every component, grouped ones first in their group order, then the ungrouped."""
        return [c for group in self.groups for c in group.components] + list(self.components)

    @model_validator(mode="after")
    def _something_to_report(self) -> Components:
        if not self.groups and not self.components:
            raise ValueError("declare at least one component, under `components:` or inside a group")
        return self


# --- incidents/<id>.yml ---------------------------------------------------------------------------------


class IncidentUpdate(Strict):
    at: Timestamp = Field(description="When this update was published")
    status: IncidentStatus
    body: TranslatedMarkdown = Field(description="What customers need to know, in Markdown")
    author: str = Field(min_length=1, description="Who wrote it; customers relate to a name")
    components: dict[Slug, ComponentStatus] = Field(default_factory=dict,
                                                    description="Component states from this update on")
    next_update_by: Timestamp | None = Field(None, description="When customers will hear from us next")
    correction: bool = Field(False, description="Corrects an earlier update; published updates never change")


class Postmortem(Strict):
    published_at: Timestamp
    author: str = Field(min_length=1)
    apology: TranslatedMarkdown = Field(description="Saying sorry, and for what")
    cause: TranslatedMarkdown = Field(description="How it came about and how it was handled")
    prevention: TranslatedMarkdown = Field(description="What changes so it does not happen again")


class Incident(Strict):
    title: TranslatedLine
    impact: Impact
    source: Literal[SOURCES] | None = Field(None, description="Where the cause lay")
    started_at: Timestamp | None = Field(None, description="When customers were first affected, if before "
                                                           "the first update")
    components: list[Slug] = Field(min_length=1, description="Affected components")
    regions: list[Slug] = Field(default_factory=list, description="Affected regions; empty means all")
    updates: list[IncidentUpdate] = Field(min_length=1, description="Oldest first; the first is the "
                                                                   "public acknowledgement")
    workaround: TranslatedMarkdown | None = Field(None, description="What customers can do meanwhile, in "
                                            "Markdown; shown at the top of the pages while the incident is open")
    postmortem: Postmortem | None = None
    lint_ignore: LintIgnore = Field(default_factory=dict)


# --- incidents/maintenance/<id>.yml ---------------------------------------------------------------------


class MaintenanceUpdate(Strict):
    at: Timestamp
    status: MaintenanceStatus
    body: TranslatedMarkdown
    author: str = Field(min_length=1)
    correction: bool = False


class Maintenance(Strict):
    title: TranslatedLine
    scheduled_for: Timestamp
    scheduled_until: Timestamp
    components: list[Slug] = Field(min_length=1)
    regions: list[Slug] = Field(default_factory=list)
    updates: list[MaintenanceUpdate] = Field(min_length=1)
    lint_ignore: LintIgnore = Field(default_factory=dict)

    @field_validator("scheduled_until")
    @classmethod
    def _ends_after_it_starts(cls, until: dt.datetime, info: ValidationInfo) -> dt.datetime:
        start = info.data.get("scheduled_for")
        if start is not None and until <= start:
            raise ValueError(f"the maintenance ends before it starts ({start.isoformat()}); make "
                             "scheduled_until later than scheduled_for")
        return until
