"""The `supporttab` command line: parses the arguments and hands them to the command. Never imports mkdocs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core.i18n import SOURCE_LANGUAGE, load_language, use_language
from ..core.problems import DataError, suggest
from ..core.rules import RULES
from ..core.vocabulary import (
    IMPACTS,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    OPENING_STATUSES,
    SOURCES,
)
from .check import command_check
from .files import WriteFailed
from .schema import SCHEMA_DIR, command_schema
from .site import Refused, Site, UsageError, read_site

WRITERS = ("new", "update", "resolve", "postmortem", "maintenance")  # one at a time per site, under its lock

EXAMPLES = {
    "check": """examples:
  supporttab check                          validate every file, then lint the communication
  supporttab check --since origin/main      also refuse edits to published updates
  supporttab check --format json            findings as JSON (github: annotations for pull requests)""",
    "schema": """examples:
  supporttab schema                         regenerate the JSON Schemas shipped in the package
  supporttab schema --check                 fail if the shipped schemas differ from the models""",
    "new": """examples:
  supporttab new incident "Card payments failing" --component card-payments --impact major --author patty
  supporttab new incident "Slow exports" --component pdf-exports --impact minor --author bob \\
      --next-update 30m "Exports take minutes instead of seconds. We are on it."
  (without a message, a plain acknowledgement naming the components is written for you)""",
    "update": """examples:
  supporttab update 2026-11-20-card-payments --status identified --author patty "We found the cause..."
  supporttab update 2026-11-20-card-payments --status monitoring --author bob \\
      --component card-payments=operational --next-update 1h "Payments work again; we are watching."
  echo "Text from a file or another tool" | supporttab update ID --status monitoring --author bob""",
    "resolve": """examples:
  supporttab resolve 2026-11-20-card-payments --author bob "Card payments work normally again. ..."
  (for a maintenance, resolve marks it completed)""",
    "postmortem": """examples:
  supporttab postmortem 2026-11-20-card-payments --author patty \\
      --apology @apology.md --cause @cause.md --prevention @prevention.md""",
    "maintenance": """examples:
  supporttab maintenance "Database upgrade" --component api --start 2026-12-06T02:00+00:00 \\
      --end 2026-12-06T03:00+00:00 --author patty "The API is read-only for up to 10 minutes."
  supporttab update 2026-12-06-database-upgrade --status in_progress --author bob "Started." """,
    "notify": """examples:
  supporttab notify --ledger announced.json --dry-run    show every post that would go out, send nothing
  supporttab notify --ledger announced.json              announce what the ledger does not list yet, once
  supporttab notify --start-after now                    first run: count everything so far as announced""",
}


def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and one parser per command (each parses its options and text in any order)."""
    top = argparse.ArgumentParser(prog="supporttab", description="Author and check a Support Tab site. "
                                  f"Lint rules: {', '.join(RULES)}. Run `supporttab COMMAND --help` for examples.")
    top.add_argument("--site", default=".", help="folder holding mkdocs.yml (default: this folder)")
    top.add_argument("command", type=_one_of(list(EXAMPLES), "a command"), metavar="COMMAND", help=", ".join(EXAMPLES))
    top.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parsers: dict[str, argparse.ArgumentParser] = {}

    def command(name: str, help_text: str, run) -> argparse.ArgumentParser:
        sub = argparse.ArgumentParser(prog=f"supporttab {name}", description=help_text, epilog=EXAMPLES[name],
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--site", default=None, help="folder holding mkdocs.yml")
        sub.set_defaults(run=run)
        parsers[name] = sub
        return sub

    check = command("check", "validate every authored file and lint the communication", command_check)
    check.add_argument("--format", type=_one_of(("text", "json", "github"), "a format"),
                       help="output format (default: github inside GitHub Actions, else text)")
    check.add_argument("--since", metavar="GIT_REF", help="also check that no published update changed since "
                                                          "this git revision; list the lint rules' warnings on "
                                                          "closed incidents only in the incident files changed "
                                                          "since, and count the others; list everything else")

    schema = command("schema", "write the JSON Schemas editors use", command_schema)
    schema.add_argument("--out", help=f"folder to write to (default: the package's {SCHEMA_DIR.name}/)")
    schema.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 if stale")

    new = command("new", "open an incident with its acknowledgement, stamped now", command_post)
    new.add_argument("kind", type=_one_of(("incident",), "something `new` can open"),
                     help="what to open (maintenance has its own command)")
    new.add_argument("title", help="what is wrong, in customers' words")
    new.add_argument("message", nargs="?", help="the acknowledgement (default: one is written for you)")
    new.add_argument("--component", action="append", required=True, help="an affected component id (repeat)")
    new.add_argument("--impact", required=True, type=_one_of(IMPACTS, "an impact"),
                     help="none, minor, major or critical")
    new.add_argument("--author", required=True, help="your id in team/")
    new.add_argument("--region", action="append", default=[], help="an affected region id (repeat)")
    new.add_argument("--source", type=_one_of(SOURCES, "a source"),
                     help="internal or external: where the cause lies, if known")
    new.add_argument("--status", default="investigating",
                     type=_one_of(OPENING_STATUSES, "an opening status"),
                     help="investigating (the default) or identified")
    new.add_argument("--started-at", help="when customers were first affected, with its UTC offset")
    new.add_argument("--next-update", help="when the next update will come: 30m, 1h, or a time")

    update = command("update", "append a signed, time-stamped update", command_post)
    _update_arguments(update, with_status=True)

    resolve = command("resolve", "append the resolving update (completes a maintenance)", command_post)
    _update_arguments(resolve, with_status=False)

    postmortem = command("postmortem", "add the postmortem to a resolved incident", command_post)
    postmortem.add_argument("id", help="the incident's id (its file name)")
    postmortem.add_argument("--author", required=True, help="your id in team/")
    for name, what in (("apology", "saying sorry, and for what"), ("cause", "how it came about and was handled"),
                       ("prevention", "what changes so it does not happen again")):
        postmortem.add_argument(f"--{name}", required=True, help=f"Markdown {what}; @file.md reads a file")

    maintenance = command("maintenance", "schedule a maintenance window", command_post)
    maintenance.add_argument("title")
    maintenance.add_argument("message", nargs="?", help="what will happen and what customers will notice")
    maintenance.add_argument("--component", action="append", required=True)
    maintenance.add_argument("--region", action="append", default=[])
    maintenance.add_argument("--start", required=True, help="with its UTC offset, like 2026-12-06T02:00+00:00")
    maintenance.add_argument("--end", required=True)
    maintenance.add_argument("--author", required=True)

    notify = command("notify", "announce each new update once on every channel in mkdocs.yml", command_notify)
    notify.add_argument("--ledger", metavar="FILE", help="what was announced before, updated as notify sends "
                                                         "(default: .supporttab-cache/announced.json)")
    notify.add_argument("--start-after", metavar="TIME", help="count every update up to this time (or now) as "
                                                             "announced: the first run, or a ledger that is wrong")
    notify.add_argument("--dry-run", action="store_true", help="print exactly what would be sent; send nothing")
    return top, parsers


def _one_of(choices: tuple[str, ...] | list[str], what: str):
    """An argument type that accepts one of `choices` and suggests the closest one for a typo; `what` reads
    like "an impact"."""

    def parse(text: str) -> str:
        if text not in choices:
            hint = suggest(text, choices, f"choose one of {', '.join(choices)}")
            raise argparse.ArgumentTypeError(f"'{text}' is not {what}; {hint}")
        return text

    return parse


def _update_arguments(parser: argparse.ArgumentParser, *, with_status: bool) -> None:
    parser.add_argument("id", help="the incident's or maintenance's id (its file name)")
    parser.add_argument("message", nargs="?", help="the update (default: standard input, or $EDITOR)")
    if with_status:
        parser.add_argument("--status", required=True,
                            help=f"{', '.join(INCIDENT_STATUSES)}; for maintenance {', '.join(MAINTENANCE_STATUSES)}")
    parser.add_argument("--author", required=True, help="your id in team/")
    parser.add_argument("--component", action="append", help="a component's new state, like api=operational")
    parser.add_argument("--next-update", help="when the next update will come: 30m, 1h, or a time")
    parser.add_argument("--correction", action="store_true", help="this update corrects an earlier one")


# The commands that write or announce import what only they need (the editor and the review; every channel's
# requests) when they run: `check`, on the publish path, does not wait for it.
def command_post(args: argparse.Namespace, site: Site) -> int:
    from .write import command_post as post
    return post(args, site)


def command_notify(args: argparse.Namespace, site: Site) -> int:
    from .notify import command_notify as notify
    return notify(args, site)


def take_texts(args: argparse.Namespace, site: Site) -> None:
    from .write import take_texts as take
    take(args, site)


def main(argv: list[str] | None = None) -> int:
    top, parsers = build_parsers()
    first = top.parse_args(sys.argv[1:] if argv is None else argv)
    args = parsers[first.command].parse_intermixed_args(first.arguments)
    try:
        site = read_site(Path(args.site or first.site)) if first.command != "schema" else None
        # What a command writes for customers (the default acknowledgement, the posts) is in the site's language.
        with use_language(load_language(site.language if site else SOURCE_LANGUAGE)):
            if first.command not in WRITERS:
                return args.run(args, site)
            args.command = first.command
            take_texts(args, site)  # before the lock: the editor, and the question about the linter's findings
            with site.writing():
                return args.run(args, site)
    except UsageError as error:
        print(f"supporttab: {error}", file=sys.stderr)
        return 2
    except (Refused, DataError) as error:
        print(error, file=sys.stderr)
        return 1
    except WriteFailed as error:
        print(f"supporttab: {error}; nothing was written", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into a command that stopped reading, like `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
