"""Hostile authored input: script payloads in every text field never run, and unsafe URLs never get in.

Every text field of every authored file of the example gets the whole payload corpus; the site is built, every
page is opened in Chromium with a hook that records any payload that runs, and every output file is read for
URLs with a script scheme.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_HUB, problems_for_site, run_mkdocs_build, serve

PAYLOADS = [
    "<script>__pwned(1)</script>",
    "<img src=x onerror=__pwned(2)>",
    '"><svg onload=__pwned(3)>',
    "javascript:__pwned(4)",
    "data:text/html,<script>__pwned(5)</script>",
    "<svg><script>__pwned(6)</script></svg>",
    "' autofocus onfocus='__pwned(7)",
    "[click](javascript:__pwned(8))",
    "![x](javascript:__pwned(9))",
    '<a href="javascript:__pwned(10)">x</a>',
    "</script><script>__pwned(11)</script>",
    '<iframe src="javascript:__pwned(12)"></iframe>',
    "[x](&#106;avascript:__pwned(13))",
    "<details open ontoggle=__pwned(14)>",
]
CORPUS = " ".join(PAYLOADS)
# Keys whose values are structured (ids, addresses, times, enums): they are validated, not free text.
STRUCTURED = {"id", "url", "phone", "email", "timezone", "weekly", "date", "kind", "status", "impact", "source",
              "components", "regions", "at", "next_update_by", "started_at", "published_at", "scheduled_for",
              "scheduled_until", "author", "photo", "photo_release", "page", "pins", "page_views", "count",
              "order", "active", "live", "correction", "focus", "lint_ignore"}
SHORT = {"bio": 400}  # fields with a length limit get as much of the corpus as fits


def poison(value, key: str = "", counter: list[int] | None = None):
    """Every free-text string in `value` replaced by the corpus; counts the fields it poisoned."""
    if key in STRUCTURED:
        return value
    if isinstance(value, dict):
        return {k: poison(v, k, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key, counter) for v in value]
    if isinstance(value, str):
        counter.append(1)
        return CORPUS[: SHORT.get(key, len(CORPUS))]
    return value


def poison_site(site: Path) -> int:
    fields: list[int] = []
    for path in [site / "content" / "hub.yml", *sorted((site / "incidents").rglob("*.yml")),
                 *sorted((site / "team").glob("*.yml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data, counter=fields), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return len(fields)


class _Urls(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                self.urls.append(value or "")
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value}>")


def script_urls(site: Path) -> list[str]:
    """Every URL in the output whose scheme could run a script, with where it is."""
    found = []
    bad = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
    for path in site.rglob("*"):
        if path.suffix == ".html":
            parser = _Urls()
            parser.feed(path.read_text(encoding="utf-8"))
            found += [f"{path.name}: {url}" for url in parser.urls if bad.match(url)]
            found += [f"{path.name}: {handler}" for handler in parser.handlers if "__pwned" in handler]
        elif path.suffix in (".atom", ".rss", ".svg"):
            for element in ET.parse(path).iter():
                values = [element.get("href", "")] + ([element.text or ""] if element.tag in ("link", "guid") else [])
                found += [f"{path.name}: {v}" for v in values if bad.match(v)]
        elif path.suffix == ".json" and "search" not in path.parts:
            found += [f"{path.name}: {v}" for v in _json_urls(json.loads(path.read_text(encoding="utf-8")))
                      if bad.match(v)]
        elif path.suffix == ".ics":
            found += [f"{path.name}: {line}" for line in path.read_text().splitlines()
                      if line.startswith("URL:") and bad.match(line[4:])]
    return found


def _json_urls(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _json_urls(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _json_urls(v, key)
    elif isinstance(value, str) and ("url" in key or key in ("shortlink", "id", "href")):
        yield value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    from conftest import copy_example_site

    site = copy_example_site(tmp_path_factory.mktemp("hostile") / "src")
    fields = poison_site(site)
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site / "site", fields


def test_the_corpus_reached_many_fields(hostile_site) -> None:
    site, fields = hostile_site
    assert fields >= 100  # (110 today) every free-text field of the example's hub, incidents, components and team
    hub = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;__pwned(1)&lt;/script&gt;" in hub  # shown as text, not run


def test_no_script_url_or_handler_anywhere_in_the_output(hostile_site) -> None:
    site, _ = hostile_site
    assert script_urls(site) == []


@pytest.mark.browser
def test_no_payload_runs_on_any_page(hostile_site, chromium) -> None:
    site, _ = hostile_site
    server, url = serve(site)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) >= 15
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script("window.__ran = []; window.__pwned = (n) => window.__ran.push(n);")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran = {}
    try:
        for path in pages:
            page.goto(url + path.removesuffix("index.html"))
            page.mouse.move(180, 300)
            page.keyboard.press("Tab")
            page.wait_for_timeout(50)
            executed = page.evaluate("window.__ran")
            if executed:
                ran[path] = executed
    finally:
        context.close()
        server.shutdown()
    assert ran == {} and dialogs == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("url: https://forum.example.com", "url: javascript:alert(1)",
     "content/hub.yml:9:12: help_from_others.communities[0].url: 'javascript:alert(1)' is not a web address; write "
     "a full link starting with https://"),
    ("url: https://forum.example.com", "url: \"data:text/html,<script>alert(1)</script>\"",
     "content/hub.yml:9:12: help_from_others.communities[0].url: 'data:text/html,<script>alert(1)</script>' is not a "
     "web address; write a full link starting with https://"),
    ("url: https://forum.example.com", "url: \" JaVaScRiPt:alert(1)\"",
     "content/hub.yml:9:12: help_from_others.communities[0].url: ' JaVaScRiPt:alert(1)' is not a web address; write "
     "a full link starting with https://"),
    ("url: https://forum.example.com", "url: vbscript:msgbox",
     "content/hub.yml:9:12: help_from_others.communities[0].url: 'vbscript:msgbox' is not a web address; write a "
     "full link starting with https://"),
])
def test_urls_other_than_web_addresses_are_refused_at_load(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert problems_for_site(tmp_path, {"content/hub.yml": MINIMAL_HUB.replace(old, new)}) == [expected]
