"""Build time on your own content, side by side with vanilla mkdocs-material pages of the same incidents.

    python tests/benchmarks/your_content.py FOLDER [--runs 3] [--no-critical-path] [--before PLUGINS] [--both-cores]

FOLDER is a Support Tab site (mkdocs.yml, content/, team/, incidents/): yours, or one written by a generator
such as the shared benchmark's `gen_supporttab.py DIR 1000`. It is copied, never written to. From the copy the
script writes a vanilla mkdocs-material site: the same Markdown pages, and one plain Markdown page per incident
and maintenance file (title, impact, affected components, every update newest first), out of the navigation,
with the search plugin and no Support Tab. Both are built alternately, each in a fresh process, so both see the
same machine load; it prints medians and their ratio.

The critical path of a publish, as the workflow runs it (install excluded): in a git repository of the copy, an
update is posted to the newest incident and committed, then `supporttab check --since HEAD~1` and
`mkdocs build --strict` are timed. With --before, the build and the critical path of the version whose package is
in PLUGINS (as PYTHONPATH) are timed in the same run, alternating with this one's. The builds use one core
(SUPPORTTAB_BOTH_CORES=0); with --both-cores, the build is also timed with SUPPORTTAB_BOTH_CORES=1 (a helper process
on the second core, as a build on a quiet machine has by itself), in the same run.

Both cores, as measured for issue 13 (2 cores shared with other sessions; the load average is printed):

    python tests/benchmarks/your_content.py /tmp/s25/b10000 --runs 3 --no-critical-path --both-cores
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SUPPORTTAB_BOTH_CORES": "0"}
BIN = Path(sys.executable).parent


def timed(command: list[str], folder: Path, env: dict[str, str] = ENV) -> tuple[float, float]:
    """(wall seconds, CPU seconds) the command takes in `folder`, Python start-up included. CPU time (user and
    system) says more than the wall clock on a machine others share. Stops the script if the command fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {folder}:\n{result.stdout}{result.stderr}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def mkdocs_build(*flags: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", *flags]


def copy_site(source: Path, destination: Path) -> Path:
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("site", ".git"), symlinks=True)
    return destination


class _ConfigLoader(yaml.BaseLoader):
    """mkdocs.yml as text, with tags such as !ENV read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def write_vanilla_site(site: Path, destination: Path) -> Path:
    """Vanilla mkdocs-material pages of the same content; see the module's description."""
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    docs = destination / "docs"
    shutil.copytree(site / config.get("docs_dir", "docs"), docs,
                    ignore=shutil.ignore_patterns("*.yml", "*.yaml", "*.csv"))
    (docs / "index.md").write_text(f"# {config.get('site_name', 'Support')}\n\nHelp, status and the team.\n")
    pages = docs / "incidents"
    pages.mkdir(exist_ok=True)
    for path in sorted((site / "incidents").rglob("*.y*ml")):
        if path.name != "components.yml":
            (pages / f"{path.stem}.md").write_text(incident_markdown(yaml.safe_load(path.read_text("utf-8"))))
    (destination / "mkdocs.yml").write_text(
        f"site_name: {json.dumps(config.get('site_name', 'Support'))}\nsite_url: https://support.example.com/\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "not_in_nav: |\n  /incidents/*\n" + (f"exclude_docs: {json.dumps(config['exclude_docs'])}\n"
                                              if config.get("exclude_docs") else ""))
    return destination


def incident_markdown(event: dict) -> str:
    updates = event.get("updates") or []
    lines = [f"# {event.get('title', '')}", "",
             f"**Impact:** {event.get('impact', 'maintenance')} · **Affected:** "
             f"{', '.join(map(str, event.get('components') or []))}", ""]
    lines += [f"- **{update.get('at')}** — *{update.get('status')}* — {update.get('author')}: "
              f"{' '.join(str(update.get('body', '')).split())}" for update in reversed(updates)]
    return "\n".join(lines) + "\n"


def prepare_publish(site: Path) -> None:
    """A git repository of the site whose last commit posts an update to the newest incident, as a merge does."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", *args],
                              cwd=site, check=True, capture_output=True, text=True).stdout

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "published")
    newest = max((path for path in (site / "incidents").glob("*.y*ml") if path.name != "components.yml"),
                 key=lambda path: path.stem)
    author = min((site / "team").glob("*.yml")).stem
    timed([str(BIN / "supporttab"), "update", newest.stem, "--status", "resolved", "--author", author,
           "Everything works again. We are sorry for the trouble this caused."], site)
    git("commit", "-qam", "an update")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a Support Tab site: the folder holding its mkdocs.yml")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-critical-path", action="store_true", help="time only the builds")
    parser.add_argument("--before", type=Path, help="the plugins folder of another version, built alongside")
    parser.add_argument("--both-cores", action="store_true", help="also build with SUPPORTTAB_BOTH_CORES=1")
    args = parser.parse_args()
    if not (args.folder / "mkdocs.yml").is_file():
        raise SystemExit(f"{args.folder} has no mkdocs.yml; pass the folder of a Support Tab site")
    count = sum(1 for path in (args.folder / "incidents").rglob("*.y*ml") if path.name != "components.yml")
    times: dict[str, list[tuple[float, float]]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        ours = copy_site(args.folder, Path(tmp) / "supporttab")
        vanilla = write_vanilla_site(ours, Path(tmp) / "vanilla")
        if not args.no_critical_path:
            prepare_publish(ours)
        if not (ours / ".supporttab-cache").is_dir():  # headshots into the image cache, as on every later build
            timed(mkdocs_build(), ours)
        commands = {"Support Tab build": (mkdocs_build(), ours, ENV),
                    "vanilla mkdocs-material": (mkdocs_build(), vanilla, ENV)}
        if args.both_cores:
            commands["Support Tab build, both cores"] = (mkdocs_build(), ours, {**ENV, "SUPPORTTAB_BOTH_CORES": "1"})
        if args.before:
            before_env = {**ENV, "PYTHONPATH": str(args.before.resolve())}
            commands[f"Support Tab build, {args.before}"] = (mkdocs_build(), ours, before_env)
        if not args.no_critical_path:
            commands["check --since HEAD~1"] = ([str(BIN / "supporttab"), "check", "--since", "HEAD~1"], ours, ENV)
            commands["mkdocs build --strict"] = (mkdocs_build("--strict"), ours, ENV)
        if args.before and not args.no_critical_path:  # the same path with the other version, in the same run
            commands[f"check --since HEAD~1, {args.before}"] = (
                [str(BIN / "supporttab"), "check", "--since", "HEAD~1"], ours, before_env)
            commands[f"mkdocs build --strict, {args.before}"] = (mkdocs_build("--strict"), ours, before_env)
        for _ in range(args.runs):  # alternate, so every command sees the same machine load
            for name, (command, folder, env) in commands.items():
                times.setdefault(name, []).append(timed(command, folder, env))
    wall = {name: statistics.median(run[0] for run in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(run[1] for run in runs) for name, runs in times.items()}
    print(f"{count} incidents and maintenance files in {args.folder}; median of {args.runs} runs, each a fresh "
          f"process; {os.cpu_count()} cores, load {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print("| step | wall seconds | CPU seconds |\n| --- | --- | --- |")
    for name in times:
        print(f"| {name} | {wall[name]:.2f} | {cpu[name]:.2f} |")
    ours, vanilla = "Support Tab build", "vanilla mkdocs-material"
    print(f"| ratio Support Tab / vanilla | {wall[ours] / wall[vanilla]:.2f} | {cpu[ours] / cpu[vanilla]:.2f} |")
    if args.both_cores:
        both = "Support Tab build, both cores"
        print(f"| ratio both cores / vanilla | {wall[both] / wall[vanilla]:.2f} | {cpu[both] / cpu[vanilla]:.2f} |")
        print(f"| ratio both cores / one core | {wall[both] / wall[ours]:.2f} | {cpu[both] / cpu[ours]:.2f} |")
    if args.before:
        before = f"Support Tab build, {args.before}"
        print(f"| ratio {args.before} / vanilla | {wall[before] / wall[vanilla]:.2f} | {cpu[before] / cpu[vanilla]:.2f} |")
    if not args.no_critical_path:
        steps = ("check --since HEAD~1", "mkdocs build --strict")
        print(f"| critical path (check --since + strict build) | {sum(wall[s] for s in steps):.2f} | "
              f"{sum(cpu[s] for s in steps):.2f} |")
        if args.before:
            steps = tuple(f"{step}, {args.before}" for step in steps)
            print(f"| critical path, {args.before} | {sum(wall[s] for s in steps):.2f} | "
                  f"{sum(cpu[s] for s in steps):.2f} |")


if __name__ == "__main__":
    main()
