"""The example with the theme's `navigation.instant`, in headless Chromium: every page kind with behaviour of ours,
arrived at by an instant page change (by a link, back and forward), does what it does loaded afresh, with no
script error, and over many page changes no timer or note piles up."""

from __future__ import annotations

import pytest
from conftest import copy_example_site, run_mkdocs_build, serve, watched
from test_browser_layout import ARTIFACTS

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 800}
# A reader away from the team's clock, so every <time> gets the reader's own time beside it.
READER = {"timezone_id": "America/New_York", "locale": "en-GB"}
# Every page kind with behaviour of ours: the hub (open now), status (filter, local times, due label), incidents
# (local times, due label, banner), history, team, an article (banner), the widget's page (<support-tab>).
PAGES = ["", "status/", "incidents/2026-11-22-slow-pdf-exports/", "incidents/2026-11-20-card-payments-failing/",
         "status/history/", "team/", "articles/reset-password/", "guides/add-support-to-your-product/"]
HUBS = {"", "de/", "ar/"}

# Each open-now timer of ours ticks once a minute: count those alive, whoever made them.
COUNT_TIMERS = """(() => { const live = new Set(), set = window.setInterval, clear = window.clearInterval;
  window.setInterval = (f, ms, ...rest) => { const id = set(f, ms, ...rest); if (ms === 60000) live.add(id); return id; };
  window.clearInterval = id => { live.delete(id); return clear(id); };
  window.stMinuteTimers = () => live.size; })()"""

# What our scripts did to the page: the open-now line, the reader's times, the promised updates' labels, the filter
# (does choosing a component hide anything?) and the widget (defined and drawn).
BEHAVIOUR = """async () => {
  const line = document.querySelector('[data-st-open-now]');
  const form = document.querySelector('[data-st-filter]');
  let filtered = null;
  if (form) {
    const select = form.querySelector('[data-st-filter-component]');
    select.value = select.options[select.options.length - 1].value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
    filtered = [...document.querySelectorAll('[data-st-components]')].filter(e => e.hidden).length;
    select.value = ''; select.dispatchEvent(new Event('change', {bubbles: true}));
    filtered = [filtered, [...document.querySelectorAll('[data-st-components]')].filter(e => e.hidden).length];
  }
  const widget = document.querySelector('support-tab');
  if (widget) await Promise.race([customElements.whenDefined('support-tab'), new Promise(r => setTimeout(r, 2000))]);
  return {
    openNow: line && line.textContent.trim(),
    localTimes: [...document.querySelectorAll('time[data-st-local]')].map(
      t => t.nextElementSibling && t.nextElementSibling.classList.contains('st-local-time') ? 1 : 0),
    notes: document.querySelectorAll('.st-local-time').length,
    due: [...document.querySelectorAll('[data-st-due-label]')].map(l => l.textContent.trim()),
    filtered: filtered,
    widget: widget && !!customElements.get('support-tab') && !!widget.shadowRoot,
    heading: document.querySelector('h1').textContent.replace('\\u00b6', '').trim(),
    language: [document.documentElement.lang, document.documentElement.dir],
    words: JSON.parse(document.getElementById('st-words').textContent).locale,
  }; }"""


@pytest.fixture(scope="module")
def instant_url(chromium, tmp_path_factory: pytest.TempPathFactory):
    server, url = instant_site(tmp_path_factory, "instant")
    yield url
    server.shutdown()


def instant_site(tmp_path_factory: pytest.TempPathFactory, name: str, edit=None):
    """The example with `navigation.instant`, edited by `edit(site)`, served at the address its site_url names (the
    theme's instant page changes take only links its sitemap lists, port included). Yields its URL."""
    site = copy_example_site(tmp_path_factory.mktemp(name) / "src")
    server, url = serve(site / "site")
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8").replace("navigation.footer]", "navigation.footer, navigation.instant]")
    config.write_text(text.replace("site_url: https://support.brightwell.example/", f"site_url: {url}"), "utf-8")
    if edit is not None:
        edit(site)
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return server, url


def browser_on(chromium, url: str):
    """Open pages of the site at `url`, each in a fresh context, once settled; `page.problems` collects script
    errors. Yields the opener."""
    contexts = []

    def _open(path: str, viewport: dict = PHONE):
        context = chromium.new_context(viewport=viewport, **READER)
        context.add_init_script(COUNT_TIMERS)
        contexts.append(context)
        page = watched(context.new_page(), site=url)
        page.goto(url + path, wait_until="networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def browse(chromium, instant_url: str):
    yield from browser_on(chromium, instant_url)


def go_instantly(page, url: str, path: str) -> None:
    """Follow a link to `path` as the theme follows one (an instant page change), and wait for the page to settle."""
    page.evaluate("href => { const a = Object.assign(document.createElement('a'), {href}); document.body.append(a);"
                  " a.click(); a.remove(); }", url + path)
    settle(page, url + path)


def settle(page, url: str) -> None:
    page.wait_for_url(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(150)  # the theme's document$ and ours, after its scripts loaded


def assert_as_loaded_afresh(page, browse, path: str, instant: bool = True, missing: list[str] | None = None) -> None:
    """The page after a page change (`instant`, or a page load) behaves as the same page loaded afresh, with one minute
    timer at most. With `missing` (the addresses that answered 404), the theme's look for a sitemap.xml is allowed
    and its console lines skipped: they may come in at any time while the page settles."""
    expected = browse(path).evaluate(BEHAVIOUR)
    now = page.evaluate(BEHAVIOUR)
    assert now == expected, path
    assert path not in HUBS or now["openNow"], "the hub's open-now line is empty"
    assert page.evaluate("window.stSamePage === true") == instant, f"{path}: {'not ' if instant else ''}instant"
    assert page.evaluate("window.stMinuteTimers()") == (1 if path in HUBS else 0), path
    if missing is not None:
        assert all(url.endswith("/sitemap.xml") for url in missing), missing
        page.problems[:] = [problem for problem in page.problems if "status of 404" not in problem]
    assert page.problems == [], path


@pytest.mark.parametrize("path", PAGES)
def test_each_page_kind_works_when_arrived_at_instantly(browse, instant_url: str, path: str) -> None:
    start = "articles/two-step-verification/"
    page = browse(start)
    page.evaluate("window.stSamePage = true")  # gone after a page load; kept across instant page changes
    go_instantly(page, instant_url, path)
    assert_as_loaded_afresh(page, browse, path)


def test_behaviour_holds_over_many_page_changes_and_back_and_forward(browse, instant_url: str) -> None:
    """From the hub loaded afresh, round and round (every page kind twice, the hub between), then back and forward:
    each page as afresh, the open-now line filled once, its timer alone, no note of a reader's time twice."""
    page = browse("")  # loaded afresh, the hub's script runs before the theme's
    page.evaluate("window.stSamePage = true")
    for path in [*PAGES[1:], *PAGES]:
        go_instantly(page, instant_url, path)
        assert_as_loaded_afresh(page, browse, path)
        go_instantly(page, instant_url, "")
        assert_as_loaded_afresh(page, browse, "")
    for move, path in [("back", PAGES[-1]), ("forward", ""), ("back", PAGES[-1]), ("back", ""),
                       ("back", PAGES[-2])]:
        page.go_back() if move == "back" else page.go_forward()
        settle(page, instant_url + path)
        assert_as_loaded_afresh(page, browse, path)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshot_of_the_hub_arrived_at_instantly(browse, instant_url: str, viewport: dict) -> None:
    """The hub as a reader sees it after clicking Support on another page, for a person to look at."""
    page = browse("team/", viewport)  # a whole page: a light one (status) has no instant page changes
    page.evaluate("window.stSamePage = true")
    page.locator(".md-tabs__link", has_text="Support").click()
    settle(page, instant_url)
    line = page.locator("[data-st-open-now]")
    assert line.is_visible() and line.inner_text().strip()
    assert page.evaluate("window.stSamePage === true") and page.problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"hub-instant-{viewport['width']}.png"), full_page=True)


@pytest.fixture(scope="module")
def languages_url(chromium, tmp_path_factory: pytest.TempPathFactory):
    """The example in English, German and Arabic (conftest's two_languages), with `navigation.instant`."""
    from test_translations import translate_incident

    server, url = instant_site(tmp_path_factory, "instant-languages", translate_incident)
    yield url
    server.shutdown()


@pytest.mark.parametrize("start, path", [("team/", "de/"), ("de/team/", ""), ("articles/reset-password/", "ar/"),
                                         ("de/", "de/status/"), ("de/team/", "de/")])
def test_a_page_change_into_another_language_loads_that_page(chromium, languages_url: str, start: str,
                                                             path: str) -> None:
    """Between languages the whole page changes (its language and direction, the header, the scripts' words), so the
    theme loads it; within one, its instant page change does. Either way the page works as loaded afresh."""
    opener = browser_on(chromium, languages_url)
    browse = next(opener)
    try:
        page = browse(start)
        missing = []
        page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
        page.evaluate("window.stSamePage = true")
        go_instantly(page, languages_url, path)
        # Known, and not ours to fix here: the theme's script looks for a sitemap.xml beside each page its head links
        # as an alternate (each language's version, a feed), as if each were a site's root; none is there.
        same_language = start.startswith("de/") == path.startswith("de/") and not path.startswith("ar/")
        assert_as_loaded_afresh(page, browse, path, instant=same_language, missing=missing)
    finally:
        next(opener, None)
