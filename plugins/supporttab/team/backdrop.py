"""One backdrop behind everyone, with the optional `backdrop` extra: MediaPipe's Selfie Segmentation model (Apache-2.0,
shipped in this package: models/README.md), run by OpenCV, tells the person from the background; the background
is replaced by the site's colour or gradient, through a feathered mask so hair keeps a soft edge. Without OpenCV,
`available()` is False and photos keep their own background.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources, util

from ..core.packages import lazy, opencv_version

Image, ImageFilter = lazy("PIL.Image"), lazy("PIL.ImageFilter")

MODEL = "selfie_segmentation.tflite"
SIDE = 256  # the model's input and output size
FEATHER = 0.004  # blur of the mask's edge, as a share of the output height
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def colours(background: str) -> tuple[str, str]:
    """'#dde3ea' -> (top, bottom) of the same colour; '#eef2f6 #c9d3de' -> a gradient from top to bottom."""
    found = COLOUR.findall(background)
    return found[0], found[-1]


def paint(size: tuple[int, int], background: str) -> Image.Image:
    """The backdrop: one colour, or a soft vertical gradient between two."""
    top, bottom = colours(background)
    if top.lower() == bottom.lower():
        return Image.new("RGB", size, top)
    ramp = Image.linear_gradient("L").resize((1, size[1]), Image.Resampling.BILINEAR).resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), ramp)


@cache
def _network():
    try:
        import cv2
        import numpy
    except ImportError:
        return None
    with resources.as_file(resources.files(__package__).joinpath("models", MODEL)) as path:
        try:
            network = cv2.dnn.readNet(str(path))
        except cv2.error:  # an OpenCV built without its TFLite reader
            return None
    return cv2, numpy, network


def available() -> bool:
    return _network() is not None


@cache
def version() -> str | None:
    """Part of the cache key when the backdrop is on; read from metadata, as importing OpenCV costs a warm rebuild
    more than all its other work."""
    if util.find_spec("cv2") is None:
        return None
    return f"opencv {opencv_version()} {MODEL}"


def person_mask(image: Image.Image) -> Image.Image:
    """How surely each pixel is the person (L, 255 = surely), at the image's size, with a feathered edge."""
    _, numpy, network = _network()
    pixels = numpy.asarray(image.resize((SIDE, SIDE), Image.Resampling.BILINEAR), dtype=numpy.float32) / 255
    network.setInput(pixels.transpose(2, 0, 1)[numpy.newaxis])
    surely = network.forward().reshape(SIDE, SIDE)
    # Sharpen the model's soft guess around one half (the edge it is sure of), then feather at the output size.
    sharpened = numpy.clip((surely - 0.5) * 3 + 0.5, 0, 1)
    mask = Image.fromarray((sharpened * 255).astype(numpy.uint8), "L").resize(image.size, Image.Resampling.BICUBIC)
    return mask.filter(ImageFilter.GaussianBlur(max(1.0, FEATHER * image.height)))


def replace(image: Image.Image, mask: Image.Image, background: str) -> Image.Image:
    """The person from `image` on the backdrop, blended along the mask's soft edge."""
    return Image.composite(image, paint(image.size, background), mask)
