/* Support Tab: the hub's "Open now" line, computed in the reader's browser from the opening hours that the
   page also shows as a plain table (the fallback without JavaScript). */
(function () {
  "use strict";

  var line = document.querySelector("[data-st-open-now]");
  var source = document.getElementById("st-hours");
  if (!line || !source) return;
  var hours = JSON.parse(source.textContent);
  var zone = hours.timezone;

  /* The wall-clock date and time of `instant` in `timeZone`. */
  function wallClock(timeZone, instant) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    }).formatToParts(instant).forEach(function (part) { parts[part.type] = Number(part.value); });
    return parts;
  }

  /* How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
  function offset(timeZone, instant) {
    var p = wallClock(timeZone, instant);
    var whole = Math.floor(instant.getTime() / 1000) * 1000;
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
  }

  /* The instant when the clock in `timeZone` shows `minutes` past midnight on the given UTC-noted day. */
  function instantAt(day, minutes) {
    var guess = day.getTime() + minutes * 60000;
    var first = guess - offset(zone, new Date(guess));
    return new Date(guess - offset(zone, new Date(first)));
  }

  function toMinutes(text) { return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5)); }

  var DAY = 86400000;

  /* The opening hours from yesterday to two weeks ahead as instants, [start, end] in time order, with ranges that
     touch or overlap merged: Monday 22:00-24:00 and Tuesday 00:00-02:00 are one stretch, and a line open every
     hour of the week is one long one. Instants, not wall times, so the hour the clocks go back counts once. */
  function openStretches(now) {
    var p = wallClock(zone, now), list = [];
    for (var dayIndex = -1; dayIndex < 15; dayIndex++) {
      var day = new Date(Date.UTC(p.year, p.month - 1, p.day + dayIndex));
      if (hours.closures.indexOf(day.toISOString().slice(0, 10)) >= 0) continue;
      (hours.weekly[String(day.getUTCDay())] || []).forEach(function (range) {
        var start = instantAt(day, toMinutes(range[0])), end = instantAt(day, toMinutes(range[1]));
        if (end > start) list.push([start, end]);
      });
    }
    list.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    list.forEach(function (stretch) {
      var last = merged[merged.length - 1];
      if (last && stretch[0] <= last[1]) last[1] = new Date(Math.max(last[1], stretch[1]));
      else merged.push([stretch[0], stretch[1]]);
    });
    return merged;
  }

  /* 0 for the team's today, 1 for tomorrow..., counted on the team's calendar. */
  function daysAhead(instant, now) {
    var a = wallClock(zone, now), b = wallClock(zone, instant);
    return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
  }

  function dayName(instant, now) {
    var ahead = daysAhead(instant, now);
    if (ahead === 0) return "today";
    if (ahead === 1) return "tomorrow";
    return new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: zone }).format(instant);
  }

  function clock(instant) {
    var p = wallClock(zone, instant);
    return String(p.hour).padStart(2, "0") + ":" + String(p.minute).padStart(2, "0");
  }

  /* " (your time 15:00)" when the reader's clock differs from the team's, else "". */
  function yourTime(instant) {
    var local = -instant.getTimezoneOffset() * 60000;
    if (local === offset(zone, instant)) return "";
    var format = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    if (wallClock(zone, instant).day !== instant.getDate()) format.weekday = "long";
    return " (your time " + new Intl.DateTimeFormat("en-GB", format).format(instant) + ")";
  }

  /* When an open stretch ends: "20:00", "midnight", or "tomorrow 02:00" when it runs past midnight. */
  function until(end, now) {
    var wall = clock(end);
    if (wall === "00:00" && daysAhead(end, now) === 1) return "midnight";
    return daysAhead(end, now) === 0 ? wall : dayName(end, now) + " " + wall;
  }

  function describe(now) {
    var stretches = openStretches(now);
    for (var i = 0; i < stretches.length; i++) {
      var start = stretches[i][0], end = stretches[i][1];
      if (start <= now && now < end) {
        if (end - now > 7 * DAY) return "Open now, day and night.";
        return "Open now until " + until(end, now) + yourTime(end) + ".";
      }
      if (start > now) return "Closed now. Opens " + dayName(start, now) + " " + clock(start) + yourTime(start) + ".";
    }
    return "Closed now.";
  }

  function update() {
    var text = describe(new Date());
    line.textContent = text;
    line.classList.toggle("st-open-now--open", text.indexOf("Open now") === 0);
  }

  update();
  setInterval(update, 60000);
})();

/* Times: every <time data-st-local> shows the site's time zone; add the reader's own time when it differs. */
(function () {
  "use strict";
  var format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  var withDay = new Intl.DateTimeFormat("en-GB", {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });
  document.querySelectorAll("time[data-st-local]").forEach(function (element) {
    var instant = new Date(element.getAttribute("datetime"));
    var zone = element.getAttribute("data-st-zone");
    if (isNaN(instant.getTime()) || !zone) return;
    var site = new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", hour: "2-digit",
                                                  minute: "2-digit", hourCycle: "h23" }).format(instant);
    var reader = new Intl.DateTimeFormat("en-GB", { day: "numeric", hour: "2-digit", minute: "2-digit",
                                                    hourCycle: "h23" }).format(instant);
    if (site === reader) return;
    var sameDay = site.split(" ")[0] === reader.split(" ")[0];
    var note = document.createElement("span");
    note.className = "st-local-time";
    note.textContent = " (your time " + (sameDay ? format : withDay).format(instant) + ")";
    element.after(note);
  });
})();

/* A promised next update: "By 14:00" until then, "Overdue: was due by 14:00" after, in words and style, however
   old the page is. */
(function () {
  "use strict";
  document.querySelectorAll("[data-st-due]").forEach(function (element) {
    var due = new Date(element.getAttribute("data-st-due"));
    var label = element.querySelector("[data-st-due-label]");
    if (isNaN(due.getTime()) || !label) return;
    var overdue = Date.now() > due.getTime();
    label.textContent = overdue ? "Overdue: was due by" : "By";
    element.classList.toggle("st-due--overdue", overdue);
  });
})();

/* The status page's filter: show only what affects a region or component. Without JavaScript every
   list stays whole and the form stays hidden. */
(function () {
  "use strict";
  var form = document.querySelector("[data-st-filter]");
  if (!form) return;
  var region = form.querySelector("[data-st-filter-region]");
  var component = form.querySelector("[data-st-filter-component]");

  function matches(element, attribute, wanted) {
    if (!wanted) return true;
    var values = (element.getAttribute(attribute) || "").split(" ").filter(Boolean);
    return values.length === 0 && attribute === "data-st-regions" || values.indexOf(wanted) >= 0;
  }

  function apply() {
    document.querySelectorAll("[data-st-components]").forEach(function (element) {
      element.hidden = !(matches(element, "data-st-regions", region.value) &&
                         matches(element, "data-st-components", component.value));
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
