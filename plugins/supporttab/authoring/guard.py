"""The history guard: what was published never changes. Someone already has the screenshot.

Compares the incident and maintenance files with a git revision (such as the pull request's base) and reports
every published fact that changed: an update deleted, reordered or edited (time, status, author, text, the
component states it set, its promise, whether it is a correction), an incident's title, impact, source, start
or affected components and regions, a maintenance's title or affected parts (its window may move until it
begins), a postmortem, a file removed or renamed. Appending is fine: updates (corrections included), a
postmortem, one more affected component or region.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..core.paths import shown_path
from ..core.yamlread import YamlDocument, parse_yaml, read_yaml
from ..status.load import COMPONENTS_FILE
from .lint import Finding

RULE = "published-history"
COMPARED = ("at", "status", "author", "body", "components", "next_update_by", "correction")
POSTMORTEM_COMPARED = ("published_at", "author", "apology", "cause", "prevention")
FACTS = ("title", "impact", "source", "started_at")  # one value each, fixed once published
WINDOW = ("scheduled_for", "scheduled_until")  # may move until the window begins
GROWING = ("components", "regions")  # may gain entries at the end; never lose or reorder one
TIMES = ("at", "published_at", "started_at", "next_update_by", "scheduled_for", "scheduled_until")
TEXTS = ("body", "apology", "cause", "prevention", "title")


class GitError(Exception):
    """The revision or repository cannot be read; the message says why."""


def guard_history(root: Path, folder: Path, since: str, now: dt.datetime, default_language: str = "en"
                  ) -> list[Finding]:
    """Findings for every change to published history in `folder` since the git revision `since`. A text written
    once is in `default_language`: translating it later (`body: {en: <the same text>, de: ...}`) changes nothing
    published."""
    _git(folder, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}",
         failure=f"'{since}' is not a git revision here; fetch it first (for a pull request: git fetch origin main)")
    findings = []
    for name in _changed_since(folder, since):
        path = folder / name
        shown = shown_path(root, folder) + "/" + name
        if not path.is_file():
            findings.append(Finding(RULE, "error", shown, 1, 1, f"this file was published at {since} and is now "
                                    "removed or renamed; published incidents stay: restore it, and add a "
                                    "correction update if something in it was wrong"))
            continue
        old = parse_yaml(_git(folder, "show", f"{since}:./{name}").encode(), shown)
        new = read_yaml(path, shown)
        for doc in (old, new):
            _by_language(doc.data, default_language)
        findings += _compare_facts(old, new, since, now)
        findings += _compare(old, new, since)
    return findings


def _changed_since(folder: Path, since: str) -> list[str]:
    """The incident and maintenance files published at `since` that differ on disk now (edited, removed or
    renamed), relative to `folder`. Only these are read: an update merge touches one file of thousands."""
    listing = _git(folder, "diff", "-z", "--relative", "--no-renames", "--name-only", "--diff-filter=DMT", since,
                   "--", ".")
    return sorted(name for name in listing.split("\0")
                  if name.endswith((".yml", ".yaml")) and Path(name).name != COMPONENTS_FILE)


def changed_since(root: Path, folder: Path, since: str) -> set[str]:
    """The incident and maintenance files in `folder` that are new or edited since the git revision `since`
    (committed, staged, or only on disk), as findings name them. Check this revision with guard_history first."""
    edited = _git(folder, "diff", "-z", "--relative", "--no-renames", "--name-only", "--diff-filter=AMT", since,
                  "--", ".")
    new = _git(folder, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
    shown = shown_path(root, folder)
    return {f"{shown}/{name}" for name in (edited + new).split("\0")
            if name.endswith((".yml", ".yaml")) and Path(name).name != COMPONENTS_FILE}


def text_at(folder: Path, since: str, path: Path) -> str | None:
    """The text of `path` at the git revision `since` of the repository that holds `folder`, where the guard reads
    history (the incidents folder may be a repository of its own); None when `path` is not in that repository,
    not in that revision, or git cannot say."""
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
        return _git(folder, "show", f"{since}:{path.resolve().relative_to(top).as_posix()}")
    except (GitError, ValueError, UnicodeDecodeError):  # ValueError: `path` lies outside that repository
        return None


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


def _compare_facts(old: YamlDocument, new: YamlDocument, since: str, now: dt.datetime) -> list[Finding]:
    """The event's own fields: fixed facts, a window that may move only before it begins, growing lists."""
    before, after = _mapping(old.data), _mapping(new.data)
    changed = [name for name in FACTS if name in before and not _same(name, before[name], after.get(name))]
    start = _instant(before.get("scheduled_for"))
    window_open = isinstance(start, dt.datetime) and start.tzinfo is not None and start > now
    if not window_open:
        changed += [name for name in WINDOW if name in before and not _same(name, before[name], after.get(name))]
    for name in GROWING:
        old_list, new_list = before.get(name) or [], after.get(name) or []
        if isinstance(old_list, list) and (not isinstance(new_list, list) or new_list[:len(old_list)] != old_list):
            changed.append(name)
    findings = []
    for name in changed:
        line, column = new.position((name,), key=True)
        findings.append(_finding(new, line, column, f"`{name}` (published at {since}) changed; published facts never "
                                 "change: undo the edit, and add an update with `correction: true` that says what "
                                 "was wrong" + (" (a component or region may be added at the end)"
                                                if name in GROWING else "")))
    return findings


def _mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _postmortem(doc: YamlDocument) -> dict[str, Any] | None:
    postmortem = _mapping(doc.data).get("postmortem")
    return postmortem if isinstance(postmortem, dict) else None


def _finding(doc: YamlDocument, line: int, column: int, message: str) -> Finding:
    return Finding(RULE, "error", doc.file, line, column, message)


def _updates(doc: YamlDocument) -> list[dict[str, Any]]:
    return _updates_of(_mapping(doc.data))


def _equal(one: dict[str, Any], other: dict[str, Any]) -> bool:
    return all(_same(name, one.get(name), other.get(name)) for name in COMPARED)


def _same(name: str, old: Any, new: Any) -> bool:
    if name in TIMES:
        return _instant(old) == _instant(new)
    if name in TEXTS:  # re-wrapped lines are the same text; merged or split paragraphs and list items are not
        if isinstance(old, dict) and isinstance(new, dict):  # a translation may be added, none changed
            return all(_paragraphs(text) == _paragraphs(new.get(language)) for language, text in old.items())
        return _paragraphs(old) == _paragraphs(new)
    if name == "correction":
        return _flag(old) == _flag(new)
    return (old or None) == (new or None)


def _by_language(data: Any, default: str) -> None:
    """Write each text of an event as written once, `text`, as `{default: text}`, so that a text and its later
    translations compare alike."""
    event = _mapping(data)
    holders = [event, *_updates_of(event), _mapping(event.get("postmortem"))]
    for holder in holders:
        for name in TEXTS:
            if isinstance(holder.get(name), str):
                holder[name] = {default: holder[name]}


def _updates_of(event: dict[str, Any]) -> list[dict[str, Any]]:
    updates = event.get("updates")
    return [u for u in updates if isinstance(u, dict)] if isinstance(updates, list) else []


def _flag(value: Any) -> bool | Any:
    """A yes/no value as the model reads it (true, yes, on, 1...), absent as no; anything else as written."""
    if value is None:
        return False
    try:
        return TypeAdapter(bool).validate_python(value)
    except ValidationError:
        return value


def _paragraphs(text: Any) -> list[str]:
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", str(text or "").strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _instant(text: Any) -> dt.datetime | str:
    if text is None:
        return ""
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
