"""The team's cleared photos made into headshots (or fetched from the cache), for the build and for `check`."""

from __future__ import annotations

from pathlib import Path

from ..config import Options, option_position
from ..core.problems import Problem
from . import backdrop
from .headshots import Framing, Headshot, PhotoError, headshots
from .load import AVATAR_FALLBACK, TeamData


def site_framing(options: Options) -> Framing:
    return Framing(width=options.headshot_width, background=options.headshot_background,
                   backdrop=options.headshot_backdrop, even_out=options.headshot_even_out,
                   max_pixels=options.max_photo_pixels)


def make_headshots(team: TeamData, options: Options, root: Path) -> tuple[dict[str, Headshot], list[Problem]]:
    """(headshot per member id, located warnings: each photo that could not be used, and what could be better
    about one that was)."""
    jobs = {member_id: (photo.path, team.members[member_id].focus) for member_id, photo in team.photos.items()}
    results = headshots(jobs, site_framing(options), root / options.cache_dir / "headshots")
    made: dict[str, Headshot] = {}
    warnings = []
    for member_id, result in results.items():
        if isinstance(result, PhotoError):
            at = team.photos[member_id].problem_at
            warnings.append(Problem(at.file, at.line, at.column, at.field, f"{result}{AVATAR_FALLBACK}"))
        else:
            made[member_id] = result
            at = team.photos[member_id].problem_at
            warnings += [Problem(at.file, at.line, at.column, at.field, note) for note in result.warnings]
    # Each headshot says whether it is on the backdrop: loading OpenCV to ask (a third of a second) waits for a
    # headshot that is not.
    if options.headshot_backdrop and any(shot.backdrop is not True for shot in made.values()) \
            and not backdrop.available():
        warnings.append(_backdrop_missing(root))
    return made, warnings


def _backdrop_missing(root: Path) -> Problem:
    try:
        line, column = option_position((root / "mkdocs.yml").read_text(encoding="utf-8"), ("headshot_backdrop",))
    except OSError:
        line, column = 1, 1
    return Problem("mkdocs.yml", line, column, "headshot_backdrop", "the photos keep their own backgrounds: the "
                   "backdrop needs the backdrop extra (OpenCV); install it with pip install 'supporttab[backdrop]', "
                   "or set headshot_backdrop to false")
