"""The "Post a status update" workflow's step: the form's inputs (INPUT_* variables) become the same `supporttab
new` or `update` a person runs, signed by the team member whose `github` username is GITHUB_ACTOR, then one
commit. Anything refused ends in one sentence in the run's summary, and nothing is written or committed.

With PUSH_REMOTE set (the workflow sets it), the commit is pushed to that remote's main. When someone else's commit
landed on main meanwhile, the post is made again on the new main (the same checks, against what is there now) and
pushed again, a few times: posts made within the same minute all arrive.

Run as Actions runs it: `python -m supporttab.authoring.actions` in the site's folder."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..core.problems import DataError
from .cli import main as supporttab
from .site import Refused, UsageError, read_site

PUSH_ATTEMPTS = 5
# What GitHub answers when a rule, not a race, refuses the push: branch protection, rulesets, a pre-receive hook.
PROTECTED = ("protected branch", "gh006", "gh013", "pre-receive hook declined", "rule violations")
FIELDS = ("incident", "title", "impact", "components", "status", "message", "next_update")


class NotPosted(Exception):
    """Why the post was refused, in one sentence for the run's summary; `details`, what supporttab said."""

    def __init__(self, sentence: str, details: str = ""):
        super().__init__(sentence)
        self.details = details


def post_from_workflow(environ: dict[str, str], folder: Path) -> str:
    """Post the update the form describes; returns the commit's message. Raises NotPosted."""
    inputs = {name: environ.get(f"INPUT_{name.upper()}", "").strip() for name in FIELDS}
    if not inputs["message"] and inputs["incident"].lower() != "new":
        raise NotPosted("The message is empty; write what customers need to know, then run the workflow again.")
    site = _read(folder)
    member_id, name = poster(site, environ.get("GITHUB_ACTOR", ""))
    before = _changed_files(site.incidents)
    code, said = _run_supporttab(folder, _arguments(inputs, member_id), inputs["message"])
    if code != 0:
        raise NotPosted(_one_sentence(said), said)
    written = sorted(_changed_files(site.incidents) - before)
    if not written:
        raise NotPosted("supporttab wrote nothing; nothing was committed.")
    title = inputs["title"] if inputs["incident"].lower() == "new" else inputs["incident"]
    status = inputs["status"] or "investigating"
    subject = f"{status.capitalize()}: {title} (posted by {name} from GitHub Actions)"
    _git(folder, "add", "--", *written)
    _git(folder, "-c", f"user.name={name}", "-c",
         f"user.email={environ.get('GITHUB_ACTOR', member_id)}@users.noreply.github.com",
         "commit", "--quiet", "-m", subject, "-m", "Posted with the \"Post a status update\" workflow, signed as "
         f"{member_id} (GitHub: {environ.get('GITHUB_ACTOR')}).")
    return subject


def post_and_push(environ: dict[str, str], folder: Path, remote: str, attempts: int = PUSH_ATTEMPTS,
                  sleep: Callable[[float], None] = time.sleep) -> str:
    """Post, then push to `remote`'s main; when main moved on meanwhile, post again on the new main and retry."""
    for attempt in range(1, attempts + 1):
        subject = post_from_workflow(environ, folder)
        refusal = _push(folder, remote)
        if refusal is None:
            return subject
        if any(sign in refusal.lower() for sign in PROTECTED):
            raise NotPosted("GitHub's rules for main (branch protection or a ruleset) refused the push, so the update "
                            "was not posted; let the workflow push to main (Settings, Rules) or post by a pull "
                            "request.", _redacted(refusal))
        if "[rejected]" not in refusal:  # not a race (the network, the token): say so
            raise NotPosted("git push failed, so the update was not posted; run the workflow again.",
                            _redacted(refusal))
        if attempt == attempts:
            raise NotPosted(f"main kept changing while this ran ({attempts} tries), so the update was not posted; run "
                            "the workflow again.", _redacted(refusal))
        _git(folder, "fetch", "--quiet", remote, "main")
        _git(folder, "reset", "--quiet", "--hard", "FETCH_HEAD")  # drop our commit; post again on the new main
        sleep(attempt)
    raise AssertionError("unreachable")


def _push(folder: Path, remote: str) -> str | None:
    """None when pushed; else what git said."""
    done = subprocess.run(["git", "push", "--porcelain", remote, "HEAD:main"], cwd=folder, capture_output=True,
                          text=True, check=False)
    return None if done.returncode == 0 else done.stdout + done.stderr


def _redacted(text: str) -> str:
    """`text` without the credentials of an address (https://x-access-token:TOKEN@github.com)."""
    return re.sub(r"://[^/\s@]+@", "://", text)


def _read(folder: Path):
    try:
        return read_site(folder)
    except (UsageError, Refused) as error:
        raise NotPosted(str(error).splitlines()[0]) from None


def poster(site, actor: str) -> tuple[str, str]:
    """(member id, name) of the active team member whose `github` is `actor` (GitHub names ignore case)."""
    try:
        data = site.load_for_writing()
    except DataError as error:
        raise NotPosted(f"The site has problems to fix before anyone can post: {error.problems[0]}") from None
    team = data.team.members if data.team else {}
    found = [(mid, m) for mid, m in team.items() if m.github and m.github.lower() == actor.lower()]
    if len(found) > 1:
        raise NotPosted(f"Both {found[0][0]} and {found[1][0]} have `github: {actor}` in team/; keep it in one file.")
    if not found or not found[0][1].active:
        why = "is not an active member of the team" if found else "is not in the team"
        raise NotPosted(f"The GitHub user {actor or '(unknown)'} {why}, so cannot sign a status update; add "
                        f"`github: {actor}` to your file in team/ (by a pull request), then post again.")
    return found[0][0], found[0][1].name


def _arguments(inputs: dict[str, str], member: str) -> list[str]:
    """The command line a person would type. Every value goes after its option or after `--`, so no input can
    become an option; the message goes on standard input, so it is never read as @file."""
    promise = ["--next-update", inputs["next_update"]] if inputs["next_update"] else []
    if inputs["incident"].lower() == "new":
        components = [c for c in re.split(r"[\s,]+", inputs["components"]) if c]
        if not inputs["title"] or not components or not inputs["impact"]:
            raise NotPosted("A new incident needs a title, an impact and at least one component; fill them in, "
                            "then run the workflow again.")
        status = ["--status", inputs["status"]] if inputs["status"] else []
        return ["new", *[a for c in components for a in ("--component", c)], "--impact", inputs["impact"],
                "--author", member, *status, *promise, "--", "incident", inputs["title"]]
    if not inputs["incident"]:
        raise NotPosted("Say which incident this update is for (its id, like 2026-11-20-card-payments-failing), "
                        "or new.")
    if not inputs["status"]:
        raise NotPosted("Choose the update's status, then run the workflow again.")
    return ["update", "--status", inputs["status"], "--author", member, *promise, "--", inputs["incident"]]


def _run_supporttab(folder: Path, arguments: list[str], message: str) -> tuple[int, str]:
    """`supporttab ARGUMENTS` in `folder` in this process, as a script (no terminal): lint findings are printed,
    and an error-level finding refuses the write. Returns (exit code, everything it said)."""
    output = io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(message)
    try:
        with contextlib.chdir(folder), contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                code = supporttab(arguments)
            except SystemExit as exit:  # argparse: a wrong status, impact or time
                code = exit.code if isinstance(exit.code, int) else 2
    finally:
        sys.stdin = saved
    print(output.getvalue(), end="")
    return code, output.getvalue()


def _one_sentence(said: str) -> str:
    lines = [line for line in said.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or line.startswith("supporttab")]
    return (errors or lines or ["supporttab refused the update"])[-1].removeprefix("supporttab: ")


def _changed_files(folder: Path) -> set[str]:
    """Changed and new files under `folder` (the incidents: the only files a post writes), as git names them."""
    status = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", ".")
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    return {str(top / line[3:]) for line in status.splitlines() if line}


def _git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        raise NotPosted(_redacted(f"git {arguments[0]} failed: {said}"))
    return done.stdout


def _summary(environ: dict[str, str], text: str) -> None:
    path = environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text + "\n")


def workflow_command_data(text: str) -> str:
    """`text` as the data of a workflow command (::error::…): %, CR and LF escaped, so it cannot end the command
    or start another one."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main() -> int:
    environ = dict(os.environ)
    try:
        remote = environ.get("PUSH_REMOTE")
        subject = post_and_push(environ, Path.cwd(), remote) if remote else post_from_workflow(environ, Path.cwd())
    except NotPosted as refusal:
        print(f"::error title=Not posted::{workflow_command_data(str(refusal))}")
        details = refusal.details.replace("`", "'").strip()
        _summary(environ, f"### Not posted\n\n{refusal}\n\nNothing was written or committed."
                 + (f"\n\n<details><summary>What supporttab said</summary>\n\n```text\n{details}\n```\n</details>"
                    if details.count("\n") else ""))
        return 1
    _summary(environ, f"### Posted\n\n{subject}\n\nThe publish workflow puts it on the site and announces it.")
    print(subject)
    return 0


if __name__ == "__main__":
    sys.exit(main())
