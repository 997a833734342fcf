"""Translated component, group and region names in a real headless Chromium at phone size: each language's status
page fits the phone and passes axe with its names (long German ones too), and its "Get updates" control leads a
reader to that language's API."""

from __future__ import annotations

import json

import pytest
from conftest import PHONE, axe_violations, serve, watched
from test_browser_layout import OVERFLOWS
from test_component_languages import built  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(built):  # noqa: F811
    server, url = serve(built)
    yield url
    server.shutdown()


@pytest.mark.parametrize(("section", "names"), [
    ("de/", ("Zahlungen", "Kartenzahlungen")), ("ar/", ("Payments", "Card payments"))])
def test_a_languages_status_page_names_its_components_fits_a_phone_and_leads_to_its_api(
        chromium, served, section: str, names: tuple[str, str]) -> None:
    context = chromium.new_context(viewport=PHONE, timezone_id="Europe/London")
    try:
        page = watched(context.new_page())
        page.clock.set_fixed_time("2026-11-23T12:00:00Z")
        page.goto(f"{served}{section}status/")
        page.wait_for_load_state("networkidle")
        group, card = names
        assert page.locator("#group-payments").inner_text() == group
        assert card in page.locator(".st-component__name").all_inner_texts()
        if section == "de/":
            assert "Überweisungsabwicklungssystem" in page.locator(".st-component__name").all_inner_texts()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(OVERFLOWS) == []
        assert axe_violations(page) == []
        page.locator(".st-get-updates summary").click()
        link = page.locator(".st-get-updates a[href$='api/v2/summary.json']")
        assert link.count() == 1 and link.is_visible()
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.url == f"{served}{section}api/v2/summary.json" and response.ok
        summary = json.loads(response.body())
        assert card in {component["name"] for component in summary["components"]}
        assert page.problems == []
    finally:
        context.close()
