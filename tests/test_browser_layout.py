"""Layout of every page kind in headless Chromium at 360 and 1280 px, light and dark: labels never overlap their
values, no text runs past its container, headings are readable, the tabs reach every part of the site, the help
strip is one line on a phone; and at 320, 360, 768 and 1280 px, addresses break only between their parts. A
screenshot of each is saved for a person to look at, under test-artifacts/screenshots/ (or $SUPPORTTAB_ARTIFACTS)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REPO
from test_browser_pages import PAGES

pytestmark = pytest.mark.browser
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
ARTIFACTS = Path(os.environ.get("SUPPORTTAB_ARTIFACTS", REPO / "test-artifacts")) / "screenshots"
TABS = ["Support", "Status", "Team", "Getting started", "Help articles"]

# Pairs of boxes that must not overlap: each label and its value, a component's name and its state.
OVERLAPS = """() => {
  const pairs = [];
  document.querySelectorAll('dl').forEach(dl => [...dl.children].forEach(dt => {
    if (dt.tagName === 'DT' && dt.nextElementSibling) pairs.push([dt, dt.nextElementSibling]); }));
  document.querySelectorAll('.st-component__head, .st-update__head, .st-incident__status').forEach(head => {
    const kids = [...head.children]; kids.forEach((a, i) => kids.slice(i + 1).forEach(b => pairs.push([a, b]))); });
  document.querySelectorAll('table.st-hours tr').forEach(tr => pairs.push([tr.children[0], tr.children[1]]));
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  return pairs.filter(([a, b]) => {
    const boxes = [...a.getClientRects()], others = [...b.getClientRects()];
    return boxes.some(x => others.some(y => hit(x, y)));
  }).map(([a, b]) => `${a.textContent.trim().slice(0, 30)} | ${b.textContent.trim().slice(0, 30)}`);
}"""

# Text past its container: every text line inside the page's parts must end inside that part (and the screen).
OVERFLOWS = """() => {
  const parts = [...document.querySelectorAll('.md-banner, .st-help, .md-tabs, .md-content__inner')];
  const out = [];
  parts.forEach(part => {
    const box = part.getBoundingClientRect();
    const right = Math.min(box.right, document.documentElement.clientWidth);
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim() || node.parentElement.closest('.md-tabs__list, [hidden], details:not([open])'))
        continue;
      const range = document.createRange(); range.selectNodeContents(node);
      for (const r of range.getClientRects())
        if (r.width > 0 && (r.right > right + 1 || r.left < box.left - 1))
          out.push(`${node.textContent.trim().slice(0, 40)} (${Math.round(r.left)}-${Math.round(r.right)} in ${Math.round(box.left)}-${Math.round(right)})`);
    }
  });
  return out;
}"""

# The contrast of each heading's text against what is behind it (WCAG's formula); large text needs 3:1, but we
# hold every heading to 4.5:1.
HEADING_CONTRAST = """() => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const behind = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                        if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
  return [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')]
    .filter(h => h.getBoundingClientRect().width > 0)
    .map(h => { const fg = rgb(getComputedStyle(h).color), bg = behind(h);
                const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
                return [h.textContent.trim().slice(0, 30), Math.round((a + 0.05) / (b + 0.05) * 100) / 100]; })
    .filter(([, ratio]) => ratio < 4.5);
}"""

# Every address shown as a link (a web or email address, a phone number) or in inline code, per character: where its
# text goes on to a new line, the break must come after a "/" or "-" or before a "." or "@" (never inside a word; a
# phone number never), and no part of it may be hyphenated by the browser.
ADDRESS_BREAKS = """() => {
  const out = [];
  for (const a of document.querySelectorAll('a[href], :not(pre) > code')) {
    const text = a.textContent.trim(), phone = a.protocol === 'tel:';
    if (!a.getClientRects().length || !(phone || /^\\S*\\w[./@]\\w\\S*$/.test(text))) continue;
    for (const e of [a, ...a.querySelectorAll('*')])
      if (getComputedStyle(e).hyphens === 'auto') out.push(`${text}: hyphenated (hyphens: auto)`);
    const chars = [], walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
        const box = [...range.getClientRects()].find(r => r.width > 0);
        if (box && node.data[i].trim()) chars.push([node.data[i], box]);
      }
    }
    chars.forEach(([c, box], i) => {
      if (i === 0) return;
      const [before, last] = chars[i - 1];
      const newLine = box.top >= last.top + last.height / 2;
      if (newLine && (phone || !('/-'.includes(before) || '.@'.includes(c))))
        out.push(`${text}: broken between "${before}" and "${c}"`);
    });
  }
  return out;
}"""
# The 404 page is no page kind of the tests' pages (it is no page of the site's navigation), but it shows addresses.
ADDRESS_PAGES = {**PAGES, "not-found": "404.html"}
ADDRESS_WIDTHS = [320, 360, 768, 1280]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_layout_holds_at_every_width(open_page, kind: str, viewport: str, scheme: str) -> None:
    page = open_page(PAGES[kind], viewport=VIEWPORTS[viewport], scheme=scheme, now="2026-11-23T12:00:00Z")
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{kind}-{VIEWPORTS[viewport]['width']}-{scheme}.png"), full_page=True)
    assert page.evaluate(OVERLAPS) == []
    assert page.evaluate(OVERFLOWS) == []
    assert page.evaluate(HEADING_CONTRAST) == []
    # every part of the site one tap away: the tabs, at every width
    tabs = page.locator(".md-tabs")
    assert tabs.is_visible()
    assert [t.strip() for t in tabs.locator(".md-tabs__link").all_inner_texts()] == TABS
    assert page.problems == []


@pytest.mark.parametrize("kind", list(PAGES))
def test_help_strip_is_one_line_on_a_phone(open_page, kind: str) -> None:
    page = open_page(PAGES[kind])
    tops = page.evaluate("[...document.querySelectorAll('.st-help__inner > a')].map(a => a.getBoundingClientRect().top)")
    assert len(tops) == 3 and len(set(tops)) == 1, tops


def test_every_tab_is_one_tap_away_on_a_phone(open_page) -> None:
    page = open_page("")
    for name in TABS:  # all in view at 360 px, none scrolled away
        link = page.locator(".md-tabs__link", has_text=name)
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 24 and 0 <= box["x"] and box["x"] + box["width"] <= 360, (name, box)
    page.locator(".md-tabs__link", has_text="Team").click()
    page.wait_for_url("**/team/")
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Team"


@pytest.mark.parametrize("width", ADDRESS_WIDTHS)
@pytest.mark.parametrize("kind", list(ADDRESS_PAGES))
def test_addresses_wrap_only_between_their_parts(open_page, kind: str, width: int) -> None:
    page = open_page(ADDRESS_PAGES[kind], viewport={"width": width, "height": 800}, now="2026-11-23T12:00:00Z")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(ADDRESS_BREAKS) == []
    assert page.evaluate(OVERFLOWS) == []


def test_the_address_check_sees_a_word_cut_or_hyphenated(open_page) -> None:
    """The check above can fail: with the browser allowed to cut anywhere and to hyphenate, the hub's narrow
    billing card at 1280 px cuts its address inside "billing", as it did before addresses had break points."""
    page = open_page("", viewport={"width": 1280, "height": 800})
    page.add_style_tag(content=".st-channel__link { word-break: break-all !important; } "
                               ".st-help__contact--email { hyphens: auto !important; }")
    problems = page.evaluate(ADDRESS_BREAKS)
    assert any(p.startswith("brightwell.example/contact/billing: broken between") for p in problems), problems
    assert "help@brightwell.example: hyphenated (hyphens: auto)" in problems, problems


# Narrower than any phone: the article's text eight characters wide, so every address in it has to wrap.
NARROW = ".md-content__inner > * { max-width: 8rem !important; }"
WRAPPED = """() => [...document.querySelectorAll('.md-content__inner a[href], .md-content__inner :not(pre) > code')]
  .filter(a => /^\\S*\\w[./@]\\w\\S*$/.test(a.textContent.trim()))
  .map(a => [a.textContent.trim(), a.getClientRects().length > 1])"""


def test_every_address_in_markdown_that_must_wrap_breaks_between_its_parts(open_page) -> None:
    """The class of the check above, on addresses too long for their line wherever they stand in an article's
    Markdown: autolinked web and e-mail addresses, and addresses in inline code."""
    page = open_page(ADDRESS_PAGES["article"])
    page.add_style_tag(content=NARROW)
    addresses = dict(page.evaluate(WRAPPED))
    assert {"https://brightwell.example/contact/account-recovery", "account-recovery@brightwell.example",
            "no-reply@brightwell.example"} <= set(addresses)
    assert all(addresses.values()), addresses  # each address wraps here, so the check below sees its breaks
    assert page.evaluate(ADDRESS_BREAKS) == []


@pytest.mark.parametrize("width", [320, 1280])
def test_an_address_part_wider_than_its_card_and_a_long_phone_link_stay_on_the_screen(open_page, width) -> None:
    """Break points must not cost the page its width: a part wider than its card (a form's long id) is cut rather
    than run off the screen, and a phone link an author wrote as a sentence in Markdown may wrap."""
    page = open_page("", viewport={"width": width, "height": 800})
    page.evaluate("""() => {
      document.querySelector('.st-channel__link:not([href^="tel:"])').textContent =
        'docs.google.com/forms/d/e/1FAIpQLSdR3Vx7Qk9PqLmN2bZcYtW8eUoJ4hGfAsDxKlMnBvCzQwErTy/viewform';
      const call = document.createElement('a');
      call.href = 'tel:+442079460321';
      call.textContent = 'Call our account recovery team free of charge on +44 20 7946 0321';
      document.querySelector('.md-content__inner p').append(' ', call);
    }""")
    assert page.evaluate(OVERFLOWS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("""() => [...document.querySelectorAll('.st-channel__link')].filter(a =>
      a.getBoundingClientRect().right > a.parentElement.getBoundingClientRect().right + 1).length""") == 0
