"""Scheduled maintenance as an iCalendar file (RFC 5545): one VEVENT per maintenance, with a UID stable per
event and language."""

from __future__ import annotations

import datetime as dt
import re

from ..core.i18n import gettext, list_text, written_in
from ..core.urls import SiteInfo
from .index import EventView, StatusIndex

_MARKDOWN_NOISE = re.compile(r"[*_`#>]+")


def maintenance_calendar(index: StatusIndex, site: SiteInfo) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Support Tab//Status//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", _property("X-WR-CALNAME", gettext("%(site)s maintenance", site=site.name))]
    for event in sorted(index.maintenances, key=lambda e: (e.scheduled_for, e.id)):
        lines += _vevent(event, site)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vevent(event: EventView, site: SiteInfo) -> list[str]:
    host = re.sub(r"^https?://", "", site.base_url).split("/")[0] or "supporttab.invalid"
    description = _MARKDOWN_NOISE.sub("", event.updates[-1].body).strip()
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid(event, site)}@{host}",
        f"DTSTAMP:{_utc(event.updated_at)}",
        f"LAST-MODIFIED:{_utc(event.updated_at)}",
        f"DTSTART:{_utc(event.scheduled_for)}",
        f"DTEND:{_utc(event.scheduled_until)}",
        f"SEQUENCE:{len(event.updates) - 1}",
        _property("SUMMARY", gettext("Maintenance: %(title)s", title=event.title), language=written_in(event.title)),
        _property("DESCRIPTION", description + "\n\n" + gettext("Affects: %(components)s", components=list_text(
            c.name for c in event.components)) + f"\n{site.absolute(event.url)}"),
        _property("URL", site.absolute(event.url), escape=False),
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def _uid(event: EventView, site: SiteInfo) -> str:
    """The event's id, stable across builds; in another language's calendar, with the language after a dot (no id
    has one): a calendar app subscribed to two languages keeps them apart, and the default language keeps the
    UIDs its subscribers already have."""
    language = site.urls.section.strip("/")
    return f"{event.id}.{language}" if language else event.id


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _property(name: str, value: str, *, escape: bool = True, language: str | None = None) -> str:
    """`name:value`, the value escaped as TEXT; with `language`, the LANGUAGE parameter saying the value's (an
    authored title shown untranslated)."""
    if escape:
        value = (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                 .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))
    return f"{name};LANGUAGE={_parameter(language)}:{value}" if language else f"{name}:{value}"


def _parameter(value: str) -> str:
    """A parameter value (RFC 5545, 3.1): quoted when it holds ; : or , and never a quote or a control character."""
    value = _NOT_IN_PARAMETER.sub("", value)
    return f'"{value}"' if any(character in value for character in ";:,") else value


_NOT_IN_PARAMETER = re.compile(r'["\x00-\x08\x0a-\x1f\x7f]')


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)
