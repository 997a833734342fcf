"""The text of an update: from the command line (or a file named with @), standard input, or the author's editor."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..core.characters import forbidden_message
from .site import UsageError


def text_argument(value: str, flag: str) -> str:
    """A text given on the command line, or read from a file when written as @file.md."""
    if value.startswith("@"):
        try:
            value = Path(value[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            why = getattr(error, "strerror", None) or "it is not UTF-8 text"
            raise UsageError(f"{flag}: cannot read {value[1:]} ({why})") from None
    return checked(value, f"your {flag.lstrip('-')}")


def checked(text: str, what: str) -> str:
    """`text`, refused when it holds a character no page or feed can carry, or nothing but spaces."""
    refused = forbidden_message(text, what)
    if refused:
        raise UsageError(refused)
    if not text.strip():
        raise UsageError(f"{what} is empty; write the text")
    return text


def message(args: argparse.Namespace, draft: Callable[[], str | None] = lambda: None) -> str | None:
    """The update's text: the argument, else standard input when piped, else what the author writes in their
    editor (starting from `draft()`); None when none of them gives any. Asked before the site is locked for
    writing: a person may spend minutes in the editor while others post."""
    if args.message:
        return text_argument(args.message, "message")
    if not sys.stdin.isatty():
        text = sys.stdin.read().strip()
        return checked(text, "your message") if text else None
    editor = editor_command()
    if not editor:
        return None
    text = _written_in(editor, draft() or "")
    return checked(text, "your message") if text else None


NO_MESSAGE = "write the message: as the last argument in quotes, on standard input, or in $EDITOR"


def editor_command() -> str | None:
    """The author's editor, as $VISUAL or $EDITOR name it; None when neither is set."""
    return os.environ.get("VISUAL") or os.environ.get("EDITOR")


def edited(text: str, what: str) -> str:
    """`text` as the author leaves it after changing it in their editor (which must be set); `what` names it in
    a refusal, like "your apology"."""
    return checked(_written_in(editor_command(), text), what)


def _written_in(editor: str, start: str) -> str:
    """What the author writes in `editor`, starting from `start`, without the blank lines around it."""
    with tempfile.NamedTemporaryFile("w+", suffix=".md", encoding="utf-8") as page:
        page.write(start)
        page.flush()
        _edit(editor, page.name)
        page.seek(0)
        return page.read().strip()


def _edit(editor: str, path: str) -> None:
    """Open the author's editor on the draft; an editor that fails or is abandoned writes nothing."""
    try:
        finished = subprocess.run([*shlex.split(editor), path], check=False)
    except (OSError, ValueError) as error:
        raise UsageError(f"the editor in $VISUAL or $EDITOR ({editor!r}) cannot be started ({error}); set it to an "
                         "installed editor, or write the message as the last argument in quotes") from None
    if finished.returncode != 0:
        raise UsageError(f"the editor ({editor}) exited with status {finished.returncode}, so nothing was written; "
                         "run the command again when you are ready")

