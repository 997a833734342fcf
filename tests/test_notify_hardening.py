"""What authored text, secrets and providers can do to `supporttab notify`: every class of input ends in a sent,
refused or failed message with one sentence; never a traceback, a leaked secret, a ping of everyone or a silently
lost update."""
# ruff: noqa: F811 (the `providers` fixture is imported from test_notify, and tests take it by that name)

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import regex
from conftest import BUILD_EPOCH, run_mkdocs_build
from supporttab.authoring.channels import CHAT_BODIES
from supporttab.authoring.posts import message
from test_cli import run
from test_notify import (  # noqa: F401
    EVERY,
    EXPORTS,
    delivered,
    example_announcement,
    notify,
    providers,
    published_before,
)

ZONE = ZoneInfo("Europe/London")
BREAKS = ["\\n", "\\r", "\\u2028", "\\x85"]  # as YAML writes them inside double quotes


@pytest.mark.parametrize("line_break", BREAKS)
@pytest.mark.parametrize("file", ["incidents/2026-11-22-slow-pdf-exports.yml",
                                  "incidents/maintenance/2026-11-15-database-upgrade.yml"])
def test_a_title_with_a_line_break_is_a_located_error_in_check_and_build(site: Path, file: str,
                                                                         line_break: str) -> None:
    path = site / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = f'title: "Exports{line_break}Bcc: everyone@example.com"\n'
    path.write_text("".join(lines), encoding="utf-8")
    check = run(site, "check")
    expected = f"{file}:2:8: error: title: has a line break; write it on one line"
    assert check.returncode == 1 and expected in check.stdout and "Traceback" not in check.stdout + check.stderr
    build = run_mkdocs_build(site)
    assert build.returncode == 1 and expected.replace("error: ", "") in build.stderr, build.stderr


def test_an_unexpected_error_in_one_channel_is_one_sentence_and_the_others_go_on(site: Path, providers, capsys,
                                                                                monkeypatch) -> None:
    from supporttab.authoring import notify as module
    real = module.send

    def send(channel, item, context, http):
        if channel.type == "slack":
            raise ValueError("a secret-looking detail that must not be printed")
        return real(channel, item, context, http)

    monkeypatch.setattr(module, "send", send)
    assert notify(site, before=published_before(site, EVERY[:-1])) == 1
    out = capsys.readouterr().out
    assert f"slack: sent 0; FAILED at {EXPORTS}-3: an unexpected error (ValueError)" in out
    assert "secret-looking" not in out
    assert all(keys == EVERY[-1:] for channel, keys in delivered(providers).items() if channel != "slack")


# Titles that chat services read as mentions, links or markup when not escaped for each.
HOSTILE = ["<!channel> <!here> <users/all> @everyone", "[Pay here](https://evil.example/login)",
           "<https://evil.example|Pay here>", "Less than <5% & > 3 users", "*bold* _it_ ~no~ `code` # 42 > quote"]


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("title", HOSTILE)
def test_no_chat_turns_an_authored_title_or_text_into_a_mention_or_a_link(title: str) -> None:
    note = message(example_announcement(title=title, body=title), ZONE)
    body = CHAT_BODIES["slack"](note)
    slack = " ".join(_texts(body["text"]) + _texts(body["blocks"][1:]))  # the header is plain text: never parsed
    assert not regex.search(r"<(?!https://support\.brightwell\.example/)", slack)  # only our own link is a <link>
    chat = CHAT_BODIES["google_chat"](note)["text"]
    assert not regex.search(r"<(?!https://support\.brightwell\.example/)", chat)
    discord = CHAT_BODIES["discord"](note)
    shown = " ".join(_texts({k: v for k, v in discord.items() if k != "embeds"}) + _texts(discord["embeds"][0]
                     ["description"]))
    assert not regex.search(r"(?<!\\)\]\(|(?<!\\)<(?!https://support)|(?<!\\)@everyone", shown)
    assert discord["allowed_mentions"] == {"parse": []}
    teams = " ".join(_texts(CHAT_BODIES["teams"](note)["attachments"][0]["content"]["body"]))
    assert "](" not in teams


def test_every_chat_message_fits_its_provider_limits_however_long_the_text(site: Path) -> None:
    note = message(example_announcement(title="T" * 400, body="word " * 3000), ZONE)
    discord = CHAT_BODIES["discord"](note)["embeds"][0]
    total = (len(discord["title"]) + len(discord["description"]) + len(discord["footer"]["text"])
             + sum(len(f["name"]) + len(f["value"]) for f in discord["fields"]))
    assert total <= 6000 and len(discord["description"]) <= 4096 and discord["description"].endswith("…")
    assert len(CHAT_BODIES["google_chat"](note)["text"]) <= 4096
    slack = CHAT_BODIES["slack"](note)["blocks"]
    assert len(slack[0]["text"]["text"]) <= 150 and all(len(b["text"]["text"]) <= 3000 for b in slack if "text" in b)


@pytest.mark.parametrize("value", ["hooks.example.com/services/S3CR3T", "ftp://hooks.example.com/S3CR3T",
                                   "https://[S3CR3T/x", "https:///S3CR3T", "http://hooks.example.com/S3CR3T",
                                   "javascript:S3CR3T"])
def test_a_malformed_secret_address_fails_its_channel_without_ever_printing_it(site: Path, providers,
                                                                               value: str) -> None:
    ledger = published_before(site, EVERY[:-1])
    env = {**providers.environment, "SLACK_URL": value, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).parent.parent / "plugins")}
    done = subprocess.run([sys.executable, "-m", "supporttab.authoring.cli", "notify", "--ledger", str(ledger)],
                          cwd=site, env=env, capture_output=True, text=True, timeout=120, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "S3CR3T" not in said and "Traceback" not in said
    assert "slack: sent 0; FAILED at" in said and "SLACK_URL does not hold an https:// address" in said
    assert "teams: sent 1" in said


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirected_webhook_is_a_failure_never_a_send(site: Path, providers, capsys, status: int) -> None:
    base = providers.environment["SLACK_URL"].split("/slack/")[0]
    providers.script["/slack/T0/B0/x"] = [(status, {"Location": f"{base}/moved"})]
    assert notify(site, before=published_before(site, EVERY[:-1])) == 1
    assert providers.gets == [] and "slack" not in delivered(providers)
    assert f"slack: sent 0; FAILED at {EXPORTS}-3: POST $SLACK_URL answered {status} (moved elsewhere)" in \
        capsys.readouterr().out


@pytest.mark.parametrize("status", [400, 413, 422])
def test_a_message_refused_for_good_is_reported_and_the_later_ones_still_go_out(site: Path, providers, capsys,
                                                                               status: int) -> None:
    ledger = published_before(site, EVERY[:8])
    providers.script["/discord/1/token"] = [(status, {})]
    assert notify(site, before=ledger) == 1
    out = capsys.readouterr().out
    assert f"discord: sent 3 ({', '.join(EVERY[9:])}); REFUSED for good (not sent again) {EVERY[8]}" in out
    assert notify(site, before=ledger) == 0  # the re-run neither resends it nor stays blocked
    assert delivered(providers)["discord"] == EVERY[9:]


@pytest.mark.parametrize("name", ["Brightwell, Inc.", 'Brightwell "Support" <help@evil.example>', "Brightwell; Bcc"])
def test_the_site_name_in_from_is_one_address_whatever_it_holds(site: Path, name: str) -> None:
    import dataclasses
    import email
    from email import policy

    from supporttab.authoring.channels import email_message
    from supporttab.authoring.notify import _announcements
    from supporttab.authoring.site import read_site
    from supporttab.config import EmailChannel

    context, items = _announcements(read_site(site))
    context = dataclasses.replace(context, site=dataclasses.replace(context.site, name=name))
    channel = EmailChannel(type="email", host="localhost", sender="status@brightwell.example",
                           to=["a@example.com", "b@example.com"])
    parsed = email.message_from_bytes(email_message(channel, items[-1], context).as_bytes(), policy=policy.default)
    for header in ("From", "To"):
        (address,) = parsed[header].addresses
        assert (address.display_name, address.addr_spec) == (name, "status@brightwell.example")
    assert "b@example.com" not in parsed.as_string()


@pytest.mark.parametrize(("markdown", "seen"), [
    ("Rotate your new_api_key now.", "Rotate your new_api_key now."),
    ("Latency > 5 s for 3% of calls.", "Latency > 5 s for 3% of calls."),
    ("The C# SDK, see #42.", "The C# SDK, see #42."),
    ("Use `snake_case` and 2 * 3 > 5.", "Use snake_case and 2 * 3 > 5."),
    ("**Fixed.** Read [the notes](https://example.com/n). ![chart](c.png)", "Fixed. Read the notes."),
    ("AT&T customers: <5% affected.", "AT&T customers: <5% affected."),
])
def test_announcement_text_keeps_every_character_a_reader_sees(markdown: str, seen: str) -> None:
    from supporttab.status.social import plain_text, social_post
    assert plain_text(markdown) == seen
    assert example_announcement(body=markdown).text == seen  # what notify sends
    assert seen in social_post("Resolved", "Title", markdown, "https://s.example/i/", "Patty Hughes")  # feeds


def test_a_webhook_address_with_a_token_comes_from_a_secret_and_each_request_is_signed_with_its_time(
        site: Path, monkeypatch) -> None:
    import hashlib
    import hmac
    import json

    from providers import Providers, serve
    from test_notify import configure

    state = Providers()
    server, base = serve(state)
    try:
        configure(site, "      notify:\n        - type: webhook\n          url_env: HOOK_URL\n"
                        "          secret_env: WEBHOOK_SECRET\n")
        env = {"HOOK_URL": f"{base}/hooks/status?token=T0KEN", "WEBHOOK_SECRET": "webhook-secret-value"}
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        ledger = published_before(site, EVERY[:-1])
        preview = run(site, "notify", "--ledger", str(ledger), "--dry-run", **env)
        assert "POST $HOOK_URL" in preview.stdout and "T0KEN" not in preview.stdout + preview.stderr
        assert notify(site, before=ledger) == 0
    finally:
        server.shutdown()
    assert state.refused == [] and len(state.accepted["/hooks/status?token=T0KEN"]) == 1
    (_path, headers, raw), = state.tries
    stamp = headers["X-Supporttab-Timestamp"]
    assert json.loads(raw)["meta"]["generated_at"] != json.loads(raw)["update"]["created_at"]  # sent now
    body_only = "sha256=" + hmac.new(b"webhook-secret-value", raw, hashlib.sha256).hexdigest()
    assert headers["X-Supporttab-Signature"] != body_only and stamp.isdigit()  # a replay needs the old timestamp


@pytest.mark.parametrize(("channel", "expected"), [
    ("- type: webhook\n          secret_env: S", "a webhook needs an address: url (public) or url_env"),
    ("- type: webhook\n          url: https://ops.example.com/h\n          url_env: HOOK_URL",
     "notify[0].url_env: give the address once: either url (public) or url_env (secret), not both"),
])
def test_a_webhook_has_exactly_one_address(site: Path, channel: str, expected: str) -> None:
    from test_notify import configure
    configure(site, f"      notify:\n        {channel}\n")
    result = run(site, "check")
    assert result.returncode == 1 and expected in result.stdout + result.stderr, result.stdout + result.stderr


def test_bluesky_opens_one_session_per_run_and_a_lost_answer_is_never_a_second_or_edited_post(site: Path,
                                                                                            providers) -> None:
    providers.script["/xrpc/com.atproto.repo.putRecord"] = ["ok", "lost"]  # the 2nd is kept; its answer is lost
    ledger = published_before(site, EVERY[:8])
    assert notify(site, before=ledger) == 0
    sessions = providers.accepted["/xrpc/com.atproto.server.createSession"]
    assert len(sessions) == 1  # four posts, one session
    posts = providers.accepted["/xrpc/com.atproto.repo.putRecord"]
    assert len(posts) == 4 == len({p["body"]["rkey"] for p in posts})  # the retried one was not written twice
    tries = [json.loads(raw)["record"]["createdAt"] for path, _, raw in providers.tries if path.endswith("putRecord")]
    assert len(tries) == 5 and tries[1] == tries[2]  # the retry carries the update's time, not a new one


@pytest.mark.parametrize("language", ["nl", "pt-BR"])
def test_posts_are_tagged_with_the_site_language(site: Path, providers, language: str) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", f"  language: {language}\n"),
                      encoding="utf-8")
    assert notify(site, before=published_before(site, EVERY[:-1])) == 0
    assert providers.accepted["/api/v1/statuses"][0]["body"]["language"] == language
    assert providers.accepted["/xrpc/com.atproto.repo.putRecord"][0]["body"]["record"]["langs"] == [language]
