"""The MkDocs plugin: short event handlers that call the core. The only module that imports mkdocs."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import material.templates as material_templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import ValidationError

from .clock import build_time
from .config import Options
from .hub import PageLink, build_hub_view
from .load import SiteData, explain_error, load_site
from .markdown_text import MarkdownRenderer
from .problems import DataError, format_field_path
from .schemas import SCHEMA_DIR
from .site_chrome import build_chrome

log = logging.getLogger("mkdocs.plugins.supporttab")

PACKAGE_DIR = Path(__file__).parent
HUB_PAGE = "index.md"
SCRIPT = "supporttab.js"
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class SupportTabPlugin(BasePlugin):
    """Builds the support hub (and, later, team and status pages) from the authored YAML files."""

    def __init__(self) -> None:
        self.options = Options()
        self.data: SiteData | None = None
        self.renderer = MarkdownRenderer()
        self.root = Path.cwd()

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list, list]:
        """Validate our options with the same model the CLI uses, so both read mkdocs.yml alike."""
        try:
            self.options = Options.model_validate(options)
        except ValidationError as error:
            return [(format_field_path(tuple(d["loc"])), explain_error(d)) for d in error.errors()], []
        self.config = self.options.model_dump()
        return [], []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.renderer = MarkdownRenderer(allow_html=self.options.allow_html)
        _add_templates(config)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Validate before MkDocs cleans site/: invalid data leaves the last good site untouched.
        try:
            self.data = load_site(self.root, Path(config.docs_dir), self.options)
        except DataError as error:
            count = len(error.problems)
            raise PluginError(f"{count} problem{'s' if count > 1 else ''} in the authored files:\n{error}") from None

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        _drop_data_files(files, self.data.data_files if self.data else ())
        _add_hub_page(files, config)
        _add_package_files(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not _is_hub(page) or self.data is None:
            return None
        hub = self.data.hub
        # mkdocs-material prints title and description without escaping: escape them here.
        page.meta.update(template="supporttab/hub.html", title=escape(hub.title),
                         description=escape(hub.description), hide=["navigation", "toc"])
        return ""

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if _is_hub(page):
            # The hub's anchors come from its template, not its Markdown; tell MkDocs' link check about them.
            page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(_ANCHOR.findall(output))
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.data is None:
            return env
        _expose_theme_templates(env)
        env.globals["supporttab_css"] = Markup((PACKAGE_DIR / "assets" / "supporttab.css").read_text("utf-8"))
        env.filters["st_markdown"] = self.renderer.render
        env.filters["st_markdown_inline"] = self.renderer.render_inline
        pages = _page_links(files)
        env.globals["supporttab_hub"] = build_hub_view(self.data.hub, self.data.page_views, pages,
                                                       site_url=config.site_url, today=build_time().date())
        env.globals["supporttab_hub_model"] = self.data.hub
        env.globals["supporttab"] = build_chrome(self.data.hub)
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in (self.root / self.options.hub, self.root / self.options.team_dir,
                     self.root / self.options.incidents_dir):
            if path.exists():
                server.watch(str(path))
        return server


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


def _add_hub_page(files: Files, config: MkDocsConfig) -> None:
    if files.get_file_from_path(HUB_PAGE) is not None:
        log.warning(f"{Path(config.docs_dir).name}/{HUB_PAGE} exists, so the support hub is not generated; "
                    "delete that page to get the hub as the landing page")
        return
    files.append(File.generated(config, HUB_PAGE, content=""))


def _add_package_files(files: Files, config: MkDocsConfig) -> None:
    files.append(File.generated(config, f"assets/supporttab/{SCRIPT}", abs_src_path=str(PACKAGE_DIR / "assets" / SCRIPT)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))


def _is_hub(page: Page) -> bool:
    return page.file.src_uri == HUB_PAGE and page.file.generated_by is not None


def _page_links(files: Files) -> dict[str, PageLink]:
    return {file.src_uri: PageLink(str(file.page.title), file.url) for file in files.documentation_pages()
            if file.page is not None and file.src_uri != HUB_PAGE}
