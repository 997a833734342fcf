"""Whether a page needs mkdocs-material's script from the start, rather than when a reader reaches for search.

Pages other than the light ones load the theme's script on demand (assets/theme-on-demand.js). Some of the theme's
features exist only in that script, so a site that turns one on, or a page whose Markdown uses one, gets it at once.
Read from the theme's bundle (9.7): every name below is one its script looks up with `feature(...)`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# Theme features that only its script carries out. Not here, since they work without it: navigation.tabs.sticky
# (the template puts the tabs in the header; the script would only keep them shown), content tabs (radio buttons
# and the theme's `no-js` rules), search.* (they come with search, which loads the script).
SCRIPT_FEATURES = frozenset({
    "content.code.annotate",       # code annotations
    "content.code.copy",           # the copy button on code blocks
    "content.code.select",         # selecting lines of code
    "content.footnote.tooltips",   # footnotes shown on hover
    "content.tabs.link",           # content tabs switching together
    "content.tooltips",            # the theme's tooltips
    "header.autohide",             # the header hiding on scroll
    "navigation.instant",          # page changes without reloading
    "navigation.instant.prefetch",
    "navigation.instant.preview",
    "navigation.instant.progress",
    "navigation.top",              # the back-to-top button, hidden until the script shows it
    "navigation.tracking",         # the address following the section in view
    "toc.follow",                  # the table of contents following the section in view
})

# Features the theme's script looks up that work as well without it, until a reader searches and it loads: the
# sticky tabs (above), lazy rendering of what the script adds, search's own, and the close button of a site's own
# notice (the theme's inline script keeps a closed one hidden; assets/supporttab.js closes it). Beside the active
# incident's banner that button is hidden, so nobody closes an outage.
WITHOUT_SCRIPT = frozenset({"navigation.tabs.sticky", "content.lazy", "search.highlight", "search.suggest",
                            "announce.dismiss"})

# Rendered Markdown the theme's script turns into something: Mermaid diagrams, and blocks marked for annotations, a
# copy button or line selection one by one (`annotate`, `copy`, `select`), without the site-wide feature. Whole
# class names only: `no-copy` and `no-select` turn those off.
SCRIPT_MARKUP = re.compile(r"""class=["'](?:[^"']*\s)?(?:mermaid|annotate|copy|select)(?=[\s"'])""")


def script_features(features: Iterable[str]) -> list[str]:
    """The features among `features` that need the theme's script at load, in their order."""
    return [feature for feature in features if feature in SCRIPT_FEATURES]


# Site settings (mkdocs.yml `extra:`) whose snippets the theme writes into every page to run when its script starts
# (they subscribe to its `document$` and `location$`): analytics, its feedback form, and the cookie consent.
SCRIPT_EXTRAS = ("analytics", "consent")


def site_needs_theme_script(features: Iterable[str], extra: Mapping[str, Any]) -> bool:
    """Whether every page of a site with theme `features` and settings `extra` needs the theme's script at load."""
    return bool(script_features(features)) or any(extra.get(name) for name in SCRIPT_EXTRAS)


def page_needs_theme_script(content: str) -> bool:
    """Whether a page's rendered Markdown uses something only the theme's script turns into what it is."""
    return SCRIPT_MARKUP.search(content) is not None


# What the theme's script gives other scripts to subscribe to (`document$.subscribe(...)`, as its docs show for
# custom scripts): code in a site's own templates that uses one needs the script at once.
THEME_OBSERVABLES = re.compile(r"(?<![\w$])(?:app|document|location|target|keyboard|viewport|tablet|screen|print"
                               r"|alert|progress|component)\$")


def templates_using_theme_script(custom_dir: Path | None) -> list[Path]:
    """The templates and scripts in a site's `custom_dir` that use the theme script's observables, like a page
    template whose `{% block scripts %}` calls `document$.subscribe`."""
    if custom_dir is None or not custom_dir.is_dir():
        return []
    return sorted(path for path in custom_dir.rglob("*") if path.suffix in (".html", ".js") and path.is_file()
                  and THEME_OBSERVABLES.search(path.read_text("utf-8", errors="replace")))
