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
from conftest import MINIMAL_HUB, NOW, problems_for_site, run_mkdocs_build, serve

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
              "order", "active", "live", "correction", "focus", "lint_ignore",
              "languages"}  # spoken languages: codes or names, letters only (core/spoken.py refuses the rest)
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


BAD_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HTML_IN_FEEDS = {"{http://www.w3.org/2005/Atom}content", "{http://purl.org/rss/1.0/modules/content/}encoded"}


def html_script_urls(name: str, html: str) -> list[str]:
    parser = _Urls()
    parser.feed(html)
    return ([f"{name}: {url}" for url in parser.urls if BAD_URL.match(url)]
            + [f"{name}: {handler}" for handler in parser.handlers if "__pwned" in handler])


def script_urls(site: Path) -> list[str]:
    """Every URL in the output whose scheme could run a script, with where it is: in pages and their JSON-LD,
    in feeds and the HTML they carry, in the API, badges and the calendar."""
    found = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            found += html_script_urls(path.name, html)
            for block in JSON_LD.findall(html):
                found += [f"{path.name} JSON-LD: {v}" for v in _json_urls(json.loads(block)) if BAD_URL.match(v)]
        elif path.suffix in (".atom", ".rss", ".svg"):
            for element in ET.parse(path).iter():
                values = [element.get("href", "")] + ([element.text or ""] if element.tag in ("link", "guid") else [])
                found += [f"{path.name}: {v}" for v in values if BAD_URL.match(v)]
                if element.tag in HTML_IN_FEEDS:
                    found += html_script_urls(f"{path.name} content", element.text or "")
        elif path.suffix == ".json" and "search" not in path.parts:
            document = json.loads(path.read_text(encoding="utf-8"))
            found += [f"{path.name}: {v}" for v in _json_urls(document) if BAD_URL.match(v)]
            for item in document.get("items", []) if isinstance(document, dict) else []:
                found += html_script_urls(f"{path.name} content_html", item.get("content_html", ""))
        elif path.suffix == ".ics":
            found += [f"{path.name}: {line}" for line in path.read_text().splitlines()
                      if line.startswith("URL:") and BAD_URL.match(line[4:])]
    return found


def _json_urls(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _json_urls(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _json_urls(v, key)
    elif isinstance(value, str) and ("url" in key or key in ("shortlink", "id", "href", "@id", "sameAs")):
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
    assert fields >= 90  # (92 today) every free-text field of the example's hub, incidents, components and team
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


def test_every_url_field_of_the_example_refuses_a_script_url(site: Path) -> None:
    from supporttab.config import Options
    from supporttab.core.problems import DataError
    from supporttab.site import load_site

    poisoned = []

    def poison_urls(value, key=""):
        if isinstance(value, dict):
            return {k: poison_urls(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison_urls(v, key) for v in value]
        if key == "url" and isinstance(value, str):
            poisoned.append(value)
            return "javascript:__pwned(0)"
        return value

    for path in [site / "content" / "hub.yml", *sorted((site / "incidents").rglob("*.yml")),
                 *sorted((site / "team").glob("*.yml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison_urls(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(poisoned) >= 5
    with pytest.raises(DataError) as caught:
        load_site(site, site / "content", Options(hub="content/hub.yml"), NOW)
    refused = [p for p in caught.value.problems
               if p.message == "'javascript:__pwned(0)' is not a web address; write a full link starting with https://"]
    assert len(refused) == len(poisoned) == len(caught.value.problems)


def test_the_scan_finds_script_urls_wherever_they_hide(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text('<script type="application/ld+json">{"url": "javascript:x"}</script>'
                                        '<a href=" JavaScript:x">a</a>', encoding="utf-8")
    (tmp_path / "feed.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">'
                                        '&lt;img src=x onerror=__pwned(1)&gt;</content></entry></feed>',
                                        encoding="utf-8")
    (tmp_path / "feed.json").write_text(json.dumps({"items": [{"content_html": '<a href="data:text/html,x">x</a>'}]}),
                                        encoding="utf-8")
    assert sorted(script_urls(tmp_path)) == [
        "feed.atom content: <img onerror=__pwned(1)>", "feed.json content_html: data:text/html,x",
        "page.html JSON-LD: javascript:x", "page.html:  JavaScript:x"]
