"""The text of an update: from the command line (or a file named with @), standard input, or the author's editor."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .site import UsageError


def text_argument(value: str, flag: str) -> str:
    """A text given on the command line, or read from a file when written as @file.md."""
    if value.startswith("@"):
        try:
            return Path(value[1:]).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{flag}: cannot read {value[1:]} ({error.strerror})") from None
    return value


def message(args: argparse.Namespace, default: str | None = None) -> str:
    """The update's text: the argument, else standard input when piped, else the editor, else `default`."""
    if args.message:
        return text_argument(args.message, "message")
    if not sys.stdin.isatty():
        text = sys.stdin.read().strip()
        if text:
            return text
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor and sys.stdin.isatty():
        with tempfile.NamedTemporaryFile("w+", suffix=".md", encoding="utf-8") as draft:
            draft.write(default or "")
            draft.flush()
            subprocess.run([*editor.split(), draft.name], check=False)
            draft.seek(0)
            text = draft.read().strip()
            if text:
                return text
    if default:
        return default
    raise UsageError("write the message: as the last argument in quotes, on standard input, or in $EDITOR")

