"""Headshot uniformity and speed, on real portraits of different people in the framings a real team sends.

    python tests/benchmarks/headshots.py [--photos tests/example/team/photos] [--runs 7]

1. Uniformity: each portrait in --photos (the example team's public-domain photos by default: see
   team/photos/SOURCES.md) is made into ten framings by this script (as sent, tight, upper body on a wider
   canvas, off-centre, head at the top edge, on its side with EXIF, small, 4000x3000, busy background, tilted
   12 degrees, and the middle of a group photo). Each goes through the pipeline; the face detector is then run
   again, independently, on each 480x600 output, and the spread (max - min, and standard deviation) of the eye
   line's centre x and y, the eye distance and the eye line's angle is reported over all people and framings,
   beside a plain centre crop. Also the background: the mean colour difference (CIE76 delta E) between the
   outputs' top corners, across people.
2. Time per 4000x3000 JPEG to both sizes, without and with face detection (median, side by side).
3. A warm rebuild of a site with 100 photos: images decoded, and the time added over the same site without.
Needs the `faces` and `bench` extras: pip install -e ".[faces,bench]".
"""

from __future__ import annotations

import argparse
import io
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps
from skimage import color, data
from supporttab.team import faces, headshots
from supporttab.team.headshots import Framing

FRAMING = Framing()


def encode(image: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def framings(portrait: Image.Image) -> dict[str, bytes]:
    """One portrait as a team sends it, ten ways."""
    width, height = portrait.size
    face = faces.refine(portrait, faces.find(portrait)[0])
    side = max(width, height)
    wide = portrait.resize((side * 2, side * 2)).filter(ImageFilter.GaussianBlur(side / 8))  # a wider scene
    wide.paste(portrait, ((side * 2 - width) // 2, (side * 2 - height) // 2))
    off_centre = wide.crop((side // 4, side // 2, side // 4 + side, side // 2 + round(side * 0.8)))
    top_edge = portrait.crop((0, max(0, round(face.y - 0.7 * face.height)), width, height))
    tight = portrait.crop((round(face.x - face.height), round(face.y - face.height),
                           round(face.x + face.height), round(face.y + 1.3 * face.height)))
    exif = Image.Exif()
    exif[0x0112] = 6
    huge = Image.new("RGB", (4000, 3000), (128, 128, 128))
    huge.paste(portrait.resize((2400, round(2400 * height / width))), (800, 200))
    busy = Image.effect_noise((side * 2, side * 2), 90).convert("RGB").resize((side * 2, side * 2))
    busy.paste(portrait, ((side * 2 - width) // 2, side // 2))
    group = Image.new("RGB", (width * 3, height), (110, 110, 110))
    for index, other in enumerate((ImageOps.mirror(portrait), portrait, ImageOps.mirror(portrait))):
        group.paste(other if index == 1 else other.resize((width * 9 // 10, height * 9 // 10)),
                    (index * width, 0 if index == 1 else height // 10))
    return {
        "as sent": encode(portrait),
        "tight": encode(tight),
        "upper body": encode(wide.crop((side // 2, side // 2, side * 3 // 2, side * 7 // 4))),
        "off-centre": encode(off_centre),
        "head at top edge": encode(top_edge),
        "on its side (EXIF)": encode(portrait.rotate(90, expand=True), exif=exif),
        "small": encode(portrait.resize((200, round(200 * height / width)))),
        "4000x3000": encode(huge, quality=90),
        "busy background": encode(busy),
        "tilted 12 degrees": encode(wide.rotate(12, resample=Image.Resampling.BICUBIC).crop(
            (side // 2, side // 2, side * 3 // 2, side * 7 // 4))),
        "group photo": encode(group),
    }


def portraits(folder: Path) -> dict[str, Image.Image]:
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
            image = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
            if faces.find(image):
                found[path.stem] = image
    return found


def centre_crop(photo: bytes) -> Image.Image:
    """The baseline: the largest centred 4:5 crop, scaled to 480x600."""
    image = headshots.decode(photo, FRAMING)
    box = headshots._top_biased_box(image.size, 4 / 5)
    height = box[3] - box[1]
    top = max(0.0, (image.height - height) / 2)
    return image.resize((480, 600), Image.Resampling.LANCZOS, box=(box[0], top, box[2], top + height))


def spread(values: list[float]) -> float:
    return max(values) - min(values)


def eye_line(image: Image.Image) -> tuple[float, float, float, float] | None:
    """(centre x, centre y, eye distance, angle) of the largest face, or None."""
    found = faces.find(image)
    if not found:
        return None
    face = faces.refine(image, found[0])
    return (*face.eye_centre, face.eye_distance, face.tilt)


def corners_lab(image: Image.Image) -> tuple[float, float, float]:
    """The mean CIELAB colour of the output's two top corners, where the background shows."""
    pixels = [image.crop(box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
              for box in ((0, 0, 60, 60), (image.width - 60, 0, image.width, 60))]
    lab = color.rgb2lab([[[channel / 255 for channel in rgb] for rgb in pixels]])[0]
    return tuple(float(sum(column) / len(column)) for column in zip(*lab))


def measure_uniformity(folder: Path, sheet: Path | None) -> None:
    people = portraits(folder)
    rows, backgrounds, tiles = [], {}, []
    for person, portrait in people.items():
        for name, photo in framings(portrait).items():
            _, large, _, method, notes = headshots.render(photo, None, FRAMING)
            output = Image.open(io.BytesIO(large)).convert("RGB")
            tiles.append(output.resize((120, 150), Image.Resampling.LANCZOS))
            rows.append((person, name, method, eye_line(output), eye_line(centre_crop(photo)), len(notes)))
            if name == "as sent":
                backgrounds[person] = corners_lab(output)
    print(f"\n1. Uniformity over {len(people)} people x {len(rows) // max(1, len(people))} framings "
          f"({', '.join(people)}), the eyes as detected again on each 480x600 output")
    print(f"{'person':<14}{'framing':<22}{'method':<8}{'eye x, y, distance, angle':>30}{'warnings':>9}")
    for person, name, method, ours, _, warned in rows:
        shown = "no face found" if ours is None else "{:.0f}, {:.0f}, {:.0f}, {:+.1f}".format(*ours)
        print(f"{person:<14}{name:<22}{method:<8}{shown:>30}{warned:>9}")
    if sheet:
        columns = len(tiles) // max(1, len(people))
        contact = Image.new("RGB", (columns * 124 + 4, len(people) * 154 + 4), "white")
        for index, tile in enumerate(tiles):
            contact.paste(tile, (4 + index % columns * 124, 4 + index // columns * 154))
        contact.save(sheet)
        print(f"contact sheet: {sheet} (one row per person, the framings in the order above)")
    print(f"\n{'measure':<16}{'pipeline: range':>16}{'sd':>8}{'centre crop: range':>20}{'sd':>8}   target")
    targets = ("8 px", "8 px", "10 %", "3 deg")
    for index, (label, target) in enumerate(zip(("eye centre x", "eye centre y", "eye distance", "eye angle"),
                                                targets, strict=True)):
        cells = []
        for column in (3, 4):
            values = [row[column][index] for row in rows if row[column]]
            if index == 2:  # relative to the median, as the target is
                middle = statistics.median(values)
                values = [100 * value / middle for value in values]
            cells += [spread(values), statistics.pstdev(values)]
        unit = "%" if index == 2 else ("deg" if index == 3 else "px")
        print(f"{label:<16}{cells[0]:>12.1f} {unit:<3}{cells[1]:>8.1f}{cells[2]:>16.1f} {unit:<3}{cells[3]:>8.1f}"
              f"   {target}")
    print("\nper person, pipeline (range of eye x, eye y in px; eye distance in % of that person's median; angle):")
    for person in people:
        mine = [row[3] for row in rows if row[0] == person and row[3]]
        middle = statistics.median(m[2] for m in mine)
        print(f"  {person:<26} x {spread([m[0] for m in mine]):5.1f}  y {spread([m[1] for m in mine]):5.1f}  "
              f"distance {spread([100 * m[2] / middle for m in mine]):5.1f} %  angle {spread([m[3] for m in mine]):5.1f}")
    found = sum(1 for row in rows if row[3])
    print(f"faces found again on outputs: pipeline {found}/{len(rows)}, centre crop "
          f"{sum(1 for row in rows if row[4])}/{len(rows)}")
    pairs = [(a, b) for i, a in enumerate(backgrounds.values()) for b in list(backgrounds.values())[i + 1:]]
    if pairs:
        print(f"background (top corners, as sent): mean delta E between people {statistics.mean(math.dist(a, b) for a, b in pairs):.1f}"
              " (no backdrop extra yet: each photo keeps its own background)")


def measure_speed(portrait: Image.Image, runs: int) -> None:
    photo = framings(portrait)["4000x3000"]
    with_faces = []
    without = []
    find = faces.find
    for _ in range(runs):
        start = time.perf_counter()
        headshots.render(photo, None, FRAMING)
        with_faces.append(time.perf_counter() - start)
        faces.find = lambda image: []  # as without the extra
        try:
            start = time.perf_counter()
            headshots.render(photo, None, FRAMING)
            without.append(time.perf_counter() - start)
        finally:
            faces.find = find
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
    parser.add_argument("--photos", type=Path, default=Path(__file__).resolve().parents[1] / "example" / "team"
                        / "photos", help="a folder of portraits, one person each")
    parser.add_argument("--contact-sheet", type=Path, help="also save every output, small, in one PNG")
    args = parser.parse_args()
    if not faces.available():
        sys.exit("install the faces extra first: pip install -e '.[faces,bench]'")
    measure_uniformity(args.photos, args.contact_sheet)
    measure_speed(next(iter(portraits(args.photos).values())), args.runs)
    measure_rebuild(max(3, args.runs // 2))


if __name__ == "__main__":
    main()
