"""Two builds of the same inputs with the same SOURCE_DATE_EPOCH write byte-identical sites."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_example_site, run_mkdocs_build


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_same_inputs_and_clock_give_a_byte_identical_site(tmp_path: Path) -> None:
    first = copy_example_site(tmp_path / "first")
    second = copy_example_site(tmp_path / "second")
    assert run_mkdocs_build(first).returncode == 0
    assert run_mkdocs_build(second).returncode == 0
    one, two = snapshot(first / "site"), snapshot(second / "site")
    assert len(one) > 50
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
