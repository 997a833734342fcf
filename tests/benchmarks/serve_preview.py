"""Edit to preview: how long `mkdocs serve` takes to show an edited incident.

    python tests/benchmarks/serve_preview.py FOLDER [--runs 3] [--dirty] [--past]

FOLDER is a Support Tab site; it is copied, never written to. The copy is served with `mkdocs serve` on a free
loopback port; once the first build is up, the newest incident's title is edited (with --past, the oldest one's: an
incident long over, whose edit changes only its own page) and the script polls that incident's page until the new
title is served. Prints the median seconds from saving the file to the page
showing it (what an author waits for before the browser reloads).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty (rebuild only changed files)")
    parser.add_argument("--past", action="store_true", help="edit the oldest incident instead of the newest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.folder, site, ignore=shutil.ignore_patterns("site", ".git"), symlinks=True)
        incident = (min if args.past else max)((p for p in (site / "incidents").glob("*.y*ml")
                                                if p.name != "components.yml"), key=lambda p: p.stem)
        port = free_port()
        url = f"http://127.0.0.1:{port}/incidents/{incident.stem}/"
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command + (["--dirty"] if args.dirty else []), cwd=site, env=ENV,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(url, "<html", timeout=900)
            waits = []
            for run in range(args.runs):
                marker = f"Edited title {run}"
                text = incident.read_text(encoding="utf-8")
                lines = text.splitlines(keepends=True)
                index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
                lines[index] = f"title: {marker}\n"
                saved = time.perf_counter()
                incident.write_text("".join(lines), encoding="utf-8")
                waits.append(wait_for(url, marker, timeout=900) - saved)
                time.sleep(2)  # let the server settle before the next edit
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"edit to preview of the {'oldest' if args.past else 'newest'} incident{' (--dirty)' if args.dirty else ''}: median {statistics.median(waits):.2f} s "
          f"over {args.runs} edits ({', '.join(f'{w:.2f}' for w in waits)}); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
