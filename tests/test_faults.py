"""Fault injection: posting while the machine misbehaves. A process killed at any point of a write, two people
posting at once, a full disk, a stop signal while a command checks its update: afterwards every file is valid and
holds exactly the updates whose command said it succeeded, never a cut-off one, never one lost."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import resource
import signal
import time
from pathlib import Path

import pytest
from conftest import NOW, copy_example_site
from supporttab.authoring import files
from supporttab.authoring.cli import main
from supporttab.config import Options
from supporttab.site import load_site

INCIDENT = "2026-11-22-slow-pdf-exports"
RELATIVE = f"incidents/{INCIDENT}.yml"


def fork(job) -> int:
    """Run `job()` in a child process (a real process, so it can be killed); returns the child's pid. The child
    exits with what `job` returns (0 when it returns None), or 70 when it raises."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 70
        with contextlib.suppress(BaseException):
            with open(os.devnull, "w") as quiet:
                os.dup2(quiet.fileno(), 1)
                os.dup2(quiet.fileno(), 2)
            result = job()
            code = result if isinstance(result, int) else 0
        os._exit(code)
    return pid


def wait(pid: int) -> int | None:
    """The child's exit code, or None when a signal ended it."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else None


def post(site: Path, body: str, *extra: str) -> int:
    """`supporttab update` as the author runs it, in this (child) process."""
    os.chdir(site)
    return main(["update", INCIDENT, "--status", "monitoring", "--author", "patty", *extra, body])


def bodies(site: Path) -> list[str]:
    """The updates of the incident as the site loads it: it must load."""
    data = load_site(site, site / "content", Options(hub="content/hub.yml", timezone="Europe/London"), NOW)
    return [update.body for update in data.status.incidents[INCIDENT].updates]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    return copy_example_site(tmp_path / "site")


def test_a_write_killed_at_any_moment_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL at random points while a file is replaced, 200 times: it is always one whole version, never a mix,
    never empty, and never older than the last version its writer reported done."""
    path = tmp_path / "incident.yml"
    versions = [(f"version: {n}\n" + f"text: {'x' * 20_000}\n") .encode() for n in range(3)]
    path.write_bytes(versions[0])
    rng = random.Random(20261123)
    deadline = time.monotonic() + 60
    for iteration in range(200):
        assert time.monotonic() < deadline, f"only {iteration} kills in 60 s"
        before = path.read_bytes()
        after = versions[(versions.index(before) + 1) % len(versions)]
        pid = fork(lambda: files.replace_file(path, after))
        time.sleep(rng.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        exit_code = wait(pid)
        now = path.read_bytes()
        assert now in (before, after)
        if exit_code == 0:  # it said it was done
            assert now == after
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "incident.yml"]
    assert all(name.startswith(".incident.yml.") and name.endswith(".tmp") for name in leftovers)


def test_a_linked_file_stays_a_link_and_a_new_file_never_replaces_one_that_appeared(tmp_path: Path) -> None:
    target = tmp_path / "real.yml"
    target.write_bytes(b"old\n")
    link = tmp_path / "incident.yml"
    link.symlink_to(target)
    files.replace_file(link, b"new\n")
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    fresh = tmp_path / "fresh.yml"
    with pytest.MonkeyPatch.context() as patch:  # someone else's file appears between the check and the write
        patch.setattr(files.Path, "exists", lambda self: False if self == fresh else Path.is_file(self))
        fresh.write_bytes(b"theirs\n")
        with pytest.raises(files.WriteFailed):
            files.replace_file(fresh, b"ours\n")
    assert fresh.read_bytes() == b"theirs\n"


def test_a_post_killed_at_any_moment_is_all_there_or_not_there(site: Path) -> None:
    """The whole `update` command killed at random points, 30 times: the file always loads and holds every
    update whose command finished; the one killed is either wholly there (killed after its write, before it could
    say so) or not there at all."""
    rng = random.Random(7)
    expected = bodies(site)
    for number in range(30):
        body = f"Killed post {number}: exports are still slow, we are on it."
        pid = fork(lambda: post(site, body))
        time.sleep(rng.uniform(0, 0.25))
        os.kill(pid, signal.SIGKILL)
        finished = wait(pid) == 0
        landed = bodies(site)
        assert landed == [*expected, body] or (not finished and landed == expected)
        expected = landed


def test_twenty_pairs_posting_at_once_all_land_in_order(site: Path) -> None:
    expected = bodies(site)
    for number in range(20):
        first, second = (f"Pair {number}, {who}: exports are still slow." for who in ("first", "second"))
        pids = [fork(lambda: post(site, first)), fork(lambda: post(site, second))]
        assert [wait(pid) for pid in pids] == [0, 0]
        landed = bodies(site)
        assert sorted(landed[-2:]) == sorted([first, second])
        expected += landed[-2:]
        assert landed == expected


def test_a_full_disk_leaves_the_file_as_it_was(site: Path) -> None:
    before = (site / RELATIVE).read_bytes()
    # The file may grow by a few bytes at most: the new file cannot be written whole.
    pid = fork(lambda: (resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 10, len(before) + 10)),
                        post(site, "This update does not fit on the disk. " * 20))[1])
    assert wait(pid) == 1
    assert (site / RELATIVE).read_bytes() == before


def test_no_space_on_the_device_is_one_sentence(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture) -> None:
    before = (site / RELATIVE).read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    assert post(site, "We are still on it.") == 1
    assert (site / RELATIVE).read_bytes() == before
    assert capsys.readouterr().err == (f"supporttab: {RELATIVE} could not be written (No space left on device); it "
                                       "was left as it was\n")
    assert [p.name for p in (site / "incidents").iterdir() if p.name.startswith(".")] == []


def test_a_stop_signal_while_checking_a_refused_update_writes_nothing(site: Path) -> None:
    """SIGTERM while the command checks an update it would refuse (its next update is promised before it): the
    update is never in the file, because nothing is written until the check has passed."""
    before = (site / RELATIVE).read_bytes()

    def stopped_while_checking() -> int:
        from supporttab.authoring import site as authoring_site

        def check_then_stop(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)

        authoring_site.load_site = lambda *a, pending=None, **k: check_then_stop() if pending else \
            load_site(*a, **k)
        return post(site, "We found the cause.", "--next-update", "2020-01-01T00:00+00:00")

    pid = fork(stopped_while_checking)
    assert wait(pid) is None  # ended by the signal
    assert (site / RELATIVE).read_bytes() == before


def test_a_post_does_not_wait_for_someone_still_in_their_editor(site: Path, tmp_path: Path) -> None:
    """The editor opens before the site is locked: a second author's post lands at once, and the first one's
    update lands after it when they save."""
    import io
    import sys

    editor = tmp_path / "slow-editor"
    editor.write_text("#!/bin/sh\nsleep 3\nprintf 'Written slowly in an editor.' > \"$1\"\n", encoding="utf-8")
    editor.chmod(0o755)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def in_the_editor() -> int:
        os.environ.update(EDITOR=str(editor))
        os.environ.pop("VISUAL", None)
        sys.stdin = Terminal("")
        os.chdir(site)
        return main(["update", INCIDENT, "--status", "monitoring", "--author", "patty"])

    slow = fork(in_the_editor)
    time.sleep(0.5)
    started = time.monotonic()
    assert wait(fork(lambda: post(site, "Posted while someone else was writing."))) == 0
    assert time.monotonic() - started < 2.5  # not held up by the editor's 3 seconds
    assert wait(slow) == 0
    assert bodies(site)[-2:] == ["Posted while someone else was writing.", "Written slowly in an editor."]
