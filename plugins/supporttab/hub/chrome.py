"""What every page shows around its content: the help entry point (WCAG 2.2 SC 3.2.6, Consistent Help)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import Reading
from .model import Hub
from .view import ContactLink, contact_link


@dataclass(frozen=True)
class SiteChrome:
    """The help strip under the header: the first phone line and email, and a link to every channel."""

    help_title: str  # in the page's language, or as written (an AsWritten) when untranslated
    quick_contacts: tuple[ContactLink, ...]


def build_chrome(hub: Hub, say: Reading = Reading()) -> SiteChrome:
    """The help strip in `say`'s language."""
    quick = []
    for kind in ("phone", "email"):
        channel = next((c for c in hub.help_from_us.channels if c.kind == kind), None)
        if channel:
            quick.append(contact_link(channel))
    return SiteChrome(help_title=say.text(hub.help_from_us.title), quick_contacts=tuple(quick))
