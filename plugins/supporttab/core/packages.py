"""Heavy libraries, kept out of commands that do not use them: what is installed, read from package metadata
(importing OpenCV just to ask its version costs a warm rebuild more than all its other work), and modules loaded on
first use (Pillow's, which a check whose headshots are all in the cache never touches)."""

from __future__ import annotations

import sys
from importlib import metadata, util
from types import ModuleType

# Every wheel that installs OpenCV's `cv2` module.
OPENCV = ("opencv-python-headless", "opencv-python", "opencv-contrib-python-headless", "opencv-contrib-python")


def opencv_version() -> str:
    """The installed OpenCV wheel's version, or "(unknown)" when `cv2` came from elsewhere."""
    for distribution in OPENCV:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return "(unknown)"


def lazy(name: str) -> ModuleType:
    """The module `name`, executed when one of its attributes is first used (the standard library's LazyLoader)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = util.find_spec(name)
    spec.loader = util.LazyLoader(spec.loader)
    module = util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    # As an import does: without it, other code's `import PIL.Image` then `PIL.Image.new` finds no `Image` on PIL.
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module
