"""Light pages in headless Chromium: the status, history and incident pages customers reload during an outage load
one trimmed stylesheet and no theme script, look exactly as with the whole theme, and keep every control working."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import PHONE, REPO
from test_browser_pages import VIEWPORTS

pytestmark = pytest.mark.browser

LIGHT = {"status": "status/", "active-incident": "incidents/2026-11-22-slow-pdf-exports/",
         "resolved-incident": "incidents/2026-11-20-card-payments-failing/", "history": "status/history/"}
# Compressed bytes of everything a light page loads on a first visit: issue 13's target. The resolved incident, the
# heaviest, weighs 28.0 KiB since the hub's open-now code went into a script of its own; each time's UTC offset,
# data-st-offset, lets the script skip Intl, which costs more on a slow phone than 0.3 KiB.
BUDGET = 30 * 1024
THEME_SCRIPT = ("/assets/javascripts/",)  # the theme's bundle and its search worker
SEARCH_INDEX = "/search/search_index.json"


def requested(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(r => r.name).concat([location.href])")


@pytest.mark.parametrize("kind", list(LIGHT))
def test_a_light_page_loads_no_theme_script_and_stays_within_its_budget(open_page, built_example: Path,
                                                                         example_url: str, kind: str) -> None:
    page = open_page(LIGHT[kind])
    page.wait_for_load_state("networkidle")
    urls = set(requested(page))
    assert not [url for url in urls if any(part in url for part in (*THEME_SCRIPT, SEARCH_INDEX, "/hub.js"))]
    stylesheets = [url for url in urls if url.endswith(".css")]
    assert len(stylesheets) == 1 and "/assets/supporttab/light." in stylesheets[0]
    total = weight(urls, built_example, example_url)
    assert total <= BUDGET, f"{total / 1024:.1f} KiB"
    assert page.problems == []


def weight(urls: set[str], site: Path, base: str) -> int:
    """Compressed bytes of the site's files at `urls`, gzipped as a server would (images as they are)."""
    total = 0
    for url in urls:
        path = url.removeprefix(base).split("?")[0]
        file = site / (path + "index.html" if path.endswith("/") or not path else path)
        body = file.read_bytes()
        total += len(body) if file.suffix in (".png", ".webp") else len(gzip.compress(body, 6))
    return total


# Every element's computed style (and its ::before and ::after), custom properties aside (the trimmed stylesheet
# drops those nothing reads), as one hash per element: the whole text would be megabytes per page.
# Transitions still running (the header's, as the palette settles) are awaited first: a style caught mid-way is
# not a difference between the stylesheets.
STYLES = """async () => { await Promise.all(document.getAnimations()
    .filter(a => a.effect.getComputedTiming().iterations !== Infinity).map(a => a.finished.catch(() => null)));
  return [...document.querySelectorAll('body *')].flatMap((e, i) => [null, '::before', '::after'].map(p => {
    const s = getComputedStyle(e, p);
    let hash = 2166136261;
    for (const n of s) if (!n.startsWith('--')) for (const c of n + s.getPropertyValue(n))
      hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
    return `${i} ${e.tagName}.${e.className}${p || ''}: ${hash >>> 0}`;
  })) }"""


def whole_theme_css(site: Path) -> str:
    """What a light page would load without trimming: the theme's stylesheets as its base template links them,
    then ours."""
    from supporttab.core.vocabulary import colour_properties

    theme = site / "assets" / "stylesheets"
    own = (REPO / "plugins" / "supporttab" / "assets" / "supporttab.css").read_text("utf-8")
    return "".join(p.read_text("utf-8") for p in (*theme.glob("main.*.min.css"), *theme.glob("palette.*.min.css"))
                   ) + "\n" + colour_properties() + own


def rendered_both_ways(chromium, url: str, stylesheet: str, whole: str, read, *, scheme: str,
                       viewport: dict = PHONE) -> tuple:
    """What `read` finds on the page at `url` with our trimmed `stylesheet` (light, pages), then with the theme's
    whole stylesheet served in its place."""
    renderings = []
    for trimmed in (True, False):
        context = chromium.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
        page = context.new_page()
        if not trimmed:
            page.route(f"**/assets/supporttab/{stylesheet}.*.css",
                       lambda route: route.fulfill(body=whole, content_type="text/css"))
        page.goto(url, wait_until="networkidle")
        renderings.append(read(page))
        context.close()
    return tuple(renderings)


def styles_in_every_state(page) -> dict[str, list[str]]:
    """Every element's styles at phone and desktop width at rest, with the phone menu open, and with the keyboard
    on a control."""
    states = {}
    for name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        states[f"{name} at rest"] = page.evaluate(STYLES)
    page.set_viewport_size(PHONE)
    page.evaluate("document.getElementById('__drawer').checked = true")
    states["phone menu open"] = page.evaluate(STYLES)
    page.evaluate("document.getElementById('__drawer').checked = false")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    states["keyboard focus"] = page.evaluate(STYLES)
    return states


def assert_same_styles(trimmed: dict[str, list[str]], whole: dict[str, list[str]]) -> None:
    for state in trimmed:
        differences = sorted(set(trimmed[state]) ^ set(whole[state]))
        assert differences == [], (state, differences[:10])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(LIGHT))
def test_the_trimmed_stylesheet_styles_every_element_as_the_whole_theme_does(
        chromium, example_url: str, built_example: Path, kind: str, scheme: str) -> None:
    """Every property of every element is the same with the trimmed stylesheet as with the theme's whole one, at
    phone and desktop width, at rest, with the phone menu open and with the keyboard on a control."""
    assert_same_styles(*rendered_both_ways(chromium, example_url + LIGHT[kind], "light",
                                           whole_theme_css(built_example), styles_in_every_state, scheme=scheme))


def test_search_on_a_light_page_opens_the_hubs_search_when_asked(open_page) -> None:
    page = open_page(LIGHT["active-incident"])
    page.get_by_role("link", name="Search").click()
    page.wait_for_url("**/?q=")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("password")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert "Reset your password" in page.locator(".md-search-result").inner_text()
    assert page.problems == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_light_dark_toggle_works_and_holds_across_light_and_whole_pages(open_page, viewport: str) -> None:
    page = open_page(LIGHT["status"], viewport=VIEWPORTS[viewport])
    body = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(body) == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate(body) == "slate"
    assert page.get_by_title("Switch to light mode").is_visible()
    assert not page.get_by_title("Switch to dark mode").is_visible()
    page.goto(page.url.replace("status/", "incidents/2026-11-20-card-payments-failing/"))
    assert page.evaluate(body) == "slate" and page.get_by_title("Switch to light mode").is_visible()
    page.goto(page.url.split("incidents/")[0] + "team/")  # a page with the theme's own script reads the same choice
    page.wait_for_load_state("networkidle")
    assert page.evaluate(body) == "slate"
    page.get_by_title("Switch to light mode").click()
    page.goto(page.url.replace("team/", "status/history/"))
    assert page.evaluate(body) == "default" and page.get_by_title("Switch to dark mode").is_visible()
    assert page.problems == []


def test_the_toggle_is_a_keyboard_control_with_a_visible_focus(open_page) -> None:
    page = open_page(LIGHT["status"])
    page.focus("#__palette_0")
    page.keyboard.press("Tab")  # away and back, so the focus comes from the keyboard
    page.keyboard.press("Shift+Tab")
    label = page.get_by_title("Switch to dark mode")
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_the_phone_menu_opens_and_leads_everywhere_on_a_light_page(open_page) -> None:
    page = open_page(LIGHT["status"], viewport=PHONE)
    drawer = page.locator(".md-sidebar--primary")
    left = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left"
    assert page.evaluate(left) < 0  # closed: off the screen, as the theme keeps it
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function(f"({left})() >= 0")  # slid in, by the theme's stylesheet alone
    page.locator(".md-nav__link", has_text="Help articles").first.click()
    article = drawer.locator("a", has_text="Reset your password")
    article.wait_for(state="visible")
    article.click()
    page.wait_for_url("**/articles/reset-password/")
    assert page.problems == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_tab_leads_on_from_a_light_page(open_page, viewport: str) -> None:
    page = open_page(LIGHT["active-incident"], viewport=VIEWPORTS[viewport])
    page.locator(".md-tabs__link", has_text="Team").click()
    page.wait_for_url("**/team/")
    page.wait_for_load_state("networkidle")  # the team page starts the theme's search: let it finish
    page.go_back()
    page.locator(".md-tabs__link", has_text="Status").click()
    page.wait_for_url("**/status/")
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Status"
    assert page.problems == []


@pytest.fixture(scope="module")
def dismiss_url(chromium, tmp_path_factory: pytest.TempPathFactory):
    """The example with the theme's `announce.dismiss` feature turned on and no notice of its own, served."""
    from conftest import served_example
    with served_example(tmp_path_factory, "announce-dismiss", ("announce.dismiss",)) as url:
        yield url


@pytest.mark.parametrize("path", ["status/history/", "incidents/2026-11-20-card-payments-failing/",
                                  "articles/reset-password/", "team/"])
def test_the_incident_banner_has_no_close_button_even_with_announce_dismiss(chromium, dismiss_url: str,
                                                                            path: str) -> None:
    """The banner shows the active incident, which no reader may close: with `announce.dismiss` in the site's
    features, no page (light or whole, before or after the theme's script loads) offers a close button to the eye, the
    keyboard or a screen reader, a banner stored as closed (the hash of its HTML as served) stays shown, and the
    feature does not pull in the theme's script."""
    context = chromium.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(dismiss_url + path, wait_until="networkidle")
        banner = page.locator(".md-banner")
        close = page.get_by_role("button", name="Don't show this again")
        assert banner.locator(".st-banner").is_visible() and close.count() == 0
        assert not [url for url in requested(page) if any(part in url for part in THEME_SCRIPT)]
        page.evaluate("""async () => { const html = await (await fetch(location.href)).text();
            const served = new DOMParser().parseFromString(html, 'text/html');
            const area = served.querySelector('[data-md-component=announce] .md-typeset');
            __md_set('__announce', __md_hash(area.innerHTML)); }""")
        page.reload(wait_until="networkidle")
        if "articles/" in path:  # and once the theme's script has started (a search), still no way to close it
            page.keyboard.press("/")
            page.locator(".md-search__input").wait_for(state="visible")
        assert banner.locator(".st-banner").is_visible() and close.count() == 0
    finally:
        context.close()
