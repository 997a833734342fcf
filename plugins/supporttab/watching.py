"""`mkdocs serve` sees a save at once: the system's file notifications in place of MkDocs' polling.

MkDocs 1.6 (and ProperDocs) watch with watchdog's PollingObserver, which looks for changed files every 0.5 s (a
quarter of a second late on average), then wait 0.1 s of quiet before rebuilding; `mkdocs serve` has an option for
neither, and MkDocs hands plugins the server only once its watches are scheduled. So `on_serve` swaps the observer
for watchdog's native one (inotify on Linux) and schedules the same watches again with MkDocs' own `watch()`.
Where the server is not the one we know, a watched folder holds a link to a file outside the watched folders (which
notifications would not report), or the native observer cannot start when MkDocs starts it (inotify's limits, a
network filesystem), MkDocs' poller watches as it would have.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.supporttab")

# What a save is: a file written, created, renamed or deleted, or a folder moved or deleted (inotify reports a folder
# moved out of the tree as the folder alone). Not a file opened or closed unwritten, which the build causes itself by
# reading the files (the poller never saw those; here they would rebuild for ever).
SAVES = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent, DirDeletedEvent,
         DirMovedEvent]

# Quiet after the last event before a rebuild starts. One save is a burst of 3 to 5 events within 2 ms (measured:
# truncate and write; a temporary file renamed over the file; a backup renamed away, like vim's); a later event
# only costs one more rebuild, never a missed edit.
BUILD_DELAY = 0.05
POLLED = "changes are looked for every 0.5 s"


class _FolderGoneAsFile(FileSystemEventHandler):
    """MkDocs' handler, told of a folder moved or deleted as of a file deleted: it ignores folders' events, and the
    poller reports each file of such a folder."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, (DirDeletedEvent, DirMovedEvent)):
            event = FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


class NativeObserver(Observer):  # type: ignore[misc,valid-type]  # Observer is the platform's class
    """The platform's observer, reporting saves only, following links to folders. If the system refuses it when
    MkDocs starts it (after every watch, a `watch:` entry's too, is scheduled), MkDocs' poller takes over."""

    def __init__(self, server: Any) -> None:
        super().__init__()
        self.server = server
        self.asked: list[tuple[Any, Any, bool]] = []  # (MkDocs' handler, path, recursive), for the poller

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, event_filter: Any = None,
                 follow_symlink: bool = True) -> Any:
        self.asked.append((event_handler, path, recursive))
        return super().schedule(_FolderGoneAsFile(event_handler), path, recursive=recursive,
                                event_filter=event_filter or SAVES, follow_symlink=follow_symlink)

    def start(self) -> None:
        try:
            super().start()
        except OSError as error:
            with contextlib.suppress(Exception):
                self.stop()  # the watches that did start
            _poll(self.server, self.asked, error)


def _poll(server: Any, asked: list[tuple[Any, Any, bool]], error: OSError) -> None:
    """MkDocs' poller watching what `asked` names, as it would have from the start."""
    poller = PollingObserver(timeout=0.5)
    server._watch_refs.clear()
    server._watch_refs.update({os.path.abspath(path): poller.schedule(handler, path, recursive=recursive)
                               for handler, path, recursive in asked})
    server.observer, server.build_delay = poller, 0.1
    poller.start()
    log.info(f"Preview: the system's file notifications failed ({error}); {POLLED}")


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
    linked = _linked_from_outside(list(recursive))
    if linked:
        log.info(f"Preview: {linked} links to a file outside the watched folders, which file notifications do not "
                 f"report; {POLLED}")
        return False
    kept_counts, kept_watches = dict(counts), dict(watches)
    try:
        server.observer = observer_class(server)
        counts.clear()
        watches.clear()
        for path, is_recursive in recursive.items():  # MkDocs' own watch(), so each watch gets its own handler
            server.watch(path, recursive=is_recursive)
        counts.update(kept_counts)  # how many asked for each path, for unwatch()
    except Exception as error:  # noqa: BLE001  # whatever the system refuses, serve goes on as MkDocs made it
        server.observer = polling
        counts.clear()
        counts.update(kept_counts)
        watches.clear()
        watches.update(kept_watches)
        log.info(f"Preview: the system's file notifications failed ({error}); {POLLED}")
        return False
    server.build_delay = BUILD_DELAY
    return True


def _linked_from_outside(paths: list[str]) -> str | None:
    """A link inside the watched folders to a file outside them (notifications come from the folder that holds the
    file itself), or None. Links to folders are followed and watched."""
    roots, seen = [Path(path).resolve() for path in paths], set()
    for path in paths:
        for folder, folders, names in os.walk(path, followlinks=True) if os.path.isdir(path) else ():
            seen.add(os.path.realpath(folder))
            folders[:] = [name for name in folders if os.path.realpath(os.path.join(folder, name)) not in seen]
            for name in names:
                file = Path(folder, name)
                if file.is_symlink() and not any(file.resolve().is_relative_to(root) for root in roots):
                    return str(file)
    return None
