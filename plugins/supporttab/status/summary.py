"""The one answer a customer needs first, in plain words: what is affected, for whom, what to do now and when we
speak next. The hub, the status page and the banner on every other page say it from here, alike; the embeddable
widget says it in a few sentences (`plain_summary`), with the same words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..core.i18n import N_, gettext, list_text, text_html
from ..core.vocabulary import PLAIN_SEVERITY, PLAIN_STATES, SEVERITY, TONES
from .index import EventView, Named, StatusIndex

NO_WORKAROUND = N_("There is nothing you need to do; we will say here if that changes.")
ALL_WELL = N_("Everything is working normally.")


@dataclass(frozen=True)
class Notice:
    """One incident or maintenance going on now, as a customer needs to hear it."""

    event: EventView
    tone: str  # good|minor|major|critical|maintenance, for colour and icon beside the words
    what: str  # "PDF exports: slower than usual"
    who: str  # "Customers in every region" or "Only customers in: United Kingdom, European Union"
    progress: str  # where our work stands
    workaround_html: Markup | None
    next_update: dt.datetime | None  # promised; for maintenance, when it is planned to end
    overdue: bool

    @property
    def severity(self) -> str:
        indicator = "none" if self.tone == "good" else self.tone
        return gettext(PLAIN_SEVERITY[indicator])

    @property
    def todo(self) -> Markup:
        return self.workaround_html or Markup("<p>{}</p>").format(gettext(NO_WORKAROUND))


@dataclass(frozen=True)
class Summary:
    tone: str
    severity: str  # the tone in words: "Minor problem", "All working"
    headline: str
    notices: tuple[Notice, ...]

    @property
    def headline_html(self) -> Markup:
        """The headline for a page: each notice's words, a title shown as written saying its language."""
        if not self.notices:
            return text_html(self.headline)
        return _statements([text_html(notice.what) for notice in self.notices])

    @property
    def single(self) -> Notice | None:
        return self.notices[0] if len(self.notices) == 1 else None

    @property
    def overdue(self) -> bool:
        return any(n.overdue for n in self.notices)

    def notice(self, event_id: str) -> Notice | None:
        """The notice of an event going on now, for the top of its own page."""
        return next((n for n in self.notices if n.event.id == event_id), None)


def summarize(status: StatusIndex) -> Summary:
    """The summary of what is going on at build time: every active incident, then maintenance in progress."""
    notices = tuple(_notice(event, status.now) for event in status.active)
    headline = _statements([n.what for n in notices]) or gettext("Everything is working normally")
    return Summary(tone=TONES[status.indicator], severity=gettext(PLAIN_SEVERITY[status.indicator]),
                   headline=headline, notices=notices)


def _notice(event: EventView, now: dt.datetime) -> Notice:
    if event.kind == "maintenance":
        what = gettext("Planned maintenance: %(components)s", components=_names(event.components))
        return Notice(event, "maintenance", what, _who(event), event.progress, None, event.scheduled_until,
                      overdue=False)
    affected, due = _affected(event), event.promised_update
    return Notice(event, TONES[next(iter(affected), event.impact)], _what(event, affected), _who(event),
                  event.progress, event.workaround_html, due, overdue=due is not None and due < now)


def _affected(event: EventView) -> dict[str, list[str]]:
    """Names of the event's components not working normally now, by state, worst first."""
    by_state: dict[str, list[str]] = {}
    for component in event.components:
        state = event.component_states.get(component.id, "operational")
        if state != "operational":
            by_state.setdefault(state, []).append(component.name)
    return dict(sorted(by_state.items(), key=lambda item: -SEVERITY.index(item[0])))


def _what(event: EventView, affected: dict[str, list[str]]) -> str:
    """'Card payments: not working; Invoice emails: slower than usual', or the title when every component is
    back to normal (a fix being watched) or none was marked."""
    parts = [gettext("%(components)s: %(state)s", components=_join(names), state=gettext(PLAIN_STATES[state]))
             for state, names in affected.items()]
    return _statements(parts) or event.title


def _statements(parts: Sequence[str]) -> str:
    """Separate statements one after another, with the language's own mark between them ('A; B', 'A ; B',
    'A؛ B'): not a list, as each may list components itself. Markup parts give Markup."""
    # Translators: the mark between two separate statements, as in "Card payments: not working; API: slower than usual"
    separator = gettext("; ")
    return escape(separator).join(parts) if any(isinstance(part, Markup) for part in parts) else separator.join(parts)


def _who(event: EventView) -> str:
    if event.regions:
        return gettext("Only customers in: %(regions)s", regions=_names(event.regions))
    return gettext("Customers in every region")


def _names(named: Sequence) -> str:
    return _join([n.name for n in named])


def _join(names: Sequence[str]) -> str:
    return list_text(names)


@dataclass(frozen=True)
class StatusSummary:
    text: str
    tone: str  # good, minor, major, critical or maintenance: the colour that goes with it


def plain_summary(status: StatusIndex) -> StatusSummary:
    """For the widget: each affected part, what is wrong with it and for whom; else the open incidents by title
    (nothing marked yet); else that everything works."""
    parts = [_component_sentence(c.name, c.status, _regions_marking(status, c.id)) for c in status.components
             if c.status != "operational"]
    if not parts:
        parts = [_problem_sentence(e.title, e.regions) for e in status.active if e.kind == "incident"]
    return StatusSummary(" ".join(parts) or gettext(ALL_WELL), TONES[status.indicator])


def _component_sentence(name: str, state: str, regions: tuple[Named, ...]) -> str:
    """'Card payments: not working, for customers in United Kingdom.'; no regions means everyone."""
    if regions:
        return gettext("%(component)s: %(state)s, for customers in %(regions)s.", component=name,
                       state=gettext(PLAIN_STATES[state]), regions=_names(regions))
    return gettext("%(component)s: %(state)s.", component=name, state=gettext(PLAIN_STATES[state]))


def _problem_sentence(title: str, regions: tuple[Named, ...]) -> str:
    if regions:
        return gettext("We are looking into a problem: %(title)s, for customers in %(regions)s.", title=title,
                       regions=_names(regions))
    return gettext("We are looking into a problem: %(title)s.", title=title)


def _regions_marking(status: StatusIndex, component: str) -> tuple[Named, ...]:
    """Who the part is down for: the regions of the active events that mark it, or no one in particular when
    one of them names no region (it affects everyone)."""
    events = [e for e in status.active if component in e.component_states]
    if not events or any(not e.regions for e in events):
        return ()
    return tuple(dict.fromkeys(r for e in events for r in e.regions))
