"""SVG status badges with a text label, so the state is never told by colour alone."""

from __future__ import annotations

from markupsafe import escape

from ..core.i18n import gettext
from ..core.urls import UrlScheme
from ..core.vocabulary import BADGE_WORDS, STATE_WORDS, TONE_COLOURS, TONES
from .index import StatusIndex


def badge_files(index: StatusIndex, urls: UrlScheme = UrlScheme()) -> dict[str, str]:
    """The site's badge and each component's, by path in the site (in `urls`' language folder)."""
    files = {urls.source("badges/status.svg"): badge(gettext("status"), gettext(BADGE_WORDS[index.description]),
                                                     index.indicator)}
    for component in index.components:
        files[urls.source(f"badges/{component.id}.svg")] = badge(
            component.name, gettext(STATE_WORDS[component.status]), component.status)
    return files


def _width(text: str) -> int:
    return 10 + round(6.6 * len(text))  # Verdana 11px averages about 6.6 px a character


def badge(label: str, message: str, status: str) -> str:
    """A badge coloured by `status`: a component status or an overall indicator."""
    left, right = _width(label), _width(message)
    total = left + right
    title = escape(f"{label}: {message}")
    label, message = escape(label), escape(message)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<rect width="{left}" height="20" fill="#444"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{TONE_COLOURS[TONES[status]]}"/>'
        f'<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">'
        f'<text x="{left / 2}" y="14">{label}</text><text x="{left + right / 2}" y="14">{message}</text></g>'
        f"</svg>\n"
    )
