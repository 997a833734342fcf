"""Shared fixtures: a copy of the example site in tmp_path, and real MkDocs builds of it."""

from __future__ import annotations

import atexit
import datetime as dt
import contextlib
import functools
import http.server
import importlib
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The tests' own frozen copy of the example site: the live content/, team/ and incidents/ are the company's to
# edit, and a new incident update there must never break the tests that guard its publish job.
EXAMPLE = REPO / "tests" / "example"
SITE_PARTS = ("mkdocs.yml", "content", "team", "incidents")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# One core in tests unless a test asks for both (test_second_core.py): whether a build forks a helper otherwise
# depends on the machine's load, and a test's outcome must not.
os.environ.setdefault("SUPPORTTAB_BOTH_CORES", "0")
# Every build in the tests happens at the same instant, 2026-11-23 12:00 UTC, so the example's incidents
# are in the same state whatever day the tests run.
BUILD_EPOCH = "1795435200"
os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH


# The build's cache beside mkdocs.yml (headshots, compiled templates, trimmed stylesheets), kept by content: a copy
# of the example starts with the one the first build of this test process filled, as a site built before would.
# Measured: a fresh copy's build costs 2.5 CPU-seconds with an empty cache, 0.2 with it. A test of the first build
# itself empties it.
CACHE = ".supporttab-cache"
_warm_cache: list[Path] = []


def copy_example_site(destination: Path) -> Path:
    """Copy the tests' example site (config and authored files, no build output) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = EXAMPLE / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    # The example's YAML files point editors at the schemas in the repository's package folder.
    (destination / "plugins").symlink_to(REPO / "plugins", target_is_directory=True)
    if _warm_cache:
        shutil.copytree(_warm_cache[0], destination / CACHE)
    return destination


# What of the cache is cache: the folder also holds state (the notify ledger, the writers' lock), never carried over.
WARM_PARTS = ("headshots", "templates", "stylesheets")


def _keep_warm_cache(site: Path) -> None:
    """Keep a copy of `site`'s cache after its build, if none is kept yet, for the copies made from now on."""
    if not _warm_cache and (site / CACHE).is_dir():
        kept = Path(tempfile.mkdtemp(prefix="supporttab-tests-cache-")) / CACHE
        kept.mkdir()
        for part in WARM_PARTS:
            if (site / CACHE / part).is_dir():
                shutil.copytree(site / CACHE / part, kept / part)
        atexit.register(shutil.rmtree, kept.parent, ignore_errors=True)
        _warm_cache.append(kept)


# The static site generator hosting the plugin: MkDocs, or ProperDocs (its maintained fork) with
# SUPPORTTAB_HOST=properdocs (`make test-properdocs`: the suite but its browser tests, see test_hosts.py).
HOST = os.environ.get("SUPPORTTAB_HOST", "mkdocs")
if HOST == "properdocs":  # as `python -m properdocs` does: every `mkdocs.*` import (the theme's included) is its
    importlib.import_module("properdocs.replacement")  # own, and what plugins log as `mkdocs.*` counts as its own
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")


# --- which tests the ProperDocs pass repeats ----------------------------------------------------------------------
# A test that never runs the host proves nothing more on ProperDocs: that pass leaves it out (images, lint, the
# loader, the CLI alone), and the MkDocs pass fails it if it runs the host after all. It runs the host when its module,
# or a test module it imports helpers from, names a way to build a site or load the plugin, or it asks for a built site.
RUNS_THE_HOST = re.compile(r"\b(run_mkdocs_build|run_mkdocs_process|served_example|supporttab\.plugin)\b"
                           r"|^from supporttab import .*\bplugin\b|^\s*(from|import) (mkdocs|properdocs|material)\b",
                           re.MULTILINE)
BUILT_SITES = {"built_example", "built_two", "translated_hub_built", "three_languages_built"}
_running_without_host: list[str] = []  # the test running now, if it is one the ProperDocs pass leaves out


@functools.cache
def module_runs_the_host(name: str) -> bool:
    source = (REPO / "tests" / f"{name}.py").read_text(encoding="utf-8")
    return bool(RUNS_THE_HOST.search(source)) or any(
        module_runs_the_host(imported) for imported in re.findall(r"^from (test_\w+) import", source, re.MULTILINE))


def runs_the_host(item: pytest.Item) -> bool:
    return module_runs_the_host(item.module.__name__) or bool(BUILT_SITES & set(item.fixturenames))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if HOST == "mkdocs":
        return
    config.hook.pytest_deselected(items=[item for item in items if not runs_the_host(item)])
    items[:] = [item for item in items if runs_the_host(item)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    if not runs_the_host(item):
        _running_without_host.append(item.nodeid)
    try:
        return (yield)
    finally:
        _running_without_host.clear()


def _host_runs() -> None:
    assert not _running_without_host, (f"{_running_without_host[0]} runs the host, which its module does not show: "
                                       "import run_mkdocs_build from conftest, or let RUNS_THE_HOST see it")


def run_mkdocs_process(site: Path, *extra: str, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """`mkdocs build [--strict]` (or ProperDocs') in `site` as its own process, where the process itself is
    under test (its exit code and output, no traceback); returns the finished process."""
    _host_runs()
    flags = ["--strict"] if strict else []
    return subprocess.run([sys.executable, "-m", HOST, "build", "-f", "mkdocs.yml", *flags, *extra], cwd=site,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@dataclass
class Build:
    """What `mkdocs build` would exit with and print (its log, as the command line formats it)."""

    returncode: int
    stderr: str
    stdout: str = ""


def run_mkdocs_build(site: Path, *extra: str, strict: bool = True) -> Build:
    """`mkdocs build [--strict] [--clean|--dirty]` of `site`, in this process (as mkdocs-section-index's tests
    do): the same configuration loading, plugin events, strict-mode count and exit status as the command line,
    without starting Python again. An unexpected exception propagates and fails the test."""
    _host_runs()
    config = importlib.import_module(f"{HOST}.config")
    commands = importlib.import_module(f"{HOST}.commands.build")
    exceptions = importlib.import_module(f"{HOST}.exceptions")
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger(HOST)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    returncode = 0
    try:
        cfg = config.load_config(str(site / "mkdocs.yml"), strict=strict)
        cfg.plugins.on_startup(command="build", dirty="--dirty" in extra)
        try:
            commands.build(cfg, dirty="--dirty" in extra)
        finally:
            cfg.plugins.on_shutdown()
    except exceptions.Abort as abort:
        returncode = 1
        output.write(f"{abort.message}\n")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    if returncode == 0:
        _keep_warm_cache(site)
    return Build(returncode, output.getvalue())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh, editable copy of the example site."""
    return copy_example_site(tmp_path / "site-src")


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built once for the whole session; returns its output folder (read only)."""
    source = copy_example_site(tmp_path_factory.mktemp("example") / "src")
    result = run_mkdocs_build(source)
    assert result.returncode == 0, result.stderr
    return source / "site"


# --- the example in several languages, built once per test process for every module that reads it ----------------
# (its tests and its browser tests); read only: a test that changes one copies it first.

@pytest.fixture(scope="session")
def two_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in English, German and Arabic, an incident's title and first update and the time zone's label
    translated into German (test_translations.py)."""
    from test_translations import translate_incident

    return translate_incident(copy_example_site(tmp_path_factory.mktemp("two-languages") / "site"))


@pytest.fixture(scope="session")
def built_two(two_languages: Path) -> Path:
    return built_site(two_languages)


@pytest.fixture(scope="session")
def translated_hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in English, German and Arabic, every kind of hub text translated into German
    (test_hub_languages.py)."""
    from test_hub_languages import translate_hub

    return translate_hub(copy_example_site(tmp_path_factory.mktemp("hub-languages") / "site"))


@pytest.fixture(scope="session")
def translated_hub_built(translated_hub: Path) -> Path:
    return built_site(translated_hub)


@pytest.fixture(scope="session")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in English, German and Arabic, an article and a postmortem translated into German
    (test_article_languages.py)."""
    from test_article_languages import translate_article

    return translate_article(copy_example_site(tmp_path_factory.mktemp("article-languages") / "site"))


@pytest.fixture(scope="session")
def three_languages_built(three_languages: Path) -> Path:
    from test_cli import run

    assert run(three_languages, "check").returncode == 0  # check accepts what the build publishes
    return built_site(three_languages)


def built_site(source: Path) -> Path:
    result = run_mkdocs_build(source)
    assert result.returncode == 0, result.stderr
    return source / "site"


def write_resolved_incidents(folder: Path, numbers: range, component: str, author: str) -> None:
    """Short resolved incidents of `component`, signed by `author`, one per number in `numbers` (2026-past-NN.yml,
    "Past incident N"), two days apart from 1 September 2026: enough of them to fill more than a page of the history."""
    start = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.timezone.utc)
    for number in numbers:
        at = start + dt.timedelta(days=2 * number)
        (folder / f"2026-past-{number:02d}.yml").write_text(
            f"title: Past incident {number}\nimpact: minor\ncomponents: [{component}]\nupdates:\n"
            f"  - at: {at.isoformat()}\n    status: investigating\n    author: {author}\n    body: We are looking.\n"
            f"  - at: {(at + dt.timedelta(hours=1)).isoformat()}\n    status: resolved\n    author: {author}\n"
            "    body: It works again.\n", encoding="utf-8")


# --- loading small sites written by a test -----------------------------------------------------------

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)

MINIMAL_HUB = """\
organization:
  name: Acme
description: Help with Acme.
help_myself:
  guides: []
help_from_others:
  communities:
    - name: Forum
      url: https://forum.example.com
      expect: Answers within a day.
help_from_us:
  hours:
    timezone: Europe/Amsterdam
    weekly:
      monday: 09:00-17:00
  channels:
    - kind: phone
      label: Phone
      phone: +1 415 555 0100
      reply_time: Within 2 minutes
"""


def problems_for_site(root: Path, files: dict[str, str | bytes], now: dt.datetime = NOW) -> list[str]:
    """Write `files` (path -> text) under `root` beside a minimal hub and an article, load the site with
    the core loader and return its problem lines ([] when valid)."""
    from supporttab.config import Options
    from supporttab.core.problems import DataError
    from supporttab.site import load_site

    defaults = {"content/hub.yml": MINIMAL_HUB, "content/articles/reset-password.md": "# Reset your password\n"}
    for name, text in {**defaults, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    try:
        load_site(root, root / "content", Options(), now)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


# --- browser tests: Debian's Chromium driven by Playwright, against a site served on 127.0.0.1 ---------

# Debian's chromium; GitHub's Ubuntu runners point this at their Google Chrome instead.
CHROMIUM = Path(os.environ.get("SUPPORTTAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path, handler: type = _QuietHandler) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on a free loopback port in a background thread; returns the server and its URL."""
    return serve_handler(functools.partial(handler, directory=str(folder)))


def serve_handler(handler) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Answer with `handler` on a free loopback port in a background thread; returns the server and its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def example_url(built_example: Path):
    server, url = serve(built_example)
    yield url
    server.shutdown()


@contextlib.contextmanager
def served_example(tmp_path_factory: pytest.TempPathFactory, name: str, features: tuple[str, ...] = (),
                   edit=None, log: str = ""):
    """A variant of the example, served: theme `features` added to the example's, then `edit(site)` applied to the
    copy; it must build, saying `log` where one is given. Yields its URL; for module fixtures of browser tests."""
    site = copy_example_site(tmp_path_factory.mktemp(name) / "src")
    if features:
        config = site / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace(
            "navigation.footer]", f"navigation.footer, {', '.join(features)}]"), "utf-8")
    if edit is not None:
        edit(site)
    result = run_mkdocs_build(site)
    assert result.returncode == 0 and log in result.stderr, result.stderr
    server, url = serve(site / "site")
    try:
        yield url
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"no browser at {CHROMIUM}; .ci/run installs Debian's chromium")
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium, or set SUPPORTTAB_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


PHONE = {"width": 360, "height": 740}


def axe_violations(page) -> list[str]:
    """What axe-core finds on `page` as it is now: one line per rule broken, naming the elements that break it."""
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    return page.evaluate("async () => (await axe.run(document)).violations.map("
                         "v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)")


def watched(page, *, site: str | None = None):
    """`page`, whose `page.problems` collects console errors, script errors, failed requests and, given `site`, any
    request that leaves it."""
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
    page.on("requestfailed", lambda r: page.problems.extend(filter(None, [load_failure(r)])))
    if site is not None:
        page.on("request", lambda r: page.problems.append(f"left the site: {r.url}")
                if not r.url.startswith((site, "data:", "blob:")) else None)
    return page


def load_failure(request) -> str | None:
    """A request that failed to load, as a problem; None for one the page's own navigation cancelled (the favicon of
    a page left by a click or a reload), which is no failure of the site."""
    return None if request.failure == "net::ERR_ABORTED" else f"failed: {request.url} ({request.failure})"


@pytest.fixture
def open_page(chromium, example_url):
    """Open a page of the example in a fresh browser context: viewport, reader's time zone, colour scheme,
    JavaScript on or off, and optionally a fixed clock. `page.problems` collects console errors, script
    errors, failed requests and any request that leaves the site."""
    contexts = []

    def _open(path: str = "", *, viewport: dict = PHONE, timezone: str = "Europe/London", scheme: str = "light",
              javascript: bool = True, now: str | None = None):
        context = chromium.new_context(viewport=viewport, timezone_id=timezone, color_scheme=scheme,
                                       java_script_enabled=javascript, locale="en-GB")
        contexts.append(context)
        page = watched(context.new_page(), site=example_url)
        if now:
            page.clock.set_fixed_time(now)
        page.goto(example_url + path)
        return page

    yield _open
    for context in contexts:
        context.close()
