"""`supporttab notify`: announce each update and postmortem published since the last deploy, once per channel.

Exactly once without a database. Every build deploys `api/supporttab/published.json`, the keys of every update it
publishes. Before deploying, the publish workflow saves the live copy of that file (what was published before);
after a successful deploy, notify announces what is on the site now and was not in it. A ledger file records each
(channel, update) the moment its provider accepts it, so a run that dies half-way, run again, sends only the rest.
When what was published before cannot be read, nothing is sent unless `--start-after` says where to start."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Channel
from ..core.clock import build_time
from ..core.markdown import MarkdownRenderer
from ..core.urls import site_info
from ..status.announcements import STATE_FILE, STATE_VERSION, Announcement, announcements
from ..status.index import build_status_index
from .channels import Context, preview, send
from .delivery import DeliveryFailed, Http
from .files import replace_file
from .site import Refused, Site, UsageError

LEDGER_VERSION = 1


def command_notify(args: argparse.Namespace, site: Site, http: Http | None = None) -> int:
    source = _live(site) if args.published == "live" else args.published
    if args.save_published:
        return _save_published(source, Path(args.save_published))
    channels = site.options.notify
    if not channels:
        print("supporttab: no channels under `notify:` in mkdocs.yml; nothing to announce")
        return 0
    context, items = _announcements(site)
    before = published_before(source, args.start_after, items)
    new = [item for item in items if item.key not in before]
    if args.dry_run:
        _print_dry_run(channels, new, context)
        return 0
    ledger = Ledger.read(Path(args.ledger) if args.ledger else site.root / site.options.cache_dir / "notify-sent.json")
    if args.earlier_ledgers:  # what earlier tries of this deploy sent (the workflow keeps each try's ledger)
        for path in sorted(Path(args.earlier_ledgers).rglob("*.json")):
            ledger.sent |= Ledger.read(path).sent
    tally = [_announce(channel, new, context, http or Http(), ledger) for channel in channels]
    _report(tally)
    return 1 if any(t.failed for t in tally) else 0


def _live(site: Site) -> str:
    if not site.url:
        raise UsageError("--published live needs site_url in mkdocs.yml, the address the site is published at")
    return site.url.rstrip("/") + "/" + STATE_FILE


def _save_published(source: str | None, destination: Path) -> int:
    """Keep what the site publishes now, before a deploy replaces it; 1 (and no file) when it cannot be read, so
    the notify after the deploy refuses instead of guessing."""
    if not source:
        raise UsageError("--save-published needs --published (a file, an address or live) to read from")
    try:
        keys = _read_state(source)
    except ValueError as error:
        print(f"supporttab: {error}; nothing was saved, so notify will refuse to send until told where to start "
              "(--start-after)", file=sys.stderr)
        return 1
    replace_file(destination, (json.dumps({"version": STATE_VERSION, "published": sorted(keys)}, indent=1)
                               + "\n").encode())
    print(f"supporttab: saved the {len(keys)} updates {source} lists to {destination}")
    return 0


def _announcements(site: Site) -> tuple[Context, list[Announcement]]:
    data = site.load()
    if data.status is None:
        raise UsageError("this site has no incidents folder, so there is nothing to announce")
    team = data.team
    index = build_status_index(data.status, now=build_time(), zone=site.zone,
                               render=MarkdownRenderer(allow_html=site.options.allow_html).render,
                               author_name=(lambda member: team.members[member].name) if team else str,
                               urls=site.urls)
    info = site_info(site.name, site.url, directory_urls=site.urls.directory_urls)
    return Context(index, info, site.zone), announcements(index, info)


def published_before(source: str | None, start_after: str | None, items: list[Announcement]) -> set[str]:
    """The keys published before this deploy, from the state file at `source` (a path or an address); else, when
    `start_after` is given, every update at or before that time; else a refusal: never re-announce everything."""
    problem = "no --published state file was given" if not source else None
    if source:
        try:
            return _read_state(source)
        except ValueError as error:
            problem = str(error)
    if start_after is None:
        raise Refused(f"supporttab: {problem}, so what was announced before is unknown; nothing was sent. Pass "
                      "--start-after TIME (like 2026-11-20T09:00+00:00, or now) to announce only what came later")
    limit = _time(start_after)
    return {item.key for item in items if item.at <= limit}


def _read_state(source: str) -> set[str]:
    try:
        if source.startswith(("https://", "http://")):
            # a query the CDN has never seen, so the answer is the deployed file, not a copy cached minutes ago
            fresh = f"{source}{'&' if '?' in source else '?'}fresh={time.time_ns()}"
            request = urllib.request.Request(fresh, headers={"Cache-Control": "no-cache"})
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
        else:
            text = Path(source).read_bytes()
    except urllib.error.HTTPError as error:
        raise ValueError(f"{source} answered {error.code} {error.reason}") from None
    except (OSError, urllib.error.URLError) as error:
        raise ValueError(f"{source} cannot be read ({getattr(error, 'reason', None) or error.strerror})") from None
    try:
        state = json.loads(text)
        if state.get("version") != STATE_VERSION or not isinstance(state.get("published"), list):
            raise ValueError
        return {str(key) for key in state["published"]}
    except (ValueError, AttributeError):
        raise ValueError(f"{source} is not a Support Tab state file (version {STATE_VERSION})") from None


def _time(text: str) -> dt.datetime:
    if text == "now":
        return build_time()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise UsageError(f"--start-after: {text!r} is not a time with its UTC offset; write it like "
                         "2026-11-20T09:00+00:00, or now")
    return moment


def takes(channel: Channel, item: Announcement) -> bool:
    """Whether `channel` wants `item`: its components, regions and impacts (an empty list takes all; an event that
    names no regions concerns every region)."""
    event = item.event
    if channel.impacts and event.impact not in channel.impacts:
        return False
    if channel.components and not {c.id for c in event.components} & set(channel.components):
        return False
    return not (channel.regions and event.regions and not {r.id for r in event.regions} & set(channel.regions))


@dataclass
class Ledger:
    """What has been sent, as "channel key" lines, saved after every send (replaced in one step)."""

    path: Path
    sent: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path) -> Ledger:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != LEDGER_VERSION:
                raise ValueError
            return cls(path, set(data["sent"]))
        except (ValueError, KeyError, TypeError, AttributeError, OSError):
            raise Refused(f"supporttab: {path} is not a notify ledger; nothing was sent. Move it away if it is "
                          "not needed") from None

    def has(self, channel: Channel, item: Announcement) -> bool:
        return f"{channel.label} {item.key}" in self.sent

    def add(self, channel: Channel, item: Announcement) -> None:
        self.sent.add(f"{channel.label} {item.key}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(self.path, (json.dumps({"version": LEDGER_VERSION, "sent": sorted(self.sent)}, indent=1)
                                 + "\n").encode())


@dataclass
class Tally:
    channel: str
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: int = 0  # new updates this channel does not take (its components, regions, impacts)
    failed: str | None = None
    left: int = 0


def _announce(channel: Channel, items: Iterable[Announcement], context: Context, http: Http, ledger: Ledger) -> Tally:
    """Send each item the channel takes, oldest first; after a failure, stop (the order of updates matters) and
    leave the rest for the re-run."""
    items = list(items)
    wanted = [item for item in items if takes(channel, item)]
    tally = Tally(channel.label, skipped=len(items) - len(wanted))
    for position, item in enumerate(wanted):
        if ledger.has(channel, item):
            tally.already.append(item.key)
            continue
        try:
            send(channel, item, context, http)
        except DeliveryFailed as error:
            tally.failed = f"{item.key}: {error}"
            tally.left = len(wanted) - position
            break
        ledger.add(channel, item)
        tally.sent.append(item.key)
    return tally


def _report(tally: list[Tally]) -> None:
    lines = []
    for t in tally:
        line = f"{t.channel}: sent {len(t.sent)}" + (f" ({', '.join(t.sent)})" if t.sent else "")
        if t.already:
            line += f", {len(t.already)} sent by an earlier run"
        if t.skipped:
            line += f", {t.skipped} not for this channel"
        if t.failed:
            line += f"; FAILED at {t.failed}; {t.left} left for the next run"
        lines.append(line)
    print("\n".join(lines))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("### Announcements\n\n" + "".join(f"- {line}\n" for line in lines))


def _print_dry_run(channels: list[Channel], items: list[Announcement], context: Context) -> None:
    if not items:
        print("supporttab: nothing new to announce")
    for item in items:
        takers = [channel for channel in channels if takes(channel, item)]
        print(f"=== {item.key}: {item.status_label}: {item.event.title} "
              f"(to {', '.join(c.label for c in takers) or 'no channel: none takes it'})")
        for channel in takers:
            print(f"--- {channel.label}\n{preview(channel, item, context)}\n")
