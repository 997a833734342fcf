"""A local stand-in for every HTTP provider `supporttab notify` talks to: it checks each request against the
provider's documented contract, records what it accepted, and fails on cue (500, a timeout, 429 with
Retry-After, or killing the process that is sending)."""

from __future__ import annotations

import http.server
import json
import os
import signal
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

import regex
from conftest import serve_handler

BLUESKY_JWT = "jwt-for-tests"
TIMEOUT = 2.0  # seconds the client waits in the tests: ample for an answer on a busy machine, short for a test
BLUESKY_DID = "did:plc:brightwelltests"


@dataclass
class Providers:
    """Accepted requests by path; `script[path]` lists what to do with the next requests to that path."""

    accepted: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    script: dict[str, list[str | tuple]] = field(default_factory=lambda: defaultdict(list))
    refused: list[str] = field(default_factory=list)  # contract violations, with the reason
    records: set[str] = field(default_factory=set)  # Bluesky record keys written
    gets: list[str] = field(default_factory=list)  # GETs: what a followed redirect of a POST turns into
    tries: list[tuple[str, dict, bytes]] = field(default_factory=list)  # every request, answered or not
    kill_after: int | None = None  # SIGKILL the sender when this many requests have been accepted
    sender_pid: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def total(self) -> int:
        return sum(len(v) for k, v in self.accepted.items() if "createSession" not in k)


CHECKS = {}


def check(path_part: str):
    def register(function):
        CHECKS[path_part] = function
        return function
    return register


def _json_headers(headers) -> str | None:
    if not headers.get("Content-Type", "").startswith("application/json"):
        return "Content-Type is not application/json"
    return None


@check("/hooks/status")
def _webhook(headers, body, raw):
    import hashlib
    import hmac
    stamp = headers.get("X-Supporttab-Timestamp", "")
    if not stamp.isdigit() or abs(time.time() - int(stamp)) > 300:
        return "no timestamp, or one more than five minutes away (a replay)"
    expected = "sha256=" + hmac.new(b"webhook-secret-value", stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(headers.get("X-Supporttab-Signature", ""), expected):
        return "signature does not match the timestamp and the body"
    if body["update"]["id"] != headers.get("X-Supporttab-Delivery"):
        return "delivery header is not the update id"
    if not {"meta", "page", "incident"} <= set(body) or not body["incident"]["incident_updates"]:
        return "not a Statuspage incident payload"
    return None


@check("/slack/")
def _slack(headers, body, raw):
    if not isinstance(body.get("text"), str) or body["blocks"][0]["type"] != "header":
        return "Slack needs text and blocks"
    return None


@check("/teams/")
def _teams(headers, body, raw):
    attachment = body["attachments"][0]
    if body["type"] != "message" or attachment["contentType"] != "application/vnd.microsoft.card.adaptive" \
            or attachment["content"]["type"] != "AdaptiveCard":
        return "Teams needs a message with an Adaptive Card attachment"
    return None


@check("/discord/")
def _discord(headers, body, raw):
    embed = body["embeds"][0]
    if len(body["content"]) > 2000 or len(embed["title"]) > 256 or body["allowed_mentions"] != {"parse": []}:
        return "Discord limits or mentions broken"
    total = len(embed["title"]) + len(embed["description"]) + len(embed["footer"]["text"]) + sum(
        len(f["name"]) + len(f["value"]) for f in embed["fields"])
    if len(embed["description"]) > 4096 or total > 6000:
        return "embed over Discord's limits (description 4096, all embeds 6000 characters)"
    return None


@check("/chat/")
def _google_chat(headers, body, raw):
    if not isinstance(body.get("text"), str) or not body["text"]:
        return "Google Chat needs text"
    return "text over 4096 characters" if len(body["text"]) > 4096 else None


@check("/api/v1/statuses")
def _mastodon(headers, body, raw):
    if headers.get("Authorization") != "Bearer mastodon-token-value":
        return "wrong bearer token"
    if not regex.fullmatch(r"[0-9a-f]{32}", headers.get("Idempotency-Key", "")):
        return "no Idempotency-Key"
    if len(body["status"]) > 500 or body["visibility"] != "public":
        return "status over 500 characters"
    return None


@check("/xrpc/com.atproto.server.createSession")
def _bluesky_session(headers, body, raw):
    if body != {"identifier": "brightwell.bsky.social", "password": "bluesky-app-password"}:
        return "wrong identifier or password"
    return None


@check("/xrpc/com.atproto.repo.putRecord")
def _bluesky_post(headers, body, raw):
    if headers.get("Authorization") != f"Bearer {BLUESKY_JWT}" or body["repo"] != BLUESKY_DID:
        return "not authorised with the session"
    if not regex.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", body["rkey"]):
        return "the record key is not a TID"
    record = body["record"]
    if body["collection"] != "app.bsky.feed.post" or record["$type"] != "app.bsky.feed.post":
        return "not a post record"
    if len(regex.findall(r"\X", record["text"])) > 300 or not record["createdAt"].endswith("Z"):
        return "text over 300 graphemes or createdAt not UTC"
    if "swapRecord" not in body or body["swapRecord"] is not None:
        return "writes over an existing post (swapRecord must be null: create only)"
    facet = record["facets"][0]
    link = record["text"].encode()[facet["index"]["byteStart"]:facet["index"]["byteEnd"]].decode()
    if link != facet["features"][0]["uri"]:
        return "the link facet does not cover the link"
    return None


def serve(providers: Providers) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def do_GET(self):
            providers.gets.append(self.path)
            self._answer(200, {})  # a web page, say: to a client that follows redirects, this looks delivered

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            path = self.path
            with providers.lock:
                providers.tries.append((path, dict(self.headers), raw))
                step = providers.script[path].pop(0) if providers.script[path] else "ok"
            if step == "timeout":
                time.sleep(TIMEOUT + 1)  # longer than the client waits
                return self._answer(200, {})
            if "putRecord" in path:  # Bluesky keeps a record per key; swapRecord null refuses to replace one
                key = json.loads(raw)["rkey"]
                if key in providers.records:
                    return self._answer(400, {"error": "InvalidSwap", "message": "Record already exists"})
            if isinstance(step, tuple):  # (status, headers)
                return self._answer(step[0], {"error": "scripted"}, step[1])
            try:
                body = json.loads(raw)
                reason = _json_headers(self.headers) or next(
                    (f(self.headers, body, raw) for part, f in CHECKS.items() if part in path), "unknown path")
            except (ValueError, KeyError, IndexError, TypeError) as error:
                reason = f"malformed: {error!r}"
            if reason:
                providers.refused.append(f"{path}: {reason}")
                return self._answer(400, {"error": reason})
            with providers.lock:
                if providers.kill_after is not None and providers.total() >= providers.kill_after:
                    os.kill(providers.sender_pid, signal.SIGKILL)  # the sender dies before hearing back
                    return
                providers.accepted[path].append({"headers": dict(self.headers), "body": body})
                if "putRecord" in path:
                    providers.records.add(body["rkey"])
            if step == "lost":  # accepted, but the answer never reaches the sender
                time.sleep(TIMEOUT + 1)
                return self._answer(200, {})
            if "createSession" in path:
                return self._answer(200, {"accessJwt": BLUESKY_JWT, "did": BLUESKY_DID, "handle": body["identifier"]})
            self._answer(200, {"id": str(providers.total())})

        def _answer(self, status, body, headers=None):
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server, url = serve_handler(Handler)
    return server, url.rstrip("/")
