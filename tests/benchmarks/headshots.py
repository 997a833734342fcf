"""Headshot uniformity and speed, measured on NASA's public-domain astronaut portrait (scikit-image).

    python tests/benchmarks/headshots.py [--runs 7]

1. Uniformity: variants of one portrait (zoomed out, off-centre, face near an edge, EXIF-rotated, small,
   4000x3000, transparent padding) go through the pipeline; the face is then detected on each 480x600 output
   and the spread (max - min) of its centre x, centre y and height is reported, beside a plain centre crop.
2. Time per 4000x3000 JPEG to both sizes, without and with face detection (median).
3. A warm rebuild of a site with 100 photos: images made, and the time added over the same site without photos.
Needs the `faces` and `bench` extras: pip install -e ".[faces,bench]".
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from skimage import data
from supporttab.team import faces, headshots
from supporttab.team.headshots import Framing

FRAMING = Framing()
GREY = (200, 200, 200)


def encode(image: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def variants() -> dict[str, bytes]:
    portrait = Image.fromarray(data.astronaut())  # 512x512, face centre near (222, 121)
    zoomed_out = Image.new("RGB", (1600, 1600), GREY)
    zoomed_out.paste(portrait.resize((400, 400)), (600, 500))
    off_centre = Image.new("RGB", (1400, 1000), GREY)
    off_centre.paste(portrait, (60, 40))
    near_edge = portrait.crop((0, 0, 300, 512))  # the face close to the right edge
    rotated = portrait.rotate(90, expand=True)  # stored on its side, with EXIF saying how to turn it
    exif = Image.Exif()
    exif[0x0112] = 6
    large = Image.new("RGB", (4000, 3000), GREY)
    large.paste(portrait.resize((2400, 2400)), (800, 300))
    padded = Image.new("RGBA", (900, 1200), (0, 0, 0, 0))
    padded.paste(portrait, (190, 150))
    return {
        "original 512x512": encode(portrait),
        "zoomed out": encode(zoomed_out),
        "off-centre": encode(off_centre),
        "face near an edge": encode(near_edge),
        "EXIF-rotated": encode(rotated, exif=exif),
        "small 160x160": encode(portrait.resize((160, 160))),
        "4000x3000": encode(large, quality=90),
        "transparent padding": encode(padded, "PNG"),
    }


def centre_crop(photo: bytes) -> Image.Image:
    """The baseline: the largest centred 4:5 crop, scaled to 480x600."""
    image = headshots.decode(photo, FRAMING)
    box = headshots._top_biased_box(image.size, 4 / 5)
    height = box[3] - box[1]
    top = (image.height - height) / 2
    return image.resize((480, 600), Image.Resampling.LANCZOS, box=(box[0], top, box[2], top + height))


def spread(values: list[float]) -> float:
    return max(values) - min(values)


def measure_uniformity() -> None:
    rows = []
    for name, photo in variants().items():
        _, large, method = headshots.render(photo, None, FRAMING)
        ours = faces.detect(Image.open(io.BytesIO(large)).convert("RGB"))
        plain = faces.detect(centre_crop(photo))
        rows.append((name, method, ours, plain))
    print("\n1. Uniformity: the face as detected on each 480x600 output (centre x, centre y, height, px)")
    print(f"{'variant':<22}{'method':<8}{'pipeline':>22}{'plain centre crop':>24}")
    for name, method, ours, plain in rows:
        show = lambda face: "no face found" if face is None else "{:.0f}, {:.0f}, {:.0f}".format(*face)
        print(f"{name:<22}{method:<8}{show(ours):>22}{show(plain):>24}")
    for label, index in (("centre x", 0), ("centre y", 1), ("height", 2)):
        ours = [r[2][index] for r in rows if r[2]]
        plain = [r[3][index] for r in rows if r[3]]
        print(f"spread of {label:<9}: pipeline {spread(ours):6.1f} px   plain centre crop {spread(plain):6.1f} px")
    print(f"faces found on outputs: pipeline {sum(1 for r in rows if r[2])}/{len(rows)}, "
          f"plain {sum(1 for r in rows if r[3])}/{len(rows)}")


def measure_speed(runs: int) -> None:
    photo = variants()["4000x3000"]
    with_faces = []
    without = []
    detect = faces.detect
    for _ in range(runs):
        start = time.perf_counter()
        headshots.render(photo, None, FRAMING)
        with_faces.append(time.perf_counter() - start)
        faces.detect = lambda image: None  # as without the extra
        try:
            start = time.perf_counter()
            headshots.render(photo, None, FRAMING)
            without.append(time.perf_counter() - start)
        finally:
            faces.detect = detect
    print(f"\n2. One 4000x3000 JPEG to 240x300 and 480x600 WebP, median of {runs}:")
    print(f"   without faces {statistics.median(without) * 1000:6.0f} ms")
    print(f"   with faces    {statistics.median(with_faces) * 1000:6.0f} ms")


HUB = ("organization: {name: Bench}\ndescription: Bench.\nhelp_myself: {}\nhelp_from_others:\n  communities: "
       "[{name: Forum, url: 'https://forum.example.com', expect: Soon.}]\nhelp_from_us:\n  hours: {timezone: UTC, "
       "weekly: {monday: '09:00-17:00'}}\n  channels: [{kind: email, label: Email, email: a@example.com, "
       "reply_time: A day}]\n")


def write_team_site(folder: Path, count: int, with_photos: bool) -> Path:
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "hub.yml").write_text(HUB)
    (folder / "team" / "photos").mkdir(parents=True)
    portrait = Image.fromarray(data.astronaut())
    for index in range(count):
        text = f"name: Person {index}\nrole: Support\n"
        if with_photos:
            photo = portrait.crop((index % 20, index // 20, 492 + index % 20, 507 + index // 20))
            photo.save(folder / "team" / "photos" / f"p{index}.jpg", quality=85)
            text += f"photo: photos/p{index}.jpg\nphoto_release: {{date: 2026-01-01, reference: R-{index}}}\n"
        (folder / "team" / f"p{index}.yml").write_text(text)
    (folder / "mkdocs.yml").write_text("site_name: Bench\ndocs_dir: content\ntheme: {name: material, font: false}\n"
                                       "plugins: [search, supporttab]\n")
    return folder


def build(folder: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    made = re.search(r"Headshots: .*", result.stderr)
    return time.perf_counter() - start, made[0] if made else "no headshots"


def measure_rebuild(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        photos = write_team_site(Path(tmp) / "photos", 100, with_photos=True)
        plain = write_team_site(Path(tmp) / "plain", 100, with_photos=False)
        cold, cold_log = build(photos)
        warm, plain_times, logs = [], [], set()
        for _ in range(runs):
            seconds, log = build(photos)
            warm.append(seconds)
            logs.add(log)
            plain_times.append(build(plain)[0])
    print(f"\n3. A site with 100 team photos (median of {runs}, alternating with the same site without photos):")
    print(f"   cold build {cold:.2f} s ({cold_log}); warm build {statistics.median(warm):.2f} s ({', '.join(logs)})")
    print(f"   without photos {statistics.median(plain_times):.2f} s; added by 100 cached photos: "
          f"{statistics.median(warm) - statistics.median(plain_times):+.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not faces.available():
        sys.exit("install the faces extra first: pip install -e '.[faces,bench]'")
    measure_uniformity()
    measure_speed(args.runs)
    measure_rebuild(max(3, args.runs // 2))


if __name__ == "__main__":
    main()
