"""Articles in several languages in a real headless Chromium: a German reader's search finds the German article;
an article not translated yet, on an Arabic page at phone size, reads left to right inside a right-to-left page,
fits the phone and passes axe; the language menu leads to its German version. Screenshots are saved for a person
to look at."""

from __future__ import annotations

import pytest
from conftest import PHONE, axe_violations, serve, watched
from test_article_languages import NOTE
from test_browser_layout import ARTIFACTS, OVERFLOWS

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def served(three_languages_built):
    server, url = serve(three_languages_built)
    yield url
    server.shutdown()


def open_at(chromium, url: str, viewport: dict):
    context = chromium.new_context(viewport=viewport, timezone_id="Europe/London")
    page = watched(context.new_page())
    page.clock.set_fixed_time("2026-11-23T12:00:00Z")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page


def test_a_german_reader_searching_finds_the_german_article(chromium, served) -> None:
    context, page = open_at(chromium, f"{served}de/articles/two-step-verification/", DESKTOP)
    try:
        search = page.locator("input.md-search__input")
        search.click()
        page.keyboard.type("Passwort")
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        results = page.locator(".md-search-result__item a")
        links = [results.nth(n).get_attribute("href") for n in range(results.count())]
        assert links and {link.split("?")[0] for link in links} == {f"{served}de/articles/reset-password/"}, links
        assert "Passwort zurücksetzen" in page.locator(".md-search-result").inner_text()
        assert page.problems == []
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_untranslated_article_on_an_arabic_page_reads_in_its_own_direction(chromium, served, viewport) -> None:
    context, page = open_at(chromium, f"{served}ar/articles/two-step-verification/", viewport)
    try:
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.locator(".st-untranslated").inner_text() == NOTE["ar"]
        block = page.locator(".st-as-written")
        assert block.evaluate("element => getComputedStyle(element).direction") == "ltr"
        # each list item's number inside the page, and to the left of its text, as English reads
        for item in block.locator("ol > li").all():
            box = item.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            assert item.evaluate("li => parseFloat(getComputedStyle(li).marginLeft)") > 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"article-ar-untranslated-{viewport['width']}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.evaluate(OVERFLOWS) == []
        assert axe_violations(page) == []
        assert page.problems == []
    finally:
        context.close()


def test_the_language_menu_on_a_phone_leads_from_an_article_to_its_translation(chromium, served) -> None:
    context, page = open_at(chromium, f"{served}articles/reset-password/", PHONE)
    try:
        page.locator(".md-header .md-select button").first.click()
        page.get_by_role("link", name="Deutsch").click()
        page.wait_for_load_state("networkidle")
        assert page.url == f"{served}de/articles/reset-password/"
        assert page.locator("h1").inner_text().startswith("Passwort zurücksetzen")
        page.screenshot(path=str(ARTIFACTS / "article-de-translated-360.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.problems == []
    finally:
        context.close()
