"""`supporttab notify`: announce each update and postmortem on the site that was not announced yet, once per
channel.

Exactly once without a database: a ledger file records each (channel, update) the moment its provider accepts it,
and each update once every channel that takes it has it ("announced"). notify sends what is on the site and not in
the ledger, so updates a failed run left behind go out with the next run, whatever was deployed in between. The
publish workflow keeps the ledger on a branch of its own, written only after notify ran. Without a ledger nothing is
sent unless `--start-after` says where to start; with one, `--start-after` still counts everything up to that time as
announced (the operator's override when the ledger is wrong)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Channel
from ..core.clock import build_time
from ..core.markdown import MarkdownRenderer
from ..core.urls import site_info
from ..status.announcements import Announcement, announcements
from ..status.index import build_status_index
from .channels import Context, preview, send
from .delivery import DeliveryFailed, Http
from .files import replace_file
from .site import Refused, Site, UsageError

LEDGER_VERSION = 2


def command_notify(args: argparse.Namespace, site: Site, http: Http | None = None) -> int:
    channels = site.options.notify
    if not channels:
        print("supporttab: no channels under `notify:` in mkdocs.yml; nothing to announce")
        return 0
    context, items = _announcements(site)
    path = Path(args.ledger) if args.ledger else site.root / site.options.cache_dir / "announced.json"
    ledger = Ledger.read(path)
    if ledger is None and args.start_after is None:
        raise Refused(f"supporttab: there is no ledger at {path}, so what was announced before is unknown; nothing "
                      "was sent. On the first run, pass --start-after TIME (like 2026-11-20T09:00+00:00, or now) to "
                      "announce only what came later; otherwise the ledger could not be read: run again")
    ledger = ledger or Ledger(path)
    if args.start_after is not None:
        limit = _time(args.start_after)
        ledger.announced |= {item.key for item in items if item.at <= limit}
    new = [item for item in items if item.key not in ledger.announced]
    if args.dry_run:
        _print_dry_run(channels, new, context)
        return 0
    ledger.save()
    tally = [_announce(channel, new, context, http or Http(), ledger) for channel in channels]
    ledger.settle(channels, new)
    _report(tally)
    return 1 if any(t.failed or t.refused for t in tally) else 0


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
    return Context(index, info, site.zone, language=site.language), announcements(index, info)


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
    """What was announced: every update all its channels have ("announced"), and each (channel, update) sent or
    refused for good while the rest is still on its way, as "channel key". Saved after every send (replaced in one
    step), so a run that dies half-way, run again, sends only the rest."""

    path: Path
    announced: set[str] = field(default_factory=set)
    sent: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path) -> Ledger | None:
        """The ledger at `path`; None when there is none."""
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != LEDGER_VERSION:
                raise ValueError
            return cls(path, *({str(key) for key in data[part]} for part in ("announced", "sent", "refused")))
        except (ValueError, KeyError, TypeError, AttributeError, OSError):
            raise Refused(f"supporttab: {path} is not a notify ledger (version {LEDGER_VERSION}); nothing was "
                          "sent") from None

    def has(self, channel: Channel, item: Announcement) -> bool:
        return _entry(channel, item) in self.sent | self.refused

    def add(self, channel: Channel, item: Announcement, *, refused: bool = False) -> None:
        (self.refused if refused else self.sent).add(_entry(channel, item))
        self.save()

    def settle(self, channels: list[Channel], items: Iterable[Announcement]) -> None:
        """Move each update every channel that takes it has dealt with to "announced", for a short ledger."""
        for item in items:
            entries = {_entry(channel, item) for channel in channels if takes(channel, item)}
            if entries <= self.sent | self.refused:
                self.announced.add(item.key)
                self.sent -= entries
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": LEDGER_VERSION, "announced": sorted(self.announced), "sent": sorted(self.sent),
                "refused": sorted(self.refused)}
        replace_file(self.path, (json.dumps(data, indent=1) + "\n").encode())


def _entry(channel: Channel, item: Announcement) -> str:
    return f"{channel.label} {item.key}"


@dataclass
class Tally:
    channel: str
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: int = 0  # new updates this channel does not take (its components, regions, impacts)
    refused: list[str] = field(default_factory=list)  # refused for good (a 4xx): reported, never sent again
    failed: str | None = None
    left: int = 0


def _announce(channel: Channel, items: Iterable[Announcement], context: Context, http: Http, ledger: Ledger) -> Tally:
    """Send each item the channel takes, oldest first. After a failure that may pass, stop (the order of updates
    matters) and leave the rest for the next run; an update the provider refuses for good is recorded as refused
    and the later ones still go out."""
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
            if error.permanent:
                ledger.add(channel, item, refused=True)
                tally.refused.append(f"{item.key}: {error}")
                continue
            tally.failed = f"{item.key}: {error}"
            tally.left = len(wanted) - position
            break
        except Exception as error:  # noqa: BLE001 (a bug or an answer nobody foresaw stops this channel only)
            tally.failed = (f"{item.key}: an unexpected error ({error.__class__.__name__}); please report it with "
                            "this run's log")
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
        for refusal in t.refused:
            line += f"; REFUSED for good (not sent again) {refusal}"
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
            try:
                shown = preview(channel, item, context)
            except Exception as error:  # noqa: BLE001 (the same per-channel isolation as sending)
                shown = f"(cannot be shown: an unexpected error, {error.__class__.__name__}; it would fail to send)"
            print(f"--- {channel.label}\n{shown}\n")
