"""JSON Schemas for editors: generated from the models, published on the site, matching the examples."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE, REPO

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
EXAMPLE_YAML = sorted(path for folder in ("content", "team", "incidents") for path in (EXAMPLE / folder).rglob("*.yml"))


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML the way editors' language servers do (YAML 1.2): dates stay text, only true/false are bools."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def test_there_are_example_files_to_check() -> None:
    assert EXAMPLE / "content" / "hub.yml" in EXAMPLE_YAML


@pytest.mark.parametrize("path", EXAMPLE_YAML, ids=lambda p: str(p.relative_to(REPO)))
def test_example_file_names_its_schema_and_validates_against_the_published_one(path: Path,
                                                                                built_example: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = SCHEMA_LINE.search(text)
    assert match, f"{path} has no yaml-language-server schema line"
    referenced = (path.parent / match[1]).resolve()
    published = built_example / "schemas" / referenced.name
    assert referenced.read_bytes() == published.read_bytes()
    schema = json.loads(published.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(yaml.load(text, Loader=Yaml12Loader))


def test_published_schema_rejects_what_the_loader_rejects(built_example: Path) -> None:
    schema = json.loads((built_example / "schemas" / "hub.schema.json").read_text(encoding="utf-8"))
    data = yaml.load((EXAMPLE / "content" / "hub.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader)
    data["help_from_us"]["channels"][0]["kind"] = "pigeon"
    data["organization"]["nmae"] = "typo"
    errors = sorted(error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == ["'pigeon' is not one of ['phone', 'email', 'chat', 'form']",
                      "Additional properties are not allowed ('nmae' was unexpected)"]


def test_schema_command_regenerates_the_shipped_schemas_identically(tmp_path: Path) -> None:
    shipped = REPO / "plugins" / "supporttab" / "schemas"
    result = subprocess.run([sys.executable, "-m", "supporttab.authoring.cli", "schema", "--out", str(tmp_path)],
                            capture_output=True, text=True, check=True)
    written = sorted(tmp_path.glob("*.schema.json"))
    assert [p.name for p in written] == sorted(p.name for p in shipped.glob("*.schema.json"))
    assert str(tmp_path / "hub.schema.json") in result.stdout
    for path in written:
        assert path.read_bytes() == (shipped / path.name).read_bytes()


def test_schema_check_fails_when_a_schema_is_stale(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "supporttab.authoring.cli", "schema", "--out", str(tmp_path)], check=True,
                   capture_output=True)
    fresh = subprocess.run([sys.executable, "-m", "supporttab.authoring.cli", "schema", "--check", "--out", str(tmp_path)],
                           capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    (tmp_path / "hub.schema.json").write_text("{}\n", encoding="utf-8")
    stale = subprocess.run([sys.executable, "-m", "supporttab.authoring.cli", "schema", "--check", "--out", str(tmp_path)],
                           capture_output=True, text=True)
    assert stale.returncode == 1
    assert stale.stderr == f"{tmp_path / 'hub.schema.json'}: out of date; run `supporttab schema`\n"


@pytest.mark.parametrize("schema_name", ["hub.schema.json", "member.schema.json"])
@pytest.mark.parametrize(("spoken", "flagged"), [
    ("123", True), ("", True), ("  ", True), ("fr", False), ("pt-BR", False), ("French", False),
    ("Bokmål", False), ("Mandarin", False),
])
def test_published_schemas_flag_a_spoken_language_that_is_no_word(schema_name: str, spoken: str,
                                                                  flagged: bool) -> None:
    """What an editor shows while typing a channel's or member's `languages:`: the loader refuses "123" and blanks
    with a sentence of its own; the schema at least marks them."""
    schema = json.loads((REPO / "plugins" / "supporttab" / "schemas" / schema_name).read_text(encoding="utf-8"))
    item = _find_languages_item(schema)
    errors = list(jsonschema.Draft202012Validator(item).iter_errors(spoken))
    assert bool(errors) is flagged


def _find_languages_item(node: object) -> dict:
    """The schema of one item of the first `languages` property found in `node`."""
    if isinstance(node, dict):
        languages = node.get("properties", {}).get("languages")
        if isinstance(languages, dict) and "items" in languages:
            return languages["items"]
        for value in node.values():
            found = _find_languages_item(value)
            if found:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find_languages_item(value)
            if found:
                return found
    return {}
