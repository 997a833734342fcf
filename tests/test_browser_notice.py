"""A site's own notice beside the active incident's banner, in headless Chromium, with `announce.dismiss` on: a reader
closes the notice (mouse or keyboard) and it stays closed on light and whole pages and through instant navigation;
nobody can close the banner, which stays at the top of every page that has it, whatever a browser stored as closed."""

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
# The site's own main.html, building on Support Tab's layer as the README shows.
NOTICE = '{% extends "supporttab/main.html" %}\n{% block notice %}' + NOTICE_TEXT + "{% endblock %}\n"
AREA = "[data-md-component=announce]"
CLOSE = f"{AREA} .md-banner__button"
# Pages of the example without the banner (the hub and status page open with the whole summary, the active incident's
# page with its own part) and with it, light (never the theme's script) and whole.
NOTICE_ONLY = {"": "whole", "status/": "light", "incidents/2026-11-22-slow-pdf-exports/": "light"}
WITH_BANNER = {"articles/reset-password/": "whole", "team/": "whole", "status/history/": "light",
               "incidents/2026-11-20-card-payments-failing/": "light"}


def notice_site(tmp_path_factory: pytest.TempPathFactory, name: str, features: str):
    """The example with a notice of its own and theme `features`, served at the address its site_url names (the
    theme's instant navigation takes only links its sitemap lists, port included). Yields the URL."""
    site = copy_example_site(tmp_path_factory.mktemp(name) / "src")
    server, url = serve(site / "site")
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8").replace("navigation.footer]", f"navigation.footer, {features}]")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(text.replace("site_url: https://support.brightwell.example/", f"site_url: {url}"), "utf-8")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text(NOTICE, "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0 and "announce.dismiss" not in result.stderr, result.stderr
    return server, url


@pytest.fixture(scope="module", params=["instant", "on-demand"])
def notice_url(request, chromium, tmp_path_factory: pytest.TempPathFactory):
    """With `navigation.instant` (whole pages load the theme's script at once) and without (they load it when a
    reader searches): the close button must work both ways, and on light pages without it."""
    features = "navigation.instant, announce.dismiss" if request.param == "instant" else "announce.dismiss"
    server, url = notice_site(tmp_path_factory, f"notice-{request.param}", features)
    yield url
    server.shutdown()


@pytest.fixture
def browse(chromium, notice_url: str):
    """Open a page of the notice site in a fresh browser context, once its requests have settled."""
    contexts = []

    def _open(path: str, viewport: str = "desktop"):
        context = chromium.new_context(viewport=VIEWPORTS[viewport], timezone_id="Europe/London", locale="en-GB")
        contexts.append(context)
        page = watched(context.new_page(), site=notice_url)
        page.goto(notice_url + path, wait_until="networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()


SHOWN = """() => { const NOTICE_TEXT = """ + repr(NOTICE_TEXT) + """;
  const area = document.querySelector('[data-md-component=announce]');
  const banner = document.querySelector('.md-banner .st-banner'), close = area.querySelector('.md-banner__button');
  const header = document.querySelector('.md-header');
  return { banner: banner && banner.innerText.trim(),
           bannerOnTop: !!banner && banner.checkVisibility() && banner.getBoundingClientRect().bottom
                        <= header.getBoundingClientRect().top,
           notice: !!area.querySelector('.md-banner') && area.querySelector('.md-banner').checkVisibility()
                   && area.innerText.includes(NOTICE_TEXT),
           close: !!close && close.checkVisibility(),
           heading: document.querySelector('h1').textContent.replace('\u00b6', '').trim() }; }"""


def shown(page) -> dict:
    """What a page shows of the banner (its text, whether it is visible above the header), the notice, its close
    button, and the page's first heading."""
    return page.evaluate(SHOWN)


def assert_banner_cannot_be_closed(page, path: str) -> None:
    """The banner is at the top, the notice beside it, and no close button for the eye, the keyboard or a screen
    reader: hidden by the stylesheet's :has, and by the script for a browser that does not know :has."""
    now = shown(page)
    assert now["banner"] and now["bannerOnTop"] and now["notice"] and not now["close"], (path, now)
    assert page.get_by_role("button", name="Don't show this again").count() == 0, path
    assert page.locator(CLOSE).evaluate("b => b.hidden && b.style.display === 'none'"), path


def test_the_notice_closes_by_keyboard_and_stays_closed_through_page_changes(browse, notice_url: str) -> None:
    """Closed by keyboard on the hub, with no change to the address; each page after (by the tabs, links, back and
    forward: instant page changes where the site has them) shows what that page shows loaded afresh, except the
    notice, which stays closed wherever it stands alone and shows beside the banner, which nobody can close."""
    page = browse("")
    assert shown(page)["notice"] and not shown(page)["banner"]
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{CLOSE}')"):
            break
    page.keyboard.press("Enter")
    assert not shown(page)["notice"] and page.url == notice_url  # closed, and no stray '#' in the address
    instant = page.evaluate("!!window.document$")
    problems = list(page.problems)
    page.evaluate("window.stSamePage = true")  # gone after a page load; kept across instant page changes
    steps = [("tab", "Help articles", "articles/reset-password/"), ("tab", "Support", ""),
             ("tab", "Status", "status/"), ("link", "incidents/2026-11-20-card-payments-failing/", None),
             ("back", None, "status/"), ("forward", None, "incidents/2026-11-20-card-payments-failing/"),
             ("tab", "Status", "status/"), ("link", "incidents/2026-11-22-slow-pdf-exports/", None),
             ("back", None, "status/"), ("tab", "Team", "team/"), ("tab", "Support", "")]
    for kind, what, path in steps:
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
        page.wait_for_load_state("networkidle")
        if instant:
            assert page.evaluate("window.stSamePage === true"), f"{path}: not an instant page change"
        expected = shown(fresh)
        assert expected["notice"], path  # never closed in the fresh context
        expected["notice"] = path in WITH_BANNER  # the notice closed alone does not hide notice and banner
        expected["close"] = expected["close"] and expected["notice"]  # a closed notice's button goes with it
        assert shown(page) == expected, path
        if path in WITH_BANNER:
            assert_banner_cannot_be_closed(page, path)
        problems += page.problems
        page.problems.clear()
    assert problems == []


@pytest.mark.parametrize("start", ["status/", ""])
def test_a_notice_closed_on_one_kind_of_page_stays_closed_on_the_other(browse, notice_url: str, start: str) -> None:
    """Closed by mouse on a light page (without the theme's script, which it never loads) or a whole one, the notice
    stays closed on the other kind and on a reload; beside the banner it shows again, and the banner with it."""
    page = browse(start, viewport="phone")
    page.locator(CLOSE).click()
    assert not shown(page)["notice"]
    for path in [*NOTICE_ONLY, *WITH_BANNER, start]:
        page.goto(notice_url + path, wait_until="networkidle")
        assert shown(page)["notice"] == (path in WITH_BANNER), path
        if path in WITH_BANNER:
            assert_banner_cannot_be_closed(page, path)
        if NOTICE_ONLY.get(path) == "light" or WITH_BANNER.get(path) == "light":
            assert not [url for url in requested(page) if any(part in url for part in THEME_SCRIPT)], path
    assert page.problems == []


# The theme hides the announce area when the hash of its HTML matches the one stored for a closed notice: store, for a
# page with the banner, the hash of that HTML exactly as the server wrote it (as if a reader could have closed it).
STORE_AS_SERVED = """async () => { const html = await (await fetch(location.href)).text();
  const served = new DOMParser().parseFromString(html, 'text/html');
  __md_set('__announce', __md_hash(served.querySelector('[data-md-component=announce] .md-typeset').innerHTML)); }"""


@pytest.mark.parametrize("path", list(WITH_BANNER))
def test_no_stored_close_hides_the_banner(browse, path: str) -> None:
    page = browse(path, viewport="phone")
    assert_banner_cannot_be_closed(page, path)
    page.evaluate(STORE_AS_SERVED)
    page.reload(wait_until="networkidle")
    assert_banner_cannot_be_closed(page, path)
    if WITH_BANNER[path] == "whole" and not page.evaluate("!!window.document$"):  # and once the theme's script runs
        page.keyboard.press("/")
        page.locator(".md-search__input").wait_for(state="visible")
        page.keyboard.press("Escape")
        assert_banner_cannot_be_closed(page, path)
    assert page.problems == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", ["articles/reset-password/", "incidents/2026-11-20-card-payments-failing/",
                                  "status/"])
def test_pages_with_the_notice_are_accessible(browse, path: str, viewport: str) -> None:
    """Axe-clean with the notice alone and beside the banner; beside it, the keyboard starts at the skip link and
    never stops on the hidden close button."""
    page = browse(path, viewport=viewport)
    assert_clean_and_accessible(page, viewport, "light")
    if path in WITH_BANNER:
        assert_keyboard_reaches_every_control_in_order_with_a_visible_focus(page)
        assert page.evaluate("document.querySelector('[data-st-stop]') !== null && "
                             f"!document.querySelector('{CLOSE}').hasAttribute('data-st-stop')")
