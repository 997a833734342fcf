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
import threading
import warnings
from collections.abc import Callable
from typing import Any

SERIAL = "SUPPORTTAB_SERIAL"  # set to 1: do everything in this process (for comparisons, and to rule us out)


def usable() -> bool:
    """Whether a forked helper can run on a second CPU: Linux, two CPUs this process may use, not told otherwise."""
    if os.environ.get(SERIAL, "") not in ("", "0") or not sys.platform.startswith("linux"):
        return False
    return len(os.sched_getaffinity(0)) >= 2


def worth_a_helper(count: int) -> bool:
    """Whether `count` items are worth forking a helper for (fewer are done sooner here than a fork costs)."""
    return count >= 64 and usable()


class SecondCore:
    """Items (by name, in the order this process will ask for them) shared with a forked helper that calls
    `make(name)` for the ones it takes and sends back what it returns (pickled; never None)."""

    def __init__(self, names: list[str], make: Callable[[str], Any]) -> None:
        context = multiprocessing.get_context("fork")
        self._index = {name: number for number, name in enumerate(names)}
        self._lock = context.Lock()
        self._next = context.RawValue("i", 0)  # the first item this process has not taken yet
        self._low = context.RawValue("i", len(names))  # the last item the helper took
        receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=self._help, args=(names, make, sending, receiving), daemon=True)
        self._process.start()
        sending.close()  # only the helper holds it now: its end, or its death, ends what we receive
        self._made: dict[int, Any] = {}
        self._finished = False
        self._arrived = threading.Condition()
        self._receiver = threading.Thread(target=self._receive, args=(receiving,), daemon=True)
        self._receiver.start()  # reads as the helper sends, so it never waits on a full pipe

    def take(self, name: str) -> Any:
        """What the helper made of `name`, once it has; None when this process is to make it itself (not the
        helper's, or the helper could not). Asking for an item leaves every item before it to this process."""
        number = self._index.get(name)
        if number is None:
            return None
        with self._lock:
            if number < self._low.value:  # not the helper's: ours, and so is everything before it
                self._next.value = max(self._next.value, number + 1)
                return None
        with self._arrived:
            self._arrived.wait_for(lambda: number in self._made or self._finished)
            made = self._made.pop(number, None)
        return None if made is None else pickle.loads(made)

    def close(self) -> None:
        """Stop the helper (done, or the build failed) and wait for it."""
        with self._lock:
            self._next.value = len(self._index)  # it takes nothing more
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.join()

    def _receive(self, receiving: Any) -> None:
        try:
            while True:
                number, made = receiving.recv()
                with self._arrived:
                    self._made[number] = made
                    self._arrived.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            receiving.close()
            with self._arrived:
                self._finished = True
                self._arrived.notify_all()

    def _help(self, names: list[str], make: Callable[[str], Any], sending: Any, receiving: Any) -> None:
        """In the helper: take items from the end until meeting this process, make each, send it."""
        receiving.close()
        said = _listen()
        while True:
            with self._lock:
                if self._low.value - 1 < self._next.value:
                    break
                self._low.value -= 1
                number = self._low.value
            said.clear()
            try:
                made = pickle.dumps(make(names[number]), pickle.HIGHEST_PROTOCOL)
            except BaseException:  # noqa: BLE001 - this process makes it again, and says what went wrong
                made = None
            sending.send((number, None if said else made))
        sending.close()


def _listen() -> list[Any]:
    """In the helper: every log record a handler would take, and every warning the filters would show (what this
    process showed before the fork counts as shown), goes into the list returned and nowhere else: this process
    says it when it makes the item again."""
    said: list[Any] = []
    logging.Handler.handle = lambda handler, record: said.append(record)  # type: ignore[method-assign]
    warnings.showwarning = lambda *args, **kwargs: said.append(args)
    return said
