"""Times as pages show them: in the site's time zone, with a machine-readable <time> underneath."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape


def utc_iso(moment: dt.datetime) -> str:
    """'2026-11-20T09:04:00Z'"""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(moment: dt.datetime, zone: ZoneInfo) -> str:
    """'20 Nov 2026, 09:04 GMT' in the site's zone."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M} {local.tzname()}"


def time_html(moment: dt.datetime, zone: ZoneInfo) -> Markup:
    """A <time> element; the page's script adds the reader's own time beside it when that differs."""
    return Markup('<time datetime="{}" data-st-local data-st-zone="{}">{}</time>').format(
        utc_iso(moment), escape(zone.key), local_text(moment, zone))
