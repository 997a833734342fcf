"""The history guard: published updates never change. Someone already has the screenshot.

Compares the incident files with a git revision (such as the pull request's base) and reports every published
update that was deleted, reordered or changed in time, status, author or body, and every incident file that
was removed or renamed; a published postmortem is held to the same rule. Appending updates (corrections
included) and adding a postmortem are fine.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from ..core.paths import shown_path
from ..core.yamlread import YamlDocument, parse_yaml, read_yaml
from ..status.load import COMPONENTS_FILE
from .lint import Finding

RULE = "published-history"
COMPARED = ("at", "status", "author", "body")
POSTMORTEM_COMPARED = ("published_at", "author", "apology", "cause", "prevention")


class GitError(Exception):
    """The revision or repository cannot be read; the message says why."""


def guard_history(root: Path, folder: Path, since: str) -> list[Finding]:
    """Findings for every change to published history in `folder` since the git revision `since`."""
    _git(folder, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}",
         failure=f"'{since}' is not a git revision here; fetch it first (for a pull request: git fetch origin main)")
    published = [name for name in _git(folder, "ls-tree", "-r", "--name-only", since, "--", ".").splitlines()
                 if name.endswith((".yml", ".yaml")) and Path(name).name != COMPONENTS_FILE]
    findings = []
    for name in published:
        path = folder / name
        shown = shown_path(root, folder) + "/" + name
        if not path.is_file():
            findings.append(Finding(RULE, "error", shown, 1, 1, f"this file was published at {since} and is now "
                                    "removed or renamed; published incidents stay: restore it, and add a "
                                    "correction update if something in it was wrong"))
            continue
        old = parse_yaml(_git(folder, "show", f"{since}:./{name}").encode(), shown)
        findings += _compare(old, read_yaml(path, shown), since)
    return findings


def _compare(old: YamlDocument, new: YamlDocument, since: str) -> list[Finding]:
    before, after = _updates(old), _updates(new)
    findings = []
    for index, published in enumerate(before):
        if index >= len(after):
            line, column = new.position(("updates",))
            findings.append(_finding(new, line, column, f"update {index + 1} (published at {since}) was deleted; "
                                     "published updates stay: put it back, and add a correction update instead"))
            continue
        changed = [name for name in COMPARED if not _same(name, published.get(name), after[index].get(name))]
        if not changed:
            continue
        line, column = new.position(("updates", index))
        moved = next((i for i, update in enumerate(after) if i != index and _equal(published, update)), None)
        if moved is not None:
            message = (f"update {index + 1} (published at {since}) moved to position {moved + 1}; keep published "
                       "updates in their order, oldest first")
        else:
            message = (f"update {index + 1} (published at {since}) changed its {', '.join(changed)}; published "
                       "updates never change: undo the edit and add a new update with `correction: true`")
        findings.append(_finding(new, line, column, message))
    return findings + _compare_postmortem(old, new, since)


def _compare_postmortem(old: YamlDocument, new: YamlDocument, since: str) -> list[Finding]:
    before, after = _postmortem(old), _postmortem(new)
    if before is None:
        return []
    if after is None:
        line, column = new.position(())
        return [_finding(new, line, column, f"the postmortem (published at {since}) was deleted; put it back, and "
                                            "add a correction update if something in it was wrong")]
    changed = [name for name in POSTMORTEM_COMPARED if not _same(name, before.get(name), after.get(name))]
    if not changed:
        return []
    line, column = new.position(("postmortem",), key=True)
    return [_finding(new, line, column, f"the postmortem (published at {since}) changed its {', '.join(changed)}; "
                                        "published text never changes: undo the edit and add a correction update")]


def _postmortem(doc: YamlDocument) -> dict[str, Any] | None:
    postmortem = doc.data.get("postmortem") if isinstance(doc.data, dict) else None
    return postmortem if isinstance(postmortem, dict) else None


def _finding(doc: YamlDocument, line: int, column: int, message: str) -> Finding:
    return Finding(RULE, "error", doc.file, line, column, message)


def _updates(doc: YamlDocument) -> list[dict[str, Any]]:
    updates = doc.data.get("updates") if isinstance(doc.data, dict) else None
    return [u for u in updates if isinstance(u, dict)] if isinstance(updates, list) else []


def _equal(one: dict[str, Any], other: dict[str, Any]) -> bool:
    return all(_same(name, one.get(name), other.get(name)) for name in COMPARED)


def _same(name: str, old: Any, new: Any) -> bool:
    if name in ("at", "published_at"):
        return _instant(old) == _instant(new)
    if name in ("body", "apology", "cause", "prevention"):
        return " ".join(str(old or "").split()) == " ".join(str(new or "").split())
    return old == new


def _instant(text: Any) -> dt.datetime | str:
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return str(text)


def _git(folder: Path, *args: str, failure: str = "") -> str:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise GitError("git is not installed; the history check needs it") from None
    if result.returncode != 0:
        raise GitError(failure or f"git {args[0]} failed: {result.stderr.strip()}")
    return result.stdout
