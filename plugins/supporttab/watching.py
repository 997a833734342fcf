"""`mkdocs serve` sees a save at once: the system's file notifications in place of MkDocs' polling.

MkDocs 1.6 (and ProperDocs) watch with watchdog's PollingObserver, which looks for changed files every 0.5 s (a
quarter of a second late on average), then wait 0.1 s of quiet before rebuilding; `mkdocs serve` has an option for
neither, and MkDocs hands plugins the server only once its watches are scheduled. So `on_serve` swaps the observer
for watchdog's native one (inotify on Linux) and schedules the same watches again with MkDocs' own `watch()`.
Where the server is not the one we know, or the native observer cannot start (inotify's watch limit, a network
filesystem), it stays as MkDocs made it.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.plugins.supporttab")

# What a save is: a file written, created, renamed or deleted. Not a file opened or closed unwritten, which the
# build causes itself by reading the files (the poller never saw those; here they would rebuild for ever).
SAVES = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent]

# Quiet after the last event before a rebuild starts. One save is a burst of 3 to 5 events within 2 ms (measured:
# truncate and write; a temporary file renamed over the file; a backup renamed away, like vim's); a later event
# only costs one more rebuild, never a missed edit.
BUILD_DELAY = 0.05


class NativeObserver(Observer):  # type: ignore[misc,valid-type]  # Observer is the platform's class
    """The platform's observer, reporting saves only, started in `on_serve` so that a failure shows there. MkDocs
    starts its observer again when it begins serving, which must then do nothing."""

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, event_filter: Any = None,
                 follow_symlink: bool = False) -> Any:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or SAVES,
                                follow_symlink=follow_symlink)

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def watch_natively(server: Any, observer_class: type = NativeObserver) -> bool:
    """Let `server` (MkDocs' LiveReloadServer, not yet serving) watch what it watches with `observer_class`, and
    rebuild after BUILD_DELAY of quiet; True if it does now, False if it stays as it was."""
    try:
        polling, counts, watches = server.observer, server._watched_paths, server._watch_refs
        server.build_delay  # noqa: B018  # set below: a server without it is not the one we know
        recursive = {path: watches[path].is_recursive for path in counts}
    except (AttributeError, KeyError, TypeError) as error:
        log.debug(f"Preview: the server watches as it does ({type(server).__name__}: {error})")
        return False
    kept_counts, kept_watches = dict(counts), dict(watches)
    native = None
    try:
        server.observer = native = observer_class()  # on Linux, this opens the inotify instance
        counts.clear()
        watches.clear()
        for path, is_recursive in recursive.items():  # MkDocs' own watch(), so each watch gets its own handler
            server.watch(path, recursive=is_recursive)
        counts.update(kept_counts)  # how many asked for each path, for unwatch()
        native.start()
    except Exception as error:  # noqa: BLE001  # whatever the system refuses, serve goes on as MkDocs made it
        if native is not None:
            with contextlib.suppress(Exception):
                native.stop()  # and any of its watches that did start
        server.observer = polling
        counts.clear()
        counts.update(kept_counts)
        watches.clear()
        watches.update(kept_watches)
        log.info(f"Preview: the system's file notifications failed ({error}); changes are looked for every 0.5 s")
        return False
    server.build_delay = BUILD_DELAY
    return True
