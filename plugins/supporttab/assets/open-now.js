/* "Open now" from the team's weekly hours in its own time zone, with the reader's time added when their clock
   differs: "Open now until 20:00 (your time 15:00).", in the words and locale of the page (`words`, from
   core/scriptwords.py). One source for the hub and the <support-tab> widget: the build puts this file where either
   script says include: open-now.js, inside that script's own scope.
   The hub's hours come with the build's table of the coming weeks (`hours.table`, hub/openings.py), so a reader on
   the team's clock makes no `Intl` formatter (the first costs a slow phone 100-350 ms); outside it, `Intl` does. */
var DAY = 86400000, MINUTE = 60000, FAR = 7;  // days ahead from which a weekday is ambiguous

/* The team's clock while the build's table lasts: stretches open, and the zone's offset, day and words at an
   instant, from numbers alone. */
function tableClock(table) {
  function offset(instant) {
    var minutes = table.offsets[0][1];
    table.offsets.forEach(function (change) { if (instant >= table.from + change[0] * MINUTE) minutes = change[1]; });
    return minutes * MINUTE;
  }
  function wall(instant) { return new Date(instant.getTime() + offset(instant)); }
  return {
    stretches: table.open.map(function (stretch) {
      return [new Date(table.from + stretch[0] * MINUTE), new Date(table.from + stretch[1] * MINUTE)];
    }),
    offset: offset,
    day: function (instant) { return Math.floor(wall(instant) / DAY); },
    minuteOfDay: function (instant) { return wall(instant).getUTCHours() * 60 + wall(instant).getUTCMinutes(); },
    weekday: function (instant) { return table.days[wall(instant).getUTCDay()]; },
    date: function (instant) { return table.dates[wall(instant).toISOString().slice(0, 10)]; },
    time: function (instant) { return table.clocks[wall(instant).toISOString().slice(11, 16)]; }
  };
}

/* The team's clock worked out with `Intl`, from the weekly hours around `now`. */
function intlClock(hours, now, words) {
  var zone = hours.timezone;
  return {
    stretches: openStretches(hours, now),
    offset: function (instant) { return offset(zone, instant); },
    day: function (instant) { var p = wallClock(zone, instant); return Date.UTC(p.year, p.month - 1, p.day) / DAY; },
    minuteOfDay: function (instant) { var p = wallClock(zone, instant); return p.hour * 60 + p.minute; },
    weekday: function (instant) { return weekday(zone, instant, words); },
    date: function (instant) { return weekday(zone, instant, words, true); },
    time: function (instant) { return clock(zone, instant, words); }
  };
}

/* The build's table while `now` is inside it, else `Intl`'s. */
function teamClock(hours, now, words) {
  var table = hours.table;
  return table && now >= table.from && now < table.until ? tableClock(table) : intlClock(hours, now, words);
}

/* The wall-clock date and time of `instant` in `zone`. One formatter per zone: two weeks of hours ask a hundred
   times, and making a formatter costs far more than using one (a tenth of a second on a slow phone). */
var wallClocks = {};
function wallClock(zone, instant) {
  var parts = {};
  wallClocks[zone] = wallClocks[zone] || new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
    hour: "numeric", minute: "numeric", second: "numeric"
  });
  wallClocks[zone].formatToParts(instant).forEach(function (part) { parts[part.type] = Number(part.value); });
  return parts;
}

/* How far `zone` is ahead of UTC at `instant`, in milliseconds. */
function offset(zone, instant) {
  var p = wallClock(zone, instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/* The instant the clock in `zone` shows `text` ("08:00", "24:00") on `day` (midnight UTC of that date), as the
   build has it: a time shown twice opens at the first and closes at the second; a skipped one comes an hour late. */
function instantAt(zone, day, text, closing) {
  var wall = day.getTime() + (Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * MINUTE;
  var before = offset(zone, new Date(wall - DAY)), after = offset(zone, new Date(wall + DAY));
  var shown = [wall - before, wall - after].filter(function (t) { return offset(zone, new Date(t)) === wall - t; });
  if (!shown.length) return new Date(wall - before);
  return new Date(Math[closing ? "max" : "min"].apply(null, shown));
}

/* The opening hours from yesterday to two weeks ahead (past closed days) as instants, [start, end] in time order,
   with ranges that touch or overlap merged: Monday 22:00-24:00 and Tuesday 00:00-02:00 are one stretch, and a line
   open every hour of the week is one long one. Instants, not wall times, so the hour the clocks go back counts once. */
function openStretches(hours, now) {
  var zone = hours.timezone, p = wallClock(zone, now), list = [], merged = [];
  for (var ahead = -1, last = 14; ahead <= last; ahead++) {
    var day = new Date(Date.UTC(p.year, p.month - 1, p.day + ahead));
    if (hours.closures.indexOf(day.toISOString().slice(0, 10)) >= 0) { last++; continue; }
    (hours.weekly[String(day.getUTCDay())] || []).forEach(function (range) {
      var start = instantAt(zone, day, range[0], false), end = instantAt(zone, day, range[1], true);
      if (end > start) list.push([start, end]);
    });
  }
  list.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (stretch) {
    var last = merged[merged.length - 1];
    if (last && stretch[0] <= last[1]) last[1] = new Date(Math.max(last[1], stretch[1]));
    else merged.push(stretch);
  });
  return merged;
}

/* 0 for the team's today, 1 for tomorrow..., counted on the team's calendar. */
function daysAhead(team, instant, now) {
  return team.day(instant) - team.day(now);
}

/* `template` with each %(name)s replaced by values[name]: the sentences come translated from the page. */
function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, function (all, name) { return values[name]; });
}

/* "Tuesday", with `date` "Tuesday 5 January". */
function weekday(zone, instant, words, date) {
  return new Intl.DateTimeFormat(words.locale, withDate({ weekday: "long", timeZone: zone }, date)).format(instant);
}

function withDate(format, date) {
  if (date) { format.day = "numeric"; format.month = "long"; }
  return format;
}

/* A time of day as the page's language writes it (CLDR's short time): "08:00", "8:00 AM", "8:00 ص". */
function clock(zone, instant, words) {
  return new Intl.DateTimeFormat(words.locale, { timeStyle: "short", timeZone: zone }).format(instant);
}

/* " (your time 15:00)" when the reader's clock differs from the team's, else "": only then an `Intl` formatter. */
function yourTime(team, instant, words, date) {
  var reader = -instant.getTimezoneOffset() * MINUTE;
  if (reader === team.offset(instant)) return "";
  var format = { timeStyle: "short" };
  if (team.day(instant) !== Math.floor((instant.getTime() + reader) / DAY)) {
    format = withDate(clockWithDay(words.locale, "long"), date);
  }
  return " " + fill(words.yourTime, { time: new Intl.DateTimeFormat(words.locale, format).format(instant) });
}

/* Options for a weekday and a time of day, with the hours as the locale's short time writes them: "Sunday
   22:00", "Sunday 10:00 PM". (Intl's timeStyle cannot be combined with a weekday.) */
function clockWithDay(locale, weekday) {
  var hour12 = new Intl.DateTimeFormat(locale, { timeStyle: "short" }).resolvedOptions().hour12;
  return { weekday: weekday, hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12: hour12 };
}

/* Whether the team is open at `now` (a Date). */
function isOpenNow(hours, now, words) {
  return teamClock(hours, now, words).stretches.some(function (stretch) {
    return stretch[0] <= now && now < stretch[1];
  });
}

/* The sentence for `now` (a Date) in the page's words: open until when, or closed and opening when. */
function openNowText(hours, now, words) {
  var team = teamClock(hours, now, words), stretches = team.stretches;
  for (var i = 0; i < stretches.length; i++) {
    var start = stretches[i][0], end = stretches[i][1];
    if (start <= now && now < end) {
      if (end - now > 7 * DAY) return words.openAllWeek;
      return untilText(team, end, now, words);
    }
    if (start > now) {
      var ahead = daysAhead(team, start, now);
      return fill(words[["opensToday", "opensTomorrow"][ahead] || (ahead < FAR ? "opensDay" : "opensDate")],
                  dayAndTime(team, start, ahead, words));
    }
  }
  return words.closed;
}

/* "Open now until 20:00", "... until midnight", "... until tomorrow 02:00" when it runs past midnight. */
function untilText(team, end, now, words) {
  var ahead = daysAhead(team, end, now), values = dayAndTime(team, end, ahead, words);
  if (team.minuteOfDay(end) === 0 && ahead === 1) return fill(words.openUntilMidnight, values);
  return fill(words[["openUntil", "openUntilTomorrow"][ahead] || (ahead < FAR ? "openUntilDay" : "openUntilDate")],
              values);
}

/* The words for `instant`, `ahead` days on: its date only when FAR (the table has no others). */
function dayAndTime(team, instant, ahead, words) {
  var far = ahead >= FAR;
  return { day: team.weekday(instant), date: far && team.date(instant), time: team.time(instant),
           your_time: yourTime(team, instant, words, far) };
}
