"""Which pages load mkdocs-material's script at once: those of a site that turns on a feature only the script carries
out, and those whose Markdown uses one; every other page (hub, team, articles) loads it when a reader searches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_mkdocs_build
from supporttab.core.themescript import (
    SCRIPT_FEATURES,
    WITHOUT_SCRIPT,
    page_needs_theme_script,
)
from supporttab.plugin import _theme_script

WHOLE_PAGES = ["index.html", "team/index.html", "articles/reset-password/index.html", "404.html"]
LIGHT_PAGES = ["status/index.html", "incidents/2026-11-22-slow-pdf-exports/index.html"]
EXAMPLE_FEATURES = "features: [navigation.tabs, search.highlight, navigation.footer]"


def loads_at_once(html: str) -> bool:
    """Whether the page's own tags load the theme's bundle (rather than theme-on-demand.js asking for it later)."""
    return re.search(r'<script[^>]* src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"', html) is not None


def on_demand(html: str) -> bool:
    return "theme-on-demand.js" in html and 'data-st-theme-script="' in html


def test_every_feature_the_theme_script_looks_up_is_sorted() -> None:
    """A new mkdocs-material that looks up a feature we have not sorted into needs-the-script or works-without fails
    here, so an upgrade cannot quietly break a site that turns it on."""
    bundle = _theme_script().read_text("utf-8")
    looked_up = set(re.findall(r'\b[A-Za-z_$]+\("((?:announce|content|header|navigation|search|toc)\.[a-z.]+)"\)',
                               bundle))
    looked_up = {name for name in looked_up if not name.startswith("search.result.")}  # translations, not features
    assert looked_up, "the bundle's feature look-ups were not found: read it again"
    assert sorted(looked_up - SCRIPT_FEATURES - WITHOUT_SCRIPT) == []
    assert not SCRIPT_FEATURES & WITHOUT_SCRIPT


@pytest.mark.parametrize(("content", "expected"), [
    ('<pre class="mermaid"><code>graph LR</code></pre>', True),
    ("<div class='mermaid'>graph LR</div>", True),
    ('<ol class="annotate"><li>one (1)</li></ol>', True),
    ('<div class="highlight annotate"><pre><code>x</code></pre></div>', True),
    ('<div class="language-sh highlight copy"><pre><code>x</code></pre></div>', True),
    ('<div class="select highlight"><pre><code>x</code></pre></div>', True),
    ('<div class="highlight no-copy no-select"><pre><code>x</code></pre></div>', False),
    ('<p class="copyright selected">text</p>', False),
    ('<div class="tabbed-set tabbed-alternate"><input type="radio"></div>', False),
    ('<p>A mermaid is not a diagram; to annotate is a verb.</p>', False),
    ('<pre><code class="language-python">annotate = "mermaid"</code></pre>', False),
])
def test_a_page_needs_the_script_for_markup_only_it_turns_into_something(content: str, expected: bool) -> None:
    assert page_needs_theme_script(content) is expected


@pytest.mark.parametrize("feature", sorted(SCRIPT_FEATURES))
def test_a_site_feature_only_the_script_carries_out_loads_it_at_once_on_every_whole_page(
        site: Path, feature: str) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        EXAMPLE_FEATURES, EXAMPLE_FEATURES.replace("]", f", {feature}]")), "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    for name in WHOLE_PAGES:
        html = (site / "site" / name).read_text("utf-8")
        assert loads_at_once(html) and not on_demand(html), name
    for name in LIGHT_PAGES:  # what customers reload during an outage stays without it
        assert not loads_at_once((site / "site" / name).read_text("utf-8")), name


def test_analytics_loads_the_script_at_once_on_every_whole_page(site: Path) -> None:
    """The theme's analytics snippet (and its feedback form) runs when the script starts: a site with analytics
    gets the script at once, or its readers would be counted only once they searched."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nextra:\n  analytics:\n    provider: google\n"
                      "    property: G-XXXXXXXXXX\n", "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    for name in WHOLE_PAGES:
        html = (site / "site" / name).read_text("utf-8")
        assert loads_at_once(html) and not on_demand(html), name


def test_a_page_with_a_diagram_loads_the_script_at_once_and_the_others_still_wait(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - attr_list\n", """  - attr_list
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.tabbed:
      alternate_style: true
"""), "utf-8")
    article = site / "content" / "articles" / "export-your-data.md"
    article.write_text(article.read_text("utf-8") + "\n```mermaid\ngraph LR\n  A --> B\n```\n", "utf-8")
    tabs = site / "content" / "articles" / "send-first-invoice.md"
    tabs.write_text(tabs.read_text("utf-8") + '\n=== "Phone"\n\n    Tap Send.\n\n=== "Desktop"\n\n'
                    "    Click Send.\n", "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    diagram = (built / "articles/export-your-data/index.html").read_text("utf-8")
    assert 'class="mermaid"' in diagram and loads_at_once(diagram) and not on_demand(diagram)
    tabbed = (built / "articles/send-first-invoice/index.html").read_text("utf-8")
    assert "tabbed-set" in tabbed and on_demand(tabbed) and not loads_at_once(tabbed)  # radio buttons suffice
    for name in WHOLE_PAGES:
        html = (built / name).read_text("utf-8")
        assert on_demand(html) and not loads_at_once(html), name


@pytest.mark.parametrize("features", ["", ", toc.follow"], ids=["script-on-demand", "script-at-once"])
def test_every_script_tag_of_every_page_is_a_tag_and_deferred(site: Path, features: str) -> None:
    """The hub's template prints inside autoescape: a script tag the layer rewrites (to defer it) must stay a tag
    there too, for the theme's own scripts and the site's `extra_javascript`, on every page kind."""
    (site / "content" / "js").mkdir()
    (site / "content" / "js" / "extra.js").write_text("window.extraRan = true;\n", "utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(EXAMPLE_FEATURES, EXAMPLE_FEATURES.replace(
        "]", f"{features}]")) + "extra_javascript: [js/extra.js]\n", "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    for name in WHOLE_PAGES + LIGHT_PAGES:
        html = (site / "site" / name).read_text("utf-8")
        assert "&lt;script" not in html, name
        assert len(re.findall(r'<script defer src="[^"]*js/extra\.js"></script>', html)) == 1, name
        assert re.search(r"<script src=", html) is None, name  # every external script waits for the page
