"""Sending one request the way a careful client does: a timeout, retries with backoff on timeouts, server errors
and 429 (waiting as long as `Retry-After` asks), and errors as sentences that never contain a secret."""

from __future__ import annotations

import email.utils
import http.client
import json
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ATTEMPTS = 4
TIMEOUT = 15  # seconds per attempt
# Answers that refuse this one message (too long, malformed), not the channel: sending it again cannot help, and the
# updates after it still go out. A 401, 403 or 404 is the channel's setup: the next run tries again.
MESSAGE_REFUSALS = {400, 413, 422}
REFUSES_THE_MESSAGE = "refused this message"
MAX_WAIT = 120  # seconds: a Retry-After longer than this is not worth holding the job for


class DeliveryFailed(Exception):
    """A channel refused or never answered; the message says why without any secret. `permanent`: the provider
    refused this very message (a 4xx other than 429), so sending it again cannot help."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirected POST would arrive as a GET without its body (urllib's way, and browsers'): report the move
    as a failure instead of counting an undelivered message as sent."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def checked_url(value: str, variable: str) -> str:
    """`value` (a secret address from `variable`) if it is an https address; the error names only the variable.
    Plain http is allowed only to this machine (a local relay, the tests' providers)."""
    try:
        parts = urllib.parse.urlsplit(value.strip())
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    local = host in {"localhost", "127.0.0.1", "::1"}
    if parts is None or not host or not (parts.scheme == "https" or (parts.scheme == "http" and local)):
        raise DeliveryFailed(f"the environment variable {variable} does not hold an https:// address; copy the "
                             "whole address the provider gave you into the secret")
    return value.strip()


@dataclass(frozen=True)
class Request:
    """One HTTP request; `shown_url` is the address as it may be printed (a secret address shows its variable)."""

    url: str
    shown_url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    method: str = "POST"

    def preview(self) -> str:
        hidden = {"authorization"}
        headers = [f"{name}: {'(secret)' if name.lower() in hidden else value}" for name, value in self.headers.items()]
        try:
            body = json.dumps(json.loads(self.body), indent=2, ensure_ascii=False)
        except ValueError:
            body = self.body.decode()
        return "\n".join([f"{self.method} {self.shown_url}", *headers, "", body])


@dataclass
class Http:
    """Sends requests; `sleep` is injectable so tests never wait for real."""

    sleep: Callable[[float], None] = time.sleep
    attempts: int = ATTEMPTS
    timeout: float = TIMEOUT

    def send(self, request: Request) -> Any:
        """The response's JSON (or None), after at most `attempts` tries."""
        for attempt in range(1, self.attempts + 1):
            wait, problem = self._try(request)
            if problem is None:
                return wait
            if wait is None or attempt == self.attempts:
                raise DeliveryFailed(f"{request.method} {request.shown_url} {problem}"
                                     + (f" (after {attempt} tries)" if attempt > 1 else ""),
                                     permanent=wait is None and problem.startswith(REFUSES_THE_MESSAGE))
            self.sleep(wait if wait else 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def _try(self, request: Request) -> tuple[Any, str | None]:
        """(response JSON, None) on success; (seconds to wait or 0 for backoff, why) to retry; (None, why) to
        give up."""
        try:
            prepared = urllib.request.Request(request.url, data=request.body, headers=request.headers,
                                              method=request.method)
            with _OPENER.open(prepared, timeout=self.timeout) as response:
                text = response.read()
        except urllib.error.HTTPError as error:
            status = error.code
            if 300 <= status < 400:
                return None, (f"answered {status} (moved elsewhere): nothing was delivered; use the address the "
                              "provider gives now")
            if status == 429 or status >= 500:
                return _retry_after(error.headers.get("Retry-After")), f"answered {status} {error.reason}"
            detail = error.read(300).decode(errors="replace").strip()
            if status in MESSAGE_REFUSALS:
                return None, f"{REFUSES_THE_MESSAGE}: {status} {error.reason}" + (f" ({detail})" if detail else "")
            return None, f"was refused: {status} {error.reason}" + (f" ({detail})" if detail else "")
        except TimeoutError:
            return 0, f"did not answer within {self.timeout:g} seconds"
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                return 0, f"did not answer within {self.timeout:g} seconds"
            if isinstance(error.reason, ssl.SSLError):
                return None, f"failed its secure connection ({error.reason.reason})"
            return 0, f"could not be reached ({error.reason})"
        except (ConnectionError, OSError) as error:
            return 0, f"dropped the connection ({error.__class__.__name__})"
        except (ValueError, http.client.InvalidURL):  # its message may hold the address, a secret: never shown
            return None, "is not an address that can be reached; check the channel's address"
        try:
            return (json.loads(text) if text.strip() else None), None
        except ValueError:
            return None, None


def _retry_after(value: str | None) -> float:
    """Seconds from a Retry-After header (seconds or an HTTP date), 0 (use the backoff) when absent."""
    if not value:
        return 0
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            seconds = 0
    return min(max(seconds, 0), MAX_WAIT)
