"""Build time and peak memory as incidents grow, beside vanilla mkdocs-material, in one run.

    python tests/benchmarks/status_scale.py [--sizes 100 1000 10000] [--runs 3]

A generator writes a synthetic site of N incidents with 5 updates each. For 1,000 it also writes a vanilla
mkdocs-material site of 1,000 equivalent hand-written Markdown pages (out of the nav, no plugin); the two are
built alternately so both see the same machine load. Reports medians, the 1k ratio, the 10k/1k ratio and
the largest incident page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

EPOCH = 1795435200  # 2026-11-23 12:00 UTC
COMPONENTS = [f"component-{i}" for i in range(10)]
STATUSES = ["investigating", "identified", "monitoring", "monitoring", "resolved"]
BODY = ("Customers see errors when they {verb} in {component}. We are looking into the cause and will post "
        "again within 30 minutes. Invoices and payments that were already sent are safe.")

MEASURE = textwrap.dedent("""
    import resource, subprocess, sys, time
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", sys.argv[1]],
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
""")

HUB = """\
organization: {name: Bench}
description: Benchmark site.
help_myself: {}
help_from_others:
  communities: [{name: Forum, url: "https://forum.example.com", expect: Within a day.}]
help_from_us:
  hours: {timezone: UTC, weekly: {monday: "09:00-17:00"}}
  channels: [{kind: email, label: Email, email: help@example.com, reply_time: A day}]
"""


def incident_updates(index: int) -> list[tuple[dt.datetime, str, str]]:
    start = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc) - dt.timedelta(hours=3 * index + 2)
    component = COMPONENTS[index % len(COMPONENTS)]
    return [(start + dt.timedelta(minutes=20 * n), status,
             BODY.format(verb=("sign in", "pay", "export")[n % 3], component=component))
            for n, status in enumerate(STATUSES)]


def write_plugin_site(folder: Path, count: int) -> Path:
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "hub.yml").write_text(HUB)
    incidents = folder / "incidents"
    incidents.mkdir()
    (incidents / "components.yml").write_text("components:\n" + "".join(
        f"  - id: {c}\n    name: Component {c[-1]}\n" for c in COMPONENTS))
    for index in range(count):
        updates = "".join(f"  - at: {at.isoformat()}\n    status: {status}\n    author: Patty Hughes\n"
                          f"    body: {body}\n" for at, status, body in incident_updates(index))
        (incidents / f"incident-{index:05d}.yml").write_text(
            f"title: Errors in component {index % 10} (incident {index})\nimpact: minor\n"
            f"components: [{COMPONENTS[index % len(COMPONENTS)]}]\nupdates:\n{updates}")
    (folder / "mkdocs.yml").write_text("site_name: Bench\nsite_url: https://status.example.com/\n"
                                       "docs_dir: content\ntheme: {name: material, font: false}\n"
                                       "plugins: [search, supporttab]\nnav: [index.md]\n")
    return folder / "mkdocs.yml"


def write_vanilla_site(folder: Path, count: int) -> Path:
    pages = folder / "content" / "incidents"
    pages.mkdir(parents=True)
    (folder / "content" / "index.md").write_text("# Status\n\nAll systems operational.\n")
    for index in range(count):
        updates = "".join(f"## {status.capitalize()}\n\n{at:%d %b %Y, %H:%M} UTC\n\n{body}\n\n— Patty Hughes\n\n"
                          for at, status, body in reversed(incident_updates(index)))
        (pages / f"incident-{index:05d}.md").write_text(
            f"# Errors in component {index % 10} (incident {index})\n\n**Resolved**, minor impact.\n\n{updates}")
    (folder / "mkdocs.yml").write_text("site_name: Bench\nsite_url: https://status.example.com/\n"
                                       "docs_dir: content\ntheme: {name: material, font: false}\n"
                                       "plugins: [search]\nnav: [index.md]\n")
    return folder / "mkdocs.yml"


def measure(config: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `mkdocs build`, in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(EPOCH)}
    out = subprocess.run([sys.executable, "-c", MEASURE, str(config)], capture_output=True, text=True, env=env,
                         cwd=config.parent, check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        configs = {f"supporttab {n}": write_plugin_site(Path(tmp) / f"plugin-{n}", n) for n in args.sizes}
        if 1000 in args.sizes:
            configs["vanilla 1000"] = write_vanilla_site(Path(tmp) / "vanilla-1000", 1000)
        for _ in range(args.runs):  # alternate, so every site sees the same machine load
            for name, config in configs.items():
                results.setdefault(name, []).append(measure(config))
        largest = max((p.stat().st_size for n in args.sizes
                       for p in (Path(tmp) / f"plugin-{n}" / "site" / "incidents").glob("*/index.html")), default=0)
    medians = {name: (statistics.median(s for s, _ in runs), statistics.median(m for _, m in runs))
               for name, runs in results.items()}
    print(f"median of {args.runs} runs; each build in a fresh process")
    print(f"{'site':<18}{'seconds':>10}{'peak RSS MB':>14}")
    for name, (seconds, memory) in medians.items():
        print(f"{name:<18}{seconds:>10.2f}{memory:>14.0f}")
    if "vanilla 1000" in medians and "supporttab 1000" in medians:
        print(f"ratio supporttab 1k / vanilla 1k: {medians['supporttab 1000'][0] / medians['vanilla 1000'][0]:.2f}")
    if "supporttab 1000" in medians and "supporttab 10000" in medians:
        print(f"ratio 10k / 1k: {medians['supporttab 10000'][0] / medians['supporttab 1000'][0]:.2f}")
    print(f"largest incident page: {largest / 1024:.1f} KB")
    print(json.dumps({name: {"seconds": round(s, 2), "rss_mb": round(m)} for name, (s, m) in medians.items()}))


if __name__ == "__main__":
    main()
