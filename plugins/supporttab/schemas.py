"""JSON Schema for every authored file kind, generated from the models, for editors' YAML support."""

from __future__ import annotations

import json
from pathlib import Path

from .model import FILE_KINDS

SCHEMA_DIR = Path(__file__).parent / "schemas"


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
