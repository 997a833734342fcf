"""Everything Support Tab adds to a site, derived once per build from the loaded files, before MkDocs empties
site/: the status index, the team with its headshots, the help strip, the generated pages and the status outputs.
Described without MkDocs: the plugin only hands these to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .config import Options
from .core.i18n import Reading, gettext, load_language, use_language
from .core.markdown import MarkdownRenderer
from .core.problems import Problem
from .core.reading import read_in
from .core.urls import (
    CALENDAR,
    HUB_PAGE,
    STATUS_PAGE,
    TEAM_PAGE,
    SiteInfo,
    UrlScheme,
    event_page,
    history_page,
)
from .hub.chrome import SiteChrome, build_chrome
from .hub.model import Hub
from .site import SiteData
from .status.announcements import STATE_FILE, state_file
from .status.badges import badge_files
from .status.feeds import feed_files
from .status.ics import maintenance_calendar
from .status.index import StatusIndex, build_status_index
from .status.record import CommunicationRecord, communication_record
from .status.statuspage import api_files
from .status.subscribe import Link, UpdateWays, update_ways
from .status.summary import Summary, summarize
from .team.photos import make_headshots, site_framing
from .team.view import TeamView, build_team_view


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    template: str
    title: str
    description: str
    in_nav: bool = False
    hide: tuple[str, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)
    # Light pages load no theme script and one trimmed stylesheet: customers reload them during an outage.
    light: bool = False
    section: str = ""  # the language's folder it is in ("de/"), or "" for the first language's at the root


@dataclass(frozen=True)
class SiteBuild:
    """What one build adds to the site. `images` and `outputs` map paths in the site to a file or to text."""

    data: SiteData
    status: StatusIndex | None
    summary: Summary | None  # the plain-words answer at the top of the hub and status page, and in the banner
    update_ways: UpdateWays | None  # the status page's "Get updates" list
    record: CommunicationRecord | None  # how well we kept customers informed, on the status page
    team: TeamView | None
    chrome: SiteChrome
    pages: list[GeneratedPage]
    outputs: dict[str, str]
    images: dict[str, Path]
    warnings: list[Problem]  # photos that fall back to the initials avatar
    notes: list[str]  # how each new headshot was framed, for the build log
    sections: tuple[Section, ...] = ()  # the hub, team and status pages again in each other language


@dataclass(frozen=True)
class Section:
    """The site's generated pages in one more language (the hub, the team page, the status part): its pages under
    `<language>/`, derived in its words.
    Made here rather than by mkdocs-static-i18n, which (1.3.1) fails on generated pages without a source file,
    drops files outside docs_dir and rebuilds the whole site once per language."""

    language: str
    urls: UrlScheme
    status: StatusIndex | None  # None on a site without a status part, as the derived views below
    summary: Summary | None
    update_ways: UpdateWays | None
    record: CommunicationRecord | None
    chrome: SiteChrome  # the help strip, in its words
    pages: list[GeneratedPage]
    outputs: dict[str, str]  # its feeds, maintenance calendar and badges, under `<language>/`
    hub: Hub | None = None  # the hub's texts in its words, or as written where the author did not translate them
    team: TeamView | None = None  # the team page's texts likewise


def prepare_build(data: SiteData, options: Options, root: Path, now: dt.datetime, site: SiteInfo,
                  renderer: MarkdownRenderer, languages: tuple[str, ...] = ()) -> SiteBuild:
    """Derive every view and output from `data`, once; with several `languages` (the default first), the
    generated pages again in each of the others."""
    status = _status_index(data, options, now, renderer, site.urls)
    team, images, warnings, notes = _team(data, options, root)
    outputs = status_outputs(status, site) if status else {}
    pages = generated_pages(data.hub, status, team is not None)
    channels = _channels(options)
    sections = tuple(_section(data, options, now, renderer, site, language, languages[0], team)
                     for language in languages[1:])
    for section in sections:
        outputs.update(section.outputs)
    return SiteBuild(data, status, summarize(status) if status else None,
                     update_ways(status, channels) if status else None,
                     communication_record(status) if status else None, team, build_chrome(data.hub), pages,
                     outputs, images, warnings, notes, sections)


def _channels(options: Options) -> list[Link]:
    return [Link(c.name, c.link, c.kind_name) for c in options.update_channels if c.link]  # those customers join


def _section(data: SiteData, options: Options, now: dt.datetime, renderer: MarkdownRenderer, site: SiteInfo,
             language: str, default: str, team: TeamView | None = None) -> Section:
    """The generated pages in `language`, derived while it is the build's: our words from its catalog, the
    authors' from their translations, or as written with a note."""
    urls = UrlScheme(site.urls.directory_urls, f"{language}/")
    reading = Reading(language, default)
    with use_language(load_language(language)):
        hub = read_in(data.hub, reading)
        team = team.read_in(reading) if team else None
        pages = generated_pages(hub, None, team is not None, urls)
        status = _status_index(data, options, now, renderer, urls, reading)
        if status is None:
            return Section(language, urls, None, None, None, None, build_chrome(data.hub, reading), pages, {}, hub,
                           team)
        return Section(language, urls, status, summarize(status), update_ways(status, _channels(options), urls),
                       communication_record(status), build_chrome(data.hub, reading),
                       pages + status_pages(data.hub.organization.name, status, urls),
                       reader_outputs(status, replace(site, urls=urls)), hub, team)


def language_chrome(hub: Hub, language: str, default: str) -> SiteChrome:
    """The help strip in `language`, for its section's articles on a site whose status part (with its own) is
    absent."""
    with use_language(load_language(language)):
        return build_chrome(hub, Reading(language, default))


def _status_index(data: SiteData, options: Options, now: dt.datetime, renderer: MarkdownRenderer,
                  urls: UrlScheme, language: Reading | None = None) -> StatusIndex | None:
    if data.status is None:
        return None
    team = data.team
    return build_status_index(data.status, now=now, zone=ZoneInfo(options.timezone), render=renderer.render,
                              author_name=(lambda member: team.members[member].name) if team else str, urls=urls,
                              language=language)


def _team(data: SiteData, options: Options, root: Path
          ) -> tuple[TeamView | None, dict[str, Path], list[Problem], list[str]]:
    """Make (or fetch from the cache) every cleared headshot: (the team view, the images to publish, warnings
    about the photos that could not be used, notes on the new ones)."""
    team = data.team
    if team is None:
        return None, {}, [], []
    made, photo_warnings = make_headshots(team, options, root)
    urls, images = {}, {}
    for member_id, result in made.items():
        small, large, face = (f"assets/team/{result.key}-{size}.webp" for size in ("1x", "2x", "face"))
        images.update({small: result.small, large: result.large, face: result.face})
        urls[member_id] = (small, large, face)
    notes = [f"Headshot of {member_id}: framed by {result.method}" for member_id, result in made.items()
             if result.decoded]
    decoded = sum(1 for result in made.values() if result.decoded)
    notes.append(f"Headshots: {decoded} made, {len(made) - decoded} from the cache")
    framing = site_framing(options)
    return (build_team_view(team, urls, framing.width, framing.height), images,
            team.warnings + photo_warnings, notes)


def generated_pages(hub: Hub, status: StatusIndex | None, has_team: bool,
                    urls: UrlScheme | None = None) -> list[GeneratedPage]:
    """The hub, the team page and (given `status`) the status part, in `urls`' section (the default language's at
    the root); only the default language's are in the navigation, which every section shares."""
    urls = urls or UrlScheme()
    name = hub.organization.name
    in_nav = not urls.section
    pages = [GeneratedPage(urls.source(HUB_PAGE), "supporttab/hub.html", hub.title, hub.description, in_nav=in_nav,
                           hide=("navigation", "toc"), section=urls.section)]
    if has_team:
        pages.append(GeneratedPage(urls.source(TEAM_PAGE), "supporttab/team.html", gettext("Meet the team"),
                                   gettext("The people of %(organization)s who answer your questions and sign our "
                                           "status updates.", organization=name),
                                   in_nav=in_nav, hide=("navigation", "toc"), section=urls.section))
    if status is None:
        return pages
    return pages + status_pages(name, status, UrlScheme())


def status_pages(name: str, status: StatusIndex, urls: UrlScheme) -> list[GeneratedPage]:
    """The status page, the history pages and a page per event, in `urls`' section."""
    # Only the default language's status page is in the navigation, which every section shares.
    pages = [GeneratedPage(urls.source(STATUS_PAGE), "supporttab/status.html",
                           gettext("%(organization)s status", organization=name),
                           gettext("Is %(organization)s working? Current status, incidents and planned "
                                   "maintenance.", organization=name),
                           in_nav=not urls.section, hide=("navigation", "toc"), light=True, section=urls.section)]
    for history in status.history_pages:
        title = (gettext("Incident history") if history.number == 1
                 else gettext("Incident history (page %(number)s)", number=history.number))
        pages.append(GeneratedPage(urls.source(history_page(history.number)), "supporttab/history.html", title,
                                   gettext("Past incidents and maintenance of %(organization)s, newest first.",
                                           organization=name),
                                   hide=("navigation", "toc"), context={"st_history_page": history}, light=True,
                                   section=urls.section))
    for event in status.events:
        pages.append(GeneratedPage(urls.source(event_page(event.id)), "supporttab/incident.html", event.title,
                                   gettext("%(status)s: %(title)s. Updates from %(organization)s.",
                                           status=event.plain_label, title=event.title, organization=name),
                                   hide=("navigation", "toc"), context={"st_event": event}, light=True,
                                   section=urls.section))
    return pages


def status_outputs(status: StatusIndex, site: SiteInfo) -> dict[str, str]:
    """Feeds, the Statuspage-compatible API, the maintenance calendar and badges, by path in the site."""
    outputs = reader_outputs(status, site)
    outputs[STATE_FILE] = state_file(status, site)  # what `supporttab notify` compares the next deploy with
    return outputs


def reader_outputs(status: StatusIndex, site: SiteInfo) -> dict[str, str]:
    """What people and their tools read outside the pages, in the language being spoken and in its folder
    (`site.urls.section`): feeds, the maintenance calendar, badges and the Statuspage API (whose values, such as
    `major_outage`, stay Statuspage's in every language)."""
    outputs = feed_files(status, site)
    outputs[site.urls.source(CALENDAR)] = maintenance_calendar(status, site)
    outputs.update(badge_files(status, site.urls))
    outputs.update(api_files(status, site))
    return outputs
