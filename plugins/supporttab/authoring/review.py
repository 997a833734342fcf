"""Lint at the moment of posting: the findings a command's text adds to its file. At a terminal they are shown
before anything is written, and the author posts it as it is, edits it or cancels; otherwise the text is written
and the findings are shown beside it. A warning never holds an update back; a rule the site has made an error
does, since publishing stops on an error (and with it every later update)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.paths import shown_path
from ..site import SiteData
from .lint import Finding, lint_site
from .message import edited, editor_command
from .site import Refused, Site


@dataclass(frozen=True)
class Draft:
    """What a command is about to write: the whole new text of `path`; the site as it is now; the author's own
    texts in it, by the name of the argument holding each (what editing reopens); the message ready to post on
    social media, when the write has one."""

    path: Path
    text: str
    before: SiteData
    texts: dict[str, str]
    social: str | None = None


def interactive() -> bool:
    """Someone at a terminal to answer: a script that pipes its input or reads the output gets no question."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def added_findings(site: Site, draft: Draft, after: SiteData | None) -> list[Finding]:
    """The findings in the draft's file once written (`after`) that were not there before: an old finding on an
    earlier update is not this post's to answer. Compared by rule and place in the event (the update's number, the
    postmortem's part), not by line, because a new update moves a postmortem below it down; and not by message,
    because the same words in a new update are a new finding."""
    shown = shown_path(site.root, draft.path)
    before = {(f.rule, f.where) for f in _findings_in(site, draft.before, shown)}
    return [f for f in _findings_in(site, after, shown) if (f.rule, f.where) not in before]


def _findings_in(site: Site, data: SiteData | None, shown: str) -> list[Finding]:
    """The findings in the file `shown`, linting its event alone: a mistake in another file, which the post goes
    ahead despite, is not read, so it can never stop the post (and nothing else is linted for nothing)."""
    status = data.status if data else None
    if status is None:
        return []
    own = {event_id for event_id, file in status.files.items() if file == shown}
    alone = replace(status, incidents={i: e for i, e in status.incidents.items() if i in own},
                    maintenances={i: e for i, e in status.maintenances.items() if i in own})
    return lint_site(data, site.options.lint, site.language, alone)


def held_back(findings: list[Finding], shown: str) -> str | None:
    """Why a write with these findings is refused, or None: only a rule the site made an error, on the words
    being written, holds it back (no rewording fixes a late acknowledgement, so a rule on timing never does)."""
    errors = _error_rules(findings)
    if not errors:
        return None
    return "\n".join(map(str, findings)) + (f"\nsupporttab: {shown} was left as it was: this site makes "
                                            f"{', '.join(errors)} an error, and publishing stops on an error; "
                                            "follow the advice and run the command again")


def show_after_writing(findings: list[Finding]) -> None:
    """Written without asking (no one at a terminal): the findings, and what they mean now."""
    if not findings:
        return
    for finding in findings:
        print(finding, file=sys.stderr)
    count = len(findings)
    print(f"supporttab: written as it is, with {count} warning{'s' * (count != 1)}: a warning never holds an update "
          "back; follow the advice next time, or reword it in the file before it is merged", file=sys.stderr)


def until_approved(args: argparse.Namespace, site: Site, draft_for: Callable[..., Draft]) -> None:
    """Before the site is locked, so no one else's post waits on the answer: while the draft has findings, show
    them and ask to post it as it is, edit it or cancel. Editing reopens the author's texts in their editor, one
    after the other, and the new draft is linted again. Cancelling raises Refused: nothing is written."""
    while True:
        draft = draft_for(args, site)
        after, problems = site.as_if_written(draft.path, draft.text.encode("utf-8"))
        findings = [] if problems else added_findings(site, draft, after)  # problems: refused under the lock
        if not findings:
            return
        for finding in findings:
            print(finding, file=sys.stderr)
        if _answer(findings) == "post":
            return
        for name, text in draft.texts.items():
            setattr(args, name, edited(text, "your message" if name == "text" else f"your {name}"))


PHRASES = {"post": "post it as it is", "edit": "edit it", "cancel": "cancel"}
CANCELLED = "supporttab: cancelled; nothing was written"


def _answer(findings: list[Finding]) -> str:
    """"post" or "edit", as the author answers; cancelling, or closing the input, raises Refused."""
    errors = _error_rules(findings)
    choices = ([] if errors else ["post"]) + (["edit"] if editor_command() else []) + ["cancel"]
    if errors:
        print(f"supporttab: this site makes {', '.join(errors)} an error, and publishing stops on an error, so it "
              "cannot be posted as it is", file=sys.stderr)
    if choices == ["cancel"]:
        raise Refused("supporttab: nothing was written; set $EDITOR to edit it here, or run the command again with "
                      "other words")
    words = [PHRASES[choice] for choice in choices]
    question = f"{', '.join(words[:-1])}, or {words[-1]}?".capitalize()
    keys = {choice[0]: choice for choice in choices}
    while True:
        print(f"{question} [{'/'.join(keys)}] ", end="", file=sys.stderr, flush=True)
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            line = ""
        if not line:  # the input closed, or Ctrl-C: no one said to post it
            print(file=sys.stderr)
            raise Refused(CANCELLED)
        choice = keys.get(line.strip().lower()[:1])
        if choice == "cancel":
            raise Refused(CANCELLED)
        if choice:
            return choice


def _error_rules(findings: list[Finding]) -> list[str]:
    """The rules the site made errors among findings on the new words themselves (an update's body, a
    postmortem's part): the ones that rewording can answer."""
    return sorted({f.rule for f in findings if f.severity == "error" and _on_words(f.where)})


def _on_words(where: tuple) -> bool:
    return where[-1:] == ("body",) or where[:1] == ("postmortem",) and where[-1:] != ("author",)
