"""Edit to preview: how long `mkdocs serve` takes to show an edited incident.

    python tests/benchmarks/serve_preview.py FOLDER [--runs 3] [--dirty] [--past] [--before PLUGINS]

FOLDER is a Support Tab site; it is copied, never written to. The copy is served with `mkdocs serve` on a free
loopback port; once the first build is up, the newest incident's title is edited (with --past, the oldest one's: an
incident long over, whose edit changes only its own page) and the script polls that incident's page until the new
title is served. Prints the median seconds from saving the file to the page
showing it (what an author waits for before the browser reloads; MkDocs' server holds every page request until
the rebuild is done), and the CPU seconds the server spent meanwhile (read from /proc, on Linux): on a machine others
share, the wall clock also counts their work. With --before PLUGINS (the plugins folder of another version), that
version serves its own copy beside this checkout's, and the edits alternate between the two, so both are measured
under the same load.
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


def cpu_seconds(pid: int) -> float:
    """The user and system CPU time of process `pid` so far (0 where /proc does not say)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


class Preview:
    """One `mkdocs serve` of a copy of the site, and the edits timed on it."""

    def __init__(self, folder: Path, copy: Path, args: argparse.Namespace, plugins: Path | None) -> None:
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("site", ".git"), symlinks=True)
        self.incident = (min if args.past else max)((p for p in (copy / "incidents").glob("*.y*ml")
                                                     if p.name != "components.yml"), key=lambda p: p.stem)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/incidents/{self.incident.stem}/"
        env = {**ENV, "PYTHONPATH": str(plugins.resolve())} if plugins else ENV
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        self.server = subprocess.Popen(command + (["--dirty"] if args.dirty else []), cwd=copy, env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.waits: list[float] = []
        self.cpus: list[float] = []

    def wait_until_up(self) -> None:
        wait_for(self.url, "<html", timeout=900)

    def edit(self, run: int) -> None:
        """Give the incident a new title and wait until its page shows it."""
        marker = f"Edited title {run}"
        lines = self.incident.read_text(encoding="utf-8").splitlines(keepends=True)
        index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines[index] = f"title: {marker}\n"
        saved, cpu = time.perf_counter(), cpu_seconds(self.server.pid)
        self.incident.write_text("".join(lines), encoding="utf-8")
        self.waits.append(wait_for(self.url, marker, timeout=900) - saved)
        self.cpus.append(cpu_seconds(self.server.pid) - cpu)
        time.sleep(2)  # let the server settle before the next edit

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)

    def summary(self) -> str:
        return (f"median {statistics.median(self.waits):.2f} s ({', '.join(f'{w:.2f}' for w in self.waits)}), "
                f"{statistics.median(self.cpus):.2f} CPU-s ({', '.join(f'{c:.2f}' for c in self.cpus)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty (rebuild only changed files)")
    parser.add_argument("--past", action="store_true", help="edit the oldest incident instead of the newest")
    parser.add_argument("--before", type=Path, help="the plugins folder of another version, served alongside")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"this checkout": None, **({str(args.before): args.before} if args.before else {})}
        previews = {}
        try:
            for number, (name, plugins) in enumerate(versions.items()):
                previews[name] = Preview(args.folder, Path(tmp) / f"site{number}", args, plugins)
            for preview in previews.values():
                preview.wait_until_up()
            for run in range(args.runs):
                for preview in reversed(previews.values()) if run % 2 else previews.values():
                    preview.edit(run)
        finally:
            for preview in previews.values():
                preview.stop()
    what = f"{'oldest' if args.past else 'newest'} incident{' (--dirty)' if args.dirty else ''}"
    for name, preview in previews.items():
        print(f"edit to preview of the {what}, {name}: {preview.summary()} over {args.runs} edits")
    print(f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
