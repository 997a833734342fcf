"""Headshot uniformity and speed, on real portraits of different people in the framings a real team sends.

    python tests/benchmarks/headshots.py [--photos tests/example/team/photos] [--runs 7] [--old 65aca0a]

1. Uniformity: each portrait in --photos (the example team's public-domain photos by default: see
   team/photos/SOURCES.md) is made into thirteen framings by this script (as sent, tight, upper body on a wider
   canvas, off-centre, head at the top edge, on its side with EXIF, small, 4000x3000, busy background, tilted
   12 degrees, the middle of a group photo, under a warm lamp, underexposed). Each goes through this pipeline and
   the one at --old (in a child process), the backdrop on; YuNet is then run on each 480x600 output by this
   script's own code (one look at the whole output, as it is: none of the pipeline's code, so a change to the
   pipeline's detection cannot move the ruler), and the spread (max - min, and standard deviation) of the eye
   line's centre x and y, the eye distance and the eye line's angle is reported over all people and framings,
   old beside new beside a plain centre crop; also for --hold-out alone (a person kept out while tuning).
2. Background and tone: the colour difference (CIEDE2000 delta E) between the outputs' top corners across
   people and framings, with and without the backdrop; how far each framing's face colour lies from the same
   person's as sent, with and without evening out; the colour left in a black-and-white photo.
3. Time per 4000x3000 JPEG to both sizes, without faces, with faces and with the backdrop, the pipeline at --old
   (a git revision, extracted into a temporary folder) and this one alternating in one run (medians).
4. A warm rebuild of a site with 100 photos (backdrop on): images decoded, and the time added over the same site
   without photos.
Needs the `faces`, `backdrop` and `bench` extras: pip install -e ".[faces,backdrop,bench]".
"""

from __future__ import annotations

import argparse
import io
import json
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

# The --old pipeline (timed in a child process) has no backdrop, tone nor Framing(backdrop=...): only the
# measuring functions import them.
FRAMING = Framing()
REPO = Path(__file__).resolve().parents[2]


def encode(image: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def detect(image: Image.Image) -> tuple[float, ...] | None:
    """The ruler: YuNet's row (box x, y, w, h, eyes, nose, mouth, score) for the largest face, run once on the
    image as it is (larger ones scaled to 1000 px), by this script alone; None without a face."""
    import cv2
    import numpy

    scale = min(1.0, 1000 / max(image.size))
    size = (round(image.width * scale), round(image.height * scale))
    view = image.resize(size, Image.Resampling.LANCZOS) if scale < 1 else image
    detector = cv2.FaceDetectorYN.create(faces._opencv()[2], "", size, 0.7, 0.3, 50)
    _, found = detector.detect(cv2.cvtColor(numpy.asarray(view), cv2.COLOR_RGB2BGR))
    if found is None:
        return None
    return tuple(float(value) / scale for value in max(found, key=lambda row: row[3])[:14])


class Box:
    """The face box of `detect`'s row, centre and height."""

    def __init__(self, row: tuple[float, ...]):
        self.x, self.y, self.height = row[0] + row[2] / 2, row[1] + row[3] / 2, row[3]


def framings(portrait: Image.Image) -> dict[str, bytes]:
    """One portrait as a team sends it, thirteen ways."""
    width, height = portrait.size
    face = Box(detect(portrait))
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
        "warm lamp": encode(tinted(portrait, (1.12, 1.0, 0.85))),
        "underexposed": encode(portrait.point(lambda v: round(v * 0.62))),
    }


def tinted(image: Image.Image, gains: tuple[float, float, float]) -> Image.Image:
    return Image.merge("RGB", [band.point(lambda v, k=k: min(255, round(v * k)))
                               for band, k in zip(image.split(), gains, strict=True)])


def portraits(folder: Path) -> dict[str, Image.Image]:
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
            image = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
            if detect(image):
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
    row = detect(image)
    if row is None:
        return None
    (lx, ly), (rx, ry) = row[4:6], row[6:8]
    return (lx + rx) / 2, (ly + ry) / 2, math.hypot(rx - lx, ry - ly), math.degrees(math.atan2(ry - ly, rx - lx))


def ruler_wobble(outputs: list[Image.Image]) -> None:
    """How far the ruler itself moves: each output read again moved by a few whole pixels (the move taken off),
    so a spread near these figures is the ruler's, not the framing's."""
    moves = ((0, 0), (1, 2), (3, 1), (2, 3))
    ranges = []
    for output in outputs:
        wide = ImageOps.expand(output, border=4, fill=output.getpixel((0, 0)))
        lines = [eye_line(wide.crop((4 - dx, 4 - dy, 4 - dx + output.width, 4 - dy + output.height)))
                 for dx, dy in moves]
        lines = [(x - dx, y - dy, d, a) for (dx, dy), (x, y, d, a) in zip(moves, lines, strict=True)]
        middle = statistics.median(line[2] for line in lines)
        ranges.append([spread([line[i] * (100 / middle if i == 2 else 1) for line in lines]) for i in range(4)])
    cells = "  ".join(f"{name} {statistics.median(r[i] for r in ranges):.1f} (max {max(r[i] for r in ranges):.1f})"
                      for i, name in enumerate(("x px", "y px", "distance %", "angle deg")))
    print(f"the ruler's own wobble, each new output read 4 times moved by 0-3 px: median range {cells}")


def lab(pixels: list[tuple[float, float, float]]):
    return color.rgb2lab([[[channel / 255 for channel in rgb] for rgb in pixels]])[0]


def corners(image: Image.Image) -> tuple[float, float, float]:
    """The mean colour of the output's two top corners, where the background shows."""
    pixels = [image.crop(box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
              for box in ((0, 0, 60, 60), (image.width - 60, 0, image.width, 60))]
    return tuple(sum(column) / len(column) for column in zip(*pixels))


def face_colour(image: Image.Image) -> tuple[float, float, float]:
    """The mean colour of the cheeks and forehead, where every output puts them (below and between the eyes)."""
    eyes_y = (FRAMING.face_centre_y - 0.13 * FRAMING.face_height) * image.height
    box = (image.width / 2 - 45, eyes_y - 50, image.width / 2 + 45, eyes_y + 60)
    return image.crop(tuple(round(v) for v in box)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))


def delta_e(a, b) -> float:
    return float(color.deltaE_ciede2000(lab([a])[0], lab([b])[0]))


def pairwise(values: list) -> list[float]:
    return [delta_e(a, b) for i, a in enumerate(values) for b in values[i + 1:]]


def render_image(photo: bytes, framing: Framing, even: bool = True) -> Image.Image:
    from supporttab.team import tone

    even_out = tone.even_out
    if not even:
        tone.even_out = lambda image: image
    try:
        _, large, _, _, _ = headshots.render(photo, None, framing)
    finally:
        tone.even_out = even_out
    return Image.open(io.BytesIO(large)).convert("RGB")


def backdrop_framing() -> Framing:
    return Framing(backdrop=True, background="#eef2f6 #c9d3de")  # as the example site


def print_spread(rows: list[tuple], label: str) -> None:
    """Range and standard deviation of the eye line over `rows`: old pipeline, new, and the centre crop."""
    print(f"\n{label}:")
    print(f"{'measure':<16}{'old: range':>12}{'sd':>6}{'new: range':>12}{'sd':>6}{'centre crop: range':>20}{'sd':>6}"
          "   target")
    targets = ("8 px", "8 px", "10 %", "3 deg")
    for index, (name, target) in enumerate(zip(("eye centre x", "eye centre y", "eye distance", "eye angle"),
                                               targets, strict=True)):
        unit = "%" if index == 2 else ("deg" if index == 3 else "px")
        line = f"{name:<16}"
        for column, width in ((4, 8), (3, 8), (5, 16)):
            values = [row[column][index] for row in rows if row[column]]
            if index == 2:  # relative to the median, as the target is
                middle = statistics.median(values)
                values = [100 * value / middle for value in values]
            line += f"{spread(values):>{width}.1f} {unit:<3}{statistics.pstdev(values):>6.1f}"
        print(f"{line}   {target}")


def render_old(sent: dict[str, dict[str, bytes]], old: str) -> dict[tuple[str, str], Image.Image]:
    """Every framing through the pipeline at git revision `old`, in a child process, backdrop on."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tree = extract(old, folder / "old")
        jobs = {}
        for person, photos in sent.items():
            for name, photo in photos.items():
                path = folder / f"{len(jobs)}.photo"
                path.write_bytes(photo)
                jobs[person, name] = path
        subprocess.run([sys.executable, __file__, "--render-all", str(folder)], check=True,
                       env={**os.environ, "PYTHONPATH": tree})
        return {key: Image.open(path.with_suffix(".webp")).convert("RGB") for key, path in jobs.items()}


def render_all(folder: Path) -> None:
    """The child of render_old: each *.photo in `folder` to *.webp beside it (the 2x headshot)."""
    for path in folder.glob("*.photo"):
        path.with_suffix(".webp").write_bytes(headshots.render(path.read_bytes(), None, backdrop_framing())[1])


def extract(revision: str, tree: Path) -> str:
    """The plugins folder at git `revision`, extracted into `tree`; its path."""
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "plugins"], capture_output=True,
                             check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return str(tree / "plugins")


def measure_uniformity(people: dict[str, Image.Image], sheet: Path | None, old: str,
                       hold_out: str | None) -> dict[str, dict[str, bytes]]:
    sent = {person: framings(portrait) for person, portrait in people.items()}
    before = render_old(sent, old)
    rows, tiles, outputs = [], [], []
    for person, photos in sent.items():
        for name, photo in photos.items():
            _, large, _, method, notes = headshots.render(photo, None, backdrop_framing())
            output = Image.open(io.BytesIO(large)).convert("RGB")
            tiles.append(output.resize((120, 150), Image.Resampling.LANCZOS))
            outputs.append((person, output))
            rows.append((person, name, method, eye_line(output), eye_line(before[person, name]),
                         eye_line(centre_crop(photo)), len(notes)))
    print(f"\n1. Uniformity over {len(people)} people x {len(rows) // max(1, len(people))} framings "
          f"({', '.join(people)}), backdrop on, the eyes as detected again on each 480x600 output")
    print(f"{'person':<10}{'framing':<20}{'eye x, y, distance, angle: old':>32}{'new':>26}{'warnings':>9}")
    for person, name, _, ours, theirs, _, warned in rows:
        shown = ["no face found" if eyes is None else "{:.0f}, {:.0f}, {:.0f}, {:+.1f}".format(*eyes)
                 for eyes in (theirs, ours)]
        print(f"{person:<10}{name:<20}{shown[0]:>32}{shown[1]:>26}{warned:>9}")
    if sheet:
        columns = len(tiles) // max(1, len(people))
        contact = Image.new("RGB", (columns * 124 + 4, len(people) * 154 + 4), "white")
        for index, tile in enumerate(tiles):
            contact.paste(tile, (4 + index % columns * 124, 4 + index // columns * 154))
        contact.save(sheet)
        print(f"contact sheet: {sheet} (one row per person, the framings in the order above)")
    # A face turned aside (the camera operator in profile) shows its eyes closer than they are, and a detector's
    # landmarks on it say little: its framing is judged apart, by the frontal people's figures.
    expected = headshots.EYES_PER_FACE * FRAMING.face_height * 600
    aside = {row[0] for row in rows if row[1] == "as sent" and row[3] and row[3][2] < headshots.FRONTAL * expected}
    print_spread(rows, f"all {len(people)} people")
    frontal = [row for row in rows if row[0] not in aside]
    if aside:
        print_spread(frontal, f"{len(people) - len(aside)} frontal people (without {', '.join(sorted(aside))}, "
                              "turned aside: its landmarks say little)")
    if hold_out in people:
        print_spread([row for row in rows if row[0] == hold_out], f"{hold_out} alone (held out while tuning)")
    print("\nper person, old -> new (range of eye x, eye y in px; eye distance in % of that person's median; angle):")
    for person in people:
        cells = []
        for column in (4, 3):
            mine = [row[column] for row in rows if row[0] == person and row[column]]
            middle = statistics.median(m[2] for m in mine)
            cells.append((spread([m[0] for m in mine]), spread([m[1] for m in mine]),
                          spread([100 * m[2] / middle for m in mine]), spread([m[3] for m in mine])))
        print(f"  {person:<12}" + "  ".join(f"{label} {a:4.1f} -> {b:4.1f}" for label, a, b in zip(
            ("x", "y", "distance %", "angle"), *cells, strict=True)))
    ruler_wobble([output for person, output in outputs if person not in aside])
    print(f"faces found again on outputs: old {sum(1 for row in rows if row[4])}/{len(rows)}, new "
          f"{sum(1 for row in rows if row[3])}/{len(rows)}, centre crop {sum(1 for row in rows if row[5])}/{len(rows)}")
    return sent


def measure_background_and_tone(people: dict[str, Image.Image], sent: dict[str, dict[str, bytes]]) -> None:
    """Delta E (CIEDE2000) of the top corners between every two outputs, and of each framing's face colour from
    the same person's as sent."""
    from supporttab.team import backdrop

    kinds = {"no backdrop, as before (no evening out)": (FRAMING, False), "no backdrop, evened out": (FRAMING, True),
             "backdrop extra, evened out": (backdrop_framing(), True)}
    print("\n2. Background and tone, delta E (CIEDE2000; 1 is about the least a person notices, 2-10 at a glance)")
    print(f"{'':<42}{'backgrounds: as sent':>22}{'all framings':>14}{'face vs as sent':>17}")
    for label, (framing, even) in kinds.items():
        background, all_framings, face_shift = [], [], []
        for photos in sent.values():
            outputs = {name: render_image(photo, framing, even) for name, photo in photos.items()}
            background.append(corners(outputs["as sent"]))
            all_framings += [corners(output) for output in outputs.values()]
            reference = face_colour(outputs["as sent"])
            face_shift += [delta_e(face_colour(output), reference) for name, output in outputs.items()
                           if name != "as sent"]
        between, framed = pairwise(background), pairwise(all_framings)
        print(f"{label:<42}{statistics.mean(between):>14.1f} (max {max(between):4.1f})"
              f"{statistics.mean(framed):>7.1f} (max {max(framed):4.1f}){statistics.mean(face_shift):>8.1f} "
              f"(max {max(face_shift):4.1f})")
    grey = ImageOps.grayscale(next(iter(people.values()))).convert("RGB")
    output = render_image(encode(grey), backdrop_framing())
    person = backdrop.person_mask(output).point(lambda v: 255 if v > 200 else 0)
    chroma = [math.hypot(a, b) for (_, a, b), keep in zip(
        lab(list(output.get_flattened_data())), person.get_flattened_data(), strict=True) if keep]
    print(f"a black-and-white photo's person after evening out: colour (CIELAB chroma) mean {statistics.mean(chroma):.2f}"
          f", 99th percentile {statistics.quantiles(chroma, n=100)[98]:.2f} (0 is grey; WebP rounding adds a little)")


def time_one(photo: Path, mode: str, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds per render of `photo`: "plain" as without the faces extra, "faces", or "backdrop" (and
    faces). CPU time (every thread of the process) is steadier than wall time on a machine shared with others."""
    data = photo.read_bytes()
    framing = Framing(backdrop=True) if mode == "backdrop" else Framing()
    find = faces.find
    if mode == "plain":
        faces.find = lambda image: []
    headshots.render(data, None, framing)  # load the models once, as a build does
    seconds = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        headshots.render(data, None, framing)
        seconds.append((time.perf_counter() - start, time.process_time() - cpu))
    faces.find = find
    return seconds


def measure_speed(portrait: Image.Image, runs: int, old: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "4000x3000.jpg"
        photo.write_bytes(framings(portrait)["4000x3000"])
        pipelines = {"old": extract(old, Path(tmp) / "old"), "new": str(REPO / "plugins")}
        times: dict[tuple[str, str], list[list[float]]] = {}
        for _ in range(runs):  # alternate old and new, a few renders each, so both see the same machine load
            for mode in ("plain", "faces", "backdrop"):
                for name, path in pipelines.items():
                    if name == "old" and mode == "backdrop":
                        continue
                    result = subprocess.run([sys.executable, __file__, "--time-one", mode, "--photo", str(photo),
                                             "--runs", "3"], capture_output=True, text=True, check=True,
                                            env={**os.environ, "PYTHONPATH": path})
                    times.setdefault((name, mode), []).extend(json.loads(result.stdout))
    print(f"\n3. One 4000x3000 JPEG to 240x300 and 480x600 WebP, median of {runs * 3} (old = {old}, alternating):")
    print(f"   {'':<16}{'old: wall':>10}{'CPU':>8}{'new: wall':>11}{'CPU':>8}")
    for mode, label in (("plain", "without faces"), ("faces", "with faces"), ("backdrop", "with backdrop")):
        cells = [f"{statistics.median(t[kind] for t in times[name, mode]) * 1000:6.0f} ms"
                 if (name, mode) in times else "n/a" for name in ("old", "new") for kind in (0, 1)]
        print(f"   {label:<16}{cells[0]:>10}{cells[1]:>8}{cells[2]:>11}{cells[3]:>8}")


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
                                       "plugins: [search, {supporttab: {headshot_backdrop: true}}]\n")
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
    print(f"\n4. A site with 100 team photos, backdrop on (median of {runs}, alternating with the same site without photos):")
    print(f"   cold build {cold:.2f} s ({cold_log}); warm build {statistics.median(warm):.2f} s ({', '.join(logs)})")
    print(f"   without photos {statistics.median(plain_times):.2f} s; added by 100 cached photos: "
          f"{statistics.median(warm) - statistics.median(plain_times):+.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--photos", type=Path, default=REPO / "tests" / "example" / "team" / "photos",
                        help="a folder of portraits, one person each")
    parser.add_argument("--contact-sheet", type=Path, help="also save every output, small, in one PNG")
    parser.add_argument("--old", default="399b951", help="the git revision to measure beside this one")
    parser.add_argument("--hold-out", default="patty", help="a person kept out while tuning, reported alone")
    parser.add_argument("--skip", nargs="*", default=(), choices=("uniformity", "tone", "speed", "rebuild"),
                        help="leave these parts out")
    parser.add_argument("--render-all", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--time-one", choices=("plain", "faces", "backdrop"), help=argparse.SUPPRESS)
    parser.add_argument("--photo", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_one:  # a child process timing one pipeline (this one's, or --old's through PYTHONPATH)
        print(json.dumps(time_one(args.photo, args.time_one, args.runs)))
        return
    if args.render_all:  # a child process rendering with --old's pipeline
        render_all(args.render_all)
        return
    from supporttab.team import backdrop

    if not faces.available() or not backdrop.available():
        sys.exit("install the extras first: pip install -e '.[faces,backdrop,bench]'")
    people = portraits(args.photos)
    if "uniformity" not in args.skip or "tone" not in args.skip:
        sent = measure_uniformity(people, args.contact_sheet, args.old, args.hold_out)
    if "tone" not in args.skip:
        measure_background_and_tone(people, sent)
    if "speed" not in args.skip:
        measure_speed(next(iter(people.values())), args.runs, args.old)
    if "rebuild" not in args.skip:
        measure_rebuild(max(3, args.runs // 2))


if __name__ == "__main__":
    main()
