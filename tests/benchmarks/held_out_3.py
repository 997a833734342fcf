"""Held-out-3: five people the headshot pipeline has never been tuned on, fixed before the work it measures.

    python tests/benchmarks/held_out_3.py FOLDER      # fetch the photos into FOLDER

Held-out-2 was looked at while the levelling was tuned, so its figures are no longer a clean test. These five were
chosen, their pupils marked and this file committed before any pipeline change they are meant to judge (the
levelling and eye distance of pipeline 12); `headshots.py --held-out-3 FOLDER` runs them once, on the pipeline at
--old and on this one side by side. They are for measurement only: never shipped, never in the example site (the
package says nothing of where the photos come from: team/photos/SOURCES.md).

The photos come from one package registry, fetched with its ordinary client and checked by SHA-256: Debian 12's
`gramps` (`apt-get download`, needs `apt-get update` once), whose example family tree holds old portraits and
snapshots of people. None of them is anyone measured before (the tuned-on set, held-out-2 or Obama).

Pupils were marked by eye, once, on each source photo: YuNet (the benchmark's own `detect`, not the pipeline)
gave a first guess, then each eye was viewed enlarged 11-17 times with its contrast stretched, a one-pixel scale at
the edges and a cross on the guess, moved onto the centre of the iris's dark disc, and viewed again. x, y in the
photo's pixels (a pixel's centre is at +0.5), the eye on the image's left first. Where an eye is narrowed or in
shadow, the mark is the middle of the dark part of the eye opening, and the note says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

import held_out_2
from held_out_2 import Person

GRAMPS = "gramps=5.1.5-1"  # Debian 12
GRAMPS_IMAGES = "usr/share/doc/gramps/example/gramps/"

PEOPLE = {
    "dahlgren": Person(f"apt:{GRAMPS}", GRAMPS_IMAGES + "E_W_Dahlgren.jpg",
                       "c88a839c7619af83a81e0fbb9a45bb425afcef505b813d970467dc7cabf91deb",
                       ((367.5, 196.8), (441.0, 207.0))),  # 703x622, sepia, old man; his right eye in shadow
    "andersson": Person(f"apt:{GRAMPS}", GRAMPS_IMAGES + "654px-Aksel_Andersson.jpg",
                        "008db50ce49674f9ecf70d45202010d3c291b1f8f50a171370f486dbe770a4c1",
                        ((230.8, 166.5), (304.5, 158.5))),  # 654x600, sepia, bearded, looking aside
    "alimehemet": Person(f"apt:{GRAMPS}", GRAMPS_IMAGES + "Alimehemet.jpg",
                         "c1a6f854038d0b953723f60655806815c19ad7637019cda0936ed2abc4f35af3",
                         ((191.9, 171.6), (244.4, 167.8))),  # 450x518, an engraving in an oval, fez
    "hat": Person(f"apt:{GRAMPS}", GRAMPS_IMAGES + "O3.jpg",
                  "f068790efd8e122fb3b74d4a08566a96519741f634d763539e1acf4ec99b924a",
                  ((87.5, 136.3), (152.6, 132.3))),  # 244x267, grey, a man in a hat, eyes narrowed
    "glasses": Person(f"apt:{GRAMPS}", GRAMPS_IMAGES + "O0.jpg",
                      "ee8917b4c8b72638a15ebe6ea4534fcaca9aede507d2062415c90c49dbef41ec",
                      ((112.1, 154.8), (171.6, 160.2))),  # 228x350, colour, glasses, head tilted a little
}
# Left out: the other photos of the folder show several people, a yawn with closed eyes, or faces under 100 pixels.

# Tuning data now, no longer held out: what its figures were looked at for (None while untouched).
TUNED_ON: str | None = "looked at while tuning pipeline 13's turned-aside bounds"


def fetch(folder: Path) -> dict[str, Path]:
    """Each person's photo in `folder` (fetched and unpacked there once), checked by SHA-256."""
    return held_out_2.fetch(folder, PEOPLE, "held-out-3")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, path in fetch(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
