"""The build's shortcuts (theme parts rendered once and shared by the pages they come out the same on; in a preview,
incident pages kept from the rebuild before) write exactly the bytes of rendering every page in full."""

from __future__ import annotations

import gc
import importlib
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import HOST, run_mkdocs_build, write_resolved_incidents
from jinja2 import Environment, pass_context

from supporttab import plugin
from supporttab.status import feeds, index


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def build(site: Path) -> dict[str, bytes]:
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return snapshot(site / "site")


def check_shared(site: Path, monkeypatch, shared_render) -> tuple[Counter, list[str]]:
    """Build `site` with `shared_render` standing in for SharedRenders.render and every shared part also rendered
    afresh: (how often each part was reused, the pages and parts where the fresh one differs)."""
    reused, wrong = Counter(), []

    @pass_context
    def checked(self, context, name, caller, outside_nav=False):
        html = shared_render(self, context, name, caller, outside_nav)
        if self._asked is None:  # not inside another shared part
            fresh = caller()
            reused[name.split()[0]] += fresh is not html
            if fresh != html:
                wrong.append(f"{context['page'].url}: {name}")
        return html

    monkeypatch.setattr(plugin.SharedRenders, "render", checked)
    build(site)
    return reused, wrong


def test_every_shared_part_is_what_its_page_would_render(site: Path, monkeypatch) -> None:
    """On every page of the example (in the navigation and outside it, at every folder depth), each shared part is
    rendered afresh as well and compared with the one the page got."""
    reused, wrong = check_shared(site, monkeypatch, plugin.SharedRenders.render)
    assert wrong == []
    # Each part was shared by many pages, the site navigation by every incident and history page.
    assert set(reused) == {"nav", "tabs", "palette", "search", "signature", "banner", "help-strip", "config"}
    assert reused["nav"] >= 5 and reused["signature"] >= 10


def test_the_check_finds_a_part_shared_where_its_links_differ(site: Path, monkeypatch) -> None:
    """The class of mistake the check above would catch: a part shared by name alone, without comparing the links
    in it, is wrong on pages in other folders (and the navigation on pages in it)."""
    first: dict[str, str] = {}

    def by_name_only(self, context, name, caller, outside_nav=False):
        return first.setdefault(name, caller())

    _, wrong = check_shared(site, monkeypatch, by_name_only)
    assert {entry.split(": ")[1] for entry in wrong} >= {"nav", "tabs", "config", "help-strip"}


# --- mkdocs serve: what a rebuild reuses -----------------------------------------------------------------

PAST_INCIDENT = "incidents/2026-11-20-card-payments-failing.yml"  # resolved: its edits change only its own page


def serve_build(site: Path, out: Path, *, dirty: bool = False) -> int:
    """Build `site` into `out` as `mkdocs serve [--dirty]` builds on every save; returns how many pages it reused."""
    config = importlib.import_module(f"{HOST}.config")
    commands = importlib.import_module(f"{HOST}.commands.build")
    cfg = config.load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    cfg.plugins.on_startup(command="serve", dirty=dirty)
    ours = cfg.plugins["supporttab"]
    reuse = ours._reuse_unchanged_previews
    reused = []

    def counting(*args):
        reuse(*args)
        reused.append(len(ours.previews))

    ours._reuse_unchanged_previews = counting
    try:
        commands.build(cfg, serve_url="http://127.0.0.1:8000/", dirty=dirty)
    finally:
        del ours._reuse_unchanged_previews
    return reused[0]


def written_pages(out: Path, since: int) -> set[str]:
    """The pages in `out` written since `since` (nanoseconds)."""
    return {path.parent.relative_to(out).as_posix() for path in out.rglob("*.html") if path.stat().st_mtime_ns >= since}


def edit(site: Path, path: str, old: str, new: str) -> None:
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def fresh_serve_build(site: Path, out: Path) -> dict[str, bytes]:
    config = importlib.import_module(f"{HOST}.config")
    cfg = config.load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    cfg.plugins["supporttab"].previews.clear()
    for name, other in cfg.plugins.items():  # mkdocs-material's search keeps its index from a --dirty build
        if name.endswith("search"):
            other.search_index_prev = None
    index._INCIDENT_VIEWS.clear()  # what a fresh process would not have
    feeds._LAST_WRITTEN.clear()
    feeds._EVENT_ENTRIES.clear()
    assert serve_build(site, out) == 0
    return snapshot(out)


def test_a_dirty_preview_writes_only_the_edited_incident_and_shows_the_same_bytes(site: Path, tmp_path: Path) -> None:
    """Under `mkdocs serve --dirty` MkDocs skips the kept incident pages altogether (no template, no file written),
    yet every file, the search index included, is what a full preview writes; every authored page is written
    again, as our banner and navigation are in each."""
    serve_build(site, tmp_path / "preview", dirty=True)
    serve_build(site, tmp_path / "preview", dirty=True)
    edit(site, PAST_INCIDENT, "title: Card payments failing", "title: Card payments <b>failed</b>")
    since = time.time_ns()
    assert serve_build(site, tmp_path / "preview", dirty=True) == 3
    written = written_pages(tmp_path / "preview", since)
    incidents = {page for page in snapshot(tmp_path / "preview") if page.startswith("incidents/")}
    assert {page for page in written if page.startswith("incidents/")} == {
        "incidents/2026-11-20-card-payments-failing"}, incidents
    assert {"articles/reset-password", "status", "status/history", "."} <= written
    preview = snapshot(tmp_path / "preview")
    assert "Card payments &lt;b&gt;failed&lt;/b&gt;" in preview["incidents/2026-11-20-card-payments-failing/index.html"
                                                               ].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_dirty_preview_drops_the_page_of_an_incident_renamed_or_deleted(site: Path, tmp_path: Path) -> None:
    """site/ is kept under --dirty: a page Support Tab no longer generates must leave it, or the preview would go
    on showing an incident that is gone."""
    serve_build(site, tmp_path / "preview", dirty=True)
    old = site / PAST_INCIDENT
    old.rename(old.with_name("2026-11-20-card-payments-down.yml"))
    serve_build(site, tmp_path / "preview", dirty=True)
    preview = snapshot(tmp_path / "preview")
    assert "incidents/2026-11-20-card-payments-down/index.html" in preview
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_preview_lets_go_of_the_feed_entries_of_an_incident_renamed_or_deleted(site: Path, tmp_path: Path) -> None:
    """A preview runs for hours: what it keeps from one rebuild to the next is only the events of the last one, or
    every renamed incident's feed entries would stay in memory until it stops."""
    feeds._EVENT_ENTRIES.clear()  # what other tests' builds in this process left
    serve_build(site, tmp_path / "preview")
    old = site / PAST_INCIDENT
    old.rename(old.with_name("2026-11-20-card-payments-down.yml"))
    (site / "incidents" / "maintenance" / "2026-11-15-database-upgrade.yml").unlink()
    serve_build(site, tmp_path / "preview")
    gc.collect()
    alive = {entry.event.id for entry in gc.get_objects() if isinstance(entry, feeds.Entry)}
    assert "2026-11-20-card-payments-down" in alive
    assert not alive & {"2026-11-20-card-payments-failing", "2026-11-15-database-upgrade"}


@pytest.mark.parametrize("path, old, new", [
    ("mkdocs.yml", "primary: indigo\n", "primary: teal\n"),  # the palette: both trimmed stylesheets read its colours
    ("content/articles/reset-password.md", "!!! tip", "!!! danger"),  # the theme's rules the other pages use
], ids=["palette", "article"])
def test_a_dirty_preview_drops_the_stylesheets_an_edit_replaced(site: Path, tmp_path: Path, path: str, old: str,
                                                                new: str) -> None:
    """The trimmed stylesheets are named by their content: after an edit that changes them, the old ones must leave
    the kept site/, as every other file the build no longer makes does, or they pile up with each edit."""
    out = tmp_path / "preview"
    serve_build(site, out, dirty=True)
    before = {css.name for css in (out / "assets" / "supporttab").glob("*.css")}
    edit(site, path, old, new)
    serve_build(site, out, dirty=True)
    after = {css.name for css in (out / "assets" / "supporttab").glob("*.css")}
    assert len(after) == 2 and after != before
    assert snapshot(out) == fresh_serve_build(site, tmp_path / "fresh")


def test_a_preview_renders_only_the_edited_incident_and_shows_the_same_bytes(site: Path, tmp_path: Path) -> None:
    serve_build(site, tmp_path / "preview")
    edit(site, PAST_INCIDENT, "title: Card payments failing", "title: Card payments <b>failed</b>")
    assert serve_build(site, tmp_path / "preview") == 3  # the other incident and the two maintenance pages (the
    # history lists the edited title)
    preview = snapshot(tmp_path / "preview")
    assert "Card payments &lt;b&gt;failed&lt;/b&gt;" in preview["incidents/2026-11-20-card-payments-failing/index.html"
                                                               ].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


@pytest.mark.parametrize(("path", "old", "new"), [
    ("incidents/2026-11-22-slow-pdf-exports.yml", "title: PDF exports are slow", "title: PDF exports are slower"),
    ("content/articles/reset-password.md", "# Reset your password", "# Reset or change your password"),
    ("team/patty.yml", "name: Patty Hughes", "name: Patricia Hughes"),
    ("content/hub.yml", "help_from_us:\n", "help_from_us:\n  title: Talk to us\n"),
    ("mkdocs.yml", "copyright: Copyright &copy; 2026", "copyright: Copyright &copy; 2027"),
    ("content/articles/reset-password.md", "description: Reset", "icon: material/lock\ndescription: Reset"),
    ("content/articles/reset-password.md", "description: Reset", "status: new\ndescription: Reset"),
], ids=["active incident (banner)", "article title (navigation)", "author (signatures)", "help strip", "settings",
        "article icon (navigation)", "article status (navigation)"])
@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_an_edit_around_every_page_renders_every_incident_page_again(site: Path, tmp_path: Path, path: str, old: str,
                                                                     new: str, dirty: bool) -> None:
    serve_build(site, tmp_path / "preview", dirty=dirty)
    assert serve_build(site, tmp_path / "preview", dirty=dirty) == 5  # nothing changed: every incident page and
    # the history
    edit(site, path, old, new)
    assert serve_build(site, tmp_path / "preview", dirty=dirty) == 0
    assert snapshot(tmp_path / "preview") == fresh_serve_build(site, tmp_path / "fresh")


@pytest.mark.parametrize("name", ["supporttab_version", "mkdocs_version", "jinja2"])
def test_compiled_templates_are_kept_apart_per_version(tmp_path: Path, monkeypatch, name: str) -> None:
    """Compiled templates depend on the environment MkDocs and Support Tab set up and on Jinja's compiler: another
    version of any of them reads another folder of the cache (a miss), never templates compiled by the old one."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    before = plugin._compiled_templates(env, tmp_path).directory
    if name == "jinja2":
        monkeypatch.setattr(plugin.jinja2, "__version__", "0.0-other")
    else:
        monkeypatch.setattr(plugin, name, "0.0-other")
    after = plugin._compiled_templates(env, tmp_path).directory
    assert after != before and Path(after).is_dir()
    monkeypatch.undo()
    assert plugin._compiled_templates(env, tmp_path).directory == before


def test_an_edit_to_the_settings_a_site_inherits_renders_every_incident_page_again(site: Path, tmp_path: Path) -> None:
    """mkdocs.yml may take its settings from another file (INHERIT): an edit there is an edit to the settings."""
    (site / "base.yml").write_text((site / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (site / "mkdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    serve_build(site, tmp_path / "preview")
    assert serve_build(site, tmp_path / "preview") == 5
    edit(site, "base.yml", "copyright: Copyright &copy; 2026", "copyright: Copyright &copy; 2027")
    assert serve_build(site, tmp_path / "preview") == 0
    preview = snapshot(tmp_path / "preview")
    assert "2027" in preview["incidents/2026-11-20-card-payments-failing/index.html"].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_changed_message_catalog_renders_every_incident_page_again(site: Path, tmp_path: Path,
                                                                     monkeypatch) -> None:
    """A translator compiles a new catalog while `mkdocs serve` runs: the next preview speaks the new words, on
    every page (the catalog is read again, and no page is kept from the old one)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from supporttab.core import i18n

    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALE_DIR, locales)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locales)
    edit(site, "mkdocs.yml", "language: en", "language: de")
    serve_build(site, tmp_path / "preview")
    assert serve_build(site, tmp_path / "preview") == 5
    catalog_path = locales / "de" / "LC_MESSAGES"
    with open(catalog_path / "messages.po", "rb") as file:
        catalog = read_po(file)
    catalog["%(status)s: %(title)s. Updates from %(organization)s."].string = "%(status)s: %(title)s. Neu!"
    with open(catalog_path / "messages.mo", "wb") as file:
        write_mo(file, catalog)
    assert serve_build(site, tmp_path / "preview") == 0
    preview = snapshot(tmp_path / "preview")
    assert "Neu!" in preview["incidents/2026-11-20-card-payments-failing/index.html"].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_preview_keeps_the_history_pages_whose_incidents_are_unchanged(site: Path, tmp_path: Path) -> None:
    """The history is 25 incidents a page: an edit to the oldest incident renders its page of the history again
    and keeps the newer one; a new incident, which moves every other one along, renders every page again."""
    write_resolved_incidents(site / "incidents", range(30), "payouts", "patty")
    serve_build(site, tmp_path / "preview")
    before = snapshot(tmp_path / "preview")
    edit(site, "incidents/2026-past-00.yml", "title: Past incident 0", "title: Past incident 0, edited")
    assert serve_build(site, tmp_path / "preview") == 34 - 1 + 1  # all but the edited one and history page 2
    preview = snapshot(tmp_path / "preview")
    assert preview["status/history/index.html"] == before["status/history/index.html"]
    assert "Past incident 0, edited" in preview["status/history/2/index.html"].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")
    write_resolved_incidents(site / "incidents", range(30, 31), "payouts", "patty")
    assert serve_build(site, tmp_path / "preview") == 34  # every page of an incident that was there, no history
    assert snapshot(tmp_path / "preview") == fresh_serve_build(site, tmp_path / "fresh")


def test_validated_files_are_kept_only_while_their_bytes_and_validity_last(site: Path) -> None:
    """A rebuild validates again exactly the files whose bytes changed; a file with a problem is never kept, so its
    located message comes back on every load until it is fixed."""
    from supporttab.core.clock import build_time
    from supporttab.core.validate import ValidatedFiles
    from supporttab.status.load import load_status

    validated, folder = ValidatedFiles(), site / "incidents"

    def load() -> tuple:
        return load_status(site, folder, build_time(), validated=validated)

    first, _ = load()
    again, problems = load()
    assert problems == [] and all(again.incidents[key] is model for key, model in first.incidents.items())
    edit(site, PAST_INCIDENT, "title: Card payments failing", "title: Card payments failed")
    edited, _ = load()
    assert edited.incidents["2026-11-20-card-payments-failing"].title.startswith("Card payments failed")
    assert edited.incidents["2026-11-22-slow-pdf-exports"] is first.incidents["2026-11-22-slow-pdf-exports"]
    edit(site, PAST_INCIDENT, "impact: ", "impact: tremendous\nwas_impact: ")
    for _ in range(2):
        assert [str(p).split(": ")[0] for p in load()[1]] == [f"{PAST_INCIDENT}:3:9", f"{PAST_INCIDENT}:4:1"]


def test_a_preview_lists_the_theme_files_again_only_when_a_theme_folder_changed(site: Path, tmp_path: Path,
                                                                                monkeypatch) -> None:
    """MkDocs lists every file of the theme on each build to copy its static files; a preview lists them again
    only when a file was added to, removed from or renamed in a theme folder (at any depth), and then shows it."""
    edit(site, "mkdocs.yml", "theme:\n", "theme:\n  custom_dir: overrides\n")
    folder = site / "overrides" / "assets" / "extra"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("a", encoding="utf-8")
    listings = []
    list_templates = plugin.jinja2.FileSystemLoader.list_templates
    monkeypatch.setattr(plugin.jinja2.FileSystemLoader, "list_templates",
                        lambda self: listings.append(1) or list_templates(self))
    serve_build(site, tmp_path / "preview")
    assert (tmp_path / "preview" / "assets" / "extra" / "a.txt").is_file()
    counted = len(listings)
    serve_build(site, tmp_path / "preview")
    assert len(listings) == counted  # nothing changed: the listing as it was
    (folder / "b.txt").write_text("b", encoding="utf-8")
    serve_build(site, tmp_path / "preview")
    assert len(listings) > counted
    assert (tmp_path / "preview" / "assets" / "extra" / "b.txt").is_file()
    (folder / "a.txt").rename(folder / "c.txt")
    serve_build(site, tmp_path / "preview")
    assert sorted(path.name for path in (tmp_path / "preview" / "assets" / "extra").iterdir()) == ["b.txt", "c.txt"]
    assert snapshot(tmp_path / "preview") == fresh_serve_build(site, tmp_path / "fresh")


PAST_PAGE = "incidents/2026-11-20-card-payments-failing/index.html"


@pytest.mark.parametrize(("path", "old", "new", "shows"), [
    ("incidents/components.yml", "name: Card payments\n", "name: Card and wallet payments\n", "Card and wallet payments"),
    ("team/patty.yml", "name: Patty Hughes", "name: Patricia Hughes", "Patricia Hughes"),
    ("mkdocs.yml", "      hub: content/hub.yml\n", "      hub: content/hub.yml\n      allow_html: true\n",
     "<kbd>Pay</kbd>"),
], ids=["component name", "author name", "raw HTML allowed"])
@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_an_edit_to_what_an_incident_is_shown_with_shows_on_its_page(site: Path, tmp_path: Path, path: str, old: str,
                                                                    new: str, shows: str, dirty: bool) -> None:
    """An incident's view is derived once and kept while its file is unchanged: the names of its components and
    authors and the Markdown settings it was derived with are part of what it was made from."""
    edit(site, PAST_INCIDENT, "your customers see", "your customers see <kbd>Pay</kbd> and")
    serve_build(site, tmp_path / "preview", dirty=dirty)
    serve_build(site, tmp_path / "preview", dirty=dirty)
    assert shows not in snapshot(tmp_path / "preview")[PAST_PAGE].decode()
    edit(site, path, old, new)
    serve_build(site, tmp_path / "preview", dirty=dirty)
    preview = snapshot(tmp_path / "preview")
    assert shows in preview[PAST_PAGE].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


ACTIVE_INCIDENT = "incidents/2026-11-22-slow-pdf-exports.yml"


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
@pytest.mark.parametrize(("old", "new", "substituted"), [
    ("title: PDF exports are slow", "title: PDF exports are <i>slower</i>", True),
    ("impact: minor", "impact: major", True),
    ("    status: monitoring", "    status: identified", True),
    ("    status: monitoring", "    status: resolved", None),  # the banner may go: then every page renders
], ids=["title", "impact", "status", "resolved"])
def test_an_edit_to_an_open_incident_puts_the_new_banner_into_every_other_incident_page(
        site: Path, tmp_path: Path, monkeypatch, dirty: bool, old: str, new: str, substituted: bool | None) -> None:
    """The banner on every page changes with an open incident; an incident page otherwise unchanged gets its HTML
    with the new banner in place of the old, once one page of its folder has rendered the new one, and shows
    exactly what rendering it would (a page whose banner comes or goes, or whose own note changes, renders)."""
    banners = []
    with_banner = plugin._with_banner
    monkeypatch.setattr(plugin, "_with_banner", lambda html, banner: banners.append(
        with_banner(html, banner) is not None) or with_banner(html, banner))
    serve_build(site, tmp_path / "preview", dirty=dirty)
    serve_build(site, tmp_path / "preview", dirty=dirty)
    banners.clear()  # (a page kept from another test's site would do: its HTML is what this one renders)
    edit(site, ACTIVE_INCIDENT, old, new)
    serve_build(site, tmp_path / "preview", dirty=dirty)
    preview = snapshot(tmp_path / "preview")
    assert preview == fresh_serve_build(site, tmp_path / "fresh")
    if substituted:
        assert True in banners, banners


def test_a_dirty_preview_keeps_the_files_whose_banner_an_open_incidents_edit_left_as_it_was(site: Path,
                                                                                           tmp_path: Path) -> None:
    """A typo fixed in an open incident's title changes its own page and the history, not the banner's words: the
    other incident pages keep the files they had (and stay kept for the next rebuild)."""
    serve_build(site, tmp_path / "preview", dirty=True)
    serve_build(site, tmp_path / "preview", dirty=True)
    for typo in ("(typo fixed)", "(typo fixed again)"):  # the second time, from the pages kept the first time
        edit(site, ACTIVE_INCIDENT, "title: PDF exports are slow", f"title: PDF exports are slow {typo}\n#")
        since = time.time_ns()
        serve_build(site, tmp_path / "preview", dirty=True)
        written = written_pages(tmp_path / "preview", since)
        assert "incidents/2026-11-22-slow-pdf-exports" in written and "status/history" in written
        assert "incidents/2026-11-20-card-payments-failing" not in written
    preview = snapshot(tmp_path / "preview")
    assert "(typo fixed again)" in preview["incidents/2026-11-22-slow-pdf-exports/index.html"].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_dirty_preview_after_a_failed_one_drops_the_page_of_an_incident_deleted(site: Path, tmp_path: Path) -> None:
    """An author breaks an incident file (the rebuild fails), then deletes it: the next preview must not go on
    showing its page, though the failed build in between noted nothing."""
    failure = importlib.import_module(f"{HOST}.exceptions").MkDocsException
    serve_build(site, tmp_path / "preview", dirty=True)
    edit(site, PAST_INCIDENT, "impact: major", "impact: [major")
    with pytest.raises(failure):
        serve_build(site, tmp_path / "preview", dirty=True)
    (site / PAST_INCIDENT).unlink()
    serve_build(site, tmp_path / "preview", dirty=True)
    preview = snapshot(tmp_path / "preview")
    assert "incidents/2026-11-20-card-payments-failing/index.html" not in preview
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_an_own_template_that_shows_the_status_renders_again_with_an_open_incidents_edit(site: Path, tmp_path: Path,
                                                                                        dirty: bool) -> None:
    """The banner swap assumes only the banner shows the status; a custom_dir template that reads it elsewhere (a
    footer here) must show the new status on every page, as a fresh build does."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  name: material\n",
                                                        "  name: material\n  custom_dir: overrides\n"), "utf-8")
    (site / "overrides" / "partials").mkdir(parents=True)
    (site / "overrides" / "partials" / "copyright.html").write_text(
        "<p>Status now: {{ supporttab_summary.tone }}</p>\n", "utf-8")
    serve_build(site, tmp_path / "preview", dirty=dirty)
    serve_build(site, tmp_path / "preview", dirty=dirty)
    edit(site, ACTIVE_INCIDENT, "impact: minor", "impact: major")
    serve_build(site, tmp_path / "preview", dirty=dirty)
    preview = snapshot(tmp_path / "preview")
    assert "Status now: major" in preview["incidents/2026-11-20-card-payments-failing/index.html"].decode()
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_dirty_preview_shows_an_edited_article_in_every_language_as_a_full_preview_does(site: Path,
                                                                                        tmp_path: Path) -> None:
    """A site of two languages under `mkdocs serve --dirty`: an edit of a translation shows on its page, an edit of
    an original on its own page and on the page that shows it as written in the other language, and every file is
    what a full preview writes."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      timezone: Europe/London\n", "      timezone: Europe/London\n      languages: [en, de]\n", 1),
        encoding="utf-8")
    (site / "content/articles/reset-password.de.md").write_text("# Passwort zurücksetzen\n\nErste Fassung.\n",
                                                                encoding="utf-8")
    out = tmp_path / "preview"
    serve_build(site, out, dirty=True)
    serve_build(site, out, dirty=True)
    edit(site, "content/articles/reset-password.de.md", "Erste Fassung.", "Zweite Fassung.")
    edit(site, "content/articles/two-step-verification.md", "Someone who learns your password",
         "Anyone who learns your password")
    serve_build(site, out, dirty=True)
    preview = snapshot(out)
    assert "Zweite Fassung." in preview["de/articles/reset-password/index.html"].decode()
    for page in ("articles/two-step-verification/index.html", "de/articles/two-step-verification/index.html"):
        assert "Anyone who learns your password" in preview[page].decode(), page
    assert preview == fresh_serve_build(site, tmp_path / "fresh")


def test_a_preview_forgets_what_it_kept_of_a_deleted_incident_and_of_a_removed_components_feeds(
        site: Path, tmp_path: Path) -> None:
    """`mkdocs serve` keeps each incident's view and each feed between saves: those of an incident or a component
    gone since are dropped, not kept for the life of the process; what is left is still what a fresh build shows."""
    preview = tmp_path / "preview"
    serve_build(site, preview)
    gone = PAST_INCIDENT.removeprefix("incidents/").removesuffix(".yml")
    payouts = "status/components/payouts/history.atom"
    assert gone in {event_id for event_id, _ in index._INCIDENT_VIEWS}
    assert payouts in {path for _, path in feeds._LAST_WRITTEN}
    (site / PAST_INCIDENT).unlink()
    edit(site, "incidents/components.yml", "      - id: payouts\n        name: Payouts\n"
         "        description: Money reaching your bank account.\n", "")
    serve_build(site, preview)
    assert gone not in {event_id for event_id, _ in index._INCIDENT_VIEWS} and index._INCIDENT_VIEWS
    assert payouts not in {path for _, path in feeds._LAST_WRITTEN} and feeds._LAST_WRITTEN
    assert not (preview / "incidents" / gone).exists()
    assert snapshot(preview) == fresh_serve_build(site, tmp_path / "fresh")
