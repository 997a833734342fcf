"""Web and email addresses shown as text wrap only where a reader would break them: after a "/", before a "." or
an "@" (and after a "-", which browsers already allow). A browser finds no break point of its own inside
"brightwell.example/contact/billing", so a narrow card split it inside "billing"; an invisible <wbr> at each of
these points gives it good ones, and the stylesheet (assets/supporttab.css) forbids breaking anywhere else. An address
in inline code (`no-reply@brightwell.example`) gets them too: code must not push a phone's page wider than its screen."""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element, SubElement

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup, escape

# One word with a "." "/" or "@" between letters or digits: a domain, a web address, an email address.
ADDRESS = re.compile(r"\S*\w[./@]\w\S*")
# Where a line may end: after a run of slashes ("https://" stays whole), before a dot or an at sign.
BREAK = re.compile(r"(?<=/)(?!/)|(?<=\w)(?=[.@]\w)")


def address_parts(text: str) -> list[str]:
    """`text` cut at its break points, or `text` alone when it is not an address."""
    if any(character.isspace() for character in text) or not ADDRESS.fullmatch(text):  # one word, and in linear
        # time: on a long text with spaces the pattern's backtracking grows with the square of its length
        return [text]
    return [part for part in BREAK.split(text) if part]


def address_html(text: object) -> Markup:
    """`text` escaped for HTML, with a <wbr> at each break point when it is an address."""
    return Markup("<wbr>").join(escape(part) for part in address_parts(str(text)))


class _BreakAddresses(Treeprocessor):
    """Puts the break points into every link and every inline code whose whole text is an address, like
    `<https://example.com/a/b>`, `<ops@example.com>` or `` `no-reply@example.com` ``."""

    def run(self, root: Element) -> None:
        blocks = {id(code) for pre in root.iter("pre") for code in pre}  # a code block scrolls; it never wraps
        for element in root.iter():
            if element.tag in ("a", "code") and len(element) == 0 and element.text and id(element) not in blocks:
                _split_text(element)


def _split_text(element: Element) -> None:
    """An e-mail autolink's text is character entities (Markdown hides the address from harvesters); its parts are
    found in the address it spells and written as entities again."""
    text, spelled = element.text, AMP_SUBSTITUTE in element.text
    if spelled:
        text = html.unescape(text.replace(AMP_SUBSTITUTE, "&"))
    parts = address_parts(text)
    if len(parts) < 2:
        return
    if spelled:
        parts = ["".join(f"{AMP_SUBSTITUTE}#{ord(character)};" for character in part) for part in parts]
    element.text = parts[0]
    for part in parts[1:]:
        SubElement(element, "wbr").tail = part


class AddressBreaks(Extension):
    """Markdown extension: addresses linked in Markdown get the same break points as the templates' addresses."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_BreakAddresses(md), "supporttab_address_breaks", 1)
