"""What the team page and signed updates show: each person with a headshot or an initials avatar."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from ..core.i18n import AsWritten, Reading
from ..core.reading import read_in
from .load import TeamData
from .model import Member

AVATAR_COLOURS = 8  # st-avatar--0 ... st-avatar--7 in the stylesheet, each dark enough for white initials


@dataclass(frozen=True)
class Portrait:
    """A published headshot (URLs relative to the site root), or the initials avatar when there is none."""

    initials: str
    colour: int  # which of the stylesheet's avatar colours
    small_url: str | None = None
    large_url: str | None = None
    face_url: str | None = None  # the small square face that signs updates


@dataclass(frozen=True)
class Person:
    id: str
    member: Member
    portrait: Portrait
    group: str | None = None  # the group's heading in the default language: the same group in every language

    @property
    def name(self) -> str:
        return self.member.name

    @property
    def anchor(self) -> str:
        return f"member-{self.id}"


@dataclass(frozen=True)
class TeamView:
    people: dict[str, Person]  # everyone, former staff included, in page order
    portrait_size: tuple[int, int]  # every headshot's width and height in CSS pixels

    @property
    def groups(self) -> list[tuple[str | None, list[Person]]]:
        """Current staff by group, in page order, each group headed as the first member's file that translates it
        says it (any member may), else as written; former staff stay off the team page."""
        grouped: dict[str | None, list[Person]] = {}
        for person in self.people.values():
            if person.member.active:
                grouped.setdefault(person.group, []).append(person)
        return [(_heading(people), people) for people in grouped.values()]

    def person(self, member_id: str) -> Person | None:
        return self.people.get(member_id)

    def read_in(self, reading: Reading) -> TeamView:
        """The team as the page of `reading`'s language shows it: each member's texts in it, or as written."""
        return replace(self, people={member_id: replace(person, member=read_in(person.member, reading))
                                     for member_id, person in self.people.items()})


def _heading(people: list[Person]) -> str | None:
    translated = (person.member.group for person in people if not isinstance(person.member.group, AsWritten))
    return next(translated, people[0].member.group)


def build_team_view(team: TeamData, photo_urls: dict[str, tuple[str, str, str]], width: int, height: int
                    ) -> TeamView:
    """`photo_urls` maps member ids to their (1x, 2x, face) headshot URLs; the others get avatars."""
    people = {}
    for member_id, member in team.members.items():
        small, large, face = photo_urls.get(member_id, (None, None, None))
        colour = int(hashlib.sha256(member_id.encode()).hexdigest(), 16) % AVATAR_COLOURS
        group = str(member.group) if member.group is not None else None  # its translations aside
        people[member_id] = Person(member_id, member, Portrait(member.initials, colour, small, large, face), group)
    return TeamView(people, (width, height))
