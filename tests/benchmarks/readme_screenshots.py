"""The README's screenshots at phone width: the hub (`hub-phone.png`) and the `after-*-phone.png` set (hub, status,
incident), from a built site, as a reader in London sees them at the example's build clock (its outage).

    # from the repository's root: the example site `make serve` shows (content/, incidents/, team/), not the
    # tests' frozen copy, on 23 Nov 2026 12:00 UTC
    SOURCE_DATE_EPOCH=1795435200 PYTHONPATH=plugins .venv/bin/mkdocs build -d /tmp/shots/site
    python tests/benchmarks/readme_screenshots.py /tmp/shots/site .github/screenshots

Each page is opened at 360x740 in Debian's Chromium (or $SUPPORTTAB_CHROMIUM), light, with the page's clock fixed at
that instant, and its top (900 px for the README's hub, 1400 px for the others) is saved. Look at every one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conftest import CHROMIUM, CHROMIUM_FLAGS, serve
from playwright.sync_api import sync_playwright

NOW = "2026-11-23T12:00:00Z"  # tests/conftest.py's BUILD_EPOCH
SHOTS = {"hub-phone": ("", 900), "after-hub-phone": ("", 1400), "after-status-phone": ("status/", 1400),
         "after-incident-phone": ("incidents/2026-11-22-slow-pdf-exports/", 1400)}


def take(site: Path, folder: Path) -> None:
    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            for name, (path, height) in SHOTS.items():
                context = browser.new_context(viewport={"width": 360, "height": 740}, timezone_id="Europe/London",
                                              locale="en-GB", color_scheme="light")
                page = context.new_page()
                page.clock.set_fixed_time(NOW)
                page.goto(url + path, wait_until="networkidle")
                page.screenshot(path=str(folder / f"{name}.png"), full_page=True,
                                clip={"x": 0, "y": 0, "width": 360, "height": height})
                context.close()
                print(folder / f"{name}.png")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build's site/)")
    parser.add_argument("folder", type=Path, help="where the PNG files go")
    arguments = parser.parse_args()
    take(arguments.site, arguments.folder)
