"""`mkdocs serve` watches with the system's file notifications (inotify) where it can, so a save is seen at once,
and serves as MkDocs made it where it cannot (`supporttab.plugin` swaps the observer in on_serve). Real servers in
their own process on a copy of the example; no timings here (tests/benchmarks/serve_preview.py measures them)."""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
import types
import urllib.request
from pathlib import Path

import pytest
from conftest import HOST, copy_example_site

from supporttab.watching import watch_natively

INCIDENT = "incidents/2026-11-20-card-payments-failing.yml"
PAGE = "incidents/2026-11-20-card-payments-failing/"
LINUX = sys.platform.startswith("linux")

# The host's command line, in a process where watchdog's inotify calls fail as they do on a system out of inotify
# instances (inotify_init: EMFILE) or watches (inotify_add_watch: ENOSPC, as on a large tree or a network mount).
FAILING_INOTIFY = """
import ctypes, errno, runpy, sys
from watchdog.observers import inotify_c
def refuse(*args):
    ctypes.set_errno(errno.{errno})
    return -1
inotify_c.{call} = refuse
sys.argv[0] = "{host}"
runpy.run_module("{host}", run_name="__main__")
"""

# The same, where only the watch of a folder named `extra` is refused: a system that runs out of watches with the
# last one, which MkDocs makes after on_serve (mkdocs.yml's `watch:`).
REFUSING_EXTRA = """
import ctypes, errno, runpy, sys
from watchdog.observers import inotify_c
granting = inotify_c.inotify_add_watch
def refuse_extra(fd, path, mask):
    if path.rstrip(b"/").endswith(b"/extra"):
        ctypes.set_errno(errno.ENOSPC)
        return -1
    return granting(fd, path, mask)
inotify_c.inotify_add_watch = refuse_extra
sys.argv[0] = "{host}"
runpy.run_module("{host}", run_name="__main__")
"""


class Served:
    """`HOST serve` of `site` on a free loopback port, its log in a file."""

    def __init__(self, site: Path, *prefix: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        self.log = site.parent / f"{site.name}-serve.log"
        command = [*(prefix or [sys.executable, "-m", HOST]), "serve", "-v", "-a", self.url[7:-1], "-f", "mkdocs.yml"]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=site, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def page(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(self, path: str, text: str, deadline: float = 120) -> None:
        """Poll `path` until it shows `text`: a deadline against hanging, not a timing."""
        end = time.monotonic() + deadline
        while text not in self.page(path):
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < end, f"{path} never showed {text!r}:\n{self.output()}"
            time.sleep(0.1)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def inotify_instances(self) -> int:
        """How many inotify instances the server process holds open (Linux)."""
        fds = Path(f"/proc/{self.process.pid}/fd")
        return sum(1 for fd in fds.iterdir() if os.readlink(fd) == "anon_inode:inotify")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path):
    servers: list[Served] = []

    def serve(*prefix: str, prepare=None) -> tuple[Path, Served]:
        site = copy_example_site(tmp_path / f"site{len(servers)}")
        if prepare is not None:
            prepare(site)
        servers.append(Served(site, *prefix))
        servers[-1].wait_for(PAGE, "<html")
        return site, servers[-1]

    yield serve
    for server in servers:
        server.stop()


def edit_title(site: Path, title: str, *, by_rename: bool) -> None:
    """Give the incident a new title as editors save: in place, or a temporary file renamed over it."""
    path = site / INCIDENT
    text = "".join(f"title: {title}\n" if line.startswith("title:") else line
                   for line in path.read_text(encoding="utf-8").splitlines(keepends=True))
    if by_rename:
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


def rebuilds(server: Served) -> int:
    return server.output().count("Building documentation")


def settled_rebuilds(server: Served, quiet: float = 2.0, deadline: float = 90) -> int:
    """The number of rebuilds once none has started for `quiet` seconds: on a busy machine a save's last rebuild
    may still be under way when its page is served. A rebuild loop never settles, and fails here."""
    start, count, since = time.monotonic(), rebuilds(server), time.monotonic()
    while time.monotonic() - since < quiet:
        assert time.monotonic() - start < deadline, f"still rebuilding after {deadline} s\n{server.output()}"
        time.sleep(0.2)
        if rebuilds(server) != count:
            count, since = rebuilds(server), time.monotonic()
    return count


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_serve_watches_with_inotify_and_shows_each_save(served) -> None:
    site, server = served()
    assert server.inotify_instances() == 1
    for number, by_rename in enumerate([False, True, False]):
        edit_title(site, f"Edited title {number}", by_rename=by_rename)
        server.wait_for(PAGE, f"Edited title {number}")
    # Each save rebuilt, and the rebuilds' own reading of the watched files set off no more: the server is idle.
    built = settled_rebuilds(server)
    assert 3 <= built - 1 <= 6, server.output()  # each save rebuilt, some twice (a late event), none for ever
    assert "Traceback" not in server.output()


def incidents_behind_a_link(site: Path) -> None:
    (site / "data").mkdir()
    (site / "incidents").rename(site / "data" / "incidents")
    (site / "incidents").symlink_to("data/incidents", target_is_directory=True)


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_a_linked_folder_is_watched_through_its_link(served) -> None:
    site, server = served(prepare=incidents_behind_a_link)
    assert server.inotify_instances() == 1
    edit_title(site, "Edited behind a link", by_rename=False)
    server.wait_for(PAGE, "Edited behind a link")


def page_linked_from_outside(site: Path) -> None:
    (site / "note.md").write_text("# A linked note\n\nFirst words.\n", encoding="utf-8")
    (site / "content" / "note.md").symlink_to("../note.md")


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_a_link_to_a_file_outside_the_watched_folders_keeps_mkdocs_polling(served) -> None:
    site, server = served(prepare=page_linked_from_outside)
    assert server.inotify_instances() == 0
    assert re.search(r"INFO .* Preview: .*content/note\.md links to a file outside the watched folders",
                     server.output()), server.output()
    (site / "note.md").write_text("# A linked note\n\nSecond words.\n", encoding="utf-8")
    server.wait_for("note/", "Second words.")


def a_folder_of_pages(site: Path) -> None:
    (site / "content" / "fresh").mkdir()
    (site / "content" / "fresh" / "page.md").write_text("# Fresh\n\nA fresh page.\n", encoding="utf-8")


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_a_folder_moved_out_of_the_watched_tree_is_a_change(served) -> None:
    site, server = served(prepare=a_folder_of_pages)
    server.wait_for("fresh/page/", "A fresh page.")
    (site / "content" / "fresh").rename(site / "fresh-elsewhere")
    end = time.monotonic() + 120
    while "A fresh page." in server.page("fresh/page/"):  # gone once the site is rebuilt without it
        assert time.monotonic() < end, server.output()
        time.sleep(0.1)


def an_extra_watch(site: Path) -> None:
    (site / "extra").mkdir()
    (site / "extra" / "notes.txt").write_text("one\n", encoding="utf-8")
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nwatch: [extra]\n")


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_a_watch_entry_made_after_the_swap_falls_back_with_the_rest(served) -> None:
    """MkDocs schedules mkdocs.yml's `watch:` after on_serve; a system out of watches then refuses when MkDocs
    starts the observer, and the poller takes every watch over, that one too."""
    site, server = served(sys.executable, "-c", REFUSING_EXTRA.format(host=HOST), prepare=an_extra_watch)
    assert "Preview: the system's file notifications failed" in server.output()
    built = settled_rebuilds(server)
    (site / "extra" / "notes.txt").write_text("two\n", encoding="utf-8")
    end = time.monotonic() + 120
    while rebuilds(server) == built:
        assert time.monotonic() < end, server.output()
        time.sleep(0.1)
    edit_title(site, "Edited while polling", by_rename=False)
    server.wait_for(PAGE, "Edited while polling")
    assert "Traceback" not in server.output()


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
@pytest.mark.parametrize(("call", "error", "said"), [
    ("inotify_init", "EMFILE", "inotify instance limit reached"),
    ("inotify_add_watch", "ENOSPC", "inotify watch limit reached"),
], ids=["no-inotify-instance", "no-inotify-watch"])
def test_serve_polls_as_mkdocs_does_where_inotify_fails(served, call: str, error: str, said: str) -> None:
    site, server = served(sys.executable, "-c", FAILING_INOTIFY.format(call=call, errno=error, host=HOST))
    assert server.inotify_instances() == 0
    edit_title(site, "Edited title polled", by_rename=True)
    server.wait_for(PAGE, "Edited title polled")
    assert re.search(rf"INFO .* Preview: the system's file notifications failed \(\[Errno \d+\] {said}\); "
                     r"changes are looked for every 0\.5 s", server.output()), server.output()
    assert "Traceback" not in server.output()


class Unknown:
    """A server of another version: it watches, but keeps no observer where MkDocs 1.6 keeps it."""

    def __init__(self) -> None:
        self.watched: list[str] = []
        self.build_delay = 0.1

    def watch(self, path: str, *, recursive: bool = True) -> None:
        self.watched.append(path)


class Refusing:
    """A native observer that cannot be made (watchdog raises from its constructor where the system refuses)."""

    def __init__(self, server: object) -> None:
        raise OSError(24, "inotify instance limit reached")


def mkdocs_server(tmp_path: Path):
    livereload = pytest.importorskip(f"{HOST}.livereload")
    server = livereload.LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    server.watch(str(tmp_path))  # twice, as two plugins may: unwatch() must still count both
    return server


def test_an_unknown_server_is_left_as_it_is(caplog: pytest.LogCaptureFixture) -> None:
    server = Unknown()
    before = dict(vars(server))
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.supporttab"):
        assert watch_natively(server) is False
    assert vars(server) == before
    assert [record.levelname for record in caplog.records] == ["DEBUG"]
    assert "watches as it does" in caplog.records[0].getMessage()


def test_a_native_observer_that_fails_leaves_mkdocs_watches(tmp_path: Path) -> None:
    server = mkdocs_server(tmp_path)
    polling, watches = server.observer, dict(server._watch_refs)
    assert watch_natively(server, Refusing) is False
    assert server.observer is polling and server._watch_refs == watches and server.build_delay == 0.1
    assert server._watched_paths == {str(tmp_path): 2}


@pytest.mark.skipif(not LINUX, reason="inotify: Linux's file notifications")
def test_the_swap_keeps_every_watch(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    server = mkdocs_server(tmp_path)
    server.watch(str(tmp_path / "mkdocs.yml"))
    try:
        assert watch_natively(server) is True
        assert type(server.observer).__mro__[1].__name__ == "InotifyObserver"
        assert {path: watch.path for path, watch in server._watch_refs.items()} == {
            str(tmp_path): str(tmp_path), str(tmp_path / "mkdocs.yml"): str(tmp_path)}  # a file: by its folder
        assert server._watched_paths == {str(tmp_path): 2, str(tmp_path / "mkdocs.yml"): 1}
        server.observer.start()  # what MkDocs' serve() does next: nothing, as it is started
        server.unwatch(str(tmp_path))
        server.unwatch(str(tmp_path))
        assert list(server._watch_refs) == [str(tmp_path / "mkdocs.yml")]
    finally:
        server.observer.stop()
        server.observer.join()
