"""A second process that does part of a long list of work on the machine's second core.

MkDocs loads and renders one thing at a time in one process. A forked copy of the process (the helper) can do
some of a long list of the same work at the same moment (status files to load, pages to render once every page's
content exists): it takes items from the end of the list while this process works from the start, until they
meet (whoever is quicker does more; neither waits for the other but for the one item where they meet). This
process then takes what the helper made in place of making it.

The helper never decides anything: an item it could not make, or that made anything be said (a log record a
handler takes, a warning the filters show), comes back as None and this process makes it itself, so errors,
messages and the exit status are those of one process. If the helper dies, what it had not sent is made here.
Linux only (fork shares every object as it is, with nothing pickled on the way in), and only where two CPUs are
usable.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

# 0: never a helper; 1: a helper wherever it can run, however busy the machine; unset: a helper unless the machine
# is busy already or the build runs other threads. Measured at 10,000 incidents: on a quiet 2-core machine both
# cores took 0.80 times the wall time of one; on the same machine shared with other work (load 8 to 10), 1.10 times
# (see the README).
BOTH_CORES = "SUPPORTTAB_BOTH_CORES"
STALLED = 30.0  # seconds: far longer than any one item takes (a page renders in milliseconds)


def usable() -> bool:
    """Whether a forked helper can run on a second CPU (Linux, two CPUs this process may use) and is wanted: asked
    for, or the machine's load below its CPUs (the helper's core is free)."""
    asked = os.environ.get(BOTH_CORES)
    if asked == "0" or not sys.platform.startswith("linux"):
        return False
    cpus = len(os.sched_getaffinity(0))
    # Unasked, never beside another thread: a fork copies none, and a lock one held stays held in the helper
    # (`mkdocs serve`'s server and watcher, a plugin's pool).
    return cpus >= 2 and (asked == "1" or os.getloadavg()[0] < cpus and threading.active_count() == 1)


def worth_a_helper(count: int) -> bool:
    """Whether `count` items are worth forking a helper for (fewer are done sooner here than a fork costs)."""
    return count >= 64 and usable()


class SecondCore:
    """Items (by name, in the order this process will ask for them) shared with a forked helper that calls
    `make(name)` for the ones it takes and writes what it returns (pickled; never None) to a temporary file. This
    process reads the file once, when it first asks for an item the helper took: the helper is then making its
    last one. (Streaming results through a pipe needs a thread here to read them, and on a busy machine that thread
    and this one waited on each other for the interpreter lock: 2.4 times slower.)"""

    def __init__(self, names: list[str], make: Callable[[str], Any]) -> None:
        context = multiprocessing.get_context("fork")
        self._index = {name: number for number, name in enumerate(names)}
        self._lock = context.Lock()
        self._next = context.RawValue("i", 0)  # the first item this process has not taken yet
        self._low = context.RawValue("i", len(names))  # the last item the helper took
        self._written = tempfile.TemporaryFile()
        self._made: dict[int, Any] | None = None  # what the helper made, once read
        self._process = context.Process(target=self._help, args=(names, make), daemon=True)
        self._process.start()

    def take(self, name: str) -> Any:
        """What the helper made of `name`; None when this process is to make it itself (not the helper's, or the
        helper could not). Asking for an item leaves every item before it to this process."""
        number = self._index.get(name)
        if number is None:
            return None
        with self._lock:
            if number < self._low.value:  # not the helper's: ours, and so is everything before it
                self._next.value = max(self._next.value, number + 1)
                return None
            self._next.value = max(self._next.value, self._low.value)  # the helper stops after the one it makes
        if self._made is None:
            self._wait_for_helper()
            self._made = self._read()
        return self._made.pop(number, None)

    def _wait_for_helper(self) -> None:
        """Until the helper is done; one that takes no item for STALLED seconds is stopped, and what it had not
        written is made here, as for a helper that died."""
        taken, since = self._low.value, time.monotonic()
        while self._process.is_alive():
            self._process.join(timeout=0.5)
            if self._low.value != taken:
                taken, since = self._low.value, time.monotonic()
            elif time.monotonic() - since > STALLED:
                self._process.terminate()
                self._process.join()

    def close(self) -> None:
        """Stop the helper (done, or the build failed) and wait for it."""
        with self._lock:
            self._next.value = len(self._index)  # it takes nothing more
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._written.close()

    def _read(self) -> dict[int, Any]:
        """Everything the helper wrote, up to where it stopped (a helper killed while writing leaves a cut record:
        what follows is made here)."""
        made: dict[int, Any] = {}
        self._written.seek(0)
        try:
            while True:
                number, result = pickle.load(self._written)
                made[number] = result
        except Exception:  # noqa: BLE001 - the end of the file, or of what a dying helper wrote
            pass
        return made

    def _help(self, names: list[str], make: Callable[[str], Any]) -> None:
        """In the helper: take items from the end until meeting this process, make each, write it."""
        said = _listen()
        try:
            while True:
                with self._lock:
                    if self._low.value - 1 < self._next.value:
                        break
                    self._low.value -= 1
                    number = self._low.value
                said.clear()
                try:
                    record = pickle.dumps((number, make(names[number])), pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - this process makes it again, and says what went wrong
                    record = pickle.dumps((number, None))
                self._written.write(pickle.dumps((number, None)) if said else record)
                self._written.flush()  # the helper ends (or dies) with os._exit, which flushes nothing
        finally:
            self._written.flush()


def _listen() -> list[Any]:
    """In the helper: every log record a handler would take, and every warning the filters would show (what this
    process showed before the fork counts as shown), goes into the list returned and nowhere else: this process
    says it when it makes the item again."""
    said: list[Any] = []
    logging.Handler.handle = lambda handler, record: said.append(record)  # type: ignore[method-assign]
    warnings.showwarning = lambda *args, **kwargs: said.append(args)
    return said
