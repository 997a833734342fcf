"""What is installed, read from package metadata: importing a heavy library (OpenCV) just to ask its version costs
a warm rebuild more than all its other work."""

from __future__ import annotations

from importlib import metadata

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
