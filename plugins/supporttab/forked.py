"""Work handed to forked copies of this process, results taken back in order: how a build uses every core while
MkDocs renders its pages one by one. The copies start from this process's memory as it is when the pool starts (so
they need nothing pickled but the results); where `fork` does not exist, there is no pool and the caller does
the work itself."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

Key = TypeVar("Key")

# Results come back in batches: fewer round trips, and the first result waits for one batch only.
_BATCH = 8

# The work of the pool under way. A worker is a fork made after this is set, so it has it without pickling (the
# pool pickles what it sends, and a closure does not pickle): one pool at a time in a process.
_work: Callable[[Any], str] | None = None


def _do(key: Any) -> str:
    assert _work is not None
    return _work(key)


def spare_cores() -> int:
    """How many cores this process may use besides its own. None where fork does not exist (Windows) or is unsafe
    (macOS, once system frameworks are loaded), nor while other threads run: a fork copies this thread only, and a
    lock another thread held stays locked in the copy."""
    if (sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() > 1):
        return 0
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return max(len(usable) - 1, 0)


class ForkedWork(Generic[Key]):
    """`work(key)` for every key, done by `workers` forked processes in the background, the results taken back in
    the order of `keys` (a key never asked for is skipped)."""

    def __init__(self, work: Callable[[Key], str], keys: Sequence[Key], workers: int) -> None:
        self._keys = list(keys)
        self._position = {key: index for index, key in enumerate(self._keys)}
        self._next = 0
        self._failed = False
        global _work
        _work = work
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        self._results: Iterator[str] = self._pool.map(_do, self._keys, chunksize=_BATCH)  # forks the workers now

    def __contains__(self, key: object) -> bool:
        return self._position.get(key, -1) >= self._next  # type: ignore[call-overload]

    def take(self, key: Key) -> str | None:
        """The result for `key`, or None when the caller must do that work itself: the work raised (the caller
        will meet the same error, and report it as its own), or a worker died. After one failure, every later
        key is the caller's too."""
        if key not in self or self._failed:
            return None
        try:
            while self._keys[self._next] != key:
                self._next += 1
                next(self._results)
            self._next += 1
            return next(self._results)
        except Exception:  # noqa: BLE001 - whatever went wrong there, the caller does it again here
            self._failed = True
            return None

    def close(self) -> None:
        global _work
        self._pool.shutdown(wait=True, cancel_futures=True)
        _work = None
