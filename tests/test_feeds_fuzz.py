"""Any text a test can generate either is refused where it is written (with its line and column) or comes out of
every feed as well-formed XML that a real feed reader parses: never a feed that parses nowhere."""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_HUB, NOW
from supporttab.config import Options
from supporttab.core.markdown import MarkdownRenderer
from supporttab.core.problems import DataError
from supporttab.core.urls import site_info
from supporttab.site import load_site
from supporttab.status.feeds import feed_files
from supporttab.status.index import build_status_index
from test_status_errors import COMPONENTS

INCIDENT = """\
title: {title}
impact: major
components: [web-app]
updates:
  - at: 2026-11-23T09:00:00+00:00
    status: investigating
    author: Patty
    body: {body}
"""


def _site(folder: Path, title: str, body: str) -> Path:
    files = {"content/hub.yml": MINIMAL_HUB, "content/articles/reset-password.md": "# Reset\n",
             "incidents/components.yml": COMPONENTS,
             "incidents/web-down.yml": INCIDENT.format(title=json.dumps(title), body=json.dumps(body))}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    return folder


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=40), body=st.text(max_size=80))
def test_every_feed_is_well_formed_for_any_text(title: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = _site(Path(folder), title, body)
        try:
            data = load_site(site, site / "content", Options(), NOW)
        except DataError as error:  # refused where it was written: a located sentence
            assert all(p.file == "incidents/web-down.yml" and p.line >= 1 and p.column >= 1 for p in error.problems)
            return
        index = build_status_index(data.status, now=NOW, zone=ZoneInfo("UTC"), render=MarkdownRenderer().render)
        for path, text in feed_files(index, site_info("Acme <&> Status", "https://status.example/")).items():
            if path.endswith((".atom", ".rss")):
                ET.fromstring(text.encode("utf-8"))  # well-formed XML, or this raises
                parsed = feedparser.parse(text)
                assert not parsed.bozo, (path, parsed.bozo_exception)
                assert len(parsed.entries) == (0 if "/api/" in path else 1)  # the API is not affected
            else:
                assert len(json.loads(text)["items"]) == 1


def test_a_control_character_is_refused_with_its_place(tmp_path: Path) -> None:
    site = _site(tmp_path, "Web app down", "Pasted from a terminal:\x0b done")
    try:
        load_site(site, site / "content", Options(), NOW)
    except DataError as error:
        assert [str(p) for p in error.problems] == [
            "incidents/web-down.yml:8:11: the text contains the invisible control character U+000B (a vertical tab) "
            "after 'Pasted from a terminal:'; delete it (it often comes with text pasted from a terminal)"]
    else:
        raise AssertionError("a vertical tab was published")
