"""Problems found in authored files, reported as `file:line:column: field: what is wrong; how to fix`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one authored file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when authored files are invalid; carries every problem found, sorted by file and position, and
    what could be loaded from the valid files (`partial`), for tools that work on one file at a time."""

    def __init__(self, problems: list[Problem], partial: object = None):
        self.problems = sorted(set(problems))
        self.partial = partial
        super().__init__("\n".join(str(p) for p in self.problems))


def format_field_path(path: tuple[str | int, ...]) -> str:
    """Render ('channels', 1, 'phone') as 'channels[1].phone'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def suggest(word: str, choices, otherwise: str) -> str:
    """'did you mean 'x'?' for the choice closest to a mistyped `word`, whatever its capitals ('DE' for 'de'), else
    `otherwise` (how to find one)."""
    by_lower = {str(choice).lower(): str(choice) for choice in reversed(list(choices))}  # the first of equals wins
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1)
    return f"did you mean '{by_lower[close[0]]}'?" if close else otherwise
