"""Markdown written inside YAML files, rendered safely: raw HTML shows as text (or, where the site opts in, passes
nh3's allow-list sanitizer) and links keep safe schemes."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .addresses import AddressBreaks

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


# Text Markdown would only wrap in paragraphs: letters, digits, spaces and punctuation that starts no Markdown
# syntax (no *, _, `, [, <, &, #, |, \\, =, >, ~), on lines that neither start with a list marker, a digit or
# indentation nor end in spaces (a line break). A blank line must be empty: one of spaces may open a code block.
_PLAIN_TEXT = re.compile(r"(?:[^\W_]|[ .,;:'\"?!()/%\n\u2018\u2019\u201c\u201d\u2013\u2014\u2026-])*")
_PLAIN_LINE = re.compile(r"(?![-+\d\s]).*(?<!\s)")


def plain_paragraphs(text: str) -> str | None:
    """The HTML Markdown makes of plain prose, without running Markdown (most update bodies are plain prose, and
    a 1,000-incident site has thousands); None when the text might hold any Markdown syntax."""
    if not _PLAIN_TEXT.fullmatch(text):
        return None
    paragraphs, lines = [], []
    for line in text.split("\n"):
        if not line:
            if lines:
                paragraphs.append(lines)
            lines = []
        elif _PLAIN_LINE.fullmatch(line):
            lines.append(line)
        else:
            return None
    if lines:
        paragraphs.append(lines)
    return "\n".join("<p>" + "\n".join(lines) + "</p>" for lines in paragraphs)


class MarkdownRenderer:
    """One reusable Markdown converter; `allow_html` is the site's opt-in to raw HTML. Each text is converted once:
    `mkdocs serve` keeps the renderer from one rebuild to the next, when all but the saved file are as they were."""

    def __init__(self, *, allow_html: bool = False):
        self._md = markdown.Markdown(extensions=["tables", "sane_lists", AddressBreaks()], output_format="html")
        self._sanitize = self.allow_html = allow_html
        self._rendered: dict[str, Markup] = {}
        if not allow_html:
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_DropUnsafeLinks(self._md), "drop_unsafe_links", 0)

    def render(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        if text not in self._rendered:
            self._rendered[text] = self._convert(text)
        return self._rendered[text]

    def _convert(self, text: str) -> Markup:
        html = plain_paragraphs(text)
        if html is None:
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
