/* Support Tab: the hub's "Open now" line, computed in the reader's browser from the opening hours that the
   page also shows as a plain table (the fallback without JavaScript). */
(function () {
  "use strict";

  var line = document.querySelector("[data-st-open-now]");
  var source = document.getElementById("st-hours");
  if (!line || !source) return;
  var hours = JSON.parse(source.textContent);
  var words = JSON.parse(document.getElementById("st-words").textContent);

  /* include: open-now.js */

  function update() {
    var now = new Date();
    line.textContent = openNowText(hours, now, words);
    line.classList.toggle("st-open-now--open", isOpenNow(hours, now));
  }

  update();
  setInterval(update, 60000);
})();

/* Times: every <time data-st-local> shows the site's time zone; add the reader's own time when it differs, in
   the page's language and its 12- or 24-hour clock. */
(function () {
  "use strict";
  var source = document.getElementById("st-words");
  if (!source) return;
  var words = JSON.parse(source.textContent);
  var format = new Intl.DateTimeFormat(words.locale, { timeStyle: "short" });  // "04:04", "4:04 AM"
  var hour12 = format.resolvedOptions().hour12;
  var withDay = new Intl.DateTimeFormat(words.locale, { weekday: "short", day: "numeric", month: "short",
    hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12: hour12 });
  var dayAndTime = { day: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h23" };
  document.querySelectorAll("time[data-st-local]").forEach(function (element) {
    var instant = new Date(element.getAttribute("datetime"));
    var zone = element.getAttribute("data-st-zone");
    if (isNaN(instant.getTime()) || !zone) return;
    var site = new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: zone }, dayAndTime)).formatToParts(instant);
    var reader = new Intl.DateTimeFormat("en-GB", dayAndTime).formatToParts(instant);
    function part(parts, type) { return parts.filter(function (p) { return p.type === type; })[0].value; }
    if (["day", "hour", "minute"].every(function (type) { return part(site, type) === part(reader, type); })) return;
    var sameDay = part(site, "day") === part(reader, "day");
    var note = document.createElement("span");
    note.className = "st-local-time";
    note.textContent = " " + words.yourTime.replace("%(time)s", (sameDay ? format : withDay).format(instant));
    element.after(note);
  });
})();

/* A promised next update: "By 14:00" until then, "Overdue: was due by 14:00" after, in words and style, however
   old the page is. */
(function () {
  "use strict";
  var source = document.getElementById("st-words");
  if (!source) return;
  var words = JSON.parse(source.textContent);
  document.querySelectorAll("[data-st-due]").forEach(function (element) {
    var due = new Date(element.getAttribute("data-st-due"));
    var label = element.querySelector("[data-st-due-label]");
    if (isNaN(due.getTime()) || !label) return;
    var overdue = Date.now() > due.getTime();
    label.textContent = overdue ? words.overdue : words.due;
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
