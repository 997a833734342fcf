"""Does a change to the code leave the built site byte for byte the same? Builds one site twice, with this checkout's
package and with another copy of it (an older commit's `plugins/` folder), and compares every file written.

    git archive 65aca0a plugins | tar -x -C /tmp/before
    python tests/benchmarks/same_output.py FOLDER /tmp/before/plugins [--serve]

FOLDER is a Support Tab site (mkdocs.yml, content/, team/, incidents/); it is copied, never written to. Both builds
run with the same SOURCE_DATE_EPOCH (yours, or now), each in a fresh process. `--serve` builds the second one as
`mkdocs serve` does, three times in one process, with the oldest incident's title edited before the second and put
back before the third, to check that the pages a preview reuses from the build before equal a fresh build. Exits 1 and names the differing files if any differ.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGINS = HERE.parent.parent / "plugins"

# Runs inside the build process: a full build, then (for --serve) what a preview does on two edits.
SERVE_TWICE = """
import re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, out, incident = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
def config():
    cfg = load_config(str(site / "mkdocs.yml"), site_dir=out)
    cfg.plugins.on_startup(command="serve", dirty=False)
    return cfg
build(config(), serve_url="http://127.0.0.1:8000/")
text = incident.read_text(encoding="utf-8")
incident.write_text(re.sub(r"(?m)^title: .*$", "title: Edited", text, count=1), encoding="utf-8")
build(config(), serve_url="http://127.0.0.1:8000/")
incident.write_text(text, encoding="utf-8")
build(config(), serve_url="http://127.0.0.1:8000/")
"""

def build(site: Path, out: Path, plugins: Path, env: dict[str, str], serve: bool = False) -> None:
    env = {**env, "PYTHONPATH": str(plugins)}
    if serve:
        incident = oldest_incident(site)
        command = [sys.executable, "-c", SERVE_TWICE, str(site), str(out), str(incident)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    result = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the build with {plugins} failed:\n{result.stdout}{result.stderr}")


def oldest_incident(site: Path) -> Path:
    """An incident long over: an edit to it changes its own page, so a preview reuses every other one."""
    return min((p for p in (site / "incidents").glob("*.y*ml") if p.name != "components.yml"), key=lambda p: p.stem)


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of the files that differ or exist on one side only."""
    found = []
    for folder, _, names in os.walk(left):
        for name in names:
            path = Path(folder, name)
            other = right / path.relative_to(left)
            if not other.is_file() or not filecmp.cmp(path, other, shallow=False):
                found.append(str(path.relative_to(left)))
    found += [str(p.relative_to(right)) for p in right.rglob("*") if p.is_file() and not (left / p.relative_to(right)).exists()]
    return sorted(found)


def show(left: Path, right: Path, name: str) -> None:
    a, b = left / name, right / name
    if not (a.is_file() and b.is_file()):
        print(f"  {name}: only in {'before' if a.is_file() else 'after'}")
        return
    diff = difflib.unified_diff(a.read_text("utf-8", "replace").splitlines(), b.read_text("utf-8", "replace").splitlines(),
                                "before", "after", lineterm="", n=1)
    print(f"  {name}:\n" + "\n".join(list(diff)[:20]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a Support Tab site: the folder holding its mkdocs.yml")
    parser.add_argument("before", type=Path, help="the `plugins` folder of the code to compare with")
    parser.add_argument("--serve", action="store_true", help="build this checkout's site as a preview does")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.folder, site, ignore=shutil.ignore_patterns("site", ".git"), symlinks=True)
        before, after = Path(tmp) / "before", Path(tmp) / "after"
        build(site, before, args.before.resolve(), env)
        build(site, after, PLUGINS, env, serve=args.serve)
        found = differences(before, after)
        count = sum(1 for p in before.rglob("*") if p.is_file())
        if found:
            print(f"{len(found)} of {count} files differ:")
            for name in found[:5]:
                show(before, after, name)
            raise SystemExit(1)
    print(f"all {count} files are byte for byte the same")


if __name__ == "__main__":
    main()
