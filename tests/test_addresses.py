"""Addresses get break points only between their parts, escaped, in templates and in Markdown alike."""

from __future__ import annotations

import html

import pytest
from supporttab.core.addresses import address_html, address_parts
from supporttab.core.markdown import MarkdownRenderer


@pytest.mark.parametrize(("text", "parts"), [
    ("brightwell.example/contact/billing", ["brightwell", ".example/", "contact/", "billing"]),
    ("https://brightwell.example/a-b/", ["https://", "brightwell", ".example/", "a-b/"]),
    ("help@brightwell.example", ["help", "@brightwell", ".example"]),
    ("brightwell.example.", ["brightwell", ".example."]),  # no break before a sentence's full stop
    ("+44 20 7946 0321", ["+44 20 7946 0321"]),  # a phone number: no address, kept whole (and nowrap in CSS)
    ("Billing form", ["Billing form"]),
    ("Print", ["Print"]),
])
def test_an_address_is_cut_after_slashes_and_before_dots_and_at_signs(text: str, parts: list[str]) -> None:
    assert address_parts(text) == parts
    assert "".join(parts) == text


def test_an_address_is_escaped_around_its_break_points() -> None:
    html = address_html('evil.example/"><script>alert(1)</script>?a=1&b=2')
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html and "&amp;b=2" in html
    assert html.startswith("evil<wbr>.example/<wbr>")


@pytest.mark.parametrize("allow_html", [False, True])
def test_a_linked_address_in_markdown_gets_the_same_break_points(allow_html: bool) -> None:
    renderer = MarkdownRenderer(allow_html=allow_html)
    html = renderer.render("Write to us at <https://brightwell.example/contact/billing> or [the form](https://b.example/x).")
    assert ">https://<wbr>brightwell<wbr>.example/<wbr>contact/<wbr>billing</a>" in html.replace("<wbr />", "<wbr>")
    assert ">the form</a>" in html


@pytest.mark.parametrize("allow_html", [False, True])
@pytest.mark.parametrize(("markdown", "shown"), [
    ("<https://brightwell.example/contact/billing>", "https://<wbr>brightwell<wbr>.example/<wbr>contact/<wbr>billing"),
    # Markdown writes an e-mail autolink's text and address as character entities
    ("<account-recovery@brightwell.example>", "account-recovery<wbr>@brightwell<wbr>.example"),
    ("`no-reply@brightwell.example`", "<code>no-reply<wbr>@brightwell<wbr>.example</code>"),
    ("[`help.brightwell.example`](https://b.example)", "<code>help<wbr>.brightwell<wbr>.example</code>"),
])
def test_every_address_shown_in_markdown_gets_the_break_points(allow_html: bool, markdown: str, shown: str) -> None:
    """Linked, autolinked (web and e-mail) and in inline code alike, in the site's pages and in authored YAML."""
    rendered = MarkdownRenderer(allow_html=allow_html).render(f"Write to {markdown} today.")
    assert shown in html.unescape(str(rendered).replace("<wbr />", "<wbr>"))


def test_an_e_mail_autolink_keeps_its_address_and_its_entities() -> None:
    rendered = str(MarkdownRenderer(allow_html=False).render("<ops@brightwell.example>"))
    assert html.unescape(rendered).count('href="mailto:ops@brightwell.example"') == 1
    assert "ops@" not in rendered and "&#64;" in rendered  # still spelled out, as Markdown writes it


def test_code_blocks_and_words_in_code_get_no_break_points() -> None:
    rendered = str(MarkdownRenderer(allow_html=False).render("`mkdocs build`\n\n    no-reply@brightwell.example\n"))
    assert "wbr" not in rendered
