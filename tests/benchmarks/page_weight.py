"""What a first visit downloads, compressed: every request a page makes in real Chromium, gzipped as a server would.

    python tests/benchmarks/page_weight.py SITE_DIR [PATH ...]

SITE_DIR is a built site (mkdocs build's site/). PATHs default to the status page and the newest incident
page. Each page is opened at phone width in Debian's Chromium (or $SUPPORTTAB_CHROMIUM) with an empty cache,
served from loopback; after the network is idle, every local file it requested is gzipped (level 6, as most
servers do; images as they are) and summed. Prints one line per page and its five largest files.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = Path(os.environ.get("SUPPORTTAB_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ALREADY_COMPRESSED = (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".woff", ".woff2")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in ALREADY_COMPRESSED else len(gzip.compress(data, compresslevel=6))


def local_file(site: Path, url: str) -> Path | None:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def weigh(browser, base: str, site: Path, page_path: str) -> list[tuple[int, int, str]]:
    """(compressed bytes, raw bytes, path) of every local file the page requested."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + page_path, wait_until="networkidle")
    context.close()
    files = {local_file(site, url) for url in urls if url.startswith(base)} - {None}
    return sorted(((transfer_size(f), f.stat().st_size, f.relative_to(site).as_posix()) for f in files), reverse=True)


def newest_incident(site: Path) -> str:
    pages = sorted((site / "incidents").glob("*/index.html"))
    return f"incidents/{pages[-1].parent.name}/" if pages else "status/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    site = args.site.resolve()
    paths = args.paths or ["status/", newest_incident(site)]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        print("| page | requests | raw KiB | compressed KiB | largest (compressed KiB) |\n| --- | --- | --- | --- | --- |")
        for path in paths:
            files = weigh(browser, base, site, path)
            largest = ", ".join(f"{name} {size / 1024:.1f}" for size, _, name in files[:5])
            print(f"| {path} | {len(files)} | {sum(raw for _, raw, _ in files) / 1024:.1f} | "
                  f"{sum(size for size, _, _ in files) / 1024:.1f} | {largest} |")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
