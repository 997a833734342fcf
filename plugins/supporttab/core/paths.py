"""File paths as authors see them, and paths kept inside their folder."""

from __future__ import annotations

from pathlib import Path


def shown_path(root: Path, path: Path) -> str:
    """A file's name as shown in messages: relative to the site root, with forward slashes."""
    return path.resolve().relative_to(root.resolve()).as_posix()


def confined(folder: Path, relative: str) -> Path | None:
    """`folder/relative`, or None when it would leave `folder` (through `..`, an absolute path or a symlink)."""
    candidate = (folder / relative).resolve()
    return candidate if candidate.is_relative_to(folder.resolve()) else None
