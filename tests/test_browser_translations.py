"""A site in several languages in a real headless Chromium at phone size: the language menu in the header takes a
reader from the hub to the hub in their language, and on to its status page, and an incident's page there, with an update shown as
written beside its note, fits the phone and passes axe. A screenshot is saved for a person to look at."""

from __future__ import annotations

import pytest
from conftest import PHONE, axe_violations, load_failure, serve
from test_browser_layout import ARTIFACTS, OVERFLOWS
from test_translations import EVENT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(built_two):
    server, url = serve(built_two)
    yield url
    server.shutdown()


def test_the_language_menu_takes_a_phone_reader_to_their_languages_hub_and_on_to_its_status(chromium, served) -> None:
    context = chromium.new_context(viewport=PHONE, timezone_id="Europe/London")
    try:
        page = context.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(f"error: {error}"))
        page.on("requestfailed", lambda request: problems.extend(filter(None, [load_failure(request)])))
        page.clock.set_fixed_time("2026-11-23T12:00:00Z")
        page.goto(served)
        menu = page.locator(".md-header .md-select").first
        assert menu.is_visible()  # one tap away on a phone
        menu.locator("button").click()
        page.get_by_role("link", name="Deutsch").click()
        page.wait_for_load_state("networkidle")
        assert page.url == f"{served}de/"  # the hub in German, whose status link leads on
        page.locator(".st-summary__status a").click()
        page.wait_for_load_state("networkidle")
        assert page.url == f"{served}de/status/"
        assert page.evaluate("document.documentElement.lang") == "de"
        page.goto(f"{served}de/incidents/{EVENT}/")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == "Kartenzahlungen schlagen für Kunden in Großbritannien und der EU fehl"
        note = page.locator(".st-update__untranslated").first
        assert note.is_visible() and note.inner_text().startswith("Noch nicht übersetzt")
        assert page.locator(".st-update__body[lang=en]").count() >= 3
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "incident-de-untranslated-phone.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(OVERFLOWS) == []
        assert axe_violations(page) == []
        assert problems == []
    finally:
        context.close()
