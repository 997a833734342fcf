"""YAML abuse and fuzzing through the loader: bounded time and memory, a clear error, nothing executed, and
never any outcome but a valid model or our located problems."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from supporttab.authoring.schema import FILE_KINDS
from supporttab.core.problems import Problem
from supporttab.core.validate import load_model
from supporttab.core.yamlread import parse_yaml

BOUNDED = textwrap.dedent("""
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))  # 1 GiB
    from pathlib import Path
    from supporttab.core.validate import load_model
    from supporttab.hub.model import Hub
    start = time.perf_counter()
    model, doc = load_model(Path(sys.argv[1]), "hub.yml", Hub)
    print(round(time.perf_counter() - start, 2))
    print("\\n".join(str(p) for p in doc.problems))
""")


def load_bounded(tmp_path: Path, content: bytes) -> tuple[float, list[str]]:
    """Load `content` as a hub file in a child process limited to 1 GiB and 20 seconds."""
    path = tmp_path / "hub.yml"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-c", BOUNDED, str(path)], capture_output=True, text=True, timeout=20)
    assert result.returncode == 0, result.stderr
    seconds, *problems = result.stdout.splitlines()
    return float(seconds), problems


def test_billion_laughs_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    seconds, problems = load_bounded(tmp_path, "\n".join(lines).encode())
    assert seconds < 2
    assert problems == ["hub.yml:2:8: aliases (`*name`) are not supported; write the value out in full"]


def test_very_deep_nesting_is_refused_without_exhausting_the_stack(tmp_path: Path) -> None:
    seconds, problems = load_bounded(tmp_path, b"a: " + b"[" * 100_000 + b"]" * 100_000)
    assert seconds < 5
    assert problems == ["hub.yml:1:43: the data nests deeper than 40 levels; flatten it"]


def test_a_50_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    seconds, problems = load_bounded(tmp_path, b"description: " + b"x" * (50 * 1024 * 1024) + b"\n")
    assert seconds < 5
    assert problems == ["hub.yml:1:1: the file is 52,428,814 bytes, over the limit of 2,097,152; split it into "
                        "smaller files"]


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    content = f"organization: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    _, problems = load_bounded(tmp_path, content)
    assert problems == ["hub.yml:1:15: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
                        "remove it and write a plain value"]
    assert not marker.exists()


# --- property-based fuzzing --------------------------------------------------------------------------------

def _field_names() -> list[str]:
    """Every field name of every model, nested ones included: the keys a fuzzer should try."""
    names: set[str] = set()
    schemas = [model.model_json_schema() for model in FILE_KINDS.values()]
    for schema in schemas:
        for definition in [schema, *schema.get("$defs", {}).values()]:
            names.update(definition.get("properties", {}))
    return sorted(names)


KEYS = st.one_of(st.sampled_from(_field_names()), st.text(min_size=1, max_size=12))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
                    st.sampled_from(["2026-11-23T09:00:00+00:00", "2026-11-23T09:00:00", "2026-12-25", "09:00-17:00",
                                     "+1 415 555 0100", "https://example.com", "javascript:x", "investigating",
                                     "major", "api", "phone", "closed", "yes", "no", "~", ""]))
DOCUMENTS = st.recursive(SCALARS, lambda children: st.one_of(st.lists(children, max_size=4),
                                                             st.dictionaries(KEYS, children, max_size=6)),
                         max_leaves=25)


def _check_outcome(text: bytes, kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.yml"
    path.write_bytes(text)
    model, doc = load_model(path, f"{kind}.yml", FILE_KINDS[kind])
    if model is None:
        assert doc.problems and all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in doc.problems)
        assert all(str(p).startswith(f"{kind}.yml:") for p in doc.problems)
    else:
        assert not doc.problems


FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(kind=st.sampled_from(sorted(FILE_KINDS)), document=DOCUMENTS)
def test_fuzzed_documents_give_a_model_or_located_problems(tmp_path: Path, kind: str, document) -> None:
    _check_outcome(yaml.safe_dump(document, allow_unicode=True).encode(), kind, tmp_path)


@FUZZ
@given(kind=st.sampled_from(sorted(FILE_KINDS)), raw=st.binary(max_size=300))
def test_fuzzed_bytes_give_a_model_or_located_problems(tmp_path: Path, kind: str, raw: bytes) -> None:
    _check_outcome(raw, kind, tmp_path)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}&*!|>'\"#%@`,?") + ["\u00e9", "\u2028"]),
                    max_size=120))
def test_fuzzed_yaml_syntax_never_escapes_the_reader(text: str) -> None:
    doc = parse_yaml(text.encode(), "fuzz.yml")
    assert all(p.line >= 1 and p.column >= 1 for p in doc.problems)
