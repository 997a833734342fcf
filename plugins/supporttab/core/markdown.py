"""Markdown written inside YAML files, rendered safely: raw HTML shows as text (or, where the site opts in, passes
nh3's allow-list sanitizer) and links keep safe schemes."""

from __future__ import annotations

import html
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_safe_url(url: str) -> bool:
    """True for relative links and http(s)/mailto/tel. Entities are decoded and control characters dropped
    first, as a browser would, so `jav&#x09;ascript:` is caught too."""
    cleaned = "".join(ch for ch in html.unescape(url) if ch > " " and ch != "\x7f")
    try:
        return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


class _DropUnsafeLinks(Treeprocessor):
    """Removes href/src values such as `javascript:` and `data:` that Markdown would otherwise pass through."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                if attribute in element.attrib and not is_safe_url(element.attrib[attribute]):
                    del element.attrib[attribute]


class MarkdownRenderer:
    """One reusable Markdown converter; `allow_html` is the site's opt-in to raw HTML."""

    def __init__(self, *, allow_html: bool = False):
        self._md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        self._sanitize = allow_html
        if not allow_html:
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_DropUnsafeLinks(self._md), "drop_unsafe_links", 0)

    def render(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        html = self._md.reset().convert(text)
        if self._sanitize:  # raw HTML the site opted into: kept only as far as an allow-list trusts it
            html = nh3.clean(html, url_schemes=SAFE_SCHEMES - {""}, link_rel=None)
        return Markup(html)

    def render_inline(self, text: str | None) -> Markup:
        """Render one line without the surrounding paragraph, for short labels."""
        html = str(self.render(text))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)
