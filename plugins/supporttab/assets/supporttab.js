/* Support Tab: the hub's "Open now" line, computed in the reader's browser from the opening hours that the
   page also shows as a plain table (the fallback without JavaScript). */
(function () {
  "use strict";

  var line = document.querySelector("[data-st-open-now]");
  var source = document.getElementById("st-hours");
  if (!line || !source) return;
  var hours = JSON.parse(source.textContent);

  /* include: open-now.js */

  function update() {
    var text = openNowText(hours, new Date());
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
    var words = (label.getAttribute("data-st-due-words") || "Overdue: was due by|By").split("|");
    label.textContent = overdue ? words[0] : words[1];
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
