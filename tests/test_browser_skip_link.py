"""The skip link is the first thing a Tab press reaches on every page kind, light and whole, with and without a site's
own notice (closable, under `announce.dismiss`) and with and without the outage banner; Enter on it moves to the
page's first heading. Real Tab presses in headless Chromium."""

from __future__ import annotations

import pytest
from conftest import served_example, watched
from test_browser_notice import NOTICE
from test_browser_pages import PAGES, VIEWPORTS

pytestmark = pytest.mark.browser

# The example's open incident, closed: a site with nothing active shows no banner anywhere.
RESOLVED = """
  - at: 2026-11-23T08:30:00+00:00
    status: resolved
    author: patty
    components:
      pdf-exports: operational
    body: |
      The backlog is cleared and exports arrive in seconds again.
"""
# Pages that show the banner while something is active (the hub, the status page and the active incident's page open
# with the whole summary instead).
BANNER_PAGES = {"article", "resolved-incident", "history", "team"}


def edit(notice: bool, active: bool):
    def _edit(site) -> None:
        if notice:
            config = site / "mkdocs.yml"
            config.write_text(config.read_text("utf-8").replace("  name: material\n",
                                                                "  name: material\n  custom_dir: overrides\n"), "utf-8")
            (site / "overrides").mkdir()
            (site / "overrides" / "main.html").write_text(NOTICE, "utf-8")
        if not active:
            incident = site / "incidents" / "2026-11-22-slow-pdf-exports.yml"
            incident.write_text(incident.read_text("utf-8").rstrip("\n") + "\n" + RESOLVED, "utf-8")
    return _edit


@pytest.fixture(scope="module", params=[(True, True), (True, False), (False, True), (False, False)],
                ids=["notice-active", "notice-quiet", "active", "quiet"])
def variant(request, chromium, tmp_path_factory: pytest.TempPathFactory):
    notice, active = request.param
    features = ("announce.dismiss",) if notice else ()
    name = f"skip-{'notice-' if notice else ''}{'active' if active else 'quiet'}"
    with served_example(tmp_path_factory, name, features, edit(notice, active)) as url:
        yield url, notice, active


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_the_first_tab_reaches_the_skip_link(chromium, variant, kind: str, viewport: str) -> None:
    url, notice, active = variant
    context = chromium.new_context(viewport=VIEWPORTS[viewport], locale="en-GB", timezone_id="Europe/London")
    try:
        page = watched(context.new_page(), site=url)
        page.goto(url + PAGES[kind], wait_until="networkidle")
        shown = page.evaluate("""() => ({
            banner: !!document.querySelector('.st-banner') && document.querySelector('.st-banner').checkVisibility(),
            close: [...document.querySelectorAll('.md-banner__button')].some(b => b.checkVisibility()) })""")
        # The case is the one named: the banner where it belongs, and the notice's close button where it stands alone.
        assert shown == {"banner": active and kind in BANNER_PAGES, "close": notice and not shown["banner"]}, kind
        page.keyboard.press("Tab")
        first = page.evaluate("() => { const e = document.activeElement;"
                              " return [e.className, e.textContent.trim(), e.getAttribute('href')]; }")
        assert "md-skip" in first[0] and first[1] == "Skip to content", (kind, first)
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == first[2]
        assert page.evaluate("h => document.querySelector(h) === document.querySelector('.md-content h1')",
                             first[2]), kind
        assert page.problems == []
    finally:
        context.close()
