"""`supporttab notify` against local stand-ins for every provider (tests/providers.py checks each documented
request contract): each new update announced exactly once, through failures, a crash and re-runs."""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from conftest import BUILD_EPOCH, EXAMPLE
from providers import TIMEOUT, Providers, serve
from supporttab.authoring.delivery import Http
from supporttab.authoring.notify import _announcements as announcements_of
from supporttab.authoring.notify import command_notify
from supporttab.authoring.posts import LIMITS, length, short_post
from supporttab.authoring.site import read_site
from supporttab.status.announcements import Announcement
from test_cli import run

CARD = "2026-11-20-card-payments-failing"
SECRETS = {"WEBHOOK_SECRET": "webhook-secret-value", "MASTODON_TOKEN": "mastodon-token-value",
           "BLUESKY_PASSWORD": "bluesky-app-password"}
HTTP_CHANNELS = ("webhook", "slack", "teams", "discord", "google_chat", "mastodon", "bluesky")


def channels_yaml(base: str) -> str:
    return f"""      notify:
        - type: webhook
          url: {base}/hooks/status
          secret_env: WEBHOOK_SECRET
        - type: slack
          url_env: SLACK_URL
        - type: teams
          url_env: TEAMS_URL
        - type: discord
          url_env: DISCORD_URL
        - type: google_chat
          url_env: CHAT_URL
        - type: mastodon
          instance: {base}
          token_env: MASTODON_TOKEN
        - type: bluesky
          service: {base}
          handle: brightwell.bsky.social
          password_env: BLUESKY_PASSWORD
"""


def configure(site: Path, notify: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      timezone: Europe/London\n", "      timezone: Europe/London\n" + notify),
                      encoding="utf-8")


@pytest.fixture
def providers(site: Path, monkeypatch: pytest.MonkeyPatch):
    state = Providers()
    server, base = serve(state)
    configure(site, channels_yaml(base))
    environment = {**SECRETS, "SLACK_URL": f"{base}/slack/T0/B0/x", "TEAMS_URL": f"{base}/teams/workflow",
                   "DISCORD_URL": f"{base}/discord/1/token", "CHAT_URL": f"{base}/chat/v1/spaces/AAA/messages"}
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    state.environment = environment
    yield state
    server.shutdown()


def published_before(site: Path, keys: list[str]) -> Path:
    """A ledger in which `keys` were announced before."""
    path = site / "announced.json"
    path.write_text(json.dumps({"version": 2, "announced": keys, "sent": [], "refused": []}), encoding="utf-8")
    return path


def notify(site: Path, *, sleeps: list[float] | None = None, dry_run: bool = False, before: Path | None = None,
           start_after: str | None = None) -> int:
    """notify in this process, with the build clock of the tests and waits recorded instead of slept."""
    args = argparse.Namespace(start_after=start_after, ledger=str(before) if before else None, dry_run=dry_run)
    http = Http(sleep=(sleeps.append if sleeps is not None else lambda s: None), timeout=TIMEOUT)
    return command_notify(args, read_site(site), http)


EXPORTS = "2026-11-22-slow-pdf-exports"
# Everything the example publishes, oldest first: a maintenance done, the card incident with its postmortem, a
# maintenance announced, the exports incident.
EVERY = ["2026-11-15-database-upgrade-1", "2026-11-15-database-upgrade-2", "2026-11-15-database-upgrade-3",
         f"{CARD}-1", f"{CARD}-2", f"{CARD}-3", f"{CARD}-4", f"{CARD}-postmortem",
         "2027-01-10-payment-provider-migration-1", f"{EXPORTS}-1", f"{EXPORTS}-2", f"{EXPORTS}-3"]


def every_key() -> list[str]:
    return list(EVERY)


def delivered(state: Providers) -> dict[str, list[str]]:
    """Update keys each channel received, in order (Bluesky's and Mastodon's from their text's link)."""
    got: dict[str, list[str]] = {}
    for path, requests in state.accepted.items():
        if "createSession" in path:
            continue
        channel = next(c for c in ("hooks", "slack", "teams", "discord", "chat", "statuses", "putRecord")
                       if c in path)
        got[channel] = [_key_of(r["body"]) for r in requests]
    return got


def _key_of(body: dict) -> str:
    """The update a message is about: the webhook says so; the others link to it (update 1: the page itself)."""
    if "update" in body:
        return body["update"]["id"]
    links = regex.findall(r"incidents/([a-z0-9-]+)/(#update-\d+|#postmortem)?", json.dumps(body))
    event, anchor = max(links, key=lambda link: bool(link[1]))
    return f"{event}-{(anchor or '#update-1').removeprefix('#update-').removeprefix('#')}"


def test_each_new_update_reaches_every_channel_once_in_the_documented_shape(site: Path, providers) -> None:
    before = published_before(site, EVERY[:5])
    assert notify(site, before=before) == 0
    assert providers.refused == []
    new = EVERY[5:]
    got = delivered(providers)
    assert set(got) == {"hooks", "slack", "teams", "discord", "chat", "statuses", "putRecord"}
    for channel, keys in got.items():
        assert keys == new, channel  # in the order they were published
    # a second run, with the same state: nothing again
    assert notify(site, before=before) == 0
    assert delivered(providers) == got
    keys = [r["headers"]["Idempotency-Key"] for r in providers.accepted["/api/v1/statuses"]]
    record_keys = [r["body"]["rkey"] for r in providers.accepted["/xrpc/com.atproto.repo.putRecord"]]
    assert len(set(keys)) == len(keys) and len(set(record_keys)) == len(record_keys)
    assert record_keys == sorted(record_keys)  # TIDs sort by time, as the updates do


def test_a_new_site_without_state_refuses_to_send_unless_told_where_to_start(site: Path, providers) -> None:
    missing = run(site, "notify", "--ledger", "nowhere.json", **providers.environment)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr and providers.accepted == {}
    assert missing.stderr.startswith("supporttab: there is no ledger at nowhere.json, so what was announced before "
                                     "is unknown; nothing was sent.")
    assert notify(site, start_after="now") == 0 and providers.total() == 0  # from now on: nothing old goes out
    assert notify(site, before=site / "another.json", start_after="2026-11-21T00:00+00:00") == 0
    assert delivered(providers)["slack"] == EVERY[7:]  # what was published after that time, only


def test_500_timeouts_and_429_are_retried_with_backoff_honouring_retry_after(site: Path, providers) -> None:
    providers.script["/slack/T0/B0/x"] = [(500, {}), "timeout", (429, {"Retry-After": "7"})]
    providers.script["/teams/workflow"] = [(503, {})]
    sleeps: list[float] = []
    assert notify(site, before=published_before(site, EVERY[:-1]), sleeps=sleeps) == 0
    assert sleeps == [1, 2, 7, 1]  # backoff 1 s then 2 s; then as long as Retry-After asked; Teams' backoff
    assert [len(v) for k, v in providers.accepted.items() if "slack" in k or "teams" in k] == [1, 1]
    slack = [raw for path, _, raw in providers.tries if "slack" in path]
    assert len(slack) == 4 and len(set(slack)) == 1  # every try the same request


def test_every_try_of_one_update_carries_the_same_idempotency_and_record_keys(site: Path, providers) -> None:
    providers.script["/api/v1/statuses"] = [(502, {}), "timeout"]
    providers.script["/xrpc/com.atproto.repo.putRecord"] = [(500, {}), (429, {"Retry-After": "1"})]
    assert notify(site, before=published_before(site, EVERY[:-1])) == 0
    mastodon = [h["Idempotency-Key"] for path, h, _ in providers.tries if path == "/api/v1/statuses"]
    bluesky = [json.loads(raw)["rkey"] for path, _, raw in providers.tries if path.endswith("putRecord")]
    assert len(mastodon) == 3 and len(set(mastodon)) == 1
    assert len(bluesky) == 3 and len(set(bluesky)) == 1


def test_a_channel_that_keeps_failing_fails_the_run_and_the_rerun_sends_only_the_rest(site: Path, providers,
                                                                                     capsys) -> None:
    providers.script["/discord/1/token"] = ["ok", (500, {}), (500, {}), (500, {}), (500, {})]
    before = published_before(site, EVERY[:8])
    assert notify(site, before=before) == 1
    out = capsys.readouterr().out
    assert f"discord: sent 1 ({EVERY[8]}); FAILED at {EXPORTS}-1: POST $DISCORD_URL answered 500" in out
    assert "/discord/1/token" not in out  # the secret address is never printed
    assert "slack: sent 4" in out  # the other channels went on
    assert notify(site, before=before) == 0
    for channel, keys in delivered(providers).items():
        assert keys == EVERY[8:], channel  # each exactly once and in order, Discord included


def test_a_refused_request_is_not_retried_and_says_why(site: Path, providers, capsys) -> None:
    providers.script["/api/v1/statuses"] = [(401, {})]
    sleeps: list[float] = []
    assert notify(site, before=published_before(site, EVERY[:-1]), sleeps=sleeps) == 1
    assert sleeps == []
    assert "mastodon: sent 0; FAILED at 2026-11-22-slow-pdf-exports-3: POST" in capsys.readouterr().out


def test_killed_half_way_then_run_again_every_update_arrives_exactly_once(site: Path, providers) -> None:
    before = published_before(site, [])
    providers.kill_after = 9  # the 10th request kills the sender before it hears back
    command = [sys.executable, "-m", "supporttab.authoring.cli", "notify", "--ledger", str(before)]
    env = {**providers.environment, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).parent.parent / "plugins")}
    process = subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    providers.sender_pid = process.pid
    process.wait(timeout=120)
    assert process.returncode == -9 and providers.total() == 9
    providers.kill_after = None
    rerun = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    for channel, keys in delivered(providers).items():
        assert sorted(keys) == sorted(every_key()), channel
    assert providers.total() == len(every_key()) * len(HTTP_CHANNELS)


def test_dry_run_prints_every_post_and_never_a_secret(site: Path, providers) -> None:
    result = run(site, "notify", "--ledger", str(published_before(site, EVERY[:-1])), "--dry-run",
                 **providers.environment)
    assert result.returncode == 0 and providers.accepted == {}
    assert f"=== {EXPORTS}-3: Monitoring: " in result.stdout and f"=== {EXPORTS}-2" not in result.stdout
    for secret in list(SECRETS.values()) + ["/slack/T0", "/discord/1/token"]:
        assert secret not in result.stdout + result.stderr
    assert "POST $SLACK_URL" in result.stdout and "Authorization: (secret)" in result.stdout
    assert "(HMAC-SHA256 of \"" in result.stdout and "\" and the body with $WEBHOOK_SECRET)" in result.stdout


def test_channels_take_only_their_components_regions_and_impacts(site: Path, monkeypatch) -> None:
    monkeypatch.setenv("WEBHOOK_SECRET", SECRETS["WEBHOOK_SECRET"])
    state = Providers()
    server, base = serve(state)
    try:
        configure(site, f"""      notify:
        - type: webhook
          name: payments
          url: {base}/hooks/status
          secret_env: WEBHOOK_SECRET
          components: [card-payments]
        - type: webhook
          name: exports
          url: {base}/hooks/status
          secret_env: WEBHOOK_SECRET
          impacts: [minor]
        - type: webhook
          name: us-only
          url: {base}/hooks/status
          secret_env: WEBHOOK_SECRET
          regions: [na]
""")
        state.accepted.clear()
        assert notify(site, before=published_before(site, [])) == 0
    finally:
        server.shutdown()
    received = [r["body"]["update"]["id"] for r in state.accepted["/hooks/status"]]
    payments = [k for k in EVERY if CARD in k or "payment-provider" in k]  # both name card-payments
    minor = [k for k in EVERY if EXPORTS in k]
    everywhere = [k for k in EVERY if "upgrade" in k or EXPORTS in k]  # no region named: North America too
    assert sorted(received) == sorted(payments + minor + everywhere)


@pytest.mark.parametrize("network", list(LIMITS))
@pytest.mark.parametrize("title", ["Card payments failing", "Zahlungen schlagen fehl 👩🏽‍💻 " * 12, "x" * 400])
@pytest.mark.parametrize("body", ["Short.", "Payments work again. " * 60, "🇬🇧 " * 400, "word" * 300])
def test_short_posts_fit_each_network_and_keep_the_link_and_signature(network, title, body) -> None:
    item = example_announcement(title=title, body=body)
    text = short_post(item, network)
    assert length(text, network) <= LIMITS[network]
    if network != "x":  # Mastodon and Bluesky count what a reader sees as one character
        assert len(regex.findall(r"\X", text)) <= LIMITS[network]
    assert text.endswith(f" {item.url} ^PH") and "…" in text if len(body) > 400 else True


@pytest.mark.parametrize(("text", "weight"), [("Payments", 8), ("é", 1), ("中文", 4), ("👩🏽‍💻", 2),
                                             ("🇬🇧", 2)])
def test_x_weighs_text_as_x_does(text: str, weight: int) -> None:
    assert length(text, "x") == weight


def example_announcement(**changes) -> Announcement:
    """The exports incident's first update from the built example, with `changes` to the event or the text."""
    site = read_site(EXAMPLE)
    _, items = announcements_of(site)
    item = next(i for i in items if i.key == f"{EXPORTS}-1")
    event = dataclasses.replace(item.event, title=changes.get("title", item.event.title))
    return dataclasses.replace(item, event=event, body=changes.get("body", item.body), author="Patty Hughes")


# --- email: a real SMTP server with STARTTLS and a login, read back as a mail client would -------------------

@pytest.fixture
def mail_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import socket
    import ssl

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this test's certificate, and only it
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)

    class Inbox:
        messages: list[tuple[str, list[str], bytes]] = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.original_content))
            return "250 OK"

    def login(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=auth_data.login == b"mailer" and auth_data.password == b"smtp-password")

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="localhost", port=port, tls_context=tls, require_starttls=True,
                            authenticator=login, auth_require_tls=True)
    controller.start()
    monkeypatch.setenv("SMTP_USER", "mailer")
    monkeypatch.setenv("SMTP_PASSWORD", "smtp-password")
    yield port, inbox.messages
    controller.stop()


def test_email_goes_out_over_starttls_and_reads_well_in_a_mail_client(site: Path, mail_server) -> None:
    import email
    from email import policy

    port, inbox = mail_server
    configure(site, f"""      notify:
        - type: email
          host: localhost
          port: {port}
          sender: status@brightwell.example
          to: [customers@lists.brightwell.example, ops@brightwell.example]
          username_env: SMTP_USER
          password_env: SMTP_PASSWORD
          impacts: [major]
""")
    before = published_before(site, EVERY[:6])
    preview = run(site, "notify", "--ledger", str(before), "--dry-run")
    assert f"SMTP localhost:{port} (STARTTLS: yes), to customers@lists.brightwell.example, ops@brightwell.example, " \
           "each unseen by the others\nFrom: Brightwell Support <status@brightwell.example>\n" \
           "To: Brightwell Support <status@brightwell.example>\nSubject: Resolved: Card payments" \
           in preview.stdout and "\nStatus: Resolved\n" in preview.stdout and "smtp-password" not in preview.stdout
    assert notify(site, before=before) == 0
    assert notify(site, before=before) == 0  # again: nothing more
    assert [mail_from for mail_from, _, _ in inbox] == ["status@brightwell.example"] * 2
    mails = [email.message_from_bytes(raw, policy=policy.default) for _, _, raw in inbox]
    first = mails[0]
    assert inbox[0][1] == ["customers@lists.brightwell.example", "ops@brightwell.example"]
    assert b"ops@brightwell.example" not in inbox[0][2] and b"customers@" not in inbox[0][2]  # nobody sees the others
    assert first["Subject"] == "Resolved: Card payments failing for customers in the UK and EU"
    assert first["From"].addresses[0].display_name == "Brightwell Support"
    assert first["Message-ID"] != mails[1]["Message-ID"]
    plain = first.get_body(preferencelist=("plain",)).get_content()
    html = first.get_body(preferencelist=("html",)).get_content()
    link = f"https://support.brightwell.example/incidents/{CARD}/#update-4"
    assert "Status: Resolved" in plain and "Affected: Card payments and Invoice emails" in plain and link in plain
    assert f'<a href="{link}">' in html and "<th align=\"left\">Status</th><td>Resolved</td>" in html
    assert mails[1]["Subject"].startswith("Postmortem: ")


def test_email_refuses_a_server_without_starttls(site: Path, tmp_path: Path) -> None:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            raise AssertionError("a message was sent in the clear")

    controller = Controller(Sink(), hostname="localhost", port=port)  # offers no STARTTLS
    controller.start()
    try:
        configure(site, f"""      notify:
        - type: email
          host: localhost
          port: {port}
          sender: status@brightwell.example
          to: [ops@brightwell.example]
""")
        result = run(site, "notify", "--ledger", str(published_before(site, EVERY[:-1])))
    finally:
        controller.stop()
    assert result.returncode == 1
    assert f"email: sent 0; FAILED at {EXPORTS}-3: the mail server localhost:{port} refused the message " \
           "(SMTPNotSupportedError)" in result.stdout


# --- configuration: one located sentence per mistake, the same from `check` and the build ---------------------

@pytest.mark.parametrize(("channel", "expected"), [
    ("- type: slak\n          url_env: SLACK_URL",
     "mkdocs.yml:41:7: plugins.supporttab.notify[0]: 'slak' is not a kind of channel; did you mean 'slack'?"),
    ("- type: slack\n          url_env: https://hooks.slack.com/services/T0/B0/x",
     "mkdocs.yml:43:11: plugins.supporttab.notify[0].url_env: 'https://hooks.slack.com/services/T0/B0/x' is not the "
     "name of an environment variable; write the variable's name in capitals, like SLACK_WEBHOOK_URL, and keep the "
     "secret itself out of mkdocs.yml"),
    ("- type: slack\n          url_env: A\n        - type: slack\n          url_env: B",
     "mkdocs.yml:41:7: plugins.supporttab.notify: two channels are called 'slack'; give each a different `name`"),
    ("- type: mastodon\n          instance: mastodon.social\n          token_env: T",
     "mkdocs.yml:43:11: plugins.supporttab.notify[0].instance: 'mastodon.social' is not a web address; write a full "
     "link starting with https://"),
    ("- type: email\n          host: smtp.example.com\n          sender: status@example.com\n          to: []",
     "mkdocs.yml:45:11: plugins.supporttab.notify[0].to: needs at least 1 item(s); add one"),
    (("- type: email\n          host: smtp.example.com\n          starttls: false\n          sender: s@example.com\n"
      "          to: [o@example.com]\n          username_env: SMTP_USERNAME"),
     ("mkdocs.yml:47:11: plugins.supporttab.notify[0].username_env: a login with starttls: false would send the "
      "password unencrypted; remove `starttls: false` (a login needs STARTTLS) or the login, for a local relay")),
    ("- type: discord\n          url_env: D\n          impacts: [huge]",
     "mkdocs.yml:44:11: plugins.supporttab.notify[0].impacts[0]: 'huge' is not allowed; write one of 'none', "
     "'minor', 'major', 'critical' or 'maintenance'"),
])
def test_a_mistake_in_a_channel_is_one_located_sentence(site: Path, channel: str, expected: str) -> None:
    configure(site, f"      notify:\n        {channel}\n")
    for command in (("check",), ("notify", "--dry-run", "--start-after", "now")):
        result = run(site, *command)
        assert (result.returncode, result.stderr) == (1, expected + "\n")


def test_the_build_refuses_a_bad_channel_with_the_same_sentence(site: Path) -> None:
    from conftest import run_mkdocs_build
    configure(site, "      notify:\n        - type: slack\n          url_env: slack_url\n")
    result = run_mkdocs_build(site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("mkdocs.yml:43:11: 'slack_url' is not the name of an environment variable; write the variable's name in "
            "capitals") in result.stderr


def test_the_site_publishes_the_keys_of_everything_it_announces(built_example: Path) -> None:
    state = json.loads((built_example / "api" / "supporttab" / "published.json").read_text(encoding="utf-8"))
    assert state == {"version": 1, "published": sorted(EVERY)}


@pytest.mark.parametrize("content", ["", "{}", '{"version": 1, "sent": []}', '{"version": 2, "announced": []}',
                                     "[1, 2]", "not json"])
def test_a_ledger_that_is_not_one_is_refused(site: Path, content: str) -> None:
    configure(site, "      notify:\n        - type: slack\n          url_env: SLACK_URL\n")
    (site / "announced.json").write_text(content, encoding="utf-8")
    result = run(site, "notify", "--ledger", "announced.json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("supporttab: announced.json is not a notify ledger (version 2); nothing was "
                                    "sent")


def test_updates_a_failed_run_left_behind_go_out_with_the_next_run_after_later_deploys(site: Path, providers) -> None:
    """What was announced is the ledger, never "what the site had before this deploy": a deploy in between (here a
    new update merged before anyone re-ran the failed run) cannot make the missed updates count as announced."""
    ledger = published_before(site, EVERY[:8])
    providers.script["/discord/1/token"] = [(500, {})] * 4
    assert notify(site, before=ledger) == 1
    later = run(site, "update", EXPORTS, "--status", "resolved", "--author", "patty", "--", "Exports are fast again.",
                epoch=BUILD_EPOCH)
    assert later.returncode == 0, later.stderr
    assert notify(site, before=ledger) == 0
    for channel, keys in delivered(providers).items():
        assert keys == [*EVERY[8:], f"{EXPORTS}-4"], channel  # once each, in order; Discord's missed ones too
    assert json.loads(ledger.read_text(encoding="utf-8"))["sent"] == []  # all settled as announced


def test_start_after_overrides_a_ledger_that_is_readable_but_wrong(site: Path, providers) -> None:
    ledger = published_before(site, [])  # wrong: everything before 21 November was announced by hand
    assert notify(site, before=ledger, start_after="2026-11-21T00:00+00:00") == 0
    assert delivered(providers)["slack"] == EVERY[7:]
    assert notify(site, before=ledger) == 0 and delivered(providers)["slack"] == EVERY[7:]  # and it stays so


def test_templates_get_the_configured_channels_for_a_get_updates_list_without_secrets(site: Path,
                                                                                     monkeypatch) -> None:
    from conftest import run_mkdocs_build
    monkeypatch.setenv("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/secret")
    configure(site, """      notify:
        - type: mastodon
          instance: https://mastodon.social
          token_env: MASTODON_TOKEN
          subscribe: https://mastodon.social/@brightwell
        - type: bluesky
          handle: brightwell.bsky.social
          password_env: BLUESKY_PASSWORD
        - type: slack
          url_env: SLACK_WEBHOOK_URL
          components: [api]
""")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}{{ super() }}<ul id="channels">{% for c in '
        'supporttab_update_channels %}<li>{{ c.kind_name }}|{{ c.link }}|{{ c.components|join(",") }}</li>'
        '{% endfor %}</ul>{% endblock %}', encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    assert run_mkdocs_build(site).returncode == 0
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    listed = regex.search(r'<ul id="channels">(.*?)</ul>', page).group(1)
    assert listed == ("<li>Mastodon|https://mastodon.social/@brightwell|</li>"
                      "<li>Bluesky|https://bsky.app/profile/brightwell.bsky.social|</li><li>Slack|None|api</li>")
    assert "hooks.slack.com" not in page and "SLACK_WEBHOOK_URL" not in page


def test_the_status_pages_get_updates_list_names_the_channels_customers_can_follow(site: Path) -> None:
    from conftest import run_mkdocs_build
    configure(site, """      notify:
        - type: mastodon
          instance: https://mastodon.social
          token_env: MASTODON_TOKEN
          subscribe: https://mastodon.social/@brightwell
        - type: slack
          url_env: SLACK_WEBHOOK_URL
""")
    assert run_mkdocs_build(site).returncode == 0
    page = (site / "site" / "status" / "index.html").read_text(encoding="utf-8")
    ways = page[page.index("Where we post each update"):]
    posted = ways[:ways.index("Everything, in a feed reader")]
    assert 'href="https://mastodon.social/@brightwell"' in posted
    assert "Slack" not in posted  # no public address to follow: not listed
