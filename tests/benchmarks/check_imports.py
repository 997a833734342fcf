"""What `supporttab check --since` spends on imports, side by side with another version, in one run.

    python tests/benchmarks/check_imports.py FOLDER [--since HEAD~1] [--runs 7] [--before PLUGINS]

FOLDER is a Support Tab site in a git repository (your_content.py writes one: a copy of a site with one update
committed). Each run is a fresh `python -X importtime` process of `check --since`, this version and the one whose
package is in PLUGINS alternating, so both see the same machine load. Prints the median of the total import time
(every module, those imported while the command runs included), the command's CPU time, and the modules that cost
most in the median run of each.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path


def imports(folder: Path, since: str, plugins: str | None) -> tuple[float, float, dict[str, float]]:
    """(seconds importing, CPU seconds of the whole command, seconds per top-level import) of one fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if plugins:
        env["PYTHONPATH"] = plugins
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "supporttab.authoring.cli", "check", "--since",
                           since], cwd=folder, capture_output=True, text=True, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: the site has errors, which is still a check to time
        raise SystemExit(f"check failed in {folder}:\n{done.stdout}{done.stderr}")
    top: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "[us]" not in line:
            _, cumulative, name = line.split("|")
            if not name.startswith("  "):  # a top-level import: its cumulative time holds its children's
                top[name.strip()] = top.get(name.strip(), 0) + int(cumulative) / 1e6
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return sum(top.values()), cpu, top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a Support Tab site in a git repository")
    parser.add_argument("--since", default="HEAD~1")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="the plugins folder of another version, timed alongside")
    args = parser.parse_args()
    versions = {"this version": None, **({str(args.before): str(args.before.resolve())} if args.before else {})}
    runs: dict[str, list[tuple[float, float, dict[str, float]]]] = {name: [] for name in versions}
    for _ in range(args.runs):
        for name, plugins in versions.items():
            runs[name].append(imports(args.folder, args.since, plugins))
    print(f"`check --since {args.since}` in {args.folder}: medians of {args.runs} fresh processes; "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print("| version | import seconds | CPU seconds | costliest imports (median run) |\n| --- | --- | --- | --- |")
    for name, results in runs.items():
        ordered = sorted(results, key=lambda result: result[0])
        _, _, top = ordered[len(ordered) // 2]
        costliest = ", ".join(f"{module} {seconds:.2f}" for module, seconds in
                              sorted(top.items(), key=lambda item: -item[1])[:4])
        print(f"| {name} | {statistics.median(r[0] for r in results):.2f} | "
              f"{statistics.median(r[1] for r in results):.2f} | {costliest} |")


if __name__ == "__main__":
    main()
