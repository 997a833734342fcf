"""The two hosts, MkDocs and ProperDocs (its maintained fork), write the same site byte for byte, but for the
generator line each names itself in. That is why the browser tests run once, on MkDocs: what a reader's browser
gets is the same file whichever host built it (`make test-properdocs` runs the rest of the suite on ProperDocs)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HOST, copy_example_site
from test_translations import set_languages

# It builds with both hosts itself: the ProperDocs pass need not do it again.
pytestmark = pytest.mark.skipif(HOST != "mkdocs", reason="builds with both hosts itself, in the MkDocs pass")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(host: str, source: Path) -> dict[str, bytes]:
    """`HOST build --strict` of `source` as its own process; returns every file written, the generator line blanked."""
    process = subprocess.run([sys.executable, "-m", host, "build", "--strict", "-f", "mkdocs.yml"], cwd=source,
                             capture_output=True, text=True, timeout=300,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert process.returncode == 0, process.stderr
    site = source / "site"
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"<generator>", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("languages", [None, "[en, de, ar]"], ids=["example", "three-languages"])
def test_mkdocs_and_properdocs_write_the_same_site(tmp_path: Path, languages: str | None) -> None:
    written = {}
    for host in ("mkdocs", "properdocs"):
        source = copy_example_site(tmp_path / host)
        if languages:
            set_languages(source, languages)
        written[host] = build_with(host, source)
    mkdocs, properdocs = written["mkdocs"], written["properdocs"]
    assert len(mkdocs) > 50 and "index.html" in mkdocs
    assert ("ar/status/index.html" in mkdocs) == bool(languages)
    assert b"<generator>" in mkdocs["index.html"]  # the one line that differs was there, and is the only one
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []
