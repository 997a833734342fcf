/* What belongs to a page (times, promised updates, the status filter) runs for each page (eachPage); what belongs
   to the window (palette and focus without the theme's script, the notice's close button) once. */
(function () {
  "use strict";

  /* include: each-page.js */

  /* Times: every <time data-st-local> shows the site's time zone; add the reader's own time when it differs, in
     the page's language and its 12- or 24-hour clock. The site's offset from UTC then (data-st-offset, minutes) and
     the reader's, from the Date, are numbers: a reader whose clock agrees costs no `Intl` formatter, the first of
     which costs a slow phone a few hundred milliseconds. */
  var formats = {};  // by locale

  function readerTime(words, instant, sameDay) {
    var locale = words.locale;
    if (!formats[locale]) {
      var short = new Intl.DateTimeFormat(locale, { timeStyle: "short" });  // "04:04", "4:04 AM"
      var hour12 = short.resolvedOptions().hour12;
      formats[locale] = { short: short, withDay: new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric",
        month: "short", hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12: hour12 }) };
    }
    return (sameDay ? formats[locale].short : formats[locale].withDay).format(instant);
  }

  /* Whether the reader's clock differs from the site's at `instant` (by their offsets from UTC), and if so whether
     on the same day; null when it agrees, or without the site's offset (the site's time alone is still right). */
  function differs(element, instant) {
    var offset = Number(element.getAttribute("data-st-offset") || NaN);
    var reader = -instant.getTimezoneOffset();
    if (isNaN(offset) || offset === reader) return null;
    var site = new Date(instant.getTime() + offset * 60000), own = new Date(instant.getTime() + reader * 60000);
    return { sameDay: site.getUTCDate() === own.getUTCDate() };
  }

  function addReaderTimes(words) {
    document.querySelectorAll("time[data-st-local]").forEach(function (element) {
      var next = element.nextElementSibling;
      if (next && next.classList.contains("st-local-time")) return;  // this page seen already
      var instant = new Date(element.getAttribute("datetime"));
      if (isNaN(instant.getTime())) return;
      var difference = differs(element, instant);
      if (!difference) return;
      var note = document.createElement("span");
      note.className = "st-local-time";
      note.textContent = " " + words.yourTime.replace("%(time)s", readerTime(words, instant, difference.sameDay));
      element.after(note);
    });
  }

  /* A promised next update: "By 14:00" until then, "Overdue: was due by 14:00" after, in words and style, however
     old the page is. */
  function markDueUpdates(words) {
    document.querySelectorAll("[data-st-due]").forEach(function (element) {
      var due = new Date(element.getAttribute("data-st-due"));
      var label = element.querySelector("[data-st-due-label]");
      if (isNaN(due.getTime()) || !label) return;
      var overdue = Date.now() > due.getTime();
      // The banner says it shorter than the page: its own pair of words, overdue first.
      var pair = (label.getAttribute("data-st-due-words") || "").split("|");
      label.textContent = pair.length === 2 ? pair[overdue ? 0 : 1] : (overdue ? words.overdue : words.due);
      element.classList.toggle("st-due--overdue", overdue);
    });
  }

  /* The status page's filter: show only what affects a region or component. Without JavaScript every list stays
     whole and the form stays hidden. */
  function matches(element, attribute, wanted) {
    if (!wanted) return true;
    var values = (element.getAttribute(attribute) || "").split(" ").filter(Boolean);
    return values.length === 0 && attribute === "data-st-regions" || values.indexOf(wanted) >= 0;
  }

  function connectFilter() {
    var form = document.querySelector("[data-st-filter]");
    if (!form || form.stConnected) return;
    form.stConnected = true;
    var region = form.querySelector("[data-st-filter-region]");
    var component = form.querySelector("[data-st-filter-component]");
    form.addEventListener("change", function () {
      document.querySelectorAll("[data-st-components]").forEach(function (element) {
        element.hidden = !(matches(element, "data-st-regions", region.value) &&
                           matches(element, "data-st-components", component.value));
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  eachPage(function () {
    var words = pageWords();
    if (words) {
      addReaderTimes(words);
      markDueUpdates(words);
    }
    connectFilter();
  });
})();

/* The light/dark toggle on pages without the theme's script, kept where the theme keeps it, so a choice holds on every
   page. The automatic option ("(prefers-color-scheme)") takes the colours of the system's scheme, and follows it. */
(function () {
  "use strict";
  var form = document.querySelector("[data-md-component=palette]");
  if (window.document$ || !form || typeof __md_get !== "function") return;  // the theme's script does it
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  var light = matchMedia("(prefers-color-scheme: light)");

  function choose(index) {
    var input = inputs[index], color = {};
    var system = input.getAttribute("data-md-color-media") === "(prefers-color-scheme)" && form.querySelector(
      "[data-md-color-media='(prefers-color-scheme: " + (light.matches ? "light" : "dark") + ")']");
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      var name = "data-md-color-" + key;
      color[key] = (system && key !== "media" ? system : input).getAttribute(name);
      document.body.setAttribute(name, color[key]);
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
  function save() {
    var index = inputs.findIndex(function (input) { return input.checked; });
    if (index >= 0) __md_set("__palette", choose(index));
  }
  form.addEventListener("change", save);
  light.addEventListener("change", save);
})();

/* Keyboard focus on pages without the theme's script, shown as the theme shows it: its stylesheet rings what carries
   the `focus-visible` class, which only its script sets. */
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

/* The close button of a site's own notice (the theme's `announce.dismiss`). Closed, the notice is remembered by a hash
   of its HTML, which must be as written, the same on every page: a button reached by keyboard carries the focus ring's
   class then, so it comes off first (in the capture phase, before the theme's handler or ours reads the HTML). Beside
   the incident's banner the button goes and the notice stays, on each page instant navigation brings in too (the
   stylesheet's :has does the same where the browser knows it). On pages without the theme's script, close it as the
   theme does. */
(function () {
  "use strict";
  var selector = "[data-md-component=announce] .md-banner__button";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(selector);
    if (!button) return;
    button.classList.remove("focus-visible");
    button.removeAttribute("data-focus-visible-added");
  }, true);
  function keepBanner() {
    var notice = document.querySelector("[data-md-component=announce]");
    var button = notice && notice.querySelector(".md-banner__button");
    if (!button || !notice.querySelector(".st-banner")) return;
    button.hidden = true;
    button.style.display = "none";
    notice.hidden = false;
  }
  if (window.document$) {
    window.document$.subscribe(keepBanner);
    return;
  }
  keepBanner();
  var notice = document.querySelector("[data-md-component=announce]");
  var button = notice && notice.querySelector(".md-banner__button");
  if (!button || button.hidden) return;
  button.addEventListener("click", function () {
    __md_set("__announce", __md_hash(notice.querySelector(".md-typeset").innerHTML));
    notice.hidden = true;
  }, { once: true });
})();
