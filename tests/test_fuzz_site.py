"""Property-based fuzzing across files: one value anywhere in the example changed to something odd, then the
whole site loaded and every derived view built. The only outcomes: a site, or our located problems."""

from __future__ import annotations

import copy
import functools
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import EXAMPLE, NOW, copy_example_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from supporttab.config import Options
from supporttab.core.problems import DataError
from supporttab.hub.view import PageLink, build_hub_view
from supporttab.site import load_site
from supporttab.status.index import build_status_index
from supporttab.status.summary import summarize
from supporttab.team.view import build_team_view

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
AUTHORED = [EXAMPLE / "content" / "hub.yml", *sorted((EXAMPLE / "incidents").rglob("*.yml")),
            *sorted((EXAMPLE / "team").glob("*.yml"))]


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, (*path, index))
    else:
        yield path


LEAVES = [(file.relative_to(EXAMPLE).as_posix(), leaf) for file in AUTHORED
          for leaf in _leaves(yaml.safe_load(file.read_text(encoding="utf-8")))]
ODD_VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["", " ", "-", "~", "0", "../x.jpg", "/etc/passwd",
                                                              "2026-13-45", "9999-12-31T23:59:59+14:00"]),
                       st.none(), st.integers(), st.booleans(), st.lists(st.text(max_size=5), max_size=2),
                       st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))


def _set(document, path, value):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _check_site(site: Path) -> None:
    """Load the site and build every view the pages are made from: a site, or located problems, nothing else."""
    try:
        data = load_site(site, site / "content", Options(hub="content/hub.yml", timezone="Europe/London"), NOW)
    except DataError as error:
        assert error.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)
        return
    status = build_status_index(data.status, now=NOW, zone=ZoneInfo("Europe/London"), render=escape)
    assert summarize(status).headline
    assert build_team_view(data.team, {}, 240, 300).portrait_size == (240, 300)
    pages = {p.relative_to(site / "content").as_posix(): PageLink(p.stem, p.stem + "/")
             for p in (site / "content").rglob("*.md")}
    assert build_hub_view(data.hub, data.page_views, pages, site_url=None, now=NOW) is not None


@functools.cache
def _example(name: str):
    """An example file as plain data, parsed once: the sweep changes a copy of it thousands of times."""
    return yaml.load((EXAMPLE / name).read_text(encoding="utf-8"), Loader=_LOADER)


def _with_value(site: Path, name: str, path: tuple, value) -> None:
    document = copy.deepcopy(_example(name))
    _set(document, path, value)
    (site / name).write_text(yaml.dump(document, Dumper=_DUMPER, allow_unicode=True), encoding="utf-8")


SWEEP = ["", " ", "-", "~", None, 0, True, ["x"], {"a": "b"}, "../x"]


@pytest.mark.parametrize("name", sorted({name for name, _ in LEAVES}))
def test_every_value_of_a_file_swapped_for_each_odd_value(tmp_path: Path, name: str) -> None:
    site = copy_example_site(tmp_path / "site")
    original = (site / name).read_bytes()
    for leaf_name, path in LEAVES:
        if leaf_name != name:
            continue
        for value in SWEEP:
            _with_value(site, name, path, value)
            _check_site(site)
    (site / name).write_bytes(original)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(leaf=st.sampled_from(LEAVES), value=ODD_VALUES)
def test_one_random_value_anywhere_gives_a_site_or_located_problems(leaf, value) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = copy_example_site(Path(folder) / "site")
        _with_value(site, *leaf, value)
        _check_site(site)
