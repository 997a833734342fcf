"""Exposure and white balance, evened out so the team's photos read as one shoot: a white balance taken from the
frame's greyest pixels and a levels stretch, both measured on the whole frame (measured on the person alone, the
same person came out less alike across framings: 2.3 against 1.7 delta E, tests/benchmarks/headshots.py) and both
bounded, so a photo is nudged, never repainted. A black-and-white photo stays black and white (it has no tint to
take out, and its channels get the same curve), and skin is never pulled towards one tone: only the photo's
darkest and brightest points are moved. A transparent photo is measured on its opaque part only, so the
backdrop that will show through it cannot move the person's colours.
"""

from __future__ import annotations

from ..core.packages import lazy

Image, ImageChops, ImageStat = lazy("PIL.Image"), lazy("PIL.ImageChops"), lazy("PIL.ImageStat")

MAX_CAST = 0.15  # a colour channel is scaled by at most this share, up or down
CAST_STRENGTH = 0.8  # how much of a measured cast is taken out: the greyest pixels may not be quite grey
GREYEST = 0.15  # the share of the frame's pixels, the least saturated, taken to show the light's colour
MAX_GAIN = 1.4  # contrast stretch at most: a dull or dark photo is lifted this far
BLACK = 0.005  # the share of the frame's channel values allowed to go fully black, and fully white
MAX_BLACK = 40  # the darkest point moved down to black at most from this level


def even_out(image: Image.Image, opaque: Image.Image | None = None) -> Image.Image:
    """The photo with its colour cast taken out and its levels stretched, within bounds; measured where `opaque`
    (an alpha channel) is at least half opaque, or on the whole photo."""
    where = None if opaque is None else opaque.point(lambda alpha: 255 if alpha >= 128 else 0)
    if where is not None and not where.getbbox():
        return image  # nothing of the photo shows
    cast = _cast_gains(image, where)
    black, gain = _levels(image, where)
    lut = []
    for channel_gain in cast:
        lut += [max(0, min(255, round((value * channel_gain - black) * gain))) for value in range(256)]
    return image.point(lut)


def _cast_gains(image: Image.Image, where: Image.Image | None) -> tuple[float, float, float]:
    """Grey pixels: the least saturated part of the frame (a wall, a collar, the whites of the eyes) was most
    likely grey in the light it was taken in, so its tint is the light's; each channel is scaled to take part of
    that tint out, within bounds. A frame of strong colours has no grey to go by and is hardly touched."""
    _, saturation, value = image.convert("HSV").split()
    lit = value.point(lambda v: 255 if v >= 48 else 0)  # not the shadows
    if where is not None:
        lit = ImageChops.multiply(lit, where)
    histogram = saturation.histogram(lit)
    threshold = _percentile(histogram, sum(histogram) * GREYEST)
    greyest = ImageChops.multiply(saturation.point(lambda s: 255 if s <= threshold else 0), lit)
    if not greyest.getbbox():
        return 1.0, 1.0, 1.0
    means = ImageStat.Stat(image, greyest).mean
    grey = sum(means) / 3
    return tuple(min(1 + MAX_CAST, max(1 - MAX_CAST, 1 + CAST_STRENGTH * (grey / max(mean, 1) - 1)))
                 for mean in means)


def _levels(image: Image.Image, where: Image.Image | None) -> tuple[float, float]:
    """(black point, gain) that stretch the channels from their darkest to their brightest few values (all three
    channels counted together, so a saturated colour is not clipped the way a stretch of luminance would)."""
    by_channel = image.histogram(where)
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
