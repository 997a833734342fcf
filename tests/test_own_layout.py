"""A site's own templates in custom_dir and Support Tab's page layer (templates/base.html, in the theme's base.html
stead, also named "supporttab/base.html"): a template that takes its place in what pages extend gets one warning naming it
and how to build on the layer; one that builds on it keeps the banner, the help strip and its own blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_mkdocs_build

ARTICLE = "articles/reset-password/index.html"  # shows the active incident's banner
LAYER_PARTS = ('class="md-banner st-outage"', 'class="st-help"', "assets/supporttab/supporttab.js")


def _with_own_templates(site: Path, templates: dict[str, str]) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  name: material\n",
                                                        "  name: material\n  custom_dir: overrides\n"), "utf-8")
    (site / "overrides").mkdir()
    for name, text in templates.items():
        (site / "overrides" / name).write_text(text, "utf-8")


# Each way a site's own templates take the layer's place: a base.html of its own over the theme's (whole or a copy),
# a main.html straight onto the theme's base, one that extends nothing; with the one file to name and the fix.
REPLACING = {
    "own base over the theme's": ({"base.html": '{% extends "material/base.html" %}\n'},
                                  "overrides/base.html", '{% extends "supporttab/base.html" %}'),
    "own base and main": ({"base.html": '{% extends "material/base.html" %}\n',
                           "main.html": '{% extends "base.html" %}\n{% block announce %}Closed on Monday{% endblock %}\n'},
                          "overrides/base.html", '{% extends "supporttab/base.html" %}'),
    "main past the layer": ({"main.html": '{% extends "material/base.html" %}\n'},
                            "overrides/main.html", '{% extends "base.html" %}'),
    "main of its own": ({"main.html": "<!doctype html><title>{{ page.title }}</title>{% block content %}{% endblock %}"},
                        "overrides/main.html", '{% extends "base.html" %}'),
}


@pytest.mark.parametrize("case", list(REPLACING))
def test_a_template_taking_the_layers_place_gets_one_warning_naming_it_and_the_fix(site: Path, case: str) -> None:
    templates, named, fix = REPLACING[case]
    _with_own_templates(site, templates)
    result = run_mkdocs_build(site, strict=False)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, result.stderr
    assert f"{named} takes the place of Support Tab's page layout" in warnings[0]
    assert f"begin it with {fix}" in warnings[0]
    assert run_mkdocs_build(site).returncode == 1  # --strict refuses to publish it


# Own templates that build on the layer, as the theme's documentation and the README show.
BUILDING_ON = {
    "main with a notice": {"main.html": '{% extends "base.html" %}\n'
                                        '{% block announce %}Closed on Monday{% endblock %}\n'},
    "own base on the layer": {"base.html": '{% extends "supporttab/base.html" %}\n'
                                           '{% block announce %}Closed on Monday{% endblock %}\n'},
    "own base and main": {"base.html": '{% extends "supporttab/base.html" %}\n'
                                       '{% block extrahead %}<meta name="x-own" content="base">{% endblock %}\n',
                          "main.html": '{% extends "base.html" %}\n'
                                       '{% block announce %}Closed on Monday{% endblock %}\n'},
}


@pytest.mark.parametrize("case", list(BUILDING_ON))
def test_own_templates_that_build_on_the_layer_keep_it_without_a_warning(site: Path, case: str) -> None:
    _with_own_templates(site, BUILDING_ON[case])
    result = run_mkdocs_build(site)
    assert result.returncode == 0 and "takes the place" not in result.stderr, result.stderr
    html = (site / "site" / ARTICLE).read_text("utf-8")
    assert all(part in html for part in LAYER_PARTS)
    assert "Closed on Monday" in html.split('data-md-component="announce"')[1].split("</aside>")[0]
    assert ('<meta name="x-own" content="base">' in html) == ("extrahead" in "".join(BUILDING_ON[case].values()))
