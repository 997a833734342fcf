"""The build clock: now, or SOURCE_DATE_EPOCH when set, so builds can be reproduced."""

from __future__ import annotations

import datetime as dt
import os


def build_time() -> dt.datetime:
    """The instant this build happens at, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)
