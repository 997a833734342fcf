"""Characters authored text may not hold, and invisible ones made visible in messages.

Control characters (a NUL from a pipe, a vertical tab or an escape pasted from a terminal) and the code points
XML forbids would make feeds ill-formed and show nowhere on a page; tab and line breaks are fine."""

from __future__ import annotations

import re
import unicodedata

_NAMES = {0x00: "NUL", 0x07: "a bell", 0x08: "a backspace", 0x0B: "a vertical tab", 0x0C: "a form feed",
          0x1B: "an escape", 0x7F: "DEL", 0xFFFE: "a non-character", 0xFFFF: "a non-character"}


# C0 controls but tab and line breaks, DEL and the C1 controls, lone surrogates, and U+FFFE/U+FFFF. One regular
# expression: every authored scalar passes through here, thousands per build.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(index, description) of the first character no page, feed or calendar can carry, or None."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    code = ord(found[0])
    return found.start(), f"U+{code:04X} ({_NAMES.get(code, 'a control character')})"


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
