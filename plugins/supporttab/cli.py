"""The `supporttab` command for comms staff and CI. It reuses the core and never imports mkdocs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .config import Options
from pydantic import ValidationError

from .clock import build_time
from .load import explain_error
from .site import load_site
from .problems import DataError, format_field_path
from .schemas import SCHEMA_DIR, render_schema, write_schemas
from .model import FILE_KINDS

EPILOG_CHECK = """examples:
  supporttab check                 validate every authored file of the site in this folder
  supporttab check --site ../web   the same for the site whose mkdocs.yml is in ../web
"""
EPILOG_SCHEMA = """examples:
  supporttab schema                regenerate the JSON Schemas shipped in the package
  supporttab schema --check        fail if the shipped schemas differ from the models
  supporttab schema --out schemas  write them into another folder
"""


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags matter to MkDocs but not to us."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(site: Path) -> tuple[Path, Path, Options]:
    """(site root, docs dir, plugin options) from the mkdocs.yml in `site`."""
    config_path = site / "mkdocs.yml"
    if not config_path.is_file():
        raise SystemExit(f"supporttab: no mkdocs.yml in {site.resolve()}; run this in the site's folder or "
                         "pass --site")
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    options: dict = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "supporttab" in entry:
            options = dict(entry["supporttab"] or {})
    options.pop("enabled", None)
    try:
        parsed = Options.model_validate(options)
    except ValidationError as error:
        lines = [f"mkdocs.yml: plugins.supporttab.{format_field_path(tuple(d['loc']))}: {explain_error(d)}"
                 for d in error.errors()]
        raise SystemExit("\n".join(lines)) from None
    return site.resolve(), (site / config.get("docs_dir", "docs")).resolve(), parsed


def command_check(args: argparse.Namespace) -> int:
    root, docs_dir, options = site_settings(Path(args.site))
    try:
        load_site(root, docs_dir, options, build_time())
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print("supporttab: every authored file is valid")
    return 0


def command_schema(args: argparse.Namespace) -> int:
    folder = Path(args.out) if args.out else SCHEMA_DIR
    if not args.check:
        for path in write_schemas(folder):
            print(path)
        return 0
    stale = [kind for kind in FILE_KINDS
             if not (folder / f"{kind}.schema.json").is_file()
             or (folder / f"{kind}.schema.json").read_text(encoding="utf-8") != render_schema(kind)]
    for kind in stale:
        print(f"{folder / f'{kind}.schema.json'}: out of date; run `supporttab schema`", file=sys.stderr)
    return 1 if stale else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="supporttab", description="Author and check a Support Tab site.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every authored file", epilog=EPILOG_CHECK,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--site", default=".", help="folder holding mkdocs.yml (default: this folder)")
    check.set_defaults(run=command_check)

    schema = commands.add_parser("schema", help="write the JSON Schemas editors use", epilog=EPILOG_SCHEMA,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    schema.add_argument("--out", help=f"folder to write to (default: the package's {SCHEMA_DIR.name}/)")
    schema.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 if stale")
    schema.set_defaults(run=command_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
