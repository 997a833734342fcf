"""The site a command works on: its folder, its Support Tab options read from mkdocs.yml (without MkDocs), and
its authored files loaded for checking or for writing."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from pathspec.gitignore import GitIgnoreSpec
from pydantic import ValidationError
from yaml_env_tag import construct_env_tag

from ..config import Options, located_option_problems, validate_options
from ..core.clock import build_time
from ..core.paths import shown_path
from ..core.problems import DataError
from ..core.urls import UrlScheme
from ..core.yamlread import syntax_error
from ..site import SiteData, load_site
from ..status.load import MAINTENANCE_DIR, Pending
from .files import one_writer


class UsageError(Exception):
    """A mistake in the command line: exit code 2, with a sentence saying what to write instead."""


class Refused(Exception):
    """Invalid data, in mkdocs.yml or in what a command would write: exit code 1, with located sentences."""


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does where it matters to us (`!ENV` takes the environment's value, with its
    default), ignoring the tags that matter only to MkDocs (`!!python/name:`)."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_constructor("!ENV", construct_env_tag)


@dataclass(frozen=True)
class Site:
    root: Path
    docs_dir: Path
    options: Options
    url: str
    urls: UrlScheme = UrlScheme()
    published: frozenset[str] | None = None  # the pages `mkdocs build` publishes from docs_dir
    name: str = ""  # site_name, as feeds and the API print it
    language: str = "en"  # the site's (core.i18n.site_language_tag): posts are tagged with it, its texts linted in it
    languages: tuple[str, ...] = ("en",)  # authored texts may be written in these, the site's language first

    @property
    def incidents(self) -> Path:
        return self.root / self.options.incidents_dir

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.options.timezone)

    def now(self) -> dt.datetime:
        return build_time().astimezone(self.zone).replace(microsecond=0)

    def load(self, *, keep_documents: bool = False, pending: Pending | None = None) -> SiteData:
        return load_site(self.root, self.docs_dir, self.options, build_time(), keep_documents=keep_documents,
                         published=self.published, pending=pending, languages=self.languages)

    def as_if_written(self, path: Path, data: bytes) -> tuple[SiteData | None, list[str]]:
        """The site as it would be if `path` held `data` (positions kept, for the linter), and the problems `path`
        would have; the data is None only when the site could not be read at all."""
        shown = shown_path(self.root, path)
        try:
            return self.load(keep_documents=True, pending=(path.resolve(), data)), []
        except DataError as error:
            partial = error.partial if isinstance(error.partial, SiteData) else None
            return partial, [str(p) for p in error.problems if p.file == shown]

    def writing(self):
        """The site's posting lock, held while a command reads, checks and writes (see authoring/files.py)."""
        return one_writer(self.root / self.options.cache_dir)

    def load_for_writing(self, event_id: str | None = None) -> SiteData:
        """What a command that writes to the file of `event_id` (or a new file) needs. Problems in other files
        are mentioned, not fatal: an outage must be postable while someone's typo elsewhere waits for its fix.
        Problems in the file itself are the author's to fix first. Positions are kept, to lint the file as it is."""
        try:
            return self.load(keep_documents=True)
        except DataError as error:
            partial = error.partial
            own = {shown_path(self.root, folder / f"{event_id}{suffix}") for suffix in (".yml", ".yaml")
                   for folder in (self.incidents, self.incidents / MAINTENANCE_DIR)} if event_id else set()
            if not isinstance(partial, SiteData) or partial.status is None or any(
                    problem.file in own for problem in error.problems):
                raise
            count = len(error.problems)
            print(f"supporttab: {count} problem{'s' * (count != 1)} in other files; `supporttab check` lists "
                  "them", file=sys.stderr)
            return partial


def read_site(folder: Path) -> Site:
    """The site whose mkdocs.yml is in `folder`, with its Support Tab options."""
    config_path = folder / "mkdocs.yml"
    if not config_path.is_file():
        raise UsageError(f"no mkdocs.yml in {folder.resolve()}; run this in the site's folder or pass --site")
    try:
        text = config_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise Refused(f"mkdocs.yml:1:1: this file cannot be read ({error}); save it as UTF-8 YAML") from None
    config = _settings(text)
    options = _plugin_options(config)
    docs_dir = config.get("docs_dir") or "docs"
    if not isinstance(docs_dir, str):
        raise Refused(f"mkdocs.yml: docs_dir: expected a folder name, found {docs_dir!r}; write it like docs_dir: "
                      "content")
    try:
        parsed = validate_options(options, _theme_language(config))
    except ValidationError as error:
        raise Refused("\n".join(located_option_problems(error, text))) from None
    root = folder.resolve()
    site_url = config.get("site_url")
    docs = (root / docs_dir).resolve()
    return Site(root, docs, parsed, site_url if isinstance(site_url, str) else "",
                UrlScheme(config.get("use_directory_urls") is not False), _published_pages(docs, config),
                str(config.get("site_name") or ""), *_languages(parsed, config))


def lint_settings(options: Options) -> tuple:
    """What in mkdocs.yml decides the warnings of the rules on data: the rules' severities and limits, and the
    folder of the events they read. `check --since` lists every warning again when these changed."""
    return options.lint, options.incidents_dir


def lint_settings_in(text: str) -> tuple | None:
    """lint_settings of the mkdocs.yml `text` (such as the file at a past revision); None when it cannot be read."""
    try:
        config = _settings(text)
        return lint_settings(validate_options(_plugin_options(config), _theme_language(config)))
    except (Refused, ValidationError):
        return None


def _settings(text: str) -> dict:
    """The text of mkdocs.yml as settings, read as MkDocs reads them where it matters to us."""
    try:
        config = yaml.load(text, Loader=_IgnoreTags) or {}
    except yaml.MarkedYAMLError as error:
        line, column, what = syntax_error(error)
        raise Refused(f"mkdocs.yml:{line}:{column}: this is not valid YAML ({what}); fix it, then run this "
                      "again") from None
    except yaml.YAMLError as error:
        raise Refused(f"mkdocs.yml:1:1: this file cannot be read ({error}); save it as UTF-8 YAML") from None
    if not isinstance(config, dict):
        raise Refused("mkdocs.yml:1:1: expected settings like `site_name: ...`, found something else; fix the file")
    return config


def _languages(options: Options, config: dict) -> tuple[str, tuple[str, ...]]:
    """The site's language and every language its texts may be written in, as the build works them out."""
    languages = options.site_languages(_theme_language(config))
    return languages[0], languages


def _theme_language(config: dict) -> object:
    theme = config.get("theme")
    return theme.get("language") if isinstance(theme, dict) else None


def _published_pages(docs_dir: Path, config: dict) -> frozenset[str]:
    """The Markdown pages `mkdocs build` publishes, worked out as MkDocs does without importing it: its default
    exclusions, then exclude_docs and draft_docs as gitignore patterns, and index.md over a README.md beside it.
    So `check` refuses a hub link to a page the build leaves out, as the build does."""
    def patterns(value: object) -> list[str]:
        return value.splitlines() if isinstance(value, str) else []

    excluded = GitIgnoreSpec.from_lines([".*", "/templates/", *patterns(config.get("exclude_docs"))])
    drafts = GitIgnoreSpec.from_lines(patterns(config.get("draft_docs")))
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")} if docs_dir.is_dir() else set()
    pages = {page for page in pages if not excluded.match_file(page) and not drafts.match_file(page)}
    readmes = {page for page in pages if page.rsplit("/", 1)[-1].lower() == "readme.md"
               and f"{page[:-len('readme.md')]}index.md" in pages}
    return frozenset(pages - readmes)


def _plugin_options(config: dict) -> dict:
    """What mkdocs.yml says under `- supporttab:`, as MkDocs reads it (`enabled` is MkDocs' own switch)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (entry, None)
        for entry in plugins if isinstance(entry, (str, dict))]
    for name, options in entries:
        if name == "supporttab":
            if options is not None and not isinstance(options, dict):
                raise Refused(f"mkdocs.yml: plugins: supporttab: expected its options as `name: value` lines, found "
                              f"{options!r}; write them indented under `- supporttab:`, or leave it empty")
            options = dict(options or {})
            options.pop("enabled", None)
            return options
    return {}

