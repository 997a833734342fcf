"""Atom, RSS and JSON Feed of status updates: every update is an entry, and so is a published postmortem,
site-wide and per component."""

from __future__ import annotations

import datetime as dt
import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from functools import cached_property

from ..core.i18n import Language, active, gettext, written_in
from ..core.timefmt import utc_iso
from ..core.urls import HISTORY_FEED, JSON_FEED, SiteInfo, component_feed
from .index import EventView, PostmortemView, StatusIndex, UpdateView
from .social import social_post

MAX_ENTRIES = 200  # the newest updates; the history pages keep everything
ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Entry:
    """One published item of one event: an update, or its postmortem."""

    event: EventView
    item: UpdateView | PostmortemView
    page: str  # the event's page, as an address readers can follow

    @property
    def at(self) -> dt.datetime:
        return self.item.at

    @property
    def url(self) -> str:
        return f"{self.page}#{self.item.anchor}"

    @property
    def title(self) -> str:
        return gettext("%(status)s: %(title)s", status=self.item.status_label, title=self.event.title)

    @property
    def content_language(self) -> str | None:
        """The language of an update's body shown as written (untranslated), else None: the feed's own."""
        return getattr(self.item, "written_in", None)

    @property
    def title_language(self) -> str | None:
        """The language of the event's title shown as written (untranslated), else None: the feed's own."""
        return written_in(self.event.title)

    @property
    def language(self) -> str | None:
        """The entry's language where its title and text are both shown as written in one; else None (the feed's
        own, or a mix only each part can say)."""
        return self.content_language if self.content_language == self.title_language else None

    def content_html(self, *, marked: bool) -> str:
        """The entry's HTML; `marked`: an untranslated body in a block saying its language, for a format that
        cannot say it otherwise (RSS)."""
        html = str(self.item.body_html)
        language = self.content_language
        return f'<div lang="{language}" dir="auto">{html}</div>' if marked and language else html

    @cached_property  # in up to four feeds, each in two formats
    def social(self) -> str:
        """The short, signed message the CLI prints, for tools that post from feeds."""
        return social_post(self.item.status_label, self.event.title, self.item.body, self.page, self.item.author)

    @cached_property  # compared in every feed the entry is in, on every rebuild of a preview
    def shown(self) -> tuple:
        """Everything of the entry that a feed shows."""
        return (self.url, self.title, self.title_language, self.at, self.item.author, str(self.item.body_html),
                self.content_language, self.social,
                tuple((component.id, component.name) for component in self.event.components))


def feed_files(index: StatusIndex, site: SiteInfo) -> dict[str, str]:
    """Every feed file, by its path in the site (in its language's folder, `site.urls.section`)."""
    title = gettext("%(site)s status", site=site.name)
    everything = _entries(index.events, site)
    files = _feeds(site.urls.source(HISTORY_FEED), title, everything[:MAX_ENTRIES], site)
    files[site.urls.source(JSON_FEED)] = _remembered(site.urls.source(JSON_FEED), _json_feed_at, title,
                                                     everything[:MAX_ENTRIES], site)
    by_component = _newest_by_component(everything, [component.id for component in index.components])
    for component in index.components:
        files.update(_feeds(site.urls.source(component_feed(component.id)),
                            gettext("%(site)s status: %(component)s", site=site.name, component=component.name),
                            by_component[component.id], site))
    language = active()  # forget this language's feeds not written this time (a component removed since)
    for gone in [key for key in _LAST_WRITTEN if key[0] == language and key[1] not in files]:
        del _LAST_WRITTEN[gone]
    return files


def _newest_by_component(entries: list[Entry], component_ids: list[str]) -> dict[str, list[Entry]]:
    """The newest MAX_ENTRIES of `entries` about each component, in one pass over them."""
    chosen: dict[str, list[Entry]] = {component: [] for component in component_ids}
    for entry in entries:
        for component in dict.fromkeys(named.id for named in entry.event.components):
            kept = chosen.get(component)
            if kept is not None and len(kept) < MAX_ENTRIES:
                kept.append(entry)
    return chosen


def _feeds(stem: str, title: str, entries: list[Entry], site: SiteInfo) -> dict[str, str]:
    return {f"{stem}.atom": _remembered(f"{stem}.atom", atom_feed, title, entries, site),
            f"{stem}.rss": _remembered(f"{stem}.rss", rss_feed, title, entries, site)}


def _remembered(path: str, write: Callable[[str, list[Entry], SiteInfo, str], str], title: str,
                entries: list[Entry], site: SiteInfo) -> str:
    """The feed at `path`, as written last time when everything it shows is the same: `mkdocs serve` derives the
    site again on every save, and an edit to an incident long over changes none of the newest entries."""
    made_from = (title, site, active(), [entry.shown for entry in entries])  # the language: its words and tag
    last = _LAST_WRITTEN.get((active(), path))
    if last is not None and last[0] == made_from:
        return last[1]
    text = write(title, entries, site, path)
    _LAST_WRITTEN[(active(), path)] = (made_from, text)
    return text


_LAST_WRITTEN: dict[tuple[Language, str], tuple[tuple, str]] = {}  # by language and path


def _entries(events: Iterable[EventView], site: SiteInfo) -> list[Entry]:
    """Every entry of `events`, newest first. `mkdocs serve` derives the view of an unchanged incident once
    (status/index.py): its entries, with what each shows worked out, are kept with it rather than made again for
    every incident on every save. Kept per language, whose words an entry's title is in, and only for this run's
    events: a renamed or deleted incident's entries go with the next run."""
    language = active()
    kept_for, kept = _EVENT_ENTRIES.get(language, (None, {}))
    if kept_for != site:
        kept = {}
    now: dict[str, tuple[EventView, list[Entry]]] = {}
    entries = []
    for event in events:
        last = kept.get(event.id)
        made = last[1] if last is not None and last[0] is event else _event_entries(event, site)
        now[event.id] = (event, made)
        entries += made
    _EVENT_ENTRIES[language] = (site, now)
    entries.sort(key=lambda entry: (entry.at, entry.url), reverse=True)
    return entries


def _event_entries(event: EventView, site: SiteInfo) -> list[Entry]:
    """The entries of one event: its updates, then its postmortem."""
    page = site.absolute(event.url)
    entries = [Entry(event, update, page) for update in event.updates]
    if event.postmortem:
        entries.append(Entry(event, event.postmortem, page))
    return entries


_EVENT_ENTRIES: dict[Language, tuple[SiteInfo, dict[str, tuple[EventView, list[Entry]]]]] = {}  # by language


def _latest(entries: list[Entry]) -> dt.datetime:
    return entries[0].at if entries else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def atom_feed(title: str, entries: list[Entry], site: SiteInfo, path: str) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: active().bcp47})
    _text(feed, "id", site.absolute(site.urls.status) + f"#{path}")
    _text(feed, "title", title)
    _text(feed, "updated", utc_iso(_latest(entries)))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=site.absolute(path))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site.absolute(site.urls.status))
    for entry in entries:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(item, "id", entry.url)
        _text(item, "title", entry.title)
        _text(item, "published", utc_iso(entry.at))
        _text(item, "updated", utc_iso(entry.at))
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry.url)
        author = ET.SubElement(item, f"{{{ATOM}}}author")
        _text(author, "name", entry.item.author)
        for component in entry.event.components:
            ET.SubElement(item, f"{{{ATOM}}}category", term=component.id, label=component.name)
        _text(item, "summary", entry.social)
        content = _text(item, "content", entry.content_html(marked=False))
        content.set("type", "html")
        if entry.content_language:  # shown as written, untranslated: Atom says its language
            content.set(XML_LANG, entry.content_language)
    return _xml(feed)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def rss_feed(title: str, entries: list[Entry], site: SiteInfo, path: str) -> str:
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("dc", DC)
    ET.register_namespace("content", CONTENT)
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    for tag, text in (("title", title), ("link", site.absolute(site.urls.status)),
                      ("description", html.escape(gettext("Incidents and maintenance of %(site)s", site=site.name),
                                                  quote=False)),
                      ("language", active().bcp47),
                      ("lastBuildDate", format_datetime(_latest(entries).astimezone(dt.timezone.utc)))):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, f"{{{ATOM}}}link", rel="self", type="application/rss+xml", href=site.absolute(path))
    for entry in entries:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = entry.title
        ET.SubElement(item, "link").text = entry.url
        ET.SubElement(item, "guid", isPermaLink="true").text = entry.url
        ET.SubElement(item, "pubDate").text = format_datetime(entry.at.astimezone(dt.timezone.utc))
        ET.SubElement(item, f"{{{DC}}}creator").text = entry.item.author
        for component in entry.event.components:
            ET.SubElement(item, "category").text = component.name
        ET.SubElement(item, "description").text = html.escape(entry.social, quote=False)  # read as HTML
        ET.SubElement(item, f"{{{CONTENT}}}encoded").text = entry.content_html(marked=True)
    return _xml(rss)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _json_feed_at(title: str, entries: list[Entry], site: SiteInfo, path: str) -> str:
    return json_feed(title, entries, site)  # its path is the site's own feed_url


def json_feed(title: str, entries: list[Entry], site: SiteInfo) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "language": active().bcp47,
        "home_page_url": site.absolute(site.urls.status),
        "feed_url": site.absolute(site.urls.source(JSON_FEED)),
        "items": [{
            "id": entry.url,
            "url": entry.url,
            "title": entry.title,
            "content_html": entry.content_html(marked=True),
            "summary": entry.social,
            "date_published": utc_iso(entry.at),
            "authors": [{"name": entry.item.author}],
            "tags": [c.name for c in entry.event.components],
            **({"language": entry.language} if entry.language else {}),  # else the text's div says its own
        } for entry in entries],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
