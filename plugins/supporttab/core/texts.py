"""Texts that carry more than their characters (their translations, the language they are shown in), yet stay a
`str` so every reader of a field keeps working."""

from __future__ import annotations

from typing import Any


class TextWith(str):
    """A text with more to it than its characters. Equal to another text only when that more is equal too, and
    hashed with it: a preview or a cache that compares texts must see a change to a translation alone (a plain
    `str` would compare the characters only). A plain string equals one that carries nothing more."""

    def more(self) -> tuple:
        """What the text carries besides its characters, comparable and hashable; empty when nothing."""
        return ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        return str.__eq__(self, other) and _more_of(self) == _more_of(other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        more = _more_of(self)
        return hash((str(self), more)) if more else str.__hash__(self)


def _more_of(text: Any) -> tuple:
    """The kind of text and what it carries besides its characters; nothing for a plain `str`."""
    more = text.more() if isinstance(text, TextWith) else ()
    return (type(text).__name__, more) if more else ()
