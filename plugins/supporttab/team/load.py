"""Loading `team/`: one file per member, and where each publishable photo is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.paths import shown_path
from ..core.problems import Problem, suggest
from ..core.validate import load_model
from ..core.vocabulary import is_id
from ..core.yamlread import YamlDocument
from .model import Member

AVATAR_FALLBACK = "; until then the initials avatar is shown"


@dataclass(frozen=True)
class PhotoSource:
    """A photo cleared for publishing: inside team/, present, with a release on file."""

    path: Path
    problem_at: Problem  # where to point a later warning about this photo (file, line, column, field)


@dataclass(frozen=True)
class TeamData:
    members: dict[str, Member]  # id -> member, in page order
    photos: dict[str, PhotoSource] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # photos that fall back to the initials avatar
    ids: frozenset[str] = frozenset()  # every member file's id, valid or not: a typo in one is its own error,
    # not one more in every incident that member signed

    def suggest(self, name: str) -> str:
        return suggest(name.lower(), self.members, "use the file name of a member in team/, without .yml")


def load_team(root: Path, folder: Path, languages: tuple[str, ...] | None = None
              ) -> tuple[TeamData | None, list[Problem]]:
    """(team, errors); (None, []) when the site has no team folder. Photo problems are warnings, not errors.
    `languages`, the site's (default first), are those a translated text may use."""
    if not folder.is_dir():
        return None, []
    members: dict[str, Member] = {}
    photos: dict[str, PhotoSource] = {}
    warnings: list[Problem] = []
    errors: list[Problem] = []
    ids: set[str] = set()
    github: dict[str, str] = {}  # username (lowercase) -> the member who has it
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()):
        shown = shown_path(root, path)
        if not is_id(path.stem) or path.stem in members:
            errors.append(Problem(shown, 1, 1, "", f"'{path.name}' does not make a unique member id; name the file "
                                                   "after the person in lowercase, like patty.yml"))
            continue
        ids.add(path.stem)
        member, doc = load_model(path, shown, Member, languages=languages)
        errors += doc.problems
        if member is None:
            continue
        members[path.stem] = member
        if member.github:  # it decides who signs a post from the workflow, so it must name one member
            owner = github.setdefault(member.github.lower(), path.stem)
            if owner != path.stem:
                errors.append(doc.problem(("github",), f"{owner} already has the GitHub username '{member.github}'; "
                                          "a post from the workflow must be signed by one person, so keep it in "
                                          "the file of the person it belongs to", field_name="github"))
        if member.photo:
            photo, warning = _publishable_photo(folder, member, doc)
            if photo:
                photos[path.stem] = photo
            if warning:
                warnings.append(warning)
    ordered = dict(sorted(members.items(), key=lambda item: (item[1].order, item[1].name.casefold(), item[0])))
    return TeamData(ordered, photos, warnings, frozenset(ids)), errors


def _publishable_photo(folder: Path, member: Member, doc: YamlDocument) -> tuple[PhotoSource | None, Problem | None]:
    at = doc.problem(("photo",), "", field_name="photo")
    relative = PurePosixPath(member.photo)
    avatar = AVATAR_FALLBACK
    if relative.is_absolute() or ".." in relative.parts or "\\" in member.photo:
        return None, _say(at, f"the photo path '{member.photo}' leaves the team folder; put the photo inside team/ "
                              f"and give its path from there{avatar}")
    path = folder / relative
    if not path.resolve().is_relative_to(folder.resolve()):  # a link, or a linked folder on the way
        return None, _say(at, f"the photo '{member.photo}' leads outside the team folder through a link; copy "
                              f"the photo itself into team/{avatar}")
    if not path.is_file():
        return None, _say(at, f"the photo '{member.photo}' does not exist in team/; check the file name{avatar}")
    if member.photo_release is None:
        return None, _say(at, "there is no photo_release, so the photo is not published; add photo_release with the "
                              f"date and reference of the signed release{avatar}")
    return PhotoSource(path.resolve(), at), None


def _say(at: Problem, message: str) -> Problem:
    return Problem(at.file, at.line, at.column, at.field, message)

