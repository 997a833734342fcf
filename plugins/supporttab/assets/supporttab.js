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

/* The light/dark toggle on light pages (status, history, incidents), which load none of the theme's script: what the
   theme's script does, kept where it keeps it, so a choice made on one page holds on every other. */
(function () {
  "use strict";
  var form = document.querySelector("[data-md-component=palette]");
  if (window.document$ || !form || typeof __md_get !== "function") return;  // the theme's script does it
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));

  function choose(index) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (each, i) {
      var label = each.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    input.checked = true;
    return { index: index, color: color };
  }

  var saved = __md_get("__palette");
  var index = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  if (inputs.length) choose(Math.max(0, Math.min(index, inputs.length - 1)));
  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) __md_set("__palette", choose(index));
  });
})();

/* Keyboard focus on light pages, shown as the theme shows it: its stylesheet rings what carries the `focus-visible`
   class, which only its script sets. */
(function () {
  "use strict";
  if (window.document$) return;
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(":focus-visible")) event.target.classList.add("focus-visible");
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.classList) event.target.classList.remove("focus-visible");
  });
})();
