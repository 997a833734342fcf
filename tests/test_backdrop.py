"""One backdrop for everyone (the backdrop extra) and exposure and colour evened out, on real portraits."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from conftest import CACHE, EXAMPLE, run_mkdocs_build
from PIL import Image, ImageChops, ImageOps, ImageStat
from supporttab.team import backdrop, headshots, tone
from supporttab.team.headshots import Framing, headshot, render

PHOTOS = EXAMPLE / "team" / "photos"
PLAIN = Framing()
BACKDROP = Framing(backdrop=True)
GREY_BLUE = (0xDD, 0xE3, 0xEA)


def _needs_backdrop() -> None:
    if not backdrop.available():
        if os.environ.get("CI"):
            pytest.fail("the backdrop extra is not installed; .ci/run installs it")
        pytest.skip("the backdrop extra (opencv-python-headless) is not installed")


def _large(photo: bytes, framing: Framing) -> Image.Image:
    return Image.open(io.BytesIO(render(photo, None, framing)[1])).convert("RGB")


def _mean(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[float, ...]:
    return tuple(ImageStat.Stat(image.crop(box)).mean)


def _encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


CORNERS = ((0, 0, 60, 60), (420, 0, 480, 60))


@pytest.mark.parametrize("person", ["amara", "patty"])
def test_each_photos_own_background_gives_way_to_the_backdrop(person: str) -> None:
    # Amara's portrait has a cloudy grey studio background, Patty's a flag and a blue wall: both end on one colour.
    _needs_backdrop()
    photo = (PHOTOS / f"{person}.jpg").read_bytes()
    replaced, kept = _large(photo, BACKDROP), _large(photo, PLAIN)
    for box in CORNERS:
        assert _mean(replaced, box) == pytest.approx(GREY_BLUE, abs=4)
    assert any(_mean(kept, box) != pytest.approx(GREY_BLUE, abs=15) for box in CORNERS)


@pytest.mark.parametrize("person", ["amara", "patty"])
def test_the_person_and_their_hair_stay(person: str) -> None:
    _needs_backdrop()
    replaced = _large((PHOTOS / f"{person}.jpg").read_bytes(), BACKDROP)
    # The head, from above the hair to the chin, as every headshot frames it: eyes at (240, 217), 84 px apart.
    head = replaced.crop((180, 110, 300, 320))
    backdrop_like = sum(1 for pixel in head.get_flattened_data()
                        if max(abs(channel - want) for channel, want in zip(pixel, GREY_BLUE, strict=True)) <= 6)
    assert backdrop_like / (head.width * head.height) < 0.02


def test_the_edge_between_person_and_backdrop_is_feathered() -> None:
    _needs_backdrop()
    framed = _large((PHOTOS / "amara.jpg").read_bytes(), PLAIN)
    mask = backdrop.person_mask(framed)
    row = [mask.getpixel((x, 200)) for x in range(480)]  # across the head, through hair on both sides
    assert row[0] < 10 and row[-1] < 10 and max(row) > 245
    soft = sum(1 for value in row if 20 < value < 235)
    assert 4 <= soft <= 60  # a few pixels of soft edge on each side of the head, not a hard cut, not a haze


def test_a_gradient_runs_from_the_first_colour_at_the_top_to_the_second_at_the_bottom() -> None:
    painted = backdrop.paint((10, 200), "#000000 #ffffff")
    column = [painted.getpixel((5, y))[0] for y in range(200)]
    assert column[0] <= 2 and column[-1] >= 253 and column == sorted(column)
    assert backdrop.paint((10, 10), "#dde3ea").getcolors() == [(100, GREY_BLUE)]


def test_the_gradient_backdrop_is_behind_every_headshot() -> None:
    _needs_backdrop()
    framing = Framing(backdrop=True, background="#ffffff #000080")
    out = _large((PHOTOS / "patty.jpg").read_bytes(), framing)
    assert _mean(out, (0, 0, 20, 20)) == pytest.approx((251, 251, 253), abs=5)  # the top colour, hardly mixed yet


def test_without_the_extra_the_photo_is_made_as_without_a_backdrop(monkeypatch: pytest.MonkeyPatch) -> None:
    photo = (PHOTOS / "patty.jpg").read_bytes()
    plain = render(photo, None, PLAIN)
    monkeypatch.setattr(backdrop, "available", lambda: False)
    assert render(photo, None, BACKDROP) == plain


def test_asking_for_the_backdrop_without_the_extra_is_a_warning_at_mkdocs_yml(site: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backdrop, "available", lambda: False)
    shutil.rmtree(site / CACHE, ignore_errors=True)  # no headshot on the backdrop from an earlier build
    result = run_mkdocs_build(site)
    assert result.returncode == 1  # strict: the site would be published without the backdrop its owner asked for
    assert ("mkdocs.yml:44:7: headshot_backdrop: the photos keep their own backgrounds: the backdrop needs the "
            "backdrop extra (OpenCV); install it with pip install 'supporttab[backdrop]', or set headshot_backdrop "
            "to false") in result.stderr
    assert result.stderr.count("headshot_backdrop: the photos keep") == 1  # said once, not once per photo


def test_the_cache_key_names_the_backdrop_and_its_model(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (PHOTOS / "amara.jpg").read_bytes()
    assert headshots.cache_key(data, None, PLAIN) != headshots.cache_key(data, None, BACKDROP)
    assert headshots.cache_key(data, None, BACKDROP) != headshots.cache_key(
        data, None, Framing(backdrop=True, background="#eef2f6 #c9d3de"))
    before = headshots.cache_key(data, None, BACKDROP)
    plain = headshots.cache_key(data, None, PLAIN)
    monkeypatch.setattr(backdrop, "version", lambda: "opencv 99 selfie_segmentation.tflite")
    assert headshots.cache_key(data, None, BACKDROP) != before  # another OpenCV may cut the person differently
    assert headshots.cache_key(data, None, PLAIN) == plain  # and changes nothing where no backdrop is asked for


def test_a_headshot_made_while_the_installed_segmenter_failed_is_made_again(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_backdrop()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes((PHOTOS / "amara.jpg").read_bytes())
    monkeypatch.setattr(backdrop, "available", lambda: False)  # installed, but it would not load
    first = headshot(photo, None, BACKDROP, tmp_path / "cache")
    assert first.decoded and not headshot(photo, None, BACKDROP, tmp_path / "cache").decoded  # while it cannot
    monkeypatch.undo()  # it loads now: made again, on the backdrop
    fixed = headshot(photo, None, BACKDROP, tmp_path / "cache")
    assert fixed.decoded and fixed.key == first.key
    assert not headshot(photo, None, BACKDROP, tmp_path / "cache").decoded  # and now it stays cached
    assert Image.open(fixed.large).convert("RGB").getpixel((5, 5)) == pytest.approx(GREY_BLUE, abs=4)


def test_the_example_team_page_shows_every_photo_on_the_one_backdrop(built_example: Path) -> None:
    _needs_backdrop()
    images = sorted((built_example / "assets" / "team").glob("*-2x.webp"))
    assert len(images) == len(list(PHOTOS.glob("*.jpg")))
    top = [_mean(Image.open(path).convert("RGB"), (0, 0, 40, 40)) for path in images]
    assert all(colour == pytest.approx((0xEE, 0xF2, 0xF6), abs=6) for colour in top)


# --- exposure and white balance --------------------------------------------------------------------------


def _portrait() -> Image.Image:
    return Image.open(PHOTOS / "amara.jpg").convert("RGB")


def _tinted(image: Image.Image, red: float, green: float, blue: float) -> Image.Image:
    return Image.merge("RGB", [band.point(lambda v, k=k: min(255, round(v * k)))
                               for band, k in zip(image.split(), (red, green, blue), strict=True)])


def test_a_black_and_white_photo_stays_black_and_white() -> None:
    grey = ImageOps.grayscale(_portrait()).convert("RGB")
    evened = tone.even_out(grey)
    red, green, blue = evened.split()
    assert ImageChops.difference(red, green).getbbox() is None and ImageChops.difference(green, blue).getbbox() is None
    out = _large(_encode(grey), PLAIN)  # the whole pipeline, through WebP: no tint beyond its rounding
    spread = [max(pixel) - min(pixel) for pixel in out.get_flattened_data()]
    assert sum(spread) / len(spread) < 1.5 and max(spread) <= 12


@pytest.mark.parametrize("tint", [(1.12, 1.0, 0.85), (0.88, 1.0, 1.12), (0.94, 1.08, 0.94)],
                         ids=["warm lamp", "cold shade", "green office light"])
def test_a_colour_cast_is_partly_taken_out(tint: tuple[float, float, float]) -> None:
    original = _portrait()  # a grey studio background: grey pixels to go by

    def balance(image: Image.Image) -> tuple[float, float]:
        red, green, blue = ImageStat.Stat(image).mean
        return red / green, blue / green

    def off(image: Image.Image, reference: Image.Image) -> float:
        return max(abs(a - b) for a, b in zip(balance(image), balance(reference), strict=True))

    cast = _tinted(original, *tint)
    assert off(tone.even_out(cast), tone.even_out(original)) < 0.75 * off(cast, original)
    assert off(tone.even_out(original), original) < 0.03  # a photo without a cast keeps its colours


def test_a_dark_photo_is_lifted_and_a_good_one_left_nearly_alone() -> None:
    original = _portrait()
    dark = original.point(lambda v: round(v * 0.62))
    lifted = tone.even_out(dark)
    assert ImageStat.Stat(lifted.convert("L")).mean[0] > 1.3 * ImageStat.Stat(dark.convert("L")).mean[0]
    same = ImageChops.difference(tone.even_out(original), original)
    assert max(ImageStat.Stat(same).mean) < 12


def test_a_strongly_coloured_photo_is_nudged_not_repainted() -> None:
    # A red sweater filling the frame is not a cast: grey world would turn it grey; the bounded gains do not.
    red = Image.effect_noise((200, 200), 20).convert("RGB")
    red = Image.merge("RGB", [red.getchannel(0).point(lambda v: 150 + v // 4), *(Image.new("L", red.size, 40),) * 2])
    evened = ImageStat.Stat(tone.even_out(red)).mean
    assert evened[0] / evened[1] > 2.5  # still plainly red


def _warmth(image: Image.Image) -> float:
    red, _, blue = ImageStat.Stat(image).mean
    return red / blue


def test_without_evening_out_a_photo_keeps_its_own_colours() -> None:
    sepia = _tinted(ImageOps.grayscale(_portrait()).convert("RGB"), 1.0, 0.85, 0.62)  # a sepia look, on purpose
    kept = _large(_encode(sepia), Framing(even_out=False))
    evened = _large(_encode(sepia), PLAIN)
    assert _warmth(kept) == pytest.approx(_warmth(sepia), rel=0.04)
    assert _warmth(evened) < 0.9 * _warmth(sepia)  # what evening out would have done to it
    def brightness(image: Image.Image) -> float:
        return ImageStat.Stat(_large(_encode(image), Framing(even_out=False)).convert("L")).mean[0]

    dark = _portrait().point(lambda v: round(v * 0.62))
    assert brightness(dark) / brightness(_portrait()) == pytest.approx(0.62, abs=0.03)  # nor lifted


def test_headshot_even_out_false_in_mkdocs_yml_reaches_every_headshot(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("      headshot_backdrop: true\n",
                                                 "      headshot_backdrop: true\n      headshot_even_out: false\n"))
    assert run_mkdocs_build(site).returncode == 0
    framing = Framing(background="#eef2f6 #c9d3de", backdrop=True, even_out=False)
    for photo in PHOTOS.glob("*.jpg"):
        built = site / "site" / "assets" / "team" / f"{headshots.cache_key(photo.read_bytes(), None, framing)}-2x.webp"
        assert built.read_bytes() == render(photo.read_bytes(), None, framing)[1]


@pytest.mark.parametrize("value", ["'#fff'", "grey", "'#eef2f6 to #c9d3de'"])
def test_a_background_that_is_not_one_or_two_colours_is_one_sentence(site: Path, value: str) -> None:
    from test_cli import run

    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("headshot_background: '#eef2f6 #c9d3de'",
                                                                 f"headshot_background: {value}"), encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 1
    shown = value.strip("'")
    assert result.stderr == (f"mkdocs.yml:43:7: plugins.supporttab.headshot_background: '{shown}' is not a colour "
                             "like #dde3ea, nor two colours for a gradient from top to bottom like '#eef2f6 #c9d3de'; "
                             "write # and six hexadecimal digits for each\n")


def test_a_cached_headshot_on_the_backdrop_is_not_decoded_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes((PHOTOS / "patty.jpg").read_bytes())
    first = headshot(photo, None, BACKDROP, tmp_path / "cache")
    assert first.decoded

    def no_decoding(*args, **kwargs):
        raise AssertionError("a cached photo was decoded")

    monkeypatch.setattr(headshots.Image, "open", no_decoding)
    monkeypatch.setattr(backdrop, "person_mask", no_decoding)
    second = headshot(photo, None, BACKDROP, tmp_path / "cache")
    assert not second.decoded and second.large == first.large
