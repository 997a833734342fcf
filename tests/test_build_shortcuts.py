"""The build's shortcuts (theme parts rendered once and shared by the pages they come out the same on; in a preview,
incident pages kept from the rebuild before) write exactly the bytes of rendering every page in full."""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path

import pytest
from conftest import HOST, run_mkdocs_build
from jinja2 import pass_context

from supporttab import plugin


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


def serve_build(site: Path, out: Path) -> int:
    """Build `site` into `out` as `mkdocs serve` builds on every save; returns how many pages it reused."""
    config = importlib.import_module(f"{HOST}.config")
    commands = importlib.import_module(f"{HOST}.commands.build")
    cfg = config.load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    cfg.plugins.on_startup(command="serve", dirty=False)
    ours = cfg.plugins["supporttab"]
    reuse = ours._reuse_unchanged_previews
    reused = []

    def counting(*args):
        reuse(*args)
        reused.append(len(ours.reused))

    ours._reuse_unchanged_previews = counting
    try:
        commands.build(cfg, serve_url="http://127.0.0.1:8000/")
    finally:
        del ours._reuse_unchanged_previews
    return reused[0]


def edit(site: Path, path: str, old: str, new: str) -> None:
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def fresh_serve_build(site: Path, out: Path) -> dict[str, bytes]:
    config = importlib.import_module(f"{HOST}.config")
    cfg = config.load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    cfg.plugins["supporttab"].previews.clear()
    assert serve_build(site, out) == 0
    return snapshot(out)


def test_a_preview_renders_only_the_edited_incident_and_shows_the_same_bytes(site: Path, tmp_path: Path) -> None:
    serve_build(site, tmp_path / "preview")
    edit(site, PAST_INCIDENT, "title: Card payments failing", "title: Card payments <b>failed</b>")
    assert serve_build(site, tmp_path / "preview") == 3  # the other incident and the two maintenance pages
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
], ids=["active incident (banner)", "article title (navigation)", "author (signatures)", "help strip", "settings"])
def test_an_edit_around_every_page_renders_every_incident_page_again(site: Path, tmp_path: Path, path: str, old: str,
                                                                     new: str) -> None:
    serve_build(site, tmp_path / "preview")
    assert serve_build(site, tmp_path / "preview") == 4  # nothing changed: every incident page reused
    edit(site, path, old, new)
    assert serve_build(site, tmp_path / "preview") == 0
    assert snapshot(tmp_path / "preview") == fresh_serve_build(site, tmp_path / "fresh")
