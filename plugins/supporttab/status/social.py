"""A ready-to-post short message for social channels: status, title, what to know, the link and a signature,
in at most 280 characters. Feeds carry the same text, so scheduling tools can post it from there."""

from __future__ import annotations

from functools import cache

from ..core.markdown import MarkdownRenderer

LIMIT = 280


@cache
def _renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def plain_text(markdown: str) -> str:
    """Markdown reduced to one line of the words a reader sees (rendered, then the tags dropped, as the widget
    does): links keep their words, images go, and `*`, `_`, `#`, `>` the author meant as text stay."""
    return " ".join(_renderer().render(markdown).striptags().split())


def signature(name: str) -> str:
    """'Patty Hughes' -> '^PH', the signature social teams use."""
    words = name.split()
    return "^" + "".join(word[0] for word in words[:3]).upper() if words else ""


def social_post(status_label: str, title: str, body: str, url: str, author_name: str) -> str:
    """'Resolved: Title. What to know… https://... ^PH', never over 280 characters."""
    head = f"{status_label}: {title.rstrip('.')}."
    tail = f" {url} {signature(author_name)}"
    room = LIMIT - len(head) - len(tail) - 1
    summary = plain_text(body)
    if room < 20:  # a very long title: shorten the title instead, and leave the details to the link
        head = head[: LIMIT - len(tail) - 1].rstrip() + "…"
        return head + tail
    if len(summary) > room:
        cut = summary[: room - 1]
        summary = (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(",;: ") + "…"
    return f"{head} {summary}{tail}"
