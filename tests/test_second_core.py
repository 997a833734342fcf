"""Both cores: a forked helper loads status files and renders incident and history pages while this process does
the rest (core/secondcore.py). The site it writes is the site one core writes, byte for byte; whatever goes wrong
in the helper, the build does and says what it does on one core."""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_example_site, run_mkdocs_build, run_mkdocs_process, write_resolved_incidents
from supporttab.core.secondcore import BOTH_CORES, SecondCore
from supporttab.core.validate import ValidatedFiles
from supporttab.plugin import SupportTabPlugin
from test_cli import run
from test_translations import site_files, translate_incident

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
                                reason="a second core is used on Linux with two usable CPUs")

# Enough incidents that a helper is worth forking for (each has its page, in each language).
PAST = range(80)


def many_incidents(site: Path) -> Path:
    """`site` with 80 short resolved incidents (2026-past-00 to -79), the last 40 of them a year earlier than
    conftest writes them, so none is in the future."""
    incidents = site / "incidents"
    write_resolved_incidents(incidents, PAST, "pdf-exports", "bob")
    for number in PAST[40:]:
        path = incidents / f"2026-past-{number:02d}.yml"
        path.write_text(path.read_text().replace("at: 2027-", "at: 2026-").replace("at: 2026-1", "at: 2025-1"))
    return site


def one_language(tmp_path: Path) -> Path:
    return many_incidents(copy_example_site(tmp_path / "site"))


def three_languages(tmp_path: Path) -> Path:
    return translate_incident(one_language(tmp_path))


@pytest.fixture(autouse=True)
def first_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each build loads its status files as a first build does: MkDocs keeps our plugin, and the files it validated,
    between builds in one process, and a helper loads only on a first load (a preview's rebuild loads what
    changed)."""
    monkeypatch.setattr(ValidatedFiles, "empty", lambda self: True)


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the helpers made and the build took: the status files they loaded, the pages they rendered. Before its
    first item, the build waits until the helper has taken five, so that it gets a share on a busy machine too."""
    taken: list[str] = []
    take = SecondCore.take
    started: set[int] = set()

    def counted(self: SecondCore, name: str) -> str | None:
        if id(self) not in started:
            started.add(id(self))
            deadline = time.monotonic() + 30
            while self._low.value > len(self._index) - 5 and time.monotonic() < deadline:
                time.sleep(0.01)
        html = take(self, name)
        if html is not None:
            taken.append(name)
        return html

    monkeypatch.setattr(SecondCore, "take", counted)
    return taken


def build_both_ways(site: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Every file the site writes on one core, and on two (each a copy of `site`: nothing kept from the other)."""
    written = []
    for serial in ("1", ""):
        monkeypatch.setenv(BOTH_CORES, "0" if serial else "1")
        copy = shutil.copytree(site, site.with_name(f"{site.name}-{'one' if serial else 'two'}"), symlinks=True)
        result = run_mkdocs_build(copy)
        assert result.returncode == 0, result.stderr
        written.append(site_files(copy / "site"))
    return written[0], written[1]


@pytest.mark.parametrize("make_site", [one_language, three_languages], ids=["one language", "three languages"])
def test_two_cores_write_the_site_one_core_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  handed: list[str], make_site) -> None:
    alone, together = build_both_ways(make_site(tmp_path), monkeypatch)
    assert together.keys() == alone.keys()
    assert [name for name in alone if together[name] != alone[name]] == []
    # The helpers did their share: status files, and incident pages in every language's section.
    loaded, pages = [n for n in handed if n.endswith(".yml")], [n for n in handed if not n.endswith(".yml")]
    assert len(loaded) >= 5 and len(pages) >= 5
    assert [name for name in pages if not re.search(r"(^|/)(incidents/|status/history)", name)] == []
    if make_site is three_languages:
        assert any(name.startswith("de/") for name in pages)


def override_incident_template(site: Path, text: str) -> None:
    """The site's own `supporttab/incident.html` in a `custom_dir` named `overrides`."""
    override = site / "overrides" / "supporttab" / "incident.html"
    override.parent.mkdir(parents=True)
    override.write_text(text)
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1))


@pytest.mark.parametrize("fate", ["dies", "stalls"])
def test_a_helper_that_dies_or_stalls_leaves_its_pages_to_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    handed: list[str], fate: str) -> None:
    """Killed after a few pages (out of memory, a signal), or stuck (a lock it inherited, a hung disk) and stopped once
    it has taken nothing for a while: the build renders what it had not sent, the same site, never waiting for ever."""
    from supporttab.core import secondcore

    made = 0
    render = SupportTabPlugin._render_in_helper

    def failing(self: SupportTabPlugin, uri: str, **kwargs) -> str:
        nonlocal made
        made += 1
        if made > 5:
            os._exit(9) if fate == "dies" else time.sleep(3600)
        return render(self, uri, **kwargs)

    monkeypatch.setattr(secondcore, "STALLED", 2.0)
    monkeypatch.setattr(SupportTabPlugin, "_render_in_helper", failing)
    alone, together = build_both_ways(one_language(tmp_path), monkeypatch)
    assert 0 < len([name for name in handed if name.endswith(".md")]) <= 5
    assert [name for name in alone if together.get(name) != alone[name]] == []


def test_a_page_that_says_something_in_the_helper_is_rendered_and_said_by_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handed: list[str]) -> None:
    """A warning while the helper renders a page is said by the build, which renders that page itself: said once,
    and counted by --strict, as on one core."""
    site = one_language(tmp_path)
    override_incident_template(site, '{% extends "supporttab/supporttab/incident.html" %}{% block content %}'
                               '{% if page.file.src_uri.startswith("incidents/2026-past-7") %}'
                               '{{ page.title | st_markdown_warning }}{% endif %}{{ super() }}{% endblock %}')
    (site / "hooks.py").write_text(
        "import logging\n\ndef on_env(env, config, files):\n"
        "    env.filters['st_markdown_warning'] = lambda text: logging.getLogger('mkdocs.plugins.x').warning("
        "f'about {text}') or ''\n    return env\n")
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text() + "hooks: [hooks.py]\n")
    results = {}
    for serial in ("1", ""):
        monkeypatch.setenv(BOTH_CORES, "0" if serial else "1")
        results[serial] = run_mkdocs_build(site, strict=True)
    warned = [line for line in results[""].stderr.splitlines() if "about " in line]
    assert len(warned) == 10 and len(set(warned)) == 10
    assert results[""].returncode == results["1"].returncode == 1
    assert results[""].stderr == results["1"].stderr
    pages = [name for name in handed if name.endswith(".md")]
    assert pages and not any(name.startswith("incidents/2026-past-7") for name in pages)


def test_a_page_that_fails_in_the_helper_fails_the_build_as_on_one_core(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose template fails: the build stops at it with the same words and exit status as on one core."""
    site = one_language(tmp_path)
    override_incident_template(site, '{% extends "supporttab/supporttab/incident.html" %}{% block content %}'
                               '{% if page.file.src_uri.startswith("incidents/2026-past-75") %}'
                               '{% include "missing.html" %}{% endif %}{{ super() }}{% endblock %}')
    results = {}
    for serial in ("1", ""):
        monkeypatch.setenv(BOTH_CORES, "0" if serial else "1")
        results[serial] = run_mkdocs_process(site)
    alone, together = results["1"], results[""]
    assert together.returncode == alone.returncode != 0
    assert "Error building page 'incidents/2026-past-75.md'" in together.stderr
    said = _errors(together.stderr)
    assert said == _errors(alone.stderr)
    assert said == ["ERROR   -  Error building page 'incidents/2026-past-75.md':",
                    "ERROR   -  overrides/supporttab/incident.html, line 1: the template 'missing.html' does not exist; "
                    "fix the template"]
    assert "Traceback" not in together.stderr + alone.stderr


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith(("INFO", "WARNING"))]


def test_a_bad_file_loaded_by_the_helper_is_said_as_on_one_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                handed: list[str]) -> None:
    """Mistakes in files the helper loads (the last ones) come back located, in order, as on one core: from the
    build, which writes nothing, and from `supporttab check`."""
    site = one_language(tmp_path)
    for number in (1, 78, 79):
        path = site / "incidents" / f"2026-past-{number:02d}.yml"
        path.write_text(path.read_text().replace("impact: minor", "impact: small").replace("status: resolved",
                                                                                          "sttaus: resolved"))
    results = {}
    for serial in ("1", ""):
        monkeypatch.setenv(BOTH_CORES, "0" if serial else "1")
        results[serial] = (run_mkdocs_build(site), run(site, "check"))
    (build, check), (build_alone, check_alone) = results[""], results["1"]
    assert build.returncode == build_alone.returncode == 1 and not (site / "site").exists()
    assert build.stderr == build_alone.stderr and "Traceback" not in build.stderr
    assert "incidents/2026-past-79.yml:2:9: impact:" in build.stderr
    assert check.returncode == check_alone.returncode == 1
    assert check.stdout + check.stderr == check_alone.stdout + check_alone.stderr
    assert any(name.endswith("2026-past-79.yml") for name in handed)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is forked: Linux only")
@pytest.mark.parametrize(("asked", "load", "cpus", "helped"), [
    (None, 0.4, 2, True),  # a quiet machine: the second core is free
    (None, 1.6, 2, True),
    (None, 2.0, 2, False),  # busy already: a helper would wait for a core and slow the build
    (None, 9.0, 4, False),
    ("1", 9.0, 2, True),  # asked for, however busy
    ("0", 0.1, 2, False),
    (None, 0.1, 1, False),  # one usable CPU
    ("1", 0.1, 1, False),
])
def test_a_helper_is_forked_on_a_quiet_machine_unless_told(monkeypatch: pytest.MonkeyPatch, asked: str | None,
                                                          load: float, cpus: int, helped: bool) -> None:
    from supporttab.core import secondcore

    if asked is None:
        monkeypatch.delenv(BOTH_CORES, raising=False)
    else:
        monkeypatch.setenv(BOTH_CORES, asked)
    monkeypatch.setattr(secondcore.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(secondcore.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    monkeypatch.setattr(secondcore.threading, "active_count", lambda: 1)  # a test process may run others
    assert secondcore.usable() is helped


def test_a_helper_is_not_forked_beside_another_thread_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork copies only the thread that forks, and a lock another thread held stays held in the copy for ever:
    `mkdocs serve`'s server and watcher, a plugin's pool."""
    import threading

    from supporttab.core import secondcore

    monkeypatch.delenv(BOTH_CORES, raising=False)
    monkeypatch.setattr(secondcore.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(secondcore.os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert secondcore.usable() is False
    finally:
        stop.set()
        other.join()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        assert secondcore.usable() is True


def test_a_syntax_error_in_an_override_is_one_sentence(tmp_path: Path) -> None:
    """A mistake Jinja finds while reading an override (before any page renders) says where, as one sentence."""
    site = one_language(tmp_path)
    override_incident_template(site, '{% extends "supporttab/supporttab/incident.html" %}\n{% if %}{% endif %}\n')
    result = run_mkdocs_process(site)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "overrides/supporttab/incident.html, line 2: " in result.stderr and "fix the template" in result.stderr
