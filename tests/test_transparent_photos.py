"""A transparent photo (a portrait someone has already cut out) gets the site's backdrop, colour or gradient, behind
the person, with or without the backdrop extra and the face detector; its exposure and colour are measured on the
person alone, so neither the backdrop nor the colour hidden under the transparent pixels can move them."""

from __future__ import annotations

import io

import pytest
from conftest import EXAMPLE
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat
from supporttab.team import backdrop, faces
from supporttab.team.headshots import Framing, decode, render

AMARA = EXAMPLE / "team" / "photos" / "amara.jpg"
# The astronaut's head, as found in her 512x512 portrait: eyes near (224, 106), a face box about 110 px tall.
HEAD = (149, 24, 299, 229)
CORNERS = {"top left": (0, 0, 40, 40), "top right": (440, 0, 480, 40), "bottom left": (0, 560, 40, 600),
           "bottom right": (440, 560, 480, 600)}


def cut_out(hidden: tuple[int, int, int] = (0, 0, 0), grey: bool = False) -> Image.Image:
    """The real portrait cut out around the head with a soft edge; `hidden` is the colour stored under the
    transparent pixels (editors write black, white or whatever was there)."""
    photo = Image.open(AMARA).convert("RGB")
    alpha = Image.new("L", photo.size, 0)
    ImageDraw.Draw(alpha).ellipse(HEAD, fill=255)
    alpha = alpha.filter(ImageFilter.GaussianBlur(3))
    person = Image.composite(photo, Image.new("RGB", photo.size, hidden), alpha.point(lambda a: 255 if a else 0))
    if grey:
        person = person.convert("L")
        return Image.merge("LA", (person, alpha))
    person.putalpha(alpha)
    return person


def encode(image: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
    return buffer.getvalue()


def large(photo: bytes, framing: Framing) -> Image.Image:
    return Image.open(io.BytesIO(render(photo, None, framing)[1])).convert("RGB")


def mean(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[float, ...]:
    return tuple(ImageStat.Stat(image.crop(box)).mean)


@pytest.fixture(params=["detector", "no detector"])
def detector(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """With the faces extra (framed by the eyes) and without it (a top-biased crop, padded past the edges)."""
    if request.param == "detector" and not faces.available():
        pytest.skip("the faces extra is not installed")
    if request.param == "no detector":
        monkeypatch.setattr(faces, "find", lambda image: [])
    return request.param


@pytest.mark.parametrize("background", ["#dde3ea", "#eef2f6 #c9d3de", "#2b2f36 #7a8594"],
                         ids=["colour", "light gradient", "dark gradient"])
@pytest.mark.parametrize("cut_out_backdrop", [False, True], ids=["backdrop off", "backdrop on"])
@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "grey PNG"])
def test_the_configured_backdrop_shows_wherever_the_photo_is_transparent(background: str, cut_out_backdrop: bool,
                                                                         fmt: str, detector: str) -> None:
    photo = encode(cut_out(grey=fmt == "grey PNG"), fmt.split()[-1])
    out = large(photo, Framing(background=background, backdrop=cut_out_backdrop))
    expected = backdrop.paint(out.size, background)
    for where, box in CORNERS.items():
        assert mean(out, box) == pytest.approx(mean(expected, box), abs=3), where
    assert max(ImageStat.Stat(out.crop((190, 160, 250, 230))).stddev) > 10  # and the face is there, not backdrop


@pytest.mark.parametrize("background", ["#dde3ea", "#eef2f6 #c9d3de"])
def test_the_colour_hidden_under_transparent_pixels_changes_nothing(background: str, detector: str) -> None:
    framing = Framing(background=background)
    outputs = [large(encode(cut_out(hidden)), framing) for hidden in ((0, 0, 0), (255, 255, 255), (230, 20, 20))]
    for other in outputs[1:]:
        assert max(ImageStat.Stat(ImageChops.difference(outputs[0], other)).mean) < 0.5


def test_the_person_is_evened_out_alone_whatever_backdrop_goes_behind(detector: str) -> None:
    # Measured with the backdrop in the frame, a dark backdrop would lift the levels' black point and a light one
    # the white point: the same person would come out in two exposures.
    photo = encode(cut_out())
    face = (190, 160, 250, 230)  # inside the cut-out, framed by the eyes or from the top
    on_dark = mean(large(photo, Framing(background="#202428")), face)
    on_light = mean(large(photo, Framing(background="#f4f6f8")), face)
    # Within 3 levels: the face is found on the photo as flattened onto each backdrop, so it may be framed a pixel
    # apart; measured with the backdrop, the two came out 67 levels apart.
    assert on_dark == pytest.approx(on_light, abs=3)


def test_a_transparent_photo_stays_transparent_until_it_is_framed() -> None:
    decoded = decode(encode(cut_out()), Framing())
    assert decoded.mode == "RGBA" and decoded.getpixel((5, 5))[3] == 0
    opaque = Image.open(AMARA).convert("RGBA")  # an alpha channel with nothing transparent in it
    assert decode(encode(opaque), Framing()).mode == "RGB"
