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

from .authoring.schema import SCHEMA_DIR
from .build import GeneratedPage, Section, SiteBuild, prepare_build
from .config import Options, option_problems
from .core.clock import build_time
from .core.i18n import (
    SOURCE_LANGUAGE,
    Language,
    activate,
    active,
    fallback_warning,
    load_language,
    number_text,
    own_name,
    percent_text,
)
from .core.markdown import MarkdownRenderer
from .core.problems import DataError
from .core.scripts import script_source
from .core.scriptwords import script_words
from .core.timefmt import date_text, duration_text, time_html, zone_label
from .core.urls import HUB_PAGE, UrlScheme, site_info
from .core.vocabulary import colour_properties
from .hub.view import HubView, PageLink, build_hub_view, json_for_html
from .site import load_site
from .widget import WIDGET_JSON, WIDGET_SCRIPT, widget_data, widget_json, widget_script

log = logging.getLogger("mkdocs.plugins.supporttab")

PACKAGE_DIR = Path(__file__).parent
SCRIPT = "supporttab.js"
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class SupportTabPlugin(BasePlugin):
    """Builds the support hub, the team page and the status pages from the authored files."""

    def __init__(self) -> None:
        self.options = Options()
        self.build: SiteBuild | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.renderer = MarkdownRenderer()
        self.root = Path.cwd()
        self.now = build_time()
        self.widget_files: tuple[File, File] | None = None
        self.language: Language = load_language(SOURCE_LANGUAGE)
        self.languages: tuple[str, ...] = (SOURCE_LANGUAGE,)  # authored texts may be written in these
        self.sections: dict[str, Section] = {}  # a page of another language's section, by its source

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list, list]:
        """Validate our options with the same model the CLI uses, so both read mkdocs.yml alike."""
        try:
            self.options = Options.model_validate(options)
        except ValidationError as error:
            return option_problems(error, _read_text(config_file_path)), []
        self.config = self.options.model_dump()
        return [], []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.options.enabled:
            return config
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.renderer = MarkdownRenderer(allow_html=self.options.allow_html)
        self.languages = self.options.site_languages(config.theme.get("language"))
        self.language, *_ = [_site_language(tag) for tag in self.languages]  # each one without a catalog warns
        _add_language_switcher(config, self.languages)
        activate(self.language)  # the views derived in on_pre_build and the pages rendered later speak it
        _add_templates(config)
        return config

    def on_post_build(self, config: MkDocsConfig) -> None:
        activate(None)  # what runs after the build in this process (a test, a command) speaks English again

    def on_build_error(self, error: Exception) -> None:
        activate(None)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Load, validate and derive everything before MkDocs cleans site/: bad data leaves the last good site."""
        self.build = None
        if not self.options.enabled:
            return
        self.now = build_time()
        try:
            data = load_site(self.root, Path(config.docs_dir), self.options, self.now,
                             published=_published_pages(config), languages=self.languages)
        except DataError as error:
            count = len(error.problems)
            raise PluginError(f"{count} problem{'s' if count > 1 else ''} in the authored files:\n{error}") from None
        if data.status is not None and not config.site_url:
            log.warning("mkdocs.yml has no site_url, so feeds and the status API carry links without the "
                        "site's address; set site_url to the address the site is published at")
        site = site_info(config.site_name, config.site_url, config.site_description,
                         directory_urls=config.use_directory_urls)
        self.build = prepare_build(data, self.options, self.root, self.now, site, self.renderer, self.languages)
        for warning in self.build.warnings:
            log.warning(str(warning))
        for note in self.build.notes:
            log.info(note)

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add what the build derived; an author's own page of the same name wins."""
        if self.build is None:
            return files
        _drop_data_files(files, self.build.data.data_files)
        for src_uri, path in self.build.images.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        self.pages = _add_generated_pages(files, config, self.build.pages + [
            page for section in self.build.sections for page in section.pages])
        self.sections = {page.src_uri: section for section in self.build.sections for page in section.pages}
        for path, content in self.build.outputs.items():
            files.append(File.generated(config, path, content=content))
        _add_package_files(files, config)
        self.widget_files = _add_widget_files(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.build is None:
            return None
        generated = self._generated(page)
        if generated is None:
            _escape_metadata(page.meta)
            return None
        # mkdocs-material prints title and description without escaping: escape them here.
        page.meta.update(template=generated.template, title=escape(generated.title),
                         description=escape(generated.description), hide=list(generated.hide))
        return ""

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        generated = self._generated(page)
        if generated is not None:
            context.update(generated.context)
            section = self.sections.get(page.file.src_uri)
            if section is not None:  # a page in another language: its words while it renders, and its views
                activate(load_language(section.language))
                context.update(_section_globals(section))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._generated(page) is None:
            return None
        # Generated pages get their anchors from templates; tell MkDocs' link check about them.
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(_ANCHOR.findall(output))
        section = self.sections.get(page.file.src_uri)
        if section is None:
            return None
        activate(self.language)
        return _set_page_language(output, load_language(section.language))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give the templates what the build derived. Only the hub's links wait until now: they show the titles
        of Markdown pages, which MkDocs reads after on_files (the loader has checked every linked page exists)."""
        if self.build is None:
            return env
        _expose_theme_templates(env)
        _install_translations(env)
        _add_filters(env, self.renderer, ZoneInfo(self.options.timezone))
        data = self.build.data
        env.globals["supporttab_css"] = Markup(colour_properties() + (PACKAGE_DIR / "assets" / "supporttab.css")
                                               .read_text("utf-8"))
        hub_view = build_hub_view(data.hub, data.page_views, _page_links(files), site_url=config.site_url,
                                  now=self.now)
        env.globals["supporttab_hub"] = hub_view
        env.globals["supporttab_hub_model"] = data.hub
        env.globals["supporttab_status"] = self.build.status
        env.globals["supporttab_summary"] = self.build.summary
        env.globals["supporttab_update_ways"] = self.build.update_ways
        env.globals["supporttab_record"] = self.build.record
        env.globals["supporttab_team"] = self.build.team
        env.globals["supporttab"] = self.build.chrome
        env.globals["supporttab_urls"] = UrlScheme(config.use_directory_urls)
        self._fill_widget(hub_view, config)
        env.globals["supporttab_update_channels"] = self.options.update_channels  # for a "Get updates" list
        env.globals["supporttab_script_words"] = json_for_html(script_words())
        env.globals["supporttab_zone_label"] = zone_label(self.options.timezone, self.options.timezone_label)
        # Another zone (the hub's opening hours may have their own) is called by its city.
        env.filters["st_zone_label"] = lambda zone: zone_label(zone, self.options.timezone_label
                                                               if zone == self.options.timezone else None)
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.options.enabled:
            return server
        for path in (self.root / self.options.hub, self.root / self.options.team_dir,
                     self.root / self.options.incidents_dir):
            if path.exists():
                server.watch(str(path))
        return server

    def _fill_widget(self, hub_view: HubView, config: MkDocsConfig) -> None:
        """Write the widget's JSON and script into the files added for them: they list the most visited articles
        by title, which MkDocs knows only now."""
        if self.build is None or self.widget_files is None:
            return
        site = site_info(config.site_name, config.site_url, directory_urls=config.use_directory_urls)
        data = widget_data(self.build.data.hub, hub_view, self.build.status, site)
        json_file, script_file = self.widget_files
        json_file.content_string = widget_json(data)
        script_file.content_string = widget_script(data)

    def _generated(self, page: Page) -> GeneratedPage | None:
        if page.file.generated_by is None:
            return None
        return self.pages.get(page.file.src_uri)


def _site_language(tag: str) -> Language:
    """The language Support Tab writes the site in; one warning when it has no catalog for it."""
    language = load_language(tag)
    if language.fallback:
        log.warning(fallback_warning(tag))
    return language


def _add_language_switcher(config: MkDocsConfig, languages: tuple[str, ...]) -> None:
    """mkdocs-material's language menu (and its hreflang links in every page's head), to the status page in each
    language, unless the site has its own."""
    if len(languages) < 2 or config.extra.get("alternate"):
        return
    urls = [UrlScheme(config.use_directory_urls, section) for section in ("", *[f"{tag}/" for tag in languages[1:]])]
    config.extra["alternate"] = [{"name": own_name(tag), "lang": tag,
                                  "link": scheme.status} for tag, scheme in zip(languages, urls, strict=True)]


def _section_globals(section: Section) -> dict[str, Any]:
    return {"supporttab_status": section.status, "supporttab_summary": section.summary,
            "supporttab_update_ways": section.update_ways, "supporttab_record": section.record,
            "supporttab_urls": section.urls, "supporttab_script_words": json_for_html(script_words())}


_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_DIR = re.compile(r'<body dir="[^"]*"')


def _set_page_language(output: str, language: Language) -> str:
    """The theme writes the site's language and direction into <html> and <body>; a page of another section
    says its own."""
    output = _HTML_LANG.sub(f'<html lang="{language.bcp47}"', output, count=1)
    return _BODY_DIR.sub(f'<body dir="{"rtl" if language.rtl else "ltr"}"', output, count=1)


def _install_translations(env: Environment) -> None:
    """Jinja's i18n extension with the build's catalog: `_("...")` and `ngettext(...)` in our templates, with
    named placeholders that autoescape escapes (newstyle gettext)."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(lambda message: active().translations.gettext(message),
                                  lambda singular, plural, n: active().translations.ngettext(singular, plural, n),
                                  newstyle=True)


def _add_filters(env: Environment, renderer: MarkdownRenderer, zone: ZoneInfo) -> None:
    env.filters["st_markdown"] = renderer.render
    env.filters["st_markdown_inline"] = renderer.render_inline
    env.filters["st_time"] = lambda moment: time_html(moment, zone)
    env.filters["st_duration"] = duration_text
    env.filters["st_date"] = date_text
    env.filters["st_number"] = number_text
    env.filters["st_percent"] = lambda percent: percent_text(percent / 100, "#,##0.00%")  # 99.87 -> '99.87%'
    env.filters["st_share"] = lambda share: percent_text(share)  # 0.5 -> '50%', '50 %'


def _escape_metadata(meta: dict[str, Any]) -> None:
    """An article's front-matter title and description as text: the theme prints them into the navigation, the
    title and a meta attribute without escaping."""
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])


def _read_text(path: str | None) -> str:
    try:
        return Path(path or "mkdocs.yml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


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


def _add_package_files(files: Files, config: MkDocsConfig) -> None:
    files.append(File.generated(config, f"assets/supporttab/{SCRIPT}", content=script_source(SCRIPT)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))


def _add_widget_files(files: Files, config: MkDocsConfig) -> tuple[File, File]:
    """The embeddable widget's data and script, filled in by on_env."""
    added = (File.generated(config, WIDGET_JSON, content=""), File.generated(config, WIDGET_SCRIPT, content=""))
    for file in added:
        files.append(file)
    return added


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
