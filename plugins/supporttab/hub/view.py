"""What the hub page shows, derived from the authored hub: ranked articles, contact links, hours, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..core.fields import TranslatedText, phone_e164
from ..core.i18n import gettext, list_text
from ..core.timefmt import clock_text, days_parts, weekday_text
from .model import WEEKDAYS, Channel, Closure, Hub, OpeningHours, Popular
from .openings import open_now_table


@dataclass(frozen=True)
class PageLink:
    """A page of the site as the hub links to it; `url` is relative to the site root."""

    title: str
    url: str
    description: str | None = None


@dataclass(frozen=True)
class ContactLink:
    """A channel as a link: `tel:`, `mailto:` or a web address, with the text to show."""

    channel: Channel
    href: str
    text: str


@dataclass(frozen=True)
class ClosedDays:
    """Closed days in a row for one reason, as the hub lists them: 'Sat, 19 Dec 2026 – Mon, 4 Jan 2027'."""

    first: dt.date
    last: dt.date
    parts: tuple[str, str, str]  # the first day, what stands between, the last day (timefmt.days_parts)
    name: TranslatedText  # why, as written (in one language or several)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class HubView:
    popular: list[PageLink]
    guides: list[PageLink]
    channels: list[ContactLink]
    hours: list[tuple[str, str]]
    closures: list[ClosedDays]
    hours_json: str  # for the open-now line's data-st-hours: plain JSON, escaped as an attribute where it lands
    json_ld: Markup
    has_live_channels: bool = field(default=False)


def build_hub_view(hub: Hub, page_views: Mapping[str, int], pages: Mapping[str, PageLink], *,
                   site_url: str | None, now: dt.datetime, shown: Mapping[str, PageLink] | None = None) -> HubView:
    """Everything the hub template needs, computed once per build. `shown` is each page as the hub links to it,
    where that is not the page itself (its version in another language's hub): the views counted are the page's.
    A page `shown` lacks is not among the most visited; a guide to it (the author chose it) leads to it as it is."""
    shown = pages if shown is None else shown
    listed = {uri: link for uri, link in pages.items() if uri in shown}  # a page shown nowhere is not ranked
    channels = [contact_link(channel) for channel in hub.help_from_us.channels]
    has_live_channels = any(link.channel.is_live for link in channels)
    today = now.astimezone(ZoneInfo(hub.help_from_us.hours.timezone)).date()  # where the closures happen
    return HubView(
        popular=[shown[uri] for uri in rank_popular(hub.help_myself.popular, page_views, listed, site_url)],
        guides=[_guide_link(guide, {**pages, **shown}) for guide in hub.help_myself.guides],
        channels=channels,
        hours=hours_table(hub.help_from_us.hours),
        closures=[closed for closed in closed_days(hub.help_from_us.hours) if closed.last >= today],
        hours_json=json.dumps(_open_now_data(hub.help_from_us.hours, now), ensure_ascii=False, separators=(",", ":"))
        if has_live_channels else "",
        json_ld=json_for_html(organization_json_ld(hub, site_url)),
        has_live_channels=has_live_channels,
    )


def rank_popular(popular: Popular, page_views: Mapping[str, int], pages: Mapping[str, PageLink],
                 site_url: str | None) -> list[str]:
    """Pinned pages first, in their order, then the most viewed pages; at most `popular.count` of `pages`' keys."""
    chosen = [pin for pin in popular.pins if pin in pages]
    by_url = {_page_key(page.url, ""): uri for uri, page in pages.items()}
    views: dict[str, int] = {}
    prefix = urlsplit(site_url or "").path.strip("/")
    for path, count in page_views.items():
        url = _page_key(path, prefix)
        if url in by_url:
            views[url] = views.get(url, 0) + count
    ranked = sorted(views, key=lambda url: (-views[url], pages[by_url[url]].title))
    chosen += [by_url[url] for url in ranked if by_url[url] not in chosen]
    return chosen[: popular.count]


def _page_key(path: str, prefix: str) -> str:
    """'/support/articles/reset/index.html?x=1', 'articles/reset/' and 'articles/reset.html' -> 'articles/reset':
    one key for a page however the analytics export or MkDocs (with or without directory URLs) writes it."""
    path = urlsplit(path).path.strip("/")  # the loader has checked each path parses
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix):].strip("/")
    for ending in ("index.html", ".html"):
        path = path.removesuffix(ending).strip("/")
    return path


def _guide_link(guide: Any, pages: Mapping[str, PageLink]) -> PageLink:
    if guide.page:
        page = pages[guide.page]
        return PageLink(guide.title or page.title, page.url, guide.description)
    return PageLink(guide.title, guide.url, guide.description)


def contact_link(channel: Channel) -> ContactLink:
    if channel.kind == "phone":
        href, text = f"tel:{phone_e164(channel.phone)}", channel.phone
    elif channel.kind == "email":
        href, text = f"mailto:{channel.email}", channel.email
    else:
        href, text = channel.url, urlsplit(channel.url).netloc + urlsplit(channel.url).path.rstrip("/")
    return ContactLink(channel, href, text)


def hours_table(hours: OpeningHours) -> list[tuple[str, str]]:
    """[('Monday', '09:00–17:30'), ..., ('Sunday', 'Closed')], in the language's weekday names and clock."""
    rows = []
    for index, day in enumerate(WEEKDAYS):
        ranges = hours.weekly.get(day, ())
        text = list_text(gettext("%(opens)s–%(closes)s", opens=_clock(start), closes=_clock(end))
                         for start, end in ranges) if ranges else gettext("Closed")
        rows.append((weekday_text(index), text))
    return rows


def closed_days(hours: OpeningHours) -> list[ClosedDays]:
    """The closures, consecutive days for the same reason as one run (19 December to 4 January: one line, not 17).
    Days the team is closed every week do not break a run: a holiday listed without its Sundays stays one."""
    runs: list[list[Closure]] = []
    for closure in sorted(hours.closures, key=lambda closure: closure.date):
        if runs and runs[-1][-1].name == closure.name and _closed_between(hours, runs[-1][-1].date, closure.date):
            runs[-1].append(closure)
        else:
            runs.append([closure])
    return [ClosedDays(run[0].date, run[-1].date, days_parts(run[0].date, run[-1].date), run[0].name) for run in runs]


def _closed_between(hours: OpeningHours, before: dt.date, after: dt.date) -> bool:
    """Whether every day strictly between `before` and `after` is a weekday the team never opens."""
    days = (before + dt.timedelta(days=step) for step in range(1, (after - before).days))
    return all(not hours.weekly.get(WEEKDAYS[day.weekday()]) for day in days)


def _clock(text: str) -> str:
    """'17:30' as the locale writes a time of day ('5:30 PM'); '24:00', the end of the day, as midnight."""
    hour, minute = int(text[:2]), int(text[3:])
    return gettext("midnight") if hour == 24 else clock_text(dt.time(hour, minute))


def hours_data(hours: OpeningHours) -> dict[str, Any]:
    """The opening hours for the browser's open-now line; weekdays numbered like JavaScript (0 = Sunday)."""
    js_day = {day: (index + 1) % 7 for index, day in enumerate(WEEKDAYS)}
    return {
        "timezone": hours.timezone,
        "weekly": {str(js_day[day]): [list(r) for r in ranges] for day, ranges in hours.weekly.items()},
        "closures": sorted(c.date.isoformat() for c in hours.closures),
    }


def _open_now_data(hours: OpeningHours, now: dt.datetime) -> dict[str, Any]:
    """The hours as the open-now line reads them: worked out for the coming weeks (`table`), and as authored for a
    page read after those (a site not published for weeks)."""
    return {**hours_data(hours), "table": open_now_table(hours, now)}


def organization_json_ld(hub: Hub, site_url: str | None) -> dict[str, Any]:
    """schema.org Organization with a ContactPoint per channel, for search engines."""
    org = hub.organization
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Organization", "name": org.name}
    if org.url or site_url:
        data["url"] = org.url or site_url
    if org.area_served:
        data["areaServed"] = org.area_served
    data["contactPoint"] = [_contact_point(channel, hub.help_from_us.hours) for channel in hub.help_from_us.channels]
    return data


def _contact_point(channel: Channel, hours: OpeningHours) -> dict[str, Any]:
    point: dict[str, Any] = {"@type": "ContactPoint", "contactType": channel.contact_type, "name": channel.label}
    if channel.phone:
        point["telephone"] = phone_e164(channel.phone)
    if channel.email:
        point["email"] = channel.email
    if channel.url:
        point["url"] = channel.url
    point["availableLanguage"] = list(channel.languages)
    if channel.area_served:
        point["areaServed"] = list(channel.area_served)
    if channel.is_live:
        point["hoursAvailable"] = _opening_hours_specification(hours)
    return point


def _opening_hours_specification(hours: OpeningHours) -> list[dict[str, str]]:
    specs = [{"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day.capitalize()}",
              "opens": start, "closes": end}
             for day in WEEKDAYS for start, end in hours.weekly.get(day, ())]
    # schema.org's way to say "closed that day": opens and closes at midnight, valid for that date only
    specs += [{"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00",
               "validFrom": c.date.isoformat(), "validThrough": c.date.isoformat()} for c in hours.closures]
    return specs


def json_for_html(data: Any) -> Markup:
    """JSON that is safe inside a <script> element: no `</script>`, `<!--` or line separators can break out.
    Markup, because it is escaped for where it goes: HTML escaping on top would break the JSON."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)
