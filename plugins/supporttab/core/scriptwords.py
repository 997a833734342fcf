"""The words the browser scripts show ("Open now until 20:00", "Overdue: was due by"), translated at build time
and handed to the scripts in the page as JSON, with the locale their `Intl` formats times in: the scripts keep no
catalog of their own. Placeholders are `%(name)s`, filled in by the script."""

from __future__ import annotations

from .i18n import active, gettext


def script_words() -> dict[str, str]:
    """The hub's and every page's scripts: open now, the reader's own time, a promised update."""
    return {
        "locale": active().script_locale,
        "openAllWeek": gettext("Open now, day and night."),
        "openUntil": gettext("Open now until %(time)s%(your_time)s."),
        "openUntilMidnight": gettext("Open now until midnight%(your_time)s."),
        "openUntilTomorrow": gettext("Open now until tomorrow %(time)s%(your_time)s."),
        "openUntilDay": gettext("Open now until %(day)s %(time)s%(your_time)s."),
        "openUntilDate": gettext("Open now until %(date)s %(time)s%(your_time)s."),
        "opensToday": gettext("Closed now. Opens today %(time)s%(your_time)s."),
        "opensTomorrow": gettext("Closed now. Opens tomorrow %(time)s%(your_time)s."),
        "opensDay": gettext("Closed now. Opens %(day)s %(time)s%(your_time)s."),
        "opensDate": gettext("Closed now. Opens %(date)s %(time)s%(your_time)s."),
        "closed": gettext("Closed now."),
        "yourTime": gettext("(your time %(time)s)"),
        "due": gettext("By"),
        "overdue": gettext("Overdue: was due by"),
    }


def widget_words() -> dict[str, str]:
    """The embeddable <support-tab>: its own words, the open-now line it shares with the hub, and the direction its
    panel reads in (an Arabic panel on an English page still reads right to left)."""
    return {
        **script_words(),
        "lang": active().bcp47,
        "dir": "rtl" if active().rtl else "ltr",
        "help": gettext("Help"),
        "helpFrom": gettext("Help from %(organization)s"),
        "allHelpFrom": gettext("All help from %(organization)s"),
        "close": gettext("Close"),
        "talkToUs": gettext("Talk to us"),
        "search": gettext("Search"),
        "mostVisited": gettext("Most visited help articles"),
        "checking": gettext("Checking the current status…"),
        "notLoaded": gettext("We could not load the current status."),
        "statusPage": gettext("See the status page"),
        "signedAt": gettext("%(time)s your time"),
        "somethingWrong": gettext("Something is not working right now."),
    }
