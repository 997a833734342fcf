"""`supporttab check`: every authored file validated, photos framed as the build frames them, the communication
linted and, with --since, published history guarded, only the changed files' wording read and the standing
warnings on closed incidents in the other files counted in one line; findings as text, JSON or GitHub
annotations."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

from ..core.clock import build_time
from ..core.i18n import fallback_warning, load_language
from ..core.problems import DataError
from ..hub.articles import metadata_warnings
from ..site import SiteData
from ..status.load import StatusData
from ..team.photos import make_headshots
from .guard import GitError, changed_since, guard_history, text_at
from .lint import Finding, lint_site, still_open, wording_notice
from .site import Site, UsageError, lint_settings, lint_settings_in


def command_check(args: argparse.Namespace, site: Site) -> int:
    findings: list[Finding] = []
    published, changed, settings = _guard(args.since, site)
    older: list[Finding] = []
    try:
        data = site.load(keep_documents=True)
    except DataError as error:  # the valid files are still checked: warnings do not wait for every error's fix
        data = error.partial if isinstance(error.partial, SiteData) else None
        findings += [Finding("invalid-data", "error", p.file, p.line, p.column,
                             f"{p.field}: {p.message}" if p.field else p.message) for p in error.problems]
    findings += [Finding("article-metadata", "warning", w.file, w.line, w.column, f"{w.field}: {w.message}")
                 for w in metadata_warnings(site.root, site.docs_dir)]
    findings += _language_warnings(site)
    if data is not None:
        if data.team:
            _, photo_warnings = make_headshots(data.team, site.options, site.root)  # as the build will
            findings += [Finding("photo", "warning", w.file, w.line, w.column, f"{w.field}: {w.message}")
                         for w in data.team.warnings + photo_warnings]
        if data.status:
            linted = lint_site(data, site.options.lint, site.language, wording=changed)
            shown, older = _set_aside_older(linted, None if settings else changed, data.status)
            findings += shown
    findings += published
    style = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    _notify(wording_notice(site.language), style)
    _report(findings, style, _older_notice(older))
    return 1 if any(f.severity == "error" for f in findings) else 0


def _language_warnings(site: Site) -> list[Finding]:
    """The build's warning for each of the site's languages Support Tab has no catalog for, at the line that
    chose it."""
    lines = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    findings = []
    for tag in site.languages:
        language = load_language(tag)
        if not language.fallback:
            continue
        chosen = re.compile(rf"\s*languages?\s*:.*?(?<![\w-]){re.escape(tag)}(?![\w-])")
        line = next((n for n, text in enumerate(lines, start=1) if chosen.match(text)), 1)
        column = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1 if lines else 1
        findings.append(Finding("language", "warning", "mkdocs.yml", line, column, fallback_warning(language)))
    return findings


def _guard(since: str | None, site: Site) -> tuple[list[Finding], set[str] | None, bool]:
    """With --since: the changes to published history; the incident files new or edited since then, the only
    ones whose wording is read (what was published can no longer be reworded: its warnings were shown when it
    was written, and repeating them on every merge helps no one); and whether mkdocs.yml changed. Without:
    nothing, and every file is read."""
    if not since:
        return [], None, False
    try:
        return (guard_history(site.root, site.incidents, since, build_time(), site.languages[0]),
                changed_since(site.root, site.incidents, since), _settings_changed(site, since))
    except GitError as error:
        raise UsageError(str(error)) from None


def _settings_changed(site: Site, since: str) -> bool:
    """Whether the lint rules' settings in mkdocs.yml, as read, differ from those at the revision `since` (renaming
    the site changes no warning). Asked of the repository the guard reads; when mkdocs.yml is not in it (the
    incidents folder is a repository of its own), or git or the file at `since` cannot be read, they count as
    changed: listing every warning is the safe side."""
    before = text_at(site.incidents, since, site.root / "mkdocs.yml")
    return before is None or lint_settings_in(before) != lint_settings(site.options)


def _open_files(status: StatusData) -> set[str]:
    """The files of the incidents and maintenance still open: during an outage a late promise on the other open
    incident is what the author must see, whatever file their change touched."""
    events = [*status.incidents.items(), *status.maintenances.items()]
    return {status.documents[event_id].file for event_id, event in events if still_open(event)}


def _set_aside_older(findings: list[Finding], changed: set[str] | None, status: StatusData
                     ) -> tuple[list[Finding], list[Finding]]:
    """The lint findings to show (every error, and the warnings in the incident and maintenance files in `changed`
    or still open) and the warnings set aside, which stood on closed incidents before the change; all are shown
    when `changed` is None. The author needs what their change caused and what is late now, not the same hundred
    warnings on old incidents at every merge. The rules on data read nothing but the event, the clock and the
    rules' settings in mkdocs.yml: a change to those settings shows all (the caller passes None)."""
    if changed is None:
        return findings, []
    shown = changed | _open_files(status)
    older = [f for f in findings if f.severity == "warning" and f.file not in shown]
    return [f for f in findings if f.severity != "warning" or f.file in shown], older


def _older_notice(older: list[Finding]) -> str | None:
    """One line for the warnings `check --since` set aside, counted by rule."""
    if not older:
        return None
    rules = ", ".join(f"{rule} {count}" for rule, count in sorted(Counter(f.rule for f in older).items()))
    many, files = len(older) != 1, len({f.file for f in older})
    where = f"{files} closed incidents" if files != 1 else "a closed incident"
    return (f"{len(older)} older warning{'s' * many} on {where} this change did not touch ({rules}); run "
            f"`supporttab check` to see {'them' if many else 'it'}")


def _notify(notice: str | None, style: str, title: str = "wording rules") -> None:
    """A notice is neither an error nor a warning: said once, beside the findings (on standard error, so JSON on
    standard output stays JSON), or as a GitHub notice annotation."""
    if notice and style == "github":
        print(f"::notice title={title}::{notice}")
    elif notice:
        print(f"supporttab: notice: {notice}", file=sys.stderr)


def _report(findings: list[Finding], style: str, older: str | None) -> None:
    """The findings, then the line on older warnings (if any) and, but in JSON, the counts."""
    if style == "json":
        shown = [{key: value for key, value in f.__dict__.items() if key != "where"} for f in findings]
        print(json.dumps(shown, indent=2, ensure_ascii=False))
    for finding in findings if style != "json" else ():
        if style == "github":
            message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::{finding.severity} file={finding.file},line={finding.line},col={finding.column},"
                  f"title={finding.rule}::{message}")
        else:
            print(finding)
    _notify(older, style, title="older warnings")
    if style == "json":
        return
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    summary = "supporttab: every authored file is valid" if not findings else \
        f"supporttab: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(summary, file=sys.stderr if findings else sys.stdout)

