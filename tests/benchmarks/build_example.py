"""Time the example site's build: median of several `mkdocs build --strict` runs in a fresh copy.

    python tests/benchmarks/build_example.py [--runs 7]

Reports the whole command (Python start-up included) and MkDocs' own "built in" figure, side by side with a
vanilla mkdocs-material build of the same Markdown pages without the plugin (plain pages where the hub, status
and team pages would be), in the same run. The headshots are made before the timed runs, as on a rebuild.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def build_once(site: Path, config: str) -> tuple[float, float]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config], cwd=site,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    built = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return wall, float(built[1]) if built else float("nan")


def make_vanilla_config(site: Path) -> str:
    """The example's mkdocs.yml without the plugin, with the hub replaced by a plain Markdown page."""
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"  - supporttab:\n(?:      .*\n)+", "", text)
    (site / "content" / "index.md").write_text("# How can we help?\n\nA plain landing page.\n", encoding="utf-8")
    for page, title in (("status", "Status"), ("team", "Meet the team")):  # the nav names them
        (site / "content" / page).mkdir(exist_ok=True)
        (site / "content" / page / "index.md").write_text(f"# {title}\n\nA plain page.\n", encoding="utf-8")
    (site / "vanilla.yml").write_text(text, encoding="utf-8")
    return "vanilla.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "ours"
        vanilla = Path(folder) / "vanilla"
        for target in (ours, vanilla):
            shutil.copytree(REPO / "content", target / "content")
            shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
        for part in ("team", "incidents"):  # the status and team pages' sources; vanilla has plain pages instead
            shutil.copytree(REPO / part, ours / part)
        vanilla_config = make_vanilla_config(vanilla)
        timings: dict[str, list[tuple[float, float]]] = {"supporttab": [], "vanilla": []}
        build_once(ours, "mkdocs.yml")  # warm the file cache, and make the headshots: later builds are rebuilds
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            timings["supporttab"].append(build_once(ours, "mkdocs.yml"))
            timings["vanilla"].append(build_once(vanilla, vanilla_config))
    print(f"example site build, median of {args.runs} runs (interleaved)")
    print(f"{'site':<12}{'command s':>12}{'mkdocs s':>12}")
    for name, runs in timings.items():
        print(f"{name:<12}{statistics.median(w for w, _ in runs):>12.2f}{statistics.median(b for _, b in runs):>12.2f}")
    ratio = statistics.median(b for _, b in timings["supporttab"]) / statistics.median(b for _, b in timings["vanilla"])
    print(f"ratio supporttab/vanilla (mkdocs' own figure): {ratio:.2f}")


if __name__ == "__main__":
    main()
