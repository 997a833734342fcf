"""Exposure and white balance, evened out so the team's photos read as one shoot: a grey-world white balance and
a levels stretch, both measured on the person (or the whole frame without a mask) and both bounded, so a photo
is nudged, never repainted. A black-and-white photo stays black and white (its channels get the same curve), and
skin is never pulled towards one tone: only the photo's darkest and brightest points are moved.
"""

from __future__ import annotations

from PIL import Image, ImageStat

MAX_CAST = 0.08  # a colour channel is scaled by at most this share, up or down
CAST_STRENGTH = 0.6  # how much of a measured cast is taken out: scenes are not all grey on average
MAX_GAIN = 1.4  # contrast stretch at most: a dull or dark photo is lifted this far
BLACK = 0.005  # the share of the person's channel values allowed to go fully black, and fully white
MAX_BLACK = 40  # the darkest point moved down to black at most from this level


def even_out(image: Image.Image, mask: Image.Image | None = None) -> Image.Image:
    """The photo with its colour cast taken out and its levels stretched, within bounds; `mask` (L) marks the
    person, whose pixels are the ones measured."""
    region = None if mask is None else mask.point(lambda value: 255 if value >= 128 else 0)
    if region is not None and not region.getbbox():
        region = None  # no person found: measure the whole frame
    cast = _cast_gains(image, region)
    black, gain = _levels(image, region)
    lut = []
    for channel_gain in cast:
        lut += [max(0, min(255, round((value * channel_gain - black) * gain))) for value in range(256)]
    return image.point(lut)


def _cast_gains(image: Image.Image, region: Image.Image | None) -> tuple[float, float, float]:
    """Grey world: each channel scaled towards the mean of the three, part of the way and within bounds."""
    means = ImageStat.Stat(image, region).mean
    grey = sum(means) / 3
    if grey < 1:
        return 1.0, 1.0, 1.0
    return tuple(min(1 + MAX_CAST, max(1 - MAX_CAST, 1 + CAST_STRENGTH * (grey / max(mean, 1) - 1)))
                 for mean in means)


def _levels(image: Image.Image, region: Image.Image | None) -> tuple[float, float]:
    """(black point, gain) that stretch the channels from their darkest to their brightest few values (all three
    channels counted together, so a saturated colour is not clipped the way a stretch of luminance would)."""
    by_channel = image.histogram(region)
    histogram = [sum(by_channel[value::256]) for value in range(256)]
    total = sum(histogram)
    low, high = _percentile(histogram, total * BLACK), _percentile(histogram, total * (1 - BLACK))
    black = min(low, MAX_BLACK)
    gain = min(MAX_GAIN, 255 / max(high - black, 1))
    return black, max(1.0, gain)


def _percentile(histogram: list[int], count: float) -> int:
    running = 0
    for value, seen in enumerate(histogram):
        running += seen
        if running >= count:
            return value
    return 255
