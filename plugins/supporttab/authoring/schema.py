"""JSON Schema for every authored file kind, generated from the models, for editors' YAML support; and
`supporttab schema`, which writes them or checks that they are current."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..hub.model import Hub
from ..status.model import Components, Incident, Maintenance
from ..team.model import Member
from .site import UsageError

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
# Every authored file kind, by the name its schema file takes.
FILE_KINDS = {"hub": Hub, "components": Components, "incident": Incident, "maintenance": Maintenance,
              "member": Member}


def render_schema(kind: str) -> str:
    """The JSON Schema text of one file kind, stable byte for byte across runs."""
    schema = FILE_KINDS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write `<kind>.schema.json` for every kind into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(render_schema(kind), encoding="utf-8")
        written.append(path)
    return written


def command_schema(args: argparse.Namespace, site: object = None) -> int:
    """Write the schemas, or with --check say which are stale (the site is not needed)."""
    folder = Path(args.out) if args.out else SCHEMA_DIR
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {args.out} is a file; name a folder for the schemas")
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

