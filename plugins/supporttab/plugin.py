"""The MkDocs plugin: short event handlers that call the core. The only module that imports mkdocs."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import logging
import os
import re
import traceback
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import MethodType
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import jinja2
import material.templates as material_templates
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs import __version__ as mkdocs_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from pydantic import ValidationError

from . import __version__ as supporttab_version
from .authoring.schema import SCHEMA_DIR
from .build import GeneratedPage, Section, SiteBuild, language_chrome, prepare_build
from .config import Options, located_option_problems, option_problems, validate_options
from .core.addresses import AddressBreaks, address_html
from .core.clock import build_time
from .core.fields import Translated
from .core.i18n import (
    SOURCE_LANGUAGE,
    Language,
    Reading,
    activate,
    active,
    catalog_stamps,
    fallback_warning,
    list_text,
    load_language,
    markdown_html,
    number_text,
    own_name,
    percent_text,
    text_html,
    use_language,
    written_in,
)
from .core.markdown import MarkdownRenderer
from .core.problems import DataError
from .core.scripts import script_source
from .core.secondcore import SecondCore, worth_a_helper
from .core.scriptwords import script_words
from .core.stylesheets import trim_cached, words_of
from .core.themescript import (
    page_needs_theme_script,
    site_needs_theme_script,
    templates_using_theme_script,
)
from .core.timefmt import date_text, duration_text, short_time_html, time_html, zone_label
from .core.spoken import spoken_names
from .core.urls import HUB_PAGE, STATUS_PAGE, TEAM_PAGE, UrlScheme, site_info
from .core.validate import ValidatedFiles
from .core.vocabulary import colour_properties
from .hub.translations import Articles, untranslated_note
from .hub.view import HubView, PageLink, build_hub_view, json_for_html
from .site import load_site
from .watching import watch_natively
from .widget import WIDGET_JSON, WIDGET_SCRIPT, widget_data, widget_json, widget_script

log = logging.getLogger("mkdocs.plugins.supporttab")

PACKAGE_DIR = Path(__file__).parent
SCRIPT = "supporttab.js"
HUB_SCRIPT = "hub.js"  # the open-now line, on the hub alone
ON_DEMAND_SCRIPT = "theme-on-demand.js"  # only the pages that load the theme's script when asked
LANGUAGE_LINKS_SCRIPT = "language-links.js"  # whole pages of a site in several languages with instant page changes
THEME_STYLESHEETS = Path(material_templates.__file__).parent / "assets" / "stylesheets"
THEME_SCRIPTS = Path(material_templates.__file__).parent / "assets" / "javascripts"
# What light pages never render (their search button opens the hub's search instead), so its rules need not load.
NOT_ON_LIGHT_PAGES = frozenset({"material/partials/search.html"})
# Words no template spells out: the class our script sets in the theme's stead (supporttab.js), and both text
# directions, which the theme's language partial (imported by a computed name) sets on the page.
RUNTIME_WORDS = ("focus-visible", "ltr", "rtl")
PRERENDERED = "supporttab/prerendered.html"
INCIDENT = "supporttab/incident.html"
# Pages a preview may keep from the rebuild before: each shows its own context (an incident; a page of the history)
# in surroundings that `_surroundings` describes.
KEPT_IN_PREVIEWS = (INCIDENT, "supporttab/history.html")
# Other plugins that see a page's context and only read it (and index the page for search): beside any other,
# a preview renders every page again.
_READS_CONTEXT_ONLY = ("mkdocs.contrib.search", "properdocs.contrib.search", "material.plugins.search")
_ID = re.compile(r'id="([^"]+)"')


class SupportTabPlugin(BasePlugin):
    """Builds the support hub, the team page and the status pages from the authored files."""

    def __init__(self) -> None:
        self.options = Options()
        self.written_options: dict[str, Any] = {}  # as mkdocs.yml writes them
        self.build: SiteBuild | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.renderer = MarkdownRenderer()
        self.root = Path.cwd()
        self.now = build_time()
        self.widget_files: dict[str, tuple[File, File]] = {}  # each language's widget, by its section ("" first)
        self.language: Language = load_language(SOURCE_LANGUAGE)
        self.languages: tuple[str, ...] = (SOURCE_LANGUAGE,)  # authored texts may be written in these
        self.sections: dict[str, Section] = {}  # a page of another language's section, by its source
        self.section_hubs: dict[str, dict[str, Any]] = {}  # each other language's hub, as its templates read it
        self.articles = Articles()  # the site's Markdown pages in its languages
        self.article_versions: dict[str, tuple[str, str]] = {}  # de/x.md: (x.md, de), an article in its section
        # Per language: the default language's pages in the navigation that its section generates again (its
        # pages' navigation leads to those instead).
        self.section_sources: dict[str, tuple[str, ...]] = {}
        self.stand_in: Any = None  # the navigation's page for the section's page being rendered, marked current
        self.language_menu = False  # whether the language menu is ours, to each page's versions
        self.theme_languages: dict[str, str | None] = {}  # the theme's name for each language, where it has one
        self.command = ""  # build, gh-deploy or serve; empty when a program calls MkDocs' build() itself
        self.dirty = False  # `mkdocs serve --dirty`: site/ is kept between rebuilds
        self.nav: Any = None
        # `mkdocs serve`: each incident page's last HTML and anchors, with what it was made from; this rebuild's
        # reuses; and the folder the last build wrote, the files generated there since the last successful one,
        # and whether it succeeded (under --dirty, what is no longer generated leaves it; and, after a success,
        # what is, and unchanged, stays as written).
        self.previews: dict[str, tuple[tuple, GeneratedPage, str, frozenset[str]]] = {}
        self.generating: set[str] = set()
        self.written: tuple[str, set[str], bool] | None = None
        self.surroundings: tuple = ()
        self.status_in_own_templates = False  # a custom_dir template reads the status: no banner swaps
        self.reused: dict[str, str] = {}
        self.rebannered: dict[str, str] = {}  # unchanged but for the banner: the HTML to put the new one in
        self.shared: SharedRenders | None = None
        self.validated = ValidatedFiles()  # status files as last loaded: a rebuild validates only what changed
        self.helper: SecondCore | None = None  # renders some incident and history pages on the second core
        self.handed_over: set[str] = set()  # the pages it may render

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command: only `serve` keeps pages for the next rebuild, and under `--dirty` in site/."""
        self.command, self.dirty = command, dirty

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list, list]:
        """Validate our options with the same model the CLI uses, so both read mkdocs.yml alike."""
        self.written_options = options  # validated again in on_config, knowing theme.language
        try:
            self.options = Options.model_validate(options)
        except ValidationError as error:
            return option_problems(error, _read_text(config_file_path)), []
        self.config = self.options.model_dump()
        return [], []

    @event_priority(50)  # before mkdocs-material's search plugin reads theme.language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.options.enabled:
            return config
        self._check_options_with_theme(config)
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if self.renderer.allow_html != self.options.allow_html:  # else keep what it has converted
            self.renderer = MarkdownRenderer(allow_html=self.options.allow_html)
        self.languages = self.options.site_languages(config.theme.get("language"))
        self.language, *_ = [_site_language(tag) for tag in self.languages]  # each one without a catalog warns
        _tag_theme_language(config, self.languages[0], warn=bool(self.options.language or self.options.languages))
        self.theme_languages = {tag: _theme_language(config, tag) for tag in self.languages}
        self.language_menu = _add_language_switcher(config, self.languages, HUB_PAGE)
        _search_in_languages(config, self.languages)
        activate(self.language)  # the views derived in on_pre_build and the pages rendered later speak it
        _add_templates(config)
        _reuse_theme_work(config, self.root / self.options.cache_dir)
        _add_address_breaks(config)
        self.status_in_own_templates = _templates_reading_status(config.theme.custom_dir)
        return config

    def _check_options_with_theme(self, config: MkDocsConfig) -> None:
        """Validate the options again knowing theme.language, which MkDocs reads after them: a site without
        `languages` speaks it, and the time zone's label may be written only in it, as `supporttab check` says."""
        try:
            self.options = validate_options(self.written_options, config.theme.get("language"))
        except ValidationError as error:
            raise PluginError("\n".join(located_option_problems(error, _read_text(config.config_file_path)))) from None

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._stop_helper()
        activate(None)  # what runs after the build in this process (a test, a command) speaks English again
        self.written = (config.site_dir, self.generating, True)

    def on_build_error(self, error: Exception) -> None:
        self._stop_helper()
        activate(None)
        if self.written is not None:  # a rebuild after a failed one writes every page, and still tidies up
            folder, generated, _ = self.written
            self.written = (folder, generated | self.generating, False)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Load, validate and derive everything before MkDocs cleans site/: bad data leaves the last good site."""
        self.build, self.handed_over = None, set()
        if not self.options.enabled:
            return
        self.now = build_time()
        try:
            data = load_site(self.root, Path(config.docs_dir), self.options, self.now,
                             published=_published_pages(config), validated=self.validated,
                             languages=self.languages)
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
        _drop_data_files(files, self.build.data.data_files, config.docs_dir)
        for src_uri, path in self.build.images.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        self.pages = _add_generated_pages(files, config, self.build.pages + [
            page for section in self.build.sections for page in section.pages])
        self.build = replace(self.build, sections=tuple(_with_stand_ins(section, self.pages)
                                                        for section in self.build.sections))
        self.sections = {page.src_uri: section for section in self.build.sections for page in section.pages}
        self.section_sources = {section.language: _section_sources(self.build.pages, section.urls, self.pages)
                                for section in self.build.sections}
        self.articles = self.build.data.articles
        self.article_versions = _add_article_versions(files, config, self.articles)
        for path, content in self.build.outputs.items():
            files.append(File.generated(config, path, content=content))
        _add_package_files(files, config)
        self.widget_files = _add_widget_files(files, config, ("", *(s.urls.section for s in self.build.sections)))
        if self.command == "serve":
            self.generating = {file.abs_dest_path for file in files if file.generated_by is not None}
            if self.dirty:
                self._prepare_dirty_rebuild(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.build is None:
            return None
        generated = self._generated(page)
        if generated is None:
            _escape_metadata(page.meta)
            if page.file.src_uri in self.article_versions:
                self._prepare_article_version(page)
            return None
        # mkdocs-material prints title and description without escaping: escape them here.
        page.meta.update(template=generated.template, title=escape(generated.title),
                         description=escape(generated.description), hide=list(generated.hide),
                         supporttab_light=generated.light)
        page.render = MethodType(_render_markdown, page)  # type: ignore[method-assign]
        return ""

    @event_priority(-100)  # last: the navigation pages are rendered with, which a second core renders with too
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.nav = nav

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        # Pages that load the theme's script on demand load it at once where their Markdown needs it (the site's
        # settings decided for every page in on_env).
        if page_needs_theme_script(page.content or ""):
            context["supporttab_theme_at_once"] = True
        if self.language_menu:
            context["supporttab_language_versions"] = self._language_versions(page, config.use_directory_urls)
        if page.file.generated_by is None or page.file.src_uri in self.article_versions:
            self._add_article_context(context, page, config)
        own_section = self._authors_section(page)
        if own_section is not None:  # an author's own page in a language's folder: that language's words and views
            activate(load_language(own_section.language))
            context.update(self._section_context(own_section))
        generated = self._generated(page)
        if generated is not None:
            context.update(generated.context)
            uri = page.file.src_uri
            section = self.sections.get(uri)
            if section is not None:  # a page in another language: its words while it renders, and its views
                activate(load_language(section.language))
                self._mark_current_in_nav(uri.removeprefix(section.urls.section))
                context.update(self._section_context(section))
            if uri in self.handed_over:  # rendered on the second core, unless it could not
                page.meta["template"] = generated.template
                context.update(supporttab_prerendered=self.helper.take(uri) if self.helper else None,
                               supporttab_template=generated.template)
            elif uri in self.reused:  # unchanged since the last preview: its HTML as it was
                page.meta["template"] = generated.template
                context.update(supporttab_prerendered=self.reused.pop(uri), supporttab_template=generated.template)
            elif uri in self.rebannered:  # the same but for the banner: with the new one, once a page rendered it
                page.meta["template"] = generated.template
                new_banner = self.shared.find(context, "banner") if self.shared else None
                context.update(supporttab_prerendered=_with_banner(self.rebannered.pop(uri), new_banner),
                               supporttab_template=generated.template)
        return context

    @event_priority(100)  # first: the template's own output, before any plugin changes it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        self._mark_current_in_nav(None)
        if page.file.src_uri in self.article_versions:
            activate(self.language)
            original, language = self.article_versions[page.file.src_uri]
            output = _set_page_language(output, load_language(language))
            if self.articles.translated(original, language):
                return _mark_titles(output, self.languages[0], None)
            output = _point_canonical_at(output, original, config)
            return _mark_contents(_mark_titles(output, self.languages[0], self.languages[0]), self.languages[0])
        own_section = self._authors_section(page)
        if own_section is not None:
            activate(self.language)
            return _set_page_language(output, load_language(own_section.language))
        generated = self._generated(page)
        if generated is None:
            return None
        # Generated pages get their anchors from templates; tell MkDocs' link check about them.
        anchors = _anchor_ids(output)
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | anchors
        if self.command == "serve" and generated.template in KEPT_IN_PREVIEWS:
            self.previews[page.file.src_uri] = (self.surroundings, generated, output, frozenset(anchors))
        section = self.sections.get(page.file.src_uri)
        if section is None:
            return None
        activate(self.language)
        output = _set_page_language(output, load_language(section.language))
        return _mark_titles(output, self.languages[0], written_in(generated.title))

    @event_priority(-100)  # last: a preview compares the environment every plugin has made
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give the templates what the build derived. Only the hub's links wait until now: they show the titles
        of Markdown pages, which MkDocs reads after on_files (the loader has checked every linked page exists)."""
        if self.build is None:
            return env
        _expose_theme_templates(env)
        _say_template_errors(env, self.root)
        _install_translations(env)
        env.cache = {}  # a few dozen templates, included thousands of times: no LRU bookkeeping on every include
        # Compiled for the environment as it is now, with its extensions.
        if env.bytecode_cache is None or isinstance(env.bytecode_cache, _CompiledTemplates):
            env.bytecode_cache = _compiled_templates(env, self.root / self.options.cache_dir)
        # The pages the navigation marks as active: what is in it, even a generated page listed under nav:, and
        # each section's version of those.
        in_nav = {page.file.src_uri for page in self.nav.pages} if self.nav else set()
        self.shared = _share_renders(env, in_nav | {section.urls.source(source) for section in self.build.sections
                                                    for source in self.section_sources.get(section.language, ())})
        _add_filters(env, self.renderer, ZoneInfo(self.options.timezone))
        data = self.build.data
        # Read once: the inline fallback and both trimmed stylesheets end with it.
        own_css = _own_css(len(self.languages) > 1)
        env.globals["supporttab_css"] = Markup(own_css)
        env.globals["supporttab_light_css"] = self._add_light_stylesheet(env, config, files, own_css)
        env.globals["supporttab_page_css"] = self._add_page_stylesheet(env, config, files, own_css)
        env.globals["supporttab_theme_script"] = _theme_script().relative_to(THEME_SCRIPTS.parent.parent).as_posix()
        # Every page loads the theme's script at once where the site's features, settings or templates need it.
        env.globals["supporttab_theme_at_once"] = _site_needs_theme_script(config)
        # The first language's pages: the analytics' most viewed German page is no link for the English hub.
        links = _page_links(files, {HUB_PAGE, *self.sections, *self.article_versions})
        hub_view = build_hub_view(data.hub, data.page_views, links, site_url=config.site_url,
                                  now=self.now)
        env.globals["supporttab_hub"] = hub_view
        env.globals["supporttab_hub_model"] = data.hub
        in_language = _links_in_language(links, _page_links(files, set()), self.articles)
        self.section_hubs = _section_hubs(self.build.sections, data.page_views, links, in_language,
                                          config.site_url, self.now)
        env.globals["supporttab_status"] = self.build.status
        env.globals["supporttab_summary"] = self.build.summary
        env.globals["supporttab_update_ways"] = self.build.update_ways
        env.globals["supporttab_record"] = self.build.record
        env.globals["supporttab_team"] = self.build.team
        env.globals["supporttab"] = self.build.chrome
        env.globals["supporttab_urls"] = UrlScheme(config.use_directory_urls)
        env.globals["supporttab_unindexed"] = self._shown_as_written()  # left out of sitemap.xml
        self._fill_widget(hub_view, config)
        env.globals["supporttab_update_channels"] = self.options.update_channels  # for a "Get updates" list
        env.globals["supporttab_script_words"] = json_for_html(script_words())
        # Each other language's folder ("de/"): a link into one loads the whole page (assets/language-links.js).
        env.globals["supporttab_sections"] = " ".join(section.urls.section for section in self.build.sections)
        env.globals["supporttab_zone_label"] = self._zone_label(self.options.timezone)
        if self.language_menu:  # pages MkDocs renders without a page context (404.html) have no versions either
            env.globals["supporttab_language_versions"] = []
        env.filters["st_zone_label"] = self._zone_label
        # [en, fr] -> 'Englisch und Französisch' on a German page; a language written as a word says its language.
        env.filters["st_languages"] = partial(spoken_names, written_in=self.languages[0])
        self._reuse_unchanged_previews(env, config, files)
        self._share_rendering(env, config, files)
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.options.enabled:
            return server
        for path in (self.root / self.options.hub, self.root / self.options.team_dir,
                     self.root / self.options.incidents_dir):
            if path.exists():
                server.watch(str(path))
        watch_natively(server)  # MkDocs polls for changes every 0.5 s: see a save at once instead
        return server

    def _share_rendering(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """Render the incident and history pages (most of a big site's build) on both cores: a forked helper
        renders them from the last while MkDocs renders every page in order, and each page the helper rendered is
        handed to MkDocs as its template's output (prerendered.html); every plugin's events still run for it here.
        Only for a plain build where each page's HTML depends on nothing but the page (not `serve`, whose previews
        reuse pages, nor `--dirty`), every other plugin that sees a page's context only reads it, and no plugin
        changes the environment or the navigation after us; else, and on one CPU, one core renders them all."""
        self.handed_over = set()
        if (self.command == "serve" or self.dirty or not _only_known_context_readers(config, self)
                or not all(_last_to_see(config, self, event) for event in ("env", "nav"))):
            return
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = {file.src_uri: file.page for file in doc_files if file.page is not None
                 and getattr(self._generated(file.page), "template", None) in KEPT_IN_PREVIEWS}
        if not worth_a_helper(len(pages)):
            return
        build_module = importlib.import_module(type(config).__module__.split(".")[0] + ".commands.build")  # the host's
        for page in pages.values():
            page.meta["template"] = PRERENDERED  # MkDocs picks the template before on_page_context
        self.handed_over = set(pages)
        self.helper = SecondCore(list(pages), partial(self._render_in_helper, pages=pages, env=env, config=config,
                                                      doc_files=doc_files, get_context=build_module.get_context))

    def _render_in_helper(self, uri: str, *, pages: dict[str, Page], env: Environment, config: MkDocsConfig,
                          doc_files: list[File], get_context: Callable) -> str:
        """In the helper: the page's HTML as MkDocs' _build_page renders it, before on_post_page (which runs when
        MkDocs builds the page here). As after any page's on_post_page, the site's language speaks."""
        self.helper = None  # our own page context, in the helper, renders the page
        page = pages[uri]
        activate(self.language)
        self._mark_current_in_nav(None)
        config._current_page, page.active = page, True
        try:
            context = get_context(self.nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            return template.render(context)
        finally:
            config._current_page, page.active = None, False

    def _stop_helper(self) -> None:
        if self.helper is not None:
            self.helper.close()
            self.helper = None

    def _add_light_stylesheet(self, env: Environment, config: MkDocsConfig, files: Files, own: str) -> str | None:
        """Light pages' one stylesheet: the theme's, trimmed to what their templates can use, then ours."""
        if self.build is None:
            return None
        light = {page.template for page in self.build.pages if page.light}
        sources = _template_sources(env, light, skip=NOT_ON_LIGHT_PAGES, root=self.root)
        return self._add_trimmed_stylesheet("light", sources, own, config, files)

    def _add_page_stylesheet(self, env: Environment, config: MkDocsConfig, files: Files, own: str) -> str | None:
        """Every other page's one stylesheet (the hub, the team, articles, 404): the theme's, trimmed to what their
        templates, their rendered Markdown and the theme's script (which they load when a reader searches) can
        use, then ours. MkDocs has rendered every page's Markdown by now."""
        if self.build is None:
            return None
        templates, contents = _whole_pages(files)
        texts = [*_template_sources(env, templates | {"404.html"}, skip=frozenset(), root=self.root), *contents,
                 *_theme_script_classes()]
        return self._add_trimmed_stylesheet("pages", texts, own, config, files)

    def _add_trimmed_stylesheet(self, name: str, texts: list[str], own: str, config: MkDocsConfig,
                                files: Files) -> str:
        """The theme's stylesheets trimmed to the words in `texts`, then ours (`own`), as one file. Returns its path in
        the site, named by its content so browsers may keep it until it changes."""
        words = words_of([*texts, *_palette_words(config), *RUNTIME_WORDS])
        theme = "".join(path.read_text("utf-8") for path in _theme_stylesheets(config))
        trimmed = trim_cached(theme, words, self.root / self.options.cache_dir / "stylesheets", reads=own)
        css = f"{trimmed}\n{own}"
        path = f"assets/supporttab/{name}.{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        file = File.generated(config, path, content=css)
        files.append(file)
        if self.command == "serve":  # generated too: under --dirty, the next rebuild removes it once it is replaced
            self.generating.add(file.abs_dest_path)
        return path

    def _reuse_unchanged_previews(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """`mkdocs serve` builds the whole site again on every save. An incident page whose incident (as derived
        now, at this rebuild's clock) and surroundings (the banner, the help strip, the team, the navigation, the
        settings, templates and catalogs) are what they were gets the HTML it had, and so does a page of the
        history whose incidents are: the preview of an edited incident need not wait for every other one to render
        again. Anything else that changed renders every page again. Under `--dirty`, where site/ still holds
        that HTML, MkDocs is told the page did not change and skips it altogether."""
        self.reused, self.rebannered = {}, {}
        if self.command != "serve" or not _only_known_context_readers(config, self):
            self.previews = {}
            return
        surroundings = _surroundings(env, config, self.nav, self.build.sections if self.build else (),
                                     self.options.timezone_label)
        previous = next(iter(self.previews.values()), None)
        self.surroundings = previous[0] if previous and previous[0] == surroundings else surroundings
        if previous and previous[0][0] == surroundings[0] and previous[0] is not self.surroundings:
            self._put_new_banner(previous[0][1], surroundings[1], files)
        skip = self._kept_site_dir(config) and _only_own_output_handlers(config, self)
        readers = [handler for handler in config.plugins.events["page_context"]
                   if getattr(handler, "__self__", None) is not self]
        for src_uri, (made_in, generated, html, anchors) in list(self.previews.items()):
            file = files.src_uris.get(src_uri)  # our src_uris are already as MkDocs keys them
            if src_uri in self.rebannered and file is not None:
                del self.previews[src_uri]
                if skip and os.path.isfile(file.abs_dest_path):  # kept as written if its banner is the same
                    _keep_written_page(file, anchors, readers, config, self.nav, changed=partial(
                        self._banner_changed, file.page, generated, html, anchors))
            elif (made_in is not self.surroundings or file is None or file.page is None
                    or self._generated(file.page) != generated):
                del self.previews[src_uri]
            elif skip and os.path.isfile(file.abs_dest_path):
                _keep_written_page(file, anchors, readers, config, self.nav)
            else:
                self.reused[src_uri] = html
                file.page.meta["template"] = PRERENDERED
        log.debug(f"Preview: {len(self.previews)} incident pages unchanged since the last build")

    def _banner_changed(self, page: Page, generated: GeneratedPage, html: str, anchors: frozenset[str]) -> bool:
        """Whether a page whose banner is all that may have changed has a new one (or one not rendered yet, so
        the page renders); if not, it stays as written, and is kept for the next rebuild."""
        context = {"page": page, "base_url": get_relative_url(".", page.url)}  # what a page's links depend on
        banner = self.shared.find(context, "banner") if self.shared else None
        if banner is None or _with_banner(html, banner) != html:
            return True
        del self.rebannered[page.file.src_uri]
        self.previews[page.file.src_uri] = (self.surroundings, generated, html, anchors)
        return False

    def _kept_site_dir(self, config: MkDocsConfig) -> bool:
        """Whether this is a `--dirty` rebuild into the folder the last build wrote without an error."""
        return self.dirty and self.written is not None and self.written[2] and self.written[0] == config.site_dir

    def _put_new_banner(self, banner_before: tuple, banner_now: tuple, files: Files) -> None:
        """Only the banner changed (an edit to an open incident): a page whose incident is unchanged, and that shows
        a banner before and now, and the same note about its own incident, differs only in the banner. It gets
        its HTML with the new banner in place of the old, once a page of its folder has rendered it (see
        `_with_banner`). The banner of a site in several languages differs per section: there, every page renders
        again."""
        (summary_before, active_before, sections_before), (summary, active, sections) = banner_before, banner_now
        if sections or sections_before or summary is None or summary_before is None or self.status_in_own_templates:
            return
        for src_uri, (_, generated, html, _) in self.previews.items():
            file = files.src_uris.get(src_uri)
            event = generated.context.get("st_event")
            event_id = event.id if event is not None else None
            if (file is not None and file.page is not None and self._generated(file.page) == generated
                    and _shows_banner(summary_before, active_before, event_id)
                    and _shows_banner(summary, active, event_id)
                    and (event_id is None or summary_before.notice(event_id) == summary.notice(event_id))):
                self.rebannered[src_uri] = html
                file.page.meta["template"] = PRERENDERED

    def _prepare_dirty_rebuild(self, files: Files, config: MkDocsConfig) -> None:
        """`mkdocs serve --dirty` keeps site/ and builds only the pages it thinks changed. What we generated last
        time and no longer do (a renamed incident's page) leaves site/, and every authored page (in every language)
        is built again: our banner, help strip and navigation are in each, and the few there are cost little (the
        generated pages are kept or not by `_reuse_unchanged_previews`). mkdocs-material's search adds what a `--dirty` build
        indexed to its last index, as if one page had been built; every page is indexed here, so that would repeat
        entries: it starts afresh."""
        if self.written is not None and self.written[0] == config.site_dir:  # even after a failed build
            for path in self.written[1] - self.generating:
                Path(path).unlink(missing_ok=True)
        for file in files.documentation_pages():
            # An article's page in another language too: MkDocs would not even read an unchanged one, and the
            # hubs list it by its title.
            if file.generated_by is None or file.src_uri in self.article_versions:
                file.is_modified = _always  # type: ignore[method-assign]
        for plugin in config.plugins.values():
            if type(plugin).__module__.startswith("material.plugins.search") and hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None

    def _fill_widget(self, hub_view: HubView, config: MkDocsConfig) -> None:
        """Write the widget's JSON and script into the files added for them: they list the most visited articles
        by title, which MkDocs knows only now."""
        if self.build is None or not self.widget_files:
            return
        site = site_info(config.site_name, config.site_url, directory_urls=config.use_directory_urls)
        _write_widget(self.widget_files[""], widget_data(self.build.data.hub, hub_view, self.build.status, site))
        for section in self.build.sections:  # each in its words, leading to its pages
            hub = self.section_hubs.get(section.language)
            if hub is None or section.urls.section not in self.widget_files:
                continue
            with use_language(load_language(section.language)):
                data = widget_data(hub["supporttab_hub_model"], hub["supporttab_hub"], section.status,
                                   replace(site, urls=section.urls))
                _write_widget(self.widget_files[section.urls.section], data)

    def _zone_label(self, zone: str) -> Markup:
        """What pages call `zone`, in the language being spoken: the site's words for its own zone (translated, or
        as written saying their language), else the zone's city as the language names it (another zone, such as
        the opening hours' own, always)."""
        label = self.options.timezone_label if zone == self.options.timezone else None
        if label is not None:
            label = Reading(active().tag, self.languages[0]).text(label)
        return text_html(zone_label(zone, label))

    def _language_versions(self, page: Page, directory_urls: bool) -> list[dict[str, str]]:
        """The page in each language where every language's section has it (the hub, the team page, the status
        part), else none."""
        generated = self._generated(page)
        if generated is None:
            return []
        section = self.sections.get(page.file.src_uri)
        source = page.file.src_uri.removeprefix(section.urls.section) if section else page.file.src_uri
        sections = self.build.sections if self.build else ()
        if source not in self.pages or not all(section.urls.source(source) in self.pages for section in sections):
            return []  # an author's page of the same name (at the root or in a section) stands in for it
        return _language_versions(source, self.languages, directory_urls)

    def _mark_current_in_nav(self, source: str | None) -> None:
        """While a section's page renders, the navigation's page it stands in for (its hub, team or status page) is
        the current one, as MkDocs marks a page it renders: its tab and section are highlighted."""
        if self.stand_in is not None:
            self.stand_in.active = False
        self.stand_in = next((page for page in self.nav.pages if page.file.src_uri == source), None) if (
            source is not None and self.nav is not None) else None
        if self.stand_in is not None:
            self.stand_in.active = True

    def _prepare_article_version(self, page: Page) -> None:
        """An article in another language's section: its links to what the section lacks (images, the team page)
        go to the site's own; shown untranslated, it is left out of search (the original is there) and says so."""
        original, language = self.article_versions[page.file.src_uri]
        hide = page.meta.get("hide")
        # Outside the navigation, which is the first language's: its sidebar would be an empty scrolling box.
        page.meta["hide"] = [*(hide if isinstance(hide, list) else []), "navigation"]
        note = None
        if not self.articles.translated(original, language):
            search = page.meta.get("search")
            page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
            with use_language(load_language(language)):
                note = untranslated_note(self.languages[0])
        stood_in = frozenset(section.urls.source(source) for section in self.build.sections
                             if section.language == language for source in section.urls.stand_ins)
        page.render = MethodType(partial(_render_in_section, section=f"{language}/", note=note,  # type: ignore
                                         original=self.language, stood_in=stood_in), page)

    def _add_article_context(self, context: Any, page: Page, config: MkDocsConfig) -> None:
        """An article's language menu, to its version in each language (hreflang only to real translations); in
        another language's section, that language's words and views while it renders."""
        original, language = self.article_versions.get(page.file.src_uri, (page.file.src_uri, self.languages[0]))
        if len(self.languages) < 2 or original not in self.articles.originals:
            return
        if self.language_menu:
            context["supporttab_language_versions"] = _article_versions(self.articles, original, language,
                                                                        config.use_directory_urls)
        if language == self.languages[0]:
            return
        activate(load_language(language))
        section = next((s for s in self.build.sections if s.language == language), None) if self.build else None
        context.update(_section_globals(section) if section else {
            "supporttab": language_chrome(self.build.data.hub, language, self.languages[0]) if self.build else None,
            "supporttab_urls": UrlScheme(config.use_directory_urls, f"{language}/"),
            "supporttab_script_words": json_for_html(script_words())}, **self._language_context(language))

    def _authors_section(self, page: Page) -> Section | None:
        """The language's section an author's own page is in (de/index.md, de/faq.md); None for any other page
        (the first language's, one Support Tab generates, an article shown in a section)."""
        uri = page.file.src_uri
        if self.build is None or page.file.generated_by is not None or uri in self.article_versions:
            return None
        return next((section for section in self.build.sections if uri.startswith(section.urls.section)), None)

    def _section_context(self, section: Section) -> dict[str, Any]:
        """What a page of a language's section shows besides its own context: the section's words, views and links
        (the help strip, the banner, the widget), and the navigation's titles in the first language."""
        return {**_section_globals(section), **self.section_hubs.get(section.language, {}),
                **self._language_context(section.language)}

    def _language_context(self, language: str) -> dict[str, Any]:
        """What every page in `language`'s section needs beside its views: tabs leading to the section's pages, the
        time zone's label in its words, the theme's language, and the navigation's titles' (the first one)."""
        return {"supporttab_section_sources": self.section_sources.get(language, ()),
                "supporttab_zone_label": self._zone_label(self.options.timezone),
                "supporttab_theme_language": self.theme_languages.get(language),
                "supporttab_authored_language": self.languages[0]}

    def _shown_as_written(self) -> frozenset[str]:
        """The pages of another language's section that show an article as written (it has no translation there)."""
        return frozenset(page for page, (original, language) in self.article_versions.items()
                         if not self.articles.translated(original, language))

    def _generated(self, page: Page) -> GeneratedPage | None:
        if page.file.generated_by is None:
            return None
        return self.pages.get(page.file.src_uri)


def _site_needs_theme_script(config: MkDocsConfig) -> bool:
    """Whether every page but the light ones loads the theme's script at once: for a feature or setting only it
    carries out, or for a template in `custom_dir` whose code subscribes to it (`document$`), which would otherwise
    fail until a reader searched."""
    if site_needs_theme_script(config.theme.get("features") or [], config.extra):
        return True
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    users = [path.relative_to(custom_dir).as_posix() for path in templates_using_theme_script(custom_dir)]
    if users:
        log.info(f"{Path(custom_dir).name}/{users[0]} uses the theme's script (like document$), so the hub, team page "
                 "and articles load it at once; the status, history and incident pages never do: check "
                 "`if (window.document$)` in code that may run there")
    return bool(users)


def _add_address_breaks(config: MkDocsConfig) -> None:
    """Addresses linked in the site's own Markdown pages wrap where the templates' addresses do (core/addresses.py)."""
    if not any(isinstance(extension, AddressBreaks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(AddressBreaks())


def _site_language(tag: str) -> Language:
    """The language Support Tab writes the site in; one warning when it has no catalog for it."""
    language = load_language(tag)
    if language.fallback:
        log.warning(fallback_warning(language))
    return language


def _add_language_switcher(config: MkDocsConfig, languages: tuple[str, ...], source: str) -> bool:
    """mkdocs-material's language menu, to the page `source` (the hub: every site has one) in each language,
    unless the site has its own; each generated page changes it to its own versions (partials/alternate.html), and
    links its head only to those (main.html). Whether the menu is ours."""
    if len(languages) < 2 or config.extra.get("alternate"):
        return False
    config.extra["alternate"] = _language_versions(source, languages, config.use_directory_urls)
    return True


def _language_versions(source: str, languages: tuple[str, ...], directory_urls: bool) -> list[dict[str, str]]:
    """A generated page's version in each language: the default language's at the root, the others' in their
    sections."""
    return [{"name": own_name(tag), "lang": tag, "link": UrlScheme(directory_urls, f"{tag}/" if n else "").page(source)}
            for n, tag in enumerate(languages)]


def _search_in_languages(config: MkDocsConfig, languages: tuple[str, ...]) -> None:
    """mkdocs-material's search, one index for the whole site, stems and stops words in each of the site's
    languages it knows (lunr's), unless the site chose: German readers find "Passwörter" under "Passwort"."""
    search = config.plugins.get("material/search")
    if len(languages) < 2 or search is None or search.config.get("lang"):
        return
    known = Path(material_templates.__file__).parent / "assets" / "javascripts" / "lunr" / "min"
    codes = [tag.replace("_", "-").split("-")[0].lower() for tag in languages]
    search.config["lang"] = [code for code in dict.fromkeys(codes)
                             if code == "en" or (known / f"lunr.{code}.min.js").is_file()]


def _add_article_versions(files: Files, config: MkDocsConfig, articles: Articles) -> dict[str, tuple[str, str]]:
    """Each article again in each further language's section: its translation (de/x.md, published there and never
    as x.de/), else the original, shown with a note. {page: (original, language)}; an author's page of that name
    wins."""
    translations = {page: (original, language) for original, pages in articles.translations.items()
                    for language, page in pages.items()}
    written = {file.src_uri: file for file in files.documentation_pages() if file.generated_by is None}
    versions = {}
    for original in sorted(articles.originals & written.keys()):
        for language in articles.languages[1:]:
            page = articles.source(original, language)
            if files.get_file_from_path(page) is not None:
                continue
            source = written.get(articles.translations.get(original, {}).get(language, original), written[original])
            version = File.generated(config, page, abs_src_path=source.abs_src_path,
                                     inclusion=InclusionLevel.NOT_IN_NAV)
            version.edit_uri = source.edit_uri  # "Edit this page" still opens the author's file
            files.append(version)
            versions[page] = (original, language)
    for page in translations.keys() & written.keys():
        files.remove(written[page])
    return versions


def _article_versions(articles: Articles, original: str, language: str, directory_urls: bool
                      ) -> list[dict[str, Any]]:
    """The language menu of an article's page in `language`: every language's version; search engines are told of
    the translations only, and by an untranslated page of none (it shows the original)."""
    real = articles.translated(original, language)
    translated = [version for version in articles.versions(original) if version[2]]
    return [{"name": own_name(tag), "lang": tag, "link": UrlScheme(directory_urls).page(source),
             "hreflang": real and done and len(translated) > 1}
            for tag, source, done in articles.versions(original)]


class _SectionFiles:
    """The site's files as a page of a language's section sees them: a link to what the section lacks (an image,
    the team page), or to the hub, team or status page an author's own page stands in for (`stood_in`: the article
    was written for the generated one, with its contact details and people), leads to the site's own."""

    def __init__(self, files: Files, section: str, stood_in: frozenset[str] = frozenset()) -> None:
        self._files, self._section, self._stood_in = files, section, stood_in

    def get_file_from_path(self, path: str) -> File | None:
        found = None if path in self._stood_in else self._files.get_file_from_path(path)
        if found is None and path.startswith(self._section):
            return self._files.get_file_from_path(path.removeprefix(self._section))
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


def _render_in_section(page: Page, config: MkDocsConfig, files: Files, *, section: str, note: Markup | None,
                       original: Language, stood_in: frozenset[str] = frozenset()) -> None:
    """Page.render for an article in a language's section; shown untranslated, under `note`, in a block that says
    its language (`original`) and direction; its links to pages an author's own stands in for, to the first
    language's (written for those, they may name anchors the author's page lacks)."""
    Page.render(page, config, _SectionFiles(files, section, stood_in))  # type: ignore[arg-type]
    if note is not None:
        direction = "rtl" if original.rtl else "ltr"
        page.content = note + Markup('<div class="st-as-written" lang="{}" dir="{}">').format(
            original.tag, direction) + Markup(page.content or "") + Markup("</div>")


_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')


def _point_canonical_at(output: str, original: str, config: MkDocsConfig) -> str:
    """A page showing an article as written names the original as the one to index: the same text, once."""
    if not config.site_url:
        return output
    url = urljoin(config.site_url, UrlScheme(config.use_directory_urls).page(original))
    return _CANONICAL.sub(lambda _: str(Markup('<link rel="canonical" href="{}">').format(url)), output, count=1)


_CONTENTS = re.compile(r'(<ul class="md-nav__list" data-md-component="toc")')


def _mark_contents(output: str, language: str) -> str:
    """The table of contents of a page shown as written lists its headings as written: in `language`."""
    return _CONTENTS.sub(rf'\1 lang="{language}" dir="auto"', output, count=1)


_SITE_NAME = re.compile(r'(<div class="md-header__topic")(>)')
_PAGE_TITLE = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic")(>)')
_DRAWER_TITLE = re.compile(r'(<label class="md-nav__title" for="__drawer")(>)')


def _mark_titles(output: str, site_language: str, title_language: str | None) -> str:
    """A page in another language says which its header shows as written: the site's name (and the menu's title),
    always, and the page's title when `title_language`, each cut short at its own end (dir="auto": "Brightwell
    S…" on an Arabic page). Search does not index the header. The <title> cannot mark part of itself: unmarked."""
    output = _SITE_NAME.sub(rf'\1 lang="{site_language}" dir="auto"\2', output, count=1)
    output = _DRAWER_TITLE.sub(rf'\1 lang="{site_language}"\2', output, count=1)
    if title_language is None:
        return output
    return _PAGE_TITLE.sub(rf'\1 lang="{title_language}" dir="auto"\2', output, count=1)


_LANGUAGE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _without_language_links(head: str) -> str:
    """The theme's head without its links to the site in other languages (feeds' links have no hreflang)."""
    return _LANGUAGE_LINK.sub("", head)


@pass_context
def _section_links(context: Context, html: str) -> str:
    """The navigation as a page of a language's section shows it: its links to the default language's generated
    pages (the hub, the team and status pages) lead to the section's own instead. The links are compared as the
    `url` filter writes them for this page, so only whole links to those pages change."""
    urls = context.get("supporttab_urls")
    if urls is None or not urls.section:
        return html
    url, default = context.environment.filters["url"], UrlScheme(urls.directory_urls)
    shown = context["page"].file.src_uri if context.get("page") else None
    for source in context.get("supporttab_section_sources") or ():
        link = f'href="{url(context, urls.page(source))}"'
        html = html.replace(f'href="{url(context, default.page(source))}"', link)
        if urls.source(source) == shown:  # the theme marks its own page's link as the current one: this is it
            html = html.replace(f'{link} class="md-nav__link"', f'{link} class="md-nav__link md-nav__link--active"')
    return html


def _section_sources(pages: list[GeneratedPage], urls: UrlScheme, generated: dict[str, GeneratedPage]
                     ) -> tuple[str, ...]:
    """The default language's pages in the navigation that a section (`urls`) generates too: only those its
    navigation can lead to (an author's own page in the section stands in for the generated one)."""
    return tuple(page.src_uri for page in pages if page.in_nav and urls.source(page.src_uri) in generated)


def _links_in_language(links: dict[str, PageLink], every_page: dict[str, PageLink],
                       articles: Articles) -> Callable[[str], dict[str, PageLink]]:
    """For a language, the first language's pages the hub may list, each as its page in that language (its
    translation, or the original shown under a note; a generated page's version in its section): a German hub's
    articles, guides, status and team page stay in German. A generated page its section lacks is not listed."""
    def pages(language: str) -> dict[str, PageLink]:
        shown = {}
        for uri, link in links.items():
            version = every_page.get(articles.source(uri, language))
            if version is not None or uri in articles.originals:
                shown[uri] = version or link
        return shown
    return pages


def _section_hubs(sections: tuple[Section, ...], page_views: dict[str, int], pages: dict[str, PageLink],
                  in_language: Callable[[str], dict[str, PageLink]], site_url: str | None,
                  now: Any) -> dict[str, dict[str, Any]]:
    """Each section's hub as its templates read it: its texts, and the view made from them in its language (its
    weekdays, clock and closures; the most visited of the first language's pages, each linked in its language)."""
    hubs = {}
    for section in sections:
        if section.hub is None:
            continue
        with use_language(load_language(section.language)):
            view = build_hub_view(section.hub, page_views, pages, site_url=site_url, now=now,
                                  shown=in_language(section.language))
        hubs[section.language] = {"supporttab_hub": view, "supporttab_hub_model": section.hub,
                                  "supporttab_team": section.team}
    return hubs


def _with_stand_ins(section: Section, generated: dict[str, GeneratedPage]) -> Section:
    """The section with its links to the hub, team and status page leading to the first language's where an
    author's own page stands in for the section's and the first language's is generated: the help strip's
    `#help-from-us` and the signatures' `#member-…` then reach the contact details and people they name."""
    stand_ins = frozenset(source for source in (HUB_PAGE, TEAM_PAGE, STATUS_PAGE)
                          if source in generated and section.urls.source(source) not in generated)
    return replace(section, urls=replace(section.urls, stand_ins=stand_ins)) if stand_ins else section


def _section_globals(section: Section) -> dict[str, Any]:
    return {"supporttab": section.chrome, "supporttab_status": section.status, "supporttab_summary": section.summary,
            "supporttab_update_ways": section.update_ways, "supporttab_record": section.record,
            "supporttab_urls": section.urls, "supporttab_script_words": json_for_html(script_words())}


_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_DIR = re.compile(r'<body dir="[^"]*"')


def _set_page_language(output: str, language: Language) -> str:
    """The theme writes the site's language and direction into <html> and <body>; a page of another section
    says its own."""
    output = _HTML_LANG.sub(f'<html lang="{language.bcp47}"', output, count=1)
    return _BODY_DIR.sub(f'<body dir="{"rtl" if language.rtl else "ltr"}"', output, count=1)


def _tag_theme_language(config: MkDocsConfig, tag: str, *, warn: bool) -> None:
    """Let the theme speak the site's language too, so pages carry its `lang` and text direction: by the whole
    tag (pt-BR, zh_TW as zh-TW) or the language alone (en for en-US or EN), where the theme has words for it. A
    plugin option the theme does not know leaves the theme's language, with a warning."""
    code = _theme_language(config, tag)
    if code is not None:
        config.theme["language"] = code
        return
    if warn:
        log.warning(f"The theme has no words for '{tag}', so its menus, and the pages' language and text direction, "
                    f"stay '{config.theme.get('language')}'; set theme.language to a language the theme knows")


def _theme_language(config: MkDocsConfig, tag: str) -> str | None:
    """The theme's name for the language `tag` (pt-BR, zh_TW as zh-TW, en for en-US or EN), if it has words for it."""
    normal = tag.replace("_", "-")
    for code in dict.fromkeys((normal, normal.split("-")[0].lower())):
        if any((Path(folder) / "partials" / "languages" / f"{code}.html").is_file() for folder in config.theme.dirs):
            return code
    return None


def _install_translations(env: Environment) -> None:
    """Jinja's i18n extension with the build's catalog: `_("...")` and `ngettext(...)` in our templates, with
    named placeholders that autoescape escapes (newstyle gettext)."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(lambda message: active().translations.gettext(message),
                                  lambda singular, plural, n: active().translations.ngettext(singular, plural, n),
                                  newstyle=True)
    env.globals["ngettext"] = _template_ngettext


@pass_context
def _template_ngettext(context: Any, singular: str, plural: str, num: int, **values: Any) -> str:
    """Jinja's newstyle ngettext, but `%(num)s` written as the locale writes numbers ('1.234 Tage', not '1234')."""
    text = active().translations.ngettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    values.setdefault("num", number_text(num))
    return text % values


def _own_css(several_languages: bool = False) -> str:
    """Support Tab's stylesheet, its status colours taken from the vocabulary; on a site of several languages, with
    the rules for text shown as written (languages.css)."""
    own = colour_properties() + (PACKAGE_DIR / "assets" / "supporttab.css").read_text("utf-8")
    return own + (PACKAGE_DIR / "assets" / "languages.css").read_text("utf-8") if several_languages else own


def _theme_stylesheets(config: MkDocsConfig) -> list[Path]:
    """mkdocs-material's stylesheets, as its base template links them: the main one, and the palette's if set."""
    names = ["main.*.min.css", *(["palette.*.min.css"] if config.theme.get("palette") else [])]
    return [next(THEME_STYLESHEETS.glob(name)) for name in names]


def _theme_script() -> Path:
    """mkdocs-material's script bundle, as its base template links it."""
    return next(THEME_SCRIPTS.glob("bundle.*.min.js"))


def _theme_script_classes() -> list[str]:
    """The classes the theme's script may give what it adds to a page (search results, wrapped tables, content tabs'
    controls) and the attributes it sets (data-md-scrolllock while search is open on a phone, data-focus-visible-added
    ...): the words of its bundle that name its own components or attributes. Its other words (note, keys) are
    Markdown's, which the pages supply themselves when they use them."""
    bundle = _theme_script()
    return _bundle_classes(bundle, bundle.stat().st_mtime_ns)


@functools.cache
def _bundle_classes(bundle: Path, mtime_ns: int) -> list[str]:
    """The words of the theme's 114 KB bundle, read and split once per version of it (its path and time), not on
    every build and every rebuild of `mkdocs serve`."""
    return [word for word in words_of([bundle.read_text("utf-8")]) if word.startswith(("md-", "tabbed-", "data-"))]


def _whole_pages(files: Files) -> tuple[set[str], list[str]]:
    """The templates and the rendered Markdown of every page that is not light."""
    templates, contents = set(), []
    for file in files.documentation_pages():
        page = file.page
        if page is not None and not page.meta.get("supporttab_light"):
            templates.add(page.meta.get("template") or "main.html")
            contents.append(page.content or "")
    return templates, contents


def _template_sources(env: Environment, names: set[str], skip: frozenset[str], root: Path) -> list[str]:
    """The source of every template in `names` and of all they extend, include or import (except `skip`, and
    names made at render time, such as icons)."""
    seen: set[str] = set()
    sources = []
    pending = sorted(names)
    while pending:
        name = pending.pop()
        if name in seen or name in skip:
            continue
        seen.add(name)
        try:
            source = env.loader.get_source(env, name)[0] if env.loader else ""
        except TemplateNotFound:
            continue
        sources.append(source)
        try:
            pending += _referenced_templates(env, source)
        except TemplateSyntaxError as error:  # an override's mistake: one sentence saying where
            error.filename = error.filename or env.loader.get_source(env, name)[1] or name
            raise PluginError(_template_error(error, root)) from None
    return sources


def _referenced_templates(env: Environment, source: str) -> list[str]:
    """The templates `source` extends, includes or imports by a constant name. Remembered by source: parsing every
    light page's templates again took a tenth of every preview."""
    if source not in _REFERENCED:
        _REFERENCED[source] = [found for found in meta.find_referenced_templates(env.parse(source)) if found]
    return _REFERENCED[source]


_REFERENCED: dict[str, list[str]] = {}


def _palette_words(config: MkDocsConfig) -> list[str]:
    """The colour schemes and colours the palette switches between: page attributes only at run time."""
    palette = config.theme.get("palette") or []
    options = [palette] if isinstance(palette, dict) else palette
    return [str(option.get(key) or default).replace(" ", "-") for option in options
            for key, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo"))]


def _only_known_context_readers(config: MkDocsConfig, plugin: SupportTabPlugin) -> bool:
    """Whether every other plugin that sees a page's context only reads it (see _READS_CONTEXT_ONLY). A `hooks:`
    function has no plugin behind it: it may change anything, so it counts as another."""
    return all(getattr(handler, "__self__", None) is plugin
               or type(getattr(handler, "__self__", None)).__module__.startswith(_READS_CONTEXT_ONLY)
               for handler in config.plugins.events["page_context"])


def _last_to_see(config: MkDocsConfig, plugin: SupportTabPlugin, event: str) -> bool:
    """Whether our handler of `event` runs after every other plugin's."""
    handlers = config.plugins.events[event]
    return bool(handlers) and getattr(handlers[-1], "__self__", None) is plugin


def _only_own_output_handlers(config: MkDocsConfig, plugin: SupportTabPlugin) -> bool:
    """Whether no other plugin (or hook) sees a page's output: only then may a page MkDocs skips keep the file
    written last time, which went through every handler then."""
    return all(getattr(handler, "__self__", None) is plugin for handler in config.plugins.events["post_page"])


def _keep_written_page(file: File, anchors: frozenset[str], readers: list[Any], config: MkDocsConfig,
                       nav: Any, changed: Any = None) -> None:
    """Have MkDocs skip an unchanged page under `--dirty` (unless `changed()` says it changed after all) and keep
    the file it wrote last time. MkDocs asks whether the file changed just where it would build the page; so that
    is when the plugins that only read a page's context (search) see it, in the order a full build gives them, and
    when the page's anchors are set for the link check."""
    page = file.page

    def is_modified() -> bool:
        if changed is not None and changed():
            return True
        page.present_anchor_ids = set(anchors)
        for read in readers:
            read({}, page=page, config=config, nav=nav)
        return False

    file.is_modified = is_modified  # type: ignore[method-assign]


def _always() -> bool:
    return True


_STATUS_GLOBALS = re.compile(r"\bsupporttab_(?:summary|status)\b")


def _templates_reading_status(custom_dir: str | None) -> bool:
    """Whether a template in the site's `custom_dir` reads the status or its summary: then more than the banner
    may change with an open incident, and a preview renders every page again rather than swap banners."""
    if not custom_dir or not Path(custom_dir).is_dir():
        return False
    return any(_STATUS_GLOBALS.search(_read_text(str(path))) for path in sorted(Path(custom_dir).rglob("*.html")))


def _reuse_theme_work(config: MkDocsConfig, cache_dir: Path) -> None:
    """Each environment the theme makes (MkDocs' own, and the one mkdocs-material's search makes to read its
    words) keeps compiled templates in the cache folder, as ours does. And MkDocs lists every file in the theme's
    folders on every build (mkdocs-material's: 14,000 icons) to copy its static files; `mkdocs serve` needs that
    listing again only when a file was added, removed or renamed there, which changes its folder's modification
    time."""
    theme = config.theme
    get_env = theme.get_env

    def get_env_reusing_work() -> Environment:
        env = get_env()
        env.bytecode_cache = env.bytecode_cache or _compiled_templates(env, cache_dir)
        list_templates = env.list_templates

        def listing(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)), extensions,
                   getattr(filter_func, "__code__", filter_func), _folder_stamps(theme.dirs))
            if key not in _THEME_LISTINGS:
                _THEME_LISTINGS.clear()
                _THEME_LISTINGS[key] = list_templates(extensions, filter_func)
            return list(_THEME_LISTINGS[key])

        env.list_templates = listing  # type: ignore[method-assign]
        return env

    theme.get_env = get_env_reusing_work  # type: ignore[method-assign]


_THEME_LISTINGS: dict[tuple, list[str]] = {}


def _folder_stamps(folders: list[str]) -> tuple[tuple[str, int], ...]:
    """Every folder under `folders` with its modification time."""
    stamps, pending = [], list(folders)
    while pending:
        folder = pending.pop()
        try:
            stamps.append((folder, os.stat(folder).st_mtime_ns))
            with os.scandir(folder) as entries:
                pending += [entry.path for entry in entries if entry.is_dir(follow_symlinks=False)]
        except OSError:
            stamps.append((folder, -1))
    return tuple(stamps)


def _surroundings(env: Environment, config: MkDocsConfig, nav: Any, sections: tuple[Section, ...],
                  zone_label: Translated | None) -> tuple:
    """What an incident or history page shows besides its own context: equal surroundings and an equal context make
    equal HTML. The settings (mkdocs.yml), the templates a site or this package may change, the message catalogs,
    the navigation's titles, links and front matter, and everything derived that the pages' templates read (the
    history's pages, for the links between them; the help strip and the time zone's label), in every language's
    section (a translation added to the active incident changes only its section's banner). Authored texts compare
    with their translations (core.texts)."""
    names = ("supporttab_css", "supporttab_hub_model", "supporttab_team", "supporttab", "supporttab_zone_label")
    status = env.globals.get("supporttab_status")
    template_dirs = [config.theme.custom_dir, str(PACKAGE_DIR / "templates")]
    stamps = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for folder in template_dirs if folder
                   for path in sorted(Path(folder).rglob("*")) if path.is_file())
    return ((_settings_texts(config.config_file_path), stamps, catalog_stamps(),
             _nav_outline(nav.items if nav else []), tuple(env.globals.get(name) for name in names),
             tuple((page.number, page.url) for page in status.history_pages) if status else (),
             tuple((section.language, section.chrome, section.urls,  # its links, to an author's own page too
                    tuple((page.number, page.url) for page in section.status.history_pages) if section.status else ())
                   for section in sections), zone_label),
            (env.globals.get("supporttab_summary"), status.active if status else None,
             tuple((section.language, section.summary, section.status.active if section.status else None)
                   for section in sections)))


def _shows_banner(summary: Any, active: tuple | None, event_id: str | None) -> bool:
    """Whether an incident or history page shows the banner (as main.html decides): while anything is active,
    except on the page of the one event the banner is about."""
    single = summary.single if summary is not None else None
    return bool(active) and not (event_id is not None and single is not None and single.event.id == event_id)


# The banner, as partials/banner.html writes it: one paragraph of this class, with no paragraph inside.
_BANNER_START, _BANNER_END = '<p class="st-banner st-banner--', "</p>"


def _with_banner(html: str, banner: str | None) -> str | None:
    """`html` with its banner replaced by `banner` (a render of partials/banner.html for the same folder), or
    None (render the page) when the new banner is not rendered yet or either has not exactly one banner in it."""
    if banner is None or html.count(_BANNER_START) != 1 or banner.count(_BANNER_START) != 1:
        return None
    start, new_start = html.index(_BANNER_START), banner.index(_BANNER_START)
    end = html.index(_BANNER_END, start) + len(_BANNER_END)
    new_end = banner.index(_BANNER_END, new_start) + len(_BANNER_END)
    before, after = banner[:new_start], banner[new_end:]  # what the partial writes around the paragraph
    if not (html[:start].endswith(before) and html[end:].startswith(after)):
        return None
    return html[:start - len(before)] + banner + html[end + len(after):]


def _settings_texts(config_file: str | None) -> tuple[str, ...]:
    """The text of mkdocs.yml and of each file it takes settings from (`INHERIT:`, followed as MkDocs does)."""
    texts: list[str] = []
    path = Path(config_file or "mkdocs.yml").resolve()
    while len(texts) < 16:  # a loop of INHERITs is MkDocs' error to report; stop following it here
        texts.append(_read_text(str(path)))
        parent = _INHERIT.search(texts[-1])
        if parent is None:
            break
        path = (path.parent / parent[1].strip().strip("'\"")).resolve()
    return tuple(texts)


_INHERIT = re.compile(r"^INHERIT:[ \t]*([^#\n]+)", re.MULTILINE)


def _nav_outline(items: list[Any]) -> tuple:
    """The navigation as pages show it: titles, links, and each page's front matter (an icon or a status shows in
    the navigation too)."""
    return tuple((type(item).__name__, str(item.title), getattr(item, "url", None),
                  tuple(sorted((key, repr(value)) for key, value in (getattr(item, "meta", None) or {}).items())),
                  _nav_outline(getattr(item, "children", None) or [])) for item in items)


class SharedRenders:
    """Theme parts that come out the same on many pages, rendered once and reused wherever every link in them comes
    out the same (links are relative, so they depend on the page's folder). MkDocs renders the whole site navigation
    into each page: 10,000 incident pages outside the navigation would render the same one 10,000 times.

    A template wraps such a part in `{% call supporttab_shared(name) %}`; with `outside_nav=true`, only pages that are
    neither in the navigation nor standing in for a page in it share it (the navigation marks the page it is on).
    The part may depend on the page only through `base_url`, the `url` filter, which records what it was asked
    while a part renders, the language being spoken and the pages its section's navigation leads to: each
    language's section has its own words and views (its banner), and its pages' tabs lead to its own pages, so
    renders are kept per both."""

    def __init__(self, url: Any, in_nav: set[str]) -> None:
        self._url = url  # MkDocs' url filter
        self._in_nav = in_nav  # the pages in the navigation, and those of a section standing in for them
        self._renders: dict[tuple[str, str, tuple[str, ...]], list[tuple[str, tuple[tuple[str, str], ...], str]]] = {}
        self._asked: list[tuple[str, str]] | None = None  # the links the part being rendered asked for

    @pass_context
    def url(self, context: Context, value: Any) -> str:
        link = self._url(context, value)
        if self._asked is not None:
            self._asked.append((value, link))
        return link

    def find(self, context: Any, name: str) -> str | None:
        """The part `name` as rendered already for a page where its base URL and links come out as on this one."""
        base_url = context.get("base_url")
        for base, links, html in self._renders.get(_shared_key(context, name), ()):
            if base == base_url and all(self._url(context, value) == link for value, link in links):
                return html
        return None

    @pass_context
    def render(self, context: Context, name: str, caller: Any, outside_nav: bool = False) -> str:
        page = context.get("page")
        if page is None or self._asked is not None or (outside_nav and page.file.src_uri in self._in_nav):
            return caller()
        found = self.find(context, name)
        if found is not None:
            return found
        renders = self._renders.setdefault(_shared_key(context, name), [])
        base_url = context.get("base_url")
        self._asked = []
        try:
            html = caller()
            links = tuple(self._asked)
        finally:
            self._asked = None
        if len(renders) < _SHARED_VARIANTS:
            renders.append((base_url, links, html))
        return html


_SHARED_VARIANTS = 16  # one per folder depth in practice; a bound keeps the look-up short


def _shared_key(context: Any, name: str) -> tuple[str, str, tuple[str, ...]]:
    return name, active().tag, tuple(context.get("supporttab_section_sources") or ())


def _share_renders(env: Environment, in_nav: set[str]) -> SharedRenders:
    shared = SharedRenders(env.filters["url"], in_nav)
    env.filters["url"] = shared.url
    env.globals["supporttab_shared"] = shared.render
    return shared


def _render_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a generated page, whose Markdown is empty: what Page.render makes of nothing, without
    building a Markdown converter with every extension for it (a tenth of a build of 1,000 incidents). Should
    another plugin have given the page some Markdown, Page.render converts it."""
    if page.markdown:
        Page.render(page, config, files)
        return
    page.content, page.toc, page.present_anchor_ids = "", _heading_only_toc(page), set()
    page._title_from_render = None
    if logging.getLogger(Page.__module__).getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def _heading_only_toc(page: Page) -> Any:
    """A generated page's table of contents: only the heading each of our templates starts with (`content-start`).
    The theme writes its skip link to a page's first entry first on the page, before the announce area with a notice's
    close button, and swaps it on instant page changes; a lone top heading shows no table of contents."""
    return get_toc([{"level": 1, "id": "content-start", "name": str(page.meta.get("title") or ""), "children": []}])


class _CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled by an earlier build (each checked against its source): every build, and every rebuild
    of `mkdocs serve`, would otherwise compile all of them again. A damaged entry is a miss; an entry that cannot
    be written is simply not kept."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - whatever is wrong with the entry, the template is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _compiled_templates(env: Environment, cache_dir: Path) -> _CompiledTemplates | None:
    """A folder in the cache per Jinja version and environment settings, which decide what a template compiles to,
    and per version of Support Tab and of MkDocs, which set up the environment (extensions, globals, filters)."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    settings = (jinja2.__version__, supporttab_version, mkdocs_version, sorted(env.extensions), autoescape,
                env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.optimized)
    folder = cache_dir / "templates" / hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


def _anchor_ids(html: str) -> set[str]:
    """Every `id="..."` attribute's value (a literal search, 8x faster than a regex starting with whitespace)."""
    return {match[1] for match in _ID.finditer(html) if match.start() > 0 and html[match.start() - 1].isspace()}


def _add_filters(env: Environment, renderer: MarkdownRenderer, zone: ZoneInfo) -> None:
    env.filters["st_markdown"] = partial(markdown_html, render=renderer.render)
    env.filters["st_markdown_inline"] = renderer.render_inline
    env.filters["st_time"] = lambda moment: time_html(moment, zone)
    env.filters["st_time_short"] = lambda moment: short_time_html(moment, zone)
    env.filters["st_duration"] = duration_text
    env.filters["st_date"] = date_text
    env.filters["st_number"] = number_text
    env.filters["st_address"] = address_html  # an address with its break points, escaped
    env.filters["st_list"] = list_text  # 'A, B and C', as the language lists things
    env.filters["st_without_language_links"] = _without_language_links
    env.filters["st_section_links"] = _section_links  # the navigation of a section's page, to its own pages
    env.filters["st_text"] = text_html  # an authored text; shown untranslated, it says its language
    env.filters["st_percent"] = lambda percent: percent_text(percent / 100, 2)  # 99.87 -> '99.87%', '99,87 %'
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


def _say_template_errors(env: Environment, root: Path) -> None:
    """A template that fails while a page renders (an override in custom_dir including a file that is not there,
    or reading what is undefined) stops the build with one sentence saying where, not a traceback: on one core
    or two alike (the helper leaves a failing page to this process)."""
    class TemplateSayingErrors(env.template_class):  # type: ignore[name-defined, misc]
        def render(self, *args: Any, **kwargs: Any) -> str:
            try:
                return super().render(*args, **kwargs)
            except TemplateError as error:
                raise PluginError(_template_error(error, root)) from None

    env.template_class = TemplateSayingErrors


def _template_error(error: TemplateError, root: Path) -> str:
    """'overrides/main.html, line 3: ...; fix the template', from the innermost template the error came from."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if not frame.filename.endswith(".py")]
    if isinstance(error, TemplateSyntaxError) and error.filename:
        file, line = error.filename, error.lineno
    elif frames:
        file, line = frames[-1].filename, frames[-1].lineno
    else:
        file, line = "a template", None
    with contextlib.suppress(ValueError):
        file = Path(file).resolve().relative_to(root).as_posix()
    what = (f"the template '{error.name}' does not exist" if isinstance(error, TemplateNotFound)
            else error.message or type(error).__name__)
    return f"{file}{f', line {line}' if line else ''}: {what}; fix the template"


def _expose_theme_templates(env: Environment) -> None:
    """Make mkdocs-material's own templates reachable as `material/...`, and our layer as `supporttab/main.html`, so an
    override in custom_dir can wrap the original it takes the place of."""
    if not isinstance(env.loader, ChoiceLoader):
        material = FileSystemLoader(str(Path(material_templates.__file__).parent))
        ours = FileSystemLoader(str(PACKAGE_DIR / "templates"))
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": material, "supporttab": ours})])


def _drop_data_files(files: Files, data_files: tuple[Path, ...], docs_dir: str) -> None:
    """Authored data (hub.yml, the page-view CSV) may live in content/ but is not published as-is. Only the files
    of content/ are looked at: resolving each of the theme's hundreds of files costs a preview for nothing."""
    for file in list(files):
        if file.src_dir == docs_dir and file.abs_src_path and Path(file.abs_src_path).resolve() in data_files:
            files.remove(file)


def _add_generated_pages(files: Files, config: MkDocsConfig, pages: list[GeneratedPage]) -> dict[str, GeneratedPage]:
    """Add each page unless the site already has a page of that name: an author's page always wins. At the root
    that is likely an old page in the way (a warning, so --strict stops); in a language's folder, a page written
    for that language on purpose (a note)."""
    added = {}
    for page in pages:
        if page.src_uri in files.src_uris:  # as MkDocs keys them: no path to normalize for a thousand pages
            _say_stood_in(Path(config.docs_dir).name, page)
            continue
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        added[page.src_uri] = page
    return added


# Where links to a generated page lead when an author's own page in a language's folder stands in for it.
_STOOD_IN_LINKS = {
    HUB_PAGE: "links to its contact details lead to the first language's hub, which has them",
    TEAM_PAGE: "links to its people lead to the first language's team page, which has them",
    STATUS_PAGE: "links to the status page lead to the first language's, which shows what is working",
}


def _say_stood_in(docs: str, page: GeneratedPage) -> None:
    if page.section:
        links = _STOOD_IN_LINKS.get(page.src_uri.removeprefix(page.section), "links to it lead to your page")
        log.info(f"{docs}/{page.src_uri} is your own page, so Support Tab does not generate '{page.title}' there; "
                 f"{links}")
    else:
        log.warning(f"{docs}/{page.src_uri} exists, so Support Tab does not generate '{page.title}' there; delete "
                    "that page to get the generated one")


def _add_package_files(files: Files, config: MkDocsConfig) -> None:
    for script in (SCRIPT, HUB_SCRIPT, ON_DEMAND_SCRIPT, LANGUAGE_LINKS_SCRIPT):
        files.append(File.generated(config, f"assets/supporttab/{script}", content=script_source(script)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))


def _add_widget_files(files: Files, config: MkDocsConfig, sections: tuple[str, ...]) -> dict[str, tuple[File, File]]:
    """The embeddable widget's data and script in each language's folder, filled in by on_env."""
    added = {}
    for section in sections:
        added[section] = (File.generated(config, f"{section}{WIDGET_JSON}", content=""),
                          File.generated(config, f"{section}{WIDGET_SCRIPT}", content=""))
        for file in added[section]:
            files.append(file)
    return added


def _write_widget(widget: tuple[File, File], data: dict[str, Any]) -> None:
    json_file, script_file = widget
    json_file.content_string = widget_json(data)
    script_file.content_string = widget_script(data)  # its words: the language being spoken


def _published_pages(config: MkDocsConfig) -> frozenset[str]:
    """The Markdown pages MkDocs will publish from docs_dir (not excluded, not drafts), before it has listed them.
    MkDocs lists them again itself, with its own warnings: keep ours quiet, so none is said twice."""
    listing_log = logging.getLogger(get_files.__module__)  # mkdocs.structure.files, or ProperDocs' own
    was_disabled, listing_log.disabled = listing_log.disabled, True
    try:
        return frozenset(file.src_uri for file in get_files(config).documentation_pages())
    finally:
        listing_log.disabled = was_disabled


def _page_links(files: Files, left_out: set[str]) -> dict[str, PageLink]:
    """The pages the hub may list as most visited: every page but the hub itself and the pages of the other
    languages' sections (their hubs, team and status pages: each language's hub speaks of the same pages)."""
    return {file.src_uri: PageLink(str(file.page.title), file.url) for file in files.documentation_pages()
            if file.page is not None and file.src_uri not in left_out}
