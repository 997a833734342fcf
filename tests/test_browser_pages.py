"""Every page kind in headless Chromium at phone and desktop size, light and dark: layout, errors, requests,
keyboard, focus and axe-core."""

from __future__ import annotations

import pytest
from conftest import axe_violations

pytestmark = pytest.mark.browser

PAGES = {
    "hub": "",
    "article": "articles/reset-password/",
    "status": "status/",
    "active-incident": "incidents/2026-11-22-slow-pdf-exports/",
    "resolved-incident": "incidents/2026-11-20-card-payments-failing/",
    "history": "status/history/",
    "team": "team/",
}
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}

FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                 return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('[hidden]')
                        && !e.closest('[inert]') && !e.closest('nav[aria-expanded="false"]')
                        && !e.closest('details:not([open]) > :not(summary)')
                        && e.tabIndex >= 0; })"""  # links in a collapsed menu section or a closed disclosure are
                                                   # reached once it opens


@pytest.fixture
def visit(open_page):
    """Open a page kind at a viewport and colour scheme, once its requests have settled."""

    def _visit(kind: str, viewport: str, scheme: str):
        page = open_page(PAGES[kind], viewport=VIEWPORTS[viewport], scheme=scheme)
        page.wait_for_load_state("networkidle")
        return page

    return _visit


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_page_is_clean_accessible_and_keyboard_friendly(visit, kind: str, viewport: str, scheme: str) -> None:
    """One visit per page kind, size and scheme: the page as it loads, then axe, then the keyboard."""
    page = visit(kind, viewport, scheme)
    assert_clean_and_accessible(page, viewport, scheme)
    assert_keyboard_reaches_every_control_in_order_with_a_visible_focus(page)


def assert_clean_and_accessible(page, viewport: str, scheme: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    assert page.problems == []
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
    assert axe_violations(page) == []


# Is the focus visible? A ring (outline or shadow), or a look that differs from the same element at rest.
FOCUS_SEEN = """() => { const e = document.activeElement;
    const look = s => [s.textDecorationLine, s.backgroundColor, s.color, s.borderColor].join('|');
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    const focused = look(s);
    e.blur(); const rest = look(getComputedStyle(e)); e.focus();
    return [e.getAttribute('data-st-stop'), ring || focused !== rest, e.outerHTML.slice(0, 80)]; }"""


def assert_keyboard_reaches_every_control_in_order_with_a_visible_focus(page) -> None:
    assert page.evaluate("[...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length"
                         ) == 0  # no positive tabindex: the order is the page's order
    page.evaluate(f"({FOCUSABLE})().forEach((e, i) => e.setAttribute('data-st-stop', i))")
    targets = page.evaluate("document.querySelectorAll('[data-st-stop]').length")
    assert targets > 5
    reached, unseen = [], []
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    assert "md-skip" in first  # the skip link comes first
    for _ in range(targets * 2 + 10):
        stop = page.evaluate(FOCUS_SEEN)
        if stop[0] is not None and int(stop[0]) not in reached:
            reached.append(int(stop[0]))
            if not stop[1]:
                unseen.append(stop[2])
        if len(reached) == targets:
            break
        page.keyboard.press("Tab")
    assert sorted(reached) == list(range(targets)), page.evaluate(
        "[...document.querySelectorAll('[data-st-stop]')].filter(e => !e.matches(':focus')).length")
    assert reached == sorted(reached)  # in the page's own order
    assert unseen == []


def test_skip_link_moves_to_the_content(visit) -> None:
    page = visit("status", "phone", "light")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content-start"


SETTLE_WATCH = """() => { window.stLastResultChange = performance.now();
    new MutationObserver(() => { window.stLastResultChange = performance.now(); })
        .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true}); }"""


def test_search_dialog_works_from_the_keyboard(visit) -> None:
    page = visit("article", "phone", "light")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.evaluate(SETTLE_WATCH)
    page.keyboard.type("export")
    # Results render once per keystroke as the search worker answers; a late render would drop the focus,
    # so wait for the list of the whole word to stand still before moving into it.
    page.wait_for_function("""() => performance.now() - window.stLastResultChange > 500
        && document.querySelector('.md-search-result__item a')?.href.includes('export-your-data')""")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/export-your-data/**")
    assert page.locator("h1").first.inner_text().startswith("Export your data")
