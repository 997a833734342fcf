"""A site's own notice beside the active incident's banner, in headless Chromium, with the theme's instant navigation
and `announce.dismiss` on: a reader can close the notice (mouse or keyboard) and it stays closed on every page; nobody
can close the banner, and after any sequence of page changes each page shows its own banner, as loaded afresh."""

from __future__ import annotations

import pytest
from conftest import copy_example_site, run_mkdocs_build, serve, watched
from test_browser_light_pages import THEME_SCRIPT, requested
from test_browser_pages import (
    VIEWPORTS,
    assert_clean_and_accessible,
    assert_keyboard_reaches_every_control_in_order_with_a_visible_focus,
)

pytestmark = pytest.mark.browser

NOTICE_TEXT = "Our offices are closed on 24 December; phone and chat stay open."
# The site's own notice, as mkdocs-material's documentation shows it.
NOTICE = '{% extends "base.html" %}\n{% block announce %}' + NOTICE_TEXT + "{% endblock %}\n"
# Before the active incident's promised update (23 Nov, 09:00 UTC), which the build (at 12:00) wrote as overdue:
# each page's banner must say what the reader's clock makes of it, after a page change too.
BEFORE_DUE = "2026-11-23T08:00:00Z"
NOTICE_AREA = "[data-md-component=announce]"


@pytest.fixture(scope="module")
def notice_url(chromium, tmp_path_factory: pytest.TempPathFactory):
    """The example with a notice of its own, `announce.dismiss` and `navigation.instant`, served at the address its
    site_url names: the theme's instant navigation takes only links its sitemap lists, port included."""
    site = copy_example_site(tmp_path_factory.mktemp("own-notice") / "src")
    server, url = serve(site / "site")
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8").replace("navigation.footer]", "navigation.footer, navigation.instant, "
                                                                   "announce.dismiss]")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(text.replace("site_url: https://support.brightwell.example/", f"site_url: {url}"), "utf-8")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text(NOTICE, "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0 and "takes the place" not in result.stderr, result.stderr
    yield url
    server.shutdown()


@pytest.fixture
def browse(chromium, notice_url: str):
    """Open a page of the notice site in a fresh browser context (reader's clock before the promised update)."""
    contexts = []

    def _open(path: str, viewport: str = "desktop", now: str | None = BEFORE_DUE):
        context = chromium.new_context(viewport=VIEWPORTS[viewport], timezone_id="Europe/London", locale="en-GB")
        contexts.append(context)
        page = watched(context.new_page(), site=notice_url)
        if now:
            page.clock.set_fixed_time(now)
        page.goto(notice_url + path, wait_until="networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()


SHOWN = """() => { const banner = document.querySelector('.st-outage');
  return { banner: banner && banner.innerText.trim(), visible: !!banner && banner.getBoundingClientRect().height > 0,
           skip: [...document.querySelectorAll('.md-skip')].map(a => a.href),
           heading: document.querySelector('h1').textContent.replace('\u00b6', '').trim() }; }"""


def shown(page) -> dict:
    """What a page shows of the banner, its skip link(s) and its first heading."""
    return page.evaluate(SHOWN)


def notice_shown(page) -> bool:
    return page.locator(NOTICE_AREA).filter(has_text=NOTICE_TEXT).is_visible()


# Page changes by the tabs, the status page's links and the browser's buttons: hub → article → hub, into the light
# pages (status ↔ incidents, with and without a banner), back, forward, and out to the team page.
STEPS = [("tab", "Help articles", "articles/reset-password/"), ("tab", "Support", ""),
         ("tab", "Status", "status/"), ("link", "incidents/2026-11-20-card-payments-failing/", None),
         ("back", None, "status/"), ("forward", None, "incidents/2026-11-20-card-payments-failing/"),
         ("tab", "Status", "status/"), ("link", "incidents/2026-11-22-slow-pdf-exports/", None),
         ("back", None, "status/"), ("tab", "Team", "team/"), ("tab", "Help articles", "articles/reset-password/")]


def test_the_notice_closes_by_keyboard_and_every_page_change_shows_that_pages_own_banner(browse,
                                                                                         notice_url: str) -> None:
    page = browse("")
    assert notice_shown(page) and shown(page)["banner"] is None  # the hub opens with the whole summary instead
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")  # the skip link first
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement === document.querySelector('{NOTICE_AREA} .md-banner__button')")
    page.keyboard.press("Enter")
    assert not notice_shown(page) and page.url == notice_url  # closed, and no stray '#' in the address
    page.evaluate("window.stSamePage = true")  # gone after a page load; kept across instant page changes
    for kind, what, path in STEPS:
        if kind == "tab":
            page.locator(".md-tabs__link", has_text=what).click()
        elif kind == "link":
            page.locator(f".md-content a[href$='{what}']").first.click()
            path = what
        else:
            page.go_back() if kind == "back" else page.go_forward()
        fresh = browse(path)
        page.wait_for_url(notice_url + path)
        page.wait_for_function("heading => document.querySelector('h1') && document.querySelector('h1')"
                               ".textContent.replace('\u00b6', '').trim() === heading", arg=shown(fresh)["heading"])
        assert page.evaluate("window.stSamePage === true"), f"{path}: not an instant page change"
        assert shown(page) == shown(fresh), path
        assert not notice_shown(page) and notice_shown(fresh), path  # closed stays closed; never closed elsewhere
    assert shown(page)["visible"]
    assert page.problems == []


LIGHT = ("incidents/", "status/")  # pages that never load the theme's script


@pytest.mark.parametrize("path", ["incidents/2026-11-20-card-payments-failing/", "status/history/",
                                  "articles/reset-password/", "team/"])
def test_the_notice_closes_on_light_and_whole_pages_and_no_stored_state_hides_the_banner(browse, notice_url: str,
                                                                                          path: str) -> None:
    """Light pages close the notice without the theme's script (and never load it), whole pages with it; closed, it
    stays closed on the other kind of page. The banner has no close button, and shows whatever a browser stored as
    closed (its own text, as the theme stores a notice's)."""
    page = browse(path, viewport="phone")
    banner = page.locator(".st-outage")
    assert notice_shown(page) and banner.is_visible() and banner.locator("button").count() == 0
    page.evaluate("() => __md_set('__announce', __md_hash(document.querySelector('.st-outage .md-typeset').innerHTML))")
    page.reload(wait_until="networkidle")
    assert notice_shown(page) and banner.is_visible()
    page.locator(f"{NOTICE_AREA} .md-banner__button").click()
    assert not notice_shown(page) and banner.is_visible()
    other = "team/" if path.startswith(LIGHT) else "incidents/2026-11-20-card-payments-failing/"
    for each in (other, path):
        page.goto(notice_url + each, wait_until="networkidle")
        assert not notice_shown(page) and banner.is_visible(), each
        if each.startswith(LIGHT):
            assert not [url for url in requested(page) if any(part in url for part in THEME_SCRIPT)], each
    assert page.problems == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", ["articles/reset-password/", "incidents/2026-11-20-card-payments-failing/"])
def test_a_page_with_notice_and_banner_is_accessible_named_and_skips_first(browse, path: str, viewport: str) -> None:
    page = browse(path, viewport=viewport, now=None)
    assert page.locator("aside.st-outage").get_attribute("aria-label") == "Current status"
    assert_clean_and_accessible(page, viewport, "light")
    assert_keyboard_reaches_every_control_in_order_with_a_visible_focus(page)
