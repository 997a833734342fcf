"""Trimming a theme's stylesheet to what some pages can use (core/stylesheets.py), one selector form at a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supporttab.core import stylesheets
from supporttab.core.stylesheets import trim, trim_cached, words_of

WORDS = words_of(['<nav class="md-nav md-nav--primary" id="__drawer" data-md-color-scheme="slate" hidden>'])


def kept(css: str, reads: str = "") -> str:
    return trim(css, WORDS, reads=reads)


@pytest.mark.parametrize(("rule", "stays"), [
    (".md-nav{a:1}", True),                       # a class the pages have
    (".md-search{a:1}", False),                   # one they do not
    (".md-nav .md-search{a:1}", False),           # every class is needed, not just one
    (".md-nav--primary>.md-nav{a:1}", True),      # combinators
    ("#__drawer{a:1}", True),                     # ids
    ("#__search{a:1}", False),
    ("[data-md-color-scheme=slate]{a:1}", True),  # an attribute with the value the pages switch to
    ("[data-md-color-scheme=default]{a:1}", False),
    ('[data-md-color-primary="red"]{a:1}', False),
    ("[hidden]{a:1}", True),                      # an attribute by name
    ("[dir=rtl] .md-nav{a:1}", False),
    ("table{a:1}", True),                         # elements are never checked: Markdown may write any
    ("body:hover .md-nav::before{a:1}", True),    # nor states and pseudo-elements
    (".md-nav:not(.md-search){a:1}", True),       # nor what :not() and its kind name
    (".md-nav:is(.md-search, .md-nav){a:1}", True),
])
def test_a_rule_stays_when_its_selector_can_match(rule: str, stays: bool) -> None:
    assert (kept(rule) == rule) is stays, kept(rule)


def test_a_list_of_selectors_keeps_only_those_that_can_match() -> None:
    assert kept(".md-search,.md-nav,#__search{color:red}") == ".md-nav{color:red}"


def test_groups_keep_what_can_match_inside_them_and_go_when_empty() -> None:
    css = "@media screen and (min-width:60em){.md-nav{a:1}.md-search{b:2}}@media print{.md-search{c:3}}"
    assert kept(css) == "@media screen and (min-width:60em){.md-nav{a:1}}"
    assert kept("@supports (display:grid){.md-search{a:1}}") == ""


def test_other_at_rules_stay_as_written() -> None:
    css = '@charset "UTF-8";@keyframes spin{0%{a:1}to{a:2}}@font-face{font-family:x;src:url(x.woff)}'
    assert kept(css) == css


def test_custom_properties_nothing_reads_go_until_none_is_left() -> None:
    # --icon is read by a rule that goes; --b only by --a, which nothing reads; --c by a kept rule; --d by `reads`.
    css = (":root{--icon:url(data:x);--a:var(--b);--b:1px;--c:2px;--d:3px;color:red}"
           ".md-search{mask-image:var(--icon)}.md-nav{margin:var(--c)}")
    assert kept(css, reads=".st-x{padding:var(--d)}") == ":root{--c:2px;--d:3px;color:red}.md-nav{margin:var(--c)}"


def test_important_and_values_survive_as_written() -> None:
    css = ".md-nav{margin:0 auto!important;font:700 1rem/1.5 a,b;background:url(\"x.svg\") no-repeat}"
    assert re.sub(r"\s", "", kept(css)) == re.sub(r"\s", "", css)


def test_a_rule_with_no_declaration_left_goes() -> None:
    assert kept(":root{--unused:1px}.md-nav{a:1}") == ".md-nav{a:1}"


def test_a_trimmed_stylesheet_is_made_once_and_then_read_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    css, reads = ".md-nav{a:1}.md-search{b:2}", ".st-x{}"
    first = trim_cached(css, WORDS, tmp_path / "cache", reads=reads)
    assert first == ".md-nav{a:1}" and [p.suffix for p in (tmp_path / "cache").iterdir()] == [".css"]

    def no_parsing(*args, **kwargs):
        raise AssertionError("a cached stylesheet was trimmed again")

    monkeypatch.setattr(stylesheets, "trim", no_parsing)
    assert trim_cached(css, WORDS, tmp_path / "cache", reads=reads) == first
    monkeypatch.undo()
    # other words, CSS or readers are another entry
    assert trim_cached(css, WORDS | {"md-search"}, tmp_path / "cache", reads=reads) == css
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_cache_that_cannot_be_written_costs_time_not_the_build(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert trim_cached(".md-nav{a:1}", WORDS, blocked / "cache") == ".md-nav{a:1}"


@pytest.mark.parametrize(("module", "name"), [(stylesheets, "TRIM_VERSION"), (stylesheets.tinycss2, "__version__")],
                         ids=["trimmer", "tinycss2"])
def test_another_trimmer_or_parser_version_is_a_cache_miss(tmp_path: Path, monkeypatch, module, name) -> None:
    """An entry made by another version of the trimmer or of tinycss2 may be what that version made of the CSS."""
    css = ".md-nav{a:1}.md-search{b:2}"
    trim_cached(css, WORDS, tmp_path / "cache")
    monkeypatch.setattr(module, name, f"{getattr(module, name)}-other")
    trimmed = []
    monkeypatch.setattr(stylesheets, "trim", lambda *args, **kwargs: trimmed.append(args) or "made again")
    assert trim_cached(css, WORDS, tmp_path / "cache") == "made again" and len(trimmed) == 1
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_the_whole_pages_stylesheet_keeps_what_an_articles_markdown_uses_and_nothing_it_does_not(site: Path) -> None:
    """The hub's, team's and articles' stylesheet is trimmed to the site's rendered Markdown too: a kind of admonition
    that only an article writes keeps the theme's rules and icon for it, in that stylesheet alone."""
    from conftest import run_mkdocs_build

    def stylesheet(name: str) -> str:
        return next((site / "site" / "assets" / "supporttab").glob(f"{name}.*.css")).read_text("utf-8")

    bug = ("--md-admonition-icon--bug:", ".md-typeset .bug>.admonition-title")
    assert run_mkdocs_build(site).returncode == 0
    assert not [rule for rule in bug if rule in stylesheet("pages") + stylesheet("light")]
    article = site / "content" / "articles" / "reset-password.md"
    article.write_text(article.read_text("utf-8") + '\n!!! bug "Known problem"\n    The link may arrive twice.\n')
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert [rule for rule in bug if rule in stylesheet("pages")] == list(bug)
    assert not [rule for rule in bug if rule in stylesheet("light")]


def selector_requirements(css: str) -> list[tuple[str, frozenset[str]]]:
    """Every selector of `css`, inside @media and its kind too, with the words it needs on a page to match."""
    import tinycss2

    found: list[tuple[str, frozenset[str]]] = []

    def walk(rules) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                found.extend((tinycss2.serialize(selector).strip(), frozenset(stylesheets._required(selector)))
                             for selector in stylesheets._selectors(rule.prelude))
            elif rule.type == "at-rule" and rule.lower_at_keyword in stylesheets._GROUPING and rule.content:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def markup_words(html: str) -> set[str]:
    """The classes, ids, attribute names and values the elements of `html` carry (not every word of its text)."""
    from html.parser import HTMLParser

    words: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs) -> None:
            for name, value in attrs:
                words.add(name)
                words.update((value or "").split() if name == "class" else [value or ""])

    Collect().feed(html)
    return words


def test_the_whole_pages_stylesheet_keeps_every_rule_for_what_the_themes_script_sets(built_example: Path) -> None:
    """Hub, team and articles load the theme's script when a reader searches: each rule that can match once it has
    run, on what the pages have and the classes and attributes it adds (data-md-scrolllock, which holds the page
    still behind search on a phone, among them), is in their stylesheet."""
    from supporttab.plugin import _theme_script_classes

    pages = [path.read_text("utf-8") for path in (built_example / "index.html", built_example / "team" / "index.html",
                                                  *built_example.glob("articles/*/index.html"))]
    words = set().union(*map(markup_words, pages)) | set(_theme_script_classes())
    theme = "".join(path.read_text("utf-8") for path in (built_example / "assets" / "stylesheets").glob("*.min.css"))
    ours = {selector for selector, _ in selector_requirements(
        next((built_example / "assets" / "supporttab").glob("pages.*.css")).read_text("utf-8"))}
    # (a rule that needs nothing, like :root>*, may go for another reason: it sets only properties nothing reads)
    missing = {selector for selector, needs in selector_requirements(theme) if needs and needs <= words} - ours
    assert "body[data-md-scrolllock]" in ours
    assert sorted(missing) == [], sorted(missing)


def test_a_build_reads_our_stylesheet_once_and_the_theme_bundle_once_per_version(site: Path, monkeypatch) -> None:
    """Two builds (as `mkdocs serve` rebuilds): Support Tab's stylesheet is read once per build for the inline fallback
    and both trimmed stylesheets, and the theme's 114 KB script bundle is read and split once for both."""
    from conftest import run_mkdocs_build
    from supporttab.plugin import PACKAGE_DIR, _theme_script

    reads: list[str] = []
    real = Path.read_text

    def counted(path: Path, *args, **kwargs) -> str:
        reads.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counted)
    own, bundle = (PACKAGE_DIR / "assets" / "supporttab.css").name, _theme_script().name
    for _ in range(2):
        assert run_mkdocs_build(site).returncode == 0
    assert reads.count(own) == 2
    assert reads.count(bundle) <= 1
