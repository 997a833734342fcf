"""The team page and its photos, built by real MkDocs: uniform headshots, avatars, and every bad photo."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import CACHE, problems_for_site, run_mkdocs_build
from PIL import Image
from test_status_errors import COMPONENTS, INCIDENT, MAINTENANCE

RELEASE = "photo_release: {date: 2026-01-05, reference: HR-2026-001}\n"


def member(photo: str, release: bool = True) -> str:
    return f"name: Test Person\nrole: Support\nphoto: {photo}\n" + (RELEASE if release else "")


def test_team_page_shows_current_staff_in_order_with_photos_or_initials(built_example: Path) -> None:
    html = (built_example / "team" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<p class="st-member__name">([^<]+)</p>', html)
    assert names == ["Patty Hughes", "Bob Okafor", "Amara Lindqvist", "Łukasz Nowak", "Øystein Berg", "Ærin Holm",
                     "王芳"]
    assert "Sam Rivera" not in html  # former staff leave the team page
    photo = re.search(r'<li class="st-member" id="member-amara">\s*<img ([^>]+)>', html)
    assert photo
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', photo[1]))
    assert attributes["width"] == "240" and attributes["height"] == "300" and attributes["loading"] == "lazy"
    assert attributes["alt"] == "Photo of Amara Lindqvist"
    small, large = re.findall(r"(\S+) [12]x", attributes["srcset"])
    assert small == attributes["src"] and small.endswith("-1x.webp") and large.endswith("-2x.webp")
    assert Image.open(built_example / "team" / small).size == (240, 300)
    assert Image.open(built_example / "team" / large).size == (480, 600)
    initials = re.findall(r'<span class="st-portrait st-avatar st-avatar--\d st-portrait--card" '
                          r'aria-hidden="true"><span>([^<]+)</span></span>', html)
    assert initials == ["BO", "ŁN", "ÆH", "王芳"]


def test_a_signature_says_the_name_once_beside_a_small_round_face(built_example: Path) -> None:
    html = (built_example / "incidents/2026-11-20-card-payments-failing/index.html").read_text(encoding="utf-8")
    signature = re.search(r'<a class="st-signature__person" href="../../team/#member-amara">(.*?)</a>', html, re.S)
    assert signature
    face = re.search(r'<img class="st-face" src="([^"]+)" width="32" height="32" [^>]*alt="">', signature[1])
    assert face and face[1].endswith("-face.webp")
    # sized for 32 CSS pixels on a 2x screen, not the team page's 480×600 headshot
    assert Image.open(built_example / "incidents/2026-11-20-card-payments-failing" / face[1]).size == (64, 64)
    assert "-1x.webp" not in html and "-2x.webp" not in html
    assert re.sub(r"<[^>]+>", "", signature[1]).strip() == "Amara Lindqvist"


def test_former_staff_still_sign_their_old_updates(built_example: Path) -> None:
    html = (built_example / "incidents/2026-11-15-database-upgrade/index.html").read_text(encoding="utf-8")
    # not a link: Sam is no longer on the team page; no photo, so initials in the same round form
    assert re.search(r'<span class="st-signature__person">\s*<span class="st-face st-avatar st-avatar--\d" '
                     r'aria-hidden="true">SR</span><span class="st-signature__name">Sam Rivera</span>',
                     html)


def test_every_bad_photo_warns_and_falls_back_to_initials(site: Path) -> None:
    team = site / "team"
    photos = team / "photos"
    noise = io.BytesIO()
    Image.effect_noise((300, 300), 60).convert("RGB").save(noise, "JPEG")
    cases = {
        "missing": (member("photos/nope.jpg"), "the photo 'photos/nope.jpg' does not exist in team/; check the "
                    "file name"),
        "dotdot": (member("../content/hub.yml"), "the photo path '../content/hub.yml' leaves the team folder; put "
                   "the photo inside team/ and give its path from there"),
        "absolute": (member("/etc/hostname"), "the photo path '/etc/hostname' leaves the team folder; put the photo "
                     "inside team/ and give its path from there"),
        "symlink": (member("photos/link.jpg"), "the photo 'photos/link.jpg' leads outside the team folder through "
                    "a link; copy the photo itself into team/"),
        "linkedfolder": (member("elsewhere/amara.jpg"), "the photo 'elsewhere/amara.jpg' leads outside the team "
                         "folder through a link; copy the photo itself into team/"),
        "thin": (member("photos/thin.png"), "the photo is 600×2 pixels, too small or too thin to show a face; use "
                 "a photo at least 64 pixels on each side"),
        "norelease": (member("photos/amara.jpg", release=False), "there is no photo_release, so the photo is not "
                      "published; add photo_release with the date and reference of the signed release"),
        "notimage": (member("photos/notes.jpg"), "the file is not a photo in a format we accept; use JPEG, PNG or "
                     "WebP"),
        "empty": (member("photos/empty.jpg"), "the photo file is empty; copy the photo again"),
        "truncated": (member("photos/truncated.jpg"), "the photo is damaged or cut short ("),
        "huge": (member("photos/huge.png"), "the photo is 9000×5000 pixels, over the limit of 40 megapixels; save a "
                 "smaller copy"),
        "svg": (member("photos/logo.svg"), "SVG drawings are not accepted as photos; export a JPEG or PNG instead"),
        "heic": (member("photos/phone.heic"), "HEIC photos (the iPhone default) are not supported; convert it to "
                 "JPEG or PNG"),
    }
    (photos / "link.jpg").symlink_to(site / "content" / "hub.yml")
    outside = site.parent / "outside"
    outside.mkdir()
    shutil.copy(photos / "amara.jpg", outside / "amara.jpg")
    (team / "elsewhere").symlink_to(outside, target_is_directory=True)
    Image.new("RGB", (600, 2), "grey").save(photos / "thin.png")
    (photos / "notes.jpg").write_text("not a photo")
    (photos / "empty.jpg").write_bytes(b"")
    (photos / "truncated.jpg").write_bytes(noise.getvalue()[:2000])
    Image.new("1", (9000, 5000)).save(photos / "huge.png")
    (photos / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    (photos / "phone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(100))
    for name, (text, _) in cases.items():
        (team / f"x-{name}.yml").write_text(text, encoding="utf-8")

    relaxed = run_mkdocs_build(site, strict=False)
    assert relaxed.returncode == 0, relaxed.stderr
    for name, (_, message) in cases.items():
        assert f"WARNING -  team/x-{name}.yml:3:8: photo: {message}" in relaxed.stderr, name
    html = (site / "site" / "team" / "index.html").read_text(encoding="utf-8")
    assert html.count("<span>TP</span>") == len(cases)  # every one shown with initials instead
    assert len(re.findall(r"<img class=\"st-portrait", html)) == 3  # only the released photos of Patty, Amara and Øystein

    strict = run_mkdocs_build(site)
    assert strict.returncode == 1
    assert f"Aborted with {len(cases)} warnings in strict mode!" in strict.stdout + strict.stderr


def test_unknown_author_is_an_error_once_there_is_a_team(tmp_path: Path) -> None:
    files = {"incidents/components.yml": COMPONENTS, "incidents/maintenance/db-upgrade.yml": MAINTENANCE,
             "incidents/web-down.yml": INCIDENT.replace("author: Patty", "author: patty", 1),
             "team/patty.yml": "name: Patty Hughes\nrole: Support lead\n",
             "team/bob.yml": "name: Bob Okafor\nrole: Incident manager\n"}
    assert problems_for_site(tmp_path, files) == [
        "incidents/maintenance/db-upgrade.yml:8:13: updates[0].author: 'Bob' is not a member of the team; did you "
        "mean 'bob'?",
        "incidents/web-down.yml:12:13: updates[1].author: 'Patty' is not a member of the team; did you mean "
        "'patty'?",
    ]


@pytest.mark.parametrize("name", ["'   '", "'-'", "'42'"])
def test_a_member_name_must_be_a_name(tmp_path: Path, name: str) -> None:
    assert problems_for_site(tmp_path, {"team/patty.yml": f"name: {name}\nrole: Lead\n"}) == [
        f"team/patty.yml:1:7: name: {name} is not a name; write the person's name as customers will see it, "
        "like Patty Hughes"]


def test_member_file_name_must_make_an_id(tmp_path: Path) -> None:
    assert problems_for_site(tmp_path, {"team/Patty Hughes.yml": "name: Patty Hughes\nrole: Lead\n"}) == [
        "team/Patty Hughes.yml:1:1: 'Patty Hughes.yml' does not make a unique member id; name the file after the "
        "person in lowercase, like patty.yml"]


def test_warm_rebuild_makes_no_headshot(site: Path) -> None:
    shutil.rmtree(site / CACHE, ignore_errors=True)  # the first build, with nothing cached yet
    first = run_mkdocs_build(site)
    assert "Headshots: 3 made, 0 from the cache" in first.stderr
    second = run_mkdocs_build(site)
    assert "Headshots: 0 made, 3 from the cache" in second.stderr
    assert (site / ".supporttab-cache" / "headshots").is_dir()
