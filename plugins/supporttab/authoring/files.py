"""Writing an authored file so that it is never lost: one command at a time per site (a lock), and each file
replaced in one step (a temporary file beside it, flushed to disk, then renamed over it), so a command that is
killed, or a disk that fills, leaves the file exactly as it was."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = "posting.lock"
WAIT_SECONDS = 120


class WriteFailed(Exception):
    """The file could not be written; it is as it was. The message says why, in the system's words."""


@contextlib.contextmanager
def one_writer(lock_folder: Path) -> Iterator[None]:
    """Hold the site's posting lock: commands that write queue up here, so each reads what the one before wrote."""
    try:
        lock_folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(lock_folder / LOCK_NAME)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            print("supporttab: another supporttab command is writing to this site; waiting for it to finish",
                  file=sys.stderr)
            lock.acquire(timeout=WAIT_SECONDS)
    except Timeout:  # the lock dies with its holder, so someone is still at it
        raise WriteFailed(f"another supporttab command has been writing to this site for {WAIT_SECONDS} seconds "
                          "(perhaps someone is still in its editor); try again when it has finished") from None
    except OSError as error:
        raise WriteFailed(f"the lock {lock_folder / LOCK_NAME} cannot be made ({error.strerror}); make the "
                          "folder writable, or set cache_dir in mkdocs.yml to one that is") from None
    try:
        yield
    finally:
        lock.release()


def replace_file(path: Path, data: bytes) -> None:
    """Put exactly `data` in `path` in one step: all of it, or nothing (the old file stays). A new file never
    replaces one that appeared meanwhile; an existing one keeps its permissions and owner, and a link keeps
    pointing at its file, which is the one replaced."""
    path = path.resolve()
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteFailed(f"no file can be written in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            _keep_ownership(path, temporary)
            os.replace(temporary, path)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
            os.link(temporary, path)  # fails, rather than overwrites, if the file appeared meanwhile
            os.unlink(temporary)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteFailed(error.strerror or str(error)) from None
    _sync_folder(folder)


def _keep_ownership(path: Path, temporary: str) -> None:
    status = path.stat()
    os.chmod(temporary, status.st_mode & 0o7777)
    with contextlib.suppress(OSError):  # only root may give a file away; anyone may keep their own
        os.chown(temporary, status.st_uid, status.st_gid)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened, the rename is all there is."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
