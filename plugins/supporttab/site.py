"""Everything authored for a site, loaded, validated and cross-checked in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .config import Options
from .core.paths import confined, shown_path
from .core.problems import DataError, Problem
from .core.validate import ValidatedFiles
from .hub.load import load_hub
from .hub.model import Hub
from .hub.translations import Articles, find_articles
from .status.load import Pending, StatusData, load_status
from .team.load import TeamData, load_team


@dataclass(frozen=True)
class SiteData:
    hub: Hub | None  # None only in the partial data of a DataError
    page_views: dict[str, int]
    data_files: tuple[Path, ...]  # authored data inside content/ that is not published as-is
    status: StatusData | None  # None when the site has no incidents folder
    team: TeamData | None  # None when the site has no team folder
    articles: Articles = field(default_factory=Articles)  # the Markdown pages, with the translations an author wrote


def load_site(root: Path, docs_dir: Path, options: Options, now: dt.datetime, *,
              keep_documents: bool = False, published: frozenset[str] | None = None,
              pending: Pending | None = None, validated: ValidatedFiles | None = None,
              languages: tuple[str, ...] = ("en",)) -> SiteData:
    """Load every authored file under `root` (the folder of mkdocs.yml); raise DataError listing all problems.
    `keep_documents` keeps each status file's positions, for the linter; `published` names the pages of
    docs_dir the site will publish, when the caller knows them (the hub may link only those); `pending`, a status
    file with the bytes a command is about to write to it; `validated`, the status files validated by an earlier
    load (`mkdocs serve` keeps them from one rebuild to the next); `languages`, the site's, default first."""
    hub_path = confined(root, options.hub)
    if hub_path is None or not hub_path.is_file():
        raise DataError([Problem("mkdocs.yml", 1, 1, "plugins.supporttab.hub",
                                 f"the hub file '{options.hub}' does not exist inside the site folder; create "
                                 "it or fix the path")])
    hub, page_views, data_files, problems = load_hub(root, docs_dir, hub_path, published, languages)
    team_folder = confined(root, options.team_dir)
    team, team_problems = load_team(root, team_folder, languages) if team_folder else (None, [])
    status_folder = confined(root, options.incidents_dir)
    status, status_problems = (load_status(root, status_folder, now, team, keep_documents=keep_documents,
                                           pending=pending, validated=validated, languages=languages)
                              if status_folder else (None, []))
    articles, article_problems = _articles(root, docs_dir, published, languages)
    problems += team_problems + status_problems + article_problems
    data = SiteData(hub=hub, page_views=page_views, data_files=tuple(data_files), status=status, team=team,
                    articles=articles)
    if problems:
        raise DataError(problems, partial=data)
    return data


def _articles(root: Path, docs_dir: Path, published: frozenset[str] | None, languages: tuple[str, ...]
              ) -> tuple[Articles, list[Problem]]:
    """The published Markdown pages (else every one in docs_dir) and their translations."""
    pages = published if published is not None else (
        [path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")] if docs_dir.is_dir() else [])
    inside = docs_dir.resolve().is_relative_to(root.resolve())
    return find_articles(pages, languages, shown_path(root, docs_dir) if inside else docs_dir.name)
