"""The package's layout holds: the import-linter contracts in pyproject.toml (no cycles, one-way layers, only the
plugin imports MkDocs), and every template of ours prints inside autoescape."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from jinja2 import Environment, nodes

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "plugins" / "supporttab"
LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on the package under `root`/plugins, with the contracts of `root`/pyproject.toml."""
    assert LINT_IMPORTS, "import-linter is not installed beside the interpreter running the tests"
    return subprocess.run([LINT_IMPORTS, "--config", str(root / "pyproject.toml"), "--no-cache"], cwd=root,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root / "plugins")})


def test_the_layering_contracts_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 kept, 0 broken" in result.stdout


def test_the_contracts_catch_a_hidden_cycle_and_mkdocs_below_the_plugin(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "plugins" / "supporttab", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "pyproject.toml", tmp_path)
    clock = tmp_path / "plugins" / "supporttab" / "core" / "clock.py"
    clock.write_text(clock.read_text() + "\n\ndef _later():\n    from ..status import index  # noqa\n")
    model = tmp_path / "plugins" / "supporttab" / "status" / "model.py"
    model.write_text(model.read_text() + "\n\ndef _later():\n    import mkdocs  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    summary = " ".join(result.stdout.split("Broken contracts")[0].split())
    assert "5 kept, 3 broken" in summary
    for contract in ("No import cycles between modules or packages, function-level imports included BROKEN",
                     "the options, the core BROKEN", "Only the plugin imports MkDocs, mkdocs-material or Jinja BROKEN"):
        assert contract in summary
    assert "supporttab.core.clock -> supporttab.status.index" in result.stdout


# --- templates ---------------------------------------------------------------------------------------------


def unescaped_outputs(source: str) -> list[int]:
    """Lines of `{{ ... }}` expressions that print outside an `{% autoescape true %}` block."""
    found: list[int] = []

    def walk(node: nodes.Node, escaped: bool) -> None:
        if isinstance(node, nodes.ScopedEvalContextModifier):
            escaped = any(o.key == "autoescape" and isinstance(o.value, nodes.Const) and o.value.value is True
                          for o in node.options)
        if isinstance(node, nodes.Output) and not escaped:
            found.extend(child.lineno for child in node.nodes if not isinstance(child, nodes.TemplateData))
        for child in node.iter_child_nodes():
            walk(child, escaped)

    walk(Environment().parse(source), False)
    return found


def test_every_template_of_ours_prints_inside_autoescape() -> None:
    templates = sorted((PACKAGE / "templates" / "supporttab").rglob("*.html"))
    assert len(templates) >= 10
    for template in templates:
        assert unescaped_outputs(template.read_text(encoding="utf-8")) == [], template.name


def test_the_autoescape_check_finds_a_print_outside_the_block() -> None:
    assert unescaped_outputs("{% autoescape true %}{{ a }}{% endautoescape %}\n{{ b }}") == [2]
    assert unescaped_outputs("{% autoescape false %}{{ a }}{% endautoescape %}") == [1]
