/* Support Tab: the theme's script on demand, for the pages that name it on this script's tag (the hub, the team page,
   articles). Search, and what the theme's script adds to a page, load when a reader reaches for search (the header's
   search field or button, or the theme's keys f, s and /) or arrives with a search in the address (?q= from a light
   page, ?h= from a search result). Until then the page paints and settles without its 114 KB, as light pages do,
   and this script does what of the theme's changes how the page reads: content tables wrapped to scroll sideways on
   their own, wide code blocks reachable from the keyboard, and the keys to the next and previous page. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var source = tag && tag.getAttribute("data-st-theme-script");
  if (!source || window.document$) return;
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  var requested = false;

  // Tables in the page's content, wrapped as the theme's script wraps them (to scroll sideways on their own, with its
  // spacing around them), until it loads and wraps them itself.
  var tables = document.querySelectorAll("[data-md-component=content] table:not([class])");
  tables.forEach(function (table) {
    var outer = document.createElement("div");
    var inner = document.createElement("div");
    outer.className = "md-typeset__scrollwrap";
    inner.className = "md-typeset__table";
    table.replaceWith(outer);
    outer.appendChild(inner).appendChild(table);
  });

  // Code blocks wider than the page take keyboard focus, to scroll without a mouse, where a reader can hover (axe:
  // scrollable-region-focusable), as the theme's script decides it.
  var codes = document.querySelectorAll("[data-md-component=content] pre > code");
  function focusWideCode() {
    var hover = matchMedia("(hover)").matches;
    codes.forEach(function (code) {
      if (hover && code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
      else code.removeAttribute("tabindex");
    });
  }
  focusWideCode();
  window.addEventListener("resize", focusWideCode);

  // The theme starts on DOMContentLoaded, which has long passed when its script arrives. Its own listeners for that
  // event are collected while it runs and called then; firing the event again would run every other script's too.
  var addListener = document.addEventListener;
  var starters = [];
  function collectStarters(type, listener, options) {
    if (type === "DOMContentLoaded") starters.push(listener);
    else addListener.call(document, type, listener, options);
  }

  function load(open) {
    if (requested) return;
    requested = true;
    var script = document.createElement("script");
    script.src = source;
    document.addEventListener = collectStarters;
    script.onerror = function () { document.addEventListener = addListener; };
    script.onload = function () {
      document.addEventListener = addListener;
      window.removeEventListener("resize", focusWideCode);
      tables.forEach(function (table) { table.parentNode.parentNode.replaceWith(table); });
      var started = new Event("DOMContentLoaded");
      starters.forEach(function (listener) {
        if (typeof listener === "function") listener.call(document, started);
        else listener.handleEvent(started);
      });
      if (!input || !(open || (toggle && toggle.checked) || document.activeElement === input)) return;
      if (toggle && !toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      input.focus();
    };
    document.body.appendChild(script);
  }

  var query = new URLSearchParams(location.search);
  if (query.has("q") || query.has("h")) return load(false);
  document.querySelectorAll("label[for=__search]").forEach(function (label) {
    label.addEventListener("click", function () { load(true); });
  });
  if (input) input.addEventListener("focus", function () { load(true); });
  // The theme's keys until it loads: f, s and / open search; n or . and p or , go to the next and previous page.
  var pages = {n: "next", ".": "next", p: "prev", ",": "prev"};
  document.addEventListener("keydown", function onKey(event) {
    var target = event.target;
    if (requested || event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var link = pages[event.key] && document.querySelector("link[rel=" + pages[event.key] + "]");
    if (link) {
      event.preventDefault();
      location.href = link.href;
    } else if (["f", "s", "/"].indexOf(event.key) >= 0) {
      event.preventDefault();
      document.removeEventListener("keydown", onKey);
      load(true);
    }
  });
})();
