"""Each channel's request for one announcement, as its provider documents it, with the secret read from the
environment only when sending (a dry run shows where the secret goes, never the secret).

Generic webhook: Statuspage's incident webhook body, signed with HMAC-SHA256. Slack, Discord, Google Chat and
Microsoft Teams (a Workflows "When a Teams webhook request is received" address): their incoming-webhook JSON.
Mastodon: POST /api/v1/statuses with an Idempotency-Key. Bluesky: a session, then an app.bsky.feed.post record (under a
key made from the update) with the link as a facet. Email: SMTP with STARTTLS, a plain-text and an HTML part."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

import regex

from ..config import BlueskyChannel, Channel, ChatChannel, EmailChannel, MastodonChannel, WebhookChannel
from ..core.urls import SiteInfo
from ..status.announcements import Announcement
from ..status.index import StatusIndex
from ..status.statuspage import incident_object
from .delivery import DeliveryFailed, Http, Request, checked_url
from .posts import Message, message, short_post

SIGNATURE_HEADER = "X-Supporttab-Signature"
DELIVERY_HEADER = "X-Supporttab-Delivery"
TIMESTAMP_HEADER = "X-Supporttab-Timestamp"
JSON = "application/json; charset=utf-8"


@dataclass(frozen=True)
class Context:
    """What every channel needs besides the announcement: the site, its index and zone, the environment."""

    index: StatusIndex
    site: SiteInfo
    zone: ZoneInfo
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    language: str = "en"  # the site's (theme.language), for the networks that tag posts with one
    sessions: dict[str, Any] = field(default_factory=dict)  # per channel, opened once per run (Bluesky's limits)

    def secret(self, channel: Channel, variable: str | None) -> str | None:
        if variable is None:
            return None
        value = self.environ.get(variable, "")
        if not value:
            raise DeliveryFailed(f"the environment variable {variable} is not set; add it as a secret of the "
                                 f"workflow (channel {channel.label})")
        return value


def idempotency_key(site: SiteInfo, channel: Channel, item: Announcement) -> str:
    """The same for every try of one announcement on one channel, so a provider that keeps keys drops repeats."""
    return hashlib.sha256(f"{site.page_id}/{channel.label}/{item.key}".encode()).hexdigest()[:32]


def preview(channel: Channel, item: Announcement, context: Context) -> str:
    """Exactly what `send` would send, with secrets shown as their variable's name."""
    if isinstance(channel, EmailChannel):
        mail = email_message(channel, item, context)
        headers = "\n".join(f"{name}: {mail[name]}" for name in ("From", "To", "Subject", "Date", "Message-ID"))
        text = mail.get_body(preferencelist=("plain",)).get_content()
        return (f"SMTP {channel.host}:{channel.port} (STARTTLS: {'yes' if channel.starttls else 'no'}), to "
                f"{', '.join(channel.to)}, each unseen by the others\n{headers}\n\n"
                f"{text}\n(and the same as HTML)")
    return "\n\n".join(request.preview() for request in _requests(channel, item, context, dry_run=True))


def send(channel: Channel, item: Announcement, context: Context, http: Http) -> None:
    if isinstance(channel, EmailChannel):
        _send_email(channel, item, context)
    elif isinstance(channel, BlueskyChannel):
        _send_bluesky(channel, item, context, http)
    else:
        for request in _requests(channel, item, context, dry_run=False):
            http.send(request)


def _requests(channel: Channel, item: Announcement, context: Context, *, dry_run: bool) -> list[Request]:
    if isinstance(channel, WebhookChannel):
        return [_webhook(channel, item, context, dry_run)]
    if isinstance(channel, ChatChannel):
        url = f"${channel.url_env}" if dry_run else checked_url(context.secret(channel, channel.url_env) or "",
                                                                 channel.url_env)
        body = CHAT_BODIES[channel.type](message(item, context.zone))
        return [Request(url or "", f"${channel.url_env}", _json(body), {"Content-Type": JSON})]
    if isinstance(channel, MastodonChannel):
        token = "(secret)" if dry_run else context.secret(channel, channel.token_env)
        body = {"status": short_post(item, "mastodon"), "visibility": "public", "language": context.language}
        url = f"{channel.instance.rstrip('/')}/api/v1/statuses"
        return [Request(url, url, _json(body), {"Content-Type": JSON, "Authorization": f"Bearer {token}",
                                                "Idempotency-Key": idempotency_key(context.site, channel, item)})]
    if isinstance(channel, BlueskyChannel):
        return [_bluesky_session(channel, "(secret)"),
                _bluesky_post(channel, item, context, "did:(from the session)", "(from the session)")]
    raise AssertionError(f"no sender for {channel!r}")


def _json(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def _webhook(channel: WebhookChannel, item: Announcement, context: Context, dry_run: bool) -> Request:
    index = context.index
    sent_at = dt.datetime.now(dt.UTC)
    body = _json({
        "meta": {"unsubscribe": None, "documentation": None, "generated_at": sent_at.isoformat()},
        "page": {"id": context.site.page_id, "status_indicator": index.indicator,
                 "status_description": index.description},
        "incident": incident_object(index, context.site, item.event),
        "update": {"id": item.key, "status": item.status, "body": item.body.strip(), "url": item.url,
                   "author": item.author, "created_at": item.at.isoformat()},
    })
    timestamp = str(int(sent_at.timestamp()))
    headers = {"Content-Type": JSON, DELIVERY_HEADER: item.key, TIMESTAMP_HEADER: timestamp}
    if channel.secret_env:
        headers[SIGNATURE_HEADER] = (f"sha256=(HMAC-SHA256 of \"{timestamp}.\" and the body with "
                                     f"${channel.secret_env})" if dry_run else
                                     signature_of(context.secret(channel, channel.secret_env) or "", timestamp, body))
    if channel.url_env:
        url = f"${channel.url_env}" if dry_run else checked_url(context.secret(channel, channel.url_env) or "",
                                                                 channel.url_env)
        return Request(url, f"${channel.url_env}", body, headers)
    return Request(channel.url or "", channel.url or "", body, headers)


def signature_of(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value: HMAC-SHA256 of "<timestamp>.<body>", so a captured request cannot be replayed
    later under a fresh timestamp. A receiver recomputes it, compares with hmac.compare_digest and rejects a
    timestamp more than a few minutes old."""
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def _slack(note: Message) -> dict[str, Any]:
    facts = [{"type": "mrkdwn", "text": f"*{_slack_escape(label)}*\n{_slack_escape(value)}"}
             for label, value in note.facts]
    return {"text": f"{_slack_escape(note.subject)} {note.url}", "unfurl_links": False, "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(note.subject, 150)}},
        *([{"type": "section", "fields": facts[:10]}] if facts else []),
        {"type": "section", "text": {"type": "mrkdwn", "text": _cut(_slack_escape(note.text), 3000)}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"— {_slack_escape(note.author)} · "
                                                                    f"<{note.url}|Read on the status page>"}]},
    ]}


def _slack_escape(text: str) -> str:
    """Slack's mrkdwn treats &, < and > as control characters (<!channel> pings everyone)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    """`text` within a provider's documented limit: longer text is refused outright (a 400), never shortened."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _no_links(text: str) -> str:
    """Authored text for Discord's Markdown: link and mention markup shown as the characters typed (escaped with
    a backslash), so a title cannot become a link to somewhere else or ping a crowd."""
    return regex.sub(r"([\\\[\]()<>*_~`|#@])", r"\\\1", text)


# Discord: 6000 characters in all the embeds together (title 256, description 4096, a field's value 1024).
DISCORD_EMBED_TOTAL = 6000


def _discord(note: Message) -> dict[str, Any]:
    title, author = _cut(note.subject, 256), _cut(f"— {note.author}", 2048)
    fields = [{"name": _cut(label, 256), "value": _cut(_no_links(value), 1024), "inline": True}
              for label, value in note.facts[:25]]
    used = len(title) + len(author) + sum(len(f["name"]) + len(f["value"]) for f in fields)
    description = _cut(_no_links(note.text), max(min(4096, DISCORD_EMBED_TOTAL - used), 1))
    return {"content": _cut(_no_links(note.subject), 2000), "allowed_mentions": {"parse": []}, "embeds": [{
        "title": title, "url": note.url, "description": description, "fields": fields, "footer": {"text": author},
    }]}


GOOGLE_CHAT_LIMIT = 4096  # characters in a text message


def _google_chat_escape(text: str) -> str:
    """Google Chat reads <users/all> as a mention and <url|words> as a link: only &lt; &gt; &amp; show as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _google_chat(note: Message) -> dict[str, Any]:
    facts = "\n".join(f"*{label}:* {_google_chat_escape(value)}" for label, value in note.facts)
    link = f"<{note.url}|Read on the status page>"  # Google Chat's link syntax
    head = f"*{_google_chat_escape(note.subject)}*\n{facts}\n\n"
    tail = f"\n\n— {_google_chat_escape(note.author)}\n{link}"
    room = GOOGLE_CHAT_LIMIT - len(head) - len(tail)
    return {"text": head + _cut(_google_chat_escape(note.text), max(room, 1)) + tail}


def _plain_card(text: str) -> str:
    """Authored text for an Adaptive Card's TextBlock (its Markdown has no escapes): "[x](url)" loses the link by
    a space between its halves."""
    return regex.sub(r"\]\s*\(", "] (", text)


def _teams(note: Message) -> dict[str, Any]:
    card = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
            "version": "1.4", "body": [
                {"type": "TextBlock", "text": _plain_card(note.subject), "weight": "Bolder", "size": "Medium",
                 "wrap": True},
                {"type": "FactSet", "facts": [{"title": label, "value": _plain_card(value)}
                                              for label, value in note.facts]},
                {"type": "TextBlock", "text": _cut(_plain_card(note.text), 20000), "wrap": True},
                {"type": "TextBlock", "text": f"— {_plain_card(note.author)}", "isSubtle": True, "wrap": True}],
            "actions": [{"type": "Action.OpenUrl", "title": "Read on the status page", "url": note.url}]}
    return {"type": "message", "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}]}


CHAT_BODIES = {"slack": _slack, "discord": _discord, "google_chat": _google_chat, "teams": _teams}


def _bluesky_session(channel: BlueskyChannel, password: str) -> Request:
    url = f"{channel.service.rstrip('/')}/xrpc/com.atproto.server.createSession"
    return Request(url, url, _json({"identifier": channel.handle, "password": password}), {"Content-Type": JSON})


def _bluesky_post(channel: BlueskyChannel, item: Announcement, context: Context, did: str, token: str) -> Request:
    """putRecord under a record key made from the update, only if that record does not exist yet (swapRecord
    null), with the update's own time: a second try can neither add a second post nor edit the first."""
    text = short_post(item, "bluesky")
    start = text.encode().index(item.url.encode())
    record = {"$type": "app.bsky.feed.post", "text": text, "langs": [context.language],
              "createdAt": item.at.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
              "facets": [{"index": {"byteStart": start, "byteEnd": start + len(item.url.encode())},
                          "features": [{"$type": "app.bsky.richtext.facet#link", "uri": item.url}]}]}
    url = f"{channel.service.rstrip('/')}/xrpc/com.atproto.repo.putRecord"
    body = {"repo": did, "collection": "app.bsky.feed.post", "rkey": record_key(item), "record": record,
            "swapRecord": None}
    return Request(url, url, _json(body), {"Content-Type": JSON, "Authorization": f"Bearer {token}"})


TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def record_key(item: Announcement) -> str:
    """A timestamp identifier (TID, the key type of Bluesky posts) for this update: its time in microseconds and a
    clock id from its key, in base32-sortable, the same on every try."""
    micros = int(item.at.timestamp() * 1_000_000)
    clock = int(hashlib.sha256(item.key.encode()).hexdigest(), 16) % 1024
    number = (micros << 10) | clock
    return "".join(TID_ALPHABET[(number >> shift) & 31] for shift in range(60, -1, -5))


def _send_bluesky(channel: BlueskyChannel, item: Announcement, context: Context, http: Http) -> None:
    session = context.sessions.get(channel.label)
    if session is None:  # one session per run: Bluesky allows 30 in five minutes
        password = context.secret(channel, channel.password_env) or ""
        session = http.send(_bluesky_session(channel, password))
        if not isinstance(session, dict) or not session.get("accessJwt") or not session.get("did"):
            raise DeliveryFailed(f"Bluesky did not open a session for {channel.handle}; check the handle and the "
                                 "app password")
        context.sessions[channel.label] = session
    try:
        http.send(_bluesky_post(channel, item, context, session["did"], session["accessJwt"]))
    except DeliveryFailed as error:
        if "InvalidSwap" not in str(error):
            raise
        # the record exists: an earlier try was accepted but its answer was lost. Already sent.


def email_message(channel: EmailChannel, item: Announcement, context: Context) -> EmailMessage:
    note = message(item, context.zone)
    mail = EmailMessage()
    mail["Subject"] = note.subject
    mail["From"] = Address(display_name=context.site.name, addr_spec=channel.sender)
    mail["To"] = Address(display_name=context.site.name, addr_spec=channel.sender)  # recipients: envelope only
    mail["Date"] = format_datetime(dt.datetime.now(dt.UTC))  # when it is sent, as mail clients expect
    domain = channel.sender.rsplit("@", 1)[1]
    mail["Message-ID"] = f"<{idempotency_key(context.site, channel, item)}@{domain}>"  # the same on every try
    mail.set_content(note.plain())
    facts = "".join(f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"
                    for label, value in note.facts)
    mail.add_alternative(
        f"<!doctype html><html><body><h1>{escape(note.subject)}</h1><table>{facts}</table>"
        f"<p>{escape(note.text)}</p><p>— {escape(note.author)}</p>"
        f"<p><a href=\"{escape(note.url)}\">Read on the status page</a></p></body></html>", subtype="html")
    return mail


def _send_email(channel: EmailChannel, item: Announcement, context: Context) -> None:
    user = context.secret(channel, channel.username_env)
    password = context.secret(channel, channel.password_env)
    mail = email_message(channel, item, context)
    try:
        with smtplib.SMTP(channel.host, channel.port, timeout=30) as smtp:
            smtp.ehlo()
            if channel.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if user and password:
                smtp.login(user, password)
            smtp.send_message(mail, to_addrs=channel.to)  # each recipient sees only the sender, never the others
    except smtplib.SMTPException as error:
        raise DeliveryFailed(f"the mail server {channel.host}:{channel.port} refused the message "
                             f"({error.__class__.__name__})") from None
    except (OSError, ssl.SSLError) as error:
        raise DeliveryFailed(f"the mail server {channel.host}:{channel.port} could not be reached ({error})") from None
