"""The help articles' own metadata (front matter in content/*.md): HTML there shows as text on the site, because
the plugin escapes it, so `check` says so before an author wonders why their title reads `<b>New</b>`."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.paths import shown_path
from ..core.problems import Problem
from ..core.yamlread import parse_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z/!]")
FIELDS = ("title", "description")


def metadata_warnings(root: Path, docs_dir: Path) -> list[Problem]:
    """A warning for each title or description in an article's front matter that holds HTML."""
    warnings = []
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        try:
            match = _FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs itself reports a page it cannot read
        if not match:
            continue
        doc = parse_yaml(match[1].encode("utf-8"), shown_path(root, path))
        data = doc.data if isinstance(doc.data, dict) else {}
        for field in FIELDS:
            value = data.get(field)
            if isinstance(value, str) and _TAG.search(value):
                line, column = doc.position((field,))
                warnings.append(Problem(doc.file, line + 1, column, field, f"the {field} holds HTML "
                                        f"({_TAG.search(value)[0]}…), which the site shows as text; write plain words"))
    return warnings
