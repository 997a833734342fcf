"""The MkDocs plugin: short event handlers that call the core. The only module that imports mkdocs."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import material.templates as material_templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page
from pydantic import ValidationError

from .clock import build_time
from .config import Options
from .hub import PageLink, build_hub_view
from .load import explain_error
from .markdown_text import MarkdownRenderer
from .pages import HUB_PAGE, GeneratedPage, generated_pages, status_outputs
from .problems import DataError, format_field_path
from .schemas import SCHEMA_DIR
from .site import SiteData, load_site
from .site_chrome import build_chrome
from .siteinfo import site_info
from .status import StatusIndex, build_status_index, duration_text
from .team_photos import make_headshots, site_framing
from .team_view import TeamView, build_team_view
from .timefmt import time_html

log = logging.getLogger("mkdocs.plugins.supporttab")

PACKAGE_DIR = Path(__file__).parent
SCRIPT = "supporttab.js"
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class SupportTabPlugin(BasePlugin):
    """Builds the support hub and the status pages from the authored YAML files."""

    def __init__(self) -> None:
        self.options = Options()
        self.data: SiteData | None = None
        self.status: StatusIndex | None = None
        self.team: TeamView | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.renderer = MarkdownRenderer()
        self.root = Path.cwd()
        self.now = build_time()

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list, list]:
        """Validate our options with the same model the CLI uses, so both read mkdocs.yml alike."""
        try:
            self.options = Options.model_validate(options)
        except ValidationError as error:
            return [(format_field_path(tuple(d["loc"])), explain_error(d)) for d in error.errors()], []
        self.config = self.options.model_dump()
        return [], []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.options.enabled:
            return config
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.renderer = MarkdownRenderer(allow_html=self.options.allow_html)
        _add_templates(config)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Validate before MkDocs cleans site/: invalid data leaves the last good site untouched.
        self.data = None
        if not self.options.enabled:
            return
        self.now = build_time()
        try:
            self.data = load_site(self.root, Path(config.docs_dir), self.options, self.now,
                                  published=_published_pages(config))
        except DataError as error:
            count = len(error.problems)
            raise PluginError(f"{count} problem{'s' if count > 1 else ''} in the authored files:\n{error}") from None
        self.status = self._build_status_index()

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.data is None:
            return files
        _drop_data_files(files, self.data.data_files)
        self.team = self._publish_team(files, config)
        self.pages = _add_generated_pages(files, config, generated_pages(self.data.hub, self.status,
                                                                         self.team is not None))
        if self.status is not None:
            if not config.site_url:
                log.warning("mkdocs.yml has no site_url, so feeds and the status API carry links without the "
                            "site's address; set site_url to the address the site is published at")
            site = site_info(config.site_name, config.site_url, config.site_description)
            for path, content in status_outputs(self.status, site).items():
                files.append(File.generated(config, path, content=content))
        _add_package_files(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        generated = self._generated(page)
        if generated is None:
            return None
        # mkdocs-material prints title and description without escaping: escape them here.
        page.meta.update(template=generated.template, title=escape(generated.title),
                         description=escape(generated.description), hide=list(generated.hide))
        return ""

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        generated = self._generated(page)
        if generated is not None:
            context.update(generated.context)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._generated(page) is not None:
            # Generated pages get their anchors from templates; tell MkDocs' link check about them.
            page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(_ANCHOR.findall(output))
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.data is None:
            return env
        _expose_theme_templates(env)
        zone = ZoneInfo(self.options.timezone)
        env.globals["supporttab_css"] = Markup((PACKAGE_DIR / "assets" / "supporttab.css").read_text("utf-8"))
        env.filters["st_markdown"] = self.renderer.render
        env.filters["st_markdown_inline"] = self.renderer.render_inline
        env.filters["st_time"] = lambda moment: time_html(moment, zone)
        env.filters["st_duration"] = duration_text
        env.filters["st_date"] = lambda day: f"{day:%A} {day.day} {day:%B %Y}"
        env.globals["supporttab_hub"] = build_hub_view(self.data.hub, self.data.page_views, _page_links(files),
                                                       site_url=config.site_url, now=self.now)
        env.globals["supporttab_hub_model"] = self.data.hub
        env.globals["supporttab_status"] = self.status
        env.globals["supporttab_team"] = self.team
        env.globals["supporttab"] = build_chrome(self.data.hub)
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.options.enabled:
            return server
        for path in (self.root / self.options.hub, self.root / self.options.team_dir,
                     self.root / self.options.incidents_dir):
            if path.exists():
                server.watch(str(path))
        return server

    def _build_status_index(self) -> StatusIndex | None:
        if self.data is None or self.data.status is None:
            return None
        team = self.data.team
        return build_status_index(self.data.status, now=self.now, zone=ZoneInfo(self.options.timezone),
                                  render=self.renderer.render,
                                  author_name=(lambda member: team.members[member].name) if team else str)

    def _publish_team(self, files: Files, config: MkDocsConfig) -> TeamView | None:
        """Make (or fetch from the cache) every cleared headshot, add it to the site, and warn about the rest."""
        team = self.data.team if self.data else None
        if team is None:
            return None
        made, photo_warnings = make_headshots(team, self.options, self.root)
        for warning in team.warnings + photo_warnings:
            log.warning(str(warning))
        urls = {}
        for member_id, result in made.items():
            urls[member_id] = tuple(_add_image(files, config, f"assets/team/{result.key}-{size}.webp", path)
                                    for size, path in (("1x", result.small), ("2x", result.large)))
            if result.decoded:
                log.info(f"Headshot of {member_id}: framed by {result.method}")
        decoded = sum(1 for result in made.values() if result.decoded)
        log.info(f"Headshots: {decoded} made, {len(made) - decoded} from the cache")
        framing = site_framing(self.options)
        return build_team_view(team, urls, framing.width, framing.height)

    def _generated(self, page: Page) -> GeneratedPage | None:
        if page.file.generated_by is None:
            return None
        return self.pages.get(page.file.src_uri)


def _add_templates(config: MkDocsConfig) -> None:
    """Put our templates after the site's custom_dir (which may override them) and before the theme's."""
    templates = str(PACKAGE_DIR / "templates")
    if templates in config.theme.dirs:
        return
    custom_dir = config.theme.custom_dir
    position = 1 if custom_dir and config.theme.dirs and config.theme.dirs[0] == custom_dir else 0
    config.theme.dirs.insert(position, templates)


def _expose_theme_templates(env: Environment) -> None:
    """Make mkdocs-material's own templates reachable as `material/...`, so an override can wrap the original."""
    if not isinstance(env.loader, ChoiceLoader):
        material = FileSystemLoader(str(Path(material_templates.__file__).parent))
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": material})])


def _drop_data_files(files: Files, data_files: tuple[Path, ...]) -> None:
    """Authored data (hub.yml, the page-view CSV) may live in content/ but is not published as-is."""
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve() in data_files:
            files.remove(file)


def _add_generated_pages(files: Files, config: MkDocsConfig, pages: list[GeneratedPage]) -> dict[str, GeneratedPage]:
    """Add each page unless the site already has a page of that name: an author's page always wins."""
    added = {}
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning(f"{Path(config.docs_dir).name}/{page.src_uri} exists, so Support Tab does not generate "
                        f"'{page.title}' there; delete that page to get the generated one")
            continue
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        added[page.src_uri] = page
    return added


def _add_image(files: Files, config: MkDocsConfig, src_uri: str, path: Path) -> str:
    files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return src_uri


def _add_package_files(files: Files, config: MkDocsConfig) -> None:
    files.append(File.generated(config, f"assets/supporttab/{SCRIPT}", abs_src_path=str(PACKAGE_DIR / "assets" / SCRIPT)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))


def _published_pages(config: MkDocsConfig) -> frozenset[str]:
    """The Markdown pages MkDocs will publish from docs_dir (not excluded, not drafts), before it has listed them.
    MkDocs lists them again itself, with its own warnings: keep ours quiet, so none is said twice."""
    listing_log = logging.getLogger(get_files.__module__)  # mkdocs.structure.files, or ProperDocs' own
    was_disabled, listing_log.disabled = listing_log.disabled, True
    try:
        return frozenset(file.src_uri for file in get_files(config).documentation_pages())
    finally:
        listing_log.disabled = was_disabled


def _page_links(files: Files) -> dict[str, PageLink]:
    return {file.src_uri: PageLink(str(file.page.title), file.url) for file in files.documentation_pages()
            if file.page is not None and file.src_uri != HUB_PAGE}
