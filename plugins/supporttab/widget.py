"""The embeddable <support-tab>: the JSON it reads and its script, with the styles and the hub's details baked in
so the contact channels show even when the JSON cannot be fetched. A site of several languages publishes one in
each (`de/widget/`), in that language's words and leading to its pages. Paths in both are relative to the folder
above the script's (the site's root, or the language's folder); the script resolves them against its address."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .core.scripts import script_source
from .core.scriptwords import widget_words
from .core.urls import SiteInfo, UrlScheme
from .hub.model import Hub
from .hub.view import HubView, hours_data, json_for_html
from .status.index import EventView, StatusIndex
from .status.summary import plain_summary

WIDGET_JSON = "widget/support-tab.json"
WIDGET_SCRIPT = "widget/support-tab.js"
SOURCE = Path(__file__).parent / "assets" / "widget"


def widget_data(hub: Hub, view: HubView, status: StatusIndex | None, site: SiteInfo) -> dict[str, Any]:
    """Everything the panel shows: the hub's details and, on a site with a status page, the status now."""
    data = hub_details(hub, view, site, has_status=status is not None)
    data["status"] = _status(status, site) if status else None
    return data


def hub_details(hub: Hub, view: HubView, site: SiteInfo, *, has_status: bool) -> dict[str, Any]:
    """What the script keeps for when the live JSON cannot be fetched: name, search, hours, channels, articles."""
    urls = site.urls
    return {
        "name": hub.organization.name,
        "hub": _path(urls.hub, urls),
        "script": site.absolute(urls.source(WIDGET_SCRIPT)) if site.base_url else "",
        "status_page": _path(urls.status, urls) if has_status else None,
        "search": _path(urls.hub, urls),
        "search_label": hub.help_myself.search_label,
        "hours": hours_data(hub.help_from_us.hours),
        "channels": [{"label": link.channel.label, "href": link.href, "text": link.text,
                      "reply_time": link.channel.reply_time, "live": link.channel.is_live} for link in view.channels],
        "articles": [{"title": page.title, "url": _path(page.url, urls)} for page in view.popular],
        "words": widget_words(),
    }


def _status(status: StatusIndex, site: SiteInfo) -> dict[str, Any]:
    summary = plain_summary(status)
    event = status.active[0] if status.active else None
    return {"text": summary.text, "tone": summary.tone, "url": _path(site.urls.status, site.urls),
            "event": _event(event, site.urls) if event else None}


def _event(event: EventView, urls: UrlScheme) -> dict[str, Any]:
    """The active incident (or maintenance) and its latest update, signed, in plain text."""
    update = event.latest
    return {"title": event.title, "url": _path(event.url, urls),
            "update": {"text": update.body_html.striptags(),
                       "at": update.at.isoformat(), "author": update.author}}


def _path(url: str, urls: UrlScheme) -> str:
    """A site-relative address as the widget of `urls`' section finds it from its folder: `de/status/` is `status/`
    for the German widget, and a page the section lacks is one folder up."""
    if url.startswith(urls.section):
        return url.removeprefix(urls.section) or "."
    return "../" * urls.section.count("/") + url


def widget_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def widget_script(data: dict[str, Any]) -> str:
    """The script with its styles and the hub's details in place of its two placeholders, as JavaScript
    literals (JSON with `<`, `>`, `&` and line separators escaped, so nothing authored can end the string)."""
    details = {key: value for key, value in data.items() if key != "status"}
    script = script_source("widget/support-tab.js")  # with the "open now" code it shares with the hub
    css = (SOURCE / "support-tab.css").read_text("utf-8")
    return (script.replace('"__SUPPORT_TAB_CSS__"', json_for_html(css))
                  .replace('"__SUPPORT_TAB_DATA__"', json_for_html(details)))
