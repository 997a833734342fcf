"""A team member (`team/<id>.yml`): who signs incident updates, and who is on the team page. What the team page
says of a person (role, pronouns, bio, group) may be written once per language, `{en: ..., de: ...}`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field

from ..core.fields import PersonName, Strict, TranslatedText, translatable
from ..core.spoken import SpokenLanguages


def _check_github_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", name) or len(name) > 39:
        raise ValueError(f"{name!r} is not a GitHub username; write it as it appears on github.com/USERNAME, "
                         "like patty-hughes (without @)")
    return name


GitHubName = Annotated[str, AfterValidator(_check_github_name), Field(pattern=r"^[A-Za-z0-9-]{1,39}$")]


Bio = translatable(Annotated[str, Field(max_length=400)], "One or two sentences")


class PhotoRelease(Strict):
    """The signed release that lets the site publish the photo; without it the photo is never published."""

    date: dt.date = Field(description="When the release was signed, like 2026-03-02")
    reference: str = Field(min_length=1, description="Where the signed release is kept, e.g. HR-2026-014")


class Focus(Strict):
    """Where the face is, as fractions of the upright photo; overrides face detection."""

    x: float = Field(ge=0, le=1, description="Face centre, from the left edge (0) to the right edge (1)")
    y: float = Field(ge=0, le=1, description="Face centre, from the top (0) to the bottom (1)")
    height: float = Field(gt=0, le=1, description="Face height (chin to hairline) as a share of the photo height")


class Member(Strict):
    name: PersonName
    role: TranslatedText = Field(description="e.g. Support lead")
    pronouns: TranslatedText | None = Field(None, description="e.g. she/her")
    languages: SpokenLanguages = Field(default_factory=list, description=(
        "Languages spoken with customers, as codes like [en, fr] (or English names)"))
    bio: Bio | None = Field(None, description="One or two sentences, optional")
    order: int = Field(100, description="Position on the team page: lower comes first")
    group: TranslatedText | None = Field(None, description="A heading to group members under, e.g. Support team")
    photo: str | None = Field(None, description="The photo's file, inside team/, e.g. photos/patty.jpg")
    photo_release: PhotoRelease | None = None
    focus: Focus | None = None
    github: GitHubName | None = Field(None, description="Your GitHub username, like patty-hughes: lets you post "
                                                        "status updates from the \"Post a status update\" workflow, "
                                                        "signed with your name")
    active: bool = Field(True, description="false for former staff: they keep signing old updates but leave "
                                           "the team page")

    @property
    def initials(self) -> str:
        """'Patty Hughes' -> 'PH', 'Łukasz' -> 'Ł', '王芳' -> '王芳' (CJK names are short already)."""
        words = self.name.replace("-", " ").split()
        if len(words) == 1 and ord(words[0][0]) >= 0x2E80:
            return words[0][:2]
        letters = [words[0][0]] + ([words[-1][0]] if len(words) > 1 else [])
        return "".join(letters).upper()
