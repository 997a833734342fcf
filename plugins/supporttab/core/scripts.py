"""The site's scripts as published: each asset script with the shared files it names put in its place, so code
used by more than one script (the "open now" sentence) is written once."""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).parent.parent / "assets"
INCLUDE = re.compile(r"^[ \t]*/\* include: ([\w.-]+\.js) \*/[ \t]*$", re.MULTILINE)


def script_source(name: str) -> str:
    """The script `name` under assets/, each `/* include: file.js */` line replaced by that file from assets/."""
    text = (ASSETS / name).read_text("utf-8")
    return INCLUDE.sub(lambda match: (ASSETS / match.group(1)).read_text("utf-8").rstrip("\n"), text)
