"""Uniform headshots: decode a photo safely, frame the face the same way for everyone, write WebP at 1x and 2x.

Work is cached by content hash (photo bytes + framing parameters + pipeline and library versions) in a folder
beside mkdocs.yml; an unchanged photo is never decoded again. Cold photos are processed on every core.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from PIL import __version__ as PILLOW_VERSION

from . import faces
from .model import Focus

PIPELINE_VERSION = "2"
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
MIN_SIDE = 64  # pixels; a thinner photo cannot hold a face


@dataclass(frozen=True)
class Framing:
    """One size and framing for every headshot on the site."""

    width: int = 240  # at 1x; the 2x image is twice this
    aspect: tuple[int, int] = (4, 5)
    background: str = "#dde3ea"
    face_height: float = 0.36  # share of the output height taken by the face
    face_centre_y: float = 0.42  # where the face centre sits, from the top
    max_pixels: int = 40_000_000
    quality: int = 82

    @property
    def height(self) -> int:
        return round(self.width * self.aspect[1] / self.aspect[0])


@dataclass(frozen=True)
class Headshot:
    """A processed photo in the cache: the two WebP files and how the face was found."""

    key: str
    small: Path
    large: Path
    method: str  # "focus", "face", or "top-biased"
    decoded: bool  # False when it came from the cache


class PhotoError(Exception):
    """A photo that cannot be published; the message says why and what to do."""


def cache_key(photo: bytes, focus: Focus | None, framing: Framing) -> str:
    parts = {"photo": hashlib.sha256(photo).hexdigest(), "focus": focus.model_dump() if focus else None,
             "framing": asdict(framing), "pipeline": PIPELINE_VERSION, "pillow": PILLOW_VERSION,
             "faces": faces.version()}
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
        whole = all((folder / name).stat().st_size > 0 for name in ("1x.webp", "2x.webp"))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    # The key names the installed detector; if it failed to load when this was made, make it again now.
    if not whole or not isinstance(method, str) or (meta.get("detector") is False and faces.version() is not None):
        return None
    return Headshot(key, folder / "1x.webp", folder / "2x.webp", method, decoded=False)


def _make(data: bytes, key: str, focus: Focus | None, framing: Framing, cache: Path) -> Headshot:
    folder = cache / key
    small, large, method = render(data, focus, framing)
    meta = {"method": method, "detector": faces.available()}
    shutil.rmtree(folder, ignore_errors=True)  # a damaged entry, or one made without the detector
    try:
        _store(folder, {"1x.webp": small, "2x.webp": large, "meta.json": json.dumps(meta).encode()})
    except OSError as error:  # the cache's fault, not the photo's
        raise PhotoError(f"the headshot cannot be saved in the cache folder {cache} ({error.strerror}); make that "
                         "folder writable, or set cache_dir in mkdocs.yml to one that is") from None
    return Headshot(key, folder / "1x.webp", folder / "2x.webp", method, decoded=True)


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


def decode(data: bytes, framing: Framing) -> Image.Image:
    """An upright RGB image, decoded no larger than framing needs, or a PhotoError saying what is wrong."""
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
            # Decode at 1/2, 1/4 or 1/8 scale while the result stays well above the 2x output size.
            image.draft("RGB", (width * 1600 // max(width, height), height * 1600 // max(width, height)))
        image.load()
    except Image.DecompressionBombError:  # not an OSError
        raise PhotoError(f"the photo is over the limit of {framing.max_pixels / 1e6:.0f} megapixels; save a "
                         "smaller copy") from None
    except UnidentifiedImageError:
        raise PhotoError("the file is not a photo in a format we accept; use JPEG, PNG or WebP") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PhotoError(f"the photo is damaged or cut short ({error}); export it again") from None
    image = ImageOps.exif_transpose(image)
    return _flatten(image, framing.background)


def _refuse_unsupported(data: bytes) -> None:
    if not data:
        raise PhotoError("the photo file is empty; copy the photo again")
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head:
        raise PhotoError("SVG drawings are not accepted as photos; export a JPEG or PNG instead")
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        raise PhotoError("HEIC photos (the iPhone default) are not supported; convert it to JPEG or PNG")


def _flatten(image: Image.Image, background: str) -> Image.Image:
    """Any mode (CMYK, palette, 16-bit, with transparency) to RGB, transparent areas onto the background."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, background)
        canvas.alpha_composite(rgba)
        return canvas.convert("RGB")
    return image.convert("RGB")


# --- framing ---------------------------------------------------------------------------------------------


def render(data: bytes, focus: Focus | None, framing: Framing) -> tuple[bytes, bytes, str]:
    """(1x WebP, 2x WebP, how the face was found)."""
    image = decode(data, framing)
    face, method = locate_face(image, focus)
    large = frame(image, face, framing, 2)
    small = large.resize((framing.width, framing.height), Image.Resampling.LANCZOS)
    return _webp(small, framing), _webp(large, framing), method


FaceBox = tuple[float, float, float]  # centre x, centre y, face height, in pixels of the upright image


def locate_face(image: Image.Image, focus: Focus | None) -> tuple[FaceBox | None, str]:
    """The YAML focus always wins; then face detection (with the `faces` extra); else a top-biased crop."""
    width, height = image.size
    if focus is not None:
        return (focus.x * width, focus.y * height, focus.height * height), "focus"
    found = faces.detect(image)
    if found is not None:
        return found, "face"
    return None, "top-biased"


def frame(image: Image.Image, face: FaceBox | None, framing: Framing, scale: int) -> Image.Image:
    """Crop and scale so the face has the same height and position in every output; pad past the edges."""
    out_w, out_h = framing.width * scale, framing.height * scale
    if face is None:
        left, top, right, bottom = _top_biased_box(image.size, out_w / out_h)
    else:
        centre_x, centre_y, face_height = face
        factor = framing.face_height * out_h / face_height  # output pixels per source pixel
        left = centre_x - out_w / 2 / factor
        top = centre_y - framing.face_centre_y * out_h / factor
        right, bottom = left + out_w / factor, top + out_h / factor
    return _crop_with_padding(image, (left, top, right, bottom), (out_w, out_h), framing.background)


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
    out = Image.new("RGB", size, background)
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
