"""The hub and team page of each language's section of a three-language site (en, de, ar) in a real headless
Chromium at phone size: they fit, axe finds nothing, the open-now line speaks the section's language, Arabic reads
right to left, and the language menu and the navigation keep a reader in their language."""

from __future__ import annotations

import pytest
from conftest import PHONE, axe_violations, serve, watched
from test_browser_languages import CLOSED, OPEN_NOW
from test_browser_layout import ARTIFACTS, OVERFLOWS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(translated_hub_built):
    server, url = serve(translated_hub_built)
    yield url
    server.shutdown()


@pytest.fixture
def open_page(chromium, served):
    contexts = []

    def _open(path: str, *, locale: str = "en-GB", timezone: str = "Europe/London", now: str = "2026-11-23T12:00:00Z"):
        context = chromium.new_context(viewport=PHONE, timezone_id=timezone, locale=locale)
        contexts.append(context)
        page = watched(context.new_page())
        page.clock.set_fixed_time(now)
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", ["de/", "ar/", "de/team/", "ar/team/"])
def test_each_sections_hub_and_team_page_fit_a_phone_and_axe_finds_nothing(open_page, path: str) -> None:
    page = open_page(path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"section-{path.strip('/').replace('/', '-')}-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.lang") == path[:2]
    assert page.evaluate("getComputedStyle(document.body).direction") == ("rtl" if path.startswith("ar") else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(OVERFLOWS) == []
    assert page.problems == []
    assert axe_violations(page) == []


@pytest.mark.parametrize("code", ["de", "ar"])
def test_the_open_now_line_of_each_sections_hub_speaks_its_language(open_page, code: str) -> None:
    page = open_page(f"{code}/", locale=code, timezone="America/New_York", now="2026-11-23T10:00:00Z")
    assert page.locator("[data-st-open-now]").inner_text() == OPEN_NOW[code]
    page = open_page(f"{code}/", locale=code, timezone="Pacific/Honolulu", now="2026-11-28T16:00:00Z")
    assert page.locator("[data-st-open-now]").inner_text() == CLOSED[code]
    assert page.problems == []


def test_a_reader_stays_in_their_language_from_the_hub_to_the_team_and_back(open_page, served) -> None:
    page = open_page("")
    page.locator(".md-header .md-select button").first.click()
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{served}de/" and page.locator("h1").inner_text() == "Wie können wir helfen?"
    page.locator(".md-tabs").get_by_role("link", name="Team").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{served}de/team/" and page.locator("h1").inner_text() == "Unser Team"
    page.locator(".st-help__all").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{served}de/#help-from-us"
    page.locator(".md-header .md-select button").first.click()
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("networkidle")
    assert page.url == served and page.locator("h1").inner_text() == "How can we help?"
    assert page.problems == []
