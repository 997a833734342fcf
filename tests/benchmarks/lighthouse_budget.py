"""Lighthouse budget: every page kind of the example site, mobile, median of 3 runs, in Debian's Chromium.

    python tests/benchmarks/lighthouse_budget.py [--runs 3]      (or: make lighthouse)

Installs Lighthouse 12 from npm on first use (Node 20 here, so not 13) into ~/.cache/supporttab-lighthouse,
builds the example site, serves it on 127.0.0.1 and prints a table. Exits 1 when a page is under budget:
accessibility, best practices and SEO 100, performance 98 or more (measured on a shared, loaded machine with
site-audit, medians of 3: hub 100, status 99, incidents 100, team 99, history 100, article 99; local times and the
hub's open-now line make no time formatter for a reader in the site's zone).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import CHROMIUM, CHROMIUM_FLAGS, copy_example_site, run_mkdocs_build, serve  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
CACHE = Path(os.environ.get("SUPPORTTAB_LIGHTHOUSE_CACHE", Path.home() / ".cache" / "supporttab-lighthouse"))
PAGES = {
    "hub": "",
    "article": "articles/reset-password/",
    "status": "status/",
    "active incident": "incidents/2026-11-22-slow-pdf-exports/",
    "resolved incident": "incidents/2026-11-20-card-payments-failing/",
    "history": "status/history/",
    "team": "team/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse_binary() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"installing {LIGHTHOUSE} into {CACHE} ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(CACHE), LIGHTHOUSE],
                       check=True, env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    return binary


def audit(binary: Path, url: str, report: Path) -> dict[str, int]:
    profile = tempfile.mkdtemp()
    try:
        subprocess.run([str(binary), url, "--form-factor=mobile", "--output=json", f"--output-path={report}",
                        "--quiet", f"--only-categories={','.join(CATEGORIES)}",
                        f"--chrome-flags=--headless {' '.join(CHROMIUM_FLAGS)} --user-data-dir={profile}"],
                       check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    binary = lighthouse_binary()
    with tempfile.TemporaryDirectory() as folder:
        site = copy_example_site(Path(folder) / "src")
        build = run_mkdocs_build(site)
        if build.returncode != 0:
            print(build.stderr, file=sys.stderr)
            return 1
        server, base = serve(site / "site")
        rows = {}
        try:
            for name, path in PAGES.items():
                runs = [audit(binary, base + path, Path(folder) / f"report-{i}.json") for i in range(args.runs)]
                rows[name] = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
        finally:
            server.shutdown()
    print(f"Lighthouse 12, mobile, median of {args.runs} runs")
    print(f"{'page':<20}" + "".join(f"{c:>16}" for c in CATEGORIES))
    failed = []
    for name, scores in rows.items():
        print(f"{name:<20}" + "".join(f"{scores[c]:>16.0f}" for c in CATEGORIES))
        failed += [f"{name}: {c} {scores[c]:.0f} < {BUDGET[c]}" for c in CATEGORIES if scores[c] < BUDGET[c]]
    print("\n".join(["under budget:", *failed]) if failed else "every page within budget")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
