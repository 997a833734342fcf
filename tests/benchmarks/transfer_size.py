"""What each page kind of the example costs a reader: every request a real browser makes to open it, its bytes as
served and gzip-compressed (as any web host sends text), and how much of that is the theme's search (its worker
and index), side by side in one run.

    python tests/benchmarks/transfer_size.py

Builds the example site, serves it on 127.0.0.1 and opens each page kind in Debian's Chromium at phone size.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import CHROMIUM, CHROMIUM_FLAGS, PHONE, copy_example_site, run_mkdocs_build, serve  # noqa: E402
from test_browser_pages import PAGES  # noqa: E402

SEARCH = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def requests_of(browser, url: str) -> list[str]:
    """Every address the page asks for until the network settles."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    return seen


def sizes(site: Path, base: str, urls: list[str]) -> tuple[int, int, int]:
    """(bytes as served, bytes gzip-compressed, compressed bytes of the search worker and index)."""
    raw = packed = search = 0
    for url in dict.fromkeys(urls):  # each once, as a browser cache would
        path = url.removeprefix(base).split("?")[0].split("#")[0]
        file = site / (path + "index.html" if path.endswith("/") or not path else path)
        body = file.read_bytes()
        compressed = len(gzip.compress(body, 9))
        raw, packed = raw + len(body), packed + compressed
        search += compressed if any(part in "/" + path for part in SEARCH) else 0
    return raw, packed, search


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        source = copy_example_site(Path(folder) / "src")
        build = run_mkdocs_build(source)
        if build.returncode != 0:
            print(build.stderr, file=sys.stderr)
            return 1
        server, base = serve(source / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
                rows = {name: (requests_of(browser, base + path)) for name, path in PAGES.items()}
                browser.close()
            print(f"{'page':<20}{'requests':>10}{'served KB':>12}{'gzip KB':>10}{'search gzip KB':>16}")
            for name, urls in rows.items():
                raw, packed, search = sizes(source / "site", base, urls)
                print(f"{name:<20}{len(set(urls)):>10}{raw / 1024:>12.1f}{packed / 1024:>10.1f}{search / 1024:>16.1f}")
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
