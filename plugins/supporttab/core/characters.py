"""Characters authored text may not hold, and invisible ones made visible in messages.

Control characters (a NUL from a pipe, a vertical tab or an escape pasted from a terminal) and the code points
XML forbids would make feeds ill-formed and show nowhere on a page; tab and line breaks are fine."""

from __future__ import annotations

import unicodedata

_NAMES = {0x00: "NUL", 0x07: "a bell", 0x08: "a backspace", 0x0B: "a vertical tab", 0x0C: "a form feed",
          0x1B: "an escape", 0x7F: "DEL", 0xFFFE: "a non-character", 0xFFFF: "a non-character"}


def _forbidden(character: str) -> bool:
    code = ord(character)
    if character in "\t\n\r":
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(index, description) of the first character no page, feed or calendar can carry, or None."""
    for index, character in enumerate(text):
        if _forbidden(character):
            code = ord(character)
            return index, f"U+{code:04X} ({_NAMES.get(code, 'a control character')})"
    return None


def forbidden_message(text: str, what: str = "the text") -> str | None:
    """A sentence saying where `text` holds a forbidden character and what to do, or None when it holds none."""
    found = forbidden_character(text)
    if found is None:
        return None
    index, description = found
    before = text[max(0, index - 24):index].split("\n")[-1]
    if index > 24 and " " in before:  # whole words only
        before = before[before.index(" ") + 1:]
    where = f" after '{visible(before)}'" if before.strip() else " at its start" if index == 0 else ""
    return (f"{what} contains the invisible control character {description}{where}; delete it (it often comes "
            "with text pasted from a terminal)")


def visible(text: str) -> str:
    """`text` with invisible characters written out, so 'patty' and 'patty<zero-width space>' look different."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn")
                   and c not in "\n\t" else c for c in text)
