"""A site's own `main.html` copied from an older Support Tab (it still includes our old skip-link partial and has
no `page_scripts` block): the build says nothing is wrong, so the hub must still work, its open-now line filled,
with and without the theme's instant page changes. (A main.html that does not build on Support Tab's layer at all
has none of its scripts: the README, under Authoring, says to extend `supporttab/main.html`.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_example_site, run_mkdocs_build, serve, watched

pytestmark = pytest.mark.browser

# Support Tab's own main.html as it was before its page scripts moved (at 9431db3^1), copied into a site's
# custom_dir as sites did: it includes the skip-link partial (empty now) and has no `page_scripts` block.
OWN_MAINS = {"older-copy": (Path(__file__).parent / "data" / "older-main.html").read_text("utf-8")}


@pytest.fixture(scope="module", ids=lambda param: f"{param[0]}-{param[1] or 'plain'}",
                params=[(name, features) for name in OWN_MAINS for features in ("", "navigation.instant")])
def own_main_url(request, tmp_path_factory: pytest.TempPathFactory):
    name, features = request.param
    site = copy_example_site(tmp_path_factory.mktemp(f"own-main-{name}") / "src")
    server, url = serve(site / "site")
    config = site / "mkdocs.yml"
    extra = f", {features}" if features else ""
    text = config.read_text("utf-8").replace("navigation.footer]", f"navigation.footer{extra}]")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(text.replace("site_url: https://support.brightwell.example/", f"site_url: {url}"), "utf-8")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text(OWN_MAINS[name], "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    yield url
    server.shutdown()


def test_the_hub_works_under_a_main_html_of_its_own(chromium, own_main_url: str) -> None:
    context = chromium.new_context(timezone_id="Europe/London", locale="en-GB")
    try:
        page = watched(context.new_page(), site=own_main_url)
        page.goto(own_main_url + "articles/reset-password/", wait_until="networkidle")
        page.locator(".md-tabs a", has_text="Support").first.click()  # an instant page change where the site has them
        page.wait_for_load_state("networkidle")
        line = page.locator("[data-st-open-now]")
        line.wait_for()
        page.wait_for_function("document.querySelector('[data-st-open-now]').textContent.trim() !== ''")
        assert line.inner_text().strip()
    finally:
        context.close()
